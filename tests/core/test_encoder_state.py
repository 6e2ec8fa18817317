"""The encoder's state file: mapped (shared by workers), identical embeddings, rewritten when unusable."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from bot.core import encoder_state
from bot.core.semantic import SentenceEncoder, shared_encoder

TEXTS = ["JETプログラムの参加者数", "How many ALTs are there?", "国際交流員（CIR）の仕事", "ラーメン"]


def test_a_mapped_encoder_embeds_exactly_like_the_package(tmp_path: Path) -> None:
    mapped = SentenceEncoder(tmp_path)
    vectors = mapped.encode(TEXTS)
    assert encoder_state.state_path(tmp_path).exists()
    assert np.allclose(vectors, shared_encoder().encode(TEXTS), atol=1e-5)
    again = encoder_state.load_backend(tmp_path)  # now read from the file
    assert not again.table.flags.writeable and not again.table.flags.owndata, "the table is mapped, not copied"
    assert np.allclose(again.encode(TEXTS), vectors, atol=1e-6)


def test_a_damaged_state_file_is_ignored_and_written_again(tmp_path: Path) -> None:
    encoder_state.load_backend(tmp_path)
    path = encoder_state.state_path(tmp_path)
    size = path.stat().st_size
    path.write_bytes(path.read_bytes()[: size // 2])
    backend = encoder_state.load_backend(tmp_path)
    assert path.stat().st_size == size
    assert np.allclose(backend.encode(TEXTS), shared_encoder().encode(TEXTS), atol=1e-5)


def test_a_state_that_no_longer_matches_the_package_is_not_used(tmp_path: Path) -> None:
    encoder_state.load_backend(tmp_path)
    path = encoder_state.state_path(tmp_path)
    data = bytearray(path.read_bytes())
    data[-4096:] = bytes(4096)  # the last array (the probe embedding) no longer matches
    path.write_bytes(bytes(data))
    assert encoder_state._mapped(path, 1) is None
    backend = encoder_state.load_backend(tmp_path)
    assert np.allclose(backend.encode(TEXTS), shared_encoder().encode(TEXTS), atol=1e-5)
    assert encoder_state._mapped(path, 1) is not None, "and the file was written again"

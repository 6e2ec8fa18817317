"""Stored example embeddings: found by content hash, written atomically, ignored when damaged."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from bot.core import compact, vector_store
from bot.core.vector_store import StoredVectors


def stored(texts: list[str], seed: int = 1) -> StoredVectors:
    keys = compact.text_keys(texts)
    order = np.argsort(keys)
    q, scales = compact.quantize(np.random.default_rng(seed).normal(size=(len(texts), 8)))
    return StoredVectors(keys[order], q[order], scales[order])


def test_rows_are_found_by_content(tmp_path: Path) -> None:
    store = stored(["a", "b", "c"])
    vector_store.write(tmp_path, "enc", store)
    again = vector_store.read(tmp_path, "enc")
    found = again.find(compact.text_keys(["c", "x", "a"]))
    assert found[1] == -1 and found[0] >= 0 and found[2] >= 0
    assert np.array_equal(again.q[found[0]], store.q[store.find(compact.text_keys(["c"]))[0]])
    assert not list(tmp_path.glob("*.tmp"))


def test_another_encoder_or_no_folder_finds_nothing(tmp_path: Path) -> None:
    vector_store.write(tmp_path, "enc", stored(["a"]))
    assert len(vector_store.read(tmp_path, "other-encoder").keys) == 0
    assert len(vector_store.read(None, "enc").keys) == 0


def test_a_damaged_file_is_ignored(tmp_path: Path) -> None:
    vector_store.write(tmp_path, "enc", stored(["a", "b"]))
    path = vector_store.store_path(tmp_path, "enc")
    path.write_bytes(path.read_bytes()[:40])
    assert len(vector_store.read(tmp_path, "enc").keys) == 0


def test_merging_keeps_the_new_rows_and_old_ones_up_to_the_limit() -> None:
    old, new = stored(["a", "b", "c"], seed=1), stored(["c", "d"], seed=2)
    merged = old.merged(new, limit=3)
    assert len(merged.keys) == 3 and np.all(np.diff(merged.keys) > 0)
    at = merged.find(compact.text_keys(["c", "d"]))
    assert np.array_equal(merged.q[at], new.q[new.find(compact.text_keys(["c", "d"]))]), "new rows win"
    assert len(old.merged(new, limit=10).keys) == 4

"""The fast forward pass embeds exactly like the package (up to float32 rounding), however full its cache."""
from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from bot.core.encoder_fast import FastEncoder
from bot.core.semantic import MAX_CHARS, SentenceEncoder, shared_encoder

# the package's own result, and ours, differ by < 3e-7 per component on these (float32 sums in another order)
TOLERANCE = 1e-6
TEXTS = [
    "JETプログラムの参加者数を教えてください",
    "ALTの任期は何年ですか？",
    "How many ALTs are there, and who pays for them?",
    "国際交流員（CIR）の仕事",
    "ｽﾎﾟｰﾂ国際交流員　ＳＥＡ　１２３",  # half- and full-width forms the normaliser folds
    "Ça va ? Tiếng Việt, 한국어, العربية",
    "",
    " ",
    "？",
    "a",
    ("お世話になっております。○○市教育委員会の田中です。来年度からALTを増やしたいのですが、"
     "どこに要望を出せばよいでしょうか。" * 8)[:MAX_CHARS],
]


@pytest.fixture(scope="module")
def backend() -> Any:
    """The package's backend (weights and tokenizer), loaded the package's way."""
    return shared_encoder()._model()


@pytest.mark.parametrize("text", TEXTS)
def test_one_text_embeds_as_the_package_does(backend: Any, text: str) -> None:
    ours = FastEncoder(backend).encode([text])
    assert ours.shape == (1, 512) and ours.dtype == np.float32
    assert np.allclose(ours, backend.encode([text]), atol=TOLERANCE, rtol=0)


@pytest.mark.parametrize("count", [2, 3, 5, len(TEXTS)])
def test_several_texts_at_once_embed_each_as_alone(backend: Any, count: int) -> None:
    texts = TEXTS[-count:]
    ours = FastEncoder(backend).encode(texts)
    assert np.allclose(ours, backend.encode(texts), atol=TOLERANCE, rtol=0)


def test_a_warm_cache_gives_the_same_embeddings_as_a_cold_one(backend: Any) -> None:
    encoder = FastEncoder(backend)
    cold = encoder.encode(TEXTS)
    assert np.array_equal(encoder.encode(TEXTS), cold)
    assert np.allclose(encoder.encode(TEXTS[:1]), cold[:1], atol=TOLERANCE, rtol=0)  # fewer rows: other kernels


def test_a_cache_smaller_than_a_text_still_embeds_it_right(backend: Any) -> None:
    tiny = FastEncoder(backend, capacity=3)   # every text has more distinct tokens: rows are evicted mid-way
    for _ in range(2):
        assert np.allclose(tiny.encode(TEXTS[:4]), backend.encode(TEXTS[:4]), atol=TOLERANCE, rtol=0)


def test_questions_go_through_the_fast_pass_and_example_batches_through_the_package(backend: Any) -> None:
    encoder = SentenceEncoder()
    questions = encoder.encode(TEXTS[:2])
    assert np.allclose(questions, backend.encode(TEXTS[:2]), atol=TOLERANCE, rtol=0)
    assert encoder._fast is not None and len(encoder._fast._slots) > 0, "questions filled the token cache"
    many = TEXTS * 3
    filled = len(encoder._fast._slots)
    assert np.allclose(encoder.encode(many), backend.encode(many), atol=TOLERANCE, rtol=0)
    assert len(encoder._fast._slots) == filled, "a batch of examples left the cache alone"


def test_warming_a_small_cache_keeps_the_most_used_tokens_and_evicts_them_last(backend: Any) -> None:
    encoder = FastEncoder(backend, capacity=5)
    assert encoder.warm([501, 502, 503, 504, 505, 506, 507]) == 5, "as many as fit, most used first"
    assert list(encoder._slots) == [505, 504, 503, 502, 501], "the most used is the most recently used"
    encoder.encode(["a"])  # three new tokens (with the sentence marks) evict the three least used
    assert list(encoder._slots)[:2] == [502, 501] and 503 not in encoder._slots
    assert np.allclose(encoder.encode([TEXTS[0]]), backend.encode([TEXTS[0]]), atol=TOLERANCE, rtol=0)


def test_warming_a_full_cache_keeps_the_wanted_rows_it_has_and_evicts_the_others(backend: Any) -> None:
    encoder = FastEncoder(backend, capacity=5)
    encoder.warm([501, 502, 503, 504, 505])
    assert encoder.warm([501, 502, 601, 602, 603]) == 3, "two of the five cached already"
    assert list(encoder._slots) == [603, 602, 601, 502, 501], "the others made room; the most used last"

"""Compact example vectors: int8 rows with a scale each stay within their error bound and keep the ranking."""
from __future__ import annotations

import numpy as np
import pytest

from bot.core import compact
from bot.core.knowledge import load_knowledge
from bot.core.semantic import shared_encoder
from paths import INTENTS, KNOWLEDGE

QUESTIONS = ["JETプログラムって何？", "ALTの任期は何年ですか", "CIRの仕事内容を教えて", "総務省の連絡先は",
             "How many countries take part in JET?", "SEAとは何ですか", "事例集はどこで見られますか",
             "参加者の数はどのくらい", "JETの応募資格", "住居の手配は誰がするの"]


def test_round_trip_error_is_at_most_half_a_step_per_component() -> None:
    rows = np.random.default_rng(5).normal(size=(200, 512)).astype(np.float32)
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    q, scales = compact.quantize(rows)
    assert q.dtype == np.int8 and scales.dtype == np.float32 and q.nbytes == rows.nbytes // 4
    error = np.abs(compact.restore(q, scales) - rows)
    assert np.all(error <= scales[:, None] / 2 + 1e-7)
    assert np.all(np.abs(q).max(axis=1) == compact.LEVELS), "each row uses the whole int8 range"


def test_zero_rows_and_empty_matrices_survive() -> None:
    q, scales = compact.quantize(np.zeros((2, 4), dtype=np.float32))
    assert not q.any() and np.all(compact.restore(q, scales) == 0)
    q, scales = compact.quantize(np.zeros((0, 512), dtype=np.float32))
    assert q.shape == (0, 512) and scales.shape == (0,)


def test_content_keys_are_stable_and_distinct() -> None:
    keys = compact.text_keys(["住民票", "住民票", "住民票 ", "JET"])
    assert keys.dtype == np.uint64 and keys[0] == keys[1] and len(set(keys.tolist())) == 3
    assert compact.text_keys(["住民票"])[0] == keys[0]


@pytest.fixture(scope="module")
def real_examples() -> tuple[list[str], np.ndarray, np.ndarray]:
    knowledge = load_knowledge(INTENTS, KNOWLEDGE)
    examples = [e for intent in knowledge.intents for e in intent.examples]
    encoder = shared_encoder()
    return examples, encoder.encode(examples), encoder.encode(QUESTIONS)


def test_cosines_of_real_examples_move_less_than_a_hundredth(real_examples) -> None:
    _, rows, questions = real_examples
    q, scales = compact.quantize(rows)
    exact = questions @ rows.T
    approx = (questions @ q.T.astype(np.float32)) * scales
    assert np.abs(exact - approx).max() < 0.01


def test_ranking_of_real_examples_is_preserved(real_examples) -> None:
    examples, rows, questions = real_examples
    q, scales = compact.quantize(rows)
    exact = questions @ rows.T
    approx = (questions @ q.T.astype(np.float32)) * scales
    for i, question in enumerate(QUESTIONS):
        top_exact = np.argsort(-exact[i])[:5]
        top_approx = np.argsort(-approx[i])[:5]
        assert top_approx[0] == top_exact[0] or exact[i, top_approx[0]] >= exact[i, top_exact[0]] - 0.005, question
        assert len(set(top_exact) & set(top_approx)) >= 4, (question, [examples[j] for j in top_exact])

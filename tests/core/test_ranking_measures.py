"""The ranking measures jetbot eval prints, on hand-made rankings (the published definitions)."""
from __future__ import annotations

import math

import pytest

from bot.evaluation.ranking import ndcg, score


def test_a_relevant_intent_second_halves_the_reciprocal_rank_and_misses_p_at_1() -> None:
    result = score([(["b", "a", "c"], {"a"})])
    assert result.p_at_1 == 0.0 and result.top_5 == 1.0 and result.mrr_at_5 == 0.5
    assert result.ndcg_at_10 == pytest.approx(1 / math.log2(3))


def test_several_relevant_intents_count_for_recall_and_ndcg() -> None:
    result = score([(["a", "x", "b"], {"a", "b", "c"})])
    assert result.recall_at_10 == pytest.approx(2 / 3)
    assert ndcg(["a", "x", "b"], {"a", "b", "c"}) == pytest.approx(
        (1 + 1 / math.log2(4)) / (1 + 1 / math.log2(3) + 1 / math.log2(4)))


def test_a_relevant_intent_below_five_counts_only_for_the_depth_ten_measures() -> None:
    result = score([(["x1", "x2", "x3", "x4", "x5", "a"], {"a"})])
    assert result.top_5 == 0.0 and result.mrr_at_5 == 0.0 and result.recall_at_10 == 1.0

"""Ranking measures for questions that list their relevant intents (``relevant: [ids]``).

The figures published for FAQ-retrieval benchmarks: P@1, MRR@5, nDCG@10, Recall@10 (binary
relevance), plus top-5 (the share of questions with a relevant intent among the first five).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence


@dataclass(frozen=True)
class RankingScores:
    """Mean measures over ``asked`` questions."""

    asked: int
    p_at_1: float
    top_5: float
    mrr_at_5: float
    ndcg_at_10: float
    recall_at_10: float


def _first_hit(ranked: Sequence[str], relevant: set[str], depth: int) -> int | None:
    return next((i for i, intent in enumerate(ranked[:depth]) if intent in relevant), None)


def ndcg(ranked: Sequence[str], relevant: set[str], depth: int = 10) -> float:
    """Normalised discounted cumulative gain at ``depth`` (each relevant intent counts 1)."""
    gain = sum(1 / math.log2(i + 2) for i, intent in enumerate(ranked[:depth]) if intent in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(len(relevant), depth)))
    return gain / ideal if ideal else 0.0


def score(rankings: Sequence[tuple[Sequence[str], set[str]]]) -> RankingScores:
    """Mean P@1, top-5, MRR@5, nDCG@10 and Recall@10 over (ranked intent ids, relevant ids) pairs."""
    n = len(rankings)
    if not n:
        return RankingScores(0, 0.0, 0.0, 0.0, 0.0, 0.0)
    p1 = top5 = mrr = gain = recall = 0.0
    for ranked, relevant in rankings:
        hit = _first_hit(ranked, relevant, 5)
        p1 += hit == 0
        top5 += hit is not None
        mrr += 1 / (hit + 1) if hit is not None else 0.0
        gain += ndcg(ranked, relevant)
        recall += len(relevant.intersection(ranked[:10])) / len(relevant) if relevant else 0.0
    return RankingScores(n, p1 / n, top5 / n, mrr / n, gain / n, recall / n)


def line(scores: RankingScores) -> str:
    """One printable line, as ``jetbot eval`` shows it."""
    return (f"ranking ({scores.asked} questions with relevant intents): P@1 {scores.p_at_1:.3f}  "
            f"top-5 {scores.top_5:.3f}  MRR@5 {scores.mrr_at_5:.3f}  nDCG@10 {scores.ndcg_at_10:.3f}  "
            f"Recall@10 {scores.recall_at_10:.3f}")

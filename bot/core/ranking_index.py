"""What scoring one candidate and leaving one example out read of the matcher's index (a protocol:
:class:`bot.core.matcher.Matcher` has it, and those modules need not import the matcher)."""
from __future__ import annotations

from typing import Protocol

import numpy as np

from bot.core.bm25 import Counts, Field
from bot.core.packed import PackedGroups
from bot.core.example_vectors import ExampleVectors
from bot.core.analysis import Analysis


class RankingIndex(Protocol):
    """The matcher's index as :mod:`bot.core.candidate` and :mod:`bot.core.leave_one_out` read it."""

    ids: list[str]
    vectors: ExampleVectors | None
    example_norms: PackedGroups
    ex_docs: Counts
    ans_docs: Counts
    rd_docs: Counts
    fields: dict[str, Field]
    max_idf: float
    japanese_only: np.ndarray
    entities: frozenset[str]
    rivals: frozenset[str]

    def knows(self, term: str) -> bool:
        """Whether any example, keyword or answer uses ``term``."""

    def term_weight(self, term: str) -> float:
        """Rarity of a question word."""

    def example_analysis(self, intent: int, example: int) -> Analysis:
        """The analysis of one example."""

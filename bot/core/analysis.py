"""What the matcher knows about one piece of text (made by :class:`bot.core.text.Analyzer`)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Analysis:
    """What the matcher needs to know about one piece of text."""

    normalized: str
    terms: tuple[str, ...]
    grams: tuple[str, ...]
    synonyms_applied: tuple[tuple[str, str], ...] = ()
    original: str = ""  # cleaned text before anything is dropped (for the sentence encoder)
    # One entry per word as the user wrote it: (word, how much it counts when unknown, its parts)
    units: tuple[tuple[str, float, tuple[str, ...]], ...] = ()
    kana_only: bool = False
    names: tuple[str, ...] = ()  # proper nouns (places, people, organisations)
    nonwords: tuple[str, ...] = ()  # words of no language: keyboard mashing, strings the dictionary lacks
    # the kinds of answer asked (bot.core.asked_kind), when not those of ``normalized``: a follow-up read with its
    # topic asks what the user asked, not what the topic's title does (「なんのため？」 after 「通知の日付」)
    asks: frozenset[str] | None = None

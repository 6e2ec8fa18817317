"""Grouping the questions the bot could not answer, for ``jetbot report``.

Questions are compared on their content words (:class:`bot.core.text.Analyzer` terms,
with the knowledge's synonyms when available) using rapidfuzz's
``token_set_ratio``; similar phrasings end up in one group.
"""
from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable, Sequence

from rapidfuzz import fuzz

from bot.storage.inquiry_stats import LowRow

SIMILARITY = 70.0
EXAMPLES = 3


@dataclass
class Group:
    """Similar questions: how many, a few examples, and the intent they came closest to."""

    count: int
    examples: list[str]
    nearest_intent: str | None
    rows: list[LowRow] = field(default_factory=list, repr=False, compare=False)  # every question of the group, as given


def make_key(synonyms: Iterable[Sequence[str]] = ()) -> Callable[[str], str]:
    """What questions are compared on: the bot's content words with the knowledge's synonyms applied."""
    from bot.core.text import Analyzer

    analyzer = Analyzer(synonyms)

    def key(text: str) -> str:
        analysis = analyzer.analyse(text)
        return " ".join(dict.fromkeys(analysis.terms)) or analysis.normalized or text.strip()

    return key


@lru_cache(maxsize=1)
def _plain_key() -> Callable[[str], str]:
    return make_key()


def terms_key(text: str) -> str:
    """:func:`make_key` without synonyms."""
    return _plain_key()(text)


def knowledge_key(args: argparse.Namespace) -> Callable[[str], str]:
    """A key using the synonyms of ``--intents``/``--knowledge``; without them if those cannot be read."""
    if getattr(args, "intents", None) is None or getattr(args, "knowledge", None) is None:
        return terms_key
    try:
        from bot.core.knowledge import load_knowledge

        return make_key(load_knowledge(args.intents, args.knowledge).synonyms)
    except Exception:  # noqa: BLE001 - the report still works, grouping only gets coarser
        return terms_key


def similarity(a: str, b: str) -> float:
    """``token_set_ratio`` of two keys, except that one word inside a longer question is not enough.

    (Otherwise "ALT" alone would be as close as can be to every question about ALTs.)
    """
    small, large = sorted((set(a.split()), set(b.split())), key=len)
    if len(small) < 2 and small <= large and small != large:
        return fuzz.ratio(a, b)
    return fuzz.token_set_ratio(a, b)


def group_questions(rows: Sequence[LowRow], key: Callable[[str], str] = terms_key,
                    threshold: float = SIMILARITY) -> list[Group]:
    """Group similar questions (:func:`similarity` of their keys >= ``threshold``), largest group first.

    Phrasings are taken most asked first, then those with most similar neighbours; each
    joins the group holding its most similar phrasing, or starts a group of its own.
    """
    buckets: dict[str, list[LowRow]] = {}
    for row in rows:
        buckets.setdefault(key(row.question), []).append(row)
    keys = list(buckets)
    by_term: dict[str, set[int]] = {}
    for i, k in enumerate(keys):
        for term in k.split():
            by_term.setdefault(term, set()).add(i)
    near: list[dict[int, float]] = []
    for i, k in enumerate(keys):  # only keys sharing a term are compared
        others = set().union(*(by_term[t] for t in k.split())) - {i}
        near.append({j: score for j in others if (score := similarity(k, keys[j])) >= threshold})
    density = [sum(len(buckets[keys[j]]) for j in n) for n in near]
    order = sorted(range(len(keys)), key=lambda i: (-len(buckets[keys[i]]), -density[i], keys[i]))
    group_of: dict[int, int] = {}
    members: list[list[LowRow]] = []
    for i in order:
        placed = [(score, group_of[j]) for j, score in near[i].items() if j in group_of]
        if placed:
            group_of[i] = max(placed, key=lambda p: (p[0], -p[1]))[1]
        else:
            group_of[i] = len(members)
            members.append([])
        members[group_of[i]].extend(buckets[keys[i]])
    groups = []
    for rows_in in members:
        texts = Counter(m.question for m in rows_in)
        intents = Counter(m.top_intent for m in rows_in if m.top_intent)
        groups.append(Group(len(rows_in), [t for t, _ in texts.most_common(EXAMPLES)],
                            intents.most_common(1)[0][0] if intents else None, rows_in))
    return sorted(groups, key=lambda g: -g.count)

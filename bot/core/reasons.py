"""A why-question about a known topic: the topic's own answer gives the notice's reasons.

The why-word (なぜ, 何のため, why… — the synonym group 理由) is what is asked, not a topic. Only a
few intents say 理由 in their examples, so a why-question about a topic whose examples do not
(「ALTはなぜ地域の国際交流にも関わるの」, 「なぜ文科省も問い合わせ先に？」) loses that word's weight
and falls just below the threshold although the topic is clear. Read without the why-word, the
question finds the topic: it is answered when that intent was already among the best few.
"""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from bot.core.knowledge_base import ASKED, KnowledgeBase
from bot.core.matcher import Scored
from bot.core.text import Analysis

WHY_MARGIN = 10.0  # how far below the best the intent giving the named one's reasons may rank
ALREADY_CLOSE = 3  # the topic found without the why-word must be among this many of the question's own best


def asks_why(query: Analysis) -> bool:
    """Whether the question asks for a reason or a purpose."""
    return any(term in ASKED for term in query.terms)


def only_why(query: Analysis) -> bool:
    """The question is a why-word and nothing else (「なぜ？」, "Why?")."""
    return bool(query.terms) and set(query.terms) <= ASKED


def _without_why(query: Analysis) -> Analysis:
    units = tuple(u for u in query.units if u[0] not in ASKED)
    return replace(query, units=units, terms=tuple(t for w, _, parts in units for t in (w, *parts)),
                   synonyms_applied=tuple(s for s in query.synonyms_applied if s[1] not in ASKED))


def topic_of_why(kb: KnowledgeBase, query: Analysis, ranked: list[Scored], threshold: float,
                 vector: np.ndarray | None = None) -> list[Scored]:
    """``ranked`` with the topic of a why-question first when the question scores below ``threshold`` only
    because its topic's examples give no why-word; else ``ranked`` unchanged. ``vector``: the question's
    sentence vector when already computed (the why-word stays in the meaning)."""
    if ranked and ranked[0].score >= threshold:
        return about_what_is_named(kb, query, ranked, WHY_MARGIN)
    if not ranked or not asks_why(query):
        return ranked
    topic = kb.matcher.rank(_without_why(query), vector=vector)
    if not topic or topic[0].score < threshold or kb.intents[topic[0].intent_id].fallback:
        return ranked
    if topic[0].intent_id not in {s.intent_id for s in ranked[:ALREADY_CLOSE]}:
        return ranked
    return topic


def about_what_is_named(kb: KnowledgeBase, query: Analysis, ranked: list[Scored], margin: float) -> list[Scored]:
    """A why-question naming a role or an office ("Why does the notice encourage municipalities to use
    SEAs?") wants the close intent that gives that one's reasons, not the general one that lists it."""
    named = (kb.matcher.named - ASKED).intersection(query.terms)
    if not ranked or not named or not asks_why(query) or named <= kb.matcher.about(ranked[0].intent_id):
        return ranked
    for s in ranked[1:3]:
        about = kb.matcher.about(s.intent_id)
        if ranked[0].score - s.score <= margin and named <= about and ASKED & about:
            return [s, *(r for r in ranked if r is not s)]
    return ranked


def reasons_first(kb: KnowledgeBase, ranked: list[Scored], margin: float) -> list[Scored]:
    """A why-question read with the previous topic (「なんのため？」 after the notice's date) wants the close
    intent whose examples ask for reasons, not the topic's plain answer again."""
    if not ranked or ASKED & kb.matcher.about(ranked[0].intent_id):
        return ranked
    for s in ranked[1:3]:
        if ranked[0].score - s.score <= margin and ASKED & kb.matcher.about(s.intent_id):
            return [s, *(r for r in ranked if r is not s)]
    return ranked

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
from bot.core.analysis import Analysis
from bot.core.narrow import kind_of

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


# what a town does with a role (hire it, use it, consider it…): "why should a town hire a CIR" asks the CIR's reasons;
# … and the notice calling for it (「今回の通知では、SEAについてどのような経緯で活用が呼びかけられている」)
_ADOPTION = ("hire employ use introduce consider promote encourage recommend bring take accept government notice call "
             "導入 促進 市区町村 自治体 活用 採用 任用 雇用 雇う 検討 推進 進めたい 勧める 国 置く 配置 増員 "
             "通知 今回 呼び掛ける 求める push talk suddenly more further school 学校 一層 更なる もっと 使う 欲しい 言う もっと増やしてほしい 重視 want")


def reasons_for_adopting(kb: KnowledgeBase, query: Analysis) -> Scored | None:
    """The intent giving the reasons of the role (office) named by a why-question that says nothing else
    than adopting it ("Why should a town consider hiring a CIR?", 「なぜSEAを導入すべき？」): read as the
    why-word and the role alone, the first close intent about that role whose examples ask for reasons."""
    named = (kb.matcher.named - ASKED).intersection(query.terms)
    adopted = any(kind_of(n) == "role" or n == "jet" for n in named)
    asking = {n for n in named if kind_of(n) == "office"} if adopted else set()
    # 「総務省はなぜCIRを…」, 「なぜ総務省はJETをもっと活用してほしいと…」: the office is who asks for it, not the topic
    named -= asking
    if not named or not asks_why(query):
        return None
    adoption = {w for w, _, _ in kb.matcher.analyse(_ADOPTION).units} | asking
    if not {w for w, _, _ in query.units} - ASKED - named <= adoption:
        return None
    core = tuple(u for u in query.units if u[0] in ASKED or u[0] in named)
    ranked = kb.matcher.rank(replace(query, units=core, terms=tuple(t for w, _, parts in core for t in (w, *parts))))
    for s in ranked[:3]:
        about = kb.matcher.about(s.intent_id)
        if named <= about and ASKED & about and not kb.intents[s.intent_id].fallback:
            return s
    return None


def topic_of_why(kb: KnowledgeBase, query: Analysis, ranked: list[Scored], threshold: float,
                 vector: np.ndarray | None = None) -> list[Scored]:
    """``ranked`` with the topic of a why-question first when the question scores below ``threshold`` only
    because its topic's examples give no why-word; else ``ranked`` unchanged. ``vector``: the question's
    sentence vector when already computed (the why-word stays in the meaning)."""
    adopting = reasons_for_adopting(kb, query)
    if adopting is not None:
        return [adopting, *(s for s in ranked if s.intent_id != adopting.intent_id)]
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
    # "Why MIC?": nothing but the why and the name; the intent about that one, though its examples give no reasons
    bare = not {w for w, _, _ in query.units} - ASKED - named
    for s in ranked[1:3]:
        about = kb.matcher.about(s.intent_id)
        if ranked[0].score - s.score <= margin and named <= about and (ASKED & about or bare):
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

"""Things a question names by number or level that the knowledge lacks: an attachment (参考資料5: the notice
attaches 1–4), an edition of a plan (第5期教育振興基本計画: the notice cites the 4th), a head count by school level
(中学校のALTは何人: the figures are by year and role) or a place (東京都のCIRは何人: they are national).
:func:`bot.core.gaps.find_gap` says so plainly."""
from __future__ import annotations

from typing import Literal

from bot.core.analysis import Analysis
from bot.core.gap_patterns import attachment_missing, edition_missing, place_counted, school_level_counted
from bot.core.knowledge_base import KnowledgeBase
from bot.core.matcher import Scored

FIGURES_RANKED = 30  # a head count by school level: the figures to offer are found this far down the ranking


def named_missing(kb: KnowledgeBase, text: str, message: str, ranked: list[Scored], analysis: Analysis
                  ) -> tuple[Literal["attachment", "edition", "breakdown", "place"], tuple[str, ...], tuple[str, ...]] | None:
    """What the question (``text``, cleaned; ``message`` as written) names that the knowledge lacks: the gap's kind,
    its detail and the figures intents to offer (the first stays the conversation's topic); ``None`` if nothing."""
    facts = kb.knowledge.table("facts").values()
    attachment = attachment_missing(text, lambda: [str(f.get("text", "")) for f in facts], message)
    if attachment is not None:  # 「参考資料5には何が？」
        return "attachment", attachment, ()
    about = (lambda: f"{text} {kb.answers[ranked[0].intent_id]['ja'].text}") if ranked else (lambda: text)
    edition = edition_missing(message or text, about,
                              lambda: [(str(f.get("text", "")), str(f.get("text_en", ""))) for f in facts])
    if edition is not None:  # 「第5期教育振興基本計画では？」
        return "edition", edition, ()
    level = school_level_counted(text)
    place = place_counted(text) if level is None else None
    if place is not None:  # 「東京都のCIRは何人？」: the figures are national
        figures = [s.intent_id for s in kb.matcher.rank(analysis, limit=FIGURES_RANKED) if s.intent_id in kb.figure_years]
        return "place", (place.title() if place.isascii() else place, ""), tuple(figures[:1])
    if level is None:
        return None
    terms = set(kb.matcher.analyse(level).terms)
    figures = [s.intent_id for s in kb.matcher.rank(analysis, limit=FIGURES_RANKED) if s.intent_id in kb.figure_years]
    if figures and not any(kb.matcher.mentions(figures[0], t) for t in terms):
        return "breakdown", (level, ""), (figures[0],)  # (「全体では？」 next: the year's figures)
    return None

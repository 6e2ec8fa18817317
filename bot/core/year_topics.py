"""A topic asked with a year, read without the year: 「令和5年度の問い合わせ先は？」 is the contacts (no fiscal year
belongs to them), 「2019年の任用期間は？」 the contract, 「2019年の事例集は？」 the casebook (which is of 2023).

The year's letters and digits tie such a question to that year's head counts, or to the survey of 2024; read
without them, the question finds what it asks. :func:`bot.core.gap_years.year_check` answers that topic, or says
that a dated topic is not held for the year asked.
"""
from __future__ import annotations

from bot.core.analysis import Analysis
from bot.core.figure_all_roles import ROLES
from bot.core.knowledge_base import KnowledgeBase
from bot.core.matcher import Scored
from bot.core.orthography import clean
from bot.core.years import years_in

TOPIC_MARGIN = 15.0  # a year-bearing intent still counts as the topic this close to the best without years
YEAR_ONLY_SLACK = 5.0  # head counts found by the year alone yield to a topic read without it scoring this much less
DATED_MARGIN = 5.0  # a dated topic this close to the best read without the year is what is asked


def fiscal_years(kb: KnowledgeBase, intent_id: str) -> set[int]:
    """The fiscal years (…年度) the intent's answer is of (not the dates of the sources it cites)."""
    if intent_id not in kb.intent_years:
        return set()
    return years_in(clean(kb.answers[intent_id]["ja"].text), fiscal_only=True)


def opens_with_its_year(kb: KnowledgeBase, intent_id: str) -> bool:
    """Whether the intent's answer opens with its own year (the survey for 2024), not a year it only quotes (the
    cabinet decision a CIR's description cites)."""
    opening = kb.answers[intent_id]["ja"].text.split("。")[0]
    return any(str(year) in opening for year in kb.intent_years.get(intent_id, ()))


def _dated(kb: KnowledgeBase, intent_id: str) -> bool:
    """A topic of a fiscal year, no head counts, that says so first (the casebook's publication, the survey): a
    reply can say that the year asked is not held and which year the topic is of."""
    return intent_id not in kb.figure_years and bool(fiscal_years(kb, intent_id)) and opens_with_its_year(kb, intent_id)


def _figures_close(kb: KnowledgeBase, plain: list[Scored]) -> bool:
    """Whether head counts are among the best of a question read without its year (then the year may ask them)."""
    return any(s.intent_id in kb.figure_years and s.score >= plain[0].score - TOPIC_MARGIN for s in plain[:3])


def _counted_that_year(kb: KnowledgeBase, unyeared: Analysis, ranked: list[Scored], asked: set[int]) -> bool:
    """Whether the head counts found with the year are of that year and name a word of the question besides the
    roles ("FY2019 new arrivals?": its new participants), so the year asks them."""
    top = ranked[0].intent_id if ranked else ""
    if not asked & kb.figure_years.get(top, frozenset()):
        return False
    return any(kb.matcher.mentions(top, t) for t in set(unyeared.terms) - set(ROLES))


def _of_that_year(kb: KnowledgeBase, intent_id: str, asked: set[int], plain: list[Scored]) -> bool:
    """Whether the intent found with the year is a topic of that year (no head counts) and of the question without
    it too (「令和4年の閣議決定は何？」: the cabinet decision of 7 June 2022; not 「令和6年度の事例集って出てる？」:
    the survey of 2024 shares the year alone)."""
    close = {s.intent_id for s in plain[:3] if s.score >= plain[0].score - TOPIC_MARGIN}
    return intent_id in close and intent_id not in kb.figure_years \
        and bool(asked & kb.intent_years.get(intent_id, frozenset()))


def _dated_topic(kb: KnowledgeBase, plain: list[Scored], ranked: list[Scored]) -> str | None:
    """The dated topic asked, if any: the best read without the year, the one found with the year when close
    (「R6の要望調査って、実施するのは総務省ですか？」: the survey's body, not its timing), or one as good as the best
    (「令和5年度の事例集は？」: the casebook's publication)."""
    if _dated(kb, plain[0].intent_id):
        return plain[0].intent_id
    close = {s.intent_id: s.score for s in plain[:3] if s.score >= plain[0].score - TOPIC_MARGIN}
    if ranked and ranked[0].intent_id in close and _dated(kb, ranked[0].intent_id):
        return ranked[0].intent_id
    return next((i for i, score in close.items() if score >= plain[0].score - DATED_MARGIN and _dated(kb, i)), None)


def read_without_the_year(kb: KnowledgeBase, unyeared: Analysis, ranked: list[Scored], asked: set[int]
                          ) -> tuple[list[Scored], str | None] | None:
    """The ranking of a question read without its years (``unyeared``) and the dated topic to check the year
    ``asked`` against (``None``: no year belongs to the topic), when the year only tied the question (``ranked``)
    to another topic; ``None`` when the year may be what is asked ("What was decided in 2022?": the cabinet
    decision of that year; 「2020年度のJETについて」: that year's figures; "FY2019 new arrivals?": its new ones)."""
    plain = kb.matcher.rank(unyeared)  # (its meaning without the year too: the question's own vector holds the year)
    if not plain or _figures_close(kb, plain) or _counted_that_year(kb, unyeared, ranked, asked) or (
            ranked and _of_that_year(kb, ranked[0].intent_id, asked, plain)):
        return None
    slack = YEAR_ONLY_SLACK if ranked and ranked[0].intent_id in kb.figure_years else 0.0
    if ranked and plain[0].score < ranked[0].score - slack:
        return None
    return plain, _dated_topic(kb, plain, ranked)

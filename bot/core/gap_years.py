"""A year asked that the knowledge holds nothing for (令和7年度, FY2026, 来年度の人数), or a named thing (SEA) the
year's figures do not break down; and the gap and reading types :mod:`bot.core.gaps` returns."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, Literal

import numpy as np

from bot.core.knowledge_base import ASKED, KnowledgeBase
from bot.core.matcher import Scored
from bot.core.declared import first, missing_entity
from bot.core.analysis import Analysis
from bot.core.orthography import clean
from bot.core.years import normalise, relative_year, years_in
from bot.core.narrow import label
from bot.core.amounts import AMOUNT_WORD
from bot.core.figure_all_roles import ROLES
from bot.core.figure_asked import counts_named, operation_asked
from bot.core.follow_up_forms import asks_what_it_is
from bot.core.gap_patterns import ASKS_HOW, ASKS_WHO, FIGURE, FUTURE, MONEY, SINCE
from bot.core.year_topics import TOPIC_MARGIN, read_without_the_year

_STARTING_WORD = re.compile(r"(?:以来|以降|から|より)$|^since (?:fy ?)?", re.IGNORECASE)
# a year and its pieces as the analyser leaves them (「1987年から」: 1987年, 1987, 年)
_YEAR_WORD = re.compile(r"^(?:令和|平成|昭和)\d+(?:年度|年)?$|^(?:19|20)\d\d(?:年度?)?$|^年度?$")
_ERA_PIECES = re.compile(r"^(令和|平成|昭和)(\d+)")
_ERA_YEAR = re.compile(r"(?:令和|平成|昭和)\d{1,2}(?:年度|年)?|(?<!\d)(?:19|20)\d\d年度?")
GapKind = Literal["year", "ranking", "opinion", "worth", "date", "detail", "field", "count", "attachment", "edition", "breakdown", "place",
                  "rate", "period", "pages", "amount", "heads", "case",
                  "total", "act", "cited"]


@dataclass(frozen=True)
class Gap:
    """What the question asks that the knowledge does not hold, and the related intents to offer."""

    kind: GapKind
    year: int | None = None
    relative: bool = False
    related: tuple[str, ...] = ()
    # "detail": the thing asked about and what its part of the answer lacks (SEA, 新規); "field": the office and the
    # contact attribute it lacks (外務省…, メールアドレス); "count": the attachment and the count it lacks (参考資料1, 事例の数);
    # "year": the named things whose figures that year lacks
    detail: tuple[str, ...] = ()
    topic: str | None = None  # what stays the conversation's topic (a town's case after its head count is not held)


@dataclass(frozen=True)
class Reading:
    """The outcome of the check: a gap, or the ranking to answer from (and the newest year if asked)."""

    ranked: list[Scored]
    gap: Gap | None = None
    latest: int | None = None


def _without(analysis: Analysis, dropped: Callable[[str], bool], original: str) -> Analysis:
    """The question without the words ``dropped`` tells, its text (for its sentence vector) ``original``."""
    units = tuple(u for u in analysis.units if not dropped(u[0]))
    return replace(analysis, units=units, terms=tuple(t for w, _, parts in units for t in (w, *parts)),
                   synonyms_applied=tuple(s for s in analysis.synonyms_applied if not dropped(s[1])), original=original)


def _without_years(analysis: Analysis, whole: bool = False) -> Analysis:
    """The question without its years (``whole``: also the era and the number an era year is cut into)."""
    pieces = {p for w, _, _ in analysis.units for m in [_ERA_PIECES.match(w)] if whole and m for p in m.groups()}
    return _without(analysis, lambda w: bool(_YEAR_WORD.match(w)) or w in pieces,
                    _ERA_YEAR.sub(" ", normalise(analysis.original)))


def _without_since(kb: KnowledgeBase, text: str, analysis: Analysis) -> Analysis | None:
    """The question without the years it counts from (「1987年からの累計」: 1987年 is no word of what is asked),
    or None when it names none."""
    found = [m.group(0) for m in SINCE.finditer(text)]
    if not found:
        return None
    years = [_STARTING_WORD.sub("", year).strip() for year in found]
    years += [re.sub(r"(?:年度|年)$", "", year) for year in years]  # 1987年 and 1987, as the analyser may cut it
    words = frozenset(years).union(w for year in years for w, _, _ in kb.matcher.analyse(year).units)
    return _without(analysis, words.__contains__, SINCE.sub(" ", normalise(analysis.original)))


def _figures_offered(kb: KnowledgeBase, topic: list[Scored], analysis: Analysis) -> list[str]:
    """The figures to offer for a year not held: the years' own figures the reply names (「令和7年度の参加者は？」:
    2023's and 2019's participants); for a role, the best first (「令和7年度のALT人数は？」: the counts by role)."""
    figures = [s.intent_id for s in topic if s.intent_id in kb.figure_years]
    yearly = [i for i in figures if years_in(kb.intents[i].title or "")]
    first = figures[:1] if set(ROLES).intersection(analysis.terms) else []
    return list(dict.fromkeys(first + yearly + figures))[:2]


def _says_more_than_a_year(kb: KnowledgeBase, message: str) -> bool:
    return bool(message) and bool(_without_years(kb.matcher.analyse(clean(message)), whole=True).terms)


def related(ranked: list[Scored], *more: str) -> tuple[str, ...]:
    """The intents to offer beside a gap: ``more`` first, then the best two of ``ranked``."""
    return tuple(dict.fromkeys([*more, *(s.intent_id for s in ranked[:2])]))


# last year from today (前年度 too when no year was talked about: after one, 「前年度は？」 is the year before it and was
# read so already, follow_up_dates.year_before)
_LAST_YEAR = re.compile(r"昨年|去年|前年度|前の年度|(?<![a-z])(?:last|previous|prior) (?:fiscal )?year")


def _unmentioned(kb: KnowledgeBase, analysis: Analysis, intent_id: str) -> tuple[str, ...]:
    """The things the question names that the intent's answer never mentions (CIR of 2019's totals), as labels."""
    return tuple(label(t) for t in sorted((kb.matcher.named - ASKED).intersection(analysis.terms))
                 if not kb.matcher.mentions(intent_id, t))


_OF_THE_YEAR = re.compile(f"(?:{_ERA_YEAR.pattern})の?")  # 「令和5年度のALTとは」 read as 「ALTとは」 (not 「のALTとは」: JET-ALT)
_COUNTED = frozenset({"新規", "継続"})  # 「令和4年度の新規CIRは？」: the year's new CIRs, counted (not a policy of 令和4年)


def year_check(kb: KnowledgeBase, text: str, analysis: Analysis, ranked: list[Scored],
               vector: np.ndarray | None, message: str = "") -> Reading:
    """A year asked of the cleaned question ``text`` (read as ``analysis``, ranked ``ranked``) that the topic holds
    nothing for, said as a gap with the related figures to offer; else the ranking to answer from (read without
    the year where the year only outweighs the topic's words). ``message``: the message as written."""
    asked = years_in(SINCE.sub(" ", text))
    relative = relative_year(text)
    # (「R1 SEA」, "2019 CIR": a year and a role alone ask the role's count; not 「令和5年度のSEAとは？」: what it is)
    counted = (bool(FIGURE.search(text)) and not ASKS_WHO.match(text)) or "headcount" in analysis.terms
    figure = counted and not ASKS_HOW.search(text) or bool(asked) and not asks_what_it_is(text) and \
        0 < len(rest := set(_without_years(analysis, whole=True).terms)) and rest <= set(ROLES) | _COUNTED
    held = sorted({y for years in kb.figure_years.values() for y in years})
    if relative is None and figure and FUTURE.search(text):
        relative = "next"
    if not asked and relative == "next" and figure and held:
        # next year's / planned head counts are never published figures, whatever topic shares the words
        topic = kb.matcher.rank(analysis, vector=vector) if not ranked else ranked
        figures = [s.intent_id for s in topic if s.intent_id in kb.figure_years][:1]
        return Reading(ranked, Gap("year", held[-1] + 1, True, related(topic, *figures)))
    since = _without_since(kb, text, analysis) if ranked else None
    if since is not None:  # 「令和5年度時点での1987年からの累計」: ranked without the year counted from
        analysis, ranked = since, kb.matcher.rank(since, vector=vector) or ranked
    if not asked:
        # 「最新の人数」, 「昨年度のALTの人数」 (last year from today): the newest figures held, said to be of their year
        now = relative == "current" or relative == "previous" and _LAST_YEAR.search(text)
        if now and figure and ranked and ranked[0].intent_id in kb.figure_years and held:
            return Reading(ranked, latest=held[-1])
        return Reading(ranked)
    # a head count of a year no figures are held for is read without its era pieces too: 平成27 (FY2015) finds
    # only the source dated that year (contract length, from CLAIR's 2015 news), not the head counts asked
    # (and any question of a year nothing is held for: "Is there an ALT manual for FY2026?" is the manual's; not
    # "What was decided in 2022?": the cabinet decision of that year)
    of_nothing = not any(asked & years for years in kb.intent_years.values())
    topic = kb.matcher.rank(_without_years(analysis, whole=figure and not asked & set(held) or of_nothing),
                            vector=vector) or ranked
    close = [s.intent_id for s in topic[:3] if s.score >= topic[0].score - TOPIC_MARGIN]
    choice = ranked[0].intent_id if ranked and ranked[0].intent_id in close else topic[0].intent_id
    if MONEY.search(text) and not figure and choice in kb.figure_years:
        # 「令和5年度のALTの給料は？」, 「令和5年度の経費の内訳は？」: only the year tied it to the year's head counts
        # (the year read whole here: 令和5年度 and its pieces 令和 and 5)
        unyeared = _without_years(analysis, whole=True)
        money = kb.matcher.rank(unyeared) or topic  # (its meaning without the year too)
        if money[0].intent_id in kb.figure_years:  # "the JET budget for FY2023": still no head count, an amount
            money = kb.matcher.rank(kb.matcher.analyse(f"{unyeared.original} {AMOUNT_WORD}")) or money
        if money[0].intent_id not in kb.figure_years:  # the amount not held, or what the funding covers
            return Reading(money)
    if figure and choice not in kb.figure_years:  # a head count is asked: the topic is a figures intent
        choice = next((i for i in close if i in kb.figure_years), choice)
    year = min(asked)
    unheld = sorted(asked - set(held))
    compared = operation_asked(text) == "difference" and counts_named(text)
    if compared and unheld and len(asked) > 1 and held:
        # 「令和4年度と比べて令和5年度の参加者は増えた？」: one of the years compared has no figures (not the other's alone)
        figures = [s.intent_id for s in topic[:5] if s.intent_id in kb.figure_years]
        return Reading(ranked, Gap("year", unheld[0], False, related(topic, *figures[:1])))
    if figure and (choice in kb.figure_years or not kb.intent_years.get(choice)):
        # the chosen topic first (the breakdown by role asked after the year's total keeps the breakdown)
        figures = [i for i in (choice, *(s.intent_id for s in topic[:5])) if i in kb.figure_years]
        lacking = None  # 「令和元年度のALTの人数」: that year's figures are held, but not for ALT
        for intent_id in dict.fromkeys(figures):
            if asked & kb.figure_years[intent_id]:
                if not missing_entity(kb, analysis, intent_id):
                    return Reading(first(ranked or topic, intent_id))
                lacking = lacking or intent_id
        if lacking is not None:
            return Reading(ranked, Gap("year", year, False, related(topic, lacking), _unmentioned(kb, analysis, lacking),
                                       topic=lacking))  # (the year's figures stay the topic: 「CIRは？」 next)
        if choice in kb.figure_years or any(s.intent_id in kb.figure_years for s in topic[:2]):
            return Reading(ranked, Gap("year", year, relative is not None and not years_in(text),
                                       related(topic, *_figures_offered(kb, topic, analysis))))
    what_it_is = not figure and asks_what_it_is(text) and _says_more_than_a_year(kb, text) and kb.matcher.rank(
        kb.matcher.analyse(_OF_THE_YEAR.sub(" ", normalise(text))))  # (read again: "sea" alone is as much its count)
    if what_it_is and what_it_is[0].intent_id not in kb.figure_years:  # 「令和5年度のSEAとは？」: what SEAs are
        return Reading(what_it_is)
    without = read_without_the_year(kb, _without_years(analysis, whole=True), ranked, asked) \
        if not figure and not MONEY.search(text) and _says_more_than_a_year(kb, message) else None
    if without is not None:  # the year only tied the question to another topic (bot.core.year_topics)
        plain, dated = without
        if dated is None:  # 「令和5年度の問い合わせ先は？」, 「令和7年度のCIRの役割は？」: what it is
            return Reading(plain)
        if asked & kb.intent_years[dated]:  # 「令和5年度の事例集は？」: its publication, of that year
            return Reading(first(plain, dated))
        # 「2019年の事例集は？」: the casebook is of 2023 (the topic itself asked: no figures of that year instead)
        return Reading(ranked, Gap("year", year, False, related(plain, dated)))
    years = kb.intent_years.get(choice, frozenset())
    if years and not asked & years:
        # "What about 2019?" after the casebook's date: that year's figures are held, and not "not held"
        holding = [s.intent_id for s in ranked[:3] if asked & kb.figure_years.get(s.intent_id, frozenset())]
        if holding and not missing_entity(kb, analysis, holding[0]):
            return Reading(first(ranked, holding[0]))
        if holding:  # "CIR number in 2019": that year's figures are held, but not for CIR
            return Reading(ranked, Gap("year", year, False, related(topic, holding[0]),
                                       _unmentioned(kb, analysis, holding[0]), topic=holding[0]))
        return Reading(ranked, Gap("year", year, False, related(topic, choice)))
    if not kb.intent_years.get(choice) and topic[0].intent_id == choice and not figure and _says_more_than_a_year(
            kb, message):
        # a topic of no year asked of one ("Is there funding for FY2026?", "…an ALT manual for FY2026?"): what it is,
        # read without the year (the year's letters and digits leave the question's own words outweighed); not
        # 「令和元年度は？」 after the school cases: a year alone may ask for that year's figures
        return Reading(topic)
    if ranked and choice == ranked[0].intent_id:
        return Reading(ranked)
    # an amount asked with a year is read without it ("How much funding per ALT in FY2023?": the amounts are
    # not held for any year)
    money = MONEY.search(text) and topic[0].intent_id == choice
    # (「令和6年度は1自治体何人まで要望できますか？」: the limit not held, found only without the year, not the survey)
    unseen = not any(s.intent_id == choice for s in ranked)
    return Reading(first(topic if money or unseen else ranked, choice))

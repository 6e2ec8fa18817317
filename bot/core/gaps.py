"""A related topic is not an answer: notice when the specific thing asked is not in the knowledge.

Recognised in a question:

- a **year** the knowledge has no figures or facts for (令和7年度, FY2024, 来年度の人数), or a named thing
  (SEA) the year's figures do not break down;
- a **ranking** (一番多い, which prefecture has the most…): the knowledge holds none;
- an **opinion** on which option to choose (ALTとCIRどちらを選ぶべき): the notice gives none;
- a **date** (何月何日, 提出期限) when the answer found gives none;
- a **detail** of one named thing that the answer gives only for others (SEAの新規の人数: new participants
  are counted for ALT and CIR only; found by :func:`bot.core.narrow.lost_in_narrowing`);
- a **subject** the knowledge never uses ("What's the weather in Tokyo?", 「文科省の最寄り駅は？」:
  :mod:`bot.core.subjects`).

:func:`find_gap` returns what is missing and the related intents to offer as choices; ``latest`` tells the
caller that a "this year / latest" question is answered with the newest figures the knowledge has."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

import numpy as np

from bot.core.knowledge_base import KnowledgeBase
from bot.core.matcher import Scored
from bot.core import focus
from bot.core.subjects import about_something_else
from bot.core.analysis import Analysis
from bot.core.orthography import clean, fold_kana
from bot.core.years import normalise, relative_year, years_in
from bot.core.gap_patterns import ASKS_WHO, FIGURE, FUTURE, OPINION, RANKING, SINCE, date_missing

FALLBACK_FLOOR = 40.0  # an honest "not held" intent this close is preferred when it names what is asked
KEY_SHARE = 0.3  # … a key word that specific (JET, used everywhere, is not)
NAMED_MARGIN = 25.0  # … when it is this close to the best (an answer far ahead is about something else)
# … farther when it lists that word among its keywords: 「桒田主査の携帯電話の番号」 names so much of MIC's
# contact that the honest "personal numbers are not held" intent scores 31 points below it
KEYWORD_MARGIN = 35.0
MESSAGE_FLOOR = 30.0  # … read on a whole long message (its other sentences dilute the score)
DECLARED_MARGIN = 12.0  # … a plain word it declares (not a synonym group's) is weaker evidence: it must also be this close
TOPIC_MARGIN = 15.0  # a year-bearing intent still counts as the topic this close to the best without years
_YEAR_WORD = re.compile(r"^(?:令和|平成|昭和)\d+(?:年度|年)?$|^\d{4}年度?$")
_ERA_YEAR = re.compile(r"(?:令和|平成|昭和)\d{1,2}(?:年度|年)?")
GapKind = Literal["year", "ranking", "opinion", "date", "detail"]


@dataclass(frozen=True)
class Gap:
    """What the question asks that the knowledge does not hold, and the related intents to offer."""

    kind: GapKind
    year: int | None = None
    relative: bool = False
    related: tuple[str, ...] = ()
    detail: tuple[str, str] = ()  # "detail": the thing asked about and what its part of the answer lacks (SEA, 新規)


@dataclass(frozen=True)
class Reading:
    """The outcome of the check: a gap, or the ranking to answer from (and the newest year if asked)."""

    ranked: list[Scored]
    gap: Gap | None = None
    latest: int | None = None


def _without_years(analysis: Analysis) -> Analysis:
    units = tuple(u for u in analysis.units if not _YEAR_WORD.match(u[0]))
    return replace(analysis, units=units, terms=tuple(t for w, _, parts in units for t in (w, *parts)),
                   synonyms_applied=tuple(s for s in analysis.synonyms_applied if not _YEAR_WORD.match(s[1])),
                   original=_ERA_YEAR.sub(" ", normalise(analysis.original)))


def _missing_entity(kb: KnowledgeBase, analysis: Analysis, intent_id: str) -> bool:
    """The question names a thing (ALT, SEA…) this intent never mentions."""
    return any(not kb.matcher.mentions(intent_id, e) for e in kb.matcher.named.intersection(analysis.terms))


def _first(ranked: list[Scored], intent_id: str) -> list[Scored]:
    return sorted(ranked, key=lambda s: s.intent_id != intent_id)


def _related(ranked: list[Scored], *more: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*more, *(s.intent_id for s in ranked[:2])]))


def _year_check(kb: KnowledgeBase, text: str, analysis: Analysis, ranked: list[Scored],
                vector: np.ndarray | None) -> Reading:
    asked = years_in(SINCE.sub(" ", text))
    relative = relative_year(text)
    figure = (bool(FIGURE.search(text)) and not ASKS_WHO.match(text)) or "headcount" in analysis.terms
    held = sorted({y for years in kb.figure_years.values() for y in years})
    if relative is None and figure and FUTURE.search(text):
        relative = "next"
    if not asked and relative == "next" and figure and held:
        # next year's / planned head counts are never published figures, whatever topic shares the words
        topic = kb.matcher.rank(analysis, vector=vector) if not ranked else ranked
        figures = [s.intent_id for s in topic if s.intent_id in kb.figure_years][:1]
        return Reading(ranked, Gap("year", held[-1] + 1, True, _related(topic, *figures)))
    if not asked:
        if relative == "current" and figure and ranked and ranked[0].intent_id in kb.figure_years and held:
            return Reading(ranked, latest=held[-1])
        return Reading(ranked)
    topic = kb.matcher.rank(_without_years(analysis), vector=vector) or ranked
    close = [s.intent_id for s in topic[:3] if s.score >= topic[0].score - TOPIC_MARGIN]
    choice = ranked[0].intent_id if ranked and ranked[0].intent_id in close else topic[0].intent_id
    if figure and choice not in kb.figure_years:  # a head count is asked: the topic is a figures intent
        choice = next((i for i in close if i in kb.figure_years), choice)
    year = min(asked)
    if figure and (choice in kb.figure_years or not kb.intent_years.get(choice)):
        # the chosen topic first (the breakdown by role asked after the year's total keeps the breakdown)
        figures = [i for i in (choice, *(s.intent_id for s in topic[:5])) if i in kb.figure_years]
        for intent_id in dict.fromkeys(figures):
            if asked & kb.figure_years[intent_id] and not _missing_entity(kb, analysis, intent_id):
                return Reading(_first(ranked or topic, intent_id))
        if choice in kb.figure_years or any(s.intent_id in kb.figure_years for s in topic[:2]):
            return Reading(ranked, Gap("year", year, relative is not None and not years_in(text),
                                       _related(topic, *[s.intent_id for s in topic if s.intent_id in kb.figure_years][:1])))
    years = kb.intent_years.get(choice, frozenset())
    if years and not asked & years:
        return Reading(ranked, Gap("year", year, False, _related(topic, choice)))
    return Reading(_first(ranked or topic, choice) if choice != (ranked[0].intent_id if ranked else None) else ranked)


def _declares(kb: KnowledgeBase, intent_id: str, word: str) -> bool:
    """Whether an honest "not held" intent lists ``word`` among its keywords (the attributes it declares
    not held: 面接, 有給休暇, terminate…); English words are compared by their stem."""
    return any(k == word or (word.isascii() and len(word) >= 4 and k.startswith(word))
               for k in (fold_kana(clean(keyword)) for keyword in kb.intents[intent_id].keywords))


def _declared_verbatim(kb: KnowledgeBase, intent_id: str, text: str, best: str) -> bool:
    """A Japanese compound the "not held" intent declares is written in the question, and the best answer
    never writes it: 日本語能力試験 is read as 日本語能力 + 試験, neither of which it declares alone."""
    answer = kb.answers[best]["ja"].text
    return any(len(k) >= 4 and not k.isascii() and k in text and k not in answer
               for k in (fold_kana(clean(keyword)) for keyword in kb.intents[intent_id].keywords))


def _declared_not_held(kb: KnowledgeBase, analysis: Analysis, ranked: list[Scored]) -> list[Scored]:
    """Put first an intent that says honestly what is not held (携帯番号, 応募資格…) when it covers a
    key word of the question that the best answer never mentions: a named thing (a synonym group's word)
    when it scores 40 or more, a plain word it declares among its keywords when it is also close to the best."""
    if not ranked or kb.intents[ranked[0].intent_id].fallback:
        return ranked
    named = {fold_kana(c) for _, c in analysis.synonyms_applied}
    keys = {k for k in named if kb.matcher.share(k) <= KEY_SHARE}
    plain = {w for w, weight, _ in analysis.units if weight >= 0.75 and w not in named
             and kb.matcher.share(w) <= KEY_SHARE}
    best = ranked[0]
    for s in ranked[1:5]:
        if s.score < FALLBACK_FLOOR or not kb.intents[s.intent_id].fallback:
            continue
        # what the honest intent is asked about, not a word its answer uses in passing (市区町村 in how the
        # survey is sent is no reason to refuse 「マニュアルを市町村に転送したい。どこからダウンロード？」)
        if any(best.score - s.score <= (KEYWORD_MARGIN if _declares(kb, s.intent_id, k) else NAMED_MARGIN)
               and kb.matcher.asks_of(s.intent_id, k) and not kb.matcher.mentions(best.intent_id, k) for k in keys):
            return _first(ranked, s.intent_id)
        if best.score - s.score <= DECLARED_MARGIN and (any(
                _declares(kb, s.intent_id, w) and not kb.matcher.mentions(best.intent_id, w) for w in plain)
                or _declared_verbatim(kb, s.intent_id, analysis.original, best.intent_id)):
            return _first(ranked, s.intent_id)
    return ranked


def _declared_in_message(kb: KnowledgeBase, message: str, ranked: list[Scored]) -> list[Scored]:
    """A long message's other sentences may say what makes it out of scope (「民間派遣会社のALTはいくら？
    JETと費用を比べたい」, 「解雇を検討しています。手続きの流れを」): the honest "not held" intent the whole
    message finds is put first when it declares one of the message's words the answer found never mentions."""
    if not ranked or kb.intents[ranked[0].intent_id].fallback or len(focus.sentences(message)) < 2:
        return ranked
    whole = kb.matcher.analyse(clean(focus.parts(message).text))  # without greetings and introductions
    keys = [w for w, weight, _ in whole.units if weight >= 0.75 and kb.matcher.share(w) <= KEY_SHARE
            and not kb.matcher.mentions(ranked[0].intent_id, w)]
    for s in kb.matcher.rank(whole)[:2]:
        if s.score >= MESSAGE_FLOOR and kb.intents[s.intent_id].fallback and any(
                _declares(kb, s.intent_id, w) for w in keys):
            # as sure as the reading was: the whole message scores low only for its many words
            return [replace(s, score=max(s.score, ranked[0].score)), *(r for r in ranked if r.intent_id != s.intent_id)]
    return ranked


def declared_asked(kb: KnowledgeBase, intent_id: str, analysis: Analysis, message: str = "") -> bool:
    """Whether the honest "not held" intent ``intent_id`` declares a key word of the question or of its
    message (解雇, 給料…): its reply then says plainly what is missing, even below the threshold."""
    # 「CIR英訳」 is no question about the ALT casebook's translation; what is not held of JET participants
    # (their pay, their interview) is not held of a CIR either
    missing = _missing_entity(kb, analysis, intent_id) and "jet" not in kb.matcher.about(intent_id)
    if not kb.intents[intent_id].fallback or missing:
        return False
    readings = [analysis] + ([kb.matcher.analyse(clean(focus.parts(message).text))] if message else [])
    return any(_declares(kb, intent_id, w) for reading in readings for w, weight, _ in reading.units
               if weight >= 0.75 and kb.matcher.share(w) <= KEY_SHARE)


def find_gap(kb: KnowledgeBase, text: str, analysis: Analysis, ranked: list[Scored],
             vector: np.ndarray | None = None, own: Analysis | None = None, message: str = "") -> Reading:
    """Check a question against what the knowledge holds; ``text`` is the cleaned question, ``vector``
    its sentence vector if already computed (the year check re-ranks without the year, same meaning);
    ``own``: the question's own words when ``analysis`` is the question read with the previous topic (the
    topic's words are not what is asked: 「それは参考資料のどれ？」 after pay is no question about amounts);
    ``message``: the message as written (else ``text``)."""
    if RANKING.search(text):
        return Reading(ranked, Gap("ranking", related=_related(ranked)))
    if OPINION.search(text):
        return Reading(ranked, Gap("opinion", related=_related(ranked)))
    ranked = _declared_in_message(kb, message, _declared_not_held(kb, own or analysis, ranked))
    if (not ranked or not kb.intents[ranked[0].intent_id].fallback) and about_something_else(
            kb, message or text, own or analysis):
        return Reading([])  # an honest "not held" answer found is better than the plain apology
    reading = _year_check(kb, text, analysis, ranked, vector)
    best = reading.ranked[0].intent_id if reading.gap is None and reading.ranked else None
    if best is not None and not kb.intents[best].fallback and date_missing(
            text, (own or analysis).original, kb.answers[best]["ja"].text):
        return Reading(reading.ranked, Gap("date", related=_related(reading.ranked)))
    return reading

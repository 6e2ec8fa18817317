"""A related topic is not an answer: notice when the specific thing asked is not in the knowledge.

Recognised in a question:

- a **request to act** (電話をつないで, 代わりに出して, "email MEXT for me"): :mod:`bot.core.acts`;
- a **year** the knowledge has no figures or facts for (令和7年度, FY2024, 来年度の人数), or a named thing
  (SEA) the year's figures do not break down;
- a **ranking** (一番多い, which prefecture has the most…): the knowledge holds none;
- an **opinion** on which option to choose (ALTとCIRどちらを選ぶべき): the notice gives none;
- a **date** (何月何日, 提出期限) when the answer found gives none, or when asked of a role it never names
  (「SEAはいつ始まった？」: JET's start is no answer);
- a **rate** or share the answer does not give and no count of it can (離職率, "renewal rate");
- a **detail** of one named thing that the answer gives only for others (SEAの新規の人数: new participants
  are counted for ALT and CIR only; found by :func:`bot.core.narrow.lost_in_narrowing`);
- a year's **total** printed by role only (令和5年度の新規参加者の総数: :mod:`bot.core.gap_total`);
- a **case** on a subject or from a place the sources never name (事例集に部活動の事例は？: :mod:`bot.core.gap_cases`);
- an **attachment**, a plan's **edition** or a head count by **school level** the knowledge lacks (参考資料5,
  第5期教育振興基本計画, 中学校のALTの人数: :mod:`bot.core.gaps_named`);
- a **subject** the knowledge never uses ("What's the weather in Tokyo?", 「文科省の最寄り駅は？」:
  :mod:`bot.core.subjects`).

:func:`find_gap` returns what is missing and the related intents to offer as choices; ``latest`` tells the
caller that a "this year / latest" question is answered with the newest figures the knowledge has."""
from __future__ import annotations

import re

import numpy as np

from bot.core.knowledge_base import KnowledgeBase
from bot.core.matcher import Scored
from bot.core.declared import missing_entity, not_held_first, not_held_in_message
from bot.core.narrow import ROLES, kind_of
from bot.core.orthography import clean
from bot.core.sentences import sentences
from bot.core.subjects import about_something_else
from bot.core.follow_up_forms import source_of_it
from bot.core.acts import asks_to_act
from bot.core.analysis import Analysis
from bot.core.role_ranking import ranking_of_the_roles
from bot.core.gap_patterns import (DATE_GIVEN, OPINION, RANKING, RATES, WHEN_ASKED, WORTH, date_missing, period_missing,
                                   rate_missing)
from bot.core.gap_unprinted import PAGES_ASKED, amount_missing, heads_missing
from bot.core.gap_years import Gap, Reading, related, year_check
from bot.core.gaps_named import named_missing
from bot.core.gap_total import total_by_role_only
from bot.core.years import era_label
from bot.core.gap_cases import CASEBOOK_INTENT, SCHOOL_INTENT, case_subject_missing, cases_described

__all__ = ["Gap", "Reading", "find_gap"]

_BY_NUMBER = re.compile(r"(?:参考資料|参考|ref(?:erence)?(?: material)?\.?)\s*\d")  # a material named by its number
_MATERIALS = ("ref1", "ref2", "ref3", "ref4")
_MATERIAL = re.compile(r"ref\d")  # a reference material's token (intents/synonyms.yaml: ref1…ref4)
ACT_NOT_HELD_MARGIN = 5.0  # points below the threshold an honest "not held" topic is still shown beside a request to act
DATED_MARGIN = 15.0  # points: a close candidate that gives the date asked is the answer, not "the date is not held"
_WHEN_TERM = "イツ"  # いつ as the analyser reads it


def find_gap(kb: KnowledgeBase, text: str, analysis: Analysis, ranked: list[Scored],
             vector: np.ndarray | None = None, own: Analysis | None = None, message: str = "",
             threshold: float = 0.0) -> Reading:
    """Check a question against what the knowledge holds; ``text`` is the cleaned question, ``vector``
    its sentence vector if already computed (the year check re-ranks without the year, same meaning);
    ``own``: the question's own words when ``analysis`` is the question read with the previous topic (the
    topic's words are not what is asked: 「それは参考資料のどれ？」 after pay is no question about amounts);
    ``message``: the message as written (else ``text``); ``threshold``: the score from which it is answered."""
    honest = bool(ranked) and kb.intents[ranked[0].intent_id].fallback
    if asks_to_act(message or text) and not (honest and ranked[0].score >= threshold):
        # 「総務省に電話つないでもらえますか」: nothing is done on the user's behalf (an honest intent that declares the
        # task says so itself: 「報告書の下書きを代わりに書いて」). Beside it, the topic answered surely, or an honest one
        # close below (「申請書を代わりに提出して」: the forms are not held, and the request's route)
        sure = bool(ranked) and ranked[0].score >= threshold - (ACT_NOT_HELD_MARGIN if honest else 0)
        return Reading(ranked, Gap("act", related=related(ranked), topic=ranked[0].intent_id if sure else None))
    if RANKING.search(text):
        by_role = ranking_of_the_roles(kb, text, analysis, message)
        return Reading(by_role) if by_role else Reading(ranked, Gap("ranking", related=related(ranked)))
    if OPINION.search(text) and not RATES.search(text):  # (「新規率…どっちが高い？」 compares figures)
        return Reading(ranked, Gap("worth" if WORTH.search(text) else "opinion", related=related(ranked)))
    named = named_missing(kb, text, message, ranked, analysis)
    if named is not None:  # an attachment, a plan's edition or a school level's count the knowledge lacks
        kind, detail, figures = named
        return Reading(ranked, Gap(kind, related=related(ranked, *figures), detail=detail,
                                   topic=figures[0] if figures else None))  # (the figures stay the topic)
    by_role = total_by_role_only(kb.figures, text, bool(ROLES.intersection((own or analysis).terms)))
    if by_role is not None:  # 「令和5年度の新規参加者の総数は？」: printed for ALT and CIR only, no sum of the whole
        year, parts = by_role
        held = [s.intent_id for s in ranked if year in kb.figure_years.get(s.intent_id, ())][:1] or \
            [i for i, years in kb.figure_years.items() if year in years][:1]
        return Reading(ranked, Gap("total", year, related=related(ranked, *held), topic=held[0] if held else None,
                                   detail=(era_label(year), "、".join(f"{f.role} {f.printed}人" for f in parts),
                                           f"fiscal {year}", ", ".join(f"{f.role} {f.printed}" for f in parts))))
    subjects = case_subject_missing(kb, text, own or analysis, ranked)
    if subjects:  # 「事例集に部活動の事例ってある？」: the sources describe two cases, none on that
        things, towns = "・".join(subjects), cases_described(kb)
        return Reading(ranked, Gap("case", related=(SCHOOL_INTENT, CASEBOOK_INTENT), topic=CASEBOOK_INTENT,
                                   detail=(things, towns[0], _joined(subjects, text), towns[1])))
    promoted = not_held_in_message(kb, message, not_held_first(kb, own or analysis, ranked, message))
    if promoted and ranked and promoted[0].intent_id != ranked[0].intent_id:
        # what is not held, said plainly: not a year's figures instead (unless that year is what is lacking)
        reading = year_check(kb, text, analysis, promoted, vector, message)
        return reading if reading.gap is not None else Reading(promoted)
    ranked = promoted
    # (a "not held" intent it is not sure of is no reason to name a topic: 「その自治体の人口は？」)
    if (not ranked or not kb.intents[ranked[0].intent_id].fallback or ranked[0].score < threshold) and not source_of_it(
            message or text) and about_something_else(kb, message or text, own or analysis):
        return Reading([])  # an honest "not held" answer found is better than the plain apology
    reading = year_check(kb, text, analysis, ranked, vector, message)
    best = reading.ranked[0].intent_id if reading.gap is None and reading.ranked else None
    named = _named_of_another(kb, clean(message) if message else text, best, own is not None and own is not analysis) \
        if best is not None else set()
    if best is not None and not kb.intents[best].fallback and (date_missing(
            text, (own or analysis).original, kb.answers[best]["ja"].text) or named):
        dated = next((s for s in reading.ranked[1:3] if s.score >= max(reading.ranked[0].score - DATED_MARGIN, threshold)
                      and not kb.intents[s.intent_id].fallback and _a_date_is_its_point(kb, s.intent_id)
                      and not missing_entity(kb, own or analysis, s.intent_id)), None)  # (not the CIR casebook's)
        if dated is not None:  # "When was the casebook created?": when it came out (作成 is the casebook's word too)
            return Reading([dated, *(s for s in reading.ranked if s is not dated)])
        # (「CIR活用事例集はいつ作成？」: the CIR casebook stays the conversation's topic, 「リンクは？」 is its link)
        # ("CIR casebook date?": the material answered is the one asked, named)
        asked = {t for t in named if _MATERIAL.fullmatch(t)} or {t for t in analysis.terms if _MATERIAL.fullmatch(t)}
        return Reading(reading.ranked, Gap("date", related=related(reading.ranked),
                                           topic=_material_topic(kb, reading.ranked[:3], asked)))
    if best is not None and not kb.intents[best].fallback and period_missing(text, kb.answers[best]["ja"].text):
        return Reading(reading.ranked, Gap("period", related=related(reading.ranked), topic=best))
    asked_now = clean((own or analysis).original)  # (the message's own words: 「文科省は？」 after pay asks no amount)
    if best is not None and not kb.intents[best].fallback and amount_missing(asked_now, kb.answers[best]["ja"].text):
        return Reading(reading.ranked, Gap("amount", related=related(reading.ranked), topic=best))
    counts_no_one = best is not None and best not in kb.figure_years and not kb.intents[best].cases
    if counts_no_one and not kb.intents[best].fallback and heads_missing(asked_now, kb.answers[best]["ja"].text):
        # ("How many CIRs work on inbound tourism?": the policy counts no one; a case's town has its own reply)
        figures = [s.intent_id for s in kb.matcher.rank(kb.matcher.analyse(f"{asked_now} 人数")) if s.intent_id in
                   kb.figure_years][:1]
        return Reading(reading.ranked, Gap("heads", related=related(reading.ranked, *figures), topic=best))
    if best is not None and not kb.intents[best].fallback and PAGES_ASKED.search(asked_now):
        return Reading(reading.ranked, Gap("pages", related=related(reading.ranked), topic=best))
    if best is not None and not kb.intents[best].fallback and rate_missing(text, kb.answers[best]["ja"].text):
        return Reading(reading.ranked, Gap("rate", related=related(reading.ranked)))  # (figures computed come first)
    return reading


def _joined(words: tuple[str, ...], text: str) -> str:
    """English words as one phrase when the question writes them together ("disaster drills"), else listed."""
    phrase = " ".join(words)
    return phrase if phrase.lower() in text.lower() else " and ".join(words)


def _named_of_another(kb: KnowledgeBase, question: str, best: str, followed: bool = False) -> set[str]:
    """「SEAはいつ始まった？」: the roles the sentence asking when names that the answer found never mentions (it
    dates JET's start), or the reference materials (「CIR活用事例集はいつ作成？」: the JET-ALT casebook's day is not its
    day); a long message's other sentences (「SEAについて問い合わせがあり…JETはいつ？」) do not count. ``followed``: the
    question is read with the conversation's topic, whose answer is a day: a material named after it (「CIRの事例集の
    ほうは？」 after the JET-ALT casebook's day) is asked when it came out."""
    asking = next((s for s in sentences(question) if WHEN_ASKED.search(s)), None)
    if asking is None and followed and _a_date_is_its_point(kb, best) and not _BY_NUMBER.search(question):
        # (「参考資料4は？」 by its number may ask what the material is)
        return {t for t in kb.matcher.analyse(question).terms
                if _MATERIAL.fullmatch(t) and not kb.matcher.mentions(best, t)}
    return {t for t in kb.matcher.analyse(asking).terms if (kind_of(t) == "role" or _MATERIAL.fullmatch(t))
            and not kb.matcher.mentions(best, t)} if asking is not None else set()


def _material_topic(kb: KnowledgeBase, ranked: list[Scored], materials: set[str]) -> str | None:
    """The candidate about the reference material asked (one only): of those mentioning it, the one mentioning the
    fewest materials, never the list of all four (「参考資料3はいつの資料？」: the manual, not the list)."""
    if len(materials) != 1:
        return None
    material = next(iter(materials))
    about = sorted((sum(kb.matcher.mentions(s.intent_id, m) for m in _MATERIALS), i, s.intent_id)
                   for i, s in enumerate(ranked) if not kb.intents[s.intent_id].fallback
                   and kb.matcher.mentions(s.intent_id, material))
    return about[0][2] if about and about[0][0] < len(_MATERIALS) else None


def _a_date_is_its_point(kb: KnowledgeBase, intent_id: str) -> bool:
    """An intent asked when something happened (its examples ask いつ) whose answer gives the day (the casebook's
    publication: 2023年7月31日), not a year in passing."""
    return kb.matcher.asks_of(intent_id, _WHEN_TERM) and DATE_GIVEN.search(kb.answers[intent_id]["ja"].text) is not None

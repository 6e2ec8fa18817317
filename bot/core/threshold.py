"""A count compared with a number the user names, answered yes or no first.

「令和5年度のCIRは500人より多い？」, "Were there more than 500 CIRs in FY2023?", 「参加者は6,000人を超えてる？」,
「事例は20件以上ある？」: the user wants the yes or no, and the printed figure that decides it. The reply found gives
the figure; this leads it with the verdict (「いいえ、500人を超えていません（468人）。」). The number named is a bound,
not a guess of the figure, so it is never "corrected" as one (:mod:`bot.core.premise_note`).

Only a question is read (the comparison ends the message, in hiragana or an English question), and only a figure
the reply itself prints decides it: of what the number counts (people, countries, cases), of the role, year and
casebook field named, else of what the conversation counted, the one nearest the number. When a year's countries and
those since 1987 answer it differently, both are said. Anything else leaves the reply as it was.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Collection, Literal

from bot.core.figures import Figure
from bot.core.types import Reply
from bot.core.years import era_label, years_in

Counted = Literal["people", "countries", "cases"]

_NUMBER = r"(?:約|およそ|about |around )?(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s?(?P<times>万|千|k(?![a-z])))?"
_JA_COUNTER = r"(?P<counter>人|名|か国|カ国|ヶ国|事例|件)"
# number, counter, the comparison, and nothing after it but kana (the question's ending: 「ですか？」, 「いる？」)
_JA = re.compile(_NUMBER + r"\s?" + _JA_COUNTER + r"\s?(?:を|に|も)?\s?(?:より(?:も)?(?P<more_less>多|少)|(?P<over>超え|超|上回|越え)|"
                 r"(?P<under>下回|切っ|切れ)|(?P<limit>以上|以下|未満)|(?P<reached>届|達))(?=[ぁ-んー]*\s?[?？]?$)")
_EN_NOUN = r"(?: (?:jet )?(?P<noun>alts?|cirs?|seas?|participants|people|jets|countries|nations|cases|examples))?"
_EN = re.compile(r"(?<![a-z])(?:(?P<comparative>more|greater|bigger|larger|higher|fewer|less|lower|smaller) than|"
                 r"(?P<over>over|above|exceed(?:s|ed)?|surpass(?:es|ed)?|tops|topped|>)|(?P<under>under|below|<)|"
                 r"(?P<at_least>at least|>=|≥)|(?P<reached>reach(?:es|ed)?|hit)) ?" + _NUMBER + _EN_NOUN + r"(?![\d,])")
_YEAR = re.compile(r"19[5-9]\d|20[0-4]\d")
_EN_QUESTION = re.compile(r"\?\s*$|^(?:so |and |but )?(?:is|are|was|were|do|does|did|has|have|had)\b")
_JA_COUNTED: dict[str, Counted] = {"人": "people", "名": "people", "か国": "countries", "カ国": "countries",
                                   "ヶ国": "countries", "事例": "cases", "件": "cases"}
_EN_COUNTED: dict[str, Counted] = {"countries": "countries", "nations": "countries", "cases": "cases",
                                   "examples": "cases"}
_MEASURES: dict[Counted, frozenset[str]] = {"people": frozenset({"participants", "new", "cumulative"}),
                                            "countries": frozenset({"countries"}), "cases": frozenset({"cases"})}
_ROLES = {"ALT": re.compile(r"(?<![a-z])alts?(?![a-z])|外国語指導助手"), "CIR": re.compile(r"(?<![a-z])cirs?(?![a-z])|国際交流員"),
          "SEA": re.compile(r"(?<![a-z])seas?(?![a-z])|スポーツ国際交流員")}
_NEW = re.compile(r"新規|新しく|(?<![a-z])new(?![a-z])|first[- ]year")
_CUMULATIVE = re.compile(r"累計|延べ|のべ|これまで|cumulative|in total since|since 19|all time")
_COUNTED_NAMED: dict[Counted, re.Pattern[str]] = {"countries": re.compile(r"countries|nations"),
                                                  "cases": re.compile(r"(?<![a-z])cases|examples")}
_REMEMBERED: dict[Counted, str] = {"countries": "参加国", "cases": "事例"}  # what a conversation counted, as it remembers it
_MOST: dict[Counted, int] = {"countries": 300, "cases": 1000}  # a bound above it is of another count (80,000)
_TOTAL = re.compile(r"(?<![a-z])total(?![a-z])|全体|合計|総数")  # (with no year named: since the start)
_PARTS = {"school": re.compile(r"学校|school"), "community": re.compile(r"地域|community")}
_ASKED_JA = {"people": "何人", "countries": "何か国", "cases": "何件"}
_COUNTER_JA = {"people": "人", "countries": "か国", "cases": "事例"}
_NOUN_EN = {"people": "", "countries": " countries", "cases": " cases"}
# (above, inclusive, yes) -> what is said of the number
_SAID_JA = {(True, False, True): "{number}{counter}を超えています", (True, False, False): "{number}{counter}を超えていません",
            (True, True, True): "{number}{counter}以上です", (True, True, False): "{number}{counter}に届いていません",
            (False, False, True): "{number}{counter}より少ないです",
            (False, False, False): "{number}{counter}より少なくはありません",
            (False, True, True): "{number}{counter}以下です", (False, True, False): "{number}{counter}以下ではありません"}


@dataclass(frozen=True)
class Bound:
    """The number a count is compared with: whether the count is asked to be above it (or below), and whether the
    number itself counts (以上, "at least")."""

    value: int
    above: bool
    inclusive: bool
    counted: Counted | None  # what the number counts, when the question says (「500人」, "500 CIRs")


def bound_asked(text: str) -> Bound | None:
    """The bound a question compares a count with, or ``None`` (「CIRはSEAより何人多い？」 names no number)."""
    cleaned = _plain(text)
    ja = _JA.search(cleaned)
    if ja is not None:
        above = ja["more_less"] == "多" or bool(ja["over"] or ja["reached"]) or ja["limit"] == "以上"
        return Bound(_int(ja), above, ja["limit"] in ("以上", "以下") or bool(ja["reached"]), _JA_COUNTED[ja["counter"]])
    en = _EN.search(cleaned) if _EN_QUESTION.search(cleaned) else None
    if en is None or en["comparative"] and not en["noun"] and not en["times"] and _YEAR.fullmatch(en["number"]):
        return None  # ("how many more than 2019?": a year compared with, a difference)
    above = bool(en["over"] or en["at_least"] or en["reached"]) or en["comparative"] in (
        "more", "greater", "bigger", "larger", "higher")
    counted = _EN_COUNTED.get(en["noun"] or "", "people" if en["noun"] else None) or next(
        (c for c, pattern in _COUNTED_NAMED.items() if pattern.search(cleaned)), None)  # ("Did countries exceed 40?")
    return Bound(_int(en), above, bool(en["at_least"] or en["reached"]), counted)


def count_asked(text: str) -> str:
    """The question as a plain count (「SEAは10人未満？」 -> 「SEAは何人？」, "Did countries exceed 40 in 2019?" ->
    "how many did countries in 2019?"), so the figure is found as it would be asked; ``text`` when it names no bound."""
    cleaned = _plain(text)
    ja = _JA.search(cleaned)
    if ja is not None:
        return cleaned[:ja.start()] + _ASKED_JA[_JA_COUNTED[ja["counter"]]] + "？"
    en = _EN.search(cleaned) if _EN_QUESTION.search(cleaned) else None
    if en is None:
        return text
    rest = f"{cleaned[:en.start()]}{en['noun'] or ''}{cleaned[en.end():]}"
    return rest if "how many" in rest else f"how many {rest}"


def with_verdict(reply: Reply, bound: Bound, question: str, figures: Collection[Figure]) -> Reply:
    """``reply`` led by the yes or no to the bound, with the figure that decides it (unchanged when the reply prints
    no figure of what the question compares)."""
    figure = _deciding(reply, bound, _plain(question), figures)
    if figure is None:
        return reply
    counted = next(c for c, measures in _MEASURES.items() if figure.measure in measures)
    said = _verdict(reply.language, bound, counted, _holds(bound, figure.value), figure.printed)
    since = _since_start_too(reply, bound, _plain(question), figures, figure)
    if since is not None:  # ("more than 60?" after the countries: 2023's 50, and the 78 since 1987 the reply led with)
        said = _both(reply.language, bound, figure, since)
    return replace(reply, text=f"{said}\n{reply.text}")


def _both(language: str, bound: Bound, year: Figure, since: Figure) -> str:
    """The bound said of a year's countries and of those since 1987, which answer it differently."""
    label = f"fiscal {year.year}" if language == "en" else era_label(year.year) if year.year else ""
    if language == "en":
        relation = _relation_en(bound)
        return (f"In {label}, {year.printed} countries: {'' if _holds(bound, year.value) else 'not '}{relation}"
                f"{bound.value:,}; since 1987, {since.printed} countries: {'' if _holds(bound, since.value) else 'not '}"
                f"{relation}{bound.value:,}.")
    first, then = (_SAID_JA[(bound.above, bound.inclusive, _holds(bound, f.value))].format(
        number=f"{bound.value:,}", counter="か国") for f in (year, since))
    return f"{label}は{year.printed}か国で{first}が、創設以来の累計は{since.printed}か国で{then}。"


def _holds(bound: Bound, value: int) -> bool:
    """Whether ``value`` is on the side of the bound the question asks about."""
    if bound.above:
        return value >= bound.value if bound.inclusive else value > bound.value
    return value <= bound.value if bound.inclusive else value < bound.value


def _since_start_too(reply: Reply, bound: Bound, question: str, figures: Collection[Figure],
                     figure: Figure) -> Figure | None:
    """The countries since 1987 beside one year's, when the reply prints both, the question names neither a year
    nor the total since the start, and the two answer the bound differently."""
    if figure.measure != "countries" or figure.part is not None or years_in(question) - {bound.value} \
            or _CUMULATIVE.search(question):
        return None
    since = next((f for f in figures if f.measure == "countries" and f.part == "since_start"), None)
    if since is None or not _printed(since.printed, reply.text) or _holds(bound, since.value) == _holds(bound, figure.value):
        return None
    return since




def _deciding(reply: Reply, bound: Bound, question: str, figures: Collection[Figure]) -> Figure | None:
    """The figure the reply prints that counts what the question compares: of the roles, year, field and kind it
    names, or else the ones the conversation counted (``reply.names``: "more than 60?" after the countries of 2023
    compares those 50, not the participants), the one nearest the bound."""
    names = {n.upper() if n.isascii() else n for n in reply.names}
    roles = {role for role, pattern in _ROLES.items() if pattern.search(question)} or names & set(_ROLES)
    years = years_in(question) - {bound.value}  # ("over 2000?" names no year)
    parts = {part for part, pattern in _PARTS.items() if pattern.search(question)}
    counted = bound.counted or next((c for c, name in _REMEMBERED.items() if name in names
                                     and bound.value <= _MOST[c]), None)
    measure = "new" if _NEW.search(question) or not counted and "新規" in names else (
        "cumulative" if _CUMULATIVE.search(question) or _TOTAL.search(question) and not years or "累計" in names
        else None)
    if counted == "countries" and measure == "cumulative":  # the countries since 1987, not a year's
        since = next((f for f in figures if f.measure == "countries" and f.part == "since_start"), None)
        return since if since is not None and _printed(since.printed, reply.text) else None
    text = reply.text

    def fits(f: Figure) -> bool:
        kind = next((c for c, measures in _MEASURES.items() if f.measure in measures), None)
        if kind is None or kind != (counted or kind) or counted is None and bound.value > _MOST.get(kind, bound.value):
            return False
        if measure is not None and f.measure != measure:
            return False
        return ((f.role in roles if roles else f.role is None)
                and (not years or f.year in years) and (f.part in parts if parts else f.part is None))

    # the one nearest the bound (people compare with a number near the one they have in mind: "> 70k?" after the
    # total is the 77,172 since 1987, not 2023's 5,831; "over 2000?" of ALTs the 1,837 new ones), the first printed
    # of two as near
    # … of the year the reply leads with when the question names none ("More than 6000?" after 2019's figures)
    found = sorted(((text.find(f.printed), f) for f in figures if fits(f) and _printed(f.printed, text)),
                   key=lambda pair: pair[0])
    year = next((f.year for _, f in found if f.year is not None), None)
    near = [(abs(math.log(f.value / bound.value)) if f.value and bound.value else math.inf, at, f)
            for at, f in found if f.year in (year, None)]
    return min(near, key=lambda pair: pair[:2])[2] if near else None


def _printed(value: str, text: str) -> bool:
    return re.search(rf"(?<![\d,]){re.escape(value)}(?![\d,])", text) is not None


def _verdict(language: str, bound: Bound, counted: Counted, yes: bool, printed: str) -> str:
    number = f"{bound.value:,}"
    if language == "en":
        relation = _relation_en(bound)
        return f"{'Yes' if yes else 'No'}: {printed}{_NOUN_EN[counted]}, {'' if yes else 'not '}{relation}{number}."
    said = _SAID_JA[(bound.above, bound.inclusive, yes)].format(number=number, counter=_COUNTER_JA[counted])
    return f"{'はい' if yes else 'いいえ'}、{said}（{printed}{_COUNTER_JA[counted]}）。"


def _relation_en(bound: Bound) -> str:
    return ("at least " if bound.inclusive else "more than ") if bound.above else (
        "at most " if bound.inclusive else "fewer than ")


def _plain(text: str) -> str:
    """NFKC, lower case, without the closing stop (not :func:`clean`: it reads "fewer" as "more")."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).lower().strip().rstrip("。.!！ ")


def _int(found: re.Match[str]) -> int:
    """The number found, times 万, 千 or k when written so (「10万人」, "70k")."""
    times = {"万": 10_000, "千": 1_000, "k": 1_000}.get(found["times"] or "", 1)
    return round(float(found["number"].replace(",", "")) * times)

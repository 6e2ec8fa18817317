"""Say plainly when a figure, a year, a phone number or an office the user checks is not the one printed
(「事例集は20事例でしたよね？」: 「ご質問の「20事例」は、通知・資料の記載と異なります」 before the printed 30 cases;
「配置要望調査は文科省がやってるんでしたっけ？」: 「ご質問の「文科省」は…」 before CLAIR), instead of only giving the right
one and leaving the user to notice. :func:`bot.core.premise.asked_plainly` reads the question with the guess replaced;
this compares the guess with the reply found.

A false correction is worse than none, so a guess is named only when the message checks exactly one exact value
(「5,000人以上いますか」, "about 6000 ALTs" may well be right; two values checked are often answered one at a time)
and the reply gives a value of the same kind to differ from: a phone number, a count with the same counter or noun,
a year (the programme's start or the survey's year only; 昭和62年度 and 1987 are the same year), or an office (one
named alone, said to do what the reply names other offices for).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from typing import Iterable

from bot.core.types import Reply

_PHONE = re.compile(r"0\d{1,4}-\d{1,4}-\d{3,4}")
_ERA = {"昭和": 1925, "平成": 1988, "令和": 2018}
_ERA_YEAR = re.compile(r"(昭和|平成|令和)(\d{1,2}|元)年度?")
_WESTERN_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?:年度?)?(?!\d)")
# a count and what it counts: Japanese counters, English nouns (one kind each)
_COUNTERS = {"人": "人", "名": "人", "事例": "事例", "件": "事例", "か国": "か国", "ヶ国": "か国", "カ国": "か国",
             "cases": "cases", "case": "cases", "countries": "countries", "alts": "people", "cirs": "people",
             "seas": "people", "participants": "people", "people": "people"}
_COUNT = re.compile(r"(?<![\d,.\-])(\d{1,3}(?:,\d{3})+|\d+) ?(人|名|事例|件|か国|ヶ国|カ国|cases?|countries|alts|cirs|seas|"
                    r"participants|people)(?![a-z])")
_GUESS = re.compile(f"{_PHONE.pattern}|{_ERA_YEAR.pattern}|{_COUNT.pattern}|{_WESTERN_YEAR.pattern}")
# said as a rough figure or a bound (「5,000人以上」, 「6,000人くらい」, "about 6000"): it may be right
_ROUGH_BEFORE = re.compile(r"(?:約|およそ|だいたい|ほぼ|about|around|over|more than|less than|at least|almost|nearly|roughly)\s?$")
_ROUGH_AFTER = re.compile(r"^\s?(?:以上|以下|超|未満|くらい|ぐらい|ほど|程度|前後|弱|強|近く|余り|あまり|\+|or (?:more|so))")
# a year is checked as the programme's start or the survey's year (not "In 2019, 50 countries…": whose figures)
_YEAR_CHECKED = re.compile(r"創設|開始|始ま|スタート|でき|設立|発足|分|(?<![a-z])(?:start|began|begin|founded|launched|established)")
# an office said to do something (「配置要望調査は文科省がやってるんでしたっけ？」, "MOFA runs the survey, right?"), by
# which office it is; the question as read asks which office (bot.core.premise)
_OFFICES = {"mic": r"総務省|そうむしょう|(?<![a-z])mic(?![a-z])|internal affairs",
            "mofa": r"外務省|がいむしょう|(?<![a-z])mofa(?![a-z])|foreign affairs",
            "mext": r"文部科学省|文科省|もんかしょう|(?<![a-z])mext(?![a-z])|ministry of education",
            "clair": r"自治体国際化協会|クレア|(?<![a-z])clair(?![a-z])|council of local authorities"}
_OFFICE = re.compile("|".join(f"(?P<{key}>{names})" for key, names in _OFFICES.items()), re.IGNORECASE)
# … or checked as the one that made or does it, the question kept as written (「ALT事例集は外務省が作ったんですよね？」:
# the answer found names who did)
_DOER_CHECKED = re.compile(r"(?:が|は)[^。？?]{0,12}(?:作っ|作ら|作成|公表|出し|出さ|発出|担当|実施|運営|やって|補助|負担|まとめ)"
                           r"[^。？?]{0,10}(?:ですよね|でしたっけ|だっけ|だよね|ですね|よね)[？?]?$|"
                           r"(?<![a-z])(?:made|published|issued|runs|ran|handles|wrote|compiled|funds|pays)\b[^?]{0,40}"
                           r"(?:, right|, correct|right|correct|isn't it|didn't they|doesn't it)\?$", re.IGNORECASE)
_NOTE = {"ja": "ご質問の「{guess}」は、通知・資料の記載と異なります（記載は次のとおりです）。",
         "en": "{guess} in your question is not what the notice and its sources give (they give the following)."}


def guessed(original: str, asked: str) -> tuple[str, ...]:
    """The one exact figure, year or phone number of the cleaned message ``original`` that the question as read
    (``asked``) no longer has: the user's guess (none when the message states more than one value)."""
    kept = {m.group(0) for m in _GUESS.finditer(asked)}
    values = [m for m in _GUESS.finditer(original)
              if not (_ROUGH_BEFORE.search(original[:m.start()]) or _ROUGH_AFTER.match(original[m.end():]))]
    if not values:  # an office said to do it, which the question as read asks (one office only)
        offices = {m.lastgroup: m.group(0) for m in _OFFICE.finditer(original)}
        dropped = offices.keys() - {m.lastgroup for m in _OFFICE.finditer(asked)}
        checked = len(offices) == 1 and (dropped or _DOER_CHECKED.search(original.strip()) is not None)
        return tuple(offices.values()) if checked else ()
    # (a value the question as read keeps is no guess: 「令和5年度のCIRは486人だっけ」 checks 486人 of 令和5年度)
    dropped = {m.group(0) for m in values} - kept
    if len(dropped) != 1:  # (two values checked are often answered one at a time)
        return ()
    guess = dropped.pop()
    year = _ERA_YEAR.fullmatch(guess) or _WESTERN_YEAR.fullmatch(guess)
    return () if year and not _YEAR_CHECKED.search(original) else (guess,)


def _year(text: str) -> int:
    era = _ERA_YEAR.fullmatch(text)
    if era is not None:
        return _ERA[era.group(1)] + (1 if era.group(2) == "元" else int(era.group(2)))
    return int(_WESTERN_YEAR.fullmatch(text).group(1))


def _given(reply: Reply, guess: str) -> set[str] | None:
    """The values of the guess's kind the reply gives (None: it gives none, so nothing to differ from)."""
    text = reply.text.lower()
    if _OFFICE.fullmatch(guess):
        return {m.lastgroup for m in _OFFICE.finditer(text)} or None
    if _PHONE.fullmatch(guess):
        phones = {re.sub(r"\D", "", p) for p in [*_PHONE.findall(text), *(c.phone for c in reply.contacts if c.phone)]}
        return phones or None
    if _ERA_YEAR.fullmatch(guess) or _WESTERN_YEAR.fullmatch(guess):
        years = {str(_year(m.group(0))) for m in _ERA_YEAR.finditer(text)} | set(_WESTERN_YEAR.findall(text))
        return years or None
    kind = _COUNTERS[_COUNT.fullmatch(guess).group(2)]
    counts = {m.group(1).replace(",", "") for m in _COUNT.finditer(text) if _COUNTERS[m.group(2)] == kind}
    return counts or None


def _value(guess: str) -> str:
    if office := _OFFICE.fullmatch(guess):
        return office.lastgroup
    if _PHONE.fullmatch(guess):
        return re.sub(r"\D", "", guess)
    if _ERA_YEAR.fullmatch(guess) or _WESTERN_YEAR.fullmatch(guess):
        return str(_year(guess))
    return _COUNT.fullmatch(guess).group(1).replace(",", "")


def with_correction(reply: Reply, guesses: Iterable[str], written: str = "") -> Reply:
    """``reply`` led by a note naming the one value checked when the reply gives another of its kind (an answer only),
    as the user wrote it in ``written`` (the message: "6000 ALTs", not the cleaned "6000 alts")."""
    guesses = tuple(guesses)
    if len(guesses) != 1 or reply.fallback or reply.intent_id is None:  # (see :func:`guessed`)
        return reply
    guess = guesses[0]
    given = _given(reply, guess)
    if given is None or _value(guess) in given:
        return reply
    said = re.search(re.escape(guess).replace(r"\ ", r"\s*"), unicodedata.normalize("NFKC", written), re.IGNORECASE)
    guess = said.group(0) if said else guess
    named = guess if reply.language == "ja" else f'"{guess}"'
    return replace(reply, text=f"{_NOTE[reply.language].format(guess=named)}\n{reply.text}")


def with_word_correction(reply: Reply, guess: str | None, written: str) -> Reply:
    """``reply`` led by the note naming a word or phrase the question guessed (「世界で2番目に大きい」, "Assistant Language
    Trainer", 「JICA」) when the reply, an answer, never says it; as the user wrote it in ``written``."""
    if guess is None or reply.fallback or reply.intent_id is None or guess.lower() in reply.text.lower():
        return reply
    said = re.search(re.escape(guess).replace(r"\ ", r"\s*"), unicodedata.normalize("NFKC", written), re.IGNORECASE)
    guess = said.group(0) if said else guess
    named = guess if reply.language == "ja" else f'"{guess}"'
    return replace(reply, text=f"{_NOTE[reply.language].format(guess=named)}\n{reply.text}")

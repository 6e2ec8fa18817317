"""Say plainly when a figure, a year or a phone number the user checks is not the one printed (「事例集は20事例でした
よね？」: 「ご質問の「20事例」は、通知・資料の記載と異なります」 before the printed 30 cases), instead of only giving the right
one and leaving the user to notice. :func:`bot.core.premise.asked_plainly` reads the question with the guess replaced;
this compares the guess with the reply found.

Only an exact guess is named: 「5,000人以上いますか」 or "about 6000 ALTs" may well be right (a note there would be a
false correction), and a guess the reply repeats is confirmed by it.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable

from bot.core.types import Reply

# what a check guesses, as :func:`bot.core.premise.asked_plainly` replaces it: a phone number, a year (era or
# western), a number with its counter
_GUESS = re.compile(r"0\d{1,4}-\d{1,4}-\d{3,4}|(?:昭和|平成|令和)(?:\d{1,2}|元)年度?|"
                    r"(?<![\d,.])\d{1,3}(?:,\d{3})+(?:人|名|事例|件|か国|ヶ国|カ国)?|(?<![\d,.])\d+(?:人|名|事例|件|か国|ヶ国|カ国|年度|年)?")
# said as a rough figure or a bound (「5,000人以上」, 「6,000人くらい」, "about 6000"): it may be right
_ROUGH_BEFORE = re.compile(r"(?:約|およそ|だいたい|ほぼ|about|around|over|more than|less than|at least|almost|nearly|roughly)\s?$")
_ROUGH_AFTER = re.compile(r"^\s?(?:以上|以下|超|未満|くらい|ぐらい|ほど|程度|前後|弱|強|近く|余り|あまり|\+|or (?:more|so))")
_PHONE = re.compile(r"0\d{1,4}-\d{1,4}-\d{3,4}")
_NUMBER = re.compile(r"\d[\d,]*")
_NOTE = {"ja": "ご質問の「{guess}」は、通知・資料の記載と異なります（記載は次のとおりです）。",
         "en": "{guess} in your question is not what the notice and its sources give (they give the following)."}


def guessed(original: str, asked: str) -> tuple[str, ...]:
    """The exact figures, years and phone numbers of the cleaned message ``original`` that the question as read
    (``asked``) no longer has: the user's guesses."""
    kept = set(_GUESS.findall(asked))
    found = []
    for match in _GUESS.finditer(original):
        guess = match.group(0)
        rough = _ROUGH_BEFORE.search(original[:match.start()]) or _ROUGH_AFTER.match(original[match.end():])
        if guess not in kept and not rough and _NUMBER.search(guess):
            found.append(guess)
    return tuple(dict.fromkeys(found))


def _said(reply: Reply) -> set[str]:
    """The numbers of the reply's text and the digits of every phone number it or its cards give."""
    phones = [*_PHONE.findall(reply.text), *(c.phone for c in reply.contacts if c.phone)]
    return {n.replace(",", "") for n in _NUMBER.findall(reply.text)} | {re.sub(r"\D", "", p) for p in phones}


def _value(guess: str) -> str:
    """A guess as the reply would give it: a phone number's digits, a figure's number without commas (元年 is 1)."""
    if _PHONE.fullmatch(guess):
        return re.sub(r"\D", "", guess)
    return "1" if "元" in guess else _NUMBER.search(guess).group(0).replace(",", "")


def with_correction(reply: Reply, guesses: Iterable[str]) -> Reply:
    """``reply`` led by a note naming each guess it does not give (an answer only: not a fallback)."""
    guesses = tuple(guesses)
    if not guesses or reply.fallback or reply.intent_id is None:
        return reply
    said = _said(reply)
    wrong = [g for g in guesses if _value(g) not in said]
    if not wrong:
        return reply
    named = "」「".join(wrong) if reply.language == "ja" else ", ".join(f'"{g}"' for g in wrong)
    note = _NOTE[reply.language].format(guess=named)
    return replace(reply, text=f"{note}\n{reply.text}")

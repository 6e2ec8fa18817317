"""The notice's terms written by their sound inside an English message: "Which sankō shiryō is the casebook gaiyō?",
"Who runs the haichi yōbō chōsa?", "Is there chihou zaisei sochi for JET?". Bilingual staff write the Japanese terms
they work with in romaji (with or without the long vowels marked); the English around them is English, so the message
is no Japanese in romaji (:mod:`bot.core.romaji`) and the terms were lost. Each run of romaji words that reads as words
the knowledge writes in kanji is read as those words, so the question matches as if the term were typed in Japanese;
the reply stays in English and says how each term was read."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from bot.core.romaji import CONTENT, FUNCTION_WORDS, LONG_VOWELS, is_romaji, kana_of

_WORD = re.compile(r"[a-zA-ZāīūēōâîûêôĀĪŪĒŌÂÎÛÊÔ]+")  # (Mizutani's: the name)
RUN = 3  # words of one term at most (haichi yōbō chōsa)
PART = 3  # kana of each word a run is read as, at least (じれい: 事例; not けん, いか: too often another word)


@dataclass(frozen=True)
class Term:
    """A term as typed ("sankō shiryō") and as the knowledge writes it (参考資料), at ``start:end`` of the message."""

    typed: str
    written: str
    start: int
    end: int


def romaji_terms(text: str, read: Callable[[str], str | None], english: Callable[[str], bool]) -> list[Term]:
    """The terms of an English ``text`` written in romaji, left to right. ``read``: the one knowledge word read as a
    stretch of hiragana (None if none); ``english``: whether a lower-case word is an English word the knowledge uses
    ("sea", "take": never read as Japanese). A run of one word needs :data:`CONTENT` letters (not "no", "wa")."""
    words = list(_WORD.finditer(text))
    folded = [w.group().lower().translate(LONG_VOWELS) for w in words]
    usable = [is_romaji(f) and f not in FUNCTION_WORDS and not english(f) for f in folded]  # (not 「wa」, 「no」)
    terms: list[Term] = []
    i = 0
    while i < len(words):
        for size in range(min(RUN, len(words) - i), 0, -1):
            run = range(i, i + size)
            if not all(usable[k] for k in run) or any(text[words[k].end():words[k + 1].start()] != " "
                                                      for k in run[:-1]):
                continue
            if size == 1 and len(folded[i]) < CONTENT:
                continue
            written = kanji_of(kana_of("".join(folded[k] for k in run)), read)
            if written is not None:
                start, end = words[i].start(), words[i + size - 1].end()
                terms.append(Term(text[start:end], written, start, end))
                i += size
                break
        else:
            i += 1
    return terms


def kanji_of(kana: str, read: Callable[[str], str | None]) -> str | None:
    """``kana`` as the knowledge's words it reads as, one after another, the longest first (さんこうしりょう: 参考資料;
    るいけいさんかしゃ: 累計参加者), or None when some part reads as no word of at least :data:`PART` kana."""
    if not kana:
        return ""
    for size in range(len(kana), PART - 1, -1):
        word = read(kana[:size])
        rest = kanji_of(kana[size:], read) if word is not None else None
        if rest is not None:
            return word + rest
    return None


def with_terms(text: str, terms: list[Term]) -> str:
    """``text`` with each term as the knowledge writes it, a number right after it joined to it."""
    out, last = [], 0
    for term in terms:
        out += [text[last:term.start], term.written]
        last = term.end + (text[term.end:term.end + 1] == " " and text[term.end + 1:term.end + 2].isdigit())
    return "".join(out) + text[last:]  # (「sankō shiryō 1」: 参考資料1, as the knowledge writes it)

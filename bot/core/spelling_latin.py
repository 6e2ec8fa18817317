"""Slips in Latin letters: an English word one edit from a word the knowledge uses (Cordinator, Langauge),
an upper-case abbreviation with two neighbouring letters swapped (ATL for ALT, CRIs for CIRs)."""
from __future__ import annotations

import re
from typing import Callable, Sequence

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.core.stop_words import EN_STOP

MIN_EN_WORD = 5
EN_WORD = re.compile(r"(?<![a-z])[a-z]+(?![a-z])")
ABBREVIATION = re.compile(r"(?<![A-Za-z])([A-Z]{3,5})(s?)(?![A-Za-z])")
# an abbreviation of its own one swap from another (JTE: the ALT's Japanese teacher, not JET)
_REAL_TERMS = frozenset({"JTE"})
_LOWER_ABBREVIATION = re.compile(r"(?<![A-Za-z])([a-z]{3})(?![A-Za-z])")
_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def english_slips(text: str, words: Sequence[str], word_set: frozenset[str],
                  known: Callable[[str], bool]) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` for each word of ``text`` (lower case) of 5 letters or more that is one edit (a swap
    counts as one) from one of ``words`` and is neither one of them, ``known``, nor a common English word
    ("there" is no slip for "three")."""
    hits = []
    for match in EN_WORD.finditer(text):
        word = match.group(0)
        if len(word) < MIN_EN_WORD or word in word_set or word in EN_STOP or known(word):
            continue
        best = process.extractOne(word, words, scorer=OSA.distance, score_cutoff=1)
        # a slip rarely changes the first letter: "hosts" is another word, not "costs" (two first
        # letters swapped is still a slip); a word shorter than those corrected is reached only by a
        # doubled letter ("rolle" is "role", "heard" is no "hard")
        if best is not None and abs(len(best[0]) - len(word)) <= 1 \
                and (best[0][0] == word[0] or best[0][:2] == word[1::-1]) \
                and (len(best[0]) >= MIN_EN_WORD or _doubled(word, best[0])):
            hits.append((match.start(), match.end(), best[0]))
    return hits


def _doubled(typed: str, word: str) -> bool:
    """``typed`` is ``word`` with one of its letters doubled."""
    return any(typed[i] == typed[i + 1] and typed[:i] + typed[i + 1:] == word for i in range(len(typed) - 1))


def swapped_abbreviations(original: str, abbreviations: frozenset[str]) -> list[tuple[str, str]]:
    """``(typed, meant)`` in lower case for each upper-case abbreviation of ``original`` (as typed) that is
    not one of ``abbreviations`` but becomes one with two neighbouring letters swapped."""
    found = []
    typed = list(ABBREVIATION.finditer(original))
    if _JAPANESE.search(original):  # 「criの仕事内容」: typed in lower case among Japanese words
        typed += _LOWER_ABBREVIATION.finditer(original)
    for match in typed:
        letters = match.group(1).upper()
        if letters in abbreviations or letters in _REAL_TERMS:
            continue
        for i in range(len(letters) - 1):
            swapped = letters[:i] + letters[i + 1] + letters[i] + letters[i + 2:]
            if swapped in abbreviations:
                found.append((letters.lower(), swapped.lower()))
                break
    return found

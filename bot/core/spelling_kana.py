"""A key term typed in kana (けいやく for 契約, にんようきかん for 任用期間): found by its reading.

A phone's input method left unconverted, or a user unsure of the kanji, gives a word the index does
not know, and the term is lost. :class:`KanaReadings` maps the readings of the knowledge's own kanji
words (a compound of two characters or more, read in three kana or more, one word per reading) back to
the word; :meth:`KanaReadings.find` proposes them for stretches of hiragana in a question. Like any
slip correction it is kept only when it makes the question match better (:mod:`bot.core.understand`).
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

from bot.core.orthography import fold_kana
from bot.core.packed import PackedMapping

MIN_READING = 3  # kana: shorter readings (いか, じき) are too often grammar or another word
MAX_READING = 12
_HIRAGANA_RUN = re.compile(r"[\u3041-\u309fー]{%d,}" % MIN_READING)
_KANJI = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# a term typed in kana starts a stretch or follows a particle (ALTのにんようきかん); hiragana right after a kanji
# or inside a word is an inflection (指している is not 指定, 忘れないように is not 内容)
_PARTICLES = frozenset("のはがをにでともへや")
# … and ends the stretch or comes before a particle, って or する (けいやくって, ていしゅつする): not 「し|てい|る」
_AFTER = _PARTICLES | frozenset("っすしさ")
# a noun written with kanji (and katakana) only, ending in a kanji (契約, 事例集, 取リマトメ団体): no okurigana,
# so not a verb as the analyser lists it (話ス) nor grammar (下さい)
_COMPOUND = re.compile(r"[\u3400-\u9fff\uf900-\ufaff][\u3400-\u9fff\uf900-\ufaff\u30a0-\u30ff]*[\u3400-\u9fff\uf900-\ufaff]")


class KanaReadings:
    """Reading (katakana, small kana full size) -> the one kanji word of the knowledge read so."""

    def __init__(self, words: Iterable[str], reading: Callable[[str], str],
                 group: Callable[[str], str] = lambda word: word) -> None:
        """``words``: the knowledge's words; ``reading``: a word's katakana reading ("" if unknown);
        ``group``: the first word of a word's synonym group (two spellings of one name, 澤浦 and 沢浦,
        share a reading without making it ambiguous)."""
        found: dict[str, set[str]] = {}
        for word in words:
            if not _COMPOUND.fullmatch(word):
                continue
            sound = fold_kana(reading(word))
            if MIN_READING <= len(sound) <= MAX_READING:
                found.setdefault(sound, set()).add(word)
        for sound, terms in found.items():
            if len(terms) > 1 and len(firsts := {group(term) for term in terms}) == 1 and firsts <= terms:
                found[sound] = firsts
        self._words = PackedMapping({sound: terms for sound, terms in found.items() if len(terms) == 1})

    def __len__(self) -> int:
        return len(self._words)

    def word(self, kana: str) -> str | None:
        """The one knowledge word read exactly as ``kana`` (hiragana or katakana), else None."""
        found = self._words.get(fold_kana(kana)) if MIN_READING <= len(kana) <= MAX_READING else None
        return found[0] if found else None

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, word)`` for each stretch of hiragana in ``text`` that reads as a known word,
        the longest first where they overlap."""
        hits: list[tuple[int, int, str]] = []
        for run in _HIRAGANA_RUN.finditer(text):
            run_hits: list[tuple[int, int, str]] = []
            kana = fold_kana(run.group(0))
            starts = [k for k in range(len(kana)) if (k > 0 and run.group(0)[k - 1] in _PARTICLES)
                      or (k == 0 and (run.start() == 0 or not _KANJI.match(text[run.start() - 1])))]
            for size in range(min(len(kana), MAX_READING), MIN_READING - 1, -1):
                for offset in (k for k in starts if k + size == len(kana)
                               or k + size < len(kana) and run.group(0)[k + size] in _AFTER):
                    start, end = run.start() + offset, run.start() + offset + size
                    if any(start < e and s < end for s, e, _ in run_hits):
                        continue
                    word = self._words.get(kana[offset:offset + size])
                    if word:
                        run_hits.append((start, end, word[0]))
            hits += run_hits
        return sorted(hits)

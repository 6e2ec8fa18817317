"""Correct a one-character slip in a key term against the knowledge's own vocabulary.

Users type 地方材政措置 (a wrong kanji with the same reading), スポツ国際交流員 (a dropped
long vowel), 外国語指導手 (a dropped kanji), Cordinator or Langauge (a dropped or swapped
letter), ATL for ALT. Such a word is unknown to the index, so the key term is lost and the
question falls back. :class:`Speller` finds, in a question, a stretch of text one edit away
from a term the knowledge uses, and proposes that term instead:

- Japanese: any stretch of 4 or more characters one insertion, deletion or substitution
  away from a known term (a deletion index makes this a few dictionary look-ups per
  stretch); a 2- or 3-character term only when the slip keeps its reading (外務賞 -> 外務省, 創説 -> 創設);
- English: a word of 5 letters or more one edit (a swap counts as one) from a known word, its first
  letter kept (hosts is not costs);
- an upper-case abbreviation with two neighbouring letters swapped (ATL -> ALT, CRIs -> CIRs).

A stretch that is itself a known word is never changed, and a Japanese stretch must not
cut a compound in two (国際交流協会 is not 国際交流員 plus 会).
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

from rapidfuzz.distance import OSA

from bot.core.packed import PackedMapping
from bot.core.orthography import clean, fold_kana
from bot.core.spelling_kana import KanaReadings
from bot.core.spelling_latin import ABBREVIATION, EN_WORD, MIN_EN_WORD, english_slips, swapped_abbreviations
from bot.core.types import Correction
from bot.core.stop_words import EN_STOP

MIN_TERM = 2          # shortest Japanese term corrected (with the same reading only)
FREE_TERM = 4         # from this length a one-character edit is enough
MAX_TERM = 16
# Hiragana breaks a stretch: particles and okurigana (の, は, づけ) are grammar, not slips in a term.
_JA_RUN = re.compile(r"[\u30a0-\u30ff\u3400-\u9fff\uf900-\ufaff0-9]+")
_HOW_MANY = re.compile(r"何[\u3400-\u9fff]")  # 何 and a counter: 何県, 何校, 何名
_KANJI = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_DIGITS = re.compile(r"\d+")


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _same_sound(term: str, window: str, reading: Callable[[str], str],
                sounds: Callable[[str], frozenset[str]] | None = None) -> bool:
    """Whether a slip keeps the term's reading: the two read alike, or the one character changed reads like
    the one it replaces (創説 for 創設: the analyser reads an unknown 創説 character by character), in any of
    its readings when ``sounds`` gives them (創節 for 創設: 節 is read フシ alone, セツ in compounds)."""
    if reading(term) == reading(window):
        return True
    changed = [(a, b) for a, b in zip(term, window) if a != b] if len(term) == len(window) else []
    if len(changed) != 1:
        return False
    (right, wrong), = changed
    return reading(right) == reading(wrong) or sounds is not None and bool(sounds(right) & sounds(wrong))


def _extends(a: str, b: str) -> bool:
    """One is the other plus a character at either end."""
    short, long = sorted((a, b), key=len)
    return len(long) == len(short) + 1 and (long.startswith(short) or long.endswith(short))


class Speller:
    """Built once per knowledge version from the words it uses (picklable, no analyser inside)."""

    def __init__(self, japanese: Iterable[str], english: Iterable[str], abbreviations: Iterable[str],
                 known: Iterable[str] = (), kana: KanaReadings | None = None) -> None:
        """``japanese`` / ``english``: the key terms a slip is corrected to; ``known``: every other word
        the knowledge uses (never "corrected", and a stretch made of them is no slip); ``kana``: the
        knowledge's words by reading (a term typed in hiragana)."""
        self.kana = kana
        japanese = set(japanese)
        self.terms = frozenset(t for t in (fold_kana(w) for w in japanese) if MIN_TERM <= len(t) <= MAX_TERM)
        index: dict[str, set[str]] = {}
        for term in self.terms:
            for key in _deletions(term) | {term}:
                index.setdefault(key, set()).add(term)
        self._index = PackedMapping(index)  # key -> terms, sorted (arrays: ~20 MB less per worker at 10,000 intents)
        self._all = frozenset(fold_kana(w) for w in japanese | set(known) if len(w) >= 2)
        self.english = tuple(sorted({w for w in english if len(w) >= MIN_EN_WORD - 1}))
        self._english_set = frozenset(self.english)
        self.abbreviations = frozenset(abbreviations)

    # --- Japanese ------------------------------------------------------------------------------

    def _known_at(self, text: str, start: int, forward: bool) -> bool:
        """Whether a known word of 2+ characters starts (or ends) at ``start``."""
        for length in range(2, MAX_TERM + 1):
            piece = text[start:start + length] if forward else text[max(0, start - length):start]
            if len(piece) < length:
                break
            if piece in self._all:
                return True
        return False

    def _clean_cut(self, text: str, start: int, end: int) -> bool:
        """The stretch does not cut a compound: kanji on both sides of a cut need a known word beyond it."""
        if start > 0 and _KANJI.match(text[start - 1]) and _KANJI.match(text[start]) \
                and not self._known_at(text, start, forward=False):
            return False
        if end < len(text) and _KANJI.match(text[end - 1]) and _KANJI.match(text[end]) \
                and not self._known_at(text, end, forward=True):
            return False
        return True

    def _candidates(self, window: str) -> set[str]:
        found = set(self._index.get(window, ()))           # the window lacks a character
        for key in _deletions(window):                     # it has one too many, or a wrong one
            found.update(t for t in self._index.get(key, ()) if len(t) >= len(window) - 1)
        digits = _DIGITS.findall(window)  # 令和7年度 is another year, not a slip for 令和5年度
        return {t for t in found if t != window and OSA.distance(t, window) == 1 and _DIGITS.findall(t) == digits}

    def _covered(self, text: str) -> list[bool]:
        """Which characters belong to a word the knowledge knows, as written."""
        covered = [False] * len(text)
        for start in range(len(text)):
            for length in range(2, min(MAX_TERM, len(text) - start) + 1):
                if text[start:start + length] in self._all:
                    covered[start:start + length] = [True] * length
        return covered

    def _japanese(self, cleaned: str, text: str, reading: Callable[[str], str], known: Callable[[str], bool],
                  sounds: Callable[[str], frozenset[str]] | None = None) -> list[tuple[int, int, str]]:
        hits: list[tuple[int, int, str]] = []
        covered = self._covered(text)
        for run in _JA_RUN.finditer(cleaned):
            base = run.start()
            word = text[run.start():run.end()]
            for size in range(min(len(word), MAX_TERM + 1), MIN_TERM - 1, -1):
                for offset in range(0, len(word) - size + 1):
                    window = word[offset:offset + size]
                    if window in self._all or not _KANJI.search(window) and not re.search(r"[\u30a0-\u30ff]", window):
                        continue
                    if _HOW_MANY.fullmatch(window):
                        continue  # 何県 (which prefecture) is a question word, not a slip for 何件
                    start, end = base + offset, base + offset + size
                    if all(covered[start:end]) or self._segments(window):
                        continue  # made of words the knowledge knows: nothing to correct
                    for term in sorted(self._candidates(window), key=lambda t: (-len(t), t)):
                        if len(term) < FREE_TERM and not _same_sound(term, window, reading, sounds):
                            continue
                        if _extends(term, window) and end < len(text.rstrip("?？。 ")):
                            continue  # 学校教育課 is 学校教育 plus a suffix; only a last word may be cut short
                        if self._clean_cut(text, start, end) and not known(cleaned[start:end]):
                            hits.append((start, end, term))
                            break
        return hits

    def _segments(self, window: str) -> bool:
        """Whether the stretch is a run of known words (参加国数 = 参加 + 国数): a compound, not a slip."""
        reachable = [True] + [False] * len(window)
        for end in range(2, len(window) + 1):
            reachable[end] = any(reachable[start] and window[start:end] in self._all
                                 for start in range(max(0, end - MAX_TERM), end - 1))
        return reachable[-1]

    # --- both -------------------------------------------------------------------------------------

    def correct(self, cleaned: str, original: str, reading: Callable[[str], str],
                known: Callable[[str], bool] = lambda text: False,
                sounds: Callable[[str], frozenset[str]] | None = None) -> tuple[str, tuple[Correction, ...]]:
        """``cleaned`` (see :func:`bot.core.orthography.clean`) with slips replaced, and what was replaced.

        ``original`` is the text as typed (for upper-case abbreviations); ``reading`` gives the
        kana reading of a word (same-reading check for short terms); ``known`` tells whether the
        analyser already reads a stretch as words the knowledge uses (ネイティブ is ネーティブ);
        ``sounds`` gives every reading of one kanji (a short term's slip may share any of them).
        """
        folded = fold_kana(cleaned)
        typed_in_kana = [h for h in self.kana.find(cleaned) if not known(cleaned[h[0]:h[1]])] if self.kana else []
        hits = sorted(self._japanese(cleaned, folded, reading, known, sounds) + typed_in_kana
                      + english_slips(folded, self.english, self._english_set, known), key=lambda h: (-(h[1] - h[0]), h[0]))
        chosen: list[tuple[int, int, str]] = []
        for start, end, term in hits:
            if all(end <= s or start >= e for s, e, _ in chosen):
                chosen.append((start, end, term))
        out, last, corrections = [], 0, []
        for start, end, term in sorted(chosen):
            out.append(cleaned[last:start])
            out.append(term)
            corrections.append(Correction(cleaned[start:end], term))
            last = end
        out.append(cleaned[last:])
        text = "".join(out)
        for wrong, right in swapped_abbreviations(original, self.abbreviations):
            pattern = re.compile(rf"(?<![a-z]){re.escape(wrong)}(?=s?(?![a-z]))")
            if pattern.search(text):
                text = pattern.sub(right, text)
                corrections.append(Correction(wrong.upper(), right.upper()))
        return text, tuple(corrections)


def build_speller(key_terms: Iterable[str], synonyms: Iterable[Iterable[str]], words: Iterable[str],
                  texts: Iterable[str], reading: Callable[[str], str] | None = None) -> Speller:
    """A speller over the knowledge's key terms (synonyms as declared, keywords, titles), knowing
    every indexed word, with the upper-case abbreviations of ``texts`` (examples, answers); ``reading``
    (a word's katakana reading) lets it find a kanji word typed in hiragana."""
    keys = [clean(str(v)) for group in synonyms for v in group] + [clean(k) for k in key_terms]
    japanese = {k for k in keys if re.search(r"[\u30a0-\u30ff\u3400-\u9fff]", k)}
    # a term written with an abbreviation (jetプログラム, alt活動事例集): a stretch is read without the letters
    japanese |= {run for k in japanese for run in _JA_RUN.findall(k) if run != k and len(run) >= FREE_TERM}
    # (no slip is corrected to a word of no topic: "think" is no "thank")
    english = {w for k in keys for w in EN_WORD.findall(k) if w not in EN_STOP}
    abbreviations = {m.group(1) for text in [*texts, *(str(v) for g in synonyms for v in g)]
                     for m in ABBREVIATION.finditer(text)}
    known = {w for w in words if re.search(r"[\u30a0-\u30ff\u3400-\u9fff]", w)}
    first = {clean(str(v)): clean(str(group[0])) for group in synonyms for v in group}
    kana = KanaReadings(known | japanese, reading, lambda word: first.get(word, word)) if reading is not None else None
    return Speller(japanese, english, abbreviations, known, kana)

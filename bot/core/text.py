"""Japanese-aware text preparation (with :mod:`bot.core.orthography` and :mod:`bot.core.stop_words`, the only
modules that know Japanese orthography).

``Analyzer.analyse(text)`` turns a question (or an example) into
- ``normalized``: NFKC, lower case, kana-folded, punctuation and polite
  phrasing removed, synonyms replaced by their canonical word;
- ``terms``: content words (SudachiPy normalised forms, particles,
  auxiliaries and symbols dropped) plus the parts of compounds;
- ``grams``: character bigrams of the words' kana readings, so that
  ``そうむしょう`` still meets ``総務省``.
"""
from __future__ import annotations

import re
import sys
import threading
from typing import Iterable, Sequence

from sudachipy import Dictionary, SplitMode

from bot.core.analysis import Analysis
from bot.core.memo import Memo
from bot.core.orthography import (ASCII_WORD, KANA_ONLY, LONG_VOWELS, NON_WORD, clean, english_names, fold_kana,
                                   gibberish, small_at, stem_en, year_terms)
from bot.core.stop_words import CONTENT_POS, EN_STOP, LETTER_LEMMAS, LETTER_UNKNOWN_WEIGHT, POLITE, STOP_LEMMAS
from bot.core.years import normalise as normalise_years

ANALYSES_KEPT = 64  # one message's readings and checks analyse the same sentences again: kept, not redone
# English questions meet fewer English words in the knowledge (answers are mostly Japanese),
# so an English word the knowledge never uses says less than an unknown Japanese noun.
EN_UNKNOWN_WEIGHT = 0.75
_INTERNAL_TOKEN = re.compile(r"[a-z0-9]+")  # ref1, headcount: synonym canonicals no one writes


class Analyzer:
    """Holds the morphological analyser and the synonym table (built once, at load)."""

    def __init__(self, synonym_groups: Iterable[Sequence[str]] = ()) -> None:
        self._dictionary = Dictionary(dict="core")
        self._tokenizer = self._dictionary.tokenizer(mode=SplitMode.C)
        self._lock = threading.Lock()
        self._analysed: Memo[Analysis] = Memo(ANALYSES_KEPT)
        self._chunks: Memo[tuple[tuple, ...]] = Memo(4 * ANALYSES_KEPT)  # what _words found in a chunk
        table: dict[str, str] = {}
        small: dict[str, frozenset[int]] = {}
        # the word the sentence encoder reads for a group: its first variant that is not an internal token (ref1)
        self._display: dict[str, str] = {}
        for group in synonym_groups:
            canonical = normalise_years(clean(group[0]))
            self._display.setdefault(canonical, clean(next(
                (str(v) for v in group if not _INTERNAL_TOKEN.fullmatch(str(v))), str(group[0]))))
            for variant in group:  # the canonical word itself too: it becomes one atomic term
                written = normalise_years(clean(variant))
                key = fold_kana(written)
                if key:
                    table.setdefault(key, canonical)
                    small[key] = small.get(key, frozenset()) | small_at(written)
        for key, canonical in list(table.items()):
            reading = self._reading(key)  # そうむしょう finds 総務省 even when no one wrote it down
            if len(reading) >= 4:
                table.setdefault(reading, canonical)
                small[reading] = small.get(reading, frozenset()) | small_at(reading)
        # a small kana where every variant has a full one is another word: どういった is not いつ
        self._small = small
        self._synonyms = table
        self._synonym_re = self._build_synonym_re(table)

    def _reading(self, text: str) -> str:
        if not re.search(r"[\u3400-\u9fff]", text):
            return ""
        readings = [m.reading_form() for m in self._tokenizer.tokenize(text)]
        joined = fold_kana("".join(readings))
        return joined if re.fullmatch(r"[\u30a0-\u30ff]+", joined) else ""

    def reading(self, text: str) -> str:
        """The katakana reading of ``text`` (kana stays as it is; "" when it cannot be read)."""
        if not re.search(r"[\u3400-\u9fff]", text):
            return fold_kana(text)
        with self._lock:
            return self._reading(text)

    def sounds(self, character: str) -> frozenset[str]:
        """Every katakana reading the dictionary gives ``character`` (節: セツ, フシ…; a word read alone gets
        only one of them)."""
        with self._lock:
            return frozenset(fold_kana(m.reading_form()) for m in self._dictionary.lookup(character))

    @staticmethod
    def _build_synonym_re(table: dict[str, str]) -> re.Pattern[str] | None:
        if not table:
            return None
        parts = []
        for key in sorted(table, key=len, reverse=True):
            body = re.escape(key)
            if ASCII_WORD.match(key):  # "sea" must not fire inside "research"
                body = rf"(?<![a-z0-9]){body}(?![a-z0-9])"
            parts.append(body)
        return re.compile("|".join(parts))

    def variants(self, canonical: str) -> tuple[str, ...]:
        """The forms (cleaned, kana folded; readings too) that stand for ``canonical``."""
        return tuple(key for key, value in self._synonyms.items() if value == canonical)

    def apply_synonyms(self, text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
        """Replace every declared variant by its canonical word (kana-insensitive)."""
        if self._synonym_re is None:
            return text, ()
        folded = fold_kana(text)  # same length as text: positions line up
        out: list[str] = []
        applied: list[tuple[str, str]] = []
        last = 0
        for match in self._synonym_re.finditer(folded):
            if not small_at(text[match.start():match.end()]) <= self._small.get(match.group(0), frozenset()):
                continue
            canonical = self._synonyms[match.group(0)]
            out.append(text[last:match.start()])
            out.append(f" {canonical} ")
            applied.append((text[match.start():match.end()], canonical))
            last = match.end()
        out.append(text[last:])
        return " ".join("".join(out).split()), tuple(applied)

    def _spelled_out(self, original: str) -> str:
        """A question typed in kana alone (えーえるてぃーってなに) with its declared words in their written
        form (altってなに): the sentence encoder reads kana strings poorly."""
        if self._synonym_re is None or not KANA_ONLY.fullmatch(NON_WORD.sub(" ", original)):
            return original
        out, last = [], 0
        for match in self._synonym_re.finditer(fold_kana(original)):  # same length: positions line up
            out += [original[last:match.start()], self._display.get(self._synonyms[match.group(0)], match.group(0))]
            last = match.end()
        return "".join(out) + original[last:]

    def analyse(self, text: str) -> Analysis:
        """Normalise and tokenise ``text`` (any input: never raises on odd Unicode)."""
        analysis = self._analysed.get(text)
        if analysis is None:
            analysis = self._analyse(text)
            self._analysed.put(text, analysis)
        return analysis

    def _analyse(self, text: str) -> Analysis:
        original = clean(text)
        cleaned = normalise_years(POLITE.sub(" ", original))
        cleaned, applied = self.apply_synonyms(cleaned)
        if applied:
            original = self._spelled_out(original)
        spaced = NON_WORD.sub(" ", cleaned).strip()
        units: list[tuple[str, float, tuple[str, ...]]] = [(fold_kana(c), 1.0, ()) for _, c in applied]
        readings: list[str] = []
        names: list[str] = []
        nonwords: list[str] = []
        for chunk in spaced.split():  # a message's readings share their chunks: each one is read once
            found = self._chunks.get(chunk)
            if found is None:
                lists: tuple[list, ...] = ([], [], [], [])
                with self._lock:  # a SudachiPy tokenizer must not be used by two threads at once
                    self._words(chunk, *lists)
                found = tuple(map(tuple, lists))
                self._chunks.put(chunk, found)
            for into, words in zip((units, readings, names, nonwords), found):
                into += words
        names += english_names(text, {u[0] for u in units})
        units = list({u[0]: u for u in units}.values())
        # interned: the index holds each distinct word once, however many examples use it
        terms = tuple(sys.intern(t) for word, _, parts in units for t in (word, *parts))
        kana_only = bool(KANA_ONLY.fullmatch(spaced)) and not applied
        # kana-only text is easily misread as words; its own sounds are the better key
        reading = LONG_VOWELS.sub("", fold_kana(spaced.replace(" ", ""))) if kana_only else "".join(readings)
        grams = tuple(sys.intern(reading[i:i + 2]) for i in range(len(reading) - 1)) if len(reading) > 1 \
            else tuple(readings)
        return Analysis(fold_kana(spaced), terms, grams, applied, original, tuple(units), kana_only,
                        tuple(dict.fromkeys(names)), tuple(dict.fromkeys(nonwords)))

    def _words(self, chunk: str, units: list[tuple[str, float, tuple[str, ...]]], readings: list[str],
               names: list[str], nonwords: list[str]) -> None:
        if ASCII_WORD.match(chunk):
            for word in re.split(r"[.@_+-]+", chunk) if "@" not in chunk else [chunk]:
                if word and word not in EN_STOP and not (len(word) == 1 and word.isalpha()):
                    units.append((stem_en(word)[:40], EN_UNKNOWN_WEIGHT, ()))
                    if gibberish(word):
                        nonwords.append(units[-1][0])
            return
        morphemes = list(self._tokenizer.tokenize(chunk))
        units.extend((year, 1.0, ()) for year in year_terms([m.surface() for m in morphemes]))
        for morpheme in morphemes:
            pos = morpheme.part_of_speech()[0]
            if pos not in CONTENT_POS:
                continue
            lemma = morpheme.normalized_form().lower()
            if lemma in STOP_LEMMAS or morpheme.dictionary_form() in STOP_LEMMAS:
                continue
            # an unknown verb or adjective says less about the topic than an unknown noun
            weight = 1.0 if pos in ("名詞", "代名詞", "接頭辞") else 0.5
            if lemma in LETTER_LEMMAS:
                weight = LETTER_UNKNOWN_WEIGHT
            if ASCII_WORD.match(lemma):
                if lemma not in EN_STOP:
                    units.append((stem_en(lemma), weight, ()))
                continue
            parts = morpheme.split(SplitMode.A)
            sub = tuple(fold_kana(p.normalized_form()) for p in parts if len(parts) > 1
                        and p.part_of_speech()[0] in CONTENT_POS and p.normalized_form() not in STOP_LEMMAS)
            units.append((fold_kana(lemma), weight, sub))
            if morpheme.is_oov():
                nonwords.append(fold_kana(lemma))
            if morpheme.part_of_speech()[1] == "固有名詞":
                names.append(fold_kana(lemma))
            reading = morpheme.reading_form()
            if reading and re.fullmatch(r"[\u30a0-\u30ff]+", reading):
                readings.append(LONG_VOWELS.sub("", fold_kana(reading)))

"""Japanese-aware text preparation: the only module that knows Japanese orthography.

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
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Sequence

from sudachipy import Dictionary, SplitMode

MAX_CHARS = 5000
_HIRA_TO_KATA = {code: code + 0x60 for code in range(0x3041, 0x3097)}
_SMALL_KANA = str.maketrans("ァィゥェォッャュョヮヵヶ", "アイウエオツヤユヨワカケ")
_LONG_VOWELS = re.compile(r"[ー〜～\-‐−–—―]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_NON_WORD = re.compile(r"[^\w\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]+")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_ASCII_WORD = re.compile(r"^[a-z0-9.@_+-]+$")
# Phrases that carry politeness, not meaning. Removed before matching.
_POLITE = re.compile(
    "|".join([
        r"(?:を|について|に関して|のこと)?(?:教えて|おしえて)(?:ください|下さい|くださいませ|いただけますか|いただけませんか|もらえますか|ほしい|欲しい)?",
        r"(?:を|が|について)?(?:知りたい|しりたい)(?:です)?",
        r"(?:について)?(?:伺いたい|うかがいたい|お伺いしたい)(?:のですが|です)?",
        r"(?:よろしく)?お願い(?:します|いたします|致します)",
        r"(?:でしょうか|ですか|ますか|ください|下さい|のですが|んですが)",
        r"すみません|恐れ入りますが|恐縮ですが",
    ])
)
_STOP_LEMMAS = frozenset(
    "する ある いる なる 為る 居る 成る 有る 教える 下さる 知る 言う いう できる 出来る 思う れる られる せる "
    "何 なに なん 方 こと 事 もの 物 よう ため 為 とき 時 ところ これ それ あれ この その あの どこ どれ "
    "どう 様 さん 達 等 くれる もらう 貰う 頂く いただく 伺う 分かる わかる 良い いい よい 聞く 付く つく".split()
)
_EN_STOP = frozenset(
    "a an the is are was were be been of to in on at for from by with about and or but "
    "what which who whom whose where when why how do does did can could should would will "
    "i me my we our you your it its this that these those there please tell know want "
    "need get have has any some much many is it's i'm give show let".split()
)
_CONTENT_POS = frozenset({"名詞", "動詞", "形容詞", "形状詞", "副詞", "接頭辞", "接尾辞", "代名詞", "感動詞"})


def fold_kana(text: str) -> str:
    """Hiragana to katakana, small kana to full size: one shape per sound."""
    return text.translate(_HIRA_TO_KATA).translate(_SMALL_KANA)


def clean(text: str) -> str:
    """NFKC, lower case, no control characters or lone surrogates, single spaces, at most 5,000 characters."""
    text = _SURROGATES.sub("", text[: MAX_CHARS * 2])
    text = unicodedata.normalize("NFKC", text)
    text = _CONTROL.sub(" ", text).lower()
    return " ".join(text.split())[:MAX_CHARS]


def is_english(text: str) -> bool:
    """True when the text has Latin letters and no Japanese script."""
    has_latin = re.search(r"[a-zA-Z]", text) is not None
    has_japanese = re.search(r"[\u3040-\u30ff\u3400-\u9fff]", text) is not None
    return has_latin and not has_japanese


_ERAS = ("令和", "平成", "昭和")


def _year_terms(surfaces: list[str]) -> list[str]:
    """令和7年度 -> 令和7, 2025年 -> 2025年: a year is one word, so another year does not match it."""
    found = []
    for i, surface in enumerate(surfaces):
        if not surface.isdigit():
            continue
        if i > 0 and surfaces[i - 1] in _ERAS:
            found.append(surfaces[i - 1] + surface)
        elif len(surface) == 4 and i + 1 < len(surfaces) and surfaces[i + 1] in ("年", "年度"):
            found.append(surface + "年")
    return found


def _stem_en(word: str) -> str:
    for suffix, keep in (("ies", "y"), ("sses", "ss"), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)] + keep
    return word


@dataclass(frozen=True)
class Analysis:
    """What the matcher needs to know about one piece of text."""

    normalized: str
    terms: tuple[str, ...]
    grams: tuple[str, ...]
    synonyms_applied: tuple[tuple[str, str], ...] = ()
    original: str = ""  # cleaned text before anything is dropped (for the sentence encoder)


class Analyzer:
    """Holds the morphological analyser and the synonym table (built once, at load)."""

    def __init__(self, synonym_groups: Iterable[Sequence[str]] = ()) -> None:
        self._tokenizer = Dictionary(dict="core").tokenizer(mode=SplitMode.C)
        table: dict[str, str] = {}
        for group in synonym_groups:
            canonical = clean(group[0])
            for variant in group:  # the canonical word itself too: it becomes one atomic term
                key = fold_kana(clean(variant))
                if key:
                    table.setdefault(key, canonical)
        self._synonyms = table
        self._synonym_re = self._build_synonym_re(table)

    @staticmethod
    def _build_synonym_re(table: dict[str, str]) -> re.Pattern[str] | None:
        if not table:
            return None
        parts = []
        for key in sorted(table, key=len, reverse=True):
            body = re.escape(key)
            if _ASCII_WORD.match(key):  # "sea" must not fire inside "research"
                body = rf"(?<![a-z0-9]){body}(?![a-z0-9])"
            parts.append(body)
        return re.compile("|".join(parts))

    def apply_synonyms(self, text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
        """Replace every declared variant by its canonical word (kana-insensitive)."""
        if self._synonym_re is None:
            return text, ()
        folded = fold_kana(text)  # same length as text: positions line up
        out: list[str] = []
        applied: list[tuple[str, str]] = []
        last = 0
        for match in self._synonym_re.finditer(folded):
            canonical = self._synonyms[match.group(0)]
            out.append(text[last:match.start()])
            out.append(f" {canonical} ")
            applied.append((text[match.start():match.end()], canonical))
            last = match.end()
        out.append(text[last:])
        return " ".join("".join(out).split()), tuple(applied)

    def analyse(self, text: str) -> Analysis:
        """Normalise and tokenise ``text`` (any input: never raises on odd Unicode)."""
        original = clean(text)
        cleaned = _POLITE.sub(" ", original)
        cleaned, applied = self.apply_synonyms(cleaned)
        spaced = _NON_WORD.sub(" ", cleaned).strip()
        terms: list[str] = [fold_kana(canonical) for _, canonical in applied]
        readings: list[str] = []
        for chunk in spaced.split():
            self._words(chunk, terms, readings)
        reading = "".join(readings)
        grams = tuple(reading[i:i + 2] for i in range(len(reading) - 1)) if len(reading) > 1 else tuple(readings)
        return Analysis(fold_kana(spaced), tuple(terms), grams, applied, original)

    def _words(self, chunk: str, terms: list[str], readings: list[str]) -> None:
        if _ASCII_WORD.match(chunk):
            for word in re.split(r"[.@_+-]+", chunk) if "@" not in chunk else [chunk]:
                if word and word not in _EN_STOP and not (len(word) == 1 and word.isalpha()):
                    terms.append(_stem_en(word)[:40])
            return
        morphemes = list(self._tokenizer.tokenize(chunk))
        terms.extend(_year_terms([m.surface() for m in morphemes]))
        for morpheme in morphemes:
            pos = morpheme.part_of_speech()[0]
            if pos not in _CONTENT_POS:
                continue
            lemma = morpheme.normalized_form().lower()
            if lemma in _STOP_LEMMAS or morpheme.dictionary_form() in _STOP_LEMMAS:
                continue
            if _ASCII_WORD.match(lemma):
                if lemma not in _EN_STOP:
                    terms.append(_stem_en(lemma))
                continue
            terms.append(fold_kana(lemma))
            parts = morpheme.split(SplitMode.A)
            if len(parts) > 1:
                terms.extend(fold_kana(p.normalized_form()) for p in parts
                             if p.part_of_speech()[0] in _CONTENT_POS and p.normalized_form() not in _STOP_LEMMAS)
            reading = morpheme.reading_form()
            if reading and re.fullmatch(r"[\u30a0-\u30ff]+", reading):
                readings.append(_LONG_VOWELS.sub("", fold_kana(reading)))

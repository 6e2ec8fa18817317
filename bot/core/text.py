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

import functools
import re
import sys
import threading
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Sequence

import snowballstemmer
from sudachipy import Dictionary, SplitMode

from bot.core.memo import Memo
from bot.core.years import normalise as normalise_years

MAX_CHARS = 5000
ANALYSES_KEPT = 64  # one message's readings and checks analyse the same sentences again: kept, not redone
# English questions meet fewer English words in the knowledge (answers are mostly Japanese),
# so an English word the knowledge never uses says less than an unknown Japanese noun.
EN_UNKNOWN_WEIGHT = 0.75
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
        # an English frame around the topic: "What does the notice say about CIRs?" asks about CIRs
        r"\b(?:what|how) (?:does|do|did) the (?:notice|document|letter) (?:say|says|state|mention) (?=about |on |regarding )",
        r"\baccording to the (?:notice|document|letter)\b,?",
    ])
)
_STOP_LEMMAS = frozenset(
    "する ある いる なる 為る 居る 成る 有る 教える 下さる 知る 言う いう できる 出来る 思う れる られる せる "
    "何 なに なん 方 こと 事 もの 物 よう ため 為 とき 時 際 ところ これ それ あれ この その あの どこ どれ "
    "どちら 何方 どっち こちら 此方 そちら 其方 こう そう ああ そもそも 抑 "
    "どう 様 さん 達 等 くれる もらう 貰う 頂く いただく 伺う 分かる わかる 良い いい よい 聞く 付く つく "
    # humble and polite verbs of a staff member's message (と考えております, よろしいでしょうか)
    "おる 居る 申す 存じる 存ずる 御存知 御存じ 存知 考える 宜しい よろしい 致す いたす 願う 無い ない".split()
)
# The vocabulary of polite business letters (ご教示いただけますと幸いです, 先般拝見した, 手元にある,
# 議会の答弁で…): in a long LINE message it frames the question, it does not name its topic. Such a
# word the knowledge does not use counts little against a match (a known one still counts in full).
_LETTER_LEMMAS = frozenset(
    "世話 御世話 教示 幸い 拝見 拝読 先般 先日 先ほど 手元 御座る 恐れ入る 恐縮 忙しい 拝啓 時下 益々 清栄 "
    "申し上げる 大変 予定 状況 上司 議会 答弁 議員 耳 興味 観点 参考 把握 承知 確認 検討 念 "
    "当方 当課 当町 当市 当村 当県 本日 今後 今回 先方 庁内 課内 管内 助かる 有り難い 照会 "
    # who asked the staff member and for what (市長から…まとめるよう指示を受けました)
    "市長 町長 村長 知事 首長 教育長 校長 議長 上長 指示 纏める 簡潔 枚 其々 夫々 案内 紹介".split()
)
LETTER_UNKNOWN_WEIGHT = 0.2
_EN_STOP = frozenset("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having
he her here hers him his how i if in into is it its itself just let me more most my no nor not now of off
on once only or other our ours out over own same she should so some such than that the their theirs them
then there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours please tell know want need get give show find like
could explain briefly brief kind kindly thank thanks hello hi ok okay something anything say said see
look looking help us our we'd i'd i'm it's what's where's who's how's there's that's don't doesn't
can't cannot may might must shall would've should've one ones thing things way ways really much many
well either even already still ever question questions general generally usually typically normally
exactly actually basically mainly
""".split())
_KANA_ONLY = re.compile(r"[\u3040-\u30ff\s]+")
_INTERNAL_TOKEN = re.compile(r"[a-z0-9]+")  # ref1, headcount: synonym canonicals no one writes
_CONTENT_POS = frozenset({"名詞", "動詞", "形容詞", "形状詞", "副詞", "接頭辞", "接尾辞", "代名詞", "感動詞"})


def _small_at(text: str) -> frozenset[int]:
    """Where ``text`` has a small kana (ッ, ゃ…): folding makes いっ look like いつ."""
    return frozenset(i for i, ch in enumerate(text.translate(_HIRA_TO_KATA)) if ch in "ァィゥェォッャュョヮヵヶ")


def fold_kana(text: str) -> str:
    """Hiragana to katakana, small kana to full size: one shape per sound."""
    return text.translate(_HIRA_TO_KATA).translate(_SMALL_KANA)


def clean(text: str) -> str:
    """NFKC, lower case, no control characters or lone surrogates, single spaces, at most 5,000 characters."""
    text = _SURROGATES.sub("", text[: MAX_CHARS * 2])
    text = unicodedata.normalize("NFKC", text)
    text = _CONTROL.sub(" ", text).lower()
    return " ".join(text.split())[:MAX_CHARS]


_CAPITALISED = re.compile(r"(?<=[a-z0-9,;:'\"] )[A-Z][a-z]{2,}")  # a capitalised word inside a sentence


def _english_names(text: str, words: set[str]) -> list[str]:
    """Capitalised words inside an English sentence ("placed in Hokkaido"), as the matcher's words: proper
    nouns, which the matcher treats like the places and names SudachiPy tags in Japanese."""
    if not _CAPITALISED.search(text):
        return []
    return [stem for stem in (_stem_en(w.lower()) for w in _CAPITALISED.findall(text)) if stem in words]


def is_english(text: str) -> bool:
    """True when the text has Latin letters and no Japanese script."""
    has_latin = re.search(r"[a-zA-Z]", text) is not None
    has_japanese = re.search(r"[\u3040-\u30ff\u3400-\u9fff]", text) is not None
    return has_latin and not has_japanese


_ERAS = ("令和", "平成", "昭和")


def _year_terms(surfaces: list[str]) -> list[str]:
    """令和7年度 -> 令和7, 2025年 -> 2025年, 3番目: one word each, so another year or item does not match."""
    found = []
    for i, surface in enumerate(surfaces):
        if not surface.isdigit():
            continue
        if i > 0 and surfaces[i - 1] in _ERAS:
            found.append(surfaces[i - 1] + surface)
        elif len(surface) == 4 and i + 1 < len(surfaces) and surfaces[i + 1] in ("年", "年度"):
            found.append(surface + "年")
        elif i + 1 < len(surfaces) and surfaces[i + 1] in ("番目", "番"):
            found.append(surface + "番目")  # "the 3rd case": a specific item
    return found


_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _gibberish(word: str) -> bool:
    """Latin letters that are no word: a keyboard row (asdf, qwerty, hjkl), no vowel, or a long consonant run."""
    if word.isdigit() or "@" in word:
        return False
    return (not re.search(r"[aeiouy]", word) or re.search(r"[bcdfghjklmnpqrstvwxz]{5,}", word) is not None
            or (len(word) >= 4 and any(word[:4] in row for row in _KEYBOARD_ROWS)))


_STEMMER = snowballstemmer.stemmer("english")  # stateless; the Porter2 rules are data


@functools.lru_cache(maxsize=1 << 16)  # the pure-Python stemmer was half of an index build
def _stem_en(word: str) -> str:
    return word if word.isdigit() or "@" in word else _STEMMER.stemWord(word)


@dataclass(frozen=True)
class Analysis:
    """What the matcher needs to know about one piece of text."""

    normalized: str
    terms: tuple[str, ...]
    grams: tuple[str, ...]
    synonyms_applied: tuple[tuple[str, str], ...] = ()
    original: str = ""  # cleaned text before anything is dropped (for the sentence encoder)
    # One entry per word as the user wrote it: (word, how much it counts when unknown, its parts)
    units: tuple[tuple[str, float, tuple[str, ...]], ...] = ()
    kana_only: bool = False
    names: tuple[str, ...] = ()  # proper nouns (places, people, organisations)
    nonwords: tuple[str, ...] = ()  # words of no language: keyboard mashing, strings the dictionary lacks


class Analyzer:
    """Holds the morphological analyser and the synonym table (built once, at load)."""

    def __init__(self, synonym_groups: Iterable[Sequence[str]] = ()) -> None:
        self._tokenizer = Dictionary(dict="core").tokenizer(mode=SplitMode.C)
        self._lock = threading.Lock()
        self._analysed: Memo[Analysis] = Memo(ANALYSES_KEPT)
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
                    small[key] = small.get(key, frozenset()) | _small_at(written)
        for key, canonical in list(table.items()):
            reading = self._reading(key)  # そうむしょう finds 総務省 even when no one wrote it down
            if len(reading) >= 4:
                table.setdefault(reading, canonical)
                small[reading] = small.get(reading, frozenset()) | _small_at(reading)
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
            if not _small_at(text[match.start():match.end()]) <= self._small.get(match.group(0), frozenset()):
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
        if self._synonym_re is None or not _KANA_ONLY.fullmatch(_NON_WORD.sub(" ", original)):
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
        cleaned = normalise_years(_POLITE.sub(" ", original))
        cleaned, applied = self.apply_synonyms(cleaned)
        if applied:
            original = self._spelled_out(original)
        spaced = _NON_WORD.sub(" ", cleaned).strip()
        units: list[tuple[str, float, tuple[str, ...]]] = [(fold_kana(c), 1.0, ()) for _, c in applied]
        readings: list[str] = []
        names: list[str] = []
        nonwords: list[str] = []
        with self._lock:  # a SudachiPy tokenizer must not be used by two threads at once
            for chunk in spaced.split():
                self._words(chunk, units, readings, names, nonwords)
        names += _english_names(text, {u[0] for u in units})
        units = list({u[0]: u for u in units}.values())
        # interned: the index holds each distinct word once, however many examples use it
        terms = tuple(sys.intern(t) for word, _, parts in units for t in (word, *parts))
        kana_only = bool(_KANA_ONLY.fullmatch(spaced)) and not applied
        # kana-only text is easily misread as words; its own sounds are the better key
        reading = _LONG_VOWELS.sub("", fold_kana(spaced.replace(" ", ""))) if kana_only else "".join(readings)
        grams = tuple(sys.intern(reading[i:i + 2]) for i in range(len(reading) - 1)) if len(reading) > 1 \
            else tuple(readings)
        return Analysis(fold_kana(spaced), terms, grams, applied, original, tuple(units), kana_only,
                        tuple(dict.fromkeys(names)), tuple(dict.fromkeys(nonwords)))

    def _words(self, chunk: str, units: list[tuple[str, float, tuple[str, ...]]], readings: list[str],
               names: list[str], nonwords: list[str]) -> None:
        if _ASCII_WORD.match(chunk):
            for word in re.split(r"[.@_+-]+", chunk) if "@" not in chunk else [chunk]:
                if word and word not in _EN_STOP and not (len(word) == 1 and word.isalpha()):
                    units.append((_stem_en(word)[:40], EN_UNKNOWN_WEIGHT, ()))
                    if _gibberish(word):
                        nonwords.append(units[-1][0])
            return
        morphemes = list(self._tokenizer.tokenize(chunk))
        units.extend((year, 1.0, ()) for year in _year_terms([m.surface() for m in morphemes]))
        for morpheme in morphemes:
            pos = morpheme.part_of_speech()[0]
            if pos not in _CONTENT_POS:
                continue
            lemma = morpheme.normalized_form().lower()
            if lemma in _STOP_LEMMAS or morpheme.dictionary_form() in _STOP_LEMMAS:
                continue
            # an unknown verb or adjective says less about the topic than an unknown noun
            weight = 1.0 if pos in ("名詞", "代名詞", "接頭辞") else 0.5
            if lemma in _LETTER_LEMMAS:
                weight = LETTER_UNKNOWN_WEIGHT
            if _ASCII_WORD.match(lemma):
                if lemma not in _EN_STOP:
                    units.append((_stem_en(lemma), weight, ()))
                continue
            parts = morpheme.split(SplitMode.A)
            sub = tuple(fold_kana(p.normalized_form()) for p in parts if len(parts) > 1
                        and p.part_of_speech()[0] in _CONTENT_POS and p.normalized_form() not in _STOP_LEMMAS)
            units.append((fold_kana(lemma), weight, sub))
            if morpheme.is_oov():
                nonwords.append(fold_kana(lemma))
            if morpheme.part_of_speech()[1] == "固有名詞":
                names.append(fold_kana(lemma))
            reading = morpheme.reading_form()
            if reading and re.fullmatch(r"[\u30a0-\u30ff]+", reading):
                readings.append(_LONG_VOWELS.sub("", fold_kana(reading)))

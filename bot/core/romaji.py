"""Japanese typed by its sound, without kanji: in Latin letters (「monkashou no denwa」, 「koufuzei de houshuu mo miteru?」,
「cir nihongo dekinai to dame?」: a phone or a computer without Japanese input) or in katakana only (「ｺｸｻｲｼﾂ ﾎｻ ﾀﾞﾚ」: an
old phone's half-width kana). Such a message is read as its words are written, so that it is understood (and answered in
Japanese) as if typed so; English ("What is koufuzei?") is left as it is.

The conversion itself is jaconv's (Hepburn and the input method's spellings: shi/si, tsu/tu, doubled consonants); a
word counts as romaji only when it is made of romaji syllables, is no English word, and the message has a word whose
kana reading the knowledge knows."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Callable

import jaconv


_JAPANESE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")
_WORD = re.compile(r"[a-z0-9']+")
_DIGIT = re.compile(r"[0-9]")
# a syllable: an optional doubled consonant (っ), a consonant (with y, or sh/ch/ts/j/f), a vowel; or a syllabic n
_SYLLABLE = (r"(?:(?:([kgsztdhbpmrcfj])(?=\1))?(?:[kgsztdnhbpmr]y|sh|ch|ts|[kgsztdnhbpmyrwjf])?[aiueo]"
             r"|n'?(?![aiueoy])|nn(?=[aiueoy]))")
_ROMAJI = re.compile(rf"(?:{_SYLLABLE})+")
_LONG_VOWELS = str.maketrans({"ō": "ou", "ô": "ou", "ū": "uu", "û": "uu", "ā": "aa", "â": "aa", "ī": "ii", "î": "ii",
                              "ē": "ee", "ê": "ee"})
CONTENT = 4  # letters of a word that names something (not a particle: no, de, wa, to)
# particles and question words that make a message Japanese ("to", "made", "one" are English words as well)
FUNCTION_WORDS = frozenset("no wa ga wo ni de mo ka tte te desu masu desuka dare nani nan itsu doko dono ikura nannin "
                           "oshiete kudasai onegai dake igai kara dame dekiru dekinai aru nai kana".split())


@dataclass(frozen=True)
class Read:
    """A message read in kana, and the message as typed (for the line saying how it was read)."""

    text: str
    typed: str  # the message as typed


def kana_of(word: str) -> str:
    """The hiragana of one romaji word: 「nn」 before a vowel is ん and な行 (「konnichiwa」, 「nannen」: Hepburn), else
    ん (「kannrenn」: the input method's spelling)."""
    word = re.sub(r"nnn", "n'n", word)
    return jaconv.alphabet2kana(re.sub(r"nn(?=[aiueoy])", "n'n", word))


def is_romaji(word: str) -> bool:
    """Whether a lower-case word is made of romaji syllables only (「denwa」, 「tte」; not "the", "what", "is")."""
    return bool(_ROMAJI.fullmatch(word))


def read(text: str, kept: Callable[[str], str | None], written: Callable[[str], str | None]) -> Read | None:
    """``text`` with its romaji words as the knowledge writes them, or None when it is not Japanese in romaji. Japanese
    in romaji: every word is romaji or one the knowledge uses as typed (``kept`` gives it as the knowledge writes it:
    CIR, mext as typed, the declared tantousha as 担当者), one is a Japanese particle or question word (:data:`FUNCTION_WORDS`: no, wa, dare;
    "Tateyama", "more on Kashiwazaki" are English), and one names something: a kept word, or a romaji word of
    :data:`CONTENT` letters or more whose kana the knowledge writes (``written``: in katakana for ぷろぐらむ, in kanji
    for たんとうしゃ, as it is for こうふぜい; None when it knows no such word)."""
    if _JAPANESE_SCRIPT.search(text):
        return None
    typed = text.translate(_LONG_VOWELS)
    lower = typed.lower()  # (the same length: letters are matched in lower case, the rest kept as typed)
    words = _WORD.findall(lower)
    known = {w: kept(w) for w in words}
    if not any(w in FUNCTION_WORDS for w in words) \
            or not all(is_romaji(w) or known[w] is not None or _DIGIT.search(w) for w in words):
        return None  # no particle, or an English word ("the", "case"): English
    found = [m for m in _WORD.finditer(lower) if known[m.group()] is not None or is_romaji(m.group())]
    spelled = [(m, known[m.group()] or written(kana_of(m.group()))) for m in found]
    if not any((known[m.group()] or len(m.group()) >= CONTENT) and word is not None for m, word in spelled):
        return None
    out, last = [], 0
    for m, word in spelled:
        kana = "は" if m.group() == "wa" else kana_of(m.group())
        out += [typed[last:m.start()], typed[m.start():m.end()] if word == m.group() else word or kana]
        last = m.end()
    return Read("".join(out) + typed[last:], text.strip())


_KATAKANA_RUN = re.compile(r"[\u30a1-\u30fa\u30fc]+")
_OTHER_JAPANESE = re.compile(r"[\u3040-\u309f\u3400-\u9fff]")


def read_katakana(text: str, known: Callable[[str], bool], written: Callable[[str], str | None]) -> Read | None:
    """A message in katakana only (half-width too) with its words read as the knowledge writes them (コクサイシツ:
    国際室; the others in hiragana: ダレ, だれ), or None when it has kanji or hiragana, or no katakana word the knowledge writes otherwise; ``known``: a
    katakana word the knowledge uses as it is (ネイティブ), ``written``: a hiragana word as the knowledge writes it."""
    wide = unicodedata.normalize("NFKC", text)
    if _OTHER_JAPANESE.search(wide):
        return None
    out, last, found = [], 0, False
    for m in _KATAKANA_RUN.finditer(wide):
        word = m.group()
        spelled = None if known(word) else written(jaconv.kata2hira(word))
        found = found or (spelled is not None and not _KATAKANA_RUN.fullmatch(spelled))
        out += [wide[last:m.start()], spelled or jaconv.kata2hira(word)]
        last = m.end()
    return Read("".join(out) + wide[last:], text.strip()) if found else None

"""Japanese typed in Latin letters (「monkashou no denwa」, 「koufuzei de houshuu mo miteru?」, 「cir nihongo dekinai to
dame?」): a phone or a computer without Japanese input. Such a message is read in kana, so that it is understood (and
answered in Japanese) as if typed in kana; English around a Japanese word ("Is koufuzei paid to the town?") keeps its
English words, only the Japanese word is read.

The conversion itself is jaconv's (Hepburn and the input method's spellings: shi/si, tsu/tu, doubled consonants); a
word counts as romaji only when it is made of romaji syllables, is no English word, and the message has a word whose
kana reading the knowledge knows."""
from __future__ import annotations

import re
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


def read(text: str, named: Callable[[str], bool], written: Callable[[str], str | None]) -> Read | None:
    """``text`` with its romaji words in hiragana, or None when it is not Japanese in romaji: every word is romaji
    (「no」, 「to」 too) or an abbreviation the knowledge uses (CIR, mext, sea: ``named``), and one word of :data:`CONTENT` letters or
    more reads as something the knowledge knows (``written``: a word in hiragana as the knowledge writes it, in katakana
    for ぷろぐらむ, the hiragana for こうふぜい and もんかしょう, None when it knows no such word). English ("Tateyama
    case", "Is koufuzei paid?") is left as it is: its reply stays in English."""
    if _JAPANESE_SCRIPT.search(text):
        return None
    typed = text.translate(_LONG_VOWELS)
    lower = typed.lower()  # (the same length: letters are matched in lower case, the rest kept as typed)
    if not all(is_romaji(w) or named(w) or _DIGIT.search(w) for w in _WORD.findall(lower)):
        return None  # an English word ("the", "case"): English
    romaji = [m for m in _WORD.finditer(lower) if is_romaji(m.group()) and not named(m.group())]
    spelled = [(m, written(kana_of(m.group()))) for m in romaji]
    if not any(len(m.group()) >= CONTENT and word is not None for m, word in spelled):
        return None
    out, last = [], 0
    for m, word in spelled:
        out += [typed[last:m.start()], "は" if m.group() == "wa" else word or kana_of(m.group())]
        last = m.end()
    return Read("".join(out) + typed[last:], text.strip())

"""Japanese typed by its sound, without kanji: in Latin letters (「monkashou no denwa」, 「koufuzei de houshuu mo miteru?」,
「cir nihongo dekinai to dame?」: a phone or a computer without Japanese input) or in katakana only (「ｺｸｻｲｼﾂ ﾎｻ ﾀﾞﾚ」: an
old phone's half-width kana). Such a message is read as its words are written, so that it is understood (and answered in
Japanese) as if typed so; English ("What is koufuzei?") is left as it is.

The conversion itself is jaconv's (Hepburn and the input method's spellings: shi/si, tsu/tu, doubled consonants); what
makes a message Japanese in romaji is :func:`read`'s; the knowledge's side (which words it uses as typed, how it
writes a word read in kana) is :mod:`bot.core.read_by_sound`."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Callable

import jaconv

from bot.core.orthography import is_english


_WORD = re.compile(r"[a-z0-9']+")
_DIGIT = re.compile(r"[0-9]")
_JAPANESE_SPACE = re.compile(r"(?<=[\u3040-\u30ff\u3400-\u9fff]) +(?=[\u3040-\u30ff\u3400-\u9fff?？])")
# a syllable: an optional doubled consonant (っ), a consonant (with y, or sh/ch/ts/j/f), a vowel; or a syllabic n
_SYLLABLE = (r"(?:(?:([kgsztdhbpmrcfj])(?=\1))?(?:[kgsztdnhbpmr]y|sh|ch|ts|[kgsztdnhbpmyrwjf])?[aiueo]"
             r"|n'?(?![aiueoy])|nn(?=[aiueoy]))")
_ROMAJI = re.compile(rf"(?:{_SYLLABLE})+")
LONG_VOWELS = str.maketrans({"ō": "ou", "ô": "ou", "ū": "uu", "û": "uu", "ā": "aa", "â": "aa", "ī": "ii", "î": "ii",
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
    word = re.sub(r"^(konnichi|konban)wa$", r"\1ha", re.sub(r"nnn", "n'n", word))  # こんにちは (not こんにちわ)
    return jaconv.alphabet2kana(re.sub(r"nn(?=[aiueoy])", "n'n", word))


def is_romaji(word: str) -> bool:
    """Whether a lower-case word is made of romaji syllables only (「denwa」, 「tte」; not "the", "what", "is")."""
    return bool(_ROMAJI.fullmatch(word))


def read(text: str, kept: Callable[[str], str | None], written: Callable[[str], str | None]) -> Read | None:
    """``text`` with its romaji words as the knowledge writes them, or None when it is not Japanese in romaji.

    Japanese in romaji: every word is romaji or an abbreviation the knowledge uses (CIR, mext: ``kept`` gives a word,
    or two words, as the knowledge writes them: CIR as typed, the declared tantousha as 担当者, yobo chosa as
    要望調査), one is a Japanese particle or question word (:func:`_particle`: "No, Tateyama", "more on Kashiwazaki"
    are English), and one names something in romaji: a declared word, or one of :data:`CONTENT` letters or more whose
    kana the knowledge writes (``written``: in katakana for ぷろぐらむ, in kanji for たんとうしゃ, as it is for
    こうふぜい; None when it knows no such word)."""
    if not is_english(text):  # (Japanese script, or no letters)
        return None
    typed = text.translate(LONG_VOWELS)
    lower = typed.lower()  # (the same length: letters are matched in lower case, the rest kept as typed)
    found = list(_WORD.finditer(lower))
    words = [m.group() for m in found]
    if not any(_particle(words, i) for i in range(len(words))):
        return None
    tokens = _tokens(lower, found, kept)
    # an English word ("the", "case"; "email", "phone" though the knowledge declares them) makes it English: only
    # romaji, the knowledge's abbreviations (kept as typed) and numbers are Japanese in romaji
    if not all(all(map(is_romaji, word.split())) or known == word or _DIGIT.search(word)
               for _, _, word, known in tokens):
        return None
    spelled = [(start, end, word, known, known or (written(kana_of(word)) if is_romaji(word) else None))
               for start, end, word, known in tokens]
    if not any(is_romaji(word.replace(" ", "")) and as_written not in (None, word)
               and (known or len(word) >= CONTENT) for _, _, word, known, as_written in spelled):
        return None  # nothing named in romaji ("CIR no?": an abbreviation and "no")
    out, last = [], 0
    for start, end, word, _, as_written in spelled:
        kana = "は" if word == "wa" else kana_of(word) if is_romaji(word) else word
        out += [typed[last:start], typed[start:end] if as_written == word else as_written or kana]
        last = end
    # Japanese is written without spaces: 「総務省の仕事は?」 as the rules that read it expect (not 「総務省 の 仕事 は?」)
    return Read(_JAPANESE_SPACE.sub("", "".join(out) + typed[last:]), text.strip())


def _particle(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` is a Japanese particle or question word; 「no」 only between two words (「monkashou no
    denwa」; "No, MIC", "no thanks", "Tateyama, no?" are English)."""
    if words[i] != "no":
        return words[i] in FUNCTION_WORDS
    return 0 < i < len(words) - 1


def _tokens(lower: str, found: list[re.Match[str]], kept: Callable[[str], str | None]
            ) -> list[tuple[int, int, str, str | None]]:
    """(start, end, word, as the knowledge writes it or None) for each word, two words the knowledge declares as one
    (「yobo chosa」: 要望調査) taken together."""
    out: list[tuple[int, int, str, str | None]] = []
    i = 0
    while i < len(found):
        m = found[i]
        if i + 1 < len(found) and lower[m.end():found[i + 1].start()] == " ":
            pair = f"{m.group()} {found[i + 1].group()}"
            joined = kept(pair)
            if joined is not None and joined != pair:
                out.append((m.start(), found[i + 1].end(), pair, joined))
                i += 2
                continue
        out.append((m.start(), m.end(), m.group(), kept(m.group())))
        i += 1
    return out


_KATAKANA_RUN = re.compile(r"[\u30a1-\u30fa\u30fc]+")
_OTHER_JAPANESE = re.compile(r"[\u3040-\u309f\u3400-\u9fff]")
_KANJI = re.compile(r"[\u3400-\u9fff]")


def read_katakana(text: str, known: Callable[[str], bool], written: Callable[[str], str | None]) -> Read | None:
    """A message in katakana only (half-width too) with its words read as the knowledge writes them (コクサイシツ:
    国際室; the others in hiragana: ダレ, だれ), or None when it has kanji or hiragana, or no katakana word the knowledge
    writes otherwise; ``known``: a katakana word the knowledge uses as it is (ネイティブ), ``written``: a hiragana word
    as the knowledge writes it."""
    wide = unicodedata.normalize("NFKC", text)
    if _OTHER_JAPANESE.search(wide):
        return None
    out, last, found = [], 0, False
    for m in _KATAKANA_RUN.finditer(wide):
        word = m.group()
        spelled = None if known(word) else written(jaconv.kata2hira(word))
        kanji = spelled is not None and bool(_KANJI.search(spelled))
        found = found or kanji
        out += [wide[last:m.start()], spelled if kanji else jaconv.kata2hira(word)]
        last = m.end()
    return Read("".join(out) + wide[last:], text.strip()) if found else None

"""Japanese and English orthography: one form for every way a text can be written (NFKC, kana folded,
control characters and lone surrogates dropped), which script a text is in, and the words the
analyser makes of years, proper nouns, English stems and keyboard mashing."""
from __future__ import annotations

import functools
import re
import unicodedata

import snowballstemmer

from bot.core.types import Language
from bot.core.everyday_words import in_the_knowledges_words

MAX_CHARS = 5000
_HIRA_TO_KATA = {code: code + 0x60 for code in range(0x3041, 0x3097)}
_SMALL_KANA = str.maketrans("ァィゥェォッャュョヮヵヶ", "アイウエオツヤユヨワカケ")
LONG_VOWELS = re.compile(r"[ー〜～\-‐−–—―]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
NON_WORD = re.compile(r"[^\w\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]+")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_CIRCLED = re.compile(r"[\u2460-\u2473\u24ea\u2776-\u277f](?=([\u2460-\u2473\u24ea\u2776-\u277f])?)")  # ①…⑳, ⓪, ❶…❿
ASCII_WORD = re.compile(r"^[a-z0-9.@_+-]+$")
KANA_ONLY = re.compile(r"[\u3040-\u30ff\s]+")


def small_at(text: str) -> frozenset[int]:
    """Where ``text`` has a small kana (ッ, ゃ…): folding makes いっ look like いつ."""
    return frozenset(i for i, ch in enumerate(text.translate(_HIRA_TO_KATA)) if ch in "ァィゥェォッャュョヮヵヶ")


def fold_kana(text: str) -> str:
    """Hiragana to katakana, small kana to full size: one shape per sound."""
    return text.translate(_HIRA_TO_KATA).translate(_SMALL_KANA)


# 「役職なんでしたっけ」, 「SEAってなんでしょうか」 ask what it is, not why (なんで): written 何で, which reads no reason
_WHAT_IT_IS = re.compile(r"なんで(?=しょう|した|す)")


# 「JETのALT」 is an ALT: every role is one of the JET Programme's, so JET names no topic of its own there
# (「JET-ALT」, the notice's term, stays)
# (「じぇっとぷろぐらむのしーあいあー」: both as heard, in kana)
_JET_OF_ROLE = re.compile(r"(?:jet|じぇっと|ジェット)(?:プログラム|ぷろぐらむ)?の(?=alt|cir|sea|しーあいあー|えーえるてぃー|えすいーえー)")
# 「ALTのフルネーム」 is the role's full name; a person's full name (「担当官のフルネーム」) is not held
_FULL_NAME_OF_THING = re.compile(r"(jet(?:プログラム)?|alt|cir|sea|clair|クレア|自治体国際化協会|mext|mofa|mic|文科省|文部科学省|総務省|外務省)"
                                 r"の?フルネーム")

# "MOFA mail", "their mail?": a mail ending a message is the e-mail address (not "Can I mail the request?"), as is
# "the address kokusai@…" or "whose address is josui@…"
_MAIL_ASKED = re.compile(r"(?<![a-z-])mail(?= ?[?？.]*$)|(?<=the |ose )address(?= (?:is |of )?[\w.-]+@)")


@functools.lru_cache(maxsize=512)  # one answer cleans the same few texts ~20 times (its readings and checks)
def clean(text: str) -> str:
    """NFKC, lower case, no control characters or lone surrogates, single spaces, at most 5,000 characters."""
    text = _SURROGATES.sub("", text[: MAX_CHARS * 2])
    # Two list markers are two numbers: NFKC alone makes 「①②」 the number 12 (「参考資料②」 stays 参考資料2).
    text = _CIRCLED.sub(lambda m: str(int(unicodedata.numeric(m.group()[0]))) + (" " if m.group(1) else ""), text)
    text = unicodedata.normalize("NFKC", text)
    text = _CONTROL.sub(" ", text).lower()
    text = _WHAT_IT_IS.sub("何で", text)
    text = _JET_OF_ROLE.sub("", text)
    text = _FULL_NAME_OF_THING.sub(r"\1の正式名称", text)
    text = _MAIL_ASKED.sub("e-mail", text)
    return " ".join(in_the_knowledges_words(text).split())[:MAX_CHARS]


_CAPITALISED = re.compile(r"(?<=[a-z0-9,;:'\"] )[A-Z][a-z]{2,}")  # a capitalised word inside a sentence


def english_names(text: str, words: set[str]) -> list[str]:
    """Capitalised words inside an English sentence ("placed in Hokkaido"), as the matcher's words: proper
    nouns, which the matcher treats like the places and names SudachiPy tags in Japanese."""
    if not _CAPITALISED.search(text):
        return []
    return [stem for stem in (stem_en(w.lower()) for w in _CAPITALISED.findall(text)) if stem in words]


def is_english(text: str) -> bool:
    """True when the text has Latin letters and no Japanese script."""
    has_latin = re.search(r"[a-zA-Z]", text) is not None
    has_japanese = re.search(r"[\u3040-\u30ff\u3400-\u9fff]", text) is not None
    return has_latin and not has_japanese


_LETTERS = re.compile(r"[a-zA-Z\u3040-\u30ff\u3400-\u9fff]")
# codes and abbreviations both languages write in Latin letters: 「R4?」 is no English question
_CODES = re.compile(r"(?<![a-z])(?:alt|cir|sea|jet|mic|mofa|mext|clair|url|pdf|fy|r|h|s)s?\d*(?![a-z])|\d+|[^a-z]+",
                    re.IGNORECASE)


def language_of(text: str, conversation: Language | None = None) -> Language:
    """English when the question is written in Latin letters only, or in English with a short Japanese term in it
    ("How many participants were there in 令和5年度?"); a question of codes alone (「R4?」, "ALT?") is in the
    ``conversation``'s language when there is one, as is one of no letters at all ("②?", "2?")."""
    if conversation is not None and not _LETTERS.search(text):
        return conversation
    english = is_english(text) or english_around_a_term(text)
    if english and conversation is not None and not _CODES.sub("", text).strip():
        return conversation
    return "en" if english else "ja"


_ENGLISH_WORD = re.compile(r"(?<![a-z])[a-z]{2,}(?![a-z])", re.IGNORECASE)
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
ENGLISH_WORDS = 4  # English words (not codes: ALT, MEXT) around …
# an e-mail or web address is no English words (「kokusai@soumu.go.jpはどこのアドレス？」 is Japanese)
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)\S+|[\w-]+(?:\.[\w-]+)*\.(?:jp|com|org|net)(?:/\S*)?",
                      re.IGNORECASE)
JAPANESE_TERM = 12  # … a Japanese term of at most these characters (地方財政措置, 令和5年度, 新規招致者配置要望調査)


def english_around_a_term(text: str) -> bool:
    """A sentence in English with a Japanese term in it ("What is the 地方財政措置 for JET?"); not Japanese with
    an English word or two (「ALTのcontractはrenewできますか」)."""
    words = [w for w in _ENGLISH_WORD.findall(_ADDRESS.sub(" ", text)) if not _CODES.fullmatch(w)]
    return len(words) >= ENGLISH_WORDS and len(_JAPANESE.findall(text)) <= JAPANESE_TERM


_ERAS = ("令和", "平成", "昭和")


def year_terms(surfaces: list[str]) -> list[str]:
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


def gibberish(word: str) -> bool:
    """Latin letters that are no word: a keyboard row (asdf, qwerty, hjkl), no vowel, or a long consonant run."""
    if word.isdigit() or "@" in word:
        return False
    return (not re.search(r"[aeiouy]", word) or re.search(r"[bcdfghjklmnpqrstvwxz]{5,}", word) is not None
            or (len(word) >= 4 and any(word[:4] in row for row in _KEYBOARD_ROWS)))


_STEMMER = snowballstemmer.stemmer("english")  # stateless; the Porter2 rules are data


@functools.lru_cache(maxsize=1 << 16)  # the pure-Python stemmer was half of an index build
def stem_en(word: str) -> str:
    """The Porter2 stem of an English word (numbers and e-mail addresses as they are)."""
    return word if word.isdigit() or "@" in word else _STEMMER.stemWord(word)

"""A message typed by its sound (romaji, half-width katakana) read as the knowledge writes its words, and the reply
led by one line saying how it was read: the knowledge's side of :mod:`bot.core.romaji` (which words it uses as typed,
how it writes a word read in kana)."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import partial

import jaconv

from bot.core import messages, romaji
from bot.core.knowledge_base import KnowledgeBase
from bot.core.orthography import fold_kana, is_english, stem_en
from bot.core.romaji_terms import romaji_terms, with_terms
from bot.core.spelling_kana import KanaReadings
from bot.core.stop_words import EN_STOP
from bot.core.types import Correction, Reply

SHOWN = 40  # characters of a long message shown as typed in the line saying how it was read


def typed_by_sound(kb: KnowledgeBase, text: str) -> romaji.Read | None:
    """``text`` read as written when it is Japanese in romaji or in katakana only (:mod:`bot.core.romaji`), else
    None."""
    return romaji.read(text, partial(_kept, kb), partial(_written, kb)) \
        or romaji.read_katakana(text, kb.matcher.knows, partial(_written, kb))


def terms_by_sound(kb: KnowledgeBase, text: str) -> tuple[str, tuple[Correction, ...]] | None:
    """An English ``text`` with the knowledge's terms it writes in romaji read as the knowledge writes them ("Which
    sankō shiryō is it?": "Which 参考資料 is it?"; :mod:`bot.core.romaji_terms`), and how each was read; None when
    it names none so."""
    readings = kb.speller.kana if kb.speller is not None else None
    if readings is None or not is_english(text):
        return None
    terms = romaji_terms(text, partial(_word_read, kb, readings), partial(_english, kb))
    if not terms:
        return None
    return with_terms(text, terms), tuple(Correction(t.typed, t.written) for t in terms)


def _word_read(kb: KnowledgeBase, readings: KanaReadings, kana: str) -> str | None:
    """The knowledge's word read as ``kana``: a kanji word (さんこう: 参考) or a loanword it writes in katakana
    (まにゅある: マニュアル)."""
    word = readings.word(kana)
    if word is None and len(kana) >= LOANWORD and kb.matcher.knows(fold_kana(kana)):
        return jaconv.hira2kata(kana)
    return word


def _english(kb: KnowledgeBase, word: str) -> bool:
    """Whether a lower-case word is English, an abbreviation the knowledge uses or a word it declares (kashiwazaki:
    柏崎, read so already): never read by its sound."""
    known = kb.speller.abbreviations if kb.speller is not None else frozenset()
    return word in EN_STOP or word.upper() in known or kb.matcher.knows(stem_en(word)) \
        or any(said == word for said, _ in kb.matcher.analyse(word).synonyms_applied)


_KANA_ONLY = re.compile(r"[\u3040-\u30ff]+")
LOANWORD = 3  # kana of a word the knowledge writes in katakana (プログラム), at least


def _kept(kb: KnowledgeBase, word: str) -> str | None:
    """A lower-case word (or two) the knowledge uses as typed, as it writes it: an abbreviation in capitals (cir, mext;
    alts: as typed), a declared word in Japanese (tantousha: 担当者; yobo chosa: 要望調査, declared as a whole); else
    None."""
    known = kb.speller.abbreviations if kb.speller is not None else frozenset()
    if word.upper() in known or (word.endswith("s") and word[:-1].upper() in known):
        return word
    declared = [canonical for said, canonical in kb.matcher.analyse(word).synonyms_applied if said == word]
    if any(_KANA_ONLY.fullmatch(canonical) for canonical in declared):
        return None  # otsukaresama, doumo: read by their sound (not as the greeting or thanks their group begins with)
    return next((canonical for canonical in declared if not canonical.isascii()), word) if declared else None


def _written(kb: KnowledgeBase, kana: str) -> str | None:
    """A word in hiragana as the knowledge writes it: in katakana (ぷろぐらむ: プログラム), in kanji when it reads as one
    word of the knowledge (たんとうしゃ: 担当者), as it is when it reads so in part or as a declared reading (もんかしょう),
    else None; one the knowledge declares in a group that begins in kana stays as it is (ありがとう, not アリガトウ)."""
    if any(said == kana and _KANA_ONLY.fullmatch(canonical)
           for said, canonical in kb.matcher.analyse(kana).synonyms_applied):
        return kana
    if len(kana) >= LOANWORD and kb.matcher.knows(fold_kana(kana)):  # (not いつ, なに: read in hiragana)
        return jaconv.hira2kata(kana)  # (its small kana kept: オリンピック)
    kanji = kb.speller.kana.find(kana) if kb.speller is not None and kb.speller.kana is not None else []
    if len(kanji) == 1 and kanji[0][:2] == (0, len(kana)):  # たんとうしゃ: 担当者, one word of the knowledge
        return kanji[0][2]
    return kana if kanji or kb.matcher.analyse(kana).synonyms_applied else None


def read_as(reply: Reply, typed: str, read: str) -> Reply:
    """The reply led by one line saying how a whole message was read (「monkashou no denwa」 as 「文科省の電話」), the
    slips corrected in that reading folded into it (「はいち」 as 「配置」); a long message is shown as typed in part."""
    template = messages.text(messages.UNDERSTOOD, reply.language)
    notes = "".join(template.format(wrong=c.wrong, right=c.right) + "\n" for c in reply.corrections)
    body = reply.text[len(notes):] if reply.text.startswith(notes) else reply.text
    for correction in reply.corrections:
        if fold_kana(correction.wrong) != correction.right:  # (not いつ as イツ: the same word)
            read = read.replace(correction.wrong, correction.right)
    shown = typed if len(typed) <= SHOWN else typed[:SHOWN] + "…"
    return replace(reply, text=template.format(wrong=shown, right=read) + "\n" + body,
                   corrections=(Correction(typed, read), *reply.corrections))


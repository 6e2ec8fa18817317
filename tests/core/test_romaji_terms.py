"""The notice's terms written in romaji inside an English message (bot.core.romaji_terms): read as the knowledge
writes them, the reply in English, saying how each was read."""
from __future__ import annotations

import pytest

from asking import ask
from bot.core.romaji_terms import kanji_of, romaji_terms, with_terms
from bot.engine import Engine

WORDS = {"サンコウ": "参考", "シリヨウ": "資料", "サンコウシリヨウ": "参考資料", "ガイヨウ": "概要", "ルイケイ": "累計",
         "サンカシヤ": "参加者", "ハイチ": "配置", "ヨウボウ": "要望", "チヨウサ": "調査", "メイシヨウ": "名称",
         "ニホンゴ": "日本語"}


def _read(kana: str) -> str | None:
    """The test's knowledge: katakana readings, small kana full size (as KanaReadings folds them)."""
    folded = "".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in kana)
    return WORDS.get(folded.translate(str.maketrans("ァィゥェォャュョッ", "アイウエオヤユヨツ")))


def _english(word: str) -> bool:
    return word in {"sea", "take", "case"}


def _read_terms(text: str) -> str:
    return with_terms(text, romaji_terms(text, _read, _english))


@pytest.mark.parametrize("typed, read", [
    ("Which sankō shiryō is the casebook gaiyō?", "Which 参考資料 is the casebook 概要?"),
    ("Which sankou shiryou is it?", "Which 参考資料 is it?"),               # long vowels typed out
    ("Who runs the haichi yōbō chōsa?", "Who runs the 配置要望調査?"),      # three words, one term
    ("ruikei sankasha, how many?", "累計参加者, how many?"),               # two words of the knowledge, read in turn
    ("What's attached as sankō shiryō 1?", "What's attached as 参考資料1?"),  # the number joined, as written
    ("CIR no nihongo meishō wa? I forget", "CIR no 日本語名称 wa? I forget"),  # particles are no part of a term
])
def test_romaji_terms_are_read_as_the_knowledge_writes_them(typed: str, read: str) -> None:
    assert _read_terms(typed) == read


@pytest.mark.parametrize("typed", ["What does SEA take in this case?", "Is the deadline printed?", "is it on the web",
                                   "Tokyo kenchou?"])  # English, no romaji, short words; words the knowledge lacks
def test_english_and_words_the_knowledge_lacks_are_left_as_they_are(typed: str) -> None:
    assert romaji_terms(typed, _read, _english) == []


def test_a_term_is_found_where_it_stands() -> None:
    [term] = romaji_terms("haichi, please", _read, _english)
    assert (term.typed, term.written, term.start, term.end) == ("haichi", "配置", 0, 6)


def test_a_compound_with_a_part_the_knowledge_lacks_is_not_read() -> None:
    assert kanji_of("さんこうほげ", _read) is None
    assert kanji_of("るいけいさんかしゃ", _read) == "累計参加者"


@pytest.mark.parametrize("question, shown", [
    ("Which sankō shiryō is the casebook gaiyō?", "reference material 4"),
    ("Can a shichōson send its yōbō directly to CLAIR, or does it go through someone?", "coordinating body"),
    ("How many jirei are in the JET-ALT katsudō jireishū?", "30 cases"),
    ("Sōmushō contact for this notice, phone number?", "03-5253-5527"),
    ("Is there chihō zaisei sochi for JET costs?", "local finance measures"),
    ("Where can I download the JET katsuyou manyuaru?", "JET活用マニュアル"),  # a loanword: the knowledge's katakana
])
def test_an_english_question_with_romaji_terms_is_answered_in_english(repo_engine: Engine, question: str,
                                                                     shown: str) -> None:
    reply = ask(repo_engine, question)
    assert not reply.fallback and reply.language == "en" and shown in reply.text
    assert reply.text.startswith("Reading \"") and reply.corrections


def test_a_name_the_knowledge_declares_is_read_as_before_without_a_note(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "Tell me about the Kashiwazaki case")
    assert reply.intent_id == "case_kashiwazaki" and not reply.text.startswith("Reading")


def test_a_message_all_in_romaji_is_still_answered_in_japanese(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "monkashou no denwa")
    assert reply.language == "ja" and "03-6734-3480" in reply.text


@pytest.mark.parametrize(("question", "office"), [
    ("Itabashi jimukan phone number?", "03-6734-3480"),  # (review 136: was MIC's card; the analyser reads イタハシ)
    ("Who is Higo at Soumushou?", "03-5253-5527"),       # (review 136: was "pick one"; a reading of two kana)
    ("Kuga kakaricho is at which ministry?", "03-6734-3480"),
])
def test_a_staff_surname_in_romaji_names_the_office_printing_it(repo_engine: Engine, question: str,
                                                                office: str) -> None:
    reply = ask(repo_engine, question)
    assert not reply.fallback and [c.phone for c in reply.contacts] == [office]

"""A key term typed in hiragana is read as the knowledge's kanji word of that reading, and said."""
from __future__ import annotations

import pytest

from bot.core.answer import answer
from bot.core.spelling_kana import KanaReadings
from bot.core.types import IncomingMessage
from bot.engine import Engine

READINGS = {"契約": "ケイヤク", "任用期間": "ニンヨウキカン", "事例集": "ジレイシュウ", "下さい": "クダサイ",
            "人数": "ニンズウ", "以下": "イカ", "期間": "キカン", "機関": "キカン", "指定": "シテイ", "内容": "ナイヨウ",
            "話ス": "ハナス"}


@pytest.fixture(scope="module")
def readings() -> KanaReadings:
    return KanaReadings(READINGS, lambda word: READINGS.get(word, ""))


def test_a_stretch_of_hiragana_is_read_as_the_word_of_that_reading(readings: KanaReadings) -> None:
    text = "けいやくって何年まで"
    assert [(text[s:e], word) for s, e, word in readings.find(text)] == [("けいやく", "契約")]


def test_the_longest_word_wins_where_readings_overlap(readings: KanaReadings) -> None:
    text = "ALTのにんようきかんは"
    assert [(text[s:e], word) for s, e, word in readings.find(text)] == [("にんようきかん", "任用期間")]


@pytest.mark.parametrize("text", [
    "きかんはいつまで",    # 期間 or 機関: a reading shared by two words is no guide
    "いかのとおり",        # two kana are too often another word
    "教えてください",      # 下さい has okurigana: grammar, not a term
    "ALTとはなすじかん",   # nor a verb as the analyser lists it (話ス)
    "ケイヤクの期間",      # katakana is left to the analyser
    "どこを指しているのか",  # hiragana right after a kanji is its inflection (している is not 指定)
    "わすれないように",      # nor inside a word (ないよう is not 内容)
    "なにをしているの",      # nor one that goes on as a verb (してい|る is not 指定)
])
def test_what_is_not_read_as_a_term(readings: KanaReadings, text: str) -> None:
    assert readings.find(text) == []


def test_two_spellings_of_one_name_share_a_reading_without_making_it_ambiguous() -> None:
    readings = {"澤浦": "サワウラ", "沢浦": "サワウラ", "期間": "キカン", "機関": "キカン"}
    first = {"沢浦": "澤浦"}  # one synonym group, 澤浦 first
    kana = KanaReadings(readings, readings.__getitem__, lambda word: first.get(word, word))
    assert kana.word("さわうら") == "澤浦"
    assert kana.word("きかん") is None  # two words of two groups stay ambiguous


@pytest.mark.parametrize(("question", "name"), [("さわうらさんの連絡先", "澤浦"), ("はまおさんの電話番号", "濱尾")])
def test_a_staff_surname_typed_in_hiragana_names_its_office(repo_engine: Engine, question: str, name: str) -> None:
    reply = answer(IncomingMessage(question), repo_engine.kb)
    assert not reply.fallback and name in reply.text


def test_the_reply_says_what_was_understood(repo_engine: Engine) -> None:
    reply = answer(IncomingMessage("けいやくって何年までいけるんだっけ"), repo_engine.kb)
    assert reply.intent_id == "contract_length"
    assert reply.text.startswith("「けいやく」を「契約」として回答します。")
    assert [(c.wrong, c.right) for c in reply.corrections] == [("けいやく", "契約")]


def test_hiragana_grammar_that_sounds_like_a_word_is_left_alone(repo_engine: Engine) -> None:
    # 「ないよう」 reads as 内容, which the knowledge uses: kept only if it made the question match better
    reply = answer(IncomingMessage("忘れないように聞きたいのですがALTの人数は？"), repo_engine.kb)
    assert "5,355" in reply.text and not reply.corrections and "内容" not in reply.text

"""Japanese typed in romaji is read in kana (bot.core.romaji) and answered as if typed so, saying how it was read."""
from __future__ import annotations

import pytest

from bot.core.answer import answer
from bot.core.romaji import is_romaji, kana_of, read
from bot.core.types import IncomingMessage
from bot.engine import Engine

KNOWN = {"こうふぜい": "こうふぜい", "でんわ": "でんわ", "ぷろぐらむ": "プログラム"}


def _abbreviation(word: str) -> bool:
    return word in {"cir", "alt", "jet", "mext"}


def _read(text: str) -> str | None:
    found = read(text, _abbreviation, KNOWN.get)
    return None if found is None else found.text


@pytest.mark.parametrize("word, kana", [
    ("koufuzei", "こうふぜい"), ("monkashou", "もんかしょう"), ("tte", "って"),
    ("nannen", "なんねん"), ("konnichiwa", "こんにちわ"),  # Hepburn: nn before a vowel is ん and な行
    ("kannrenn", "かんれん"),                            # the input method's nn: ん
])
def test_a_romaji_word_in_hiragana(word: str, kana: str) -> None:
    assert kana_of(word) == kana


@pytest.mark.parametrize("word", ["the", "what", "is", "case", "salaries"])
def test_english_words_are_no_romaji(word: str) -> None:
    assert not is_romaji(word)


def test_a_message_in_romaji_is_read_in_kana_and_katakana_words_in_katakana() -> None:
    assert _read("jet puroguramu tte nani") == "jet プログラム って なに"
    assert _read("koufuzei de") == "こうふぜい で"


def test_wa_is_the_particle() -> None:
    assert _read("denwa wa?") == "でんわ は?"


def test_the_typed_capitals_are_kept() -> None:
    assert _read("CIR no denwa") == "CIR の でんわ"


@pytest.mark.parametrize("text", [
    "What is koufuzei?",      # English around a Japanese word: answered in English, the word as typed
    "Tateyama case",          # "case" is English
    "made in japan",          # romaji-shaped words, none a word of the knowledge
    "電話 denwa",              # Japanese script: not romaji
    "",
])
def test_what_is_not_read_as_romaji(text: str) -> None:
    assert _read(text) is None


def test_the_reply_is_in_japanese_and_says_how_the_message_was_read(repo_engine: Engine) -> None:
    reply = answer(IncomingMessage("monkashou no denwa"), repo_engine.kb)
    assert reply.intent_id == "contact_mext" and reply.language == "ja"
    assert reply.text.startswith("「monkashou no denwa」を「もんかしょうのでんわ」として回答します。\n")
    assert "03-6734-3480" in reply.text


def test_a_slip_corrected_in_the_reading_is_folded_into_its_one_line(repo_engine: Engine) -> None:
    reply = answer(IncomingMessage("haichi youbou chousa no shimekiri wa?"), repo_engine.kb)
    first, second = reply.text.split("\n")[:2]
    assert first == "「haichi youbou chousa no shimekiri wa?」を「配置ようぼう調査のしめきりは?」として回答します。"
    assert "として回答します" not in second
    assert reply.intent_id == "survey_timing"


def test_a_japanese_word_in_an_english_question_keeps_the_reply_english(repo_engine: Engine) -> None:
    reply = answer(IncomingMessage("What is koufuzei?"), repo_engine.kb)
    assert reply.language == "en" and not reply.corrections

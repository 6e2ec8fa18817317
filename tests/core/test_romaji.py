"""Japanese typed in romaji is read in kana (bot.core.romaji) and answered as if typed so, saying how it was read."""
from __future__ import annotations

import pytest

from bot.core.answer import answer
from bot.core.romaji import is_romaji, kana_of, read, read_katakana
from bot.core.read_by_sound import read_as
from bot.core.replies import with_corrections
from bot.core.types import Correction, IncomingMessage, Reply
from bot.engine import Engine

KNOWN = {"こうふぜい": "こうふぜい", "でんわ": "でんわ", "ぷろぐらむ": "プログラム", "たてやま": "立山"}


def _kept(word: str) -> str | None:
    declared = {"tantousha": "担当者", "yobo chosa": "要望調査"}
    return word if word in {"cir", "alt", "jet", "mext", "sea"} else declared.get(word)


def _read(text: str) -> str | None:
    found = read(text, _kept, KNOWN.get)
    return None if found is None else found.text


@pytest.mark.parametrize("word, kana", [
    ("koufuzei", "こうふぜい"), ("monkashou", "もんかしょう"), ("tte", "って"),
    ("nannen", "なんねん"), ("konnichiwa", "こんにちは"),  # Hepburn: nn before a vowel is ん and な行
    ("kannrenn", "かんれん"),                            # the input method's nn: ん
])
def test_a_romaji_word_in_hiragana(word: str, kana: str) -> None:
    assert kana_of(word) == kana


@pytest.mark.parametrize("word", ["the", "what", "is", "case", "salaries"])
def test_english_words_are_no_romaji(word: str) -> None:
    assert not is_romaji(word)


def test_a_message_in_romaji_is_read_in_kana_and_katakana_words_in_katakana() -> None:
    assert _read("jet puroguramu tte nani") == "jet プログラムってなに"  # written without spaces
    assert _read("koufuzei de") == "こうふぜいで"


def test_a_declared_word_is_read_as_the_knowledge_writes_it() -> None:
    assert _read("MEXT no tantousha") == "MEXT の担当者"
    assert _read("yobo chosa wa itsu?") == "要望調査はいつ?"  # two words declared as one (was よぼ ちょさ)


def test_wa_is_the_particle() -> None:
    assert _read("denwa wa?") == "でんわは?"


def test_the_typed_capitals_are_kept() -> None:
    assert _read("CIR no denwa") == "CIR のでんわ"


@pytest.mark.parametrize("text", [
    "What is koufuzei?",      # English around a Japanese word: answered in English, the word as typed
    "Tateyama case",          # "case" is English
    "made in japan",          # romaji-shaped words, none a word of the knowledge
    "koufuzei",               # no particle: a name in an English conversation ("Kashiwazaki?") stays English
    "more on koufuzei",
    "Tateyama too",           # a place name in an English conversation (was answered in Japanese)
    "MEXT no email?",         # English words the knowledge declares ("email") keep the message English
    "CIR no?",                # an abbreviation and "no": nothing named in romaji
    "phone no?",
    "No SEA?", "No, Tateyama", "Tateyama, no?", "no thanks",  # "no" first or last is English, not の
    "Kashiwazaki one to one",
    "電話 denwa",              # Japanese script: not romaji
    "",
])
def test_what_is_not_read_as_romaji(text: str) -> None:
    assert _read(text) is None


def test_the_reply_is_in_japanese_and_says_how_the_message_was_read(repo_engine: Engine) -> None:
    reply = answer(IncomingMessage("monkashou no denwa"), repo_engine.kb)
    assert reply.intent_id == "contact_mext" and reply.language == "ja"
    assert reply.text.startswith("「monkashou no denwa」を「文科省の電話」として回答します。\n")
    assert "03-6734-3480" in reply.text


def test_a_slip_corrected_in_the_reading_is_folded_into_its_one_line() -> None:
    answered = with_corrections(Reply(text="本文"), (Correction("はいち", "配置"),))
    reply = read_as(answered, "haichi wa?", "はいちは?")
    assert reply.text == "「haichi wa?」を「配置は?」として回答します。\n本文"
    assert reply.corrections == (Correction("haichi wa?", "配置は?"), Correction("はいち", "配置"))


def test_a_word_the_knowledge_writes_in_kanji_is_read_as_it(repo_engine: Engine) -> None:
    reply = answer(IncomingMessage("gaimushou tantousha dare"), repo_engine.kb)
    assert reply.text.startswith("「gaimushou tantousha dare」を「外務省担当者だれ」として回答します。")
    assert "濱尾補佐" in reply.text  # MOFA's staff as printed (was the organisers: たんとうしゃ read as 担当 + しゃ)


def _katakana(text: str) -> str | None:
    found = read_katakana(text, lambda word: word == "ネイティブ", {"こくさいしつ": "国際室"}.get)
    return None if found is None else found.text


def test_a_message_in_half_width_katakana_is_read_as_written() -> None:
    assert _katakana("ｺｸｻｲｼﾂ ﾎｻ ﾀﾞﾚ") == "国際室 ほさ だれ"


@pytest.mark.parametrize("text", ["ネイティブ", "国際室のホサ", "ホサ ダレ", "ALT"])
def test_katakana_the_knowledge_uses_or_mixed_with_kanji_is_left_as_it_is(text: str) -> None:
    assert _katakana(text) is None


@pytest.mark.parametrize("typed", ["soumushou no shigoto wa?", "MIC no shigoto"])
def test_a_reading_is_written_without_spaces_so_the_rules_that_read_japanese_apply(repo_engine: Engine,
                                                                                    typed: str) -> None:
    # 「総務省 の 仕事 は?」 with the words' spaces missed 「の仕事」 (MIC's part): the CIR's role (a reviewer's finding)
    assert answer(IncomingMessage(typed), repo_engine.kb).intent_id == "organisers"


def test_the_office_asked_in_half_width_katakana_gets_its_card(repo_engine: Engine) -> None:
    reply = answer(IncomingMessage("ｺｸｻｲｼﾂ ﾎｻ ﾀﾞﾚ"), repo_engine.kb)
    assert reply.intent_id == "contact_mic" and "比護補佐" in reply.text


def test_a_japanese_word_in_an_english_question_keeps_the_reply_english(repo_engine: Engine) -> None:
    reply = answer(IncomingMessage("What is koufuzei?"), repo_engine.kb)
    assert reply.language == "en" and not reply.corrections


@pytest.mark.parametrize(("typed", "read"), [("otsukaresama desu. yobo chosa wa itsu?", "おつかれさまです. 要望調査はいつ?"),
                                             ("arigatou, CIR wa?", "ありがとう, CIR は?")])
def test_a_greeting_in_romaji_is_read_by_its_sound(repo_engine: Engine, typed: str, read: str) -> None:
    reply = answer(IncomingMessage(typed), repo_engine.kb)  # (was 「こんにちはです」, 「アリガトウ」: its group's first word)
    assert reply.text.startswith(f"「{typed}」を「{read}」として")


@pytest.mark.parametrize("message", ["Konnichiwa. What is JET?", "Arigato! And what is a CIR?", "Doumo, CIR tte nani?"])
def test_a_greeting_in_romaji_before_a_question_is_dropped(repo_engine: Engine, message: str) -> None:
    reply = answer(IncomingMessage(message), repo_engine.kb)  # (was the greeting or thanks alone, the question lost)
    assert reply.intent_id in ("about_jet", "cir_role") and reply.kind != "greeting"

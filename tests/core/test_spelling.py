"""Typo-proof key terms: a one-character slip in a term the knowledge uses is read as that term, and said."""
from __future__ import annotations

import pytest

from bot.core.answer import answer
from bot.core.spelling import Speller, build_speller
from bot.core.types import IncomingMessage
from bot.engine import Engine


def same_reading(text: str) -> str:
    return {"外務省": "ガイムショウ", "外務賞": "ガイムショウ", "財務省": "ザイムショウ"}.get(text, text)


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller(["地方財政措置", "外務省", "国際交流員", "スポーツ国際交流員", "メールアドレス", "学校教育", "令和5年度"],
                   ["coordinator", "language", "sports", "costs"], ["ALT", "CIR"])


@pytest.mark.parametrize(("typed", "read_as"), [
    ("地方材政措置って何", "地方財政措置"),        # a wrong kanji with the same reading
    ("スポツ国際交流員とは", "スポーツ国際交流員"),  # a dropped long vowel
    ("外務賞の連絡先", "外務省"),                  # a 3-character term: only when the reading is the same
    ("cordinator for international relations", "coordinator"),  # a dropped letter
    ("assistant langauge teacher", "language"),    # two letters swapped
    ("総務省国際室のメールアドレ", "メールアドレス"),  # the last word cut short
])
def test_a_one_character_slip_is_read_as_the_known_term(speller: Speller, typed: str, read_as: str) -> None:
    fixed, corrections = speller.correct(typed, typed, same_reading)
    assert read_as in fixed and [c.right for c in corrections] == [read_as]


@pytest.mark.parametrize("typed", [
    "財務省の連絡先",          # another ministry: same length, another reading
    "○○市学校教育課の者です",  # a known word plus a suffix is a longer word, not a slip
    "令和7年度の人数",          # another year is not a slip for 令和5年度
    "国際交流協会と一緒に",      # a stretch must not cut a compound (国際交流協 + 会)
    "which prefecture hosts the most",  # a slip keeps the first letter: hosts is another word, not costs
])
def test_words_that_are_not_slips_are_left_alone(speller: Speller, typed: str) -> None:
    fixed, corrections = speller.correct(typed, typed, same_reading)
    assert fixed == typed and corrections == ()


def test_an_english_word_is_never_read_as_a_shorter_known_word() -> None:
    speller = Speller([], ["hard", "copy", "casebook"], [])  # "hard copy": a keyword
    assert speller.correct("i heard about the casebok", "I heard about the casebok", same_reading)[0] == \
        "i heard about the casebook"


def test_no_word_is_read_as_a_word_of_no_topic() -> None:
    speller = build_speller(["thank you", "casebook"], [], [], [])  # (a greeting's words are no key term)
    assert speller.correct("what does the minister think", "What does the minister think", same_reading)[1] == ()


def test_a_term_written_with_an_abbreviation_is_also_a_term_without_its_letters() -> None:
    speller = build_speller(["JETプログラム"], [], [], [])
    fixed, corrections = speller.correct("jetプログムって何年", "JETプログムって何年", same_reading)
    assert "プログラム" in fixed and [c.right for c in corrections] == ["プログラム"]


def test_swapped_letters_in_an_abbreviation(speller: Speller) -> None:
    fixed, corrections = speller.correct("how many cris in 2023?", "How many CRIs in 2023?", same_reading)
    assert "cirs" in fixed and corrections[0].right == "CIR"


def test_an_abbreviation_corrected_inside_japanese_is_answered_not_read_as_an_unknown_subject(
        repo_engine: Engine) -> None:
    reply = answer(IncomingMessage("JETのCRIは何人？"), repo_engine.kb)  # (was the plain apology: "cri" unknown)
    assert not reply.fallback and "468" in reply.text
    assert reply.text.startswith("「CRI」を「CIR」として回答します。")


def test_the_reply_says_what_was_understood(repo_engine: Engine) -> None:
    reply = answer(IncomingMessage("地方材政措置ってどういう内容ですか"), repo_engine.kb)
    assert reply.intent_id == "local_finance"
    assert reply.text.startswith("「地方材政措置」を「地方財政措置」として回答します。")
    assert [(c.wrong, c.right) for c in reply.corrections] == [("地方材政措置", "地方財政措置")]


def test_a_two_character_term_with_a_kanji_that_reads_alike_is_corrected() -> None:
    # the analyser reads an unknown 創説 kanji by kanji (ハジメセツ): the changed kanji reads like the one replaced
    readings = {"創設": "ソウセツ", "創説": "ハジメセツ", "説": "セツ", "設": "セツ", "創立": "ソウリツ", "創": "ハジメ"}
    speller = Speller(["創設"], [], [])
    fixed, corrections = speller.correct("jetの創説はいつ", "JETの創説はいつ", lambda t: readings.get(t, t))
    assert fixed == "jetの創設はいつ" and [c.right for c in corrections] == ["創設"]
    assert speller.correct("創立はいつ", "創立はいつ", lambda t: readings.get(t, t))[1] == ()  # 立 reads otherwise


def test_a_kanji_that_shares_any_of_its_readings_is_a_slip_of_the_same_sound() -> None:
    # 節 alone is read フシ; in compounds it is セツ, as 設 is: 創節 is 創設 mistyped
    readings = {"創設": "ソウセツ", "創節": "ハジメフシ", "節": "フシ", "設": "セツ", "創立": "ソウリツ", "創": "ハジメ"}
    sounds = {"節": frozenset({"セツ", "フシ"}), "設": frozenset({"セツ"}), "立": frozenset({"リツ", "タツ"})}
    speller = Speller(["創設"], [], [])
    fixed, _ = speller.correct("jetの創節はいつ", "JETの創節はいつ", lambda t: readings.get(t, t), sounds=sounds.get)
    assert fixed == "jetの創設はいつ"
    assert speller.correct("jetの創節はいつ", "JETの創節はいつ", lambda t: readings.get(t, t))[1] == ()  # one reading each


def test_a_slip_read_in_another_reading_of_its_kanji_is_answered(repo_engine: Engine) -> None:
    reply = answer(IncomingMessage("ＪＥＴの創節はいつですか"), repo_engine.kb)  # was the plain apology, score 0
    assert not reply.fallback and "1987" in reply.text and [c.right for c in reply.corrections] == ["創設"]


def test_a_slipped_two_character_term_is_answered_not_taken_for_another_subject(repo_engine: Engine) -> None:
    # 創説 looked like a subject the knowledge never uses: the plain apology, with score 0
    reply = answer(IncomingMessage("JETプログラムの創説はいつですか"), repo_engine.kb)
    assert not reply.fallback and "1987" in reply.text and reply.text.startswith("「創説」を「創設」として回答します。")


def test_a_correctly_written_question_gets_no_note(repo_engine: Engine) -> None:
    reply = answer(IncomingMessage("地方財政措置ってどういう内容ですか"), repo_engine.kb)
    assert reply.intent_id == "local_finance" and not reply.corrections and "として回答" not in reply.text


def test_a_real_english_word_is_not_read_as_a_known_one(repo_engine: Engine) -> None:
    reply = answer(IncomingMessage("Which prefecture hosts the largest number of JET participants?"), repo_engine.kb)
    assert not reply.corrections and "costs" not in reply.text


def test_a_question_word_of_how_many_is_not_read_as_another_counter(repo_engine: Engine) -> None:
    # 何県 (which prefecture) sounds like 何件 (how many cases), a word the casebook's answers use
    reply = answer(IncomingMessage("事例集に柏崎市の例があると聞きました。何県ですか？"), repo_engine.kb)
    assert not reply.corrections
    assert "新潟県柏崎市" in reply.text

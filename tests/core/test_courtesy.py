"""Greetings, self-introductions and announcements are told apart from the question."""
import pytest

from bot.core.courtesy import (about_the_writer, announced_topics, announces, is_introduction, is_question,
                               names_an_office, without_greeting, without_writer)


def test_greetings_opening_a_sentence_are_dropped() -> None:
    assert without_greeting("いつもお世話になっております。") == ""
    assert without_greeting("Hi there, what is a CIR?") == "what is a CIR?"
    assert without_greeting("Higo-san's number?") == "Higo-san's number?"  # (a name, no "hi")
    assert without_greeting("Thx") == without_greeting("Cheers!") == without_greeting("Thanks in advance.") == ""
    assert without_greeting("ty, what is the casebook?") == "what is the casebook?"  # (was thanks: the question lost)


def test_an_english_self_introduction_is_not_the_question() -> None:
    assert without_writer("I'm a CIR and I need MIC's number.") == "I need MIC's number."


@pytest.mark.parametrize("sentence", ["MOFA here, how many participants in 2023?",
                                      "This is MIC. how many participants in 2023?",
                                      "I work at MEXT; how many participants in 2023?",
                                      "外務省の者ですが、how many participants in 2023?"])
def test_an_office_named_as_who_writes_is_left_out(sentence: str) -> None:
    assert without_writer(sentence) == "how many participants in 2023?"


@pytest.mark.parametrize("sentence", ["Is anyone here, or is this a bot?", "This is urgent. Who do I call?",
                                      "This is CLAIR's job, right?", "CIRの件ですが、人数は？",
                                      "うちは小さな町ですが、SEAは使えますか？", "初めての市ですが、CIRを採用するには？"])
def test_what_is_asked_about_is_no_writer(sentence: str) -> None:
    assert without_writer(sentence) == sentence


@pytest.mark.parametrize("sentence", ["○○市教育委員会の田中です。", "佐藤と申します", "指導主事をしております渡辺です",
                                      "町教委です。", "文科省です。"])
def test_self_introductions(sentence: str) -> None:
    assert is_introduction(sentence)


def test_a_question_is_no_introduction() -> None:
    assert is_question("CIRは何人ですか")
    assert not is_introduction("国際課の担当です。CIRは何人ですか？")


def test_an_announcement_names_its_topic_or_none() -> None:
    assert announces("ALTの任期について伺ってもよろしいでしょうか。")
    assert announced_topics(["ALTの任期について伺ってもよろしいでしょうか。"], english=False) == "ALTの任期について"
    assert announced_topics(["JETについて伺いたいことがあります。"], english=False) == ""  # (JET itself is no topic)
    assert announced_topics(["I have a question regarding MEXT."], english=True) == "about MEXT"


def test_where_the_writer_works_before_a_hyphen_is_who_writes() -> None:
    assert without_writer("I'm new at the board of education - how many ALTs in 2023?") == "how many ALTs in 2023?"


@pytest.mark.parametrize(("message", "about"), [("MOFA here - what is our role in JET?", True),
                                                ("Kashiwazaki here - what was our case in the casebook?", True),
                                                ("MOFA here, how many participants in 2023?", False)])
def test_our_and_we_ask_about_the_writers_own_office(message: str, about: bool) -> None:
    assert about_the_writer(message) is about


def test_what_is_here_is_no_writer() -> None:
    assert without_writer("Your sources here, are they official?") == "Your sources here, are they official?"


def test_an_office_introduced_is_part_of_a_question_about_the_writers_own() -> None:
    assert names_an_office("文科省です。") and about_the_writer("文科省です。うちの担当者は誰ですか？")
    assert not about_the_writer("文科省です。令和5年度の参加者数を教えてください")
    assert not about_the_writer("I work at MEXT; we got a question from a school - how long is the contract?")

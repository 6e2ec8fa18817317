"""The language a message asks its answer in: the last answer again (「英語でお願いします」), or a question asked for
an answer in the other language (「ALTの人数を英語で教えて」)."""
from __future__ import annotations

import pytest

from asking import ask, talk
from bot.core.language_asked import language_asked, language_wanted
from bot.engine import Engine


@pytest.mark.parametrize(("text", "language"), [("English please?", "en"), ("Can you say that in English?", "en"),
                                                ("英語でお願いします", "en"), ("日本語で", "ja"), ("Japanese please", "ja"),
                                                ("英語の名称は？", None), ("Is the casebook in English?", None),
                                                ("それを英語で教えて", "en"), ("英語で説明して", "en"),
                                                ("今のを英語でお願いします", "en"), ("英語では？", "en"), ("英語だと？", "en")])
def test_asking_for_the_other_language(text: str, language: str | None) -> None:
    assert language_asked(text) == language


def test_in_english_after_an_english_answer_asks_about_an_english_version(repo_engine: Engine) -> None:
    # "In English?" switches the language only after an answer in Japanese
    reply = talk(repo_engine, "Tell me about the casebook", "Is the full version available?", "In English?")
    assert reply.fallback and "English or printed version" in reply.text


@pytest.mark.parametrize(("text", "language"), [("Can you translate that into Japanese?", "ja"),
                                                ("それを英語に訳して", "en"), ("この通知を英訳して", None)])
def test_translating_the_answer_just_given_asks_for_the_other_language(text: str, language: str | None) -> None:
    assert language_asked(text) == language


@pytest.mark.parametrize(("question", "language", "rest"), [
    ("ALTの人数を英語で教えて", "en", "ALTの人数を教えて"), ("この通知を英語で要約して", "en", "この通知を要約して"),
    ("Can you explain SEA in Japanese?", "ja", "Can you explain SEA?"), ("What is CIR? In Japanese please", "ja", "What is CIR?"),
    ("Can I ask in English?", None, "Can I ask in English?"),  # a question about English, no request
    ("英語で質問できますか", None, "英語で質問できますか"), ("日本語でお願いします", None, "日本語でお願いします"),  # (the last answer)
    ("事例集は英語で？", None, "事例集は英語で？"),  # is there an English version
    ("ALTは英語で教えてくれますか", None, "ALTは英語で教えてくれますか"),  # what ALTs do
    ("Can the CIR answer in Japanese?", None, "Can the CIR answer in Japanese?"),
    ("Can you tell me if CIRs work in Japanese?", None, "Can you tell me if CIRs work in Japanese?"),
])
def test_a_question_asked_for_an_answer_in_the_other_language(question: str, language: str | None, rest: str) -> None:
    assert language_wanted(question) == (language, rest)


@pytest.mark.parametrize(("question", "intent", "said"), [
    ("ALTの人数を英語で教えて", "numbers_by_type", "ALT 5,355 people"),
    ("この通知を英語で要約して", "notice_summary", "The notice asks local governments"),  # (was refused as a translation)
    ("Explain SEA in Japanese please", "sea_role", "SEA（スポーツ国際交流員）は"),
])
def test_the_answer_comes_in_the_language_asked_for(repo_engine: Engine, question: str, intent: str, said: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.intent_id == intent and said in reply.text


def test_a_summary_in_english_after_an_answer_is_that_answer_in_english(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "この通知の目的は？", "英語で要約して")
    assert reply.language == "en" and reply.intent_id == "notice_summary"


@pytest.mark.parametrize(("text", "said"), [("English please", "I answer only from the notice"),
                                            ("英語で教えて", "I answer only from the notice"),
                                            ("日本語でお願いします", "このボットは、JETプログラムに関する通知")])
def test_a_language_asked_before_anything_else_gets_what_the_bot_answers_in_it(repo_engine: Engine, text: str,
                                                                               said: str) -> None:
    reply = ask(repo_engine, text)  # (was a casebook's details not held, the roles' English names)
    assert reply.kind == "help" and said in reply.text


@pytest.mark.parametrize("text", ["translate it into English", "英語版ください"])
def test_translating_or_an_english_version_with_nothing_said_before_is_refused_not_helped(repo_engine: Engine,
                                                                                        text: str) -> None:
    assert ask(repo_engine, text).intent_id == "writing_tasks_not_done"  # (「英語版ください」 was the help text)


@pytest.mark.parametrize("turns", [("JETプログラムとは", "日本語では？"), ("外務省の担当は？", "日本語では？")])
def test_in_japanese_after_a_japanese_answer_asks_what_it_is_called(repo_engine: Engine,
                                                                     turns: tuple[str, ...]) -> None:
    reply = talk(repo_engine, *turns)  # (was the eligibility not held: a Japanese level)
    assert reply.intent_id == "japanese_names" and "国際交流員" in reply.text


@pytest.mark.parametrize(("text", "language"), [("in jp", "ja"), ("jp pls", "ja"), ("eng please", "en")])
def test_slacks_short_forms_of_the_languages_ask_for_the_answer_again_in_them(text: str, language: str) -> None:
    assert language_asked(text) == language


@pytest.mark.parametrize(("question", "rest"), [
    ("Which organisation runs the JET Programme, in Japanese and English?", "Which organisation runs the JET Programme?"),
    ("CLAIRの正式名称、日本語と英語で", "CLAIRの正式名称"),
])
def test_names_asked_in_both_languages_ask_the_question_alone(question: str, rest: str) -> None:
    assert language_wanted(question) == (None, rest)  # (dev180: was read as a question of languages: unsure)


def test_the_organisation_asked_in_both_languages_gets_both_names(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "Which organisation runs the JET Programme, in Japanese and English?")
    assert not reply.fallback and "自治体国際化協会" in reply.text and "Council of Local Authorities" in reply.text

"""A question about a subject the knowledge never uses gets the plain apology, not a topic sharing a word."""
from __future__ import annotations

import pytest

from asking import after, ask
from bot.core.render import plain_text
from bot.engine import Engine



@pytest.mark.parametrize("question", ["What's the weather in Tokyo?", "What's the population of Tokyo?",
                                      "Who won the baseball game yesterday?"])
def test_an_english_question_about_a_subject_the_knowledge_lacks_gets_the_plain_apology(
        repo_engine: Engine, question: str) -> None:
    for context in (None, after("sea_role", "en")):  # alone, and right after an SEA answer
        reply = ask(repo_engine, question, context)
        assert reply.fallback and reply.intent_id is None
        assert reply.text.startswith("Sorry, I can't answer that from the notice.")
        assert "Sports Exchange Advisor" not in plain_text(reply)


@pytest.mark.parametrize("question", ["文科省の最寄り駅は？", "CIRの誕生日はいつ？"])  # (「JETの倍率は？」: the selection not held, test_gaps)
def test_a_japanese_question_about_a_subject_the_knowledge_lacks_gets_the_plain_apology(
        repo_engine: Engine, question: str) -> None:
    for context in (None, after("contact_mext")):
        reply = ask(repo_engine, question, context)
        assert reply.fallback and reply.intent_id is None
        assert reply.text.startswith("申し訳ありません。このご質問には、通知の内容からはお答えできません。")
        assert "josui@mext.go.jp" not in reply.text


def test_an_honest_not_held_answer_is_kept(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "CIRの残業代は？")
    assert reply.fallback and "勤務条件" in reply.text  # says what is not held, not the bare apology


@pytest.mark.parametrize(("question", "intent"), [("What is a CIR's job?", "cir_role"),
                                                  ("文科省のほうは？", "contact_mext"),
                                                  ("JETのお金の面ってどうなってます？", "local_finance")])  # (面ってどうな: no word)
def test_a_question_with_a_known_subject_is_still_answered(repo_engine: Engine, question: str,
                                                           intent: str) -> None:
    context = after("contact_mic") if question.startswith("文科省") else None
    reply = ask(repo_engine, question, context)
    assert reply.intent_id == intent and not reply.fallback


@pytest.mark.parametrize(("question", "said"), [("令和5年度の参加者の合計は？", "5,831"),
                                                ("令和元年度の参加者の総計は？", "5,761")])
def test_a_total_of_a_known_thing_in_an_unforeseen_word_is_not_another_subject(
        repo_engine: Engine, question: str, said: str) -> None:
    reply = ask(repo_engine, question)  # 合計 and 総計 are in no example; what is counted (参加者) is
    assert not reply.fallback and said in plain_text(reply)


def test_a_compound_of_known_words_is_no_subject_the_knowledge_lacks(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "CIRの契約更新は何回まで？")  # 契約更新 = 契約 + 更新
    assert reply.intent_id == "contract_length" and "通算3年" in reply.text


@pytest.mark.parametrize(("question", "place"), [
    ("事例集に大阪府の事例は載っていますか？内容も知りたい", "大阪府"),
    ("JET-ALT活動事例集に沖縄県の事例は載っていますか？載っていたら内容を教えてください。", "沖縄県"),
])
def test_a_place_the_knowledge_never_mentions_is_not_dropped_with_its_sentence(repo_engine: Engine,
                                                                                question: str, place: str) -> None:
    # the last sentence alone (「内容も知りたい」, 「載っていたら…」) or with the known words only answered as if a case
    # were held
    reply = ask(repo_engine, question)
    assert reply.fallback and f"{place}の事例が載っているかどうか" in reply.text


@pytest.mark.parametrize(("question", "expected"), [
    ("事例集に新潟県の事例は載っていますか？内容も知りたい", "柏崎"),  # a place the knowledge holds
    ("お世話になっております。市教委の中村です。ALT事例集について、いつ公表されたものなのか教えてください。", "2023"),
])
def test_known_places_and_writers_names_do_not_count_as_unknown_places(repo_engine: Engine, question: str,
                                                                        expected: str) -> None:
    reply = ask(repo_engine, question)  # (中村 ends like a village but is the writer)
    assert not reply.fallback and expected in plain_text(reply)


@pytest.mark.parametrize(("question", "intent"), [("参考資料3の詳細を教えて", "ref3_manual"),
                                                  ("事例集の詳細を教えて", "casebook_what")])
def test_the_details_of_a_known_thing_are_that_thing_not_another_subject(repo_engine: Engine, question: str,
                                                                         intent: str) -> None:
    reply = ask(repo_engine, question)  # (dev207: 詳細, a word the knowledge never writes, gave the bare apology)
    assert reply.intent_id == intent and not reply.fallback


def test_the_details_of_a_role_offer_its_topics_rather_than_the_apology(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "CIRの詳細を教えて")
    assert reply.kind == "clarify" and "CIR（国際交流員）とは" in reply.text

"""A casebook town left out of a question about the cases gets the other case held, not the town's own case."""
from __future__ import annotations

import pytest

from asking import ask, talk
from bot.core.case_excluded import case_left_out
from bot.engine import Engine


@pytest.mark.parametrize(("question", "other", "lead"), [
    ("柏崎市以外の事例は？", "立山町", "柏崎市以外では、立山町の事例"),
    ("新潟県以外の事例ってある？", "立山町", "新潟県以外では、立山町の事例"),
    ("立山町以外の事例を教えてください", "柏崎市", "立山町以外では、柏崎市の事例"),
    ("立山町の事例以外にどんな事例がある？", "柏崎市", "立山町以外では、柏崎市の事例"),
    ("any cases other than Tateyama?", "Kashiwazaki", "Besides Tateyama, the press report describes the Kashiwazaki"),
])
def test_the_other_case_is_answered(repo_engine: Engine, question: str, other: str, lead: str) -> None:
    reply = ask(repo_engine, question)
    left_out = question.removeprefix("any cases other than ").removesuffix("?")[:2]
    assert not reply.fallback and reply.text.startswith(lead)
    assert other in reply.text.split("\n", 1)[1]  # then the other case itself
    assert left_out not in reply.text.split("\n", 1)[1]  # not the one left out
    assert "全体版" in reply.text or "full casebook" in reply.text  # where the rest of the 30 are


def test_after_a_case_the_bare_place_left_out_asks_for_the_other(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "立山町の事例は？", "立山以外は？")
    assert reply.intent_id == "case_kashiwazaki" and reply.text.startswith("立山町以外では、柏崎市の事例")
    assert all(s.intent_id != "case_tateyama" for s in reply.suggestions)


@pytest.mark.parametrize("question", ["柏崎市以外は?", "柏崎市以外でalt何人?", "柏崎市の事例は?",
                                      "柏崎市と立山町以外の事例は?"])  # (both left out: no other case is held)
def test_a_question_that_asks_no_cases_is_read_as_written(repo_engine: Engine, question: str) -> None:
    assert case_left_out(repo_engine.kb, question) is None


def test_the_town_named_alone_is_still_its_case(repo_engine: Engine) -> None:
    assert ask(repo_engine, "柏崎市の事例は？").intent_id == "case_kashiwazaki"


@pytest.mark.parametrize("question", ["柏崎市の事例以外に、地域での活動事例はありますか？",
                                      "Other than Kashiwazaki, are there community cases?"])
def test_a_town_left_out_of_the_community_cases_gets_them(repo_engine: Engine, question: str) -> None:
    # (the towns held are both school cases: the community cases, none named in the sources, are what is asked)
    assert ask(repo_engine, question).intent_id == "casebook_community_cases"


@pytest.mark.parametrize(("question", "intent_id"), [
    ("学校以外の事例は？", "casebook_community_cases"), ("other cases besides the school ones?", "casebook_community_cases"),
    ("地域以外の事例は？", "casebook_school_cases"),
])
def test_a_field_left_out_gets_the_other_fields_cases(repo_engine: Engine, question: str, intent_id: str) -> None:
    assert ask(repo_engine, question).intent_id == intent_id  # (review 122: were the field named)


def test_after_the_casebook_a_town_left_out_asks_for_the_other_case(repo_engine: Engine) -> None:
    assert talk(repo_engine, "事例集とは", "柏崎市以外は？").intent_id == "case_tateyama"  # (review 122: Kashiwazaki)


def test_alts_outside_schools_are_no_field_of_cases_left_out(repo_engine: Engine) -> None:
    assert ask(repo_engine, "学校以外でもALTは活動している？").intent_id == "alt_community"


def test_a_question_naming_one_cases_town_gets_that_case_from_a_lower_score(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "立山町のALTは英語の授業以外にも入ってるの？")  # (dev213: "not sure", at 46)
    assert not reply.fallback and reply.intent_id == "case_tateyama" and "体育" in reply.text


def test_two_towns_named_still_offer_both(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "柏崎と立山の事例の出典は？")
    assert reply.kind == "clarify" and "立山町の事例" in reply.text and "柏崎市の事例" in reply.text

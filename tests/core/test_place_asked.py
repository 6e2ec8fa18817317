"""A head count of a casebook town (or its prefecture) is not held: the figures are national; the case is offered."""
from __future__ import annotations

import pytest

from asking import talk
from bot.engine import Engine


@pytest.mark.parametrize(("turns", "said"), [
    (("柏崎市には今ALTが何人いるんですか？",), "柏崎市のALTの人数は、通知にもこのボットの資料にも書かれていません"),
    (("How many ALTs does Kashiwazaki have?",), "The number of ALTs in Kashiwazaki is not given"),
    (("立山町の事例は？", "そこのALTは何人？"), "立山町のALTの人数は"),
    (("Tell me about the Kashiwazaki case", "How many ALTs work there?"), "The number of ALTs in Kashiwazaki"),
])
def test_a_head_count_of_a_case_town_is_not_held_and_the_case_is_offered(repo_engine: Engine, turns: tuple[str, ...],
                                                                        said: str) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.fallback and reply.text.startswith(said)
    assert "5,355" not in reply.text
    if len(turns) == 1:  # the case is offered (after it, it was just shown)
        assert reply.suggestions[0].intent_id.startswith("case_")


def test_how_many_there_are_after_a_case_town_is_the_national_count(repo_engine: Engine) -> None:
    assert "5,355" in talk(repo_engine, "Tell me about the Kashiwazaki case", "How many ALTs are there?").text


@pytest.mark.parametrize(("turns", "intent"), [(("柏崎市のALTは何人？", "事例の内容は？"), "case_kashiwazaki"),
                                               (("How many ALTs does Tateyama have?", "What do they do there?"),
                                                "case_tateyama")])
def test_the_town_stays_the_topic_after_its_head_count_is_said_not_held(repo_engine: Engine, turns: tuple[str, ...],
                                                                        intent: str) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.intent_id == intent and not reply.fallback


def test_a_prefecture_asked_is_named_in_the_reply_not_the_case_town(repo_engine: Engine) -> None:
    for question in ("富山県のALTは何人？", "新潟県内のALTの数は？"):
        reply = talk(repo_engine, question)
        assert reply.fallback and reply.text.startswith(question[:3] + "のALTの人数は")

"""A question pointing back past the last answer (bot.core.earlier_topic): read with the topic it points to."""
from __future__ import annotations

import pytest

from bot.core.earlier_topic import KEPT, earlier_context, moved_on, pointed_text, refers_back
from bot.core.types import Context, IncomingMessage
from bot.engine import Engine

NOW = 1_000.0


@pytest.mark.parametrize("text", ["さっきの人数のうちALTは何人？", "先ほどの窓口のメールは？", "最初に聞いた窓口の担当者は？",
                                  "And the phone number of the office you mentioned first?",
                                  "Is the cumulative figure you gave the latest one?", "Going back, which plan was it?"])
def test_words_that_point_back(text: str) -> None:
    assert refers_back(text)


@pytest.mark.parametrize("text", ["まず最初に何をすればいいですか", "Was there an earlier edition?", "それは何年度？",
                                  "What should we do first?"])
def test_first_steps_and_other_editions_point_nowhere(text: str) -> None:
    assert not refers_back(text)


def test_the_topic_before_the_last_or_the_first_one() -> None:
    context = Context("contact_mext", NOW, "ja", ("alt",), ("size_2023", "casebook_count"))
    assert earlier_context(context, "さっきの人数は？") == Context("size_2023", NOW, "ja")
    assert earlier_context(context, "最初に聞いた話のリンクは？").intent_id == "casebook_count"
    assert earlier_context(context, "その電話番号は？") is None
    assert earlier_context(Context("contact_mext", NOW), "さっきの人数は？") is None  # nothing before it


def test_just_now_naming_a_word_of_the_last_topic_stays_on_it() -> None:
    context = Context("contact_mofa", NOW, "ja", (), ("size_2019",))
    of_last = lambda topic, word: (topic, word) == ("contact_mofa", "部署")  # noqa: E731 (the last card says 部署)
    assert earlier_context(context, "さっきの部署、電話は？", of_last) is None
    assert earlier_context(context, "さっきの人数は？", of_last).intent_id == "size_2019"
    assert earlier_context(context, "最初に聞いた部署は？", of_last).intent_id == "size_2019"  # first: the first


def test_topics_moved_away_from_are_kept_latest_first_each_once() -> None:
    assert moved_on(None, "size_2023") == ()
    assert moved_on(Context("size_2023", NOW), "size_2023") == ()  # a follow-up on the same topic
    assert moved_on(Context("contact_mext", NOW, earlier=("size_2023",)), "size_2023") == ("contact_mext",)
    many = Context("a", NOW, earlier=("b", "c", "d", "e"))
    assert moved_on(many, "z") == ("a", "b", "c", "d")[:KEPT]


def _talk(engine: Engine, *texts: str) -> list:
    return [engine.answer(IncomingMessage(t, channel="eval", conversation_id="c1")) for t in texts]


def test_a_question_pointing_back_is_answered_of_the_earlier_topic(repo_engine: Engine) -> None:
    engine = Engine(repo_engine.kb, clock=lambda: NOW)
    *_, reply = _talk(engine, "JETプログラムの単年度の参加者数って今何人ですか？", "話変わるけど、文科省の窓口の電話番号は？",
                      "さっきの人数のうちALTは何人？")
    assert "5,355" in reply.text and reply.intent_id == "size_2023"


def test_the_last_answer_is_still_what_a_plain_follow_up_asks_about(repo_engine: Engine) -> None:
    engine = Engine(repo_engine.kb, clock=lambda: NOW)
    *_, reply = _talk(engine, "令和5年度のJET参加者は何人？", "文科省の窓口は？", "そのメールアドレスは？")
    assert "josui@mext.go.jp" in reply.text


@pytest.mark.parametrize(("text", "plain"), [
    ("最初に聞いた窓口の担当者は？", "その担当者は？"),
    ("And the phone number of the office you mentioned first?", "And the phone number?"),
    ("さっきの人数のうちALTは何人？", "さっきの人数のうちALTは何人？"),  # 人数 names what it points at: kept
])
def test_a_phrase_that_only_points_back_becomes_a_plain_pointer(text: str, plain: str) -> None:
    assert pointed_text(text) == plain


@pytest.mark.parametrize(("turns", "shown"), [
    (("総務省の窓口は？", "ALTとは？", "最初に聞いた窓口の担当者は？"), "比護補佐"),
    (("MIC contact?", "What's the CIR's job?", "And the phone number of the office you mentioned first?"),
     "03-5253-5527"),
])
def test_the_office_pointed_back_to_is_that_office_not_the_list_of_all(repo_engine: Engine, turns: tuple[str, ...],
                                                                       shown: str) -> None:
    engine = Engine(repo_engine.kb, clock=lambda: NOW)
    *_, reply = _talk(engine, *turns)
    assert reply.intent_id == "contact_mic" and shown in reply.text


@pytest.mark.parametrize("turns", [
    ("令和元年度のJET参加者は何か国から？", "その年の累計は？", "外務省の担当部署は？", "さっきの部署、電話はなんばん？"),  # (dev46)
    ("外務省の担当部署は？", "電話は何番？"),  # (was: every office's number)
    ("外務省の人物交流室の連絡先", "担当は誰？", "電話番号もう一回"),  # (review 140: was "pick MOFA or MIC")
])
def test_a_card_asked_of_right_after_it_is_that_office(repo_engine: Engine, turns: tuple[str, ...]) -> None:
    engine = Engine(repo_engine.kb, clock=lambda: NOW)
    *_, reply = _talk(engine, *turns)
    assert reply.intent_id == "contact_mofa" and "03-5501-8143" in reply.text and "03-5253-5527" not in reply.text

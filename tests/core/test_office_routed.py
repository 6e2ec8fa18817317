"""Which office to ask about a topic: the office the guidance names for it leads, and is the one remembered."""
from __future__ import annotations

import pytest

from asking import ask, talk
from bot.engine import Engine


@pytest.mark.parametrize(("question", "lead", "card"), [
    ("ALTの授業のことはどこに相談すればいい？", "目安として、授業のことは文部科学省", "文部科学省"),
    ("学校の授業でのALTの使い方を相談したい。どこの省？", "目安として、学校のことは文部科学省", "文部科学省"),
    ("交付税や地方財政措置のことは誰に聞けばいいですか", "目安として、地方財政措置のことは総務省", "総務省"),
    ("Who should I ask about funding?", "As a guide, ask 総務省自治行政局国際室", "総務省"),
])
def test_the_office_for_the_topic_leads_with_its_card_first(repo_engine: Engine, question: str, lead: str,
                                                            card: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.intent_id == "contact_list" and reply.text.startswith(lead)
    assert "通知に書かれた振り分けではありません" in reply.text or "does not route topics" in reply.text  # guidance only
    assert reply.contacts[0].name.startswith(card) and len(reply.contacts) == 3  # the others still shown


@pytest.mark.parametrize(("turns", "phone"), [
    (("ALTの授業のことはどこに相談すればいい？", "電話番号は？"), "03-6734-3480"),
    (("募集のことはどこに聞けばいい？", "電話は？"), "03-5501-8143"),
    (("Who should I ask about funding?", "What's their phone number?"), "03-5253-5527"),
])
def test_the_next_contact_detail_is_that_offices(repo_engine: Engine, turns: tuple[str, ...], phone: str) -> None:
    reply = talk(repo_engine, *turns)
    assert phone in reply.text and len(reply.contacts) == 1


def test_no_topic_or_two_offices_topics_keep_the_plain_list(repo_engine: Engine) -> None:
    assert ask(repo_engine, "問い合わせ先を教えてください").text.startswith("問い合わせ先は、")
    reply = talk(repo_engine, "問い合わせ先を教えてください", "電話番号は？")
    assert reply.intent_id == "contact_list" and len(reply.contacts) == 3
    assert ask(repo_engine, "学校の授業と財政措置のことはどこに聞けばいい？").text.startswith("問い合わせ先は、")

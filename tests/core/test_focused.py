"""An answer found, focused on what was asked: a part held only for others said so, the office an answer names
remembered for the next question."""
from __future__ import annotations

import pytest

from bot.core.focused import focused
from bot.core.follow_up_forms import names_asked
from bot.core.replies import intent_reply


def focus_on(kb, intent_id: str, text: str, language: str = "ja"):
    query = kb.matcher.analyse(text)
    names = names_asked(kb.matcher.named, query.terms, text)
    return focused(kb, intent_reply(kb, intent_id, language), query, text, text, query, None, language, [], names)


def test_a_count_asked_of_a_role_the_answer_does_not_count_says_so_and_keeps_the_topic(repo_engine) -> None:
    shown = focus_on(repo_engine.kb, "numbers_by_type", "SEAの新規は何人")
    assert shown.part_missing and shown.reply.fallback
    assert "SEA" in shown.reply.text and "ありません" in shown.reply.text
    assert shown.reply.intent_id == "numbers_by_type", "「CIRは？」 next asks CIR's new participants"
    assert shown.names == ("sea",)


def test_a_count_the_answer_holds_is_answered(repo_engine) -> None:
    shown = focus_on(repo_engine.kb, "numbers_by_type", "CIRの新規は何人")
    assert not shown.part_missing and not shown.reply.fallback
    assert shown.names == ("cir",)


def test_the_one_office_an_answer_names_is_remembered(repo_engine) -> None:
    shown = focus_on(repo_engine.kb, "organisers", "Which ministry handles recruitment abroad?", "en")
    assert not shown.part_missing
    assert shown.reply.text.startswith("According to the JET Programme website")
    assert "外務省" in shown.names, "'their number?' next is MOFA's"


def test_an_answer_with_an_office_card_adds_no_office_of_its_text(repo_engine) -> None:
    shown = focus_on(repo_engine.kb, "contact_mofa", "外務省の電話番号は？")
    assert [c.name for c in shown.reply.contacts] == ["外務省大臣官房人物交流室"]
    assert "03-5501-8143" in shown.reply.text.split("\n")[0], "the number asked leads"


def test_new_participants_of_one_role_asked_the_slack_way_lead_with_that_roles_figure(repo_engine) -> None:
    from asking import ask
    reply = ask(repo_engine, "new CIRs in 2023?")
    assert reply.text.split(". ")[0].endswith("CIR 468 people (154 new)")


@pytest.mark.parametrize(("turns", "lead", "card"), [
    (("Who handles JET funding among the ministries?", "And recruitment abroad?"), "MOFA (Ministry of Foreign Affairs)", None),
    (("Who handles JET funding among the ministries?", "And recruitment abroad?", "Their phone number?"), None,
     "03-5501-8143"),
    (("外務省の役割は？", "文科省は？"), "文部科学省が学校に関する指導", None),
    (("Who handles recruitment abroad?", "and MEXT?"), "MEXT (Ministry of Education", None),
    # an office guessed: the one doing what is asked leads (was MEXT's part: school guidance), with its card
    (("Who handles recruitment of JET participants abroad, MEXT?",), "MOFA (Ministry of Foreign Affairs)", None),
    (("Who handles recruitment abroad, MEXT?", "Their phone number?"), None, "03-5501-8143"),  # (reviews 162–163)
])
def test_a_follow_up_asking_another_offices_part_is_led_by_that_part(repo_engine, turns, lead, card) -> None:
    from asking import talk
    reply = talk(repo_engine, *turns)  # (dev207, dev211: the whole list, CLAIR first; "their" then was CLAIR's)
    first = reply.text.split("\n")[0]
    if lead is not None:
        assert reply.intent_id == "organisers" and lead in first and first.count("handles") + first.count("担当") <= 1
        if "MOFA" in lead:  # (reviews 162–163: the card was the office guessed, MEXT's)
            assert [c.id for c in reply.contacts] in ([], ["mofa"])
    if card is not None:
        assert reply.intent_id == "contact_mofa" and card in reply.text

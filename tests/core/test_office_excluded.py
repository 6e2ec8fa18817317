"""An office left out of a contact question gets the other offices' contacts, not its own card."""
from __future__ import annotations

import pytest

from asking import ask, talk
from bot.core.office_excluded import offices_left_out
from bot.engine import Engine


@pytest.mark.parametrize(("question", "shown"), [
    ("この通知の問い合わせ先、総務省以外にもある？", {"mofa", "mext"}),
    ("文科省以外に聞けるところは？", {"mic", "mofa"}),
    ("外務省じゃなくて、別の窓口の連絡先は？", {"mic", "mext"}),
    ("Any contacts other than MIC?", {"mofa", "mext"}),
    ("Who can I call besides MOFA?", {"mic", "mext"}),
])
def test_the_office_left_out_has_no_card(repo_engine: Engine, question: str, shown: set[str]) -> None:
    reply = ask(repo_engine, question)
    assert not reply.fallback and reply.intent_id == "contact_list"
    assert {c.id for c in reply.contacts} == shown
    assert {s.intent_id for s in reply.suggestions} == {f"contact_{office}" for office in shown}


def test_an_office_asked_about_is_not_left_out(repo_engine: Engine) -> None:
    assert ask(repo_engine, "総務省の問い合わせ先は？").intent_id == "contact_mic"
    assert offices_left_out(repo_engine.kb, "alt以外の職種の問い合わせ先は?") == set()  # 以外 of no office


def test_the_roles_of_the_others_are_not_narrowed_to_the_one_left_out(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "総務省以外の省庁の役割は？")
    assert "外務省" in reply.text.split("\n")[0] or "外務省" in reply.text
    assert not reply.text.startswith("JETプログラム公式サイトによると、3省の役割は、総務省が財政面を担当しています。")


def test_what_is_left_out_is_the_office_just_before_the_word(repo_engine: Engine) -> None:
    assert offices_left_out(repo_engine.kb, "総務省と文科省以外の窓口") == {"総務省", "文部科学省"}
    assert {c.id for c in ask(repo_engine, "総務省と文科省以外の窓口は？").contacts} == {"mofa"}
    assert offices_left_out(repo_engine.kb, "総務省の窓口は？") == set()


@pytest.mark.parametrize(("office", "question"), [
    ("外務省のメールアドレスは？", "じゃあメールで聞ける窓口は？"),
    ("外務省の連絡先は？", "Which office can I email?"),
])
def test_the_office_asked_for_by_the_way_to_reach_it_is_not_the_one_talked_about(
        repo_engine: Engine, office: str, question: str) -> None:
    reply = talk(repo_engine, office, question)
    assert not reply.fallback and "kokusai@soumu.go.jp" in reply.text and "josui@mext.go.jp" in reply.text


def test_a_field_asked_after_an_office_is_still_that_offices(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "外務省の連絡先は？", "メールは？")
    assert reply.fallback and reply.text.startswith("外務省大臣官房人物交流室のメールアドレスは")


def test_a_person_left_out_keeps_the_office_asked_about(repo_engine: Engine) -> None:
    assert ask(repo_engine, "総務省の比護補佐以外の担当者は？").intent_id == "contact_mic"
    assert ask(repo_engine, "文科省の担当者は澤浦補佐以外に誰がいますか").intent_id == "contact_mext"


@pytest.mark.parametrize(("before", "question", "intent_id"), [
    ("総務省の連絡先", "メールで連絡できる省は？", "contact_email"),
    ("外務省の電話番号は？", "メールで聞ける省庁は？", "contact_email"),
    ("MOFA's phone number?", "Which office can I call?", "contact_list"),
])
def test_the_offices_reached_one_way_are_all_of_them(repo_engine: Engine, before: str, question: str,
                                                     intent_id: str) -> None:
    assert talk(repo_engine, before, question).intent_id == intent_id


@pytest.mark.parametrize(("question", "left", "kept"), [
    ("外務省以外の窓口は？", "濱尾補佐", "比護補佐"), ("Any contacts other than MIC?", "比護補佐", "濱尾補佐")])
def test_the_staff_of_the_office_left_out_are_not_listed(repo_engine: Engine, question: str, left: str,
                                                         kept: str) -> None:
    reply = ask(repo_engine, question)
    assert left not in reply.text and kept in reply.text
    assert reply.text.startswith(("外務省以外の問い合わせ先は", "The other contact points"))


@pytest.mark.parametrize(("turns", "shown"), [
    (("文科省の連絡先は？", "文科省以外は？"), {"mic", "mofa"}),  # after an office's card, no contact word needed
    (("総務省以外だとどこ？",), {"mofa", "mext"}),
    (("総務省 以外 連絡先",), {"mofa", "mext"}),
    (("Apart from the Ministry of Foreign Affairs, who can I contact?",), {"mic", "mext"}),
    (("文科省以外でメールアドレスがあるところは？",), {"mic", "mofa"}),  # (was MEXT's card: アドレス was a topic)
    (("other than MEXT, which office has an email?",), {"mic", "mofa"}),  # ("office" too)
    (("which offices other than MIC have a phone number?",), {"mofa", "mext"}),  # (the field is the others': r121)
])
def test_an_office_left_out_in_other_words(repo_engine: Engine, turns: tuple[str, ...], shown: set[str]) -> None:
    assert {c.id for c in talk(repo_engine, *turns).contacts} == shown


@pytest.mark.parametrize(("question", "shown"), [
    ("外務省と文科省、それぞれの問い合わせ電話番号ください", {"mofa", "mext"}),  # (was the ministries' roles)
    ("phone numbers for MEXT and MIC", {"mext", "mic"}),
    ("総務省と外務省と文科省の電話番号", {"mic", "mofa", "mext"}),
])
def test_the_offices_named_with_a_contact_detail_get_their_cards(repo_engine: Engine, question: str,
                                                                 shown: set[str]) -> None:
    reply = ask(repo_engine, question)
    assert reply.intent_id == "contact_list" and {c.id for c in reply.contacts} == shown


def test_the_roles_of_two_offices_are_no_contact_detail(repo_engine: Engine) -> None:
    assert ask(repo_engine, "総務省と文科省の役割は？").intent_id == "organisers"


def test_an_order_after_two_offices_cards_picks_among_those_shown(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "外務省と文科省、それぞれの問い合わせ電話番号ください", "さっきの2番目のやつ、メールアドレスもある？")
    assert reply.intent_id == "contact_mext" and "josui@mext.go.jp" in reply.text  # (the list's 2nd is MOFA)


@pytest.mark.parametrize(("question", "topic"), [
    ("要望調査は総務省以外に問い合わせてもいいですか", "survey"),  # the survey's route, not other offices' cards
    ("財政措置のことは総務省以外でも聞けますか", "local_finance"),
    ("要望調査の問い合わせは総務省じゃなくて県ですか？", "survey"),
])
def test_a_topic_asked_with_an_office_left_out_stays_the_topic(repo_engine: Engine, question: str, topic: str) -> None:
    assert topic in (ask(repo_engine, question).intent_id or "")


@pytest.mark.parametrize(("question", "intent_id"), [
    ("I'm not sure if MEXT is the right office to call. Who handles ALT questions?", "contact_mext"),  # no "not X"
    ("Who can I email at MEXT?", "contact_mext"), ("文科省でメールで聞ける窓口は？", "contact_mext"),
    ("総務省に電話で相談できるところは？", "contact_mic"),
])
def test_an_office_named_is_the_one_asked_about_however_it_is_reached(repo_engine: Engine, question: str,
                                                                       intent_id: str) -> None:
    assert ask(repo_engine, question).intent_id == intent_id


def test_the_offices_reached_one_way_about_a_topic_keep_the_routing(repo_engine: Engine) -> None:
    assert ask(repo_engine, "Which office can I email about funding?").intent_id != "contact_email"


@pytest.mark.parametrize(("question", "intent_id"), [
    ("Do MIC and MEXT publish ALT numbers?", None),  # numbers of ALTs, no phone numbers
    ("総務省以外でこの通知を出したのはどこ？", "notice_issuers"),  # who issued it, no contact
    ("Besides MIC's email, is there a phone?", "contact_mic"),  # a field left out, not the office
])
def test_an_office_beside_other_words_is_no_contact_question_of_the_others(repo_engine: Engine, question: str,
                                                                            intent_id: str | None) -> None:
    reply = ask(repo_engine, question)
    assert reply.intent_id == intent_id or (intent_id is None and reply.intent_id != "contact_list")


def test_an_office_left_out_for_another_named_gets_the_one_named(repo_engine: Engine) -> None:
    assert {c.id for c in ask(repo_engine, "総務省じゃなくて文科省の電話番号は？").contacts} == {"mext"}


@pytest.mark.parametrize(("turns", "shown"), [
    (("文科省以外にも、総務省の連絡先も教えて",), {"mic", "mext"}),  # as well: both
    (("文科省の連絡先", "外務省じゃなくて？"), {"mofa"}),  # that office, checked
    (("総務省のほかの部署でも聞ける？",), {"mic"}),  # MIC's other desks
])
def test_words_of_leaving_out_that_leave_nothing_out(repo_engine: Engine, turns: tuple[str, ...],
                                                     shown: set[str]) -> None:
    assert {c.id for c in talk(repo_engine, *turns).contacts} == shown


@pytest.mark.parametrize("question", ["hi, BOE here — besides MIC who can I contact?", "Hello、総務省以外の問い合わせ先は？"])
def test_a_greeting_before_the_question_keeps_it_one_question(repo_engine: Engine, question: str) -> None:
    assert {c.id for c in ask(repo_engine, question).contacts} == {"mofa", "mext"}


def test_an_office_left_out_alone_asks_for_the_other_offices_unless_something_was_talked_about(
        repo_engine: Engine) -> None:
    assert {c.id for c in ask(repo_engine, "総務省以外は？").contacts} == {"mofa", "mext"}  # (was MIC's card)
    assert talk(repo_engine, "総務省の役割は？", "総務省以外は？").intent_id == "organisers"  # (the others' roles)


@pytest.mark.parametrize("turns", [("文科省の電話番号は？", "他には？"), ("文科省の電話番号は？", "それ以外だとどこ？"),
                                   ("Who do I contact at MEXT?", "other than them?"),
                                   ("Who do I contact at MEXT?", "anyone else?"), ("文科省の電話番号は？", "じゃあ他の省は？")])
def test_after_one_offices_card_the_others_are_the_other_offices(repo_engine: Engine, turns: tuple[str, str]) -> None:
    reply = talk(repo_engine, *turns)  # (were related topics, other programmes, the help text, MEXT's card again)
    assert reply.intent_id == "contact_list" and {c.id for c in reply.contacts} == {"mic", "mofa"}


def test_after_the_list_of_offices_others_are_the_related_topics(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "問い合わせ先は？", "他には？")
    assert not reply.contacts and {s.intent_id for s in reply.suggestions} >= {"contact_mic", "contact_mext"}


def test_anything_else_after_one_offices_card_is_the_related_topics(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "Who do I contact at MEXT?", "anything else?")  # (not the card again)
    assert reply.intent_id is None and not reply.contacts and reply.suggestions

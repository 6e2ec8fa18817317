"""A contact question naming no office gets all three offices, not the one that scored a point higher."""
from __future__ import annotations

import pytest

from asking import ask
from bot.core.render import plain_text
from bot.engine import Engine

PHONES = ("03-5253-5527", "03-5501-8143", "03-6734-3480")


@pytest.mark.parametrize("question", ["電話番号は？", "電話番号を教えて", "What's the phone number?"])
def test_a_phone_number_asked_of_no_office_gets_the_three_offices(repo_engine: Engine, question: str) -> None:
    # it gave MOFA's (or MIC's) number, a point above the others, as if that office had been asked
    reply = ask(repo_engine, question)
    assert reply.intent_id == "contact_list" and reply.kind == "answer"
    assert all(phone in plain_text(reply) for phone in PHONES)


@pytest.mark.parametrize(("question", "office"), [
    ("外務省の電話番号", "contact_mofa"),
    ("お世話になっております。市国際交流課の吉田です。海外でのJET参加者の募集や選考について外務省にも確認したいことが"
     "あります。担当の窓口と電話番号をご教示ください。", "contact_mofa"),  # the office named in the background
])
def test_an_office_named_anywhere_in_the_message_keeps_its_own_contact(repo_engine: Engine, question: str,
                                                                       office: str) -> None:
    assert ask(repo_engine, question).intent_id == office


def test_which_office_asked_is_not_answered_with_all_three(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "JETの財政面を所管している省はどこですか")
    assert reply.intent_id != "contact_list" and "総務省" in reply.text


@pytest.mark.parametrize(("question", "office"), [("澤浦補佐の連絡先", "contact_mext"), ("比護補佐の連絡先", "contact_mic")])
def test_a_staff_members_contact_leads_to_the_office_that_prints_the_surname(repo_engine: Engine, question: str,
                                                                            office: str) -> None:
    # the surname is a rare word only that office's answer (and the list of all three) uses: no tie of two offices
    reply = ask(repo_engine, question)
    assert reply.intent_id == office or office in {s.intent_id for s in reply.suggestions}


@pytest.mark.parametrize("question", ["Thanks. And MOFA, do they have an e-mail address in the notice too?",
                                      "MOFAにメールで問い合わせできますか"])
def test_a_question_naming_one_office_gets_that_office_over_the_list_of_all(repo_engine: Engine, question: str) -> None:
    # it got the e-mail addresses of MIC and MEXT, two points above MOFA's own contact
    reply = ask(repo_engine, question)
    assert reply.intent_id == "contact_mofa" and not reply.fallback  # whether there is one: "no, only a phone"
    assert "kokusai@soumu.go.jp" not in plain_text(reply) and "03-5501-8143" in plain_text(reply)


def test_a_staff_members_detail_not_held_stays_not_held_when_the_office_is_named(repo_engine: Engine) -> None:
    assert ask(repo_engine, "総務省の担当者の携帯番号").intent_id == "staff_personal"


@pytest.mark.parametrize("question, office", [
    ("澤浦補佐に連絡したい", "contact_mext"),       # MOFA's contact had won on 補佐 and 連絡
    ("水谷主査の所属は？", "contact_mofa"),
    ("比護補佐の所属は？", "contact_mic"),
    ("久我係長の連絡先は？", "contact_mext"),     # the contact list prints every office's staff
])
def test_a_staff_member_named_as_printed_gets_their_office(repo_engine: Engine, question: str, office: str) -> None:
    assert ask(repo_engine, question).intent_id == office


@pytest.mark.parametrize("question, office", [
    ("水谷さんはどこの省庁？", "contact_mofa"),     # who issued the notice scored best: a clarify of the two
    ("濱尾さんってどこの人？", "contact_mofa"),
    ("板橋さんってどこの省庁", "contact_mext"),
])
def test_which_office_a_surname_belongs_to_is_that_office(repo_engine: Engine, question: str, office: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.intent_id == office and reply.kind == "answer"


def test_who_is_in_charge_typed_as_keywords_gets_that_offices_staff(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "外務 担当 誰")  # (was who runs the programme)
    assert reply.intent_id == "contact_mofa" and "濱尾" in reply.text


@pytest.mark.parametrize("question", ["phone numbers for MEXT and MIC", "文科省と総務省の電話番号"])
def test_two_offices_named_get_the_list_of_the_offices(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)  # (was MEXT's alone, the first named)
    assert reply.intent_id == "contact_list"
    assert "03-6734-3480" in plain_text(reply) and "03-5253-5527" in plain_text(reply)


@pytest.mark.parametrize("question", ["What does the foreign ministry people do in the JET Programme?",
                                      "どうして外務省がJETに関わっているの？"])
def test_a_topic_asked_beside_an_office_is_the_topic_with_the_offices_card(repo_engine: Engine, question: str) -> None:
    # the office's card alone came first: its examples name the office, the question's other words are the topic's
    reply = ask(repo_engine, question)
    assert reply.intent_id == "organisers" and ("MOFA (Ministry of Foreign Affairs) handles" in plain_text(reply)
                                                or "外務省が海外での募集・選考" in plain_text(reply))
    assert reply.contacts[0].id == "mofa"  # the office named keeps its card beside the answer


def test_what_an_office_is_in_charge_of_is_its_part(repo_engine: Engine) -> None:
    assert "外務省が海外での募集・選考" in plain_text(ask(repo_engine, "JETで外務省が担当してるのって何？"))


@pytest.mark.parametrize(("question", "office"), [
    ("names of the MOFA contacts?", "contact_mofa"), ("MIC bureau for JET?", "contact_mic"),
    ("外務省の担当者は誰？", "contact_mofa"), ("総務省", "contact_mic"),
    # a reviewer's findings: the office's name, its staff in hiragana, its people, a role beside it
    ("総務省の正式名称は？", "contact_mic"), ("総務省のたんとうしゃ", "contact_mic"), ("文科省の人", "contact_mext"),
    ("外務省 CIR", "contact_mofa"), ("なぜ総務省の電話番号？", "contact_mic"),
    ("なぜ総務省が財政？", "local_finance"),  # (a reviewer's: the roles overview took the topic's answer)
])
def test_what_asks_the_office_itself_keeps_its_card(repo_engine: Engine, question: str, office: str) -> None:
    assert ask(repo_engine, question).intent_id == office


@pytest.mark.parametrize("question", ["Why is MOFA involved in JET?", "What about general JET questions at MOFA?",
                                      # why the office takes part, nothing else (were the card alone)
                                      "Why MOFA?", "外務省はなんで関係あるの", "なぜ外務省が関わっているの？"])
def test_how_an_office_takes_part_is_its_part_with_its_card(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)  # (were an apology, the roles without the card)
    assert reply.intent_id == "organisers" and [c.id for c in reply.contacts] == ["mofa"]
    assert "外務省が海外での募集・選考" in reply.text or "MOFA (Ministry of Foreign Affairs) handles" in reply.text


@pytest.mark.parametrize(("question", "office"), [("Why MIC?", "mic"), ("なぜ文科省？", "mext")])
def test_why_an_office_is_its_part_with_its_card(repo_engine: Engine, question: str, office: str) -> None:
    reply = ask(repo_engine, question)  # (「なぜ文科省？」 was MEXT's card alone; 'Why MIC?' once what SEAs do)
    assert reply.intent_id == "organisers" and [c.id for c in reply.contacts] == [office]


def test_a_contact_detail_asked_about_a_topic_not_held_is_the_offices_card(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "配置要望調査のことで総務省に確認したい。電話番号は")
    assert reply.intent_id == "contact_mic" and not reply.fallback  # (was the survey's dates, not held)
    assert "03-5253-5527" in reply.text


def test_a_contact_detail_asked_beside_the_offices_part_brings_its_card(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "JETで総務省が担当してるのって何？電話番号も")
    assert "総務省が財政面" in plain_text(reply) and reply.contacts[0].phone == "03-5253-5527"


@pytest.mark.parametrize("question", ["総務省の要望調査の締切はいつ？電話番号も", "採用人数の上限は？総務省の電話番号も"])
def test_two_questions_keep_what_is_not_held_with_the_offices_card(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)  # (was the card alone: the first question dropped)
    assert reply.fallback and [c.id for c in reply.contacts] == ["mic"]


@pytest.mark.parametrize("question", ["JETの問い合わせ先", "はじめまして。××市の職員です。JETプログラムの問い合わせ先を教えていただけますか。",
                                      "JETについての電話番号", "交付税について聞きたい。どこに連絡？"])
def test_the_programmes_contact_naming_no_office_is_all_three(repo_engine: Engine, question: str) -> None:
    assert ask(repo_engine, question).intent_id == "contact_list"  # (was MOFA's, whose example asks "about JET")


@pytest.mark.parametrize(("question", "office"), [("人物交流室に連絡したい", "contact_mofa"), ("国際室に電話したい", "contact_mic"),
                                                  ("濱尾さんに連絡したい", "contact_mofa")])
def test_a_word_only_one_offices_answer_prints_keeps_that_office(repo_engine: Engine, question: str,
                                                                 office: str) -> None:
    assert ask(repo_engine, question).intent_id == office

"""What a question asks of a contact card: only that attribute, that attribute first, or said not to be held."""
from __future__ import annotations

import pytest

from asking import ask, talk
from bot.core.part_asked import contact_fields, field_first, missing_field
from bot.core.types import Contact
from bot.engine import Engine

MEXT = Contact("mext", "文部科学省外国語教育推進室", phone="03-6734-3480", email="josui@mext.go.jp", name_en="MEXT office")
MOFA = Contact("mofa", "外務省人物交流室", phone="03-5501-8143", name_en="MOFA office")


def test_the_attribute_asked_leads_when_the_reply_does_not_start_with_it() -> None:
    led = field_first("ALT活用の理由は…", [MEXT], "電話番号は？", {"電話"}, "ja")
    assert led == "文部科学省外国語教育推進室の電話番号は03-6734-3480です。\nALT活用の理由は…"
    assert field_first("Reasons…", [MEXT], "Their e-mail?", {"メール"}, "en").startswith(
        "The e-mail address of MEXT office is josui@mext.go.jp.")


def test_nothing_is_added_when_the_first_line_gives_it_or_several_offices_have_it() -> None:
    said = "窓口は文部科学省です。電話は03-6734-3480です。"
    assert field_first(said, [MEXT], "電話番号は？", {"電話"}, "ja") == said
    assert field_first("一覧", [MEXT, MOFA], "電話番号は？", {"電話"}, "ja") == "一覧"
    assert field_first("理由", [MEXT], "担当者の名前と電話は？", {"電話"}, "ja") == "理由", "names asked beside it"
    about = "窓口は文部科学省外国語教育推進室です。"
    assert field_first(about, [MEXT], "電話番号は？", {"電話"}, "ja") == about, "its card, below, has the number"


def test_an_office_without_the_attribute_is_said_to_lack_it() -> None:
    assert missing_field([MOFA], "外務省のメールアドレスは？", {"メール"}, "ja") == ("外務省人物交流室", "メールアドレス")
    assert missing_field([MOFA], "メールアドレスは載っていますか", {"メール"}, "ja") is None
    assert missing_field([MEXT], "メールは？", {"メール"}, "ja") is None


def test_only_the_attribute_asked_is_kept_on_the_cards() -> None:
    kept = contact_fields([MEXT, MOFA], "メールアドレスだけ教えて", {"メール"})
    assert kept[0].phone is None and kept[0].email == "josui@mext.go.jp"
    assert kept[1] == MOFA, "an office without it keeps what it has"


def test_what_is_held_of_the_role_comes_with_the_detail_not_held(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "How many CIRs were there in 2023?", "how many of those were new?", "and SEAs?")
    lines = reply.text.split("\n")
    assert reply.fallback and lines[0].startswith('Figures or facts on "new" for SEA are not')
    assert "SEA 8" in lines[1] and "CIR" not in lines[1]  # SEA's own count, no other role's


@pytest.mark.parametrize(("turns", "lead"), [
    (("SEAとは", "問い合わせ先は？"), "問い合わせ先（通知に記載）：総務省自治行政局国際室（03-5253-5527"),
    (("What is an SEA?", "Who do I contact?"), "Contact point (as printed in the notice): "),
])
def test_a_contact_asked_after_an_answer_with_one_card_leads_with_it(repo_engine: Engine, turns: tuple[str, ...],
                                                                   lead: str) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.text.startswith(lead)


@pytest.mark.parametrize(("question", "expected"), [("JETプログラムのフルネームは？", "jet_full_name_not_held"),
                                                   ("ALTのフルネーム", "japanese_names"),
                                                   ("担当官のフルネームは？", "staff_personal")])
def test_a_full_name_is_the_things_own_unless_a_person_is_asked(repo_engine: Engine, question: str,
                                                                 expected: str) -> None:
    assert ask(repo_engine, question).intent_id == expected


@pytest.mark.parametrize("question", ["累計参加者とALTの人数は？", "私はCIRとして働いていますが、累計参加者数は何人ですか"])
def test_everyones_cumulative_total_asked_beside_a_role_is_answered(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)
    assert not reply.fallback and "77,000" in reply.text


def test_the_count_of_the_casebook_attached_as_reference_4_is_held(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "参考資料4に載っている事例数は？")
    assert not reply.fallback and "30事例" in reply.text


def test_a_count_asked_of_the_cir_casebook_that_its_answer_lacks_is_not_held(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "CIR活用事例集には何件？")
    assert reply.fallback and "掲載されている事例の数は" in reply.text and "30" not in reply.text


@pytest.mark.parametrize("turns", [("参考資料1は何？", "何事例？"), ("CIR活用事例集はどこで見られますか", "そこには何件載ってる？")])
def test_a_count_asked_after_the_cir_casebook_is_of_that_casebook(repo_engine: Engine, turns: tuple[str, ...]) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.fallback and "CIR活用事例集" in reply.text and "30" not in reply.text


def test_a_count_of_the_alt_casebook_asked_after_the_cir_casebook_is_answered(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "参考資料1は何？", "ALT事例集は何件？")
    assert not reply.fallback and "30事例" in reply.text


def test_a_whole_question_naming_a_contact_is_not_led_by_a_card(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "Who should a municipality contact to increase its number of CIRs?")
    assert not reply.text.startswith("Contact point")


@pytest.mark.parametrize(("turns", "said"), [
    (("ALT 新規 R5", "CIR?", "SEA?"), "SEAの「新規」"),
    (("How many new ALTs?", "And SEAs?"), '"new" for SEA'),
])
def test_a_bare_role_after_the_new_ones_whose_new_ones_are_not_held_is_said_so(repo_engine: Engine,
                                                                               turns: tuple[str, ...], said: str) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.fallback and said in reply.text


def test_a_bare_role_after_a_total_is_that_roles_total(repo_engine: Engine) -> None:
    assert "SEA 8" in talk(repo_engine, "ALTは何人", "SEAは？").text


@pytest.mark.parametrize("question", ["MOFA mail", "MOFA e-mail", "外務省 メール"])
def test_a_terse_e_mail_asked_of_the_office_with_none_is_said_not_held(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and ("no e-mail address" in reply.text or "メールアドレスは" in reply.text)
    assert "03-5501-8143" in " ".join(c.phone or "" for c in reply.contacts)  # the phone it has is shown



def test_mailing_a_request_is_no_question_about_e_mail(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "Can I mail the placement request directly to MIC?")
    assert not reply.fallback and "coordinating" in reply.text


@pytest.mark.parametrize("question", ["事例集のスポーツ分野の事例は何件ありますか", "観光関連の事例は何件載ってる？",
                                      ])
def test_a_count_of_cases_in_a_field_the_casebook_does_not_have_is_not_held(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and "分野の事例の数" in reply.text and "30事例" not in reply.text


@pytest.mark.parametrize("turns", [("事例集のうち、高校での事例は何件ありますか",),
                                   ("事例集は何件？", "じゃあ小学校の事例だけだと何件になりますか")])
def test_a_count_of_cases_at_one_school_level_is_not_held(repo_engine: Engine, turns: tuple[str, ...]) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.fallback and "学校の種類別の数は示されていません" in reply.text and "30事例" not in reply.text


def test_a_count_of_cases_in_a_field_it_has_is_answered(repo_engine: Engine) -> None:
    assert not ask(repo_engine, "地域関係の事例はいくつ？").fallback
    assert not ask(repo_engine, "学校での事例は何件？").fallback


@pytest.mark.parametrize("turns", [("文科省のFAX番号は？",),
                                   ("What's the phone number for MIC about JET?", "Does MIC's office have a fax number?")])
def test_a_fax_number_is_said_to_be_missing_with_the_office_details(repo_engine: Engine, turns: tuple[str, ...]) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.fallback and ("FAX番号" in reply.text or "fax number" in reply.text) and reply.contacts


@pytest.mark.parametrize(("turns", "office"), [
    (("総務省国際室の住所（所在地）は？",), "総務省"),  # was CLAIR's details, or a choice between them and MIC's card
    (("What is MIC's postal address?",), "総務省"),  # was 'not sure': MIC's card or CLAIR's details
    (("Which floor is MOFA's office on?",), "外務省"),
    (("What's MOFA's fax number for the personnel exchange division?",), "外務省"),  # a division named, not asked
    (("文科省の連絡先は？", "住所は？"), "文部科学省"),  # asked of the office just shown (was CLAIR's details)
    (("What is MEXT's phone number?", "And the postal address?"), "文部科学省"),
    (("MOFA contact", "What's their office address?"), "外務省"),  # (was whom the notice is addressed to)
    (("What is MIC's address?",), "総務省"),  # (was MIC's card, the address not mentioned)
])
def test_an_office_address_or_fax_is_said_to_be_missing_with_that_office_card(
        repo_engine: Engine, turns: tuple[str, ...], office: str) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.fallback and any(f in reply.text for f in ("住所（所在地）", "postal address", "fax number"))
    assert [c.name for c in reply.contacts] and all(c.name.startswith(office) for c in reply.contacts)


@pytest.mark.parametrize(("question", "office", "said"), [
    ("外務省の人物交流室って何時まで電話つながりますか", "外務省", "受付時間"),  # was MOFA's card as the answer
    ("MEXT office hours?", "文部科学省", "office hours"),
    ("総務省の問い合わせ窓口って何時から何時まで？", "総務省", "受付時間"),  # (窓口 named: was MIC's card as the answer)
    ("文科省の外国語教育推進室の内線番号", "文部科学省", "内線"),  # was MEXT's card, the extension not mentioned
])
def test_an_offices_hours_or_extension_are_said_to_be_missing_with_that_office_card(
        repo_engine: Engine, question: str, office: str, said: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and said in reply.text.split("\n")[0]
    assert [c.name for c in reply.contacts] and all(c.name.startswith(office) for c in reply.contacts)


@pytest.mark.parametrize("question", ["総務省の要望調査は何時まで？", "外務省は何時からJETに関わってますか",
                                      "ALTに携帯を持たせる費用は総務省の措置の対象？", "総務省の携帯の持ち込み"])
def test_a_deadline_a_start_or_a_cost_beside_an_office_is_no_missing_hours_or_number(repo_engine: Engine,
                                                                                    question: str) -> None:
    reply = ask(repo_engine, question)  # (each was read as the office's hours or numbers, not printed)
    assert "受付時間（電話がつながる時間帯）は" not in reply.text and "直通・内線・携帯の番号は" not in reply.text


def test_a_persons_mobile_at_an_office_is_the_refusal_of_personal_details(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "総務省の担当者の携帯番号")
    assert reply.fallback and reply.intent_id == "staff_personal"


@pytest.mark.parametrize("question", ["What is MIC's e-mail address?",
                                      "JETの担当者に直接相談したいです。総務省の住所とか部署とかを教えてください"])
def test_an_office_asked_for_what_its_card_holds_gets_the_card(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)  # (an e-mail address is no postal address; the office and its staff are held)
    assert not reply.fallback and "kokusai@soumu.go.jp" in reply.text + str(reply.contacts) and "postal" not in reply.text


@pytest.mark.parametrize(("turns", "held"), [
    (("文科省の住所と電話番号を教えて",), "03-6734-3480"),  # was 'not sure': the phone asked was lost
    (("What are MEXT's email and postal address?",), "josui@mext.go.jp"),
    (("総務省の所在地（何階か）と担当者の名前",), "比護"),
    (("総務省の連絡先", "住所と電話は？"), "03-5253-5527"),  # (was CLAIR's details)
    (("Which floor is MEXT's foreign language education office on, and who is in charge?",), "澤浦"),
])
def test_an_address_asked_beside_what_the_card_holds_gets_the_card_said_to_lack_it(
        repo_engine: Engine, turns: tuple[str, ...], held: str) -> None:
    reply = talk(repo_engine, *turns)
    assert not reply.fallback and held in reply.text
    first = reply.text.split("\n")[0]
    assert "住所（所在地）は、通知にもこのボットの資料にも載っていません。" in first or "give no postal address" in first


def test_an_address_and_a_fax_are_said_missing_together(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "MIC mailing address and fax")
    assert reply.fallback and "postal address or fax number" in reply.text and reply.contacts


@pytest.mark.parametrize("turns", [("要望調査はどこが実施？", "そこの住所は？"), ("配置要望調査は誰が実施？", "住所は？")])
def test_the_address_after_an_answer_naming_clair_is_claires_not_the_cards_office(
        repo_engine: Engine, turns: tuple[str, ...]) -> None:
    reply = talk(repo_engine, *turns)  # CLAIR runs the survey; MIC's card was shown
    assert reply.fallback and reply.text.startswith("自治体国際化協会（CLAIR）の電話番号・住所")


def test_a_count_naming_the_casebook_after_another_topic_is_the_casebooks(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "地方財政措置とは", "事例集の件数は？")  # (was the cases of the local finance measures)
    assert reply.intent_id == "casebook_count" and not reply.fallback and "30事例" in reply.text


@pytest.mark.parametrize(("question", "office"), [("Which office is behind the address kokusai@soumu.go.jp?", "MIC"),
                                                  ("whose address is josui@mext.go.jp?", "MEXT")])
def test_an_e_mail_address_asked_about_is_its_office(repo_engine: Engine, question: str, office: str) -> None:
    reply = ask(repo_engine, question)  # (was "no postal address", or CLAIR's details not held)
    assert not reply.fallback and office in reply.text.split("\n")[0] and "postal" not in reply.text


@pytest.mark.parametrize("question", ["事例集のうち学校の事例は何件？", "事例集のうちALTの事例は何件？"])
def test_a_count_of_a_field_held_or_of_all_cases_is_answered(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)
    assert not reply.fallback and "30事例" in reply.text


def test_a_count_of_a_theme_inside_the_fields_is_not_held_and_the_fields_counts_stay(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "地域の事例のうち多文化共生は何件？")  # (was the 30 cases; review 149: keep ②'s 13)
    assert reply.fallback and reply.text.startswith("事例集の「多文化共生」の事例の数") and "13事例" in reply.text

"""Follow-ups: a short question about "it" is read with the previous topic; a complete one is not."""
from __future__ import annotations

import pytest

from asking import after, ask as asked, talk
from bot.core.render import plain_text
from bot.engine import Engine


def ask(engine: Engine, text: str, previous: str | None = None, language: str = "ja"):
    return asked(engine, text, after(previous, language))


def test_where_to_find_it_after_a_document_gives_that_document_not_the_help_text(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "Where can I find it?", "ref1_cir_casebook", "en")
    assert reply.intent_id == "ref1_cir_casebook" and not reply.fallback
    assert "CIR casebook" in reply.text


def test_where_to_check_it_after_a_not_held_reply_gives_the_document_it_points_to(repo_engine: Engine) -> None:
    # after 'the amounts are not held' it repeated that reply (counted unanswered) though it points to 参考資料2
    reply = ask(repo_engine, "どこで確認できる？", "funding_amount")
    assert reply.intent_id == "ref2_local_finance" and not reply.fallback and "参考資料2" in reply.text


@pytest.mark.parametrize("previous", ["notice_summary", "casebook_published"])
def test_where_to_check_it_after_an_answer_giving_its_own_source_stays_with_it(repo_engine: Engine,
                                                                               previous: str) -> None:
    # the summary is the notice's; the casebook's date comes from MIC's press release, not the casebook page
    assert ask(repo_engine, "どこで確認できる？", previous).intent_id == previous


def test_where_to_see_it_after_the_casebooks_date_stays_on_the_casebook(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "どこで見られる？", "casebook_published")
    assert reply.intent_id is not None and reply.intent_id.startswith("casebook")
    assert "地方財政措置" not in reply.text


def test_what_for_after_the_notices_date_gives_the_notices_purpose(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "なんのため？", "notice_date")
    assert "導入や更なる有効な活用" in plain_text(reply)
    assert not reply.text.startswith("通知の本文には発出日")


@pytest.mark.parametrize("noise", ["asdfghjkl", "qwerty?"])
def test_noise_after_an_answer_still_gets_the_help_text(repo_engine: Engine, noise: str) -> None:
    reply = ask(repo_engine, noise, "ref1_cir_casebook", "en")
    assert reply.fallback and reply.intent_id != "ref1_cir_casebook"


def test_a_complete_question_with_a_wh_word_is_not_pulled_to_the_previous_topic(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "外務省の電話番号はどこ？", "casebook_published")
    assert reply.intent_id == "contact_mofa"


def test_the_staff_too_after_an_offices_contact_gives_that_offices_staff(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "担当者の名前も分かりますか", "contact_mext")
    assert reply.intent_id == "contact_mext" and "澤浦" in plain_text(reply)


@pytest.mark.parametrize("question", ["担当者の名前も", "担当者の名前は？"])
def test_a_follow_up_finding_another_office_close_to_its_best_is_about_the_office_just_given(
        repo_engine: Engine, question: str) -> None:
    reply = talk(repo_engine, "文科省の窓口はどこですか", question)  # alone: the refusal of names, MOFA's contact close
    assert reply.intent_id == "contact_mext" and "澤浦" in plain_text(reply)


@pytest.mark.parametrize("first, then, expected", [
    ("JETプログラムとは", "問い合わせ先は？", "contact_list"),  # every office, not one
    ("事例集はどこ？", "問い合わせ先は？", "contact_list"),
    ("ALTの任期は？", "メールは？", "contact_email"),
    ("JETプログラムの累計参加者数は？", "事例集は？", "casebook_what"),
    ("ALTの活動事例集はどこで見られる？", "地方財政措置は？", "local_finance"),
    ("参考資料3はどこでダウンロードできる？", "ALTは？", "alt_role"),  # the manual is about no one role
])
def test_a_short_question_complete_on_its_own_moves_on_from_the_topic(repo_engine: Engine, first: str, then: str,
                                                                      expected: str) -> None:
    assert talk(repo_engine, first, then).intent_id == expected


@pytest.mark.parametrize("office, staff", [("What is MOFA's contact?", "濱尾"), ("How do I contact MIC?", "比護")])
def test_the_person_in_charge_after_an_offices_contact_is_that_offices_staff(repo_engine: Engine, office: str,
                                                                             staff: str) -> None:
    reply = talk(repo_engine, office, "Who is the person in charge?")
    assert not reply.fallback and staff in plain_text(reply)


@pytest.mark.parametrize("question", ["どこで手に入る？", "誰が作ったの？"])
def test_who_or_where_after_the_manual_stays_on_the_manual(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question, "ref3_manual")
    assert reply.intent_id == "ref3_manual" and "JET活用マニュアル" in reply.text


def test_what_for_after_a_document_is_about_that_document_not_the_bots_sources(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "何のための資料？", "ref1_cir_casebook")
    assert reply.intent_id == "ref1_cir_casebook" and "活用事例集" in reply.text
    assert not reply.text.startswith("回答の主な出典")


@pytest.mark.parametrize(("question", "previous"), [("どこ？", "thanks"), ("Where can I find it?", "greeting")])
def test_a_greeting_or_thanks_is_no_topic_to_follow_up_on(repo_engine: Engine, question: str, previous: str) -> None:
    reply = ask(repo_engine, question, previous, "en" if question.isascii() else "ja")
    assert reply.kind == "help" and reply.intent_id != previous


@pytest.mark.parametrize(("previous", "question"), [("survey_what", "When?"), ("survey_what", "いつ？")])
def test_when_after_the_survey_says_the_notice_gives_no_dates(repo_engine: Engine, previous: str,
                                                               question: str) -> None:
    reply = ask(repo_engine, question, previous, "en" if question.isascii() else "ja")
    assert reply.intent_id == "survey_timing" and reply.fallback  # not the survey's description again


def test_when_after_the_notices_summary_gives_the_notices_date(repo_engine: Engine) -> None:
    assert ask(repo_engine, "When?", "notice_summary", "en").intent_id == "notice_date"


@pytest.mark.parametrize(("question", "context"), [("CIRの任期は？", None), ("How long can a CIR stay?", None),
                                                   ("CIRは？", "contract_length"), ("And for CIRs?", "contract_length")])
def test_the_term_of_office_is_the_same_for_every_role_and_a_role_swapped_follow_up_keeps_it(
        repo_engine: Engine, question: str, context: str | None) -> None:
    reply = asked(repo_engine, question, after(context))
    assert reply.intent_id == "contract_length" and not reply.fallback


@pytest.mark.parametrize(("question", "said"), [("CIRは？", "デジタル田園都市"), ("And CIRs?", "Digital Garden City")])
def test_another_role_after_the_reasons_for_alts_gets_that_roles_reasons(
        repo_engine: Engine, question: str, said: str) -> None:
    reply = asked(repo_engine, question, after("alt_why", "en" if question.isascii() else "ja"))
    assert reply.intent_id == "digiden_policy" and said in plain_text(reply)  # not what a CIR is, nor the ALT again


@pytest.mark.parametrize(("question", "previous", "language", "expected"), [
    ("CIRの場合は？", "contract_length", "ja", "contract_length"),
    ("SEAだったら？", "contract_length", "ja", "contract_length"),
    ("In the case of CIRs?", "contract_length", "en", "contract_length"),
    ("CIRの場合は？", "alt_role", "ja", "cir_role"),
    ("ALTの場合は？", "cir_role", "ja", "alt_role"),
])
def test_in_the_case_of_another_role_is_that_role_not_the_hiring_procedure(
        repo_engine: Engine, question: str, previous: str, language: str, expected: str) -> None:
    # 場合 alone finds 「増員を希望する場合の手続き」: it is the form of the question, not its topic
    reply = ask(repo_engine, question, previous, language)
    assert reply.intent_id == expected and not reply.fallback


def test_in_the_case_of_another_role_after_why_alts_gives_that_roles_reasons(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "CIRの場合は？", "alt_why")
    assert reply.intent_id == ask(repo_engine, "CIRは？", "alt_why").intent_id != "how_to_start"


@pytest.mark.parametrize(("question", "expected"), [("学校での事例は？", "casebook_school_cases"),
                                                    ("地域での事例は？", "casebook_community_cases")])
def test_cases_of_one_kind_after_what_the_casebook_is_gives_those_cases(
        repo_engine: Engine, question: str, expected: str) -> None:
    reply = ask(repo_engine, question, "casebook_what")
    assert reply.intent_id == expected and not reply.fallback


@pytest.mark.parametrize("first", ["事例集には何件の事例が載っている？", "事例集の使い方は？"])
def test_school_cases_after_another_casebook_answer_give_the_cases(repo_engine: Engine, first: str) -> None:
    reply = talk(repo_engine, first, "学校での事例は？")
    assert reply.intent_id == "casebook_school_cases"
    assert "柏崎市" in plain_text(reply) and "17事例" in plain_text(reply)


def test_what_cases_there_are_after_what_a_cir_is_gives_the_cir_casebook(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "CIRの役割は？", "どんな事例がある？")
    assert reply.intent_id == "ref1_cir_casebook" and "活用事例集" in reply.text


def test_where_to_see_it_after_the_cir_casebook_gives_its_download_page(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "CIR活用事例集を読みたい", "どこで見られる？")
    assert reply.intent_id == "ref1_cir_casebook" and "nin-katsuyo-m" in plain_text(reply)


@pytest.mark.parametrize(("turns", "role"), [
    (("令和5年度のALTの人数は？", "令和元年度は？"), "ALT"), (("令和5年度のCIRの人数は？", "令和元年度は？"), "CIR"),
    (("How many CIRs were there in FY2023?", "And ALTs?", "And in FY2019?"), "ALT")])
def test_the_role_a_conversation_asks_about_stays_asked_about_in_a_follow_up(repo_engine: Engine,
                                                                             turns: tuple[str, ...], role: str) -> None:
    reply = talk(repo_engine, *turns)  # FY2019's figures are a total only: the role's are said not to be held
    first, *rest = reply.text.split("\n")
    assert reply.fallback and role in first and "5,761" not in first  # (the year's total after it, as context)


def test_a_follow_up_naming_another_role_asks_about_that_role(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "令和5年度のALTの人数は？", "CIRは？")
    assert "468" in plain_text(reply)


def test_a_follow_up_asking_what_a_not_held_reply_declares_gets_that_reply(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "JETプログラムの累計参加国数は？", "その数字は何年度時点？", "国別の人数の内訳は？")
    assert reply.fallback and reply.intent_id == "participants_by_country"


def test_the_cumulative_total_asked_after_a_roles_count_is_the_programmes(repo_engine: Engine) -> None:
    text = plain_text(talk(repo_engine, "令和5年度のSEAの人数は？", "令和元年度は？", "累計は？"))
    assert "70,661" in text or "77,172" in text


@pytest.mark.parametrize("turns", [("ALTの人数は？", "じゃあ全部で何人？"),
                                   ("How many ALTs are there?", "How many participants are there altogether?")])
def test_a_follow_up_about_the_whole_drops_the_role_asked_before(repo_engine: Engine, turns: tuple[str, ...]) -> None:
    text = plain_text(talk(repo_engine, *turns))
    assert "468" in text and "5,355" in text  # every role's figures, not the ALT's again


@pytest.mark.parametrize("turns", [("令和5年度のALTの人数は？", "CIRは？"), ("How many ALTs in 2023?", "And CIRs?")])
def test_another_role_asked_after_a_count_gets_that_roles_count_first(repo_engine: Engine, turns: tuple[str, ...]) -> None:
    text = talk(repo_engine, *turns).text
    assert "468" in text.split("。")[0].split(". ")[0] and "5,355" not in text


def test_the_other_language_asked_gets_the_last_answer_in_it(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "JET参加者の任用期間は？", "English please?")
    assert reply.language == "en" and reply.intent_id == "contract_length" and "one year" in reply.text
    assert talk(repo_engine, "What is a CIR?", "日本語でお願いします").text.startswith("CIR（国際交流員）は")


@pytest.mark.parametrize("turns, not_held", [
    (("文科省の担当者名を教えて", "久我係長の内線番号は？"), "内線"),
    (("What does CIR stand for?", "What is it called in Japanese?", "What's their average salary?"), "not given"),
    (("令和5年度のJET参加者数は何人ですか", "給料は？"), "書かれていない"),
])
def test_a_follow_up_asking_what_is_not_held_gets_the_honest_reply_not_the_topic_again(
        repo_engine: Engine, turns: tuple[str, ...], not_held: str) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.fallback and not_held in reply.text


@pytest.mark.parametrize("turns, intent", [
    (("令和元年度の参加者は？", "うち新規は何人？"), "size_2019"),  # of that year, not 2023's new participants
    (("ALTの事例集には何事例載ってる？", "全体版はどこで見られる？", "そのうち学校での活動は？"), "casebook_school_cases"),
    (("事例集の事例数は？", "そのうち地域の事例は？"), "casebook_community_cases"),
])
def test_a_part_of_what_was_just_answered_gets_that_part(repo_engine: Engine, turns: tuple[str, ...],
                                                          intent: str) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.intent_id == intent and not reply.fallback


def test_the_talk_of_a_moment_ago_points_back_to_the_topic(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "地方財政措置とは", "さっきの財源の話、SEAも対象？")
    assert reply.intent_id == "local_finance" and not reply.fallback


@pytest.mark.parametrize(("turns", "date"), [
    (("ALT配置の根拠として引用されている閣議決定は？", "日付は？"), "令和5年6月16日"),  # the cabinet decision's, not the notice's
    (("What is the Digital Garden City policy about CIRs?", "The date?"), "7 June 2022"),
])
def test_a_bare_date_after_an_answer_giving_one_is_that_date(repo_engine: Engine, turns: tuple[str, ...],
                                                             date: str) -> None:
    assert date in talk(repo_engine, *turns).text


def test_a_bare_date_after_an_answer_giving_none_is_the_notices(repo_engine: Engine) -> None:
    assert talk(repo_engine, "ALTとは何ですか", "日付は？").intent_id == "notice_date"


@pytest.mark.parametrize(("turns", "offered"), [(("学校での活動事例", "ほかには？"), "casebook_community_cases"),
                                                (("What is an ALT?", "anything else?"), "alt_vs_cir")])
def test_what_else_after_an_answer_offers_the_related_topics_not_the_answer_again(
        repo_engine: Engine, turns: tuple[str, ...], offered: str) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.intent_id is None and not reply.fallback
    assert offered in {s.intent_id for s in reply.suggestions}


def test_what_else_after_two_cases_points_to_the_full_casebook(repo_engine: Engine) -> None:
    assert any("kouryu_JET" in link.url for link in talk(repo_engine, "学校での活動事例", "ほかには？").links)


def test_the_others_after_a_roles_count_are_the_other_roles(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "CIRの人数", "ほかは？")
    assert "5,355" in reply.text and "468" in reply.text


def test_what_else_with_no_topic_is_what_the_bot_answers(repo_engine: Engine) -> None:
    assert talk(repo_engine, "ほかには？").kind == "help"


@pytest.mark.parametrize("turns", [("事例集の公表日は？", "通知は？"), ("令和5年度の概要はいつ公表された？", "通知のほうは？")])
def test_another_document_after_a_date_asks_its_date(repo_engine: Engine, turns: tuple[str, ...]) -> None:
    assert talk(repo_engine, *turns).intent_id == "notice_date"  # (was the notice's summary)


def test_the_continuing_ones_share_after_their_count(repo_engine: Engine) -> None:
    assert "(468 − 154) ÷ 468" in talk(repo_engine, "CIRの新規は？", "じゃあ継続組は？", "その割合は？").text


@pytest.mark.parametrize("turns", [("令和5年度の参加者数は？", "前年度は？"), ("ALTの人数", "前年度は？"),
                                   ("SEAの人数は？", "その前の年は何人だった？"), ("CIR", "人数", "去年は？"),
                                   ("CIRの人数", "去年はどのくらい？"), ("令和5年度の参加者数は？", "去年は何か国？")])
def test_the_year_before_a_years_figures_is_said_not_held(repo_engine: Engine, turns: tuple[str, ...]) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.fallback and reply.text.startswith("令和4年度（2022年度）")  # (was 2019's figures as the year before)


@pytest.mark.parametrize("turns", [("令和元年度の人数", "前年度は？"), ("R1の参加者", "その1年前は？")])
def test_the_year_before_2019_is_2018_not_held(repo_engine: Engine, turns: tuple[str, ...]) -> None:
    """2019's answer also names 2023's figures: the year its title names counts (was the apology, or 2019 again)."""
    reply = talk(repo_engine, *turns)
    assert reply.fallback and reply.text.startswith("平成30年度（2018年度）")


def test_where_the_answer_comes_from_in_other_words(repo_engine: Engine) -> None:
    """(「その情報の出どころは？」 after a case was the apology: 出どころ read as a subject the knowledge lacks)"""
    assert "教育新聞" in talk(repo_engine, "富山の事例は？", "その情報の出どころは？").text


def test_mofa_shortened_and_its_staff(repo_engine: Engine) -> None:
    assert "水谷" in talk(repo_engine, "外務の担当って誰だっけ").text


def test_one_offices_contact_asked_after_figures_is_that_office(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "令和5年度のJET参加者って全部で何人？", "その数字について総務省に聞きたいんだけど、電話番号は？")
    assert reply.intent_id == "contact_mic" and "03-5253-5527" in reply.text  # (was the figures again)


def test_which_source_the_answer_is_from_in_other_words(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "JETの契約って何年？", "その情報っていつの資料？")  # (was "the date is not printed")
    assert reply.intent_id == "contract_length" and "2015" in reply.text


@pytest.mark.parametrize("turns", [("累計の参加者数は？", "いつのデータ？"),
                                   ("How many JET participants in total since the start?", "What year is that data from?")])
def test_when_the_figures_are_from_shows_them_again_with_their_date(repo_engine: Engine, turns: tuple[str, ...]) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.intent_id == "size_total" and "2023" in reply.text  # (were the notice's date; the apology)


@pytest.mark.parametrize(("turns", "fact"), [(("総務省の連絡先", "どなたが担当？"), "比護補佐"),
                                             (("JETの累計参加者は？", "端数まで教えて"), "77,172")])
def test_the_staff_and_the_exact_figure_in_other_words(repo_engine: Engine, turns: tuple[str, ...], fact: str) -> None:
    assert fact in talk(repo_engine, *turns).text


@pytest.mark.parametrize(("turns", "year"), [(("How many SEAs in FY2023?", "and the year before?"), "fiscal 2022"),
                                             (("How many participants in 2019?", "What about the year before that?"),
                                              "fiscal 2018")])
def test_the_year_before_in_english(repo_engine: Engine, turns: tuple[str, ...], year: str) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.fallback and reply.text.startswith(f"Figures or facts for {year}")


def test_a_role_corrected_after_a_gap_keeps_the_topic(repo_engine: Engine) -> None:
    """「SEAの新規は？」 is not held; 「あ、ごめんなさい、CIRの方です」 then asks CIR's new participants (was the apology)."""
    assert "154" in talk(repo_engine, "SEAの新規は？", "あ、ごめんなさい、CIRの方です").text


def test_which_office_will_handle_it_is_no_staff_member_asked(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "いつもお世話になっております。新規にALTを招致したいと考えております。",
                 "手続きの流れを教えていただけますか。また担当はどなたになりますでしょうか。")
    assert not reply.fallback and "取りまとめ団体" in reply.text


@pytest.mark.parametrize("turns", [("How many new participants in FY2023?", "And continuing?"),
                                   ("令和5年度の新規は？", "継続は？")])
def test_continuing_after_the_new_ones_is_the_years_figures_not_the_programmes_future(
        repo_engine: Engine, turns: tuple[str, ...]) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.intent_id == "size_2023" and not reply.fallback


def test_a_correction_in_english_asks_the_same_of_the_office_meant(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "What's the phone number for MIC about JET?", "sorry, I meant MEXT", "their e-mail?")
    assert "josui@mext.go.jp" in reply.text and "kokusai@soumu.go.jp" not in reply.text


def test_a_salary_asked_after_a_roles_count_is_not_held_not_the_count_again(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "how many SEAs were there in FY2023?", "What's the average salary of an SEA?")
    assert reply.fallback and reply.intent_id == "funding_amount"


@pytest.mark.parametrize("turns", [("配置要望調査とは", "費用は？"), ("JETを始めるには？", "費用は？"),
                                   ("What is the survey?", "and the costs?")])
def test_a_bare_topic_the_previous_one_never_uses_is_that_topic(repo_engine: Engine, turns: tuple[str, ...]) -> None:
    assert talk(repo_engine, *turns).intent_id == "local_finance"  # (was the survey again)


@pytest.mark.parametrize(("turns", "intent"), [(("任用期間は？", "特別な場合は？"), "contract_length"),
                                               (("事例集に富山の事例ってある？", "どんな取組してるの"), "case_tateyama"),
                                               (("立山町の事例ってどんな内容でした？", "それって新潟県でしたっけ？"), "case_tateyama")])
def test_a_follow_up_about_the_topic_stays_with_it(repo_engine: Engine, turns: tuple[str, ...], intent: str) -> None:
    assert talk(repo_engine, *turns).intent_id == intent


def test_that_year_and_that_point_follow_the_year_just_given(repo_engine: Engine) -> None:
    assert "57 countries" in plain_text(talk(repo_engine, "got any 2019 JET figures?", "countries that year"))
    reply = talk(repo_engine, "got any 2019 JET figures?", "countries that year", "and the running total at that point")
    assert "70,661" in plain_text(reply) and "RUN" not in reply.text  # (was "A cumulative number of RUNs alone")


@pytest.mark.parametrize(("turns", "shown"), [
    (("令和5年度のCIRの人数は？", "その年のSEAは？"), "SEA 8人"),
    (("How many JET participants in FY2023?", "How many ALTs that year?"), "5,355")])
def test_that_year_after_a_years_figures_is_that_year(repo_engine: Engine, turns: tuple[str, ...], shown: str) -> None:
    assert shown in plain_text(talk(repo_engine, *turns))  # (were the contract's length in years, the next survey)


@pytest.mark.parametrize(("turns", "printed"), [
    (("桒田さんってどこの部署の人？", "役職は？"), "桒田（くわた）主査"),
    (("桒田さんってどこの部署の人？", "名字の読み方は？"), "くわた"),
    (("外務省の補佐って誰？", "その下の人は？"), "水谷主査"),  # (was hiring capacity not held)
    (("外務省側の問い合わせ先ってある？", "誰あてに電話すればいい？"), "濱尾補佐"),  # (was the notice's addressees)
    (("総務省の連絡先", "ありがとうございます。役職も教えてください。"), "桒田（くわた）主査"),  # (review 123)
    (("文科省の連絡先", "名字の読み方も教えていただけますか？"), "久我係長"),
])
def test_what_is_asked_of_the_staff_after_one_office_is_its_card(repo_engine: Engine, turns: tuple[str, ...],
                                                                 printed: str) -> None:
    reply = talk(repo_engine, *turns)
    assert not reply.fallback and printed in reply.text and len(reply.contacts) == 1


def test_what_is_asked_of_the_staff_after_the_list_of_offices_is_every_offices_staff(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "問い合わせ先を全部教えて", "役職は？")  # (review 123: was personal details not held)
    assert not reply.fallback and all(name in reply.text for name in ("比護補佐", "濱尾補佐", "澤浦補佐"))


def test_a_roles_title_after_a_card_is_no_question_about_the_staff(repo_engine: Engine) -> None:
    assert talk(repo_engine, "総務省の連絡先", "ALTの役職は？").intent_id != "contact_mic"


@pytest.mark.parametrize(("turns", "intent"), [
    (("ALTの住居は自治体が用意する必要がありますか？", "それはどこに聞けば？"), "contact_mic"),  # (was housing not held again)
    (("SEAとは？", "Who should I ask about that?"), "contact_mic"),
    (("JETとは？", "それはどこに聞けば？"), "contact_list"),  # several offices: the list, with what suits each
    # after the survey (its dates not held too): the route a request takes
    (("配置要望調査とは？", "じゃあ誰に確認すればいい？"), "survey_via"),
    (("配置要望調査の締切はいつ？", "じゃあ誰に聞けばいい？"), "survey_via"),
    (("事例集とは？", "Who should I ask about that?"), "contact_list"),  # a topic of no card (review 124: was it again)
])
def test_whom_to_ask_after_a_topic_is_its_offices_card(repo_engine: Engine, turns: tuple[str, ...], intent: str) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.intent_id == intent and not reply.fallback and (reply.contacts or "取りまとめ団体" in reply.text)


def test_a_complete_who_question_after_a_not_held_reply_is_answered_on_its_own(repo_engine: Engine) -> None:
    # after 'Who chairs CLAIR?' (heads are not printed) it gave that refusal again
    reply = ask(repo_engine, "ok, who runs the programme then?", "staff_personal", "en")
    assert reply.intent_id == "organisers" and not reply.fallback and "CLAIR" in plain_text(reply)


def test_a_bare_who_after_a_not_held_reply_still_follows_it(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "誰に聞けばいい？", "staff_personal")
    assert reply.intent_id != "organisers"


@pytest.mark.parametrize(("previous", "question", "office"), [("contact_mext", "office name in jp", "contact_mext"),
                                                               ("contact_mic", "部署名は？", "contact_mic"),
                                                               ("contact_mic", "外務省のぶしょ名", "contact_mofa")])
def test_the_office_name_asked_after_a_card_is_that_offices_unless_another_is_named(
        repo_engine: Engine, previous: str, question: str, office: str) -> None:
    # ("office name in jp" after MEXT's e-mail gave the roles' Japanese names)
    reply = ask(repo_engine, question, previous, "en" if question.isascii() else "ja")
    assert reply.intent_id == office and not reply.fallback


@pytest.mark.parametrize("question", ["何をするって書いてあるの？", "そこにALTのことは書いてある？"])
def test_what_the_document_just_given_says_stays_with_that_document(repo_engine: Engine, question: str) -> None:
    # (the first was taken for noise once 書く named no topic; the second found what an ALT is)
    reply = ask(repo_engine, question, "education_plan")
    assert reply.intent_id == "education_plan" and not reply.fallback


def test_a_correction_to_another_role_after_an_apology_asks_the_same_of_it(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "SEAの人数", "ごめん、ALTの方でした")
    assert "5,355" in plain_text(reply) and not reply.fallback


@pytest.mark.parametrize(("first", "then"), [("fy19 figs", "src url"), ("casebook cases", "source link")])
def test_the_source_url_asked_in_shorthand_after_an_answer_is_that_answers(repo_engine: Engine, first: str,
                                                                           then: str) -> None:
    # ('src url' read as 'source url' found the bot's own sources, without the answer's links)
    before, after_it = talk(repo_engine, first), talk(repo_engine, first, then)
    assert after_it.intent_id == before.intent_id and after_it.links == before.links


def test_which_document_after_an_answer_is_no_request_to_draft_one(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "local finance", "which doc")
    assert reply.intent_id == "local_finance" and "reference material 2" in reply.text


@pytest.mark.parametrize("then", ["url", "URLは？"])
def test_a_bare_url_after_figures_gives_their_release_again(repo_engine: Engine, then: str) -> None:
    # ('url' without a question mark gave the official sites, without the release's link)
    reply = talk(repo_engine, "participants 2023", then)
    assert reply.intent_id == "size_2023" and any("02000205" in link.url for link in reply.links)


@pytest.mark.parametrize(("first", "then", "intent"), [("who signed the notice", "who issued it", "notice_issuers"),
                                                       ("next notice date?", "who do I contact?", "contact_list")])
def test_a_question_of_its_own_after_a_not_held_reply_is_not_given_that_reply_again(
        repo_engine: Engine, first: str, then: str, intent: str) -> None:
    assert talk(repo_engine, first, then).intent_id == intent


@pytest.mark.parametrize(("first", "then"), [("CLAIRの連絡先は？", "Email?"), ("ALTの給料はいくら？", "なぜ？")])
def test_a_detail_or_why_asked_after_a_not_held_reply_is_asked_of_it(repo_engine: Engine, first: str,
                                                                   then: str) -> None:
    assert talk(repo_engine, first, then).intent_id == talk(repo_engine, first).intent_id

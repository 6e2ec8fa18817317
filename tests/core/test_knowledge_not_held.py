"""What the repo's knowledge says it does not hold: said plainly, with the related topic offered as a choice."""
from __future__ import annotations

import pytest

from asking import ask, talk
from bot.core.render import plain_text
from bot.engine import Engine


@pytest.mark.parametrize("question", ["CIRの採用面接で何を聞くべき？", "ALTの採用試験の内容は？",
                                      "What should we ask in an interview with an ALT?"])
def test_how_participants_are_selected_or_interviewed_is_not_held(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and reply.intent_id == "selection_not_held"
    assert "5,355" not in plain_text(reply)  # not the head count the words 採用 / ALT share


@pytest.mark.parametrize("question", ["今年度の予算でALTは何人採用できる？", "How many ALTs can our budget pay for?",
                                      "At most how many ALTs can we hire?"])  # (was read as a ranking)
def test_how_many_a_budget_allows_is_not_held_and_the_head_count_is_no_answer(repo_engine: Engine,
                                                                              question: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and reply.intent_id == "hiring_capacity_not_held"
    assert "5,355" not in plain_text(reply) and "地方財政措置" in plain_text(reply)
    assert "how_to_start" in {s.intent_id for s in reply.suggestions}  # the procedure offered as a choice


@pytest.mark.parametrize("question, said", [("just give me the survey deadline", ["no dates or deadline", "CLAIR"]),
                                            ("配置要望調査の提出期限は？", ["締切は書かれていません", "自治体国際化協会"])])
def test_the_survey_deadline_is_said_not_to_be_in_the_notice_with_who_runs_the_survey(
        repo_engine: Engine, question: str, said: list[str]) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and all(s in plain_text(reply) for s in said)
    assert "取りまとめ団体" in plain_text(reply)  # whom to ask


@pytest.mark.parametrize("question", ["参加国の一覧は？", "参加国の内訳は？", "参加国はどこ？"])
def test_the_list_of_participating_countries_is_not_held(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)  # (the list got 'the casebook's list is not held', the others the count)
    assert reply.fallback and reply.intent_id == "participants_by_country"


@pytest.mark.parametrize("question", ["参加国はいくつ？", "参加国の数は？", "じぇっとの参加国いくつ"])
def test_the_number_of_participating_countries_is_held(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)
    assert not reply.fallback and "78か国" in reply.text


@pytest.mark.parametrize("question", ["JICA海外協力隊の募集についても教えてもらえますか", "地域おこし協力隊について知りたい",
                                      "Are there other exchange programmes besides JET?"])
def test_another_programme_is_said_to_be_outside_the_notice(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and ("JETプログラム以外の制度" in reply.text or "other than JET" in reply.text)


def test_a_staff_members_age_is_not_held(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "How old is Mr. Hamao at MOFA?")
    assert reply.fallback and "not given" in reply.text


@pytest.mark.parametrize("question", ["比護補佐の下のお名前は？", "桒田さんの下の名前は？"])
def test_a_staff_members_given_name_is_not_held(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and reply.intent_id == "staff_personal"


@pytest.mark.parametrize(("question", "said"), [
    ("国際室の室長は？", "室長"), ("CLAIR 理事長 誰？", "理事長"),  # (were MIC's card; CLAIR's role)
    ("Who is the director at MIC?", "who heads the offices"), ("who heads mic's 国際室, name", "室長"),
])
def test_the_head_of_an_office_or_body_is_not_named(repo_engine: Engine, question: str, said: str) -> None:
    reply = ask(repo_engine, question)  # the notice prints the staff in charge only
    assert reply.fallback and said in reply.text


@pytest.mark.parametrize("question", ["課長から聞かれました。文科省の係長の名前は？", "担当者のお名前を教えてください",
                                      "ご担当者様のお名前を教えていただけますでしょうか"])  # (review 130: were refused)
def test_the_staff_in_charge_are_given_by_name(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)
    assert not reply.fallback and "久我" in reply.text


def test_clairs_phone_is_not_held_and_the_notices_contact_points_are_shown(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "CLAIRの電話番号は？")
    assert reply.fallback and "載っていない" in reply.text
    assert {c.phone for c in reply.contacts} == {"03-5253-5527", "03-5501-8143", "03-6734-3480"}


@pytest.mark.parametrize(("question", "count"), [("JETのALTは何人？", "5,355"), ("JETプログラムのSEAは何人", "8人")])
def test_a_role_of_jet_is_counted_as_that_role(repo_engine: Engine, question: str, count: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.intent_id == "numbers_by_type" and count in reply.text


@pytest.mark.parametrize("question", ["JETプログラムの令和5年度予算額は？", "What's the mobile number of Mr. Higo at MIC?",
                                      # (were: the local finance measures; CLAIR's coordinating bodies)
                                      "What is the per-ALT unit cost used in the 地方交付税 calculation?",
                                      "Does CLAIR charge municipalities a fee per JET participant, and how much?",
                                      # a surname read from romaji names the office; its age is still not held
                                      "How old is Mr. Hashiguchi at MIC?", "how old is Mizutani-san at MOFA",
                                      "How old is the MOFA contact person Mizutani-san?", "Is Hashiguchi-san married?"])
def test_a_budget_or_a_staff_members_mobile_is_not_held_even_with_a_year_or_a_name(repo_engine: Engine,
                                                                                    question: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and reply.intent_id in ("funding_amount", "staff_personal")


@pytest.mark.parametrize(("question", "phone"), [
    ("What's Hashiguchi-san's birthday?", "03-5253-5527"), ("Where does Mizutani-san live?", "03-5501-8143"),
    ("What is Higo-san's favourite food?", "03-5253-5527")])
def test_what_the_notice_does_not_print_about_a_named_person_is_an_apology_with_that_office(
        repo_engine: Engine, question: str, phone: str) -> None:
    reply = ask(repo_engine, question)  # (reviews 136, 137: were the office's card, as if it answered)
    assert reply.fallback and reply.intent_id is None and [c.phone for c in reply.contacts] == [phone]


@pytest.mark.parametrize(("question", "phone"), [
    ("Can I get Kuwata-san's direct line?", "03-5253-5527"), ("How old is Itabashi-san?", "03-6734-3480"),
    ("橋口事務官は何歳ですか", "03-5253-5527"),  # (事務官: two offices print it; 橋口 one)
    ("はまおさんの誕生日は？", "03-5501-8143"),  # (reviews 140, 141: were every office, or MIC's)
    ("Higo-san's mobile number please", "03-5253-5527")])  # (review 143: at 34, was the plain apology)
def test_what_is_not_held_of_a_named_person_shows_that_persons_office(repo_engine: Engine, question: str,
                                                                      phone: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and [c.phone for c in reply.contacts] == [phone]


def test_what_is_not_held_of_no_one_named_shows_every_office(repo_engine: Engine) -> None:
    assert len(ask(repo_engine, "事務官の携帯番号は？").contacts) == 3


@pytest.mark.parametrize(("question", "intent"), [
    ("橋口事務官は何歳ですか", "staff_personal"),  # a staff member's age
    ("Where do ALTs live?", "working_conditions"),
    ("CIRの住宅費は任用団体が負担しないといけない？", "working_conditions"),  # housing in a compound
    ("ALTのせんせいのとしは何さいまで？", "eligibility"),  # an age limit, in kana
    ("この通知を英訳して", "writing_tasks_not_done"),  # translating or drafting: beyond the bot
    ("Please translate this notice", "writing_tasks_not_done"),
    ("周知メールの文案を作ってほしい", "writing_tasks_not_done"),
])
def test_what_is_not_held_gets_its_own_honest_reply(repo_engine: Engine, question: str, intent: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and reply.intent_id == intent


@pytest.mark.parametrize("turns", [("次の事例集はいつ出ますか？",), ("事例集について", "次の版はいつ出る予定？")])
def test_when_the_next_casebook_comes_is_not_held_not_when_this_one_came(repo_engine: Engine,
                                                                        turns: tuple[str, ...]) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.fallback and reply.intent_id == "casebook_details_not_held"


@pytest.mark.parametrize(("question", "intent"), [
    ("JETを導入している自治体の数は？", "municipality_count_not_held"),
    ("How many municipalities take part in the survey?", "municipality_count_not_held"),
    ("配置要望調査に参加している市町村はいくつありますか？", "municipality_count_not_held"),
    ("What are MIC's office hours?", "contact_mic"),  # (one office named: said of it, with its card)
    ("受付時間は何時から何時まで？", "office_hours_not_held"),
    ("文科省って何時まで？", "office_hours_not_held"),  # (was MEXT's card)
    ("What's CLAIR's main switchboard number?", "clair_contact_details"),  # (was what CLAIR does)
])
def test_how_many_towns_take_part_or_when_an_office_answers_is_not_held(repo_engine: Engine, question: str,
                                                                       intent: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and intent in {reply.intent_id, *(s.intent_id for s in reply.suggestions[:1])}
    assert "5,355" not in plain_text(reply)


@pytest.mark.parametrize(("question", "intent"), [("要望調査は市町村も参加できますか", "survey_via"),
                                                  ("Can municipalities take part in the survey?", "survey_via"),
                                                  ("文科省の電話番号は？", "contact_mext"),
                                                  ("配置の要望ってどこに出せばいい？", "survey_via")])  # (how many: not held)
def test_taking_part_or_a_phone_number_is_still_answered(repo_engine: Engine, question: str, intent: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.intent_id == intent and not reply.fallback


def test_until_when_an_office_answers_after_its_phone_number_is_not_held(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "外務省の電話は？", "何時まで？")
    assert reply.fallback and reply.intent_id == "office_hours_not_held"


@pytest.mark.parametrize(("question", "intent"), [("ALTは私立学校にも来ますか", "private_schools"),
                                                  ("Do private high schools get ALTs?", "private_schools"),
                                                  ("Can we hire a private ALT instead?", "other_alt_schemes")])
def test_private_schools_are_not_privately_hired_alts(repo_engine: Engine, question: str, intent: str) -> None:
    assert ask(repo_engine, question).intent_id == intent


@pytest.mark.parametrize("question", ["JETプログラムは今後も継続されますか？廃止の予定は？", "Is JET ending?"])
def test_the_programmes_future_is_not_held_and_the_notice_says_it_continues(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)  # (was 'why the notice was issued', as if it answered)
    assert reply.fallback and reply.intent_id == "programme_future_not_held"
    assert ("継続しており" if reply.language == "ja" else "continues") in plain_text(reply)


def test_every_years_numbers_are_not_held_and_the_years_held_are_offered(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "SEAは何人？", "SEAの過去5年の推移は？")  # (was 2019's total, as if it answered)
    assert reply.fallback and "size_2019" in {s.intent_id for s in reply.suggestions}
    assert not ask(repo_engine, "過去の参加者数の推移は").fallback  # the two years held, side by side
    # every year, asked of the survey, is no question about figures
    assert talk(repo_engine, "要望調査について教えて", "毎年やっていますか").intent_id != "figures_trend_not_held"


@pytest.mark.parametrize("question", [
    "令和5年度のCIRのうち中国出身者は何人ですか",  # (was 2023's figures)
    "ニュージーランド出身のALTはいますか",
])
def test_numbers_by_country_of_origin_are_not_held(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and reply.intent_id == "participants_by_country" and "468" not in plain_text(reply)


@pytest.mark.parametrize("question", ["中国地方の市町村でもJETを導入できますか", "JET出身者はその後どんな仕事に就いていますか"])
def test_a_region_or_former_participants_are_no_country_of_origin(repo_engine: Engine, question: str) -> None:
    assert ask(repo_engine, question).intent_id != "participants_by_country"


@pytest.mark.parametrize("question", [
    "お世話になっております。◎◎町教育委員会の清水です。初めてALTを受け入れる予定です。ALTの住宅は町で用意する必要があるの"
    "でしょうか。家賃補助の基準もあれば教えてください。",  # (was how to ask for a placement)
    "JETの報酬について、所得税は課税されますか？",  # (was the local finance measures)
])
def test_housing_and_tax_are_working_conditions_not_held(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and reply.intent_id == "working_conditions"


@pytest.mark.parametrize("question", ["max number of ALTs we can request?", "max number of ALTs per town?"])
def test_a_maximum_number_of_participants_is_not_held(repo_engine: Engine, question: str) -> None:
    assert ask(repo_engine, question).intent_id == "hiring_capacity_not_held"  # (was how to ask for a placement)


@pytest.mark.parametrize("question", ["How many ALTs are from Canada?",
                                      "How many JET participants came from the United States in FY2023?",
                                      "CIRのうちフィリピン出身は何人？"])
def test_participants_from_a_named_country_are_not_held(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and reply.intent_id == "participants_by_country"



@pytest.mark.parametrize("question", ["JETの経費は普通交付税？特別交付税？どっち？",
                                      "基準財政需要額のどの費目にJETの経費が入ってるの？",
                                      "Is the JET cost covered by the ordinary or the special local allocation tax?"])
def test_which_kind_of_allocation_tax_is_not_held(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)  # (was the local finance measures, as if they said)
    assert reply.fallback and reply.intent_id == "finance_details_not_held"


@pytest.mark.parametrize("question", ["JETの経費って交付税でみてもらえるんですか", "地方交付税って何？",
                                      "What is the local allocation tax?"])
def test_the_allocation_tax_itself_is_still_the_local_finance_measures(repo_engine: Engine, question: str) -> None:
    assert ask(repo_engine, question).intent_id == "local_finance"


@pytest.mark.parametrize("question", ["要望を出したら必ず配置してもらえるんですか？", "要望出したら必ずALTが配置されるの？"])
def test_whether_a_request_is_always_met_is_not_held(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)  # (was the route of the request, as if it answered)
    assert reply.fallback and reply.intent_id == "hiring_capacity_not_held"


@pytest.mark.parametrize("question", ["Can we terminate an ALT's contract mid-year?", "ALTを辞めさせたい"])
def test_ending_a_contract_early_is_said_not_to_be_held(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)  # (the English one was the contract's length, as if it answered)
    assert reply.intent_id == "working_conditions" and reply.fallback


@pytest.mark.parametrize("question", ["配置要望を出してから実際にALTが着任するまで、何か月くらいかかりますか？",
                                      "新規ALTの来日っていつ頃？7月？",
                                      "CIRはいつ来日する？"])  # (was the counts by role)
def test_when_new_participants_arrive_is_said_not_to_be_held(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)  # (were how the survey is sent, the counts of new participants)
    assert reply.intent_id == "arrival_not_held" and reply.fallback and "令和6年度" in reply.text


@pytest.mark.parametrize("question", ["SEAってどんな競技の人が来るの？", "Which sports do SEAs coach?"])
def test_which_sports_seas_coach_is_said_not_to_be_held(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)  # (was what SEAs do, as if it answered)
    assert reply.intent_id == "sea_sports_not_held" and reply.fallback


def test_what_seas_do_is_still_answered(repo_engine: Engine) -> None:
    assert ask(repo_engine, "東京オリンピックとSEAの関係は？").intent_id == "sea_role"  # (競技大会 is the Games' name)


@pytest.mark.parametrize(("question", "intent"), [("令和5年度に新しく来日したALTの人数", "size_2023"),
                                                  ("何か国から来日していますか", "size_total"),
                                                  ("来日したALTは何人？", "numbers_by_type")])
def test_how_many_came_to_japan_is_a_count_not_when_they_arrive(repo_engine: Engine, question: str,
                                                                 intent: str) -> None:
    assert ask(repo_engine, question).intent_id == intent  # (a reviewer's: arrival dates not held)


@pytest.mark.parametrize("question", ["通知の文書番号は？", "この通知って何月何日付け？", "Who signed the notice?",
                                      "次の通知はいつ出ますか"])
def test_the_notices_number_day_and_signatory_are_not_printed_and_its_year_is_given(repo_engine: Engine,
                                                                                   question: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and ("2023" in reply.text or "令和5年" in reply.text)


def test_a_number_asked_after_an_offices_card_is_still_its_phone(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "総務省の連絡先", "番号は？")
    assert "03-5253-5527" in plain_text(reply) and not reply.fallback


@pytest.mark.parametrize("question", ["延長したら報酬は上がりますか", "avg cir salary", "Does an ALT's pay go up after a few years?"])
def test_pay_and_pay_rises_are_amounts_not_held(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and reply.intent_id == "funding_amount"


def test_a_named_persons_home_address_is_a_personal_detail_not_the_offices_address(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "MEXT contact", "who's Sawaura?", "Sawaura's home address?")  # (review 143)
    assert reply.intent_id == "staff_personal" and [c.phone for c in reply.contacts] == ["03-6734-3480"]


@pytest.mark.parametrize(("question", "intent"), [("令和5年度のALTの男女比を教えてください", "participants_by_country"),
                                                  ("TOEIC score needed for ALTs?", "eligibility"),  # (were the
                                                  ("ALTにTOEICの点数は必要？", "eligibility")])     # year's figures, why ALTs)
def test_a_breakdown_by_gender_and_test_scores_are_not_held(repo_engine: Engine, question: str, intent: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and reply.intent_id == intent

"""A related topic is not an answer: years not held, rankings and opinions are said to be missing."""
from __future__ import annotations

import pytest

from asking import after, ask, talk
from bot.core.gap_patterns import attachment_missing
from bot.core.render import plain_text
from bot.engine import Engine



def test_a_year_not_held_is_said_with_the_years_held_and_offered_as_a_choice(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "令和7年度のALT人数は？")
    assert reply.fallback and reply.intent_id is None
    assert reply.text.startswith("令和7年度（2025年度）の数字や情報は、通知にもこのボットの資料にもありません。")
    assert "令和5年度（2023年度）" in reply.text and "5,355" not in reply.text  # named, not answered
    assert "size_2023" in {s.intent_id for s in reply.suggestions}
    assert "https://www.soumu.go.jp/kokusai/kouryu.html" in plain_text(reply)


def test_next_years_figures_are_not_held(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "来年度のCIRの募集人数は何人ですか")
    assert reply.fallback and "来年度（令和6年度（2024年度））" in reply.text


def test_a_breakdown_the_year_does_not_have_is_not_answered_with_the_total(repo_engine: Engine) -> None:
    assert ask(repo_engine, "How many SEAs were there in FY2019?").fallback


def test_the_latest_figures_say_which_year_they_are_for(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "最新の参加者数を教えて")
    assert not reply.fallback and "5,831" in reply.text
    assert reply.text.startswith("資料にある最新の数字は令和5年度（2023年度）のものです。")


def test_a_year_the_topic_holds_is_answered(repo_engine: Engine) -> None:
    assert "5,761" in ask(repo_engine, "FY2019 participants?").text
    assert ask(repo_engine, "令和6年度分の配置要望調査について教えて").intent_id == "survey_what"


@pytest.mark.parametrize("question", ["令和8年度分の要望調査ってもう始まってる？", "令和7年度分の要望調査は？",
                                      "Is there a placement survey for FY2026?"])
def test_a_survey_of_a_year_not_held_names_the_year_the_survey_held_is_for(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and ("令和6年度（2024年度）のもの" in reply.text or "is for fiscal 2024" in reply.text)
    assert "人数" not in reply.text and "figures held" not in reply.text  # no head counts: the survey was asked
    assert [s.intent_id for s in reply.suggestions] == ["survey_what"]


def test_the_participants_of_a_year_not_held_are_a_year_not_held_not_that_years_survey(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "令和6年度の参加者は？")  # (was the survey for 令和6年度)
    assert reply.fallback and reply.text.startswith("令和6年度（2024年度）の数字や情報は")


@pytest.mark.parametrize(("question", "intent_id"), [
    ("Is there funding for FY2026?", "local_finance"), ("令和8年度の財政措置はある？", "local_finance"),
    ("Is there an ALT manual for FY2026?", "ref3_manual"), ("Is there a CIR casebook for FY2026?", "ref1_cir_casebook"),
])
def test_a_topic_of_no_year_asked_of_a_year_is_that_topic(repo_engine: Engine, question: str, intent_id: str) -> None:
    reply = ask(repo_engine, question)  # (were the plain apology: the year's letters outweighed the topic's words)
    assert not reply.fallback and reply.intent_id == intent_id


def test_a_topic_of_a_year_it_only_quotes_is_not_said_to_be_of_that_year(repo_engine: Engine) -> None:
    assert "令和4年度" not in ask(repo_engine, "令和7年度のCIRの役割は？").text  # (the cabinet decision's year)


def test_a_year_not_held_offers_the_years_it_names(repo_engine: Engine) -> None:
    assert {"size_2023", "size_2019"} <= {s.intent_id for s in ask(repo_engine, "令和3年度の参加者は？").suggestions}
    assert ask(repo_engine, "令和7年度のALT人数は？").suggestions[0].intent_id == "numbers_by_type"


@pytest.mark.parametrize("question", ["ALTとの契約を途中で解除するときの手続きは？", "CIRの解任手続き"])
def test_ending_a_contract_early_is_a_working_condition_not_held_not_how_to_start(repo_engine: Engine,
                                                                                question: str) -> None:
    assert ask(repo_engine, question).intent_id == "working_conditions"


def test_an_acceptance_rate_is_a_selection_detail_not_held(repo_engine: Engine) -> None:
    for question in ("ALTの採用倍率は？", "JETの倍率は？"):  # (were the head counts by role, the plain apology)
        reply = ask(repo_engine, question)
        assert reply.fallback and reply.intent_id == "selection_not_held"


def test_which_office_to_ask_is_no_opinion_but_a_choice_of_role_is(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "小学校の授業でのALTの使い方を相談したい。総務省と文科省どっちに聞くべき？")
    assert not reply.fallback and "文部科学省" in reply.text  # (was "no opinion is held")
    assert ask(repo_engine, "ALTとCIRどっちを入れるべき？").fallback
    assert ask(repo_engine, "ALTとCIR、どちらにしたほうがいいですか？").fallback  # (どちらに: no office asked)


def test_a_question_about_who_runs_next_years_survey_is_not_a_question_about_next_years_figures(
        repo_engine: Engine) -> None:
    reply = ask(repo_engine, "Who will be running the placement request survey for new JET participants?")
    assert reply.intent_id == "survey_what" and "CLAIR" in reply.text
    assert ask(repo_engine, "How many JET participants will there be next year?").fallback


def test_what_the_notice_says_of_the_programme_is_no_opinion(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "なぜJETはいい制度だと言えるの？")  # (the notice's own words on it are answered)
    assert not reply.fallback and "JETプログラム" in reply.text


def test_rankings_and_opinions_are_not_in_the_knowledge(repo_engine: Engine) -> None:
    ranking = ask(repo_engine, "Which prefecture has the most CIRs?")
    assert ranking.fallback and ranking.text.startswith("Rankings")
    ranking = ask(repo_engine, "Which prefecture hosts the largest number of JET participants?")
    assert ranking.fallback and ranking.text.startswith("Rankings")
    opinion = ask(repo_engine, "うちの町はALTとCIRどちらを選ぶべき？")
    assert opinion.fallback and "判断やおすすめ" in opinion.text
    assert opinion.suggestions and opinion.intent_id is None  # related topics as choices, not as the answer


@pytest.mark.parametrize(("question", "said"), [
    ("うちの町はALTとCIR、どっちを採用したほうがいいと思う？", "判断やおすすめ"),
    ("SEAにはどの競技の人が来ることが多いの？", "ランキング"),  # which one is commonest: a ranking
    ("R5 新規CIR 出身国トップ3", "ランキング"),  # a top three is a ranking
    ("Top sending country in FY2023?", "Rankings"),  # (was FY2023's totals)
    ("SEAを導入すべきでない理由は？", "判断やおすすめ"),  # reasons against: the notice gives only reasons for
    ("What does the minister personally think of the JET Programme?", "what anyone personally thinks"),  # (was MOFA's
    ("外務大臣はJETについてどう思っていますか", "個人の意見"),                                              # card)
    ("あなたの意見を聞かせてください", "個人の意見"), ("What's your opinion on SEAs?", "personally thinks"),
    ("総務大臣はJETについてどうお考えですか", "個人の意見"),  # the honorific お (was a clarify)
    ("局長のご見解を伺えますか", "個人の意見"),  # (review 129: was the refusal of staff details, 局長 a head)
    ("Why should a town avoid hiring a CIR?", "no opinion"),
    ("Should our city hire a CIR or an ALT first?", "no opinion"),  # a choice between roles
    ("うちの町はALTとCIRのどっちから始めればいい？", "判断やおすすめ"),
    ("ALT and CIR, which one should our city hire?", "no opinion"),
    ("Which should our town hire, an ALT or a CIR?", "no opinion"),
    # whether it is good at all (were the programme's overview): no judgement, with what the notice says of it
    ("JETっていい制度だと思う？", "評価や意見は、このボットからは"), ("JETプログラムって正直いい制度だと思う？", "評価や意見は"),
    ("should MIC expand JET? your view", "judgement this bot does not make"),
    ("Do you think JET is worth it?", "judgement this bot does not make"),
    ("Is JET a good program?", "valued from many quarters"), ("JETはもっと拡大すべき？", "各方面から評価されています"),  # (review 157)
    ("当町はJETを導入すべきだと思いますか。ご意見をお聞かせください。", "個人の意見"),  # (dev217: why the notice asks)
    ("東京オリンピックって結局何年に開催されたんでしたっけ", "日付"),  # (dev226: what SEAs are, with no year)
])
def test_opinions_and_rankings_in_other_words(repo_engine: Engine, question: str, said: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and said in reply.text


@pytest.mark.parametrize(("question", "said"), [
    ("alt turnover rate 2023", "rate or share you ask for is not"),  # (was FY2023's totals)
    ("share of alts who renew to year 5", "rate or share you ask for is not"),  # (was the contract's length)
    ("任用経費のうち自治体の実質負担って何割？", "率や割合は"),
])
def test_a_rate_no_figure_gives_is_said_not_held(repo_engine: Engine, question: str, said: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and said in reply.text


@pytest.mark.parametrize(("turns", "fact"), [
    # review 129/128/130: a share of counts the answer gives is no rate "not held" (the counts are given)
    (("What share of the cumulative total do the 2023 participants represent?",), "77,172"),
    (("ALTのうちCIRの割合は？",), "468"),
    (("How many casebook cases are community activities?", "What percentage is that?"), "13"),
    (("事例集の学校の事例は何件？", "それは全体の何％？"), "17"),
])
def test_a_share_of_the_counts_given_is_not_said_to_be_missing(repo_engine: Engine, turns: tuple[str, ...],
                                                               fact: str) -> None:
    reply = talk(repo_engine, *turns)
    assert not reply.fallback and fact in reply.text and "not in the notice" not in reply.text


@pytest.mark.parametrize(("question", "fact"), [
    ("What percentage of JET participants are CIRs?", "8.0%"),  # computed from the figures: answered
    ("事例集で学校の事例の割合は？", "56.7%"),
    ("What's the grand total of JET alumni since 1987, and what share came in 2023?", "77,172"),  # a count beside
])
def test_a_rate_the_figures_give_or_a_count_beside_it_is_answered(repo_engine: Engine, question: str, fact: str) -> None:
    reply = ask(repo_engine, question)
    assert not reply.fallback and fact in reply.text


@pytest.mark.parametrize("question", ["SEAはいつ始まった？", "「SEAの制度は2014年に始まった」と資料にありますが、合っていますか？"])
def test_when_a_role_began_is_not_dated_by_jets_start(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)  # (was JET's start in 1987, and a note calling 2014 wrong)
    assert reply.fallback and "日付" in reply.text and "記載と異なります" not in reply.text


@pytest.mark.parametrize("question", ["CIR活用事例集はいつ作成されましたか", "When was the CIR casebook published?"])
def test_when_the_cir_casebook_came_out_is_not_dated_by_the_alt_casebook(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)  # (was the JET-ALT casebook's day, 2023年7月31日)
    assert reply.fallback and "7月31日" not in reply.text and "31 July" not in reply.text
    assert "ref1_cir_casebook" in [s.intent_id for s in reply.suggestions]


def test_when_jet_began_asked_after_a_background_naming_a_role_is_answered(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "スポーツ振興課からSEAについて問い合わせがありました。そもそもJETプログラム自体はいつ始まったのでしょうか。")
    assert not reply.fallback and "昭和62年度" in reply.text


def test_a_cumulative_figure_of_a_year_not_held_is_said_not_held(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "令和6年度の累計は？")  # (was the survey of that year: 累計 is a figure asked)
    assert reply.fallback and "令和6年度（2024年度）の数字や情報は" in reply.text


def test_share_the_verb_asks_for_no_share(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "Can we share the casebook with schools?")  # (was 17 of 30 cases: "about 56.7%")
    assert reply.intent_id == "casebook_use" and "%" not in reply.text


def test_elliptical_follow_ups_lean_on_the_context(repo_engine: Engine) -> None:
    assert "5,761" in ask(repo_engine, "令和元年度は？", after("size_2023")).text
    mic = ask(repo_engine, "MIC?", after("contact_mext"))
    assert mic.intent_id == "contact_mic"
    assert "468" in ask(repo_engine, "What about CIR?", after("numbers_by_type")).text


@pytest.mark.parametrize("question", ["令和6年度の要望調査の提出期限は何月何日？",
                                      "令和6年度分の新規招致者配置要望調査の提出締切はいつですか？"])
def test_a_date_the_answer_does_not_give_is_said_to_be_missing(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and ("日付" in reply.text or "締切" in reply.text)


@pytest.mark.parametrize("question", ["JETの参加者が1987年以来累計で何人いるのか知りたいです",
                                      "How many participants in total since 1987?", "1987年からの累計参加者数",
                                      "JETが始まった1987年から今までに何人参加した？",
                                      "令和5年度時点での1987年からの累計参加者数（正確な数）"])
def test_a_year_since_which_a_total_is_asked_is_no_year_asked(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)
    assert not reply.fallback and ("77,000" in reply.text or "77,172" in reply.text)  # the cumulative total


def test_firing_an_alt_is_not_answered_with_the_reasons_for_alts(repo_engine: Engine) -> None:
    assert ask(repo_engine, "Why should we fire our ALT?").fallback
    assert ask(repo_engine, "Can we fire an ALT mid-contract?").intent_id == "working_conditions"


def test_a_not_held_topic_naming_another_role_is_no_reply_below_the_threshold(repo_engine: Engine) -> None:
    assert ask(repo_engine, "事例集の英訳はある？").intent_id == "casebook_details_not_held"
    assert ask(repo_engine, "CIR英訳").intent_id == "english_names"  # the ALT casebook's translation is not asked


def test_planned_figures_are_not_held(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "SEAは何人採用予定ですか")
    assert reply.fallback and reply.intent_id is None
    assert "来年度" in reply.text and "令和5年度（2023年度）" in reply.text  # the years held are named


def test_an_attribute_an_honest_intent_declares_not_held_wins_over_the_topic(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "Can we terminate an ALT's contract mid-year?")
    assert reply.fallback and reply.intent_id != "contract_length"  # honest reply or "not sure", not the topic
    assert "contract_length" in {s.intent_id for s in reply.suggestions}  # the related topic as a choice
    # … but the topic itself is still answered when nothing of the kind is asked
    assert ask(repo_engine, "ALTの任期は何年？").intent_id == "contract_length"


def test_next_years_head_count_is_not_held_even_when_a_topic_names_next_year(repo_engine: Engine) -> None:
    # the survey for 令和6年度 (next year, seen from the notice) shares "next year" with the question
    reply = ask(repo_engine, "How many ALTs will there be next year?")
    assert reply.fallback and reply.intent_id is None
    assert reply.text.startswith("Figures or facts for next year")


def test_a_place_named_in_english_that_the_knowledge_lacks_is_not_answered_with_national_figures(
        repo_engine: Engine) -> None:
    assert ask(repo_engine, "How many CIRs are placed in Hokkaido?").fallback
    assert "468" in ask(repo_engine, "How many CIRs were there in FY2023?").text


def test_declared_details_of_a_known_document_are_not_answered_with_the_document(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "Is there an English version of the casebook?")
    assert reply.fallback and reply.intent_id == "casebook_details_not_held"
    assert "https://www.soumu.go.jp/kokusai/kouryu_JET.html" in plain_text(reply)  # where the full version is
    assert ask(repo_engine, "Tell me about the Kashiwazaki case in the ALT casebook").intent_id == "case_kashiwazaki"


def test_an_english_question_for_a_salary_says_the_amounts_are_not_held(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "What is the salary of an ALT?")
    assert reply.fallback and reply.text.startswith("The amounts are not given in the notice")


@pytest.mark.parametrize("question", ["How can we avoid mistakes in the placement request survey?",
                                      "What should not be included in the survey answers?"])
def test_avoid_or_should_not_about_a_task_is_no_opinion_about_a_role(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)
    assert "no opinion" not in plain_text(reply) and "survey" in plain_text(reply).lower()


def test_reasons_against_a_role_are_an_opinion_the_notice_does_not_give(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "Should we avoid hiring a CIR?")
    assert reply.fallback and "no opinion" in reply.text


def test_the_latest_forecast_for_next_year_is_still_about_next_year(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "来年度のALTの人数の最新の見込みを教えて")
    assert reply.fallback and reply.text.startswith("来年度（令和6年度（2024年度））の数字や情報は")


def test_why_the_notice_recommends_something_is_a_why_question_not_a_request_for_advice(repo_engine: Engine) -> None:
    assert ask(repo_engine, "Why does the notice recommend ALTs?").intent_id == "alt_why"
    assert ask(repo_engine, "Which role do you recommend for our town?").fallback


@pytest.mark.parametrize(("question", "intent"), [("CIRのボーナスは？", "funding_amount"),
                                                  ("CIRの面接官は誰がやるの？", "selection_not_held")])
def test_what_is_not_held_of_every_participant_is_said_for_one_role_below_the_threshold(
        repo_engine: Engine, question: str, intent: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and reply.intent_id == intent  # not the plain apology, not 'not sure'


def test_when_about_a_topic_whose_answer_gives_no_date_says_the_date_is_not_given(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "JET活用マニュアルとは", "いつ出た？")
    assert reply.fallback and reply.text.startswith("JET活用マニュアル（参考資料3）の日付")
    assert "ref3_manual" in {s.intent_id for s in reply.suggestions}  # the manual offered, not as the answer


@pytest.mark.parametrize("question", ["いつもお世話になっております。JET活用マニュアルはどこで手に入りますか",
                                      "What do we do when we want to read the JET manual?"])
def test_itsumo_of_a_greeting_or_when_inside_a_clause_asks_no_date(repo_engine: Engine, question: str) -> None:
    assert not ask(repo_engine, question).fallback


@pytest.mark.parametrize("question", ["When we hire an ALT, who pays?", "いつか導入したいのですが、経費はどうなりますか"])
def test_when_opening_a_clause_or_itsuka_asks_no_date(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)
    assert not reply.text.startswith(("The date you ask for", "お尋ねの日付"))


def test_a_year_not_held_says_where_figures_are_published_not_something_about_forecasts(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "平成20年度のJET参加者数は？")
    assert reply.fallback and "平成20年度" in reply.text and "見込み" not in reply.text


@pytest.mark.parametrize(("question", "said"), [("令和元年度のALTの人数は？", "令和元年度（2019年度）のALTの人数は"),
                                                ("How many ALTs in FY2019?", "Figures for ALT in fiscal 2019")])
def test_a_year_held_as_a_total_only_is_said_to_lack_the_role_asked(repo_engine: Engine, question: str,
                                                                    said: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and said in reply.text
    assert "5,761" in reply.text and "2,091" in reply.text  # the year's total shown (was only offered as a button)
    assert "資料にある人数は" not in reply.text  # not "2019's figures are missing; we have 2019's figures"


def test_the_new_participants_of_a_year_held_as_a_total_are_shown_after_a_roles_count(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "R5 新規ALT", "R1の新規は？")  # (the ALT's of 2019 are not held; the year's new are)
    assert reply.fallback and "2,091" in reply.text


@pytest.mark.parametrize("question", ["2024年度から参加者は何人になりますか", "令和6年度から何人増やせる？"])
def test_a_year_from_which_a_future_count_is_asked_is_the_year_asked(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and "令和6年度（2024年度）の数字や情報は" in reply.text


@pytest.mark.parametrize("question", ["一番多い職種ってどれ？人数も", "ALT、CIR、SEAのうち一番多いのは？",
                                      "Which role has the most participants?", "Which role has the least participants?",
                                      # (the roles' other words found what the three roles are, and it was unsure)
                                      "Which of the three JET roles has the most participants?", "JETの3職種、人数が多い順に並べて"])
def test_which_role_has_the_most_is_answered_with_the_figures_by_role(repo_engine: Engine, question: str) -> None:
    # the roles' figures are held: comparing them is no ranking the knowledge lacks (it was refused as one)
    reply = ask(repo_engine, question)
    assert reply.intent_id == "numbers_by_type" and not reply.fallback and "5,355" in reply.text


def test_a_ranking_by_country_after_a_roles_count_is_no_comparison_of_the_roles(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "R5のCIRって何人", "そのうち新規は", "どこの国の人が多い？")
    assert reply.fallback and "ランキング" in reply.text  # (was the counts by role again: 職種別 was the topic's title)
    assert talk(repo_engine, "職種別の人数", "一番多いのは？").intent_id == "numbers_by_type"  # (among the roles)


@pytest.mark.parametrize("question", ["一番多い都道府県は？", "ALT、CIR、SEAのうち、本村ではどれを招致するのが一番おすすめでしょうか。"])
def test_a_ranking_of_anything_else_or_advice_among_the_roles_is_still_not_held(repo_engine: Engine, question: str) -> None:
    assert ask(repo_engine, question).fallback


def test_which_role_has_the_fewest_as_a_follow_up_to_the_figures_by_role(repo_engine: Engine) -> None:
    # 一番 read as a new topic kept the figures out: 'rankings are not held'
    reply = ask(repo_engine, "一番少ないのは？", after("numbers_by_type"))
    assert reply.intent_id == "numbers_by_type" and "SEA 8人" in reply.text


@pytest.mark.parametrize("question", ["昨年度のALTの人数は？", "How many ALTs were there last year?"])
def test_last_years_figures_are_the_newest_held_said_to_be_of_their_year(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.text.startswith(("資料にある最新の数字は令和5年度（2023年度）のもの", "The newest figures held are for fiscal 2023"))


def test_most_of_a_group_is_no_ranking(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "What's the usual maximum total length of stay for a JET, for most participants?")
    assert reply.intent_id == "contract_length" and not reply.fallback
    assert ask(repo_engine, "Which prefecture has the most ALTs?").fallback


def test_most_of_the_role_is_no_ranking_but_the_most_is(repo_engine: Engine) -> None:
    assert ask(repo_engine, "What do most ALTs do?").intent_id == "alt_role"
    assert ask(repo_engine, "Which country sends most participants?").fallback


@pytest.mark.parametrize("question", ["H31?", "平成31年度の参加者数"])
def test_heisei_31_is_the_fiscal_year_the_notice_calls_reiwa_1(repo_engine: Engine, question: str) -> None:
    reply = talk(repo_engine, "令和5年度の参加者数は？", question)
    assert not reply.fallback and "5,761" in reply.text


def test_which_country_has_the_most_participants_is_a_ranking_not_held(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "参加者の多い国はどこ？")
    assert reply.fallback and "ランキング" in reply.text


@pytest.mark.parametrize(("question", "said"), [
    ("令和5年度のALTの給料は？", "具体的な金額は、通知本文にもこのボットの資料にも書かれていない"),
    ("How much is an ALT paid in 2023?", "The amounts are not given in the notice"),
    ("令和5年度の交付税の額は？", "具体的な金額は"),
    ("2019年度の報酬は？", "具体的な金額は"),
    ("令和5年度の経費の内訳は？", "JETプログラム参加者の任用に要する経費等については、地方財政措置"),  # what the funding covers
    ("What was the JET budget for FY2023?", "The amounts are not given"),  # (was the year's head counts)
    ("How much funding per ALT in FY2023?", "The amounts are not given"),  # (was 'not sure', the amount offered)
    ("What is the JET budget for FY2024 in yen?", "The amount you ask about is not given"),  # (was the FY2024 survey)
])
def test_money_asked_with_a_year_is_not_answered_with_that_years_head_counts(repo_engine: Engine, question: str,
                                                                             said: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.text.startswith(said)
    assert "5,831" not in reply.text


def test_an_amount_asked_after_the_local_finance_measures_is_said_not_held(repo_engine: Engine) -> None:
    assert talk(repo_engine, "地方財政措置について教えて", "何円？").text.startswith("具体的な金額は")


def test_which_country_most_come_from_in_kana_is_a_ranking_not_held(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "JETプログラムってどこの国の人がおおいの")
    assert reply.fallback and reply.text.startswith("ランキングや順位")


@pytest.mark.parametrize("turns", [("第４期教育振興基本計画の計画期間は何年から何年まで？",),  # (were the plan's answer)
                                   ("教育振興基本計画について", "その計画の計画期間は？"),
                                   ("現行の学習指導要領は何年に告示されたものですか",),
                                   ("What period does the 4th Basic Plan cover?",),
                                   ("参考資料の一覧", "それって何年版？"), ("JET活用マニュアルって何年版ですか",)])
def test_a_plans_period_or_the_guidelines_issue_is_said_not_given(repo_engine: Engine, turns: tuple[str, ...]) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.fallback and reply.text.startswith(("お尋ねの期間", "The period you ask for"))
    assert "6月16日" not in reply.text and "16 June" not in reply.text


def test_the_year_something_began_that_the_answer_does_not_date_is_said_not_given(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "ALTの任用経費の地方財政措置って何年度から始まったんですか")  # (was the measures' answer)
    assert reply.fallback and reply.text.startswith("お尋ねの日付")


@pytest.mark.parametrize(("turns", "fact"), [(("教育振興基本計画について", "その計画っていつのもの？"), "令和5年6月16日"),
                                             (("JETって何年からやってるの？",), "昭和62年度"), (("任用期間は？",), "1年")])
def test_when_a_plan_was_decided_jet_began_or_the_contract_runs_is_still_answered(
        repo_engine: Engine, turns: tuple[str, ...], fact: str) -> None:
    reply = talk(repo_engine, *turns)
    assert not reply.fallback and fact in reply.text


def test_when_a_policy_document_is_revised_is_a_date_not_given_not_the_casebooks_revision(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "学習指導要領の改訂はいつ？")
    assert reply.text.startswith("お尋ねの日付") and "事例集" not in reply.text.split("。")[0]


@pytest.mark.parametrize(("question", "intent"), [("どちらに問い合わせればいい？", "contact_list"),
                                                  ("ALTとCIRの違いは？", "alt_vs_cir")])
def test_which_office_to_ask_or_how_roles_differ_is_no_opinion(repo_engine: Engine, question: str, intent: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.intent_id == intent and not reply.fallback


@pytest.mark.parametrize("question", ["ALTとCIRの件はどちらに問い合わせればいい？", "ALTとCIRどちらも同時に要望していいですか？",
                                      "Should we send our ALT or CIR request straight to CLAIR?"])
def test_a_question_naming_two_roles_is_no_choice_between_them(repo_engine: Engine, question: str) -> None:
    assert "判断やおすすめ" not in ask(repo_engine, question).text and "no opinion" not in ask(repo_engine, question).text


@pytest.mark.parametrize(("question", "said"), [
    ("Could you confirm whether JET really started in 1987 and how many countries take part?", "78 countries"),
    ("JETは1987年に始まったの？", "昭和62年度"), ("1987年から何人参加した？", "77,172")])
def test_the_year_the_programme_began_is_no_year_whose_figures_are_asked(repo_engine: Engine, question: str,
                                                                         said: str) -> None:
    reply = ask(repo_engine, question)
    assert not reply.fallback and said in reply.text  # (was "figures for fiscal 1987 are not held")


def test_an_unknown_subject_gets_the_apology_not_an_unrelated_topic(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "その自治体の人口は？")  # (a "not held" intent, not sure, offered CLAIR's role)
    assert reply.fallback and not reply.suggestions and reply.kind == "fallback"


@pytest.mark.parametrize(("question", "said"), [
    ("参考資料5には何が載っていますか？", "参考資料5は、通知に別添されていません（別添の参考資料は1〜4です）"),
    ("what's in attachment 6 of the notice?", "no reference material 6 (its attachments are reference materials 1–4)"),
    ("別添資料７はどこ？", "参考資料7は"),
    ("参考資料5はありますか？中身は？", "参考資料5は、通知に別添されていません"),  # (中身は read alone: the local finance)
    ("参考資料⑤はありますか", "参考資料5は、通知に別添されていません"),
])
def test_an_attachment_the_notice_does_not_have_is_said_to_be_missing(repo_engine: Engine, question: str,
                                                                      said: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and said in reply.text
    assert reply.suggestions  # the attachments it has, as choices


def test_an_attachment_the_notice_has_is_answered_even_after_one_it_lacks(repo_engine: Engine) -> None:
    assert "マニュアル" in ask(repo_engine, "参考資料3は何？").text
    assert "reference material 3" in ask(repo_engine, "reference material 3?").text.lower()
    assert "別添されていません" in talk(repo_engine, "参考資料2は？", "参考資料5は？").text
    # the question asks for 3 and 4; the 5 added after it does not take its place
    assert ask(repo_engine, "参考資料3と4はどこでダウンロードできますか？あと参考資料5も").intent_id == "references_list"


def test_the_attachments_held_are_read_from_the_facts_only_when_a_number_is_asked() -> None:
    read: list[str] = []

    def facts() -> list[str]:
        read.append("facts")
        return ["参考資料1は…", "参考資料2と参考資料4は…"]

    assert attachment_missing("参考資料の一覧は？", facts) is None and not read
    assert attachment_missing("参考資料3は？", facts) == ("3", "1・2・4")
    assert attachment_missing("Attachment No. 2?", facts) is None
    assert attachment_missing("参考資料12", lambda: ["参考資料1", "参考資料2"]) == ("12", "1〜2")



@pytest.mark.parametrize("question", ["Which one should I go with for a question on recruitment abroad, MIC or MOFA?",
                                      "Which one should I get the survey form from, CLAIR or the prefecture?"])
def test_which_office_to_turn_to_is_no_opinion_asked(repo_engine: Engine, question: str) -> None:
    assert "no opinion" not in ask(repo_engine, question).text


def test_a_count_of_sheets_is_no_attachment_number() -> None:
    assert attachment_missing("別紙10枚を添付してメールしてもいい？", lambda: ["参考資料1", "参考資料4"]) is None
    assert attachment_missing("attachment 12 pages long", lambda: ["参考資料1"]) is None


def test_the_previous_year_after_a_years_count_is_the_year_before_it(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "How many CIRs in FY2023?", "And the previous year?")
    assert reply.fallback and reply.text.startswith("Figures or facts for fiscal 2022 are not in the notice")



def test_a_year_lacking_a_roles_figure_stays_the_topic_for_the_next_role(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "令和元年度のALTの人数は？", "CIRは？")
    assert reply.fallback and reply.text.startswith("令和元年度（2019年度）のCIRの人数は、通知にも")



@pytest.mark.parametrize("turns", [("令和5年度の新規ALT", "前の年度だと？"), ("参加者数（令和5年度）", "その前の年度はどうだった？"),
                                   ("令和4年度の新規CIRは？",)])  # (was the policy of 令和4年6月7日 on CIRs)
def test_the_year_before_in_other_words_is_the_year_before(repo_engine: Engine, turns: tuple[str, ...]) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.fallback and reply.text.startswith("令和4年度（2022年度）の数字や情報は")


def test_the_previous_year_with_no_year_talked_about_is_last_year_the_newest_figures_said_so(
        repo_engine: Engine) -> None:
    reply = ask(repo_engine, "前年度の参加者数は？")
    assert "資料にある最新の数字は令和5年度（2023年度）のもの" in reply.text


@pytest.mark.parametrize("question", ["R1 SEA", "R1のCIR", "2019 ALT"])
def test_a_year_and_a_role_alone_ask_the_roles_count_of_that_year(repo_engine: Engine, question: str) -> None:
    """「R1 SEA」: 2019 is held as a total only, so the role's count that year is not held (was the total)."""
    reply = ask(repo_engine, question)
    assert reply.fallback and "5,761" not in reply.text.split("\n")[0]


def test_the_programmes_budget_is_an_amount_not_its_size(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "JET全体の予算規模は？")  # 規模 is also the notice's 世界最大規模
    assert reply.fallback and "77,000" not in reply.text


@pytest.mark.parametrize("question", ["事例集の何ページに立山町が載ってる？", "Which page of the casebook is the Tateyama case on?"])
def test_a_page_number_is_not_held(repo_engine: Engine, question: str) -> None:
    """No file prints the casebook's pages (「どのページに掲載されていますか」 asks which web page: the link)."""
    assert ask(repo_engine, question).fallback
    assert not ask(repo_engine, "事例集はどのページに掲載されていますか").fallback
    assert "kouryu_JET" in ask(repo_engine, "JET-ALT活動事例集の掲載ページ").text  # the web page it is posted on


@pytest.mark.parametrize("question", ["Is JET better than Interac? Which would you pick?", "Which would you pick, ALT or CIR?"])
def test_which_would_you_pick_asks_an_opinion(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and "no opinion" in reply.text


def test_how_to_ask_for_more_next_year_is_no_question_about_next_years_figures(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "来年度JETの配置人数を今より増やしたいと考えております。増員の希望はどこに、どういう経路で"
                             "出せばよいでしょうか。")
    assert not reply.fallback and "取りまとめ団体" in reply.text  # (was: next year's figures are not held)


@pytest.mark.parametrize(("question", "fact"), [("通知の何ページに問い合わせ先が書いてある？", "総務省自治行政局国際室"),
                                                ("参考資料2は何ページ目？", "地方財政措置")])
def test_a_page_of_the_notice_is_asked_with_what_is_on_it(repo_engine: Engine, question: str, fact: str) -> None:
    """Only the casebook's pages read as a page number not held (the notice's contacts were refused as one)."""
    assert fact in ask(repo_engine, question).text


@pytest.mark.parametrize(("question", "said"), [
    ("第５期教育振興基本計画ではALTはどう扱われますか？",
     "第5期教育振興基本計画は、通知にもこのボットの資料にもありません（通知が引いているのは第4期教育振興基本計画です）"),
    ("What does the 5th Basic Plan say about ALTs?",
     "The 5th Basic Plan for the Promotion of Education is not in the notice"),
])
def test_an_edition_of_a_plan_the_notice_does_not_cite_is_said_so_with_the_one_it_cites(
        repo_engine: Engine, question: str, said: str) -> None:
    reply = ask(repo_engine, question)  # (was the 4th plan's content, as if it were the 5th's)
    assert reply.fallback and reply.text.startswith(said)
    assert "education_plan" in {s.intent_id for s in reply.suggestions}
    assert not ask(repo_engine, "第4期教育振興基本計画ではALTは？").fallback


def test_an_edition_asked_as_a_follow_up_is_of_the_plan_talked_about(repo_engine: Engine) -> None:
    assert talk(repo_engine, "第4期教育振興基本計画ではALTは？", "第5期は?").text.startswith("第5期教育振興基本計画は")
    # another plan's edition is no edition of the education plan (「第2期教育振興基本計画は…」 was said)
    assert "教育振興基本計画" not in talk(repo_engine, "デジ田の基本方針ではCIRについて何と？", "第2期の計画もある？").text
    assert "第5期教育振興基本計画" not in ask(repo_engine, "第5期科学技術基本計画とALT").text


@pytest.mark.parametrize("question", ["R5 ALT 中学校だけの人数", "中学校のALTは何人？", "How many ALTs work in elementary schools?",
                                      "高校に配置されているALTの割合は？"])
def test_a_head_count_by_school_level_is_not_held(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)  # (was 2023's figures of all ALTs, or what an ALT does)
    assert reply.fallback and ("学校の種類ごとの人数" in reply.text or "by school level" in reply.text)
    assert "5,355" not in reply.text


def test_after_a_head_count_by_school_level_the_whole_is_the_years_figures(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "ALT 中学校 人数 R5", "全体では?")  # (was the casebook's full version: 全体版)
    assert reply.intent_id == "size_2023" and "5,831" in reply.text


@pytest.mark.parametrize("question", ["FY2024 ALT numbers?", "R6 ALT numbers"])
def test_numbers_asked_of_a_year_not_held_are_said_not_held(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)  # ('numbers' asked no count: how to ask for a placement was answered)
    assert reply.fallback and reply.intent_id is None and ("2024" in reply.text)


@pytest.mark.parametrize("question", ["JETはH元年に始まった？", "JETってR元年スタート？"])
def test_an_abbreviated_first_year_said_of_the_start_is_no_year_asked(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.intent_id == "history" and "1987" in plain_text(reply)


def test_a_head_count_of_a_year_without_figures_is_not_the_source_dated_that_year(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "How many JET participants in 2015?")
    assert reply.fallback and "2015" in reply.text and reply.intent_id != "contract_length"


@pytest.mark.parametrize("question", ["CIR total 2019?", "SEA total in 2019?"])
def test_a_roles_total_of_a_year_held_only_as_a_whole_is_not_held(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)  # (not 2023's count, nor the year read as a count checked)
    assert reply.fallback and "2019" in reply.text and "468" not in reply.text and "8人" not in reply.text


@pytest.mark.parametrize("turns", [("When was the JET-ALT casebook published?", "And 2019?"),
                                   ("JET-ALT活動事例集はいつ公表されましたか", "And in FY2019?")])
def test_a_year_whose_figures_are_held_asked_after_another_topic_gets_them(repo_engine: Engine,
                                                                           turns: tuple[str, ...]) -> None:
    reply = talk(repo_engine, *turns)  # (was 'no figures for 2019', then 'the figures held are for … 2019')
    assert not reply.fallback and reply.intent_id == "size_2019" and ("5,761" in reply.text)


@pytest.mark.parametrize(("turns", "said"), [
    (("Tell me CIR number in 2019 year",), "Figures for CIR in fiscal 2019 are not in the notice"),
    # after the ALTs' place in the Course of Study, the year's ALTs (was 'no figures for 令和元年度' and then
    # 'the figures held are for … 令和元年度')
    (("学習指導要領ではALTについてどう書かれていますか", "令和元年度は？"), "令和元年度（2019年度）のALTの人数は、通知にも"),
])
def test_a_role_of_a_year_held_as_a_total_only_is_said_so(repo_engine: Engine, turns: tuple[str, ...], said: str) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.fallback and reply.text.startswith(said)



@pytest.mark.parametrize("question", ["How many SEAs were placed specifically for the Tokyo Olympics?",
                                      "東京オリンピックのあとSEAは何人増えたの？",
                                      "How many CIRs work on inbound tourism nationwide?"])
def test_a_head_count_of_what_no_figure_counts_is_said_not_given(repo_engine: Engine, question: str) -> None:
    reply = talk(repo_engine, question)  # (dev192/dev193: each was the role's or the policy's answer, as if it counted)
    assert reply.fallback and ("お尋ねの人数は" in reply.text or "The number of people you ask about" in reply.text)
    assert any(s.intent_id == "numbers_by_type" for s in reply.suggestions)


@pytest.mark.parametrize(("question", "said"), [("SEAは何人？", "SEA 8人"), ("配置人数を増やしたい場合も要望調査に出すの？", "要望調査"),
                                                ("how many ALT examples got written up in the new casebook", "30")])
def test_a_head_count_printed_or_a_plan_to_add_more_is_answered(repo_engine: Engine, question: str, said: str) -> None:
    reply = talk(repo_engine, question)
    assert not reply.fallback and said in reply.text


@pytest.mark.parametrize("question", ["JETって意味ある？", "JETってそもそも意味あるの？", "JETプログラムって正直やる意味あると思います？"])
def test_whether_jet_is_worth_doing_is_an_opinion_not_held(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)  # (dev216: was what the term JET-ALT means; r161: with what the notice says)
    assert reply.fallback and "評価や意見" in reply.text and "各方面から評価されています" in reply.text
    assert "通知がJETプログラムの活用をお願いする理由" in reply.text and "JET-ALTとは" not in reply.text


def test_what_a_term_means_is_still_answered(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "JET-ALTの意味は？")
    assert not reply.fallback and reply.intent_id == "jet_alt_term"

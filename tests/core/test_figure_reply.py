"""Computed figures as users read them: the sum written out, then the facts it comes from, cited."""
from __future__ import annotations

import pytest

from asking import ask, talk
from bot.core.figure_reply import sentence
from bot.core.figures import Derivation, Figure
from bot.core.render import plain_text
from bot.engine import Engine

ALT = Figure("participants", 5355, "5,355", "breakdown", 2023, "ALT")
CIR = Figure("participants", 468, "468", "breakdown", 2023, "CIR")


def test_the_sentence_names_both_operands_and_writes_the_sum_out() -> None:
    ratio = Derivation("ratio", ALT, CIR, 5355 / 468)
    assert sentence(ratio, "ja") == ("令和5年度（2023年度）のALTは5,355人、CIRは468人で、ALTはCIRの約11.4倍です"
                                     "（5,355 ÷ 468 ≒ 11.4）（公表された数字からの計算です）。")
    assert sentence(ratio, "en") == ("In fiscal 2023, there were 5,355 ALTs and 468 CIRs: about 11.4 times as many "
                                     "(5,355 ÷ 468 ≈ 11.4) (calculated from the published figures).")


def test_a_fall_between_years_is_said_as_a_fall() -> None:
    before, after = Figure("countries", 57, "57", "s19", 2019), Figure("countries", 50, "50", "s23", 2023)
    said = sentence(Derivation("difference", after, before, -7), "ja")
    assert said.startswith("参加国は令和元年度（2019年度）の57か国から令和5年度（2023年度）の50か国へ、7か国減っています")
    assert "（50 − 57 = −7）" in said


@pytest.mark.parametrize("question, computed", [
    ("R1→R5 参加者数 増減 何人?", "70人増えています（5,831 − 5,761 = 70）"),
    ("累計参加者はR1からR5で何人増えた？", "6,511人増えています（77,172 − 70,661 = 6,511）"),
    ("R5でALTとCIRって何人ちがうの？", "ALTのほうが4,887人多いです"),
    ("CIR R5 継続者数（総数−新規）", "新規以外（継続）は314人です（468 − 154 = 314）"),
    ("【MEXT】ALT事例集、学校分野の事例の割合 %で。ざっくりでOK", "約56.7%です（17 ÷ 30 ≒ 56.7%）"),
    ("How many more ALTs than CIRs were there in FY2023?", "a difference of 4,887 (5,355 − 468 = 4,887)"),
    ("R5のALTとCIR、合わせると何人？", "合計5,823人です（5,355 + 468 = 5,823）"),
    ("参加国の数は令和元年度と令和5年度でどう違いますか？", "7か国減っています（50 − 57 = −7）"),
    ("Were there fewer participating countries in 2023 than in 2019, and by how many?", "down by 7 (50 − 57 = −7)"),
    ("CIRを除くと何人", "CIR 468人を除くと5,363人です（5,831 − 468 = 5,363）"),
    ("SEAを除いた参加者数は？", "5,823人です（5,831 − 8 = 5,823）"),
    ("How many 2023 JETs were not ALTs?", "5,831 participants, less 5,355 ALTs: 476 (5,831 − 5,355 = 476)"),
    ("ALT is how many times CIR?", "about 11.4 times as many (5,355 ÷ 468 ≈ 11.4)"),
    ("CIR1人に対してALTは何人くらい？", "ALTはCIRの約11.4倍です（5,355 ÷ 468 ≒ 11.4）"),  # (was the figures alone)
    ("ALT何人に対してSEA1人くらいの計算？", "ALTはSEAの約669.4倍です（5,355 ÷ 8 ≒ 669.4）"),
    ("How many ALTs for every one CIR?", "about 11.4 times as many (5,355 ÷ 468 ≈ 11.4)"),
    ("CIRひとりに対してALTは何人くらい？", "ALTはCIRの約11.4倍です"),
    ("R5 ALT CIR 差", "ALTのほうが4,887人多いです（5,355 − 468 = 4,887）"),  # two roles and 差: their counts
    ("R5 参加者 R1比 増減", "70人増えています（5,831 − 5,761 = 70）"),  # R1比 is the year compared with, no ratio
    ("New ALTs as a share of all 2023 participants?", "1,837 new ALTs out of 5,831 participants: about 31.5%"),
    ("What fraction of 2019 participants were new?", "about 36.3%"),  # (review 128: the figures, no share)
])
def test_a_sum_asked_of_the_figures_is_computed_and_shown(repo_engine: Engine, question: str, computed: str) -> None:
    reply = ask(repo_engine, question)
    assert computed in reply.text
    assert not reply.fallback


def test_the_reply_quotes_and_cites_the_facts_it_computed_from(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "令和元年度と令和5年度で参加国の数はどう変わった？")
    shown = plain_text(reply)
    assert "57か国から" in shown and "50か国へ、7か国減っています" in shown
    assert "令和元年度（2019年度）の参加者は57か国から5,761人" in shown  # the facts, as printed
    assert "令和5年度（2023年度）のJETプログラム参加者は50か国から5,831人" in shown
    assert reply.source is not None and "総務省" in reply.source
    assert reply.links


def test_the_conversation_goes_on_from_the_figures_topic(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "R5でALTとCIRって何人ちがうの？", "令和元年度は？")
    assert "5,761" in reply.text


@pytest.mark.parametrize("turns, computed", [
    (("新規のALTは何人？", "継続は？"), "新規以外（継続）は3,518人です（5,355 − 1,837 = 3,518）"),
    (("How many new CIRs were there?", "And how many are continuing?"), "314 continuing (468 − 154 = 314)"),
    (("事例集の事例数は？", "学校と地域、どっちが多い？"), "学校における活動のほうが4事例多いです（17 − 13 = 4）"),
    (("CIRの人数", "ALTとの差"), "ALTのほうが4,887人多いです"),  # their totals, not the new ones of the topic's title
    (("事例集の学校と地域の内訳は？", "差は？"), "学校における活動のほうが4事例多いです"),
    (("累計参加者は？", "2019年からどれくらい増えた？"), "6,511人増えています（77,172 − 70,661 = 6,511）"),
])
def test_a_sum_that_names_no_count_of_its_own_is_read_with_the_conversations_topic(
        repo_engine: Engine, turns: tuple[str, ...], computed: str) -> None:
    assert computed in talk(repo_engine, *turns).text


@pytest.mark.parametrize("turns", [
    ("令和5年度の参加国数は？", "令和元年度との差は？"),
    ("令和5年度の参加国数は？", "R1は？", "差は？"),  # the count is remembered through a follow-up naming none
    ("How many countries did participants come from in FY2023?", "What's the difference from FY2019?"),
    ("How many nations in 2019?", "and in 2023?", "how many fewer?"),  # "how many" alone asks no people
    ("参加国は何か国？", "so it went down by how many?"),
])
def test_what_the_conversation_counted_is_what_a_follow_up_compares(repo_engine: Engine,
                                                                    turns: tuple[str, ...]) -> None:
    first_line = talk(repo_engine, *turns).text.split("\n")[0]
    assert "57" in first_line and "50" in first_line and "5,761" not in first_line


@pytest.mark.parametrize("turns", [
    ("令和元年度の参加国数は？", "令和5年度の参加者は？", "差は？"),  # the user moved on to participants
    ("令和5年度の参加国数は？", "その差は何人？"),                    # heads asked, not countries
    ("How many countries in 2019?", "How many participants in 2023?", "Difference?"),
])
def test_a_head_count_asked_since_replaces_what_was_counted(repo_engine: Engine, turns: tuple[str, ...]) -> None:
    assert "70" in talk(repo_engine, *turns).text.split("\n")[0]


def test_countries_are_of_no_role_so_the_next_year_asked_is_the_countries_of_that_year(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "CIRは何人？", "参加国数は？", "令和元年度は？")
    assert not reply.fallback and "57か国" in reply.text


@pytest.mark.parametrize("turns, computed", [
    (("ALTの人数", "そのうち新規は何%？"), "約34.3%です（1,837 ÷ 5,355 ≒ 34.3%）"),  # of the ALTs, not of all in 2019
    (("CIRは何人？", "そのうち新規の割合は？"), "約32.9%"),
    (("How many CIRs were new in 2023?", "What share of them were new?"), "about 32.9%"),
])
def test_a_share_of_those_just_counted(repo_engine: Engine, turns: tuple[str, ...], computed: str) -> None:
    assert computed in talk(repo_engine, *turns).text


def test_a_role_among_the_new_ones_just_counted_is_not_computed(repo_engine: Engine) -> None:
    # 「そのうちCIRは何%？」 after the new participants: SEA's new ones are not given, so there is no total to divide by
    assert "計算" not in talk(repo_engine, "令和5年度の新規参加者は？", "そのうちCIRは何%？").text


def test_the_writers_own_plans_are_no_forecast(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "お世話になります。CIRとSEAの人数の差を資料に記載する予定です。教えてください。")
    assert "460人多いです（468 − 8 = 460）" in reply.text


def test_a_follow_up_naming_a_role_no_longer_counts_what_was_counted(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "How many participants were there in FY2019?", "How many of them were new?",
                 "And how many were ALTs?")
    assert reply.fallback and "ALT" in reply.text  # no ALT figure of 2019 is held, new or not


@pytest.mark.parametrize("turns", [
    ("令和5年度の新規CIRは？", "2019年と比べて増えた？"),  # no CIR figure of 2019 is held: not all participants'
    ("ALTの新規は何人？", "令和元年度より増えた？"),
])
def test_a_follow_up_sum_whose_count_is_unclear_or_not_held_is_not_computed(repo_engine: Engine,
                                                                           turns: tuple[str, ...]) -> None:
    assert "計算" not in talk(repo_engine, *turns).text


@pytest.mark.parametrize("question", ["創設から令和5年度まで何年？", "JETができてから何年？", "今年で何年？",
                                      "How many years since JET was founded?"])
def test_the_years_since_the_start_however_asked(repo_engine: Engine, question: str) -> None:
    assert "36" in ask(repo_engine, question).text.split("\n")[0]


def test_up_to_which_year_a_participant_renews_is_no_years_since_the_start(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "うちのALT今2年目なんだけど、普通は何年目まで更新できる？")  # (was JET's 37th year)
    assert reply.intent_id == "contract_length" and "計算" not in reply.text


def test_when_it_was_founded_is_no_sum(repo_engine: Engine) -> None:
    assert "計算" not in ask(repo_engine, "JETの創設は何年？").text


def test_the_years_since_the_programme_began(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "JETって始まってから何年たつの？令和5年度の時点で")
    assert "令和5年度（2023年度）の時点で36年が経っています（37年目）（2023 − 1987 = 36）" in reply.text
    assert "昭和62年度（1987年度）に創設されました" in reply.text  # the fact it is computed from


def test_a_question_about_roles_that_asks_no_count_is_not_computed(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "ALTとCIRの違いは？")
    assert "計算" not in reply.text and "学校" in reply.text


def test_a_roles_total_of_one_year_is_that_roles_count_and_its_follow_ups_stay_with_the_role(
        repo_engine: Engine) -> None:
    first = talk(repo_engine, "FY2023 CIR total?")
    assert first.text.startswith("According to MIC's release of 31 July 2023, fiscal 2023 (令和5年度) figures by type are: CIR 468")
    reply = talk(repo_engine, "FY2023 CIR total?", "And how many were new?", "And in FY2019?")
    assert reply.fallback and "CIR" in reply.text and "5,761" not in reply.text.split("\n")[0]


def test_a_share_of_a_roles_whole_after_its_new_ones_is_of_that_role(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "令和5年度のCIRの新規は何人？", "CIR全体に対して何％？")
    assert "154 ÷ 468" in reply.text and "32.9%" in reply.text


@pytest.mark.parametrize(("last", "said"), [("Together?", "5,355 + 468 = 5,823"), ("差は？", "5,355 − 468 = 4,887"),
                                            ("何倍？", "5,355 ÷ 468")])
def test_a_sum_or_difference_after_two_roles_counted_in_turn_is_of_both(repo_engine: Engine, last: str,
                                                                        said: str) -> None:
    reply = talk(repo_engine, "ALTは何人？", "CIRは？", last)
    assert said in reply.text


def test_a_part_asked_after_two_roles_counted_in_turn_is_of_the_last(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "ALTは何人？", "CIRは？", "新規は？")
    assert "新規154人" in reply.text and "1,837" not in reply.text


def test_a_share_of_all_of_a_role_in_english_is_of_that_role(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "How many new CIRs in FY2023?", "What percentage of all CIRs is that?")
    assert "154 ÷ 468" in reply.text


def test_continuing_after_the_new_ones_of_them_is_of_the_role_and_year_asked(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "How many ALTs in FY2023?", "And how many of them are new?", "So how many continuing?")
    assert "5,355 − 1,837 = 3,518" in reply.text


def test_a_comparison_naming_the_other_role_is_with_the_role_just_counted(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "ALTは何人？", "CIRと比べて何人多い？")
    assert "5,355 − 468 = 4,887" in reply.text



@pytest.mark.parametrize(("turns", "said"), [
    (("ALTの新規は何人", "CIRは？", "差は？"), "1,837 − 154 = 1,683"),
    (("How many new ALTs?", "And CIRs?", "Combined?"), "1,837 + 154 = 1,991"),
])
def test_a_bare_role_after_the_new_ones_keeps_counting_the_new_ones(repo_engine: Engine, turns: tuple[str, ...],
                                                                   said: str) -> None:
    assert said in talk(repo_engine, *turns).text


def test_new_alts_and_new_cirs_together_are_summed(repo_engine: Engine) -> None:
    assert "1,837 + 154 = 1,991" in talk(repo_engine, "新規ALTと新規CIRを合わせて何人？").text


def test_all_of_three_roles_added_is_no_sum_of_the_last_two(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "ALTの人数を教えて", "CIRの方は？", "SEAの人数は？", "全部足すと？")
    assert "5,355 + 468 + 8 = 5,831" in reply.text  # (was the counts by type: no sum of the last two)


def test_a_count_asked_as_count_is_that_roles_and_its_follow_ups_stay_with_it(repo_engine: Engine) -> None:
    first = talk(repo_engine, "CIR count please")
    assert "CIR 468" in first.text and "5,355" not in first.text
    reply = talk(repo_engine, "CIR count please", "How many of them are new?", "And how many returning?")
    assert "468 − 154 = 314" in reply.text


@pytest.mark.parametrize(("turns", "said"), [
    (("ALTは何人？", "継続の割合は？"), "ALT 5,355人のうち継続（新規以外）は3,518人で、約65.7%です（(5,355 − 1,837) ÷ 5,355 ≒ 65.7%）"),
    (("How many ALTs?", "What share are continuing?"), "3,518 continuing ALTs out of 5,355 ALTs: about 65.7%"),
    (("CIRはALTの何%？",), "CIRは468人、ALTは5,355人で、CIRはALTの約8.7%です（468 ÷ 5,355 ≒ 8.7%）"),
    (("What percentage of ALTs are CIRs?",), "the CIRs are about 8.7% of the ALTs' number"),
    (("ALTは何人？", "CIRは？", "合わせると全体の何％？"), "参加者5,831人のうちALTとCIRは5,823人で、約99.9%です（(5,355 + 468) ÷ 5,831"),
])
def test_shares_of_the_continuing_of_another_role_and_of_two_roles_together(repo_engine: Engine,
                                                                           turns: tuple[str, ...], said: str) -> None:
    assert said in talk(repo_engine, *turns).text


@pytest.mark.parametrize(("turns", "said"), [
    (("新規のALTとCIRを合わせると全体の何%？",), "ALTとCIRの新規は1,991人で、約34.1%です（(1,837 + 154) ÷ 5,831"),
    (("CIRは何人いますか", "ALTの何％？"), "CIRはALTの約8.7%です（468 ÷ 5,355"),  # the CIRs of the ALTs, not the ALTs' share
    (("学校の事例と地域の事例の比率",), "約1.3倍です（17 ÷ 13 ≒ 1.3）"),
])
def test_shares_keep_what_was_counted_and_whose_share_it_is(repo_engine: Engine, turns: tuple[str, ...],
                                                             said: str) -> None:
    assert said in talk(repo_engine, *turns).text


def test_the_new_ones_share_after_a_roles_count_is_that_roles_not_another_years(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "CIRは令和5年度何人？", "新規の割合は？")
    assert "154 ÷ 468 ≒ 32.9%" in reply.text and "2,091" not in reply.text


def test_a_share_of_all_the_new_ones_is_not_computed_from_two_roles(repo_engine: Engine) -> None:
    # everyone's new ones of 2023 are not printed (SEA's are not): no share of them, nor of all participants instead
    reply = talk(repo_engine, "ALT新規は？", "CIRの新規は？", "合わせると新規全体の何％？")
    assert "%" not in reply.text.split("。")[0] and "5,831" not in reply.text.split("。")[0]


def test_a_share_of_a_roles_new_ones_not_held_is_not_everyones_of_another_year(repo_engine: Engine) -> None:
    assert "2,091" not in talk(repo_engine, "SEAの人数を教えて", "新規の比率は？").text


def test_a_role_among_all_three_in_english_is_its_share_of_everyone(repo_engine: Engine) -> None:
    assert "8 ÷ 5,831" in talk(repo_engine, "Among ALT, CIR and SEA, what share are SEAs?").text


def test_the_continuing_ones_after_a_years_new_ones_by_role_are_not_another_years(repo_engine: Engine) -> None:
    # the new ones of 2023 are counted for ALT and CIR only: no continuing total of 2019 in their place
    reply = talk(repo_engine, "令和5年度の参加者数", "そのうち新規は？", "継続は何人？")
    assert "3,670" not in reply.text and "令和元年度" not in reply.text.split("。")[0]


def test_the_countries_since_1987_are_not_computed_with_a_years_participants(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "累計の参加国数と令和5年度の参加国数の差は？")
    assert "6,511" not in reply.text  # (was the cumulative participants' difference)


@pytest.mark.parametrize(("turns", "said"), [
    (("CIR何人", "全体に占める割合", "新規の割合は？"), "154 ÷ 468"),  # (was 2019's share of everyone)
    (("ALTは何人？", "CIRは？", "合計は？", "その差は？"), "5,355 − 468 = 4,887"),  # (was 2019 → 2023 participants)
    (("ALTは何人？", "CIRは？", "合計は？"), "5,355 + 468 = 5,823"),  # the two counted, not all three
])
def test_a_computed_figure_keeps_the_roles_the_conversation_counted(repo_engine: Engine, turns: tuple[str, ...],
                                                                     said: str) -> None:
    assert said in talk(repo_engine, *turns).text


@pytest.mark.parametrize(("question", "said"), [("ALTじゃない参加者の数", "5,831 − 5,355 = 476"),  # (was municipalities)
                                              ("SEAで新しく来た人は何人？", "SEAの「新規」")])  # not held for SEA
def test_everyday_words_for_what_is_counted(repo_engine: Engine, question: str, said: str) -> None:
    assert said in talk(repo_engine, question).text


@pytest.mark.parametrize("turns", [("How many JET participants were not ALTs in 2023?", "and not CIRs?"),
                                   ("How many participants excluding SEAs?", "not CIRs?")])
def test_another_role_left_out_next_is_left_out_of_the_same_count(repo_engine: Engine, turns: tuple[str, ...]) -> None:
    assert "5,831 − 468 = 5,363" in talk(repo_engine, *turns).text  # (was the programme's size again)


def test_no_other_years_figure_is_computed_in_a_conversation_about_one_year(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "令和5年度の参加者は？", "新規の割合は？")  # 2023's new ones are printed by role only
    assert "2,091" not in reply.text and "36.3" not in reply.text



def test_a_sum_after_roles_a_year_does_not_hold_is_no_sum_of_another_year(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "令和元年度のSEAは何人いた？", "ALTは？", "合計は？")
    assert "5,363" not in reply.text and "令和5年度" not in reply.text.split("\n")[0]


@pytest.mark.parametrize("question", ["新規ALT1人に対して新規CIRは何人くらい？", "How many CIRs per one ALT?"])
def test_a_ratio_per_one_of_the_larger_is_not_turned_round(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)  # (was "ALT is about 11.9 times CIR": the question turned round)
    assert "倍" not in reply.text and "times" not in reply.text and "1,837" in plain_text(reply)


def test_minutes_per_child_in_a_case_are_no_sum_of_the_cases(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "柏崎の事例って子ども1人あたり何分ALTと話すんでしたっけ")  # (was 17 ÷ 13 ≒ 1.3)
    assert reply.intent_id == "case_kashiwazaki" and "3分" in reply.text and "÷" not in reply.text

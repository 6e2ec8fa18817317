"""The three roles added up: a sum of three printed figures, the year's published total of participants."""
from __future__ import annotations

import pytest

from asking import talk
from bot.core.figure_all_roles import all_roles_summed
from bot.core.figures import Figure
from bot.engine import Engine

FIGURES = (Figure("participants", 5355, "5,355", "breakdown", 2023, "ALT"),
           Figure("participants", 468, "468", "breakdown", 2023, "CIR"),
           Figure("participants", 8, "8", "breakdown", 2023, "SEA"),
           Figure("participants", 5831, "5,831", "stats", 2023),
           Figure("participants", 5761, "5,761", "stats_2019", 2019))


def test_three_roles_added_up_are_written_out_and_matched_with_the_published_total() -> None:
    line, used = all_roles_summed(FIGURES, "altとcirとseaの合計は?", (), "ja")
    assert "5,355 + 468 + 8 = 5,831" in line and "参加者全体の人数と同じ" in line
    assert [f.fact for f in used] == ["breakdown"] * 3 + ["stats"]


def test_the_roles_a_conversation_counted_count_as_named() -> None:
    assert all_roles_summed(FIGURES, "seaも入れると合計は?", ("alt", "cir"), "ja") is not None
    assert all_roles_summed(FIGURES, "seaも入れると合計は?", ("alt",), "ja") is None  # two roles: a plain sum
    assert all_roles_summed(FIGURES, "altとcirとseaの違いは?", (), "ja") is None     # nothing added up


def test_a_year_without_figures_by_role_gives_its_total_and_says_so() -> None:
    line, used = all_roles_summed(FIGURES, "2019年度のaltとcirとseaの合計は?", (), "en")
    assert "not held" in line and "5,761" in line and used == (FIGURES[4],)


@pytest.mark.parametrize(("turns", "said"), [
    (("ALTとCIRの人数は？", "SEAも入れると合計は？"), "5,355 + 468 + 8 = 5,831"),
    (("ALTは何人？", "CIRは？", "SEAも入れると合計は？"), "5,355 + 468 + 8 = 5,831"),
    (("What is ALT + CIR + SEA?",), "add up to 5,831"),
    (("令和元年度のALTとCIRとSEAの合計は？",), "5,761人"),
    (("SEAは何人？", "ALTとCIRも全部足すと？"), "5,355 + 468 + 8 = 5,831"),  # (「CIR も」 as read: ALT and CIR alone)
])
def test_all_three_roles_summed_in_a_conversation(repo_engine: Engine, turns: tuple[str, ...], said: str) -> None:
    reply = talk(repo_engine, *turns)
    assert not reply.fallback and said in reply.text  # (was 'not sure', or the roles' differences)


@pytest.mark.parametrize("question", ["r5 new alt+cir 合計 (sea除く)", "alt+cir+sea 新規の合計は?", "alt, cir, sea excluding sea total",
                                      "alt、cir、seaのうち、新しく来た人の合計は?", "altとcirとseaの新人の合計"])
def test_new_ones_or_a_role_left_out_are_no_sum_of_all_three(question: str) -> None:
    assert all_roles_summed(FIGURES, question, (), "ja") is None


@pytest.mark.parametrize("turns", [("ALTは何人？", "CIRは？", "全部でいくつ？"), ("ALTは何人？", "全部で何人？"),
                                   ("How many ALTs?", "How many in total?")])
def test_all_of_them_after_a_roles_count_is_the_three_roles_total(repo_engine: Engine, turns: tuple[str, ...]) -> None:
    reply = talk(repo_engine, *turns)
    assert "5,831" in reply.text.split("\n")[0]  # (「全部でいくつ？」 was the reference materials' count)


def test_all_of_them_with_no_count_before_is_read_as_it_is(repo_engine: Engine) -> None:
    assert talk(repo_engine, "参考資料は？", "全部でいくつ？").intent_id == "references_list"



def test_all_of_them_after_a_year_without_roles_is_that_years_total(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "令和元年度のALTの人数は？", "CIRは？", "全体は？")
    assert "5,761人" in reply.text and "5,831" not in reply.text.split("。")[0]


def test_the_total_after_one_roles_count_is_everyone(repo_engine) -> None:
    # 「合計は？」 after the ALTs' count got the apology (「全部で？」 gave 5,831)
    assert "5,831" in talk(repo_engine, "ALTは何人？", "合計は？").text
    assert "5,823" in talk(repo_engine, "ALTは何人？", "CIRは？", "合計は？").text  # two roles: their sum
    # three in turn: all of them (was CIR and SEA, the last two); a difference stays of the last two
    assert "5,355 + 468 + 8 = 5,831" in talk(repo_engine, "ALTの人数は？", "CIRは？", "SEAは？", "合計は？").text
    assert "468 − 8 = 460" in talk(repo_engine, "ALTの人数は？", "CIRは？", "SEAは？", "差は？").text


@pytest.mark.parametrize(("turns", "said"), [
    (("How many ALTs?", "CIRs?", "And SEAs?", "Total?"), "5,355 + 468 + 8 = 5,831"),
    (("How many ALTs?", "And CIRs?", "What's the total?"), "5,355 + 468 = 5,823"),
    (("How many ALTs are there?", "Total?"), "5,831")])
def test_total_in_english_after_counts_is_their_sum(repo_engine: Engine, turns: tuple[str, ...], said: str) -> None:
    # "total" alone reads as the cumulative total (77,172 since 1987 was shown)
    assert said in talk(repo_engine, *turns).text


def test_total_with_nothing_counted_before_is_the_cumulative_total(repo_engine: Engine) -> None:
    assert "77,172" in talk(repo_engine, "Total?").text


def test_two_roles_named_after_three_counted_are_those_two(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "ALTの人数は？", "CIRは？", "SEAは？", "CIRとSEAを足すと？")
    assert "468 + 8 = 476" in reply.text and "5,831" not in reply.text.split("\n")[0]

"""Figures computed from the printed ones: which sum a question asks, and from which operands."""
from __future__ import annotations

import pytest

from bot.core.figure_asked import operation_asked
from bot.core.figures import Figure, derive

FIGURES = (
    Figure("founded", 1987, "1987", "history"),
    Figure("participants", 5831, "5,831", "stats_2023", 2023),
    Figure("countries", 50, "50", "stats_2023", 2023),
    Figure("participants", 5355, "5,355", "breakdown", 2023, "ALT"),
    Figure("new", 1837, "1,837", "breakdown", 2023, "ALT"),
    Figure("participants", 468, "468", "breakdown", 2023, "CIR"),
    Figure("new", 154, "154", "breakdown", 2023, "CIR"),
    Figure("participants", 8, "8", "breakdown", 2023, "SEA"),
    Figure("participants", 5761, "5,761", "stats_2019", 2019),
    Figure("countries", 57, "57", "stats_2019", 2019),
    Figure("new", 2091, "2,091", "stats_2019", 2019),
    Figure("cases", 30, "30", "casebook_count"),
    Figure("cases", 17, "17", "casebook_split", part="school"),
    Figure("cases", 13, "13", "casebook_split", part="community"),
)


def sums(text: str) -> tuple[str, int, int, float] | None:
    """What ``derive`` computes for a cleaned question: (operation, first, second, result)."""
    d = derive(FIGURES, text)
    return None if d is None else (d.operation, d.first.value, d.second.value, round(d.result, 3))


def test_a_change_between_two_years_is_the_later_minus_the_earlier() -> None:
    assert sums("令和1年度→令和5年度 参加者数 増減 何人?") == ("difference", 5831, 5761, 70)
    assert sums("how many fewer countries in 2023 than 2019?") == ("difference", 50, 57, -7)


def test_the_casebooks_fields_compared_are_a_difference_of_cases() -> None:
    # (dev195: 事例 counts as what is counted; 「何件多い」 is read 「件数 多い」 once the synonyms are applied)
    assert sums("学校の 事例 と地域の 事例 の差は?") == ("difference", 17, 13, 4)
    assert sums("事例集 の学校の 事例 と地域の 事例 、どっちが 件数 多い?") == ("difference", 17, 13, 4)
    assert sums("学校の 事例 と地域の 事例 の違いは?") is None  # what sets the fields apart


def test_a_change_asked_without_years_is_between_the_two_years_held() -> None:
    assert sums("参加者は増えている?") == ("difference", 5831, 5761, 70)
    assert sums("is the number of countries going up or down?") == ("difference", 50, 57, -7)
    assert sums("昨年度より参加者は増えた?") is None  # last year's figure is not held


def test_a_change_in_per_cent_between_two_years() -> None:
    assert sums("by how many percent did participants change between 2019 and 2023?") == (
        "growth", 5831, 5761, pytest.approx(0.012, abs=1e-3))


def test_two_roles_added_up_leave_out_the_one_excluded() -> None:
    assert sums("令和5年度 new alt+cir 合計 (sea除く)") == ("sum", 1837, 154, 1991)


def test_the_years_since_the_programme_began_as_of_the_year_named_or_the_latest_held() -> None:
    assert sums("jetって始まってから何年たつの?令和5年度の時点で") == ("elapsed", 2023, 1987, 36)
    assert sums("jetは何周年?") == ("elapsed", 2023, 1987, 36)
    assert sums("創設 の昭和62年度から 令和5年度 まで何年?") == ("elapsed", 2023, 1987, 36)  # (was the year's totals)


def test_the_whole_of_a_role_is_that_roles_total_not_everyone() -> None:
    assert sums("令和5年度、新規 alt は alt 全体の何割?") == ("share", 1837, 5355, pytest.approx(0.343, abs=1e-3))
    # 「全体ALT」, the whole written first (was of every participant: 31.5 %)
    assert sums("r5の新規altは全体altの何%") == ("share", 1837, 5355, pytest.approx(0.343, abs=1e-3))


def test_all_participants_less_a_role_left_out() -> None:
    assert sums("sea 以外の参加者は何人") == ("excluding", 5831, 8, 5823)


@pytest.mark.parametrize("question", ["how many participants in 2023 were not alts?",
                                      "how many participants other than alts in 2023?",
                                      "how many participants weren't alts in fy2023?",
                                      "besides the alts, how many participants in 2023?",
                                      "how many non-alt participants were there in 2023?"])
def test_a_role_left_out_in_english(question: str) -> None:
    assert sums(question) == ("excluding", 5831, 5355, 476)


@pytest.mark.parametrize("question", ["isn't the alt count 5,355?", "don't the alt numbers include new ones?"])
def test_a_figure_checked_with_not_is_no_role_left_out(question: str) -> None:
    assert sums(question) is None or sums(question)[0] != "excluding"


def test_a_small_ratio_is_said_the_other_way_round() -> None:
    assert sums("sea と cir の比は?") == ("ratio", 468, 8, 58.5)


def test_two_roles_compared_put_the_larger_first() -> None:
    assert sums("令和5年度 sea と cir はどっちが多い?") == ("difference", 468, 8, 460)
    assert sums("alt は cir の何倍?") == ("ratio", 5355, 468, pytest.approx(11.442, abs=1e-3))


def test_a_share_is_a_role_of_all_or_the_new_ones_of_their_total() -> None:
    assert sums("令和5年度 alt 比率(全参加者中)%") == ("share", 5355, 5831, pytest.approx(0.918, abs=1e-3))
    assert sums("what share of the new participants in 2019?") == ("share", 2091, 5761, pytest.approx(0.363, abs=1e-3))


def test_the_new_ones_share_of_everyone_when_asked_so() -> None:
    assert sums("新規の alt は全体の何パーセント?") == ("share", 1837, 5831, pytest.approx(0.315, abs=1e-3))
    assert sums("alt のうち新規の割合は?") == ("share", 1837, 5355, pytest.approx(0.343, abs=1e-3))


def test_continuing_participants_are_the_total_minus_the_new_ones() -> None:
    assert sums("cir 令和5年度 継続者数(総数−新規)") == ("continuing", 468, 154, 314)


def test_the_casebook_fields_against_each_other_and_the_whole() -> None:
    assert sums("学校分野の事例の割合は何%?") == ("share", 17, 30, pytest.approx(0.567, abs=1e-3))
    assert sums("学校と地域の事例の数の差は?") == ("difference", 17, 13, 4)
    assert sums("事例数の差は?") == ("difference", 17, 13, 4)  # the casebook's two fields, when none is named


@pytest.mark.parametrize("question", [
    "alt と cir の違いは?",            # what sets the roles apart, not a count
    "sea の継続者数は?",               # SEA's new participants are not printed
    "令和4年度と令和5年度の参加者数の差は?",  # no figure for 2022
    "令和5年度の新規の割合は?",          # the new participants of 2023 are printed by role only
    "参加者は何人?",                    # a plain count: the matcher answers it
    "is the alt's salary 100 percent covered?",  # money, not heads
    "alt を増やすと交付税も増える?",
    "前年比は?",                        # the year before is not held
    "新規のうち cir の割合は?",           # the new ones are not counted for every role
    "cir の割合は増えている?",            # no CIR figure of 2019
    "女性 alt の割合は?",                # a breakdown the figures lack
    "参加者は今後増える見込み?",          # a forecast
    "cir の比率を増やすべき?",           # an opinion
    "継続は?",                          # of whom? (read with the conversation's topic: test_figure_reply.py)
    "人数の違いは?",                     # between what?
])
def test_what_cannot_be_computed_exactly_is_left_to_the_matcher(question: str) -> None:
    assert sums(question) is None


def test_the_operation_asked() -> None:
    assert operation_asked("alt と cir の人数の差") == "difference"
    assert operation_asked("alt は cir の何倍") == "ratio"
    assert operation_asked("新規の割合") == "share"
    assert operation_asked("alt の役割") is None


def test_the_continuing_ones_share_is_the_total_less_the_new_of_the_total() -> None:
    assert sums("alt のうち継続の割合は?") == ("share", 3518, 5355, pytest.approx(0.657, abs=1e-3))
    assert sums("2019年度の継続の割合は何%?") == ("share", 3670, 5761, pytest.approx(0.637, abs=1e-3))
    assert sums("令和5年度の継続の割合は?") is None  # the new participants of 2023 are printed by role only


def test_one_role_as_a_share_of_another_when_the_question_says_which() -> None:
    assert sums("cir は alt の何%?") == ("share", 468, 5355, pytest.approx(0.087, abs=1e-3))
    assert sums("cirs as a percentage of alts?") == ("share", 468, 5355, pytest.approx(0.087, abs=1e-3))
    assert sums("alt と cir の割合は?") is None  # whose share of what?


def test_two_roles_added_up_as_a_share_of_everyone() -> None:
    assert sums("alt と cir を合わせると全体の何%?") == ("share", 5823, 5831, pytest.approx(0.999, abs=1e-3))


def test_ratios_and_counts_in_everyday_words() -> None:
    assert sums("cir の人数 alt の何ばい?") == ("ratio", 5355, 468, pytest.approx(11.442, abs=1e-3))
    assert sums("cir は alt と比べて何分の1くらい?") == ("ratio", 5355, 468, pytest.approx(11.442, abs=1e-3))
    assert sums("国の数は減ってるの?") == ("difference", 50, 57, -7)


def test_a_role_among_all_three_listed_is_its_share_of_everyone() -> None:
    assert sums("alt、cir、sea のうち cir は何%?") == ("share", 468, 5831, pytest.approx(0.080, abs=1e-3))


def test_how_many_years_ago_it_was_founded_is_the_years_since_as_of_the_latest_figures() -> None:
    assert sums("jet は何年前にできた?") == ("elapsed", 2023, 1987, 36)
    assert sums("年数 ago was jet 創設?") == ("elapsed", 2023, 1987, 36)  # "how many years" read as 年数


def test_a_continuing_rate_and_the_not_first_year_ones_are_the_continuing_ones() -> None:
    assert sums("alt の継続率") == ("share", 3518, 5355, pytest.approx(0.657, abs=1e-3))
    assert sums("alts who are not first-year, 2023 — number?") == ("continuing", 5355, 1837, 3518)
    assert sums("2年目以上の alt って何人いる計算?") == ("continuing", 5355, 1837, 3518)
    assert sums("what is the retention rate of alts?") == ("share", 3518, 5355, pytest.approx(0.657, abs=1e-3))


def test_how_many_renew_is_no_sum_of_the_figures() -> None:
    assert sums("what percentage of alts renew for a second year?") is None  # (was the ALTs' share of everyone)
    assert sums("alt の何パーセントが2年目も更新しますか") is None

"""Years in every spelling meet: 2023年度, FY2023, R5 and 令和5年度 are one year."""
from __future__ import annotations

import pytest

from bot.core.years import normalise, relative_year, years_in


@pytest.mark.parametrize("written", ["令和5年度", "2023年度", "fy2023", "fy 2023", "fy23", "r5", "fiscal year 2023",
                                     "reiwa 5", "reiwa5"])  # (the era in Latin letters: was no year)
def test_every_spelling_of_a_fiscal_year_is_one_form(written: str) -> None:
    assert normalise(f"{written}の人数") == "令和5年度の人数"
    assert years_in(written) == {2023}


def test_the_first_year_of_an_era_and_the_founding_year() -> None:
    assert years_in("令和元年度") == {2019} and normalise("1987年度") == "昭和62年度"


@pytest.mark.parametrize("text", ["03-5253-5527", "2000人", "5,831人", "30事例", "fy230"])
def test_numbers_that_are_not_years_stay(text: str) -> None:
    assert normalise(text) == text and years_in(text) == set()


@pytest.mark.parametrize(("question", "kind"), [
    ("今年度の参加者数", "current"), ("最新の人数", "current"), ("what's the latest figure", "current"),
    ("来年度の募集人数", "next"), ("next year's numbers", "next"), ("昨年度は", "previous"),
    ("何人いますか", None), ("do you know", None),
    ("来年度予算の資料に現在のALTの人数を入れたい", "current"),  # next year is the purpose, now is asked
    ("らいねんどのALTの人数は？", "next"), ("こんねんどのCIRは何人？", "current"),  # (typed in kana on a phone)
])
def test_relative_years(question: str, kind: str | None) -> None:
    assert relative_year(question) == kind


def test_a_year_before_a_comma_is_a_year_but_a_thousands_separator_is_not() -> None:
    assert normalise("in fy2019, how many took part") == "in 令和1年度, how many took part"
    assert normalise("77,172人") == "77,172人" and normalise("2,019") == "2,019"


def test_now_beside_next_year_asks_about_now_unless_a_forecast_is_asked() -> None:
    assert relative_year("来年度予算の資料に現在の人数を入れたい") == "current"
    assert relative_year("来年度の人数の最新の見込み") == "next"
    assert relative_year("the latest forecast for next year") == "next"


def test_the_first_year_written_without_an_era_is_the_present_eras() -> None:
    assert normalise("元年度 累計") == "令和1年度 累計" and years_in("元年度の参加者") == {2019}
    assert normalise("地元年度末") == "地元年度末", "元年度 inside a word is no year"
    assert years_in("jet元年度") == set(), "the programme's first year"


def test_an_era_abbreviated_with_its_first_year_is_that_year() -> None:
    assert years_in("r元年度は何か国から来てた") == {2019} and years_in("r元") == {2019}
    assert years_in("h元年度の累計") == {1989}, "Heisei's first, not the present era's"


def test_the_first_year_of_an_era_in_latin_letters() -> None:
    assert normalise("reiwa gannen") == "令和1年度" and normalise("heisei 31") == "令和1年度"

"""A date or a year asked in a follow-up: 「その年のSEAは？」 names the year of the figures just given."""
from __future__ import annotations

import pytest

from asking import after
from bot.core.follow_up_dates import in_that_year
from bot.engine import Engine


@pytest.mark.parametrize(("text", "read"), [("その年のSEAは？", "2023年度のSEAは？"),
                                            ("How many ALTs that year?", "How many ALTs in FY2023?")])
def test_that_year_is_the_year_of_the_figures_just_given(repo_engine: Engine, text: str, read: str) -> None:
    assert in_that_year(repo_engine.kb, text, after("size_2023")) == read


@pytest.mark.parametrize("text", ["その年齢は？", "その年間の予定は？", "SEAは？"])
def test_no_year_is_named_without_that_year(repo_engine: Engine, text: str) -> None:
    assert in_that_year(repo_engine.kb, text, after("size_2023")) is None


def test_a_topic_of_several_years_names_none(repo_engine: Engine) -> None:
    assert in_that_year(repo_engine.kb, "その年のSEAは？", after("figures_trend_not_held")) is None

"""A date or a year asked in a follow-up: 「その年のSEAは？」 names the year of the figures just given."""
from __future__ import annotations

import pytest

from asking import after, talk
from bot.core.follow_up_dates import in_that_year, role_count_of_that_year
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


@pytest.mark.parametrize(("text", "read"), [("ALTだけだと何人だった？", "2019年度のALTだけだと何人だった？"),
                                            ("How many ALTs?", "How many ALTs? in FY2019")])
def test_a_roles_count_after_an_older_years_figures_is_asked_of_that_year(repo_engine: Engine, text: str,
                                                                          read: str) -> None:
    assert role_count_of_that_year(repo_engine.kb, text, after("size_2019")) == read


@pytest.mark.parametrize(("topic", "text"), [("size_2023", "ALTは何人？"),  # the newest year: found alone anyway
                                             ("size_2019", "2023年度のALTは何人？"), ("size_2019", "ALTの役割は？"),
                                             ("size_2019", "最新のALTの人数は？"), ("alt_role", "ALTは何人？")])
def test_no_year_is_carried_to_a_count_that_names_one_or_is_no_count(repo_engine: Engine, topic: str,
                                                                     text: str) -> None:
    assert role_count_of_that_year(repo_engine.kb, text, after(topic)) is None


def test_a_roles_count_of_2019_says_that_years_figures_are_a_total_only(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "令和元年度のJET参加者数は？", "新規はそのうち何人？", "ALTだけだと何人だった？")
    assert reply.fallback and "令和元年度（2019年度）のALTの人数は" in reply.text and "5,355" not in reply.text


def test_a_plan_after_an_older_years_figures_is_no_count_of_that_year(repo_engine: Engine) -> None:
    assert role_count_of_that_year(repo_engine.kb, "ALTを増やしたいんだけど何人まで？", after("size_2019")) is None


@pytest.mark.parametrize("text", ["how many ALTs can we request?", "How many ALTs are there?",
                                  "How many ALTs are in the casebook?", "how many CIRs do we need for a city of 100k?"])
def test_only_a_bare_roles_count_is_asked_of_that_year(repo_engine: Engine, text: str) -> None:
    assert role_count_of_that_year(repo_engine.kb, text, after("size_2019")) is None

"""A year asked that the knowledge holds nothing for is a gap; a topic of no year asked of one is that topic."""
from __future__ import annotations

import pytest

from bot.core.gap_years import Reading, related, year_check
from bot.core.matcher import Scored
from bot.core.orthography import clean
from bot.engine import Engine
from asking import talk


def _checked(repo_engine: Engine, question: str) -> Reading:
    kb = repo_engine.kb
    text = clean(question)
    analysis = kb.matcher.analyse(text)
    return year_check(kb, text, analysis, kb.matcher.rank(analysis), None, question)


def test_a_year_no_figures_are_held_for_is_a_gap_naming_it(repo_engine: Engine) -> None:
    reading = _checked(repo_engine, "令和7年度の参加者は？")
    assert reading.gap is not None and reading.gap.kind == "year" and reading.gap.year == 2025


@pytest.mark.parametrize("question", ["JET participants in 2024?", "How many JET participants in 2024?"])
def test_participants_of_a_year_not_held_asked_tersely_are_a_gap(repo_engine: Engine, question: str) -> None:
    reply = talk(repo_engine, question)  # (the terse one was the 2024 survey's answer, as if it gave the count)
    assert reply.fallback and "fiscal 2024 are not in the notice" in reply.text


@pytest.mark.parametrize("question", ["令和4年度と比べて令和5年度の参加者は増えた？", "2022年度から2023年度でALTは何人増えた？"])
def test_a_comparison_with_a_year_not_held_names_that_year(repo_engine: Engine, question: str) -> None:
    reply = talk(repo_engine, question)  # (dev195: was fiscal 2023's figures alone, as if they answered)
    assert reply.fallback and reply.text.startswith("令和4年度（2022年度）の数字や情報は")


def test_a_comparison_of_two_years_held_is_computed(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "令和元年度と比べて令和5年度の参加者は増えた？")
    assert not reply.fallback and "70人増えています" in reply.text


def test_what_only_the_year_tied_to_another_topic_is_read_without_it(repo_engine: Engine) -> None:
    reading = _checked(repo_engine, "令和6年度は1自治体何人まで要望できますか？")  # (was the 2024 survey's answer)
    assert reading.gap is None and reading.ranked[0].intent_id == "hiring_capacity_not_held"


def test_a_topic_of_no_year_asked_of_one_is_read_without_the_year(repo_engine: Engine) -> None:
    reading = _checked(repo_engine, "Is there an ALT manual for FY2026?")
    assert reading.gap is None and reading.ranked[0].intent_id == "ref3_manual"


def test_the_related_intents_put_those_named_first_without_repeats() -> None:
    scores = [("a", 80.0), ("b", 70.0), ("c", 60.0)]
    ranked = [Scored(i, name, score, 1.0, 1.0, 1.0) for i, (name, score) in enumerate(scores)]
    assert related(ranked, "c", "a") == ("c", "a", "b")


def test_a_year_some_topic_holds_is_read_with_the_year(repo_engine: Engine) -> None:
    reading = _checked(repo_engine, "What was decided in 2022?")  # (the cabinet decision of 7 June 2022)
    assert reading.gap is None and reading.ranked[0].intent_id == "digiden_policy"


@pytest.mark.parametrize(("question", "topic"), [("令和5年度の問い合わせ先は？", "contact_list"),  # (was 2023's figures)
                                                 ("令和7年度のCIRの役割は？", "cir_role")])  # (was "2025 not held")
def test_a_topic_no_fiscal_year_belongs_to_is_answered_whatever_year_is_asked(repo_engine: Engine, question: str,
                                                                              topic: str) -> None:
    reading = _checked(repo_engine, question)
    assert reading.gap is None and reading.ranked[0].intent_id == topic


def test_a_dated_topic_asked_of_another_year_names_the_year_it_is_of(repo_engine: Engine) -> None:
    reading = _checked(repo_engine, "令和6年度の事例集って出てる？")  # (was the survey of 令和6年度)
    assert reading.gap is not None and reading.gap.year == 2024 and reading.gap.related[0] == "casebook_published"
    assert _checked(repo_engine, "令和7年度の要望調査は？").gap.related[0] == "survey_what"  # (2024's is held)


@pytest.mark.parametrize("question", ["2019年の事例集は？", "FY2019 casebook?"])
def test_the_topic_asked_of_a_year_of_figures_is_not_those_figures(repo_engine: Engine, question: str) -> None:
    reading = _checked(repo_engine, question)  # (was 2019's participants: the casebook came out in 2023)
    assert reading.gap is not None and reading.gap.year == 2019 and reading.gap.related[0] == "casebook_published"


@pytest.mark.parametrize("question", ["2019年の任用期間は？", "令和5年度の任用期間は？"])
def test_the_contract_asked_of_a_year_is_the_contract(repo_engine: Engine, question: str) -> None:
    reading = _checked(repo_engine, question)  # (was that year's head counts)
    assert reading.gap is None and reading.ranked[0].intent_id == "contract_length"


def test_a_year_that_may_ask_figures_of_jet_stays_a_year_not_held(repo_engine: Engine) -> None:
    reading = _checked(repo_engine, "2020年度のJETについて")
    assert reading.gap is not None and "size_2019" in reading.gap.related  # (not the procedure, dated 2024)


@pytest.mark.parametrize(("question", "topic"), [("令和4年の閣議決定は何？", "digiden_policy"),
                                                 ("2023年の閣議決定は何？", "education_plan")])  # (were the overview)
def test_a_topic_of_the_year_asked_is_found_by_the_year(repo_engine: Engine, question: str, topic: str) -> None:
    reading = _checked(repo_engine, question)
    assert reading.gap is None and reading.ranked[0].intent_id == topic


def test_when_a_survey_of_a_year_not_held_is_asked_names_the_year_held(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "令和7年度の要望調査はいつ？")  # (the timing is not given; the survey held is 2024's)
    assert reply.intent_id == "survey_timing" and "令和6年度（2024年度）分" in reply.text


@pytest.mark.parametrize(("question", "intent_id"), [
    ("令和5年度のSEAとは？", "sea_role"),  # (was FY2023's head counts: a year and a role alone ask a count)
    ("2019年のCIRとは", "cir_role"),
    ("令和5年度のALTとは？", "alt_role"),  # (not 「のALTとは」: the term JET-ALT, review 122)
])
def test_what_a_role_is_asked_with_a_year_is_what_it_is(repo_engine: Engine, question: str, intent_id: str) -> None:
    assert talk(repo_engine, question).intent_id == intent_id


def test_a_year_and_a_role_alone_still_ask_its_count(repo_engine: Engine) -> None:
    assert "SEA 8" in talk(repo_engine, "R5 SEA").text
    assert "5,831" in talk(repo_engine, "令和5年度とは？").text  # a year alone: that year's figures (review 121)


def test_a_count_to_raise_next_year_is_a_plan_not_next_years_figures(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "すでにALTがいる町が、来年度から人数を増やしたい場合も同じ調査で要望するのでしょうか。")
    assert not reply.fallback and "取りまとめ団体" in reply.text  # (dev174: was "next year's figures are not held")
    assert talk(repo_engine, "来年度のALTの人数は何人の見込み？").fallback  # the count itself asked: still not held

"""Counts held for something else only: another attachment's cases, one role's share of what is counted of all."""
from __future__ import annotations

import pytest

from asking import ask
from bot.engine import Engine


@pytest.mark.parametrize(("question", "said"), [
    ("CIR活用事例集には何件の事例が載っていますか", "CIR活用事例集（参考資料1）に掲載されている事例の数は"),
    ("How many cases are in the CIR casebook?", "The number of cases in the CIR casebook"),
])
def test_a_count_asked_of_another_attachment_is_not_the_casebooks_30(repo_engine: Engine, question: str,
                                                                       said: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and reply.text.startswith(said) and "30" not in reply.text
    assert {s.intent_id for s in reply.suggestions} >= {"ref1_cir_casebook", "casebook_count"}


def test_the_casebooks_own_count_is_still_answered(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "事例集には何件載ってる？")
    assert not reply.fallback and "30事例" in reply.text


@pytest.mark.parametrize(("question", "said"), [
    ("CIRの累計は何人？", "CIRだけの累計の人数"),
    ("How many CIRs in total since 1987 up to 2023?", "A cumulative number of CIRs alone"),
])
def test_a_cumulative_total_of_one_role_is_not_held(repo_engine: Engine, question: str, said: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and reply.text.startswith(said) and "468" not in reply.text


@pytest.mark.parametrize(("question", "said"), [
    ("令和5年度のCIRは何か国から来ている？", "CIRだけの出身国の数"),
    ("How many countries did ALTs come from in 2023?", "The number of countries ALTs alone come from"),
])
def test_the_countries_of_one_role_are_not_held(repo_engine: Engine, question: str, said: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and reply.text.startswith(said)


@pytest.mark.parametrize(("question", "count"), [("国際交流員の人数、最新の全国数を教えて", "468"), ("SEAの全国数は？", "SEA 8")])
def test_a_nationwide_count_is_no_count_of_countries(repo_engine: Engine, question: str, count: str) -> None:
    reply = ask(repo_engine, question)  # (全国数: 国数 inside it)
    assert not reply.fallback and count in reply.text


def test_a_roles_total_in_one_year_is_its_count(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "FY2023 CIR total?")
    assert not reply.fallback and "CIR 468" in reply.text

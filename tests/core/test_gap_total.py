"""A year's total printed by role only: said not given, with the roles' figures beside it (not summed)."""
from __future__ import annotations

import pytest

from asking import ask, talk
from bot.core.render import plain_text
from bot.engine import Engine


@pytest.mark.parametrize("question", ["令和5年度の新規参加者の総数は何人ですか。", "令和5年度の新規は合計何人？",
                                      "2023年度の新規は全部で何人？"])
def test_the_new_participants_of_2023_in_all_are_not_given(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and reply.text.startswith("令和5年度（2023年度）の新規参加者全体の人数は")
    assert "ALT 1,837人、CIR 154人" in reply.text  # what is printed, by role
    assert "1,991" not in reply.text  # no sum that leaves the SEAs out
    assert reply.source and "01gyosei05_02000205" in plain_text(reply)  # whose figures they are (r165)


def test_in_english_too(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "How many new participants in 2023?")
    assert reply.fallback and reply.text.startswith("The total of new participants in fiscal 2023 is not given")
    assert "ALT 1,837, CIR 154" in reply.text


def test_the_year_stays_the_topic(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "令和5年度の新規参加者の総数は？", "全体の参加者数は？")
    assert not reply.fallback and "5,831" in reply.text


@pytest.mark.parametrize(("question", "said"), [
    ("令和元年度の新規参加者は何人？", "2,091"),  # printed whole for 2019
    ("令和5年度のALTの新規は？", "1,837"),  # a role named: its own figure
    ("令和6年度分の新規招致者配置要望調査の対象は？", "令和6年度"),  # the survey's name, no head count
])
def test_a_total_printed_or_a_role_named_is_answered(repo_engine: Engine, question: str, said: str) -> None:
    reply = ask(repo_engine, question)
    assert not reply.fallback and said in reply.text

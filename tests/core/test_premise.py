"""A figure the user half remembers is checked: the question is read as asking for it, and the printed figure is
given, whatever was guessed."""
from __future__ import annotations

import pytest

from asking import talk
from bot.core.premise import asked_plainly
from bot.engine import Engine


@pytest.mark.parametrize(("question", "read"), [
    ("ALTって6,000人くらいいるんだっけ？", "altって何人くらいいるんだっけ?"),
    ("事例集って20事例くらいだったよね？", "事例集って何事例くらいだったよね?"),
    ("参加国は80か国ですか？", "参加国は何か国ですか?"),
    ("JETは1988年からでしたっけ？", "jetはいつからでしたっけ?"),
    ("要望調査って令和5年度分の話だっけ？", "要望調査って何年度分の話だっけ?"),
    ("任期は3年ですか？", "任期は何年ですか?"),
    ("令和5年度のALTは5,000人以上？", "令和5年度のaltは何人以上?"),  # the year says which figures; the count is checked
    ("Are there about 6000 ALTs?", "are there how many alts?"),
    ("Did JET start in 1988?", "did jet start when?"),
    ("Is the survey for FY2023?", "is the survey for which year?"),
    ("So there are 5355 ALTs in 2023?", "so there are how many alts in 2023?"),
])
def test_a_guessed_figure_is_read_as_the_question_for_it(question: str, read: str) -> None:
    assert asked_plainly(question) == read


@pytest.mark.parametrize("question", [
    "30事例のうち学校の事例は何事例？",          # asks something: no check
    "参考資料2ですか？",                          # a document's number, no counter
    "03-5253-5527で合ってますか？",              # a phone number
    "令和5年度のALTの人数は？",                  # a year that says which figures
    "How many ALTs in 2023?",
    "当町ではALTを3人雇用しています。事例集はどこで見られますか？",  # the background keeps its numbers
    "事例集は令和5年度に作られた資料を見ればいい",  # no question
    "SEAを1人だけ受け入れることはできますか？",   # a number planned with, not said to be what there is
    "5年を超えて働けますか？",
    "当町では現在ALTを3人任用していますが、来年度は4人に増やせますか？",
    "Do we need 2 ALTs for one school?", "Is it OK to have 2 ALTs in one school?",
])
def test_a_question_that_checks_no_figure_is_read_as_written(question: str) -> None:
    assert asked_plainly(question) == question


def test_a_figure_the_knowledge_prints_stays_it_names_its_year() -> None:
    assert asked_plainly("新規は全部で2,091人でしたっけ？", {2091}) == "新規は全部で2,091人でしたっけ？"
    assert asked_plainly("So there are 5355 ALTs in 2023?", {5355}) == "So there are 5355 ALTs in 2023?"
    assert asked_plainly("So there are 6000 ALTs in 2023?", {5355}) == "so there are how many alts in 2023?"


@pytest.mark.parametrize(("question", "fact"), [
    ("ALTって6,000人くらいいるんだっけ？", "5,355"), ("ALTは5,000人以上いますか？", "5,355"),
    ("Are there about 6000 ALTs?", "5,355"), ("事例集って20事例くらいだったよね？", "30事例"),
    ("JETは1988年からでしたっけ？", "昭和62年度"), ("Did JET start in 1988?", "1987"),
    ("要望調査って令和5年度分の話だっけ？", "令和6年度"), ("Is the survey for FY2023?", "fiscal 2024"),
    ("参加国は80か国ですか？", "78か国"), ("JETって1990年スタートでしたよね", "昭和62年度"),
])
def test_a_wrong_guess_gets_the_printed_figure(repo_engine: Engine, question: str, fact: str) -> None:
    reply = talk(repo_engine, question)
    assert not reply.fallback and fact in reply.text

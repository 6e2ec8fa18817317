"""A role said to be something it may not be is read as the question of what the role does, so the reply gives the
role as printed."""
from __future__ import annotations

import pytest

from asking import talk
from bot.core.orthography import clean
from bot.core.premise_role import role_guessed
from bot.engine import Engine


@pytest.mark.parametrize(("question", "read"), [
    ("CIRは学校で英語を教える人ですよね？", "cirはどんな仕事をする人ですか"),
    ("SEAは体育の先生ですよね？", "seaはどんな仕事をする人ですか"),
    ("CIRは市役所で働くんでしたっけ", "cirはどんな仕事をする人ですか"),
    ("ALTは役所の国際交流担当の人ですよね", "altはどんな仕事をする人ですか"),  # (review 144: was what a CIR does)
    ("CIRs teach English in schools, right?", "what does a cir do?"),
    ("Is an SEA a PE teacher?", "what does a sea do?"),
])
def test_a_description_of_a_role_checked_asks_what_the_role_does(question: str, read: str) -> None:
    assert role_guessed(clean(question)) == read


@pytest.mark.parametrize("question", [
    "ALTって教員免許持ってないとダメ？",  # (dev: eligibility, not the role)
    "SEAって学校の部活指導もお願いできる？",  # what a town may ask of one
    "JETのALTって英語以外の言語の人もいる？",
    "SEAって学校に配属されるの？",  # where one is placed: not printed
    "ALTは配置要望調査で要望するんですよね？",  # the survey is what it names
    "CIRは5,000人くらいいますよね？",  # a count
    "ALTs need a teaching license, right?",
    "CIRs can work at schools too, right?",
])
def test_a_check_about_something_else_is_left_to_what_it_names(question: str) -> None:
    assert role_guessed(clean(question)) is None


@pytest.mark.parametrize(("question", "fact", "not_said"), [
    ("CIRは学校で英語を教える人ですよね？", "国際交流", "英語名は"),  # (was the English names)
    ("ALTは市役所で通訳する人ですよね？", "授業", "CIR（国際交流員）は"),  # (was what a CIR does)
    ("A CIR is an English teacher at a school, correct?", "international exchange", "not sure"),  # (was unsure)
    ("SEAは体育の先生ですよね？", "スポーツ", "申し訳"),  # (was the apology)
])
def test_a_wrong_description_gets_the_role_as_printed(repo_engine: Engine, question: str, fact: str,
                                                       not_said: str) -> None:
    reply = talk(repo_engine, question)
    assert not reply.fallback and fact in reply.text and not_said not in reply.text

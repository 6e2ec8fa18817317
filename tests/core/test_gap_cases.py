"""A case on a subject the sources never name: not known, the cases described named, the full casebook linked."""
from __future__ import annotations

import pytest

from asking import ask, talk
from bot.core.render import plain_text
from bot.engine import Engine

FULL_CASEBOOK = "https://www.soumu.go.jp/kokusai/kouryu_JET.html"


@pytest.mark.parametrize(("question", "subject"), [
    ("事例集に部活動にALTが参加してる事例ってある？", "部活動"),
    ("特別支援学校でのALT活用事例は載ってる？", "特別支援学校"),
    ("事例集に防災とか災害時の活動でALTが活躍した事例ある？", "防災・災害時"),
    ("ALTが部活の指導に関わってる事例ないかな", "部活"),
])
def test_a_case_on_a_subject_never_named_is_said_not_known(repo_engine: Engine, question: str, subject: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and reply.text.startswith(f"事例集に{subject}の事例が載っているかどうかは")
    assert "柏崎市" in reply.text and "立山町" in reply.text  # the cases the sources do describe
    assert FULL_CASEBOOK in plain_text(reply)  # where to look for the other 28
    assert "30事例" in reply.text and "13事例" in reply.text  # how the cases divide (a community subject may be one)


def test_an_english_question_names_the_subject_as_written(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "Is there a case about disaster drills in the casebook?")
    assert reply.fallback and reply.text.startswith("Whether the casebook has a case on disaster drills")
    assert "Kashiwazaki and Tateyama" in reply.text and FULL_CASEBOOK in plain_text(reply)


def test_after_it_the_casebook_stays_the_topic(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "事例集に部活動の事例ってある？", "全部で何事例？")
    assert not reply.fallback and "30事例" in reply.text


@pytest.mark.parametrize(("question", "intent"), [
    ("事例集に小学校の事例ってある？", "casebook_school_cases"),  # a subject the sources do describe
    ("柏崎の事例って子ども1人あたり何分ALTと話すんでしたっけ", "case_kashiwazaki"),  # a case described, asked about
    ("ALTと会話する事例は載ってる？", "case_kashiwazaki"),  # a case described, in other words than its own
    ("成功事例ある？", None),  # how good a case is, no subject
    ("観光関連の事例は何件載ってる？", None),  # a count: its own reply (the fields' counts)
    ("事例集の詳細を教えて", "casebook_what"),
])
def test_a_subject_held_a_case_named_or_no_subject_is_no_such_gap(repo_engine: Engine, question: str,
                                                                  intent: str | None) -> None:
    reply = ask(repo_engine, question)
    assert "載っているかどうか" not in reply.text
    assert intent is None or reply.intent_id == intent

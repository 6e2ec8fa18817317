"""A role left out of a question about the roles gets the other roles, not the answer about the role named."""
from __future__ import annotations

import pytest

from asking import ask, talk
from bot.core.role_excluded import role_left_out
from bot.engine import Engine


@pytest.mark.parametrize(("question", "others"), [
    ("ALT以外の職種は？", ["CIR", "SEA"]),
    ("JETにはALT以外にどんな職種がある？", ["CIR", "SEA"]),
    ("CIR以外は？", ["ALT", "SEA"]),
    ("What roles are there besides ALT?", ["CIR", "SEA"]),
    ("JETに参加できる職種ってALT以外に何がありますか？", ["CIR", "SEA"]),  # (was the roles compared)
    ("What roles can take part besides ALT?", ["CIR", "SEA"]),  # (was the ALTs' community work)
])
def test_the_other_roles_are_answered(repo_engine: Engine, question: str, others: list[str]) -> None:
    reply = ask(repo_engine, question)
    lines = reply.text.split("\n")
    assert not reply.fallback and len(lines) == 3
    assert all(role in lines[0] for role in others)  # led by what the others are
    assert [line[:3] for line in lines[1:]] == others  # then what each does, the one left out not among them
    assert {s.intent_id for s in reply.suggestions} == {f"{role.lower()}_role" for role in others}


def test_after_the_role_talked_about_the_others_are_asked(repo_engine: Engine) -> None:
    assert ask(repo_engine, "ALTについて教えて").intent_id == "alt_role"
    assert talk(repo_engine, "ALTについて教えて", "ALT以外は？").text.startswith("ALT以外の職種は、CIRとSEAです。")


@pytest.mark.parametrize("question", ["alt以外の人数は?", "alt以外の事例は?", "alt以外にもcirも知りたい",
                                      "seaじゃなくて、cirの役割は?", "alt以外の問い合わせ先は?"])
def test_a_question_of_its_own_is_no_question_about_the_roles(question: str) -> None:
    assert role_left_out(question) is None


def test_the_count_without_a_role_is_still_computed(repo_engine: Engine) -> None:
    assert "476" in ask(repo_engine, "ALT以外の人数は？").text  # (5,831 − 5,355)


def test_after_a_count_the_others_count_is_asked(repo_engine: Engine) -> None:
    assert "476" in talk(repo_engine, "ALTは何人？", "ALT以外は？").text  # (5,831 − 5,355: not the roles)
    assert talk(repo_engine, "ALTは何人？", "ALT以外の職種は？").text.startswith("ALT以外の職種は、CIRとSEAです。")


def test_after_the_alt_casebook_the_others_are_the_cir_casebook(repo_engine: Engine) -> None:
    assert talk(repo_engine, "ALTの事例は？", "ALT以外は？").intent_id == "ref1_cir_casebook"  # (was ALTs' community)


"""The part of an answer a question asks about leads it: one office's part of the offices' roles."""
from __future__ import annotations

import pytest

from bot.core.lead import lead_with
from bot.core.narrow import named_things
from bot.core.text import Analyzer

ROLES = "公式サイトによると、3省の役割は、総務省が財政面、外務省が海外での募集・選考、文部科学省が学校に関する指導を担当しています。"
NAMES = named_things(Analyzer([["総務省", "MIC"], ["外務省", "MOFA"], ["文部科学省", "MEXT"]]).apply_synonyms)
MOFA_PART = "公式サイトによると、3省の役割は、外務省が海外での募集・選考を担当しています。"


def test_the_role_of_one_office_asked_leads_with_its_part_of_the_list() -> None:
    led = lead_with(f"CLAIRが運営しています。{ROLES}", "外務省の役割は？", {"外務省"}, NAMES)
    assert led.split("\n") == ["公式サイトによると、3省の役割は、外務省が海外での募集・選考を担当しています。",
                               f"CLAIRが運営しています。{ROLES}"]



@pytest.mark.parametrize(("question", "own"), [("実施体制 募集は？", "募集は？"),  # a follow-up read with its topic
                                               ("海外での募集・選考は文部科学省の担当？", None)])  # an office guessed
def test_the_office_doing_what_is_asked_leads(question: str, own: str | None) -> None:
    led = lead_with(f"CLAIRが運営しています。{ROLES}", question, {"文部科学省"} if own is None else set(), NAMES, own)
    assert led.split("\n")[0] == MOFA_PART


def test_a_follow_up_naming_one_office_is_led_by_its_part() -> None:
    led = lead_with(f"CLAIRが運営しています。{ROLES}", "実施体制 外務省は？", {"外務省"}, NAMES, "外務省は？")
    assert led.split("\n")[0] == MOFA_PART


def test_a_question_naming_no_part_leaves_the_answer_as_it_is() -> None:
    assert lead_with(f"CLAIRが運営しています。{ROLES}", "実施体制 それで？", set(), NAMES, "それで？") == f"CLAIRが運営しています。{ROLES}"


def test_why_an_office_takes_part_is_led_by_its_own_part(repo_engine) -> None:
    from asking import ask
    reply = ask(repo_engine, "なんで外務省が問い合わせ先に入ってるの？学校の話なのに")  # (dev: was MOFA's card alone)
    assert reply.intent_id == "organisers" and reply.text.startswith(MOFA_PART.replace("公式サイト", "JETプログラム公式サイト"))
    assert [c.id for c in reply.contacts] == ["mofa"]

"""「CIRのは？」, "and the CIR one?" right after an answer about a casebook ask for the other role's casebook."""
from __future__ import annotations

import pytest

from asking import after, talk
from bot.core.follow_up_casebook import casebook_of_role
from bot.engine import Engine


@pytest.mark.parametrize(("text", "read"), [("and the CIR one?", "and the cir casebook?"), ("CIRのは？", "cirの事例集は？"),
                                            ("じゃあCIRの方は？", "cirの事例集は？"), ("the ALT one", "and the alt casebook?")])
def test_a_role_named_alone_after_a_casebook_asks_for_its_casebook(repo_engine: Engine, text: str, read: str) -> None:
    assert casebook_of_role(repo_engine.kb, text, after("casebook_published")) == read


@pytest.mark.parametrize(("text", "previous"), [("CIRのは？", "size_2023"), ("CIRの人数は？", "casebook_published"),
                                                ("and the CIR one?", None)])
def test_anything_else_is_read_as_it_is(repo_engine: Engine, text: str, previous: str | None) -> None:
    assert casebook_of_role(repo_engine.kb, text, after(previous) if previous else None) is None


@pytest.mark.parametrize("turns", [("where's the full ALT casebook", "when was it put out", "and the CIR one?"),
                                   ("ALT事例集はいつ公表された？", "CIRのは？")])
def test_the_cir_casebook_follows_the_alt_casebook(repo_engine: Engine, turns: tuple[str, ...]) -> None:
    reply = talk(repo_engine, *turns)  # (dev212: was the ALT casebook's date again)
    assert reply.intent_id == "ref1_cir_casebook" and "jetprogramme.org/ja/nin-katsuyo-m" in reply.text

"""A pay asked as such is its amount: the reply says the amounts are not held and offers how pay is funded."""
from __future__ import annotations

import pytest

from asking import ask, talk
from bot.engine import Engine


@pytest.mark.parametrize("question", ["ALTの給料は？", "CIRの給与は？", "ALTの報酬は？"])
def test_the_pay_itself_is_said_to_be_not_held_with_the_funding_as_a_choice(repo_engine: Engine,
                                                                           question: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and reply.text.startswith("具体的な金額は、通知本文にもこのボットの資料にも書かれていない")
    assert "local_finance" in {s.intent_id for s in reply.suggestions}  # offered, not given as the answer


@pytest.mark.parametrize("question", ["What is the pay of a CIR?", "ALT salary?", "What is a CIR paid?",
                                      "What's a CIR paid?", "How much does an ALT get paid?",
                                      "What's the salary for a CIR in their first year?"])  # (was how pay is funded)
def test_the_pay_asked_in_english_is_said_to_be_not_held(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and reply.text.startswith("The amounts are not given in the notice")


@pytest.mark.parametrize("turns", [("CIRは何人？", "What's a CIR paid?"), ("How many ALTs are there?", "What is an ALT paid?")])
def test_the_pay_asked_after_a_count_is_no_count(repo_engine: Engine, turns: tuple[str, ...]) -> None:
    reply = talk(repo_engine, *turns)  # (was the count again: 'paid' is no word of the knowledge)
    assert reply.fallback and reply.text.startswith("The amounts are not given") and "468" not in reply.text


@pytest.mark.parametrize("question", ["ALTの給料はどこから出るの？", "ALTの報酬の財源は？"])
def test_how_the_pay_is_funded_is_answered(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)
    assert not reply.fallback and reply.intent_id == "local_finance"

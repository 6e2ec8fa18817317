"""Whether the funding covers a role: the notice writes it of the participants of all three roles, said first."""
from __future__ import annotations

import pytest

from asking import ask
from bot.engine import Engine

ROLES_SAID = "通知は、ALT・CIR・SEAのそれぞれについて述べたあとに"


@pytest.mark.parametrize("question", ["財政措置ってALTだけ？CIRも入る？", "地方財政措置の対象にSEA（スポーツ国際交流員）も含まれますか。",
                                      "CIRの人件費は自治体の持ち出しになるの"])
def test_a_role_named_gets_the_roles_the_funding_is_written_of_first(repo_engine: Engine, question: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.intent_id == "local_finance" and reply.text.startswith(ROLES_SAID)
    assert "地方交付税" in reply.text  # then how it is funded


def test_in_english_too(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "Is there funding for CIRs too?")
    assert reply.text.startswith("Right after its parts on ALTs, CIRs and SEAs")


def test_no_role_named_is_the_plain_answer(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "地方財政措置について教えてください")
    assert reply.intent_id == "local_finance" and ROLES_SAID not in reply.text


def test_a_role_asked_about_is_not_the_funding(repo_engine: Engine) -> None:
    assert ask(repo_engine, "SEAは何をする仕事ですか").intent_id == "sea_role"

"""What a cited document says of a role the notice does not cite it for: not held, with what it is cited for."""
from __future__ import annotations

import pytest

from asking import ask
from bot.engine import Engine


@pytest.mark.parametrize(("question", "lead", "cited_for"), [
    ("第4期教育振興基本計画ではCIRについて何て書いてある？", "第4期教育振興基本計画がCIRについて何と書いているかは", "ALT配置"),
    ("デジタル田園都市国家構想基本方針にはALTのことも書いてある？具体的に引用して",
     "デジタル田園都市国家構想基本方針がALTについて何と書いているかは", "国際交流員（CIR）"),
    ("学習指導要領ではSEAについて何と書いてありますか", "学習指導要領がSEAについて何と書いているかは", "ネイティブスピーカー"),
    ("Does the Digital Garden City policy mention ALTs?",
     "Anything the Basic Policy on the Vision for a Digital Garden City Nation may say about ALT", "CIR"),
])
def test_a_role_the_document_is_not_cited_for_is_not_held(repo_engine: Engine, question: str, lead: str,
                                                          cited_for: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.fallback and reply.text.startswith(lead)
    assert cited_for in reply.text  # what the notice does cite it for, beside


@pytest.mark.parametrize(("question", "intent"), [("第4期教育振興基本計画には何て書いてある？", "education_plan"),
                                                  ("デジタル田園都市国家構想基本方針にはCIRのことが書いてある？", "digiden_policy")])
def test_the_role_it_is_cited_for_or_none_is_answered(repo_engine: Engine, question: str, intent: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.intent_id == intent and not reply.fallback


def test_a_claim_checked_gets_what_it_is_cited_for(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "デジタル田園都市国家構想基本方針ってALTの活用促進が書いてあるやつだよね？")
    assert not reply.fallback and "国際交流員（CIR）" in reply.text  # (a check: what it says, not "not held")

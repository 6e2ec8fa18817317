"""Words users ask in that no example of the topic uses (intents/synonyms.yaml): each still finds its topic.

A word the knowledge does not know is read as a subject it does not hold (「JETプログラムの主催は？」 was the plain
apology, no candidate at all), so the everyday words for a topic must be in its vocabulary."""
from __future__ import annotations

import pytest

from asking import ask, talk
from bot.engine import Engine


@pytest.mark.parametrize(("question", "intent"), [
    ("JETプログラムの主催は？", "organisers"),
    ("JETの主催者は？", "organisers"),
    ("主催団体はどこ", "organisers"),
    ("who actually operates JET", "organisers"),  # (was the apology)
    ("what year was this notice sent", "notice_date"),  # (was who issued it)
])
def test_an_everyday_word_for_a_topic_finds_it(repo_engine: Engine, question: str, intent: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.intent_id == intent and not reply.fallback


def test_max_is_maximum_after_the_contract_length(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "ALTの任期は？", "How many years max?")  # was the apology: 'max' was no word
    assert reply.intent_id == "contract_length" and "up to 5 years" in reply.text

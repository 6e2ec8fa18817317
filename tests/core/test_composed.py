"""Answers composed on demand read exactly like answers composed for every intent up front."""
from __future__ import annotations

import pickle
from pathlib import Path

from bot.core.compose import compose
from bot.core.composed import ComposedAnswers
from bot.core.knowledge import load_knowledge
from paths import INTENTS, KNOWLEDGE


def test_every_answer_is_the_one_compose_makes() -> None:
    knowledge = load_knowledge(INTENTS, KNOWLEDGE)
    intents = {i.id: i for i in knowledge.intents}
    answers = ComposedAnswers(knowledge, intents, keep=8)
    assert len(answers) == len(intents) and list(answers) == list(intents)
    for intent in knowledge.intents:
        assert answers[intent.id]["ja"] == compose(intent, knowledge, "ja")
        english = compose(intent, knowledge, "en") if intent.answer_en else compose(intent, knowledge, "ja")
        assert answers[intent.id]["en"] == english
    assert len(answers._recent) == 8, "only the most recent are kept"
    assert "no_such_intent" not in answers


def test_pickled_answers_keep_nothing_composed(tmp_path: Path) -> None:
    knowledge = load_knowledge(INTENTS, KNOWLEDGE)
    intents = {i.id: i for i in knowledge.intents}
    answers = ComposedAnswers(knowledge, intents)
    first = next(iter(intents))
    composed = answers[first]
    again = pickle.loads(pickle.dumps(answers))
    assert not again._recent and again[first] == composed


def test_an_answer_read_in_one_language_is_composed_in_that_one_only(monkeypatch) -> None:
    knowledge = load_knowledge(INTENTS, KNOWLEDGE)
    intents = {i.id: i for i in knowledge.intents}
    made: list[str] = []

    def counting(intent, knowledge, language, *rest):  # type: ignore[no-untyped-def]
        made.append(language)
        return compose(intent, knowledge, language, *rest)

    monkeypatch.setattr("bot.core.composed.compose", counting)
    bilingual = next(i for i in knowledge.intents if i.answer_en)
    answers = ComposedAnswers(knowledge, intents)
    assert answers[bilingual.id]["ja"] == compose(bilingual, knowledge, "ja") and made == ["ja"]
    assert answers[bilingual.id]["en"] == compose(bilingual, knowledge, "en") and made == ["ja", "en"]
    answers[bilingual.id]["ja"]
    assert made == ["ja", "en"], "kept, not composed again"

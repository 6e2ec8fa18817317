"""Scoring one shortlisted intent: coverage of the question's words, the blend of signals, penalties."""
from __future__ import annotations

from collections import Counter

import pytest

from bot.core import candidate
from bot.core.candidate import ANSWER_CREDIT, combine, coverage, is_specific_number
from bot.core.memo import Memo


def test_a_question_naming_one_office_is_not_answered_with_another_offices_contact(repo_engine) -> None:
    ranked = repo_engine.kb.matcher.rank(repo_engine.kb.matcher.analyse("総務省の担当者の名前だけ"))
    assert ranked[0].intent_id == "contact_mic"
    mofa = next(s for s in ranked if s.intent_id == "contact_mofa")
    assert mofa.penalty < 1.0  # its examples name 外務省 instead


def test_a_long_noun_the_knowledge_wholly_lacks_names_something_else(repo_engine) -> None:
    matcher = repo_engine.kb.matcher
    other = matcher.rank(matcher.analyse("介護福祉士候補者の受け入れ手続きは？"))
    ours = matcher.rank(matcher.analyse("JETの受け入れ手続きは？"))
    assert other[0].penalty < 1.0 and ours[0].penalty == 1.0
    assert other[0].score < 50 <= ours[0].score


@pytest.mark.parametrize("term, specific", [("令和7", True), ("2025年", True), ("12", True), ("4", False), ("JET", False)])
def test_years_and_numbers_of_two_digits_are_specific(term: str, specific: bool) -> None:
    assert is_specific_number(term) is specific


def test_a_word_found_only_in_the_answer_counts_less_than_one_in_the_examples() -> None:
    weighted = [("総務省", 2.0, False, (), (), 0.0), ("電話", 1.0, False, (), (), 0.0)]
    assert coverage(weighted, Counter({"総務省": 1, "電話": 1}), Counter()) == 1.0
    assert coverage(weighted, Counter({"総務省": 1}), Counter({"電話": 1})) == pytest.approx((2.0 + ANSWER_CREDIT) / 3)
    assert coverage(weighted, Counter(), Counter()) == 0.0


def test_an_english_question_against_a_japanese_only_intent_ignores_the_letters_fuzzy_compares() -> None:
    assert combine(0.0, 1.0, 0.0, 0.0, True, across=True) == 0.0
    assert combine(0.0, 1.0, 0.0, 0.0, True) > 0.0
    assert combine(1.0, 1.0, 1.0, 1.0, True) == pytest.approx(100.0)


@pytest.mark.parametrize("question", [
    "総務省の担当者の名前だけ",  # a rival office: the penalty reads every named thing of each candidate
    "令和5年度のALTの人数は？",  # a year: a specific the candidates must mention
    "技能実習生の受け入れ手続きは？",  # a compound covered through its parts
    "What does the notice say about CIRs?",
    "じぇっとぷろぐらむってなに",  # kana only: reading bigrams
])
def test_reading_the_shortlist_at_once_changes_no_score(repo_engine, monkeypatch, question: str) -> None:
    matcher = repo_engine.kb.matcher
    query = matcher.analyse(question)
    at_once = matcher.rank(query, limit=20)
    # each candidate read on its own from the arrays, as before the shortlist was read at once (and ranked
    # again, not read from the rankings kept)
    monkeypatch.setattr(candidate, "fetch", lambda m, top, query, named: [None] * len(top))
    monkeypatch.setattr(matcher, "_ranked", Memo(0))
    assert at_once and matcher.rank(query, limit=20) == at_once

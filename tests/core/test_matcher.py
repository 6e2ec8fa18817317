"""Ranking: which intents a question reaches, and in what order."""
from __future__ import annotations

import pytest

from bot.core.matcher import IntentText, Matcher
from bot.core.example_vectors import ExampleVectors
from bot.core.semantic import shared_encoder
from bot.core.text import Analyzer


def test_a_ranking_asked_again_is_the_same_and_the_callers_list_is_its_own(repo_engine) -> None:
    matcher = repo_engine.kb.matcher
    query = matcher.analyse("総務省の連絡先を教えてください")
    vector = matcher.encode(query)
    first = matcher.rank(query, vector=vector)  # kept: asked again with the same words and meaning
    fresh = matcher._rank(query, 5, None, vector)
    assert first == fresh and first[0].intent_id == "contact_mic"
    first.clear()  # a caller changing its list changes no later ranking
    assert matcher.rank(query, vector=vector) == fresh


# Written in Japanese only, like a municipal FAQ; one answer quotes the English names.
JAPANESE_ONLY = [
    IntentText("english_names", ["ALTやCIRの英語名を教えてください"],
               "正式な英語名はALT＝Assistant Language Teacher、CIR＝Coordinator for International Relations、"
               "総務省＝Ministry of Internal Affairs and Communications（MIC）です。"),
    IntentText("contact_mic", ["総務省の電話番号を教えて"], "総務省自治行政局国際室の電話は03-5253-5527です。"),
    IntentText("alt_role", ["外国語指導助手はどんな仕事をしますか"], "外国語指導助手は学校で外国語の授業を補助します。"),
]


@pytest.fixture(scope="module")
def japanese_only() -> Matcher:
    return Matcher(JAPANESE_ONLY, Analyzer(), ExampleVectors(shared_encoder(), [i.examples for i in JAPANESE_ONLY]))


@pytest.mark.parametrize("question, expected", [
    ("MIC phone number", "contact_mic"),
    ("What is the phone number of the Ministry of Internal Affairs and Communications?", "contact_mic"),
    ("What does an Assistant Language Teacher do?", "alt_role"),
])
def test_english_names_quoted_in_a_japanese_answer_do_not_draw_english_questions(
        japanese_only: Matcher, question: str, expected: str) -> None:
    ranked = japanese_only.rank(japanese_only.analyse(question))
    assert ranked[0].intent_id == expected


def test_an_english_question_asking_for_the_english_names_still_finds_them(japanese_only: Matcher) -> None:
    ranked = japanese_only.rank(japanese_only.analyse("What are the English names of ALT and CIR?"))
    assert ranked[0].intent_id == "english_names"


def test_an_intent_with_english_examples_keeps_the_english_words_of_its_answer() -> None:
    bilingual = [IntentText("contact_mic", ["総務省の電話番号を教えて", "MIC phone number"],
                            "総務省の電話は03-5253-5527です。\nMIC (Ministry of Internal Affairs and Communications): "
                            "phone 03-5253-5527."),
                 IntentText("alt_role", ["外国語指導助手はどんな仕事をしますか"], "外国語指導助手は授業を補助します。")]
    matcher = Matcher(bilingual, Analyzer())
    ranked = matcher.rank(matcher.analyse("Ministry of Internal Affairs telephone"))
    assert ranked[0].intent_id == "contact_mic" and ranked[0].coverage > 0


def test_what_an_intent_says_is_its_answer_and_what_it_is_asked_its_examples(repo_engine) -> None:
    matcher = repo_engine.kb.matcher
    assert matcher.says("contact_mofa", "人物") and matcher.asks_of("contact_mofa", "連絡")
    assert not matcher.says("contact_mofa", "連絡")  # (asked in an example, printed in no answer)


def test_alt_named_by_half_the_intents_marks_none_of_them_so_the_cir_casebook_is_found(repo_engine) -> None:
    # at a share of 0.5, the 86th intent made ALT a rival name: 'ALTの…とCIRの事例集' lost 15 % and fell below
    # the threshold
    matcher = repo_engine.kb.matcher
    assert "alt" not in matcher.rivals and "総務省" in matcher.rivals
    from asking import ask
    assert ask(repo_engine, "ALTの事例集とCIRの事例集って別物？").intent_id == "ref1_cir_casebook"

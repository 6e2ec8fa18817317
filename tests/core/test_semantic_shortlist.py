"""The sentence encoder's part in ranking: intents found by meaning alone complete a short lexical shortlist."""
from __future__ import annotations

import pytest

from bot.core.matcher import IntentText, Matcher
from bot.core.example_vectors import ExampleVectors
from bot.core.semantic import shared_encoder
from bot.core.text import Analyzer

FAQ = [
    IntentText("organisers", ["JETプログラムはどの省が運営していますか"], "総務省・外務省・文部科学省が実施しています。"),
    IntentText("contact", ["問い合わせ先の電話番号"], "電話は03-5253-5527です。"),
    IntentText("casebook", ["ALTの活動事例集はどこで見られますか"], "総務省のページに掲載されています。"),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    vectors = ExampleVectors(shared_encoder(), [item.examples for item in FAQ])
    return Matcher(FAQ, Analyzer(), vectors)


def test_question_sharing_no_word_with_any_intent_still_reaches_the_nearest_in_meaning(matcher: Matcher) -> None:
    ranked = matcher.rank(matcher.analyse("Who runs the programme?"))
    assert ranked and ranked[0].intent_id == "organisers"
    assert ranked[0].bm25 == 0.0  # found by meaning alone, so its score stays low
    assert ranked[0].score < 40


def test_semantic_candidates_only_complete_a_short_lexical_shortlist(matcher: Matcher) -> None:
    ranked = matcher.rank(matcher.analyse("事例集はどこで見られますか"), limit=3)
    assert ranked[0].intent_id == "casebook" and ranked[0].bm25 == 1.0
    assert {s.intent_id for s in ranked} == {"casebook", "organisers", "contact"}


def test_without_sentence_vectors_only_shared_words_find_intents() -> None:
    plain = Matcher(FAQ, Analyzer())
    assert plain.rank(plain.analyse("Who runs the programme?")) == []

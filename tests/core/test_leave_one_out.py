"""Leave-one-out: ranking with one example of an intent hidden."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("intent_id, question", [
    ("survey_direct", "直接 要望 CLAIR"),
    ("casebook_count", "じれいのかずは"),
    ("local_finance", "地方財政措置について教えてください"),
])
def test_an_example_left_out_is_still_found_by_the_intents_other_examples(repo_engine, intent_id: str,
                                                                          question: str) -> None:
    # leave-one-out: an intent whose several examples agree beats a neighbour with one close example
    kb = repo_engine.kb
    position = kb.matcher.ids.index(intent_id)
    example = kb.knowledge.intents[position].examples.index(question)
    ranked = kb.matcher.rank(kb.matcher.analyse(question), exclude=(position, example))
    assert ranked[0].intent_id == intent_id

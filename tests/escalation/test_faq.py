"""The "FAQに追加" snippet: a valid intent for an answered escalation (checked with validate on a
copy of the repo's own intents/)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from bot.core.escalation import Guess
from bot.engine import Engine
from bot.escalation.faq import faq_snippet, suggest_id
from bot.settings import REPO_ROOT
from bot.validate import validate
from escalation_records import NOW, escalation


def test_suggested_id_is_ascii_snake_case_and_unique() -> None:
    assert suggest_id(escalation(), set()) == "faq_financial_support_7"
    assert suggest_id(escalation(), {"faq_financial_support_7", "faq_financial_support_7_2"}) == \
        "faq_financial_support_7_3"
    assert suggest_id(escalation(guesses=(), question="What about JET housing?"), set()) == "faq_what_about_jet_7"
    assert suggest_id(escalation(guesses=(), question="住宅手当"), set()) == "faq_7"


@pytest.mark.parametrize("answer", [
    "住宅手当の上限はありません。",
    "複数行の回答です。\n\n- 一つ目: {fact:programme_size} は使えません\n- 二つ目 # コメントではない\n  \"引用\" と 'quote'",
    "key: value で始まる回答: [x] {y} & <z>",
])
def test_faq_snippet_passes_validate_in_a_copy_of_the_repo_intents(repo_engine: Engine, tmp_path: Path,
                                                                   answer: str) -> None:
    intents = repo_engine.kb.knowledge.intents
    done = escalation(state="delivered", answer=answer, answered_by="UT", answered_at=NOW,
                      guesses=(Guess(intents[0].id, "x", 40.0),))
    suggestion = faq_snippet(done, intents)
    assert suggestion.note is None and suggestion.intent_id not in {i.id for i in intents}
    folder = tmp_path / "intents"
    shutil.copytree(REPO_ROOT / "intents", folder)
    (folder / "zz_escalation_faq.yaml").write_text(suggestion.yaml_text, encoding="utf-8")
    findings = validate(folder, REPO_ROOT / "knowledge")
    assert [str(f) for f in findings if f.level == "error"] == []
    [entry] = yaml.safe_load(suggestion.yaml_text)["intents"]
    assert entry["id"] == suggestion.intent_id and entry["examples"] == ["ALTの住宅手当はいくら？"]
    assert entry["answer"].replace("｛", "{").replace("｝", "}") == answer.strip()


def test_faq_for_a_question_already_known_points_to_that_intent(repo_engine: Engine) -> None:
    intents = repo_engine.kb.knowledge.intents
    known = intents[0]
    suggestion = faq_snippet(escalation(question=known.examples[0], answer="新しい回答"), intents)
    assert suggestion.intent_id == known.id and known.id in (suggestion.note or "")
    assert yaml.safe_load(suggestion.yaml_text) == {"answer": "新しい回答"}

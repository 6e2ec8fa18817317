"""Writing the YAML: validated, atomic, refused when stale, recorded in the audit list."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.knowledge import load_knowledge
from bot.storage.stores import Stores
from bot.storage.triage import TriageStore
from bot.triage.writer import InvalidEdit, KnowledgeWriter, StaleError
from bot.triage.yaml_edits import EditError, draft_intent


@pytest.fixture
def writer(editable_kb: tuple[Path, Path], sqlite_stores: Stores) -> KnowledgeWriter:
    return KnowledgeWriter(*editable_kb, audit=TriageStore(sqlite_stores.db).record_edit)


def test_an_example_goes_to_the_file_that_defines_the_intent_and_the_write_is_audited(
        writer: KnowledgeWriter, sqlite_stores: Stores) -> None:
    base = writer.version()
    result = writer.add_examples("size", ["参加国のリストを見たい"], who="tester", base=base)
    assert result.file == writer.intents_dir / "people.yaml" and result.added == ("参加国のリストを見たい",)
    assert result.version != base == result.version[:0] + base  # a new knowledge version
    size = {i.id: i for i in load_knowledge(writer.intents_dir, writer.knowledge_dir).intents}["size"]
    assert size.examples[-1] == "参加国のリストを見たい"
    (edit,) = TriageStore(sqlite_stores.db).edits()
    assert (edit.who, edit.action, edit.detail) == ("tester", "add-example", "size: 参加国のリストを見たい")
    assert edit.file.endswith("people.yaml")
    assert [p.name for p in writer.intents_dir.iterdir() if p.name.startswith(".")] == []  # no temp file left


def test_a_file_changed_since_it_was_read_is_not_overwritten(writer: KnowledgeWriter, sqlite_stores: Stores) -> None:
    base = writer.version()
    people = writer.intents_dir / "people.yaml"
    theirs = people.read_text(encoding="utf-8").replace("# the headline figure", "# edited meanwhile")
    people.write_text(theirs, encoding="utf-8")  # another admin's edit after our page was loaded
    with pytest.raises(StaleError, match="people.yaml changed since it was read"):
        writer.add_examples("size", ["参加国のリストを見たい"], who="tester", base=base)
    assert people.read_text(encoding="utf-8") == theirs
    assert TriageStore(sqlite_stores.db).edits() == []


def test_a_result_that_would_not_validate_is_refused_with_file_and_line_and_the_file_is_unchanged(
        writer: KnowledgeWriter, sqlite_stores: Stores) -> None:
    people = writer.intents_dir / "people.yaml"
    before = people.read_bytes()
    draft = draft_intent("participant_countries", ["参加国のリストを見たい"])  # its answer is still empty
    with pytest.raises(InvalidEdit) as refused:
        writer.add_intent(people, draft, who="tester")
    assert any(e.endswith("people.yaml:22: error: 'answer' must not be empty") for e in refused.value.errors), \
        refused.value.errors
    assert people.read_bytes() == before
    assert TriageStore(sqlite_stores.db).edits() == []


def test_a_question_that_is_another_intents_example_is_refused_naming_where_it_is(writer: KnowledgeWriter) -> None:
    with pytest.raises(EditError, match=r"already an example of intent 'contact_mic' \(.*mini.yaml:\d+\)"):
        writer.add_examples("size", ["総務省の連絡先を教えて"], who="tester")
    with pytest.raises(EditError, match="unknown intent 'nope'"):
        writer.add_examples("nope", ["x"], who="tester")


def test_a_written_intent_with_an_answer_loads(writer: KnowledgeWriter) -> None:
    draft = draft_intent("participant_countries", ["参加国のリストを見たい"]).replace(
        "answer: ''", "answer: '{fact:size}'")
    result = writer.add_intent(writer.intents_dir / "people.yaml", draft, who="tester")
    assert result.added == ("participant_countries",)
    ids = [i.id for i in load_knowledge(writer.intents_dir, writer.knowledge_dir).intents]
    assert "participant_countries" in ids
    with pytest.raises(EditError, match="is not a YAML file of"):
        writer.add_intent(writer.knowledge_dir / "k.yaml", draft, who="tester")

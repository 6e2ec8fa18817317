"""Round-trip YAML edits: the admin's file stays as written, only the added lines differ."""
from __future__ import annotations

import difflib

import pytest

from bot.core.knowledge import yaml_files
from bot.triage.yaml_edits import EditError, append_examples, append_intent, defined_intents, draft_intent
from commented_yaml import COMMENTED_INTENTS
from paths import INTENTS


def only_insertions(before: str, after: str) -> list[str]:
    """The lines ``after`` adds to ``before``; fails if any line of ``before`` changed or moved."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    added = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        assert op in ("equal", "insert"), f"{op}: {old[i1:i2]!r} -> {new[j1:j2]!r}"
        if op == "insert":
            added += new[j1:j2]
    return added


def test_an_added_example_is_the_only_new_line_and_comments_quoting_and_blank_lines_stay() -> None:
    after, added = append_examples(COMMENTED_INTENTS, "size", ["参加国のリストを見たい"], "people.yaml")
    assert added == ["参加国のリストを見たい"]
    assert only_insertions(COMMENTED_INTENTS, after) == ["      - 参加国のリストを見たい\n"]
    lines = after.splitlines()  # right after the last example, before the blank line and the comment
    assert lines[lines.index('      - "How many people have joined JET?"   # English too') + 1] == "      - 参加国のリストを見たい"


def test_every_intents_file_of_the_repo_takes_an_example_byte_for_byte() -> None:
    for path in yaml_files(INTENTS):
        text = path.read_text(encoding="utf-8")
        for intent_id in defined_intents(text)[:1] + defined_intents(text)[-1:]:
            after, added = append_examples(text, intent_id, ["新しい言い方の質問です"], path.name)
            assert added and len(only_insertions(text, after)) == 1, path


def test_a_flow_list_gets_the_example_inside_its_brackets() -> None:
    text = "intents:\n  - id: a  # note\n    examples: [one, 'two']\n    answer: x\n"
    after, _ = append_examples(text, "a", ["three"])
    assert after == "intents:\n  - id: a  # note\n    examples: [one, 'two', three]\n    answer: x\n"


def test_an_example_already_there_is_skipped_and_an_unknown_intent_refused() -> None:
    after, added = append_examples(COMMENTED_INTENTS, "size", ["JETの参加者数は"])
    assert (after, added) == (COMMENTED_INTENTS, [])
    with pytest.raises(EditError, match="does not define intent 'nope'"):
        append_examples(COMMENTED_INTENTS, "nope", ["x"], "people.yaml")


def test_a_drafted_intent_is_appended_after_the_others_and_nothing_else_changes() -> None:
    draft = draft_intent("participant_countries", ["参加国のリストを見たい", "どこの国から来ていますか"])
    assert "participant_countries" in draft and "- 参加国のリストを見たい" in draft
    after = append_intent(COMMENTED_INTENTS, draft, "people.yaml")
    added = only_insertions(COMMENTED_INTENTS, after)
    assert added[0] == "  - id: participant_countries\n"
    assert defined_intents(after) == ["size", "participant_countries"]


def test_a_draft_that_is_not_yaml_names_its_line() -> None:
    with pytest.raises(EditError, match=r"^draft:3: not valid YAML"):
        append_intent(COMMENTED_INTENTS, "id: x\nexamples: [a\n", "people.yaml")

"""Knowledge snapshots: one hash whatever the folders are called, and what a version changed."""
from __future__ import annotations

from pathlib import Path

from bot.core.knowledge import content_version
from bot.core.snapshot import Changes, KnowledgeSnapshot, changes, unified_diff

INTENTS = """intents:
  - id: size
    examples: [JETの参加者数は, 何か国から来ていますか]
    answer: 約77,000人です。
  - id: visa
    examples: [ビザは必要ですか]
    answer: 必要です。
"""
KNOWLEDGE = "contacts:\n  - {id: mic, name: 総務省}\n"


def snapshot(intents: str = INTENTS, knowledge: str = KNOWLEDGE) -> KnowledgeSnapshot:
    return KnowledgeSnapshot.of({"intents/a.yaml": intents, "knowledge/k.yaml": knowledge})


def test_the_hash_is_the_knowledge_version_of_folders_named_intents_and_knowledge(tmp_path: Path,
                                                                                   monkeypatch: object) -> None:
    for name, text in snapshot().files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # type: ignore[attr-defined]
    assert snapshot().version == content_version(Path("intents"), Path("knowledge"))
    assert snapshot().version != snapshot(knowledge=KNOWLEDGE + "\n").version


def test_changes_name_the_intents_examples_and_records_added_changed_and_removed() -> None:
    edited = INTENTS.replace("何か国から来ていますか]", "何か国から来ていますか, 参加者は何人]").replace(
        "  - id: visa\n    examples: [ビザは必要ですか]\n    answer: 必要です。\n",
        "  - id: salary\n    examples: [給料はいくら]\n    answer: 自治体によります。\n")
    after = snapshot(edited, KNOWLEDGE.replace("総務省", "総務省自治行政局"))
    what = changes(snapshot(), after)
    assert what.intents_added == ("salary",) and what.intents_removed == ("visa",)
    assert what.intents_changed == ("size",)
    assert ("size", "参加者は何人") in what.examples_added and ("visa", "ビザは必要ですか") in what.examples_removed
    assert what.records_changed == ("contacts:mic",)
    summary = what.summary()
    assert "1 intent added (salary)" in summary and "1 record changed (contacts:mic)" in summary
    assert Changes.from_json(what.to_json()) == what


def test_a_first_version_and_a_comment_only_edit_say_so() -> None:
    assert changes(None, snapshot()).summary() == "first recorded version (2 intents)"
    assert "comments only" in changes(snapshot(), snapshot(INTENTS + "# note\n")).summary()


def test_the_unified_diff_shows_the_changed_lines_per_file() -> None:
    diff = unified_diff(snapshot(), snapshot(INTENTS.replace("必要です。", "不要です。")))
    assert "--- a/intents/a.yaml\n+++ b/intents/a.yaml\n" in diff
    assert "-    answer: 必要です。\n+    answer: 不要です。\n" in diff
    assert "knowledge/k.yaml" not in diff

"""The YAML loader: minimal files load; every mistake is reported with its file and line."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.knowledge import load_knowledge
from loading import load_errors
from paths import write

MINIMAL = """\
intents:
  - id: size
    examples: [JETの参加者数は？]
    answer: 約77,000人です。
"""


def test_minimal_intent_file_loads_with_empty_knowledge_folder(tmp_path: Path) -> None:
    write(tmp_path / "intents/a.yaml", MINIMAL)
    (tmp_path / "knowledge").mkdir()
    knowledge = load_knowledge(tmp_path / "intents", tmp_path / "knowledge")
    assert [i.id for i in knowledge.intents] == ["size"]
    assert knowledge.intents[0].answer == "約77,000人です。"


def test_missing_knowledge_folder_is_fine_for_minimal_intents(tmp_path: Path) -> None:
    write(tmp_path / "intents/a.yaml", MINIMAL)
    assert len(load_knowledge(tmp_path / "intents", tmp_path / "nowhere").intents) == 1


def test_broken_yaml_names_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "intents/bad.yaml", "intents:\n  - id: a\n    examples: [x\n    answer: y\n")
    [message] = load_errors(Path("intents"), Path("knowledge"))
    assert message.startswith("intents/bad.yaml:")
    assert "YAML syntax error" in message


def test_every_error_is_collected_not_just_the_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "intents/a.yaml", """\
intents:
  - id: one
    examples: 質問
    answer: 答え
  - id: two
    examples: [質問2]
  - id: Three
    examples: [質問3]
    answer: 答え
    exmaples: [typo]
""")
    found = load_errors(Path("intents"), Path("knowledge"))
    assert "intents/a.yaml:3: 'examples' must be a list" in found
    assert "intents/a.yaml:5: intent is missing 'answer'" in found
    assert any(m.startswith("intents/a.yaml:7: 'id' must be lower-case") for m in found)
    assert any(m.startswith("intents/a.yaml:10: unknown field 'exmaples'") for m in found)


def test_duplicate_id_across_files_points_to_both(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "intents/a.yaml", MINIMAL)
    write(tmp_path / "intents/b.yaml", "\n" + MINIMAL)
    [message] = load_errors(Path("intents"), Path("knowledge"))
    assert message == "intents/b.yaml:3: duplicate intent id 'size' (first at intents/a.yaml:2)"


def test_duplicate_keys_and_wrong_top_level(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "intents/a.yaml", MINIMAL + "    answer: again\n")
    write(tmp_path / "intents/b.yaml", "- just a list\n")
    write(tmp_path / "knowledge/k.yaml", "factz: []\n")
    found = load_errors(Path("intents"), Path("knowledge"))
    assert "intents/a.yaml:5: duplicate key 'answer'" in found
    assert any(m.startswith("intents/b.yaml:1: top level must be a mapping") for m in found)
    assert any(m.startswith("knowledge/k.yaml:1: unknown section 'factz'") for m in found)


def test_not_utf8_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "intents").mkdir()
    (tmp_path / "intents/a.yaml").write_bytes("intents: []\n# 質問".encode("shift_jis"))
    assert any("not UTF-8" in m for m in load_errors(Path("intents"), Path("knowledge")))


def test_dates_stay_as_written(tmp_path: Path) -> None:
    write(tmp_path / "knowledge/k.yaml", "sources:\n  - {id: s, title: t, kind: official, date: 2023-07-31}\n")
    write(tmp_path / "intents/a.yaml", MINIMAL)
    knowledge = load_knowledge(tmp_path / "intents", tmp_path / "knowledge")
    assert knowledge.table("sources")["s"].get("date") == "2023-07-31"


def test_a_file_that_does_not_parse_is_reported_alone_not_with_its_consequences(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One missing ']' in the file that defines the follow-ups used to bring nine "unknown follow-up"
    errors after it; the admin needs the one line to fix."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "intents/a.yaml", """\
intents:
  - id: one
    examples: [質問1]
    answer: 答え
    follow_ups: [two, three, four]
""")
    write(tmp_path / "intents/b.yaml", """\
intents:
  - id: two
    examples: [質問2
    answer: 答え
  - id: three
    examples: [質問3]
    answer: 答え
  - id: four
    examples: [質問4]
    answer: 答え
""")
    [message] = load_errors(Path("intents"), Path("knowledge"))
    assert message.startswith("intents/b.yaml:") and "YAML syntax error" in message

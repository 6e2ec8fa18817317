"""References between the YAML files: an unknown id or a placeholder that does not resolve is named by
file and line, through the loader as an admin meets it."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.references import PLACEHOLDER
from loading import load_errors
from paths import write


def test_reference_to_missing_fact_and_bad_placeholder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "knowledge/k.yaml", """\
sources:
  - {id: notice, title: 通知, kind: notice}
contacts:
  - {id: mofa, name: 外務省, phone: 03-5501-8143, source: notice}
""")
    write(tmp_path / "intents/a.yaml", """\
intents:
  - id: size
    examples: [参加者数]
    answer: "{contact:mofa.email} {contact:mext.phone}"
    facts: [programme_size]
""")
    found = load_errors(Path("intents"), Path("knowledge"))
    assert "intents/a.yaml:2: intent 'size' refers to unknown fact 'programme_size'" in found
    assert "intents/a.yaml:2: intent 'size': {contact:mofa.email} refers to 'email', which contact 'mofa' does not have" in found
    assert "intents/a.yaml:2: intent 'size': {contact:mext.phone} names unknown contact 'mext'" in found


def test_a_follow_up_to_an_intent_that_does_not_exist_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "intents/a.yaml", """\
intents:
  - id: size
    examples: [参加者数]
    answer: 約77,000人です。
    follow_ups: [sizes_by_role]
""")
    assert load_errors(Path("intents"), Path("knowledge")) == [
        "intents/a.yaml:2: intent 'size' has unknown follow-up 'sizes_by_role'"]


def test_placeholders_are_fact_contact_or_link_with_an_optional_field() -> None:
    found = [m.groups() for m in PLACEHOLDER.finditer("{fact:size} {contact:mic.phone} {link:casebook.url} {x:y}")]
    assert found == [("fact", "size", None), ("contact", "mic", "phone"), ("link", "casebook", "url")]


def test_a_figure_must_be_printed_in_the_fact_it_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "knowledge/k.yaml", """\
sources:
  - {id: mic, title: 総務省, kind: official}
facts:
  - {id: size, text: "参加者は5,831人です。", text_en: "There are 5,831 participants.", source: mic}
figures:
  - {id: participants, fact: size, measure: participants, year: 2023, value: "5,831"}
  - {id: typo, fact: size, measure: participants, year: 2019, value: "5,381"}
  - {id: lost, fact: sizes, measure: new, value: "154"}
  - {id: words, fact: size, measure: cases, value: 約30}
""")
    write(tmp_path / "intents/a.yaml", "intents:\n  - {id: size, examples: [参加者数], answer: '{fact:size}'}\n")
    assert load_errors(Path("intents"), Path("knowledge")) == [
        "knowledge/k.yaml:7: figure 'typo': fact 'size' does not print 5,381",
        "knowledge/k.yaml:8: figure 'lost' names unknown fact 'sizes'",
        "knowledge/k.yaml:9: figure 'words': value '約30' is not a number as printed (5,831)"]

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

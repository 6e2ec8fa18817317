"""``python -m tools.proxy``: our intents as a one-example-per-entry FAQ, measured with the ranking measures."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import yaml

from bot.engine import Engine
from tools.proxy import main, write_proxy


def test_each_entry_has_one_example_and_the_others_are_its_queries(repo_engine: Engine, tmp_path: Path) -> None:
    queries = yaml.safe_load(write_proxy(repo_engine.kb, tmp_path).read_text(encoding="utf-8"))
    entries = yaml.safe_load((tmp_path / "intents" / "faq.yaml").read_text(encoding="utf-8"))["intents"]
    ids = {e["id"] for e in entries}
    assert all(len(e["examples"]) == 1 for e in entries) and "contract_length" in ids
    assert {tuple(q["relevant"]) for q in queries} <= {(i,) for i in ids}
    assert not any(repo_engine.kb.intents[i].fallback for i in ids)  # "not held" replies are no FAQ entries


def test_a_measured_proxy_leaves_no_folder_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert main([]) == 0
    assert "P@1" in capsys.readouterr().out and list(tmp_path.iterdir()) == []

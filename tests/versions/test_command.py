"""``jetbot versions`` and ``jetbot rollback`` on the store a server wrote."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.storage.stores import open_stores
from bot.versions.folders import read_snapshot
from databases import storage_at
from knowledge_edits import NEW_FACT, OLD_FACT, edit


def test_versions_lists_and_diffs_and_rollback_publishes_and_writes_the_yaml(
        kb_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "jetbot.sqlite3"
    monkeypatch.setenv("JETBOT_DB_PATH", str(db))
    folders = ["--intents", str(kb_dir / "intents"), "--knowledge", str(kb_dir / "knowledge")]
    stores = open_stores(storage_at(str(db)))
    original = stores.versions.publish(read_snapshot(kb_dir / "intents", kb_dir / "knowledge"), "startup")
    edit(kb_dir / "knowledge" / "k.yaml", OLD_FACT, NEW_FACT)
    edited = stores.versions.publish(read_snapshot(kb_dir / "intents", kb_dir / "knowledge"), "admin")
    stores.close()
    assert original is not None and edited is not None

    assert main(["versions", *folders]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"#{edited.id}") and edited.hash in lines[0] and "(live)" in lines[0]
    assert "admin" in lines[0] and "1 record changed (facts:casebook_count)" in lines[0]
    assert original.hash in lines[1] and "startup" in lines[1]

    assert main(["versions", "--diff", edited.hash[:6], *folders]) == 0
    assert f"+    text: {NEW_FACT}" in capsys.readouterr().out

    assert main(["rollback", original.hash, *folders]) == 0
    assert f"rolled back to #{original.id}" in capsys.readouterr().out
    assert OLD_FACT in (kb_dir / "knowledge" / "k.yaml").read_text(encoding="utf-8")
    main(["versions", *folders])
    newest = capsys.readouterr().out.splitlines()[0]
    assert original.hash in newest and "cli" in newest and f"rollback to #{original.id}" in newest

    assert main(["rollback", original.hash, *folders]) == 0
    assert "already the published version" in capsys.readouterr().out
    assert main(["rollback", "beef00", *folders]) == 1
    assert "no version 'beef00'" in capsys.readouterr().out


def test_without_a_store_it_says_where_it_looked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("JETBOT_DB_PATH", str(tmp_path / "missing.sqlite3"))
    assert main(["versions"]) == 1
    assert "no store at" in capsys.readouterr().out and not (tmp_path / "missing.sqlite3").exists()

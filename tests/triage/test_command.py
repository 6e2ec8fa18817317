"""``jetbot add-example`` as an admin types it."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.storage.stores import open_stores
from bot.storage.triage import TriageStore
from databases import storage_at


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, editable_kb: tuple[Path, Path]) -> list[str]:
    """The store in a temporary SQLite file; returns the --intents/--knowledge arguments."""
    monkeypatch.setenv("JETBOT_DB_PATH", str(tmp_path / "jetbot.sqlite3"))
    monkeypatch.setenv("JETBOT_LOG_SECRET", "cli-test-secret")
    intents, knowledge = editable_kb
    return ["--intents", str(intents), "--knowledge", str(knowledge)]


def test_add_example_appends_to_the_file_that_defines_the_intent(
        cli_env: list[str], editable_kb: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    people = editable_kb[0] / "people.yaml"
    before = people.read_text(encoding="utf-8")
    assert main(["add-example", "size", "参加国のリストを見たい", *cli_env]) == 0
    assert "people.yaml: added '参加国のリストを見たい' to intent 'size'" in capsys.readouterr().out
    after = people.read_text(encoding="utf-8")
    assert after.replace("      - 参加国のリストを見たい\n", "") == before
    assert main(["ask", *cli_env, "--json", "参加国のリストを見たい"]) == 0
    assert '"intent": "size"' in capsys.readouterr().out
    stores = open_stores(storage_at(str(tmp_path / "jetbot.sqlite3"), log_secret="cli-test-secret"))
    try:
        (edit,) = TriageStore(stores.db).edits()
    finally:
        stores.close()
    assert edit.action == "add-example" and edit.who.startswith("cli")


def test_add_example_says_clearly_what_is_wrong(cli_env: list[str], editable_kb: tuple[Path, Path],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    files = {p: p.read_bytes() for p in editable_kb[0].iterdir()}
    assert main(["add-example", "no_such_intent", "質問", *cli_env]) == 1
    assert "jetbot: unknown intent 'no_such_intent'" in capsys.readouterr().err
    assert main(["add-example", "size", "JETの参加者数は", *cli_env]) == 1
    assert "jetbot: 'JETの参加者数は' is already an example of 'size'" in capsys.readouterr().err
    assert main(["add-example", "size", "総務省の連絡先を教えて", *cli_env]) == 1
    assert "already an example of intent 'contact_mic'" in capsys.readouterr().err
    assert {p: p.read_bytes() for p in editable_kb[0].iterdir()} == files

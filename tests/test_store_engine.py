"""The store wired in: the engine logs every inquiry, ``jetbot report`` reads it, settings choose it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from bot.engine import Engine
from bot.settings import Settings
from bot.storage.store import Store, open_store
from bot.core.types import IncomingMessage
from pg import pg_server, pg_url, store_target  # noqa: F401  (fixtures)

NOW = 1_717_243_200.0  # 2024-06-01 12:00 UTC
RAW_USER = "U4af4980629d1c2b3e5f60718293a4b5c"


def test_engine_records_every_inquiry(store_target: str, repo_engine: Engine) -> None:
    store = open_store(store_target, secret="s", env={}, clock=lambda: NOW)
    engine = Engine(repo_engine.kb, contexts=store, log=store, clock=lambda: NOW)
    answered = engine.answer(IncomingMessage("ALTとはどういう人ですか", channel="line", user_id=RAW_USER,
                                             conversation_id=RAW_USER))
    fell_back = engine.answer(IncomingMessage("駐車場はありますか？電話は090-1234-5678", channel="slack",
                                              user_id="U0SLACK1", conversation_id="C1:1.0"))
    rows = store.db.query("SELECT channel, user_hash, question, intent, top_intent, fallback, version, at"
                          " FROM inquiries ORDER BY id")
    assert rows[0][:4] == ("line", store.pseudonym(RAW_USER, "line"), "ALTとはどういう人ですか", answered.intent_id)
    assert rows[0][6:] == (repo_engine.kb.version, NOW)
    assert fell_back.fallback and rows[1][3] is None and rows[1][5] == 1
    assert rows[1][4] == fell_back.candidates[0].intent_id and "[電話番号]" in rows[1][2]
    assert RAW_USER not in repr(rows) and "U0SLACK1" not in repr(rows)
    store.close()


def test_a_failing_log_never_costs_the_answer(repo_engine: Engine) -> None:
    class Broken:
        def record(self, *args: object) -> None:
            raise OSError("disk full")

    engine = Engine(repo_engine.kb, log=Broken())
    assert not engine.answer(IncomingMessage("ALTとはどういう人ですか")).fallback


def test_settings_choose_the_store(tmp_path: Path) -> None:
    settings = Settings.from_env({"JETBOT_DB_PATH": str(tmp_path / "x.sqlite3"), "JETBOT_LOG_SECRET": "s3cr3t-value",
                                  "JETBOT_RETENTION_DAYS": "90"})
    store: Store = open_store(settings)
    assert (tmp_path / "x.sqlite3").exists() and store.retention_days == 90
    assert store.pseudonym("U1") == open_store(str(tmp_path / "x.sqlite3"), secret="s3cr3t-value").pseudonym("U1")
    assert "s3cr3t-value" not in repr(settings)
    with pytest.raises(ValueError, match="JETBOT_RETENTION_DAYS"):
        Settings.from_env({"JETBOT_RETENTION_DAYS": "a year"})


def test_jetbot_report_command(tmp_path: Path, repo_engine: Engine, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "log.sqlite3"
    store = open_store(str(path), secret="s", env={})
    question = IncomingMessage("JETプログラムとは")
    store.record(question, repo_engine.answer(question, remember=False), repo_engine.kb.version)
    store.close()
    assert main(["report", "--db", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["questions"] == 1
    assert main(["report", "--db", str(path)]) == 0
    assert "questions: 1" in capsys.readouterr().out

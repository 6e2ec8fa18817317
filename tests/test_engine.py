"""The store wired in: the engine logs every inquiry, ``jetbot report`` reads it, settings choose it."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

import pytest

from bot.cli import main
from bot.engine import Engine
from bot.settings import Settings, StorageSettings
from bot.storage.stores import Stores, open_stores
from bot.core.types import IncomingMessage
from databases import NOW, storage_at

RAW_USER = "U4af4980629d1c2b3e5f60718293a4b5c"


def test_engine_records_every_inquiry(open_test_stores: Callable[..., Stores], repo_engine: Engine) -> None:
    store = open_test_stores()
    engine = Engine(repo_engine.kb, contexts=store.contexts, log=store.inquiries, clock=lambda: NOW)
    answered = engine.answer(IncomingMessage("ALTとはどういう人ですか", channel="line", user_id=RAW_USER,
                                             conversation_id=RAW_USER))
    fell_back = engine.answer(IncomingMessage("駐車場はありますか？電話は090-1234-5678", channel="slack",
                                              user_id="U0SLACK1", conversation_id="C1:1.0"))
    rows = store.db.query("SELECT channel, user_hash, question, intent, top_intent, fallback, version, at"
                          " FROM inquiries ORDER BY id")
    assert rows[0][:4] == ("line", store.pseudonyms.of(RAW_USER, "line"), "ALTとはどういう人ですか", answered.intent_id)
    assert rows[0][6:] == (repo_engine.kb.version, NOW)
    assert fell_back.fallback and rows[1][3] is None and rows[1][5] == 1
    assert rows[1][4] == fell_back.candidates[0].intent_id and "[電話番号]" in rows[1][2]
    assert RAW_USER not in repr(rows) and "U0SLACK1" not in repr(rows)


def test_a_failing_log_never_costs_the_answer(repo_engine: Engine) -> None:
    class Broken:
        def record(self, *args: object) -> None:
            raise OSError("disk full")

    engine = Engine(repo_engine.kb, log=Broken())
    assert not engine.answer(IncomingMessage("ALTとはどういう人ですか")).fallback


def test_settings_choose_the_store(tmp_path: Path) -> None:
    settings = Settings.from_env({"JETBOT_DB_PATH": str(tmp_path / "x.sqlite3"), "JETBOT_LOG_SECRET": "s3cr3t-value",
                                  "JETBOT_RETENTION_DAYS": "90"})
    store = open_stores(settings.storage)
    again = open_stores(StorageSettings(db_path=tmp_path / "x.sqlite3", log_secret="s3cr3t-value"))
    assert (tmp_path / "x.sqlite3").exists() and store.inquiries.retention_days == 90
    assert store.pseudonyms.of("U1") == again.pseudonyms.of("U1")
    assert "s3cr3t-value" not in repr(settings)
    store.close()
    again.close()
    with pytest.raises(ValueError, match="JETBOT_RETENTION_DAYS"):
        Settings.from_env({"JETBOT_RETENTION_DAYS": "a year"})


def test_jetbot_report_command(tmp_path: Path, repo_engine: Engine, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "log.sqlite3"
    store = open_stores(storage_at(str(path)))
    question = IncomingMessage("JETプログラムとは")
    store.inquiries.record(question, repo_engine.answer(question, remember=False), repo_engine.kb.version)
    store.close()
    assert main(["report", "--db", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["questions"] == 1
    assert main(["report", "--db", str(path)]) == 0
    assert "questions: 1" in capsys.readouterr().out


@pytest.mark.parametrize(("first", "then", "topic"), [("ALTの勤務時間は？", "CIRは？", "working_conditions"),
                                                     ("ALTの勤務時間は？", "CIRの場合は？", "working_conditions"),
                                                     ("What are the eligibility requirements for ALTs?", "And CIRs?",
                                                      "eligibility")])
def test_another_role_after_a_not_held_answer_keeps_that_topic(repo_engine: Engine, first: str, then: str,
                                                               topic: str) -> None:
    # the notice holds no working hours or eligibility for any role: the CIR's are not held either (was what a CIR is)
    engine = Engine(repo_engine.kb, clock=lambda: NOW)
    assert engine.answer(IncomingMessage(first, conversation_id="c1")).intent_id == topic
    reply = engine.answer(IncomingMessage(then, conversation_id="c1"))
    assert reply.intent_id == topic

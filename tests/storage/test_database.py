"""A SQLite store survives its process being killed with SIGKILL in the middle of writing."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from bot.settings import REPO_ROOT, StorageSettings
from bot.storage.stores import open_stores

WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from bot.settings import StorageSettings
    from bot.storage.stores import open_stores
    from bot.core.types import IncomingMessage, Reply
    store = open_stores(StorageSettings(db_path=Path(sys.argv[1]), log_secret="s"))
    n = 0
    while True:
        n += 1
        store.inquiries.record(IncomingMessage(f"question {n}", channel="line", user_id="U1"),
                     Reply(text="a", intent_id="overview", score=80.0), "v1", time.time())
        store.dedupe.claim(f"line:event-{n}")
        print(n, flush=True)   # only after both writes committed
""")


def test_sqlite_survives_sigkill_mid_write(tmp_path: Path) -> None:
    db = tmp_path / "jetbot.sqlite3"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db)], stdout=subprocess.PIPE, text=True,
                              cwd=REPO_ROOT, env={**os.environ, "PYTHONPATH": str(REPO_ROOT)})
    committed = 0
    deadline = time.monotonic() + 60
    try:
        assert writer.stdout is not None
        while committed < 300 and time.monotonic() < deadline:
            line = writer.stdout.readline()
            if not line:
                break
            committed = int(line)
    finally:
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait(timeout=30)
        if writer.stdout is not None:
            writer.stdout.close()
    assert writer.returncode == -signal.SIGKILL
    assert committed >= 300, "the writer did not get going"

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    store = open_stores(StorageSettings(db_path=db, log_secret="s"))
    questions = {q for (q,) in store.db.query("SELECT question FROM inquiries")}
    keys = {k for (k,) in store.db.query("SELECT key FROM dedupe")}
    assert {f"question {n}" for n in range(1, committed + 1)} <= questions
    assert {f"line:event-{n}" for n in range(1, committed + 1)} <= keys
    assert not store.dedupe.claim(f"line:event-{committed}")
    store.close()

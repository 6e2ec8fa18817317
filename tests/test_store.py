"""The store, on SQLite and on a real PostgreSQL: log, privacy, retention, dedupe, context."""
from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Callable

import pytest

from bot.core.answer import Context
from bot.engine import Engine
from bot.settings import Settings
from bot.storage.store import DAY, Store, open_store, store_location
from bot.storage.database import SCHEMA_VERSION
from bot.core.types import Candidate, IncomingMessage, Reply
from pg import pg_server, pg_url, store_target  # noqa: F401  (fixtures)

NOW = 1_717_243_200.0  # 2024-06-01 12:00 UTC
RAW_USER = "U4af4980629d1c2b3e5f60718293a4b5c"
SECRET = "test-secret"


def answered(intent: str, score: float = 88.0) -> Reply:
    return Reply(text="answer", intent_id=intent, score=score, candidates=(Candidate(intent, score),))


def fell_back(near: str, score: float = 30.0) -> Reply:
    return Reply(text="sorry", kind="fallback", fallback=True, score=score, candidates=(Candidate(near, score),))


def ask(text: str, user: str = RAW_USER, channel: str = "line") -> IncomingMessage:
    return IncomingMessage(text, channel=channel, user_id=user, conversation_id=user)


@pytest.fixture
def opener(store_target: str) -> Callable[..., Store]:
    """Opens stores on the test database (each one its own connection, like another process)."""
    opened: list[Store] = []

    def open_(**kwargs: object) -> Store:
        kwargs.setdefault("secret", SECRET)
        kwargs.setdefault("clock", lambda: NOW)
        store = open_store(store_target, env={}, **kwargs)  # type: ignore[arg-type]
        opened.append(store)
        return store

    yield open_
    for store in opened:
        store.close()


def all_rows(store: Store) -> list[tuple]:
    rows: list[tuple] = []
    for table in ("inquiries", "dedupe", "contexts", "meta"):
        rows += store.db.query(f"SELECT * FROM {table}")
    return rows


def test_record_and_query_round_trip(opener: Callable[..., Store]) -> None:
    store = opener()
    store.record(ask("JETプログラムとは"), answered("overview"), "v1", NOW)
    store.record(ask("ALTの役割は"), answered("alt_role", 55.0), "v1", NOW - DAY)
    store.record(ask("駐車場はありますか"), fell_back("venue"), "v1", NOW - DAY)
    store.record(ask("JETって何"), answered("overview"), "v1", NOW - 2 * DAY)

    summary = store.summary("2024-05-30", "2024-06-01")
    assert (summary.questions, summary.answered, summary.fallbacks) == (4, 3, 1)
    assert store.intent_volumes() == [("overview", 2), ("alt_role", 1)]
    assert [(d.day, d.questions, d.fallbacks) for d in store.daily("2024-05-29", "2024-06-01")] == [
        ("2024-05-29", 0, 0), ("2024-05-30", 1, 0), ("2024-05-31", 2, 1), ("2024-06-01", 1, 0)]
    low = store.low_confidence("2024-05-01", "2024-06-01", low=60)
    assert {(r.question, r.top_intent, r.fallback) for r in low} == {
        ("駐車場はありますか", "venue", True), ("ALTの役割は", "alt_role", False)}
    row = store.db.query("SELECT channel, kind, intent, top_intent, version, day FROM inquiries WHERE fallback = 1")
    assert row == [("line", "fallback", None, "venue", "v1", "2024-05-31")]


def test_personal_data_and_raw_ids_never_stored(opener: Callable[..., Store], store_target: str) -> None:
    store = opener()
    store.record(ask("電話は０９０－１２３４－５６７８、メールは taro@example.jp、番号 1234 5678 9012"),
                 fell_back("contacts"), "v1", NOW)
    store.put(f"line:{RAW_USER}", Context("overview", NOW))
    assert store.get(f"line:{RAW_USER}") == Context("overview", NOW)

    (question,) = store.db.query("SELECT question FROM inquiries")[0]
    assert question == "電話は[電話番号]、メールは [メール]、番号 [個人番号]"
    text = repr(all_rows(store))
    for secret in (RAW_USER, "5678", "taro@example.jp", "9012"):
        assert secret not in text
    if not store_target.startswith("postgres"):
        store.close()
        raw = b"".join(p.read_bytes() for p in Path(store_target).parent.glob("jetbot.sqlite3*"))
        assert RAW_USER.encode() not in raw and b"taro@example.jp" not in raw


def test_pseudonym_stable_per_secret(opener: Callable[..., Store]) -> None:
    first, again, other = opener(), opener(), opener(secret="another-secret")
    assert first.pseudonym(RAW_USER, "line") == again.pseudonym(RAW_USER, "line")
    assert first.pseudonym(RAW_USER, "line") != other.pseudonym(RAW_USER, "line")
    assert first.pseudonym(RAW_USER, "line") != first.pseudonym("U-someone-else", "line")
    first.record(ask("a"), answered("x"), "v1", NOW)
    first.record(ask("b"), answered("x"), "v1", NOW)
    assert len(set(first.db.query("SELECT user_hash FROM inquiries"))) == 1


def test_generated_secret_is_kept_and_warned_about(opener: Callable[..., Store],
                                                   caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="bot.storage.store"):
        first = opener(secret=None)
    assert "JETBOT_LOG_SECRET" in caplog.text
    second = opener(secret=None)
    assert first.pseudonym(RAW_USER) == second.pseudonym(RAW_USER) != opener().pseudonym(RAW_USER)


def test_schema_migration_is_idempotent(opener: Callable[..., Store]) -> None:
    opener()
    store = opener()
    assert store.db.query("SELECT value FROM meta WHERE key = 'schema_version'") == [(str(SCHEMA_VERSION),)]


def test_retention_purge(opener: Callable[..., Store]) -> None:
    store = opener(retention_days=30)
    store.record(ask("old"), answered("x"), "v1", NOW - 40 * DAY)
    store.record(ask("recent"), answered("x"), "v1", NOW - 10 * DAY)
    assert store.purge(NOW)["inquiries"] == 1
    assert store.db.query("SELECT question FROM inquiries") == [("recent",)]
    # Opening enforces it too, and a write a day later triggers a purge by itself.
    store.record(ask("older"), answered("x"), "v1", NOW - 50 * DAY)
    assert len(opener(retention_days=30).db.query("SELECT id FROM inquiries")) == 1
    store.record(ask("later"), answered("x"), "v1", NOW + 25 * DAY)
    assert sorted(store.db.query("SELECT question FROM inquiries")) == [("later",)]


def test_bad_retention_is_refused(opener: Callable[..., Store]) -> None:
    with pytest.raises(ValueError, match="positive"):
        opener(retention_days=0)


def test_dedupe_claim_once_across_stores(opener: Callable[..., Store]) -> None:
    web1, web2 = opener(), opener()
    assert web1.claim("line:event-1") is True
    assert web2.claim("line:event-1") is False
    assert web1.claim("line:event-1") is False
    assert web2.claim("line:event-2") is True


def test_dedupe_key_expires(opener: Callable[..., Store]) -> None:
    clock = [NOW]
    store = opener(clock=lambda: clock[0])
    assert store.claim("slack:Ev1")
    clock[0] += 6 * DAY
    assert not store.claim("slack:Ev1")
    clock[0] += 2 * DAY
    assert store.claim("slack:Ev1")


def test_concurrent_claims_exactly_one_wins(opener: Callable[..., Store]) -> None:
    stores = [opener() for _ in range(4)]
    start = threading.Barrier(200)
    results: list[bool] = []
    lock = threading.Lock()

    def worker(n: int) -> None:
        start.wait()
        won = stores[n % len(stores)].claim("line:retried-event")
        with lock:
            results.append(won)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(200)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert len(results) == 200 and results.count(True) == 1


def test_context_round_trip_and_expiry(opener: Callable[..., Store]) -> None:
    store = opener()
    assert store.get("slack:C1:T1") is None
    store.put("slack:C1:T1", Context("overview", NOW))
    store.put("slack:C1:T1", Context("alt_role", NOW + 5))
    assert opener().get("slack:C1:T1") == Context("alt_role", NOW + 5)
    store.purge(NOW + 2 * DAY)
    assert store.get("slack:C1:T1") is None


def test_engine_keeps_context_in_the_store(opener: Callable[..., Store], repo_engine: Engine) -> None:
    store = opener()
    engine = Engine(repo_engine.kb, contexts=store, clock=lambda: NOW)  # type: ignore[arg-type]
    reply = engine.answer(IncomingMessage("ALTとはどういう人ですか", channel="line", conversation_id=RAW_USER))
    assert not reply.fallback
    assert opener().get(f"line:{RAW_USER}") == Context(reply.intent_id, NOW)
    assert RAW_USER not in repr(all_rows(store))


def test_location_from_settings_and_environment(tmp_path: Path) -> None:
    url = "postgresql://jetbot@db.internal/jetbot"
    assert store_location(Settings(database_url=url), env={}) == url
    assert store_location(None, env={"JETBOT_DB_PATH": "/data/log.sqlite3"}) == "/data/log.sqlite3"
    assert store_location(None, env={"DATABASE_URL": url, "JETBOT_DB_PATH": "/x"}) == url
    assert store_location(Settings(), env={}) == "jetbot.sqlite3"
    store = open_store(None, env={"JETBOT_DB_PATH": str(tmp_path / "env.sqlite3"), "JETBOT_LOG_SECRET": "k",
                                  "JETBOT_RETENTION_DAYS": "90"})
    assert (tmp_path / "env.sqlite3").exists() and store.retention_days == 90
    assert store.pseudonym("U1") == open_store(str(tmp_path / "env.sqlite3"), secret="k", env={}).pseudonym("U1")
    with pytest.raises(ValueError, match="JETBOT_RETENTION_DAYS"):
        open_store(str(tmp_path / "env.sqlite3"), env={"JETBOT_RETENTION_DAYS": "a year"})


def test_postgres_connection_lost_is_reopened(pg_url: str, caplog: pytest.LogCaptureFixture) -> None:  # noqa: F811
    import psycopg

    store = open_store(pg_url, secret=SECRET, env={}, clock=lambda: NOW)
    assert store.claim("line:before")
    (pid,) = store.db.query("SELECT pg_backend_pid()")[0]
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    assert store.claim("line:after") and not store.claim("line:before")
    assert "reconnecting" in caplog.text
    store.close()

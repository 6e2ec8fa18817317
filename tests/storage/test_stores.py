"""The stores, on SQLite and on a real PostgreSQL: log, privacy, retention, dedupe, context."""
from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Callable

import pytest

from bot.core.types import Candidate, Context, Inbound, IncomingMessage, Reply
from bot.engine import Engine
from bot.settings import Settings, StorageSettings
from bot.storage.migrations import SCHEMA_VERSION
from bot.storage.retention import DAY
from bot.storage.stores import Stores, open_stores
from databases import NOW, storage_at

RAW_USER = "U4af4980629d1c2b3e5f60718293a4b5c"
Opener = Callable[..., Stores]


def answered(intent: str, score: float = 88.0) -> Reply:
    return Reply(text="answer", intent_id=intent, score=score, candidates=(Candidate(intent, score),))


def fell_back(near: str, score: float = 30.0) -> Reply:
    return Reply(text="sorry", kind="fallback", fallback=True, score=score, candidates=(Candidate(near, score),))


def ask(text: str, user: str = RAW_USER, channel: str = "line") -> IncomingMessage:
    return IncomingMessage(text, channel=channel, user_id=user, conversation_id=user)


def all_rows(store: Stores) -> list[tuple]:
    rows: list[tuple] = []
    for table in ("inquiries", "dedupe", "contexts", "meta"):
        rows += store.db.query(f"SELECT * FROM {table}")
    return rows


def test_record_and_query_round_trip(open_test_stores: Opener) -> None:
    store = open_test_stores()
    store.inquiries.record(ask("JETプログラムとは"), answered("overview"), "v1", NOW)
    store.inquiries.record(ask("ALTの役割は"), answered("alt_role", 55.0), "v1", NOW - DAY)
    store.inquiries.record(ask("駐車場はありますか"), fell_back("venue"), "v1", NOW - DAY)
    store.inquiries.record(ask("JETって何"), answered("overview"), "v1", NOW - 2 * DAY)

    summary = store.stats.summary("2024-05-30", "2024-06-01")
    assert (summary.questions, summary.answered, summary.fallbacks) == (4, 3, 1)
    assert store.stats.intent_volumes() == [("overview", 2), ("alt_role", 1)]
    assert [(d.day, d.questions, d.fallbacks) for d in store.stats.daily("2024-05-29", "2024-06-01")] == [
        ("2024-05-29", 0, 0), ("2024-05-30", 1, 0), ("2024-05-31", 2, 1), ("2024-06-01", 1, 0)]
    low = store.stats.low_confidence("2024-05-01", "2024-06-01", low=60)
    assert {(r.question, r.top_intent, r.fallback) for r in low} == {
        ("駐車場はありますか", "venue", True), ("ALTの役割は", "alt_role", False)}
    row = store.db.query("SELECT channel, kind, intent, top_intent, version, day FROM inquiries WHERE fallback = 1")
    assert row == [("line", "fallback", None, "venue", "v1", "2024-05-31")]


def test_personal_data_and_raw_ids_never_stored(open_test_stores: Opener, store_target: str) -> None:
    store = open_test_stores()
    store.inquiries.record(ask("電話は０９０－１２３４－５６７８、メールは taro@example.jp、番号 1234 5678 9012"),
                 fell_back("contacts"), "v1", NOW)
    store.contexts.save(f"line:{RAW_USER}", Context("overview", NOW))
    assert store.contexts.load(f"line:{RAW_USER}") == Context("overview", NOW)
    store.contexts.save(f"line:{RAW_USER}", Context("size_2023", NOW, "en", ("alt", "cir")))  # the roles asked about
    assert store.contexts.load(f"line:{RAW_USER}") == Context("size_2023", NOW, "en", ("alt", "cir"))

    (question,) = store.db.query("SELECT question FROM inquiries")[0]
    assert question == "電話は[電話番号]、メールは [メール]、番号 [個人番号]"
    text = repr(all_rows(store))
    for secret in (RAW_USER, "5678", "taro@example.jp", "9012"):
        assert secret not in text
    if not store_target.startswith("postgres"):
        store.close()
        raw = b"".join(p.read_bytes() for p in Path(store_target).parent.glob("jetbot.sqlite3*"))
        assert RAW_USER.encode() not in raw and b"taro@example.jp" not in raw


def test_pseudonym_stable_per_secret(open_test_stores: Opener) -> None:
    first, again, other = open_test_stores(), open_test_stores(), open_test_stores(log_secret="another-secret")
    assert first.pseudonyms.of(RAW_USER, "line") == again.pseudonyms.of(RAW_USER, "line")
    assert first.pseudonyms.of(RAW_USER, "line") != other.pseudonyms.of(RAW_USER, "line")
    assert first.pseudonyms.of(RAW_USER, "line") != first.pseudonyms.of("U-someone-else", "line")
    first.inquiries.record(ask("a"), answered("x"), "v1", NOW)
    first.inquiries.record(ask("b"), answered("x"), "v1", NOW)
    assert len(set(first.db.query("SELECT user_hash FROM inquiries"))) == 1


def test_generated_secret_is_kept_and_warned_about(open_test_stores: Opener,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="bot.storage.keys"):
        first = open_test_stores(log_secret=None)
    assert "JETBOT_LOG_SECRET" in caplog.text
    second = open_test_stores(log_secret=None)
    assert first.pseudonyms.of(RAW_USER) == second.pseudonyms.of(RAW_USER) != open_test_stores().pseudonyms.of(RAW_USER)


def test_schema_migration_is_idempotent(open_test_stores: Opener) -> None:
    open_test_stores()
    store = open_test_stores()
    assert store.db.query("SELECT value FROM meta WHERE key = 'schema_version'") == [(str(SCHEMA_VERSION),)]


def test_retention_purge(open_test_stores: Opener) -> None:
    store = open_test_stores(retention_days=30)
    store.inquiries.record(ask("old"), answered("x"), "v1", NOW - 40 * DAY)
    store.inquiries.record(ask("recent"), answered("x"), "v1", NOW - 10 * DAY)
    assert store.retention.purge(NOW)["inquiries"] == 1
    assert store.db.query("SELECT question FROM inquiries") == [("recent",)]
    # Opening enforces it too, and a write a day later triggers a purge by itself.
    store.inquiries.record(ask("older"), answered("x"), "v1", NOW - 50 * DAY)
    assert len(open_test_stores(retention_days=30).db.query("SELECT id FROM inquiries")) == 1
    store.inquiries.record(ask("later"), answered("x"), "v1", NOW + 25 * DAY)
    assert sorted(store.db.query("SELECT question FROM inquiries")) == [("later",)]


def test_bad_retention_is_refused(open_test_stores: Opener) -> None:
    with pytest.raises(ValueError, match="positive"):
        open_test_stores(retention_days=0)


def test_dedupe_claim_once_across_stores(open_test_stores: Opener) -> None:
    web1, web2 = open_test_stores(), open_test_stores()
    assert web1.dedupe.claim("line:event-1") is True
    assert web2.dedupe.claim("line:event-1") is False
    assert web1.dedupe.claim("line:event-1") is False
    assert web2.dedupe.claim("line:event-2") is True


def test_dedupe_key_expires(open_test_stores: Opener) -> None:
    clock = [NOW]
    store = open_test_stores(clock=lambda: clock[0])
    assert store.dedupe.claim("slack:Ev1")
    clock[0] += 6 * DAY
    assert not store.dedupe.claim("slack:Ev1")
    clock[0] += 2 * DAY
    assert store.dedupe.claim("slack:Ev1")


def test_concurrent_claims_exactly_one_wins(open_test_stores: Opener) -> None:
    stores = [open_test_stores() for _ in range(4)]
    start = threading.Barrier(200)
    results: list[bool] = []
    lock = threading.Lock()

    def worker(n: int) -> None:
        start.wait()
        won = stores[n % len(stores)].dedupe.claim("line:retried-event")
        with lock:
            results.append(won)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(200)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert len(results) == 200 and results.count(True) == 1


def test_context_round_trip_and_expiry(open_test_stores: Opener) -> None:
    store = open_test_stores()
    assert store.contexts.load("slack:C1:T1") is None
    store.contexts.save("slack:C1:T1", Context("overview", NOW))
    store.contexts.save("slack:C1:T1", Context("alt_role", NOW + 5))
    assert open_test_stores().contexts.load("slack:C1:T1") == Context("alt_role", NOW + 5)
    store.retention.purge(NOW + 2 * DAY)
    assert store.contexts.load("slack:C1:T1") is None


def test_a_context_keeps_the_conversations_language(open_test_stores: Opener) -> None:
    store = open_test_stores()
    store.contexts.save("line:U1", Context("alt_role", NOW, "en"))
    assert open_test_stores().contexts.load("line:U1") == Context("alt_role", NOW, "en")


def test_a_context_keeps_the_topics_the_conversation_moved_away_from(open_test_stores: Opener,
                                                                     repo_engine: Engine) -> None:
    store = open_test_stores()
    engine = Engine(repo_engine.kb, contexts=store.contexts, clock=lambda: NOW)
    for text in ("令和5年度のJET参加者は何人？", "話変わるけど、文科省の電話番号は？"):
        engine.answer(IncomingMessage(text, channel="line", conversation_id="U7"))
    assert open_test_stores().contexts.load("line:U7").earlier == ("size_2023",)
    reply = engine.answer(IncomingMessage("さっきの人数のうちALTは何人？", channel="line", conversation_id="U7"))
    assert "5,355" in reply.text and "6734-3480" not in reply.text


def test_engine_keeps_context_in_the_store(open_test_stores: Opener, repo_engine: Engine) -> None:
    store = open_test_stores()
    engine = Engine(repo_engine.kb, contexts=store.contexts, clock=lambda: NOW)
    reply = engine.answer(IncomingMessage("ALTとはどういう人ですか", channel="line", conversation_id=RAW_USER))
    assert not reply.fallback
    assert open_test_stores().contexts.load(f"line:{RAW_USER}") == Context(reply.intent_id, NOW, names=("alt",))
    assert RAW_USER not in repr(all_rows(store))


def test_location_from_settings_and_environment(tmp_path: Path) -> None:
    url = "postgresql://jetbot@db.internal/jetbot"
    assert Settings.from_env({"DATABASE_URL": url}).storage.location == url
    assert Settings.from_env({"JETBOT_DB_PATH": "/data/log.sqlite3"}).storage.location == "/data/log.sqlite3"
    assert Settings.from_env({"DATABASE_URL": url, "JETBOT_DB_PATH": "/x"}).storage.location == url
    assert Settings.from_env({}).storage.location == "jetbot.sqlite3"
    settings = Settings.from_env({"JETBOT_DB_PATH": str(tmp_path / "env.sqlite3"), "JETBOT_LOG_SECRET": "k",
                                  "JETBOT_RETENTION_DAYS": "90"})
    store = open_stores(settings.storage)
    assert (tmp_path / "env.sqlite3").exists() and store.inquiries.retention_days == 90
    again = open_stores(StorageSettings(db_path=tmp_path / "env.sqlite3", log_secret="k"))
    assert store.pseudonyms.of("U1") == again.pseudonyms.of("U1")
    store.close()
    again.close()
    with pytest.raises(ValueError, match="JETBOT_RETENTION_DAYS"):
        Settings.from_env({"JETBOT_RETENTION_DAYS": "a year"})


def test_postgres_connection_lost_is_reopened(pg_url: str, caplog: pytest.LogCaptureFixture) -> None:
    import psycopg

    store = open_stores(storage_at(pg_url, pool_size=1), clock=lambda: NOW)
    assert store.dedupe.claim("line:before")
    (pid,) = store.db.query("SELECT pg_backend_pid()")[0]
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    assert store.dedupe.claim("line:after") and not store.dedupe.claim("line:before")
    assert "reconnecting" in caplog.text
    store.close()


def test_postgres_connection_lost_before_a_transaction_is_reopened(pg_url: str,
                                                                   caplog: pytest.LogCaptureFixture) -> None:
    import psycopg

    store = open_stores(storage_at(pg_url, pool_size=1), clock=lambda: NOW)
    (pid,) = store.db.query("SELECT pg_backend_pid()")[0]
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    event = Inbound("line:after", IncomingMessage("質問", channel="line", user_id="U1"), {"reply_token": "rt"})
    assert store.inbox.accept([event]) == ["line:after"]      # the webhook is stored, not refused
    assert store.inbox.state("line:after") == "pending" and "reconnecting" in caplog.text
    store.close()


def test_a_users_recent_questions_by_their_pseudonym(open_test_stores: Opener) -> None:
    store = open_test_stores()
    store.inquiries.record(ask("JETプログラムとは", channel="slack"), answered("overview"), "v1", NOW - 3)
    store.inquiries.record(ask("", channel="slack"), answered("help"), "v1", NOW - 2)        # /jet alone
    store.inquiries.record(ask("駐車場は 03-1234-5678", channel="slack"), fell_back("venue"), "v1", NOW - 1)
    store.inquiries.record(ask("ALTの役割は", user="U-other", channel="slack"), answered("alt_role"), "v1", NOW)
    store.inquiries.record(ask("CIRとは", channel="line"), answered("cir"), "v1", NOW)      # same person, LINE
    recent = store.stats.recent_questions(store.pseudonyms.of(RAW_USER, "slack"))
    assert [(q.at, q.question, q.answered) for q in recent] == [
        (NOW - 1, "駐車場は [電話番号]", False), (NOW - 3, "JETプログラムとは", True)]
    assert len(store.stats.recent_questions(store.pseudonyms.of(RAW_USER, "slack"), limit=1)) == 1

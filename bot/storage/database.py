"""One SQL connection (SQLite or PostgreSQL) behind a lock, and the schema migrations.

The two databases differ only in what :class:`Dialect` holds: the placeholder
style, the auto-increment key type and how migrations are serialised between
processes. Every statement is its own short transaction (autocommit), except
migrations, which run in one transaction.
"""
from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

log = logging.getLogger(__name__)

SCHEMA_VERSION_KEY = "schema_version"


@dataclass(frozen=True)
class Dialect:
    """What differs between SQLite and PostgreSQL in the statements we run."""

    name: str
    placeholder: str          # "?" or "%s"
    serial_key: str           # auto-increment primary key column type
    begin: str                # starts the migration transaction
    lock: str | None          # serialises migrations across processes (PostgreSQL)


SQLITE = Dialect("sqlite", "?", "INTEGER PRIMARY KEY AUTOINCREMENT", "BEGIN IMMEDIATE", None)
POSTGRES = Dialect("postgresql", "%s", "BIGSERIAL PRIMARY KEY", "BEGIN",
                   "SELECT pg_advisory_xact_lock(727274)")

# Each migration is (version, statements); {serial_key} is filled in per dialect.
MIGRATIONS: list[tuple[int, list[str]]] = [
    (1, [
        """CREATE TABLE IF NOT EXISTS inquiries (
            id {serial_key},
            at DOUBLE PRECISION NOT NULL,
            day TEXT NOT NULL,
            channel TEXT NOT NULL,
            user_hash TEXT NOT NULL,
            question TEXT NOT NULL,
            kind TEXT NOT NULL,
            intent TEXT,
            top_intent TEXT,
            score DOUBLE PRECISION NOT NULL,
            fallback INTEGER NOT NULL,
            language TEXT NOT NULL,
            version TEXT NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS inquiries_at ON inquiries (at)",
        "CREATE TABLE IF NOT EXISTS dedupe (key TEXT PRIMARY KEY, at DOUBLE PRECISION NOT NULL)",
        "CREATE INDEX IF NOT EXISTS dedupe_at ON dedupe (at)",
        """CREATE TABLE IF NOT EXISTS contexts (
            key TEXT PRIMARY KEY, intent_id TEXT NOT NULL, at DOUBLE PRECISION NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS contexts_at ON contexts (at)",
    ]),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]


def is_postgres_url(target: str) -> bool:
    """True for ``postgres://`` and ``postgresql://`` URLs (anything else is a SQLite path)."""
    return target.startswith(("postgres://", "postgresql://"))


class Database:
    """A connection shared by threads under a lock; reconnects once after a lost connection."""

    def __init__(self, dialect: Dialect, connect: Callable[[], Any],
                 transient: tuple[type[BaseException], ...]) -> None:
        self.dialect = dialect
        self._connect = connect
        self._transient = transient
        self._lock = threading.RLock()
        self._conn: Any = connect()

    def _sql(self, sql: str) -> str:
        return sql if self.dialect.placeholder == "?" else sql.replace("?", self.dialect.placeholder)

    def _run(self, sql: str, params: Sequence[Any], fetch: bool) -> Any:
        with self._lock:
            for attempt in (1, 2):
                try:
                    if self._conn is None:
                        self._conn = self._connect()
                    cur = self._conn.execute(self._sql(sql), tuple(params))
                    return cur.fetchall() if fetch else cur.rowcount
                except self._transient:
                    if attempt == 2 or self.dialect is SQLITE:
                        raise
                    log.warning("database connection lost; reconnecting", exc_info=True)
                    self.close()

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one statement in its own transaction; returns the number of rows changed."""
        return self._run(sql, params, fetch=False)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one SELECT and return every row."""
        return self._run(sql, params, fetch=True)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Callable[[str, Sequence[Any]], list[tuple[Any, ...]]]]:
        """Hold the lock and one transaction; yields ``run(sql, params) -> rows``."""
        with self._lock:
            if self._conn is None:
                self._conn = self._connect()
            conn = self._conn
            conn.execute(self.dialect.begin)
            try:
                if self.dialect.lock:
                    conn.execute(self.dialect.lock)
                yield lambda sql, params=(): _rows(conn.execute(self._sql(sql), tuple(params)))
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def close(self) -> None:
        """Close the connection (a later call reconnects)."""
        with self._lock:
            if self._conn is not None:
                with contextlib.suppress(Exception):
                    self._conn.close()
                self._conn = None


def _rows(cursor: Any) -> list[tuple[Any, ...]]:
    return cursor.fetchall() if cursor.description else []


def connect_sqlite(path: str | Path, busy_timeout_ms: int = 10_000) -> Database:
    """Open (creating) a SQLite file in WAL mode with a busy timeout."""
    def connect() -> sqlite3.Connection:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), timeout=busy_timeout_ms / 1000, isolation_level=None,
                               check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        return conn

    return Database(SQLITE, connect, (sqlite3.OperationalError,))


def connect_postgres(url: str, connect_timeout: int = 10) -> Database:
    """Connect to PostgreSQL with psycopg 3 (autocommit: every statement is one transaction)."""
    try:
        import psycopg
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise RuntimeError("DATABASE_URL is set but psycopg is not installed: pip install 'psycopg[binary]'") from exc

    def connect() -> Any:
        return psycopg.connect(url, autocommit=True, connect_timeout=connect_timeout,
                               application_name="jetbot")

    return Database(POSTGRES, connect, (psycopg.OperationalError,))


def migrate(db: Database) -> int:
    """Create or upgrade the schema (idempotent, safe when several processes start together)."""
    with db.transaction() as run:
        run("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)", ())
        rows = run("SELECT value FROM meta WHERE key = ?", (SCHEMA_VERSION_KEY,))
        current = int(rows[0][0]) if rows else 0
        for version, statements in MIGRATIONS:
            if version > current:
                for statement in statements:
                    run(statement.format(serial_key=db.dialect.serial_key), ())
                current = version
        run("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (SCHEMA_VERSION_KEY, str(current)))
    return current

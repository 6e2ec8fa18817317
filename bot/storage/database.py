"""The one database (SQLite file or PostgreSQL) behind every store.

The two differ only in what :class:`Dialect` holds: placeholder style, auto-increment key,
how a transaction starts and how migrations are serialised between processes. SQLite keeps
one connection behind a lock (one writer is what SQLite wants); PostgreSQL takes connections
from a pool (``psycopg_pool``) sized by the settings, so concurrent callers do not queue on
one round trip. Every statement outside :meth:`Database.transaction` is its own transaction.
"""
from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")

Run = Callable[..., list[tuple[Any, ...]]]  # run(sql, params=()) -> rows, inside a transaction


@dataclass(frozen=True)
class Dialect:
    """What differs between SQLite and PostgreSQL in the statements we run."""

    name: str
    placeholder: str          # "?" or "%s"
    serial_key: str           # auto-increment primary key column type
    begin: str                # starts a write transaction
    lock: str | None          # takes a named lock until the transaction ends (PostgreSQL; SQLite's
                              # BEGIN IMMEDIATE already lets one writer in at a time)


SQLITE = Dialect("sqlite", "?", "INTEGER PRIMARY KEY AUTOINCREMENT", "BEGIN IMMEDIATE", None)
POSTGRES = Dialect("postgresql", "%s", "BIGSERIAL PRIMARY KEY", "BEGIN", "SELECT pg_advisory_xact_lock(%s)")


def is_postgres_url(target: str) -> bool:
    """True for ``postgres://`` and ``postgresql://`` URLs (anything else is a SQLite path)."""
    return target.startswith(("postgres://", "postgresql://"))


def _rows(cursor: Any) -> list[tuple[Any, ...]]:
    return cursor.fetchall() if cursor.description else []


class Database:
    """Statements and transactions over SQLite or PostgreSQL; see the module docstring."""

    def __init__(self, dialect: Dialect, connections: "_Connections") -> None:
        self.dialect = dialect
        self._connections = connections

    def _sql(self, sql: str) -> str:
        return sql if self.dialect.placeholder == "?" else sql.replace("?", self.dialect.placeholder)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one statement in its own transaction; returns the number of rows changed."""
        return self._connections.run(lambda conn: int(conn.execute(self._sql(sql), tuple(params)).rowcount))

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one SELECT (or ``… RETURNING``) and return every row."""
        return self._connections.run(lambda conn: _rows(conn.execute(self._sql(sql), tuple(params))))

    def run_together(self, statements: Sequence[tuple[str, Sequence[Any]]]) -> list[list[tuple[Any, ...]]]:
        """Run several statements as one transaction, their parameters known up front (with PostgreSQL
        sent in one round trip); returns the rows of each."""
        return self._connections.together([(self._sql(sql), tuple(params)) for sql, params in statements],
                                          self.dialect.begin)

    @contextlib.contextmanager
    def transaction(self, lock: int | None = None) -> Iterator[Run]:
        """One transaction; yields ``run(sql, params) -> rows``. ``lock``: transactions holding the
        same lock number run one at a time, across processes (read-check-write without races)."""
        with self._connections.begun(self.dialect.begin) as conn:
            try:
                if lock is not None and self.dialect.lock:
                    conn.execute(self.dialect.lock, (lock,))
                yield lambda sql, params=(): _rows(conn.execute(self._sql(sql), tuple(params)))
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def close(self) -> None:
        """Close every connection (a later call reconnects)."""
        self._connections.close()


class _Connections:
    """How a :class:`Database` gets a connection."""

    def use(self) -> contextlib.AbstractContextManager[Any]:
        """A connection for the duration of the block."""
        raise NotImplementedError

    def run(self, statement: Callable[[Any], T]) -> T:
        """``statement(connection)`` (retried once on a lost connection where that is safe)."""
        with self.use() as conn:
            return statement(conn)

    def together(self, statements: Sequence[tuple[str, tuple[Any, ...]]], begin: str) -> list[list[tuple[Any, ...]]]:
        """Every statement in one transaction; the rows of each."""
        with self.begun(begin) as conn:
            try:
                rows = [_rows(conn.execute(sql, params)) for sql, params in statements]
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        return rows

    @contextlib.contextmanager
    def begun(self, begin: str) -> Iterator[Any]:
        """A connection for the block, on which ``begin`` was run."""
        with self.use() as conn:
            conn.execute(begin)
            yield conn

    def close(self) -> None:
        raise NotImplementedError


class _SqliteConnection(_Connections):
    """One connection shared by threads under a lock (SQLite allows one writer at a time anyway)."""

    def __init__(self, path: str, busy_timeout_ms: int) -> None:
        self._path, self._busy = path, busy_timeout_ms
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None
        with self.use():
            pass  # open now: a bad path fails at start-up, not at the first question

    def _open(self) -> sqlite3.Connection:
        if self._path != ":memory:":
            Path(self._path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self._path, timeout=self._busy / 1000, isolation_level=None,
                               check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {int(self._busy)}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        return conn

    @contextlib.contextmanager
    def use(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self._conn is None:
                self._conn = self._open()
            yield self._conn

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                with contextlib.suppress(Exception):
                    self._conn.close()
                self._conn = None


class _PostgresPool(_Connections):
    """A ``psycopg_pool.ConnectionPool``; a statement (or a transaction's ``BEGIN``) that meets a lost
    connection is sent once more on a fresh one. The pool lends connections unchecked: a check is a
    round trip per statement, and the first statement finds a dead connection just as well."""

    def __init__(self, url: str, size: int, connect_timeout: int) -> None:
        import psycopg
        from psycopg_pool import ConnectionPool

        self._transient = (psycopg.OperationalError,)
        self._pool = ConnectionPool(
            url, min_size=1, max_size=max(1, size), open=True, timeout=30,
            kwargs={"autocommit": True, "connect_timeout": connect_timeout, "application_name": "jetbot"},
            name="jetbot")
        self._pool.wait(timeout=connect_timeout)

    def use(self) -> contextlib.AbstractContextManager[Any]:
        return self._pool.connection()

    def run(self, statement: Callable[[Any], T]) -> T:
        # A connection lost under a statement (a server restart, an idle timeout) almost always
        # means the statement never ran: it is sent once more on a fresh connection.
        try:
            with self._pool.connection() as conn:
                return statement(conn)
        except self._transient:
            log.warning("database connection lost; reconnecting", exc_info=True)
        with self._pool.connection() as conn:
            return statement(conn)

    def together(self, statements: Sequence[tuple[str, tuple[Any, ...]]], begin: str) -> list[list[tuple[Any, ...]]]:
        def send(conn: Any) -> list[list[tuple[Any, ...]]]:
            with conn.pipeline(), conn.transaction():   # BEGIN, the statements, COMMIT: one round trip
                cursors = [conn.execute(sql, params) for sql, params in statements]
            return [_rows(cursor) for cursor in cursors]
        return self.run(send)

    @contextlib.contextmanager
    def begun(self, begin: str) -> Iterator[Any]:
        # As run(): nothing ran before BEGIN, so a lost connection there is safe to replace.
        with contextlib.ExitStack() as held:
            conn = held.enter_context(self._pool.connection())
            try:
                conn.execute(begin)
            except self._transient:
                log.warning("database connection lost; reconnecting", exc_info=True)
                held.close()   # the dead connection goes back, and the pool replaces it
                conn = held.enter_context(self._pool.connection())
                conn.execute(begin)
            yield conn

    def close(self) -> None:
        self._pool.close()


def open_database(location: str, pool_size: int = 4, connect_timeout: int = 10,
                  busy_timeout_ms: int = 10_000) -> Database:
    """A PostgreSQL URL (pooled, ``pool_size`` connections at most) or a SQLite path (WAL mode)."""
    if is_postgres_url(location):
        return Database(POSTGRES, _PostgresPool(location, pool_size, connect_timeout))
    return Database(SQLITE, _SqliteConnection(location.removeprefix("sqlite:///"), busy_timeout_ms))

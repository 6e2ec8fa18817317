"""Where a :class:`~bot.storage.database.Database` gets its connections: one SQLite connection behind a
lock (one writer is what SQLite wants), or a pool of PostgreSQL connections (``psycopg_pool``) sized by the
settings, so that concurrent callers do not queue on one round trip."""
from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


def rows_of(cursor: Any) -> list[tuple[Any, ...]]:
    """The rows a statement returned (none for a statement that returns no rows)."""
    return cursor.fetchall() if cursor.description else []


class Connections:
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
                rows = [rows_of(conn.execute(sql, params)) for sql, params in statements]
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


class SqliteConnection(Connections):
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


class PostgresPool(Connections):
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
            return [rows_of(cursor) for cursor in cursors]
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

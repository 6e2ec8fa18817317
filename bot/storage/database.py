"""The one database (SQLite file or PostgreSQL) behind every store.

The two differ only in what :class:`Dialect` holds: placeholder style, auto-increment key,
how a transaction starts and how migrations are serialised between processes. SQLite keeps
one connection behind a lock (one writer is what SQLite wants); PostgreSQL takes connections
from a pool (``psycopg_pool``) sized by the settings, so concurrent callers do not queue on
one round trip. Every statement outside :meth:`Database.transaction` is its own transaction.
"""
from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any, Callable, Iterator, Sequence

from bot.storage.connections import Connections, PostgresPool, SqliteConnection, rows_of

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


class Database:
    """Statements and transactions over SQLite or PostgreSQL; see the module docstring."""

    def __init__(self, dialect: Dialect, connections: Connections) -> None:
        self.dialect = dialect
        self._connections = connections

    def _sql(self, sql: str) -> str:
        return sql if self.dialect.placeholder == "?" else sql.replace("?", self.dialect.placeholder)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one statement in its own transaction; returns the number of rows changed."""
        return self._connections.run(lambda conn: int(conn.execute(self._sql(sql), tuple(params)).rowcount))

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one SELECT (or ``… RETURNING``) and return every row."""
        return self._connections.run(lambda conn: rows_of(conn.execute(self._sql(sql), tuple(params))))

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
                yield lambda sql, params=(): rows_of(conn.execute(self._sql(sql), tuple(params)))
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def close(self) -> None:
        """Close every connection (a later call reconnects)."""
        self._connections.close()


def open_database(location: str, pool_size: int = 4, connect_timeout: int = 10,
                  busy_timeout_ms: int = 10_000) -> Database:
    """A PostgreSQL URL (pooled, ``pool_size`` connections at most) or a SQLite path (WAL mode)."""
    if is_postgres_url(location):
        return Database(POSTGRES, PostgresPool(location, pool_size, connect_timeout))
    return Database(SQLITE, SqliteConnection(location.removeprefix("sqlite:///"), busy_timeout_ms))

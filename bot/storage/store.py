"""The bot's one store: inquiry log, webhook dedupe keys and conversation context.

SQLite file by default (``JETBOT_DB_PATH``, default ``jetbot.sqlite3``), PostgreSQL
when ``DATABASE_URL`` is set. Synchronous and thread-safe; every call is one short
transaction. Personal data never reaches it: questions are masked
(:func:`bot.core.privacy.mask_personal_data`) and user ids and conversation keys are
keyed hashes (``JETBOT_LOG_SECRET``). Rows older than ``JETBOT_RETENTION_DAYS``
(default 365) are deleted at open and at most once a day on write.

    store = open_store(Settings.from_env())
    store.record(message, reply, kb.version, time.time())
    store.claim("line:<event id>")        # True once per key, across processes
    store.put(key, Context(...)); store.get(key)
"""
from __future__ import annotations

import logging
import os
import re
import secrets
import time
from pathlib import Path
from typing import Any, Callable, Mapping

from bot.core.types import Context
from bot.core.privacy import mask_personal_data, pseudonym
from bot.storage.database import Database, connect_postgres, connect_sqlite, is_postgres_url, migrate
from bot.storage.inquiry_stats import StoreStats
from bot.core.types import IncomingMessage, Reply

log = logging.getLogger(__name__)

DAY = 86_400.0
DEFAULT_DB_PATH = "jetbot.sqlite3"
DEFAULT_RETENTION_DAYS = 365.0
DEDUPE_TTL = 7 * DAY
CONTEXT_TTL = DAY
MAX_QUESTION_CHARS = 2000
_SECRET_KEY = "log_secret"
_UNSTORABLE = re.compile(r"[\x00\ud800-\udfff]")  # NUL (PostgreSQL refuses it), lone surrogates (not UTF-8)


class Store(StoreStats):
    """Inquiry log + ``DedupeStore`` + context memory over one :class:`Database`."""

    def __init__(self, db: Database, secret: str | None = None,
                 retention_days: float = DEFAULT_RETENTION_DAYS, dedupe_ttl: float = DEDUPE_TTL,
                 clock: Callable[[], float] = time.time) -> None:
        if retention_days <= 0:
            raise ValueError(f"retention must be a positive number of days, not {retention_days}")
        self.db = db
        self.retention_days = retention_days
        self._dedupe_ttl = dedupe_ttl
        self._clock = clock
        self._last_purge = float("-inf")
        migrate(db)
        self._secret = secret or self._stored_secret()
        self.purge(clock())

    def _stored_secret(self) -> str:
        """The random secret kept in the meta table, created by whoever opens the store first."""
        self.db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
                        (_SECRET_KEY, secrets.token_hex(32)))
        log.warning("JETBOT_LOG_SECRET is not set: user ids are hashed with a random secret kept in the "
                    "database; set JETBOT_LOG_SECRET so that the key is not stored beside the data")
        return str(self.db.query("SELECT value FROM meta WHERE key = ?", (_SECRET_KEY,))[0][0])

    def pseudonym(self, user_id: str, channel: str = "") -> str:
        """The stored form of a user id (HMAC-SHA256 with the log secret)."""
        return pseudonym(user_id, self._secret, channel)

    # -- inquiry log -------------------------------------------------------------------------
    def record(self, message: IncomingMessage, reply: Reply, version: str, at: float | None = None) -> None:
        """Log one question and its reply (masked text, pseudonymous user, UTC time)."""
        at = self._clock() if at is None else at
        top = reply.candidates[0].intent_id if reply.candidates else reply.intent_id
        self.db.execute(
            "INSERT INTO inquiries (at, day, channel, user_hash, question, kind, intent, top_intent, score,"
            " fallback, language, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (at, time.strftime("%Y-%m-%d", time.gmtime(at)), message.channel,
             self.pseudonym(message.user_id, message.channel),
             _UNSTORABLE.sub("\ufffd", mask_personal_data(message.text))[:MAX_QUESTION_CHARS], reply.kind,
             None if reply.fallback else reply.intent_id, top, float(reply.score), int(reply.fallback),
             reply.language, version))
        self._maybe_purge(at)

    # -- webhook dedupe (bot.storage.dedupe.DedupeStore) ----------------------------------------------
    def claim(self, key: str) -> bool:
        """True the first time ``key`` is seen (or after it expired); atomic across processes."""
        now = self._clock()
        changed = self.db.execute(
            "INSERT INTO dedupe (key, at) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET at = excluded.at"
            " WHERE dedupe.at < ?", (key, now, now - self._dedupe_ttl))
        self._maybe_purge(now)
        return changed == 1

    # -- conversation context (same interface as bot.engine.ContextMemory) --------------------
    def get(self, key: str) -> Context | None:
        """The conversation's last topic, or None."""
        rows = self.db.query("SELECT intent_id, at FROM contexts WHERE key = ?", (self._context_key(key),))
        return Context(rows[0][0], float(rows[0][1])) if rows else None

    def put(self, key: str, context: Context) -> None:
        """Remember the conversation's topic (the key is stored hashed: it may contain a user id)."""
        self.db.execute(
            "INSERT INTO contexts (key, intent_id, at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE"
            " SET intent_id = excluded.intent_id, at = excluded.at",
            (self._context_key(key), context.intent_id, context.at))
        self._maybe_purge(self._clock())

    def _context_key(self, key: str) -> str:
        return pseudonym(key, self._secret, "context")

    # -- retention ----------------------------------------------------------------------------
    def purge(self, now: float | None = None) -> dict[str, int]:
        """Delete inquiries past retention, expired dedupe keys and stale contexts; returns counts."""
        now = self._clock() if now is None else now
        self._last_purge = now
        return {
            "inquiries": self.db.execute("DELETE FROM inquiries WHERE at < ?", (now - self.retention_days * DAY,)),
            "dedupe": self.db.execute("DELETE FROM dedupe WHERE at < ?", (now - self._dedupe_ttl,)),
            "contexts": self.db.execute("DELETE FROM contexts WHERE at < ?", (now - CONTEXT_TTL,)),
        }

    def _maybe_purge(self, now: float) -> None:
        if now - self._last_purge >= DAY:
            try:
                self.purge(now)
            except Exception:  # a failed purge must not lose the write that triggered it
                log.exception("retention purge failed")

    def close(self) -> None:
        """Close the connection."""
        self.db.close()


def _number(value: Any, name: str) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number of days, not {value!r}") from None


def _setting(target: Any, attr: str, name: str, env: Mapping[str, str]) -> Any:
    value = None if target is None or isinstance(target, (str, Path)) else getattr(target, attr, None)
    return value if value not in (None, "") else (env.get(name, "").strip() or None)


def store_location(target: Any = None, env: Mapping[str, str] | None = None) -> str:
    """The PostgreSQL URL or SQLite path that :func:`open_store` would open for ``target``."""
    env = os.environ if env is None else env
    if isinstance(target, (str, Path)):
        return str(target)
    return str(_setting(target, "database_url", "DATABASE_URL", env)
               or _setting(target, "db_path", "JETBOT_DB_PATH", env) or DEFAULT_DB_PATH)


def open_store(target: Any = None, *, secret: str | None = None, retention_days: float | None = None,
               env: Mapping[str, str] | None = None, clock: Callable[[], float] = time.time) -> Store:
    """Open the store for ``target``: a ``Settings``, a PostgreSQL URL or a SQLite path.

    Unset values come from the settings object, then the environment (``DATABASE_URL``,
    ``JETBOT_DB_PATH``, ``JETBOT_LOG_SECRET``, ``JETBOT_RETENTION_DAYS``).
    """
    env = os.environ if env is None else env
    location = store_location(target, env)
    secret = secret or _setting(target, "log_secret", "JETBOT_LOG_SECRET", env)
    days = retention_days if retention_days is not None else _setting(
        target, "retention_days", "JETBOT_RETENTION_DAYS", env)
    days = DEFAULT_RETENTION_DAYS if days is None else _number(days, "JETBOT_RETENTION_DAYS")
    if is_postgres_url(location):
        db = connect_postgres(location)
    else:
        db = connect_sqlite(location.removeprefix("sqlite:///"))
    try:
        return Store(db, secret=secret, retention_days=days, clock=clock)
    except BaseException:
        db.close()
        raise

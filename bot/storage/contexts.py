"""Conversation contexts: what each conversation was last about, so a follow-up can be completed.

The core uses a context for :data:`bot.core.answer.CONTEXT_TTL` seconds; rows older than that
are deleted by the daily purge. Keys are stored hashed (they hold a platform user id).
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Callable, Protocol

from bot.core.answer import CONTEXT_TTL
from bot.core.types import Context
from bot.storage.database import Database
from bot.storage.keys import Pseudonyms


class ContextStore(Protocol):
    """Where the engine keeps each conversation's last topic."""

    def load(self, key: str) -> Context | None:
        """The conversation's last topic, or None."""
        ...

    def save(self, key: str, context: Context) -> None:
        """Remember the conversation's topic."""
        ...


class ConversationContexts:
    """Contexts in the database: shared by every worker, kept across restarts."""

    def __init__(self, db: Database, pseudonyms: Pseudonyms, on_write: Callable[[float], None] = lambda now: None,
                 clock: Callable[[], float] = time.time) -> None:
        self.db = db
        self._pseudonyms = pseudonyms
        self._on_write = on_write
        self._clock = clock

    def load(self, key: str) -> Context | None:
        """The conversation's last topic, or None."""
        rows = self.db.query("SELECT intent_id, at, language, names, earlier FROM contexts WHERE key = ?",
                             (self._key(key),))
        if not rows:
            return None
        intent_id, at, language, names, earlier = rows[0]
        return Context(intent_id, float(at), language or "ja", tuple(names.split(",")) if names else (),
                       tuple(earlier.split(",")) if earlier else ())

    def save(self, key: str, context: Context) -> None:
        """Remember the conversation's topic."""
        self.db.execute(
            "INSERT INTO contexts (key, intent_id, at, language, names, earlier) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (key) DO UPDATE SET intent_id = excluded.intent_id, at = excluded.at,"
            " language = excluded.language, names = excluded.names, earlier = excluded.earlier",
            (self._key(key), context.intent_id, context.at, context.language, ",".join(context.names),
             ",".join(context.earlier)))
        self._on_write(self._clock())

    def purge(self, now: float) -> int:
        """Delete contexts too old to complete a follow-up."""
        return self.db.execute("DELETE FROM contexts WHERE at < ?", (now - CONTEXT_TTL,))

    def _key(self, key: str) -> str:
        return self._pseudonyms.of(key, "context")


class ContextMemory:
    """Contexts in memory, bounded in number: for the CLI and a bot without a database."""

    def __init__(self, max_conversations: int = 10_000) -> None:
        self._items: OrderedDict[str, Context] = OrderedDict()
        self._max = max_conversations
        self._lock = threading.Lock()

    def load(self, key: str) -> Context | None:
        """The conversation's last topic, or None."""
        with self._lock:
            return self._items.get(key)

    def save(self, key: str, context: Context) -> None:
        """Remember the conversation's topic (the least recent conversation is forgotten first)."""
        with self._lock:
            self._items[key] = context
            self._items.move_to_end(key)
            while len(self._items) > self._max:
                self._items.popitem(last=False)

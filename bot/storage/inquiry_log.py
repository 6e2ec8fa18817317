"""The inquiry log: every question and its reply, masked and pseudonymous, kept ``retention_days``."""
from __future__ import annotations

import re
import secrets
import time
from typing import Callable

from bot.core.privacy import mask_personal_data
from bot.core.types import IncomingMessage, Reply
from bot.storage.database import Database
from bot.storage.keys import Pseudonyms
from bot.storage.retention import DAY

MAX_QUESTION_CHARS = 2000
_UNSTORABLE = re.compile(r"[\x00\ud800-\udfff]")  # NUL (PostgreSQL refuses it), lone surrogates (not UTF-8)


def storable(text: str, limit: int = MAX_QUESTION_CHARS) -> str:
    """``text`` masked (phone numbers, e-mail addresses…), storable in any database, at most ``limit`` long."""
    return _UNSTORABLE.sub("\ufffd", mask_personal_data(text))[:limit]


def _choices(reply: Reply) -> str | None:
    """The "did you mean" choices of an answer, as intent ids (offered again after a 「解決しない」)."""
    return ",".join(s.intent_id for s in reply.suggestions) or None if reply.kind == "clarify" else None


class InquiryLog:
    """Writes the ``inquiries`` table (the read side is :class:`bot.storage.inquiry_stats.InquiryStats`)."""

    def __init__(self, db: Database, pseudonyms: Pseudonyms, retention_days: float,
                 on_write: Callable[[float], None] = lambda now: None,
                 clock: Callable[[], float] = time.time) -> None:
        if retention_days <= 0:
            raise ValueError(f"retention must be a positive number of days, not {retention_days}")
        self.db = db
        self.retention_days = retention_days
        self._pseudonyms = pseudonyms
        self._on_write = on_write
        self._clock = clock

    def record(self, message: IncomingMessage, reply: Reply, version: str, at: float | None = None,
               event_key: str | None = None) -> str:
        """Log one question and its reply (masked text, pseudonymous user, UTC day); returns the
        inquiry's id (random, so it can ride in a feedback button). The same ``event_key`` (a platform
        event answered again after a crash) is logged once: its first id is returned."""
        at = self._clock() if at is None else at
        top = reply.candidates[0].intent_id if reply.candidates else reply.intent_id
        ref = secrets.token_urlsafe(12)
        added = self.db.execute(
            "INSERT INTO inquiries (at, day, channel, user_hash, question, kind, intent, top_intent, score,"
            " fallback, language, version, ref, event_key, choices) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (event_key) DO NOTHING",
            (at, time.strftime("%Y-%m-%d", time.gmtime(at)), message.channel,
             self._pseudonyms.of(message.user_id, message.channel),
             storable(message.text), reply.kind,
             None if reply.fallback else reply.intent_id, top, float(reply.score), int(reply.fallback),
             reply.language, version, ref, event_key, _choices(reply)))
        self._on_write(at)
        if not added and event_key is not None:
            ref = str(self.db.query("SELECT ref FROM inquiries WHERE event_key = ?", (event_key,))[0][0])
        return ref

    def purge(self, now: float) -> int:
        """Delete inquiries older than the retention period."""
        return self.db.execute("DELETE FROM inquiries WHERE at < ?", (now - self.retention_days * DAY,))

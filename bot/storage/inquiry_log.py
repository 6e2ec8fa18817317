"""The inquiry log: every question and its reply, masked and pseudonymous, kept ``retention_days``."""
from __future__ import annotations

import re
import time
from typing import Callable

from bot.core.privacy import mask_personal_data
from bot.core.types import IncomingMessage, Reply
from bot.storage.database import Database
from bot.storage.pseudonyms import Pseudonyms
from bot.storage.retention import DAY

MAX_QUESTION_CHARS = 2000
_UNSTORABLE = re.compile(r"[\x00\ud800-\udfff]")  # NUL (PostgreSQL refuses it), lone surrogates (not UTF-8)


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

    def record(self, message: IncomingMessage, reply: Reply, version: str, at: float | None = None) -> None:
        """Log one question and its reply (masked text, pseudonymous user, UTC day)."""
        at = self._clock() if at is None else at
        top = reply.candidates[0].intent_id if reply.candidates else reply.intent_id
        self.db.execute(
            "INSERT INTO inquiries (at, day, channel, user_hash, question, kind, intent, top_intent, score,"
            " fallback, language, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (at, time.strftime("%Y-%m-%d", time.gmtime(at)), message.channel,
             self._pseudonyms.of(message.user_id, message.channel),
             _UNSTORABLE.sub("\ufffd", mask_personal_data(message.text))[:MAX_QUESTION_CHARS], reply.kind,
             None if reply.fallback else reply.intent_id, top, float(reply.score), int(reply.fallback),
             reply.language, version))
        self._on_write(at)

    def purge(self, now: float) -> int:
        """Delete inquiries older than the retention period."""
        return self.db.execute("DELETE FROM inquiries WHERE at < ?", (now - self.retention_days * DAY,))

"""Votes on answers (解決した / 解決しない, 👍 / 👎): one per inquiry and voter, the latest counts.

Voters are pseudonymous like the askers in the inquiry log; comments are masked like questions.
The read side for reports is :class:`bot.storage.feedback_stats.FeedbackStats`.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable

from bot.core.feedback import MAX_COMMENT
from bot.core.types import Candidate, Language
from bot.storage.database import Database
from bot.storage.inquiry_log import storable
from bot.storage.keys import Pseudonyms
from bot.storage.retention import DAY


@dataclass(frozen=True)
class RatedInquiry:
    """What a vote needs to know of the inquiry it rates: its (masked) question, language, answer
    and the "did you mean" choices it offered."""

    ref: str
    question: str
    language: Language
    intent: str | None
    choices: tuple[str, ...]
    candidates: tuple[Candidate, ...] = ()   # the intent it was answered with (or nearest) and its score


class FeedbackStore:
    """Writes the ``feedback`` table."""

    def __init__(self, db: Database, pseudonyms: Pseudonyms, retention_days: float,
                 on_write: Callable[[float], None] = lambda now: None, clock: Callable[[], float] = time.time) -> None:
        self.db = db
        self.retention_days = retention_days
        self._pseudonyms = pseudonyms
        self._on_write = on_write
        self._clock = clock

    def inquiry(self, ref: str) -> RatedInquiry | None:
        """The logged inquiry with id ``ref``, or ``None`` (unknown, forged or purged)."""
        if not ref or len(ref) > 64:
            return None
        rows = self.db.query("SELECT ref, question, language, intent, choices, top_intent, score FROM inquiries"
                             " WHERE ref = ?", (ref,))
        if not rows:
            return None
        ref_, question, language, intent, choices, top, score = rows[0]
        return RatedInquiry(str(ref_), str(question), "en" if language == "en" else "ja", intent,
                            tuple(c for c in str(choices or "").split(",") if c),
                            (Candidate(str(top), float(score)),) if top else ())

    def vote(self, ref: str, user_id: str, channel: str, helpful: bool, comment: str | None = None,
             at: float | None = None) -> RatedInquiry | None:
        """Record ``user_id``'s vote on inquiry ``ref`` (replacing their earlier one); returns the
        inquiry, or ``None`` when there is no such inquiry (nothing is written)."""
        inquiry = self.inquiry(ref)
        if inquiry is None:
            return None
        at = self._clock() if at is None else at
        note = storable(comment.strip(), MAX_COMMENT) if comment else None
        self.db.execute(
            "INSERT INTO feedback (inquiry, voter, channel, helpful, comment, at) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (inquiry, voter) DO UPDATE SET helpful = excluded.helpful, comment = excluded.comment,"
            " at = excluded.at, channel = excluded.channel",
            (inquiry.ref, self._pseudonyms.of(user_id, channel), channel, int(helpful), note or None, at))
        self._on_write(at)
        return inquiry

    def purge(self, now: float) -> int:
        """Delete votes older than the retention period (their inquiries are gone too)."""
        return self.db.execute("DELETE FROM feedback WHERE at < ?", (now - self.retention_days * DAY,))

"""Read-side queries over the inquiry log, for ``jetbot report`` and the admin page.

Periods are UTC calendar days given as ``date`` objects or ``YYYY-MM-DD`` strings,
both ends included.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Union

from bot.core.answer import LOW_CONFIDENCE
from bot.storage.database import Database

Day = Union[dt.date, str]
_ANSWER_KINDS = "('answer', 'clarify')"


@dataclass(frozen=True)
class DayCount:
    """One UTC day: how many questions, how many fell back."""

    day: str
    questions: int
    fallbacks: int

    @property
    def fallback_rate(self) -> float:
        """Share of the day's questions that fell back (0 when there were none)."""
        return self.fallbacks / self.questions if self.questions else 0.0


@dataclass(frozen=True)
class Summary:
    """Totals for a period."""

    questions: int
    answered: int
    fallbacks: int

    @property
    def fallback_rate(self) -> float:
        """Share of questions that fell back (0 when there were none)."""
        return self.fallbacks / self.questions if self.questions else 0.0


@dataclass(frozen=True)
class LowRow:
    """A question the bot did not answer, or answered with low confidence."""

    question: str
    top_intent: str | None
    score: float
    fallback: bool


@dataclass(frozen=True)
class AskedQuestion:
    """One question a user asked, as logged (masked): when, what, and whether it was answered."""

    at: float
    question: str
    answered: bool


def iso_day(day: Day) -> str:
    """``YYYY-MM-DD`` for a date or an ISO string (validated)."""
    return (day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))).isoformat()


class InquiryStats:
    """Figures over the ``inquiries`` table (written by :class:`bot.storage.inquiry_log.InquiryLog`)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def summary(self, since: Day, until: Day) -> Summary:
        """Questions, answered questions and fallbacks in the period."""
        rows = self.db.query(
            f"SELECT COUNT(*), SUM(CASE WHEN fallback = 0 AND kind IN {_ANSWER_KINDS} THEN 1 ELSE 0 END),"
            " SUM(fallback) FROM inquiries WHERE day >= ? AND day <= ?", (iso_day(since), iso_day(until)))
        total, answered, fallbacks = rows[0]
        return Summary(int(total or 0), int(answered or 0), int(fallbacks or 0))

    def daily(self, since: Day, until: Day) -> list[DayCount]:
        """Per UTC day from ``since`` to ``until``: question count and fallbacks (days without any included)."""
        first, last = dt.date.fromisoformat(iso_day(since)), dt.date.fromisoformat(iso_day(until))
        rows = self.db.query("SELECT day, COUNT(*), SUM(fallback) FROM inquiries WHERE day >= ? AND day <= ?"
                             " GROUP BY day", (first.isoformat(), last.isoformat()))
        found = {str(day): (int(n), int(f or 0)) for day, n, f in rows}
        days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
        return [DayCount(d.isoformat(), *found.get(d.isoformat(), (0, 0))) for d in days]

    def intent_volumes(self, since: Day | None = None, until: Day | None = None,
                       limit: int | None = None) -> list[tuple[str, int]]:
        """Answered questions per intent, most asked first (whole log unless a period is given)."""
        sql = "SELECT intent, COUNT(*) FROM inquiries WHERE fallback = 0 AND intent IS NOT NULL"
        params: list[object] = []
        if since is not None:
            sql += " AND day >= ?"
            params.append(iso_day(since))
        if until is not None:
            sql += " AND day <= ?"
            params.append(iso_day(until))
        sql += " GROUP BY intent ORDER BY COUNT(*) DESC, intent"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [(str(intent), int(n)) for intent, n in self.db.query(sql, params)]

    def low_confidence(self, since: Day, until: Day, low: float = LOW_CONFIDENCE, limit: int = 5000) -> list[LowRow]:
        """Fallbacks and answers scored below ``low`` in the period, newest first (at most ``limit``)."""
        rows = self.db.query(
            "SELECT question, top_intent, score, fallback FROM inquiries WHERE day >= ? AND day <= ?"
            f" AND (fallback = 1 OR (kind IN {_ANSWER_KINDS} AND score < ?)) ORDER BY at DESC LIMIT {int(limit)}",
            (iso_day(since), iso_day(until), float(low)))
        return [LowRow(str(q), t, float(s), bool(f)) for q, t, s, f in rows]

    def recent_questions(self, user_hash: str, limit: int = 5) -> list[AskedQuestion]:
        """The latest questions of one user (their pseudonymous hash), newest first; empty ones skipped."""
        rows = self.db.query(
            f"SELECT at, question, CASE WHEN fallback = 0 AND kind IN {_ANSWER_KINDS} THEN 1 ELSE 0 END"
            f" FROM inquiries WHERE user_hash = ? AND question <> '' ORDER BY at DESC LIMIT {int(limit)}",
            (user_hash,))
        return [AskedQuestion(float(at), str(q), bool(a)) for at, q, a in rows]

    def fallback_streak(self, user_hash: str, since: float, limit: int = 10) -> int:
        """How many of one user's latest questions since ``since`` (epoch seconds) fell back in a row."""
        rows = self.db.query(f"SELECT fallback FROM inquiries WHERE user_hash = ? AND at >= ?"
                             f" ORDER BY at DESC, id DESC LIMIT {int(limit)}", (user_hash, float(since)))
        streak = 0
        for (fallback,) in rows:
            if not fallback:
                break
            streak += 1
        return streak

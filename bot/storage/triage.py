"""What the triage queue reads and keeps (migration 7): the questions that need a person, the decisions
taken on them (``triage_marks``), and the audit list of YAML writes (``knowledge_edits``).

Decisions are kept per question key (the question's content words, :func:`bot.reports.question_groups.terms_key`),
so a question marked out of scope stays out of the queue when it is asked again.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable, Iterable

from bot.core.answer import LOW_CONFIDENCE
from bot.storage.database import Database
from bot.storage.inquiry_stats import Day, LowRow, iso_day

OPEN, DONE, OUT_OF_SCOPE = "未対応", "対応済み", "対象外"
STATUSES = (OPEN, DONE, OUT_OF_SCOPE)


@dataclass(frozen=True)
class QueueRow(LowRow):
    """A logged question that needs a person: when, and why (``unanswered``, ``unsure``, ``not_helpful``)."""

    at: float
    reason: str


@dataclass(frozen=True)
class Mark:
    """A decision on a question: its status, the intent it went to, who decided and when."""

    status: str
    intent: str | None
    at: float
    who: str


@dataclass(frozen=True)
class Edit:
    """One write of a YAML file: when, who, what (``action`` and ``detail``), which file."""

    at: float
    who: str
    action: str
    file: str
    detail: str


# Why a row is in the queue. A rated answer comes in through EXISTS, not a JOIN: several votes on one
# answer must not repeat the row; a voter's latest vote is the one stored.
_NOT_HELPFUL = "EXISTS (SELECT 1 FROM feedback f WHERE f.inquiry = inquiries.ref AND f.helpful = 0)"
_NEEDS_PERSON = f"inquiries.fallback = 1 OR inquiries.score < ? OR {_NOT_HELPFUL}"
_REASON = (f"CASE WHEN {_NOT_HELPFUL} THEN 'not_helpful'"
           " WHEN inquiries.fallback = 1 AND inquiries.kind = 'fallback' THEN 'unanswered'"
           " WHEN inquiries.fallback = 1 THEN 'unsure' ELSE 'low_score' END")

class TriageStore:
    """The queue's reads and the decisions on it, over the inquiry log's database."""

    def __init__(self, db: Database, clock: Callable[[], float] = time.time) -> None:
        self.db = db
        self._clock = clock

    def needing_person(self, since: Day, until: Day, low: float = LOW_CONFIDENCE, limit: int = 5000) -> list[QueueRow]:
        """Unanswered questions (fallbacks), unsure or low-scored answers (below ``low``) and answers
        rated not helpful, newest first. The one query the queue reads."""
        rows = self.db.query(
            f"SELECT inquiries.question, inquiries.top_intent, inquiries.score, inquiries.fallback,"
            f" inquiries.at, {_REASON} FROM inquiries"
            " WHERE inquiries.day >= ? AND inquiries.day <= ? AND inquiries.question <> ''"
            " AND inquiries.kind IN ('answer', 'clarify', 'fallback')"
            f" AND ({_NEEDS_PERSON})"
            f" ORDER BY inquiries.at DESC LIMIT {int(limit)}",
            (iso_day(since), iso_day(until), float(low)))
        return [QueueRow(str(q), t, float(s), bool(f), float(at), str(r)) for q, t, s, f, at, r in rows]

    def marks(self) -> dict[str, Mark]:
        """Every decision, by question key."""
        rows = self.db.query("SELECT question_key, status, intent, at, who FROM triage_marks")
        return {str(k): Mark(str(s), i, float(at), str(w)) for k, s, i, at, w in rows}

    def mark(self, keys: Iterable[str], status: str, who: str, intent: str | None = None) -> None:
        """Record the decision ``status`` for each question key (the latest decision wins)."""
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        now = self._clock()
        for key in dict.fromkeys(keys):
            self.db.execute(
                "INSERT INTO triage_marks (question_key, status, intent, at, who) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (question_key) DO UPDATE SET status = excluded.status, intent = excluded.intent,"
                " at = excluded.at, who = excluded.who", (key, status, intent, now, who))

    def record_edit(self, who: str, action: str, file: str, detail: str) -> None:
        """Add one YAML write to the audit list."""
        self.db.execute("INSERT INTO knowledge_edits (at, who, action, file, detail) VALUES (?, ?, ?, ?, ?)",
                        (self._clock(), who, action, file, detail[:2000]))

    def edits(self, limit: int = 50) -> list[Edit]:
        """The latest YAML writes, newest first."""
        rows = self.db.query(f"SELECT at, who, action, file, detail FROM knowledge_edits ORDER BY at DESC, id DESC"
                             f" LIMIT {int(limit)}")
        return [Edit(float(at), str(w), str(a), str(f), str(d)) for at, w, a, f, d in rows]

"""Read-side figures of feedback with the inquiry log: per intent, questions, answers, rated answers,
helpful and not-helpful votes (``jetbot report`` and ``/admin``). Periods are UTC days, both ends included.

An inquiry counts for the intent it was answered with, or — when it fell back — for the intent the
bot found nearest, so that each intent's answer rate says how often questions about it are answered.
"""
from __future__ import annotations

from dataclasses import dataclass

from bot.core.feedback import rate
from bot.storage.database import Database
from bot.storage.inquiry_stats import Day, iso_day

_ANSWERED = "i.fallback = 0 AND i.kind IN ('answer', 'clarify')"
NO_INTENT = "(none)"


@dataclass(frozen=True)
class Rates:
    """Figures of one intent (or of all): the counts and the three rates, each with its own meaning."""

    intent: str
    questions: int
    answered: int
    rated: int
    helpful: int
    not_helpful: int

    @property
    def answer_rate(self) -> float:
        """Answered ÷ questions: answered with an intent, not a fallback (right or wrong)."""
        return rate(self.answered, self.questions)

    @property
    def feedback_rate(self) -> float:
        """Rated answers ÷ answers: how many answers the askers rated at all."""
        return rate(self.rated, self.answered)

    @property
    def resolution_rate(self) -> float:
        """Helpful votes ÷ votes on answers: of the rated answers, the share that solved the question."""
        return rate(self.helpful, self.helpful + self.not_helpful)

    def as_dict(self) -> dict[str, object]:
        """Counts and rates as plain values (JSON, CSV)."""
        return {"intent": self.intent, "questions": self.questions, "answered": self.answered,
                "rated": self.rated, "helpful": self.helpful, "not_helpful": self.not_helpful,
                "answer_rate": self.answer_rate, "feedback_rate": self.feedback_rate,
                "resolution_rate": self.resolution_rate}


def total(rows: list[Rates], name: str = "(all)") -> Rates:
    """The rows added up."""
    return Rates(name, *(sum(getattr(r, f) for r in rows) for f in
                         ("questions", "answered", "rated", "helpful", "not_helpful")))


class FeedbackStats:
    """Feedback figures over ``inquiries`` and ``feedback``."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def per_intent(self, since: Day, until: Day) -> list[Rates]:
        """One row per intent asked about in the period, most questions first."""
        return sorted(self._grouped("COALESCE(i.intent, i.top_intent)", since, until),
                      key=lambda r: (-r.questions, r.intent))

    def per_day(self, since: Day, until: Day) -> list[Rates]:
        """One row per UTC day with questions in the period (``intent`` holds the day), oldest first."""
        return sorted(self._grouped("i.day", since, until), key=lambda r: r.intent)

    def _grouped(self, key: str, since: Day, until: Day) -> list[Rates]:
        rows = self.db.query(
            f"SELECT {key}, COUNT(*),"
            f" SUM(CASE WHEN {_ANSWERED} THEN 1 ELSE 0 END),"
            f" SUM(CASE WHEN {_ANSWERED} AND f.votes > 0 THEN 1 ELSE 0 END),"
            f" SUM(CASE WHEN {_ANSWERED} THEN COALESCE(f.yes, 0) ELSE 0 END),"
            f" SUM(CASE WHEN {_ANSWERED} THEN COALESCE(f.votes, 0) - COALESCE(f.yes, 0) ELSE 0 END)"
            " FROM inquiries i LEFT JOIN (SELECT inquiry, COUNT(*) AS votes, SUM(helpful) AS yes FROM feedback"
            " GROUP BY inquiry) f ON f.inquiry = i.ref WHERE i.day >= ? AND i.day <= ?"
            f" GROUP BY {key}", (iso_day(since), iso_day(until)))
        return [Rates(str(topic) if topic else NO_INTENT, *(int(v or 0) for v in values)) for topic, *values in rows]

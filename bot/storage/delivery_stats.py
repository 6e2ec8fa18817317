"""What became of the replies: per outcome, and the latest that did not arrive (report and /admin)."""
from __future__ import annotations

from dataclasses import dataclass

from bot.storage.database import Database
from bot.storage.inquiry_stats import Day, iso_day

OUTCOMES = ("sent", "pushed", "failed", "timeout", "undeliverable")


@dataclass(frozen=True)
class Undelivered:
    """A reply that failed, timed out or could not be delivered (``question`` is the masked one)."""

    at: float
    channel: str
    outcome: str
    detail: str
    question: str


class DeliveryStats:
    """Delivery outcomes recorded with the inquiries (by ``Inbox.finish``)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def counts(self, since: Day, until: Day) -> dict[str, int]:
        """Replies per outcome in the period (every outcome listed, 0 when none)."""
        rows = self.db.query("SELECT delivery, COUNT(*) FROM inquiries WHERE day >= ? AND day <= ? AND delivery IS NOT NULL"
                             " GROUP BY delivery", (iso_day(since), iso_day(until)))
        found = {str(outcome): int(n) for outcome, n in rows}
        return {outcome: found.get(outcome, 0) for outcome in (*OUTCOMES, *sorted(set(found) - set(OUTCOMES)))}

    def undelivered(self, since: Day, until: Day, limit: int = 20) -> list[Undelivered]:
        """The latest replies that did not arrive, newest first."""
        rows = self.db.query(
            "SELECT at, channel, delivery, delivery_detail, question FROM inquiries WHERE day >= ? AND day <= ?"
            f" AND delivery IN ('failed', 'timeout', 'undeliverable') ORDER BY at DESC LIMIT {int(limit)}",
            (iso_day(since), iso_day(until)))
        return [Undelivered(float(at), str(channel), str(outcome), str(detail or ""), str(question))
                for at, channel, outcome, detail, question in rows]

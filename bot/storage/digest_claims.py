"""Who sends each week's digest: the first process to claim the week's key, once.

:meth:`DigestClaims.claim` is one atomic statement (an insert, or taking over a failed attempt whose
retry time has come, or a claim whose holder died — its lease ran out), so with any number of
workers and hosts exactly one holds a week at a time. The holder marks it ``sent``, or
``failed`` with the error and when to try again. A holder that dies between Slack accepting the
message and marking it sent leaves a claim that is taken over after its lease: only then can a
digest go out twice.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable

from bot.storage.database import Database

LEASE = 600.0        # seconds a claim holds before a dead holder's week can be taken over
RETRY_AFTER = 300.0  # seconds between attempts after a failure


@dataclass(frozen=True)
class DigestState:
    """Where a week's digest stands."""

    week: str
    state: str          # sending | sent | failed
    attempts: int
    sent_at: float | None
    error: str | None


class DigestClaims:
    """The ``weekly_digests`` table (see the module docstring)."""

    def __init__(self, db: Database, clock: Callable[[], float] = time.time) -> None:
        self.db = db
        self._clock = clock

    def claim(self, week: str, owner: str) -> bool:
        """True when ``owner`` now holds ``week`` and should send its digest."""
        now = self._clock()
        changed = self.db.execute(
            "INSERT INTO weekly_digests (week, state, owner, claimed_at, lease_until, attempts) "
            "VALUES (?, 'sending', ?, ?, ?, 1) ON CONFLICT (week) DO UPDATE SET state = 'sending', "
            "owner = excluded.owner, claimed_at = excluded.claimed_at, lease_until = excluded.lease_until, "
            "attempts = weekly_digests.attempts + 1 "
            "WHERE (weekly_digests.state = 'failed' AND weekly_digests.next_attempt_at <= ?) "
            "OR (weekly_digests.state = 'sending' AND weekly_digests.lease_until < ?)",
            (week, owner, now, now + LEASE, now, now))
        return changed == 1

    def sent(self, week: str, owner: str) -> None:
        """The digest of ``week`` reached Slack."""
        self.db.execute("UPDATE weekly_digests SET state = 'sent', sent_at = ?, error = NULL "
                        "WHERE week = ? AND owner = ?", (self._clock(), week, owner))

    def failed(self, week: str, owner: str, error: str) -> None:
        """Sending failed: record why; another attempt (by any process) after :data:`RETRY_AFTER`."""
        self.db.execute("UPDATE weekly_digests SET state = 'failed', error = ?, next_attempt_at = ? "
                        "WHERE week = ? AND owner = ?", (error[:500], self._clock() + RETRY_AFTER, week, owner))

    def state(self, week: str) -> DigestState | None:
        """Where ``week``'s digest stands (``None``: not claimed yet)."""
        rows = self.db.query("SELECT week, state, attempts, sent_at, error FROM weekly_digests WHERE week = ?", (week,))
        return DigestState(rows[0][0], rows[0][1], int(rows[0][2]), rows[0][3], rows[0][4]) if rows else None

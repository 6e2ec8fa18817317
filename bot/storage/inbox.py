"""The durable inbox: every accepted platform event, stored before its webhook is acknowledged.

An event moves ``pending`` → ``sending`` (a delivery was started: it may have reached the platform)
→ ``done`` or ``undeliverable``. A worker *claims* an event with a lease before answering it; a
worker that dies leaves its lease to expire (or, on the same host, to be taken over at start-up),
and another finishes the event. A redelivered event is skipped only once it is finished.

What an unfinished event needs (the raw user id, the question, the reply token) is kept sealed
(:class:`~bot.storage.keys.Sealer`) and wiped when the event is finished; the row itself stays
``DEDUPE_TTL`` as the event's dedupe key.
"""
from __future__ import annotations

import dataclasses
import json
import time
from typing import Callable, Sequence

from bot.core.types import Delivery, Inbound, IncomingMessage
from bot.storage.database import Database
from bot.storage.dedupe_keys import DEDUPE_TTL
from bot.storage.keys import Sealer

LEASE = 30.0  # seconds a claimed event is left to its worker
PENDING, SENDING, DONE, UNDELIVERABLE = "pending", "sending", "done", "undeliverable"
_COLUMNS = "key, received_at, attempts, payload"
ACCEPT_CHUNK = 100  # rows per INSERT (5 values each: well under SQLite's 999 variables)


class Inbox:
    """The ``inbox`` table (see the module docstring)."""

    def __init__(self, db: Database, sealer: Sealer, on_write: Callable[[float], None] = lambda now: None,
                 clock: Callable[[], float] = time.time, lease: float = LEASE) -> None:
        self.db = db
        self._sealer = sealer
        self._on_write = on_write
        self._clock = clock
        self.lease = lease

    def accept(self, events: Sequence[Inbound]) -> list[str]:
        """Store new events, all in one transaction (one commit however many; with PostgreSQL one round
        trip); returns the keys to answer, in the order given: the new ones, and redelivered ones whose
        earlier delivery was never finished and is no longer being worked on.

        The rows are inserted sorted by key: two hosts storing the same events (a platform redelivering
        to the other host) then wait for each other's commit in one order, never in a cycle (PostgreSQL
        would break the deadlock only after a second)."""
        now = self._clock()
        rows: dict[str, tuple[object, ...]] = {}
        for event in sorted(events, key=lambda e: e.key):
            if event.key not in rows:
                payload = self._sealer.seal(json.dumps({"message": dataclasses.asdict(event.message),
                                                        "target": dict(event.target)}, ensure_ascii=False))
                rows[event.key] = (event.key, event.message.channel, PENDING, event.received_at or now, payload)
        values, keys = list(rows.values()), list(rows)
        inserts = [("INSERT INTO inbox (key, channel, state, received_at, payload) VALUES "
                    + ", ".join(["(?, ?, ?, ?, ?)"] * len(chunk)) + " ON CONFLICT (key) DO NOTHING",
                    [v for row in chunk for v in row])
                   for chunk in (values[i:i + ACCEPT_CHUNK] for i in range(0, len(values), ACCEPT_CHUNK))]
        # After the inserts, in the same transaction: the new rows and the unfinished, unleased old ones.
        todo_reads = [(f"SELECT key FROM inbox WHERE key IN ({', '.join(['?'] * len(chunk))}) AND state IN (?, ?)"
                       " AND lease_until <= ?", (*chunk, PENDING, SENDING, now))
                      for chunk in (keys[i:i + ACCEPT_CHUNK] for i in range(0, len(keys), ACCEPT_CHUNK))]
        results = self.db.run_together([*inserts, *todo_reads]) if rows else []
        todo = {str(key) for found in results[len(inserts):] for (key,) in found}
        self._on_write(now)
        return [key for key in dict.fromkeys(e.key for e in events) if key in todo]

    def claim(self, key: str, owner: str) -> Inbound | None:
        """Take ``key`` for ``owner`` for one lease, if it is unfinished and nobody holds it; the event's
        ``attempt`` is 1 + the deliveries already started (> 1: an earlier one may have landed)."""
        claimed = self.claim_many([key], owner)
        return claimed[0] if claimed else None

    def claim_many(self, keys: Sequence[str], owner: str) -> list[Inbound]:
        """:meth:`claim` for several keys in one statement: those that could be taken, in the order given."""
        if not keys:
            return []
        now, wanted = self._clock(), list(dict.fromkeys(keys))
        marks = ", ".join("?" for _ in wanted)
        rows = self.db.query(f"UPDATE inbox SET lease_until = ?, owner = ? WHERE key IN ({marks}) AND state IN (?, ?)"
                             f" AND lease_until <= ? RETURNING {_COLUMNS}",
                             (now + self.lease, owner, *wanted, PENDING, SENDING, now))
        found = {str(row[0]): row for row in rows}
        return [self._claimed(found[key]) for key in wanted if key in found]

    def state(self, key: str) -> str | None:
        """The event's state (``None``: never accepted)."""
        rows = self.db.query("SELECT state FROM inbox WHERE key = ?", (key,))
        return str(rows[0][0]) if rows else None

    def unfinished(self, keys: Sequence[str]) -> list[str]:
        """Those of ``keys`` accepted and not finished yet (one read for many)."""
        if not keys:
            return []
        marks = ", ".join("?" for _ in keys)
        return [str(k) for (k,) in self.db.query(f"SELECT key FROM inbox WHERE key IN ({marks}) AND state IN (?, ?)",
                                                 (*keys, PENDING, SENDING))]

    def due(self, limit: int = 100) -> list[str]:
        """Unfinished events nobody holds, oldest first (for the workers' regular look)."""
        rows = self.db.query(f"SELECT key FROM inbox WHERE state IN (?, ?) AND lease_until <= ?"
                             f" ORDER BY received_at LIMIT {int(limit)}", (PENDING, SENDING, self._clock()))
        return [str(key) for (key,) in rows]

    def sending(self, key: str, owner: str) -> None:
        """A delivery is about to start: from now on it may have landed even if we never hear back."""
        self.db.execute("UPDATE inbox SET state = ?, attempts = attempts + 1, sending_at = ? WHERE key = ?"
                        " AND owner = ?", (SENDING, self._clock(), key, owner))

    def finish(self, key: str, owner: str, delivery: Delivery, inquiry: str | None = None) -> None:
        """The event is finished (sent, pushed, or given up): its sealed data is wiped, and what became
        of the reply is noted on its inquiry (``inquiry``: the id in the log), in one transaction."""
        state = DONE if delivery.status in ("sent", "pushed", "skipped") else UNDELIVERABLE
        done = ("UPDATE inbox SET state = ?, outcome = ?, detail = ?, done_at = ?, inquiry = ?, payload = '',"
                " lease_until = 0 WHERE key = ? AND owner = ?",
                (state, delivery.status, delivery.detail[:500], self._clock(), inquiry, key, owner))
        if inquiry is None:
            self.db.execute(*done)
            return
        self.db.run_together([("UPDATE inquiries SET delivery = ?, delivery_detail = ? WHERE ref = ?",
                                   (delivery.status, delivery.detail[:500] or None, inquiry)), done])

    def release(self, key: str, owner: str) -> None:
        """Give the event back unfinished (a worker stopping, or a failure worth retrying soon)."""
        self.db.execute("UPDATE inbox SET lease_until = 0 WHERE key = ? AND owner = ?", (key, owner))

    def release_owners(self, owners: Sequence[str]) -> int:
        """Free every event held by ``owners`` (processes known to be dead); returns how many."""
        if not owners:
            return 0
        marks = ", ".join("?" for _ in owners)
        return self.db.execute(f"UPDATE inbox SET lease_until = 0 WHERE owner IN ({marks}) AND state IN (?, ?)",
                               (*owners, PENDING, SENDING))

    def holders(self) -> list[str]:
        """Owners currently holding unfinished events."""
        return [str(o) for (o,) in self.db.query("SELECT DISTINCT owner FROM inbox WHERE state IN (?, ?)"
                                                 " AND lease_until > ? AND owner IS NOT NULL",
                                                 (PENDING, SENDING, self._clock()))]

    def summary(self) -> dict[str, object]:
        """Counts per state, and the age of the oldest unfinished event (for /healthz and /admin)."""
        counts = {str(s): int(n) for s, n in self.db.query("SELECT state, COUNT(*) FROM inbox GROUP BY state")}
        oldest = self.db.query("SELECT MIN(received_at) FROM inbox WHERE state IN (?, ?)", (PENDING, SENDING))
        age = self._clock() - float(oldest[0][0]) if oldest and oldest[0][0] is not None else 0.0
        return {"states": counts, "oldest_unfinished_s": round(age, 1)}

    def purge(self, now: float) -> int:
        """Forget finished events older than the dedupe window."""
        return self.db.execute("DELETE FROM inbox WHERE state IN (?, ?) AND received_at < ?",
                               (DONE, UNDELIVERABLE, now - DEDUPE_TTL))

    def _claimed(self, row: tuple[object, ...]) -> Inbound:
        key, received_at, attempts, payload = row
        data = json.loads(self._sealer.unseal(str(payload)))
        return Inbound(str(key), IncomingMessage(**data["message"]), data["target"], float(received_at),  # type: ignore[arg-type]
                       int(attempts) + 1)  # type: ignore[call-overload]

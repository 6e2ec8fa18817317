"""The inbox's contract in memory (:class:`bot.storage.inbox.Inbox` without a database)."""
from __future__ import annotations

import dataclasses
import time
from typing import Callable, Sequence

from bot.core.types import Delivery, Inbound
from bot.storage.inbox import DONE, LEASE, PENDING, SENDING, UNDELIVERABLE


class MemoryInbox:
    """The inbox's contract in memory, for a bot without a database (tests, trying it out): nothing
    survives the process, but events are still answered once and finished like the durable ones."""

    def __init__(self, clock: Callable[[], float] = time.time, lease: float = LEASE) -> None:
        self._rows: dict[str, dict[str, object]] = {}
        self._clock = clock
        self.lease = lease

    def accept(self, events: Sequence[Inbound]) -> list[str]:
        """Store new events; the keys to answer (see :meth:`Inbox.accept`)."""
        now, todo = self._clock(), []
        for event in events:
            row = self._rows.setdefault(event.key, {"event": event, "state": PENDING, "lease": 0.0, "owner": None,
                                                    "attempts": 0})
            if row["state"] in (PENDING, SENDING) and float(row["lease"]) <= now:  # type: ignore[arg-type]
                todo.append(event.key)
        return todo

    def claim(self, key: str, owner: str) -> Inbound | None:
        """Take ``key`` for one lease (see :meth:`Inbox.claim`)."""
        row, now = self._rows.get(key), self._clock()
        if row is None or row["state"] not in (PENDING, SENDING) or float(row["lease"]) > now:  # type: ignore[arg-type]
            return None
        row.update(lease=now + self.lease, owner=owner)
        return dataclasses.replace(row["event"], attempt=int(row["attempts"]) + 1)  # type: ignore[arg-type, type-var]

    def claim_many(self, keys: Sequence[str], owner: str) -> list[Inbound]:
        """:meth:`claim` for several keys."""
        return [event for key in dict.fromkeys(keys) if (event := self.claim(key, owner)) is not None]

    def state(self, key: str) -> str | None:
        """The event's state (``None``: never accepted)."""
        row = self._rows.get(key)
        return str(row["state"]) if row else None

    def unfinished(self, keys: Sequence[str]) -> list[str]:
        """Those of ``keys`` accepted and not finished yet."""
        return [k for k in keys if self.state(k) in (PENDING, SENDING)]

    def due(self, limit: int = 100) -> list[str]:
        """Unfinished events nobody holds."""
        now = self._clock()
        return [k for k, r in self._rows.items() if r["state"] in (PENDING, SENDING)
                and float(r["lease"]) <= now][:limit]  # type: ignore[arg-type]

    def sending(self, key: str, owner: str) -> None:
        """A delivery starts."""
        row = self._rows[key]
        if row["owner"] == owner:
            row.update(state=SENDING, attempts=int(row["attempts"]) + 1)  # type: ignore[call-overload]

    def finish(self, key: str, owner: str, delivery: Delivery, inquiry: str | None = None) -> None:
        """The event is finished."""
        row = self._rows[key]
        if row["owner"] == owner:
            row.update(state=DONE if delivery.status in ("sent", "pushed", "skipped") else UNDELIVERABLE,
                       outcome=delivery.status, lease=0.0)

    def release(self, key: str, owner: str) -> None:
        """Give the event back unfinished."""
        row = self._rows.get(key)
        if row is not None and row["owner"] == owner:
            row["lease"] = 0.0

    def release_owners(self, owners: Sequence[str]) -> int:
        """Nothing outlives this process: no other owner can hold an event."""
        return 0

    def holders(self) -> list[str]:
        """Owners holding unfinished events."""
        return sorted({str(r["owner"]) for r in self._rows.values() if r["owner"] and r["state"] in (PENDING, SENDING)})

    def summary(self) -> dict[str, object]:
        """Counts per state."""
        counts: dict[str, int] = {}
        for row in self._rows.values():
            counts[str(row["state"])] = counts.get(str(row["state"]), 0) + 1
        return {"states": counts, "oldest_unfinished_s": 0.0}

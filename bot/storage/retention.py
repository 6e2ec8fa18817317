"""Keeping times: every store deletes what is past its time, at open and at most once a day after a write."""
from __future__ import annotations

import logging
import time
from typing import Callable

log = logging.getLogger(__name__)

DAY = 86_400.0
Purge = Callable[[float], int]  # purge(now) -> rows deleted


class Retention:
    """The stores' purges, run together: :meth:`purge` now, :meth:`after_write` when a day has passed."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self.clock = clock
        self._purges: dict[str, Purge] = {}
        self._last = float("-inf")

    def register(self, name: str, purge: Purge) -> None:
        """Add one store's purge (``name`` labels its count)."""
        self._purges[name] = purge

    def purge(self, now: float | None = None) -> dict[str, int]:
        """Run every purge; returns the rows deleted per store."""
        now = self.clock() if now is None else now
        self._last = now
        return {name: purge(now) for name, purge in self._purges.items()}

    def after_write(self, now: float) -> None:
        """Called by the stores after each write: purges when the last purge is a day old."""
        if now - self._last < DAY:
            return
        try:
            self.purge(now)
        except Exception:  # a failed purge must not lose the write that triggered it
            log.exception("retention purge failed")

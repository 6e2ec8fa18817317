"""Which platform events were already handled, so that none is answered twice (kept a week)."""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Callable, Protocol

from bot.storage.database import Database
from bot.storage.retention import DAY

DEDUPE_TTL = 7 * DAY  # longer than any platform retries an event


class Dedupe(Protocol):
    """Claim an event key once; later claims of the same key fail."""

    def claim(self, key: str) -> bool:
        """True the first time ``key`` is seen (or after it expired), False afterwards."""
        ...


class DedupeKeys:
    """Dedupe keys in the database: atomic across processes and workers."""

    def __init__(self, db: Database, ttl: float = DEDUPE_TTL, on_write: Callable[[float], None] = lambda now: None,
                 clock: Callable[[], float] = time.time) -> None:
        self.db = db
        self._ttl = ttl
        self._on_write = on_write
        self._clock = clock

    def claim(self, key: str) -> bool:
        """True the first time ``key`` is seen (or after it expired)."""
        now = self._clock()
        changed = self.db.execute(
            "INSERT INTO dedupe (key, at) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET at = excluded.at"
            " WHERE dedupe.at < ?", (key, now, now - self._ttl))
        self._on_write(now)
        return changed == 1

    def purge(self, now: float) -> int:
        """Delete expired keys."""
        return self.db.execute("DELETE FROM dedupe WHERE at < ?", (now - self._ttl,))


class MemoryDedupe:
    """In-process keys with a time-to-live and a size cap (oldest first): for a bot without a database."""

    def __init__(self, ttl_seconds: float = DAY, max_keys: int = 100_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._ttl = ttl_seconds
        self._max = max_keys
        self._clock = clock
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def claim(self, key: str) -> bool:
        """True the first time ``key`` is seen within the time-to-live."""
        now = self._clock()
        with self._lock:
            while self._seen:
                oldest_key, stamp = next(iter(self._seen.items()))
                if now - stamp < self._ttl and len(self._seen) < self._max:
                    break
                self._seen.popitem(last=False)
            if key in self._seen:
                return False
            self._seen[key] = now
            return True

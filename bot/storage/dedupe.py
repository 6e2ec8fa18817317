"""Remembers which platform event ids were already handled, so none is answered twice."""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Callable, Protocol


class DedupeStore(Protocol):
    """Claim an event key once; later claims of the same key fail."""

    def claim(self, key: str) -> bool:
        """Return True the first time ``key`` is seen, False afterwards."""
        ...


class MemoryDedupe:
    """In-process store with a time-to-live and a size cap (oldest keys dropped first)."""

    def __init__(self, ttl_seconds: float = 24 * 3600, max_keys: int = 100_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._ttl = ttl_seconds
        self._max = max_keys
        self._clock = clock
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def claim(self, key: str) -> bool:
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

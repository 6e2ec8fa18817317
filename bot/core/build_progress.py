"""A one-line status of a cold build on a terminal (phase, count, seconds), refreshed by a thread."""
from __future__ import annotations

import threading
import time
from typing import TextIO


class Progress:
    """A one-line status on ``stream`` (a terminal), refreshed by a thread; silent otherwise."""

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream
        self._phase = ""
        self._done = 0
        self._total = 0
        self._started = time.monotonic()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def phase(self, text: str, total: int = 0) -> None:
        self._phase, self._done, self._total = text, 0, total
        self._draw()

    def advance_to(self, done: int, total: int | None = None) -> None:
        self._done = done
        if total is not None:
            self._total = total

    def _draw(self) -> None:
        if self._stream is None:
            return
        elapsed = time.monotonic() - self._started
        count = f" {self._done:,}/{self._total:,}" if self._total else ""
        self._stream.write(f"\r\x1b[2Kjetbot: {self._phase}{count} ({elapsed:.0f} s)")
        self._stream.flush()

    def __enter__(self) -> "Progress":
        if self._stream is not None:
            self._thread = threading.Thread(target=self._run, name="jetbot-progress", daemon=True)
            self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(0.5):
            self._draw()

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if self._stream is not None:
            self._stream.write("\r\x1b[2K")
            self._stream.flush()

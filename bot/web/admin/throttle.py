"""Guessing the admin token is made slow: per client address, a growing wait after a few failures.

An ASGI middleware around the admin side (``/admin…`` and an ``Authorization`` header anywhere, e.g.
``/healthz``): a response 401 counts as a failed attempt, a success clears the count. After
``free`` failures the address must wait 1, 2, 4 … seconds (at most ``cap``) before its next attempt
and gets 429 with ``Retry-After`` meanwhile. Every failure is logged with the address and count,
never with what was tried.
"""
from __future__ import annotations

import json
import logging
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger(__name__)


@dataclass
class _Record:
    failures: int = 0
    blocked_until: float = 0.0


class LoginThrottle:
    """The middleware (see the module docstring)."""

    def __init__(self, app: ASGIApp, free: int = 5, cap: float = 900.0, clients: int = 10_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.app, self.free, self.cap, self._max, self._clock = app, free, cap, clients, clock
        self._records: OrderedDict[str, _Record] = OrderedDict()

    @staticmethod
    def _guarded(scope: Scope) -> bool:
        headers = dict(scope.get("headers") or ())
        return scope["type"] == "http" and (scope["path"].startswith("/admin") or b"authorization" in headers)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._guarded(scope):
            await self.app(scope, receive, send)
            return
        address = (scope.get("client") or ("-", 0))[0]
        record = self._records.get(address)
        wait = record.blocked_until - self._clock() if record else 0.0
        if wait > 0:
            await _too_many(send, wait)
            return
        status: list[int] = []

        async def watch(message: Message) -> None:
            if message["type"] == "http.response.start":
                status.append(int(message["status"]))
            await send(message)

        await self.app(scope, receive, watch)
        if status and status[0] == 401:
            self._failed(address)
        elif status and status[0] < 400 and address in self._records:
            del self._records[address]

    def _failed(self, address: str) -> None:
        record = self._records.pop(address, _Record())
        record.failures += 1
        if record.failures > self.free:
            record.blocked_until = self._clock() + min(self.cap, 2.0 ** (record.failures - self.free - 1))
        self._records[address] = record
        while len(self._records) > self._max:
            self._records.popitem(last=False)
        log.warning("admin: wrong or missing token from %s (%d failed attempt(s) in a row)", address, record.failures)


async def _too_many(send: Send, wait: float) -> None:
    body = json.dumps({"error": "too many failed attempts; wait before trying again"}).encode()
    await send({"type": "http.response.start", "status": 429,
                "headers": [(b"content-type", b"application/json"), (b"retry-after", str(max(1, round(wait))).encode()),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})

"""Reading requests safely: bounded bodies and JSON nesting, browser origin checks, rate limits.

Every endpoint that reads a body goes through :func:`read_body` (a declared or actual size over
the limit is a 413, a bad length a 400, a client gone mid-body a 400) and parses JSON with
:func:`parse_json_object` (nesting deeper than ``max_depth`` is refused *before* parsing, so a
hostile body cannot exhaust the parser).
"""
from __future__ import annotations

import json
import time
from collections import OrderedDict
from typing import Any, Callable
from urllib.parse import urlsplit

from starlette.requests import ClientDisconnect, Request

MAX_DEPTH = 32


class Refused(Exception):
    """The request is refused with ``status`` and a short ``reason`` (never a traceback);
    ``retry_after``: seconds the client should wait (a 429)."""

    def __init__(self, status: int, reason: str, retry_after: int | None = None) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason
        self.headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}


async def read_body(request: Request, limit: int) -> bytes:
    """The whole body, at most ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None and not declared.isdigit():
        raise Refused(400, "bad content-length")
    if declared is not None and int(declared) > limit:
        raise Refused(413, "request body too large")
    body = bytearray()
    try:
        async for chunk in request.stream():
            body += chunk
            if len(body) > limit:
                raise Refused(413, "request body too large")
    except ClientDisconnect:
        raise Refused(400, "client disconnected") from None
    return bytes(body)


def json_depth_exceeds(text: str, max_depth: int) -> bool:
    """Whether ``[``/``{`` nest deeper than ``max_depth`` outside strings (a linear scan)."""
    depth, in_string, escaped = 0, False, False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > max_depth:
                return True
        elif char in "]}":
            depth -= 1
    return False


def parse_json_object(body: bytes | str, max_depth: int = MAX_DEPTH) -> dict[str, Any]:
    """The body as a JSON object (UTF-8, nesting at most ``max_depth``, no lone surrogates)."""
    try:
        text = body.decode("utf-8") if isinstance(body, bytes) else body
    except UnicodeDecodeError:
        raise Refused(400, "body is not UTF-8") from None
    if json_depth_exceeds(text, max_depth):
        raise Refused(400, f"JSON nested deeper than {max_depth} levels")
    try:
        data = json.loads(text or "{}")
    except ValueError:
        raise Refused(400, "body must be JSON") from None
    if not isinstance(data, dict):
        raise Refused(400, "body must be a JSON object")
    try:  # a "\ud800" escape decodes to a lone surrogate, which no UTF-8 response or store can hold
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise Refused(400, "body must not contain lone surrogate escapes") from None
    return data


def client_address(request: Request) -> str:
    """The peer's address (the proxy's, unless the server was told to trust forwarded headers)."""
    return request.client.host if request.client else "-"


def from_our_pages(request: Request) -> bool:
    """A browser request came from our own pages; requests without browser headers (curl, scripts) pass.

    ``Sec-Fetch-Site`` (every current browser sends it) must be ``same-origin`` or ``none``; else an
    ``Origin`` other than ``null`` must name this host.
    """
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        return site in ("same-origin", "none")
    origin = request.headers.get("origin")
    return origin in (None, "null") or urlsplit(origin).netloc == request.headers.get("host", "")


def require_json(request: Request) -> None:
    """Refuse a body that is not declared ``application/json`` (a plain form or text/plain from
    another site's page cannot pass as an API call)."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json":
        raise Refused(415, "send the body as application/json")


class RateLimiter:
    """Requests per client address: a token bucket of ``burst`` refilled at ``per_minute``; the
    least recently seen clients are forgotten beyond ``clients``."""

    def __init__(self, per_minute: float, burst: int, clients: int = 10_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._rate, self._burst, self._max, self._clock = per_minute / 60.0, float(burst), clients, clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()   # address -> (tokens, at)

    def take(self, address: str) -> float:
        """0 when ``address`` may go ahead (one token spent), else the seconds until it may."""
        now = self._clock()
        tokens, at = self._buckets.pop(address, (self._burst, now))
        tokens = min(self._burst, tokens + (now - at) * self._rate)
        wait = 0.0 if tokens >= 1 else (1 - tokens) / self._rate
        self._buckets[address] = (tokens - 1 if wait == 0 else tokens, now)
        while len(self._buckets) > self._max:
            self._buckets.popitem(last=False)
        return wait

"""Reading platform requests safely: bounded bodies, bounded JSON nesting, a refusal type.

Every endpoint that reads a body goes through :func:`read_body` (a declared or actual size over
the limit is a 413, a bad length a 400, a client gone mid-body a 400) and parses JSON with
:func:`parse_json_object` (nesting deeper than ``max_depth`` is refused *before* parsing, so a
hostile body cannot exhaust the parser).
"""
from __future__ import annotations

import json
from typing import Any

from starlette.requests import ClientDisconnect, Request

MAX_DEPTH = 32


class Refused(Exception):
    """The request is refused with ``status`` and a short ``reason`` (never a traceback)."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


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

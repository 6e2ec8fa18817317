"""Who may use ``/admin``: the ``JETBOT_ADMIN_TOKEN`` holder, by Bearer header or session cookie.

No token configured means the admin side is off. Tokens are compared in constant
time and never written to a page, a response header or a log: the cookie holds an
expiry and an HMAC derived from the token, not the token itself, and a filter
removes ``token=`` from the access log's request lines.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
import re
import time
from typing import Callable

from starlette.requests import Request

from adapters.http import from_our_pages
from starlette.responses import Response

COOKIE = "jetbot_admin"
COOKIE_PATH = "/admin"
SESSION_SECONDS = 12 * 3600
OFF_MESSAGE = "The admin side is off: set JETBOT_ADMIN_TOKEN to switch it on."
_TOKEN_IN_QUERY = re.compile(r"(?i)([?&](?:token|access_token)=)[^&#\s\"]*")


def redact(text: str) -> str:
    """``text`` with every ``token=…`` query value replaced by ``***``."""
    return _TOKEN_IN_QUERY.sub(r"\1***", text)


class RedactTokens(logging.Filter):
    """Logging filter that keeps ``?token=`` values out of request lines (uvicorn's access log)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        return True


def install_log_redaction(logger_names: tuple[str, ...] = ("uvicorn.access", "uvicorn.error")) -> None:
    """Add :class:`RedactTokens` to the server's loggers (idempotent)."""
    for name in logger_names:
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactTokens) for f in logger.filters):
            logger.addFilter(RedactTokens())


class AdminAuth:
    """Checks admin credentials against the configured token."""

    def __init__(self, token: str | None, clock: Callable[[], float] = time.time) -> None:
        self._token = token.encode() if token else None
        self._clock = clock

    @property
    def enabled(self) -> bool:
        """Whether a token is configured (otherwise every admin endpoint is off)."""
        return self._token is not None

    def check_token(self, candidate: str | None) -> bool:
        """Constant-time comparison of ``candidate`` with the configured token."""
        if self._token is None or not candidate:
            return False
        return hmac.compare_digest(candidate.encode(), self._token)

    def check_bearer(self, request: Request) -> bool:
        """``Authorization: Bearer <token>`` carries the right token."""
        scheme, _, value = request.headers.get("authorization", "").partition(" ")
        return scheme.lower() == "bearer" and self.check_token(value.strip())

    def _sign(self, expires: int) -> str:
        assert self._token is not None
        return hmac.new(self._token, f"jetbot-admin-session:{expires}".encode(), hashlib.sha256).hexdigest()

    def check_cookie(self, request: Request) -> bool:
        """The session cookie is one this token signed and it has not expired."""
        if self._token is None:
            return False
        expires, _, signature = request.cookies.get(COOKIE, "").partition(".")
        if not expires.isdigit() or int(expires) < self._clock():
            return False
        return hmac.compare_digest(signature.encode(), self._sign(int(expires)).encode())

    def same_origin(self, request: Request) -> bool:
        """A cookie-authenticated POST came from our own pages (defence beside SameSite=Strict)."""
        return from_our_pages(request)

    def set_session(self, response: Response, request: Request) -> None:
        """Give the browser a signed, HttpOnly, SameSite=Strict session cookie."""
        expires = int(self._clock()) + SESSION_SECONDS
        response.set_cookie(COOKIE, f"{expires}.{self._sign(expires)}", max_age=SESSION_SECONDS,
                            path=COOKIE_PATH, httponly=True, samesite="strict",
                            secure=request.url.scheme == "https")

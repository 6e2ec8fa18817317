"""LINE side of escalations: the push of the team's answer (the offer buttons are neutral actions).

The push (``POST /v2/bot/message/push``) always carries the escalation's own
``X-Line-Retry-Key``: LINE accepts one request per key, so a retry after a timeout, a 5xx or a
restart can never deliver the answer twice (a 409 means "already accepted" and counts as sent).
"""
from __future__ import annotations

import asyncio
import logging

import aiohttp
from linebot.v3.messaging import (
    ApiException, AsyncApiClient, AsyncMessagingApi, Configuration, Message, PushMessageRequest, TextMessage,
)

from adapters.line.messages import split_text
from bot.escalation.ports import PushResult

log = logging.getLogger(__name__)


class LinePusher:
    """The escalation's user push over LINE: a retry key on every request; 429, 5xx, timeouts and
    connection errors are retried (``tries`` requests per attempt)."""

    channel = "line"

    timeout: float = 8.0   # seconds per request
    tries: int = 3         # requests per attempt
    backoff: float = 0.5   # seconds before the 2nd request, doubled each time

    def __init__(self, token: str, host: str | None = None) -> None:
        self._token = token
        self._host = host.rstrip("/") if host else None

    async def push(self, to: str, text: str, retry_key: str) -> PushResult:
        """Send ``text`` to ``to``; the same ``retry_key`` on every request, now and later."""
        messages: list[Message] = [TextMessage(text=part) for part in split_text(text)]
        config = Configuration(access_token=self._token, host=self._host)
        request = PushMessageRequest(to=to, messages=messages)
        error = "not sent"
        async with AsyncApiClient(config) as client:
            api = AsyncMessagingApi(client)
            for attempt in range(1, self.tries + 1):
                try:
                    await api.push_message(request, x_line_retry_key=retry_key, _request_timeout=self.timeout)
                    return PushResult(True)
                except ApiException as exc:
                    if exc.status == 409:   # this retry key was accepted before: already delivered
                        return PushResult(True, "already accepted (409)")
                    request_id = (exc.headers or {}).get("x-line-request-id", "-")
                    error = f"HTTP {exc.status} {exc.reason} (request id {request_id})"
                    if exc.status != 429 and exc.status < 500:
                        return PushResult(False, error)
                except (asyncio.TimeoutError, TimeoutError):
                    error = f"no answer within {self.timeout:.1f} s"
                except (aiohttp.ClientError, OSError) as exc:
                    error = f"{type(exc).__name__}: {exc}"
                log.warning("LINE push attempt %d/%d failed: %s", attempt, self.tries, error)
                if attempt < self.tries:
                    await asyncio.sleep(self.backoff * 2 ** (attempt - 1))
        return PushResult(False, error)

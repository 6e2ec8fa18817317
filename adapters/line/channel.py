"""The LINE channel: ``POST /line/webhook`` in, the Messaging API reply out.

The webhook is verified (one ``X-Line-Signature``, at most 1 MB, UTF-8), parsed into neutral
events (:mod:`adapters.line.events`) and handed to the intake before LINE gets its 200; the
reply is rendered (:mod:`adapters.line.messages`) and sent with the event's reply token. A reply
token is single use and short-lived: an answer that is not ready within ``REPLY_WINDOW`` seconds
(a backlog, a restart after a crash) or whose token LINE refuses is *pushed* instead, with an
``X-Line-Retry-Key`` derived from the event, so it arrives once — pushes count against the
channel's monthly quota and are logged and recorded as ``pushed``. Every failure is logged with
the event id and returned as the delivery's outcome. Switched off (503) unless both credentials
are set. A one-to-one chat whose answer is not out within ``loading_after`` seconds shows LINE's
loading indicator (:mod:`adapters.line.loading`).
"""
from __future__ import annotations

import asyncio
import logging
import time
import uuid
from typing import Any, Sequence

import aiohttp
from linebot.v3 import WebhookParser
from linebot.v3.exceptions import InvalidSignatureError
from linebot.v3.messaging import ApiException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from adapters.channel import Intake
from adapters.http import Refused, read_body
from adapters.line.api import PUSH, REPLY, LineApi
from adapters.line.events import to_inbound
from adapters.line.loading import LoadingIndicator
from adapters.line.messages import Json, reply_to_messages
from bot.core.types import Delivery, Inbound, Reply
from bot.settings import LineSettings

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 1024 * 1024
PATH = "/line/webhook"
REPLY_WINDOW = 60.0   # seconds after the event within which its reply token is used; later: a push
CONNECT_TIMEOUT = 3.0
REFUSED_REPLY, ALREADY_ACCEPTED = "invalid reply token", "push already accepted (409)"


def _error(status: int, reason: str) -> JSONResponse:
    return JSONResponse({"ok": False, "error": reason}, status_code=status)


class LineChannel:
    """The LINE Messaging API channel (see the module docstring)."""

    name = "line"
    reply_timeout: float = 8.0  # seconds for one reply API call; tests lower it
    loading_after: float | None = 1.0  # seconds a 1:1 reply may take before the loading indicator shows
    loading_seconds: int = 20  # how long LINE shows it at most (5-60, steps of 5); the reply ends it

    def __init__(self, settings: LineSettings) -> None:
        self._host = settings.api_url.rstrip("/") if settings.api_url else None
        missing = settings.missing()
        self._reason = f"{' and '.join(missing)} not set" if missing else None
        self._parser = WebhookParser(settings.channel_secret) if not missing else None
        self.api = LineApi(settings.channel_access_token, self._host)   # one client for every call
        self.loading = LoadingIndicator(self.api, lambda: self.loading_after, self.loading_seconds,
                                        self.reply_timeout)
        if self._reason:
            log.warning("LINE channel disabled: %s", self._reason)

    def routes(self, intake: Intake) -> Sequence[BaseRoute]:
        """``POST /line/webhook``."""
        async def webhook(request: Request) -> Response:
            return await self.receive(request, intake)
        return [Route(PATH, webhook, methods=["POST"])]

    async def receive(self, request: Request, intake: Intake) -> Response:
        """Verify, parse, hand the events to ``intake``, answer 200."""
        if self._parser is None:
            return _error(503, f"LINE channel disabled: {self._reason}")
        signatures = request.headers.getlist("x-line-signature")
        if len(signatures) != 1 or not signatures[0]:
            log.warning("LINE webhook with %d X-Line-Signature headers rejected", len(signatures))
            return _error(400, "missing or repeated signature")
        try:
            body = (await read_body(request, MAX_BODY_BYTES)).decode("utf-8")
        except Refused as refused:
            return _error(refused.status, refused.reason)
        except UnicodeDecodeError:
            log.warning("LINE webhook body is not UTF-8; rejected")
            return _error(400, "body is not UTF-8")
        try:
            payload = self._parser.parse(body, signatures[0], as_payload=True)
        except InvalidSignatureError:
            log.warning("LINE webhook with a wrong signature rejected")
            return _error(400, "invalid signature")
        except Exception as exc:  # the body is signed but not a webhook payload
            log.warning("LINE webhook body could not be parsed: %s: %s", type(exc).__name__, str(exc)[:200])
            return _error(400, "unparseable body")
        now = time.time()
        events = [inbound for event in payload.events or [] if (inbound := to_inbound(event, now)) is not None]
        await intake.accept(events)
        for inbound in events:
            self.loading.watch(inbound, intake.unfinished)
        return JSONResponse({"ok": True})

    def render(self, reply: Reply, inbound: Inbound) -> list[Json]:
        """At most 5 LINE messages (text, contact cards, quick replies), as the API's JSON objects."""
        return reply_to_messages(reply)

    async def send(self, payload: list[Json], inbound: Inbound) -> Delivery:
        """Reply with the event's reply token while it is fresh, else (or when LINE refuses the token)
        push; every failure is logged with the event id."""
        event_id = inbound.key.removeprefix("line:")
        self.loading.answered(inbound.key)
        age = time.time() - inbound.received_at
        token = inbound.target.get("reply_token")
        if token and age < REPLY_WINDOW:
            outcome = await self._call("reply", event_id, {"replyToken": token, "messages": payload,
                                                           "notificationDisabled": False})
            if outcome.status == "sent":
                log.info("LINE reply sent for event %s (%d messages)", event_id, len(payload))
                return outcome
            if outcome.detail != REFUSED_REPLY:
                return outcome
            if inbound.attempt > 1:   # our earlier attempt, cut short by a crash, used the token
                log.info("LINE event %s: the reply token was used by the earlier attempt; not sent twice", event_id)
                return Delivery("sent", "replied by an earlier attempt (reply token used)")
        to = inbound.target.get("to")
        if not to:
            log.error("LINE event %s: the reply token is %s and there is no one to push to", event_id,
                      "refused" if token and age < REPLY_WINDOW else f"{age:.0f} s old")
            return Delivery("undeliverable", "reply token expired, no push target")
        request = {"to": to, "messages": payload, "notificationDisabled": False}
        outcome = await self._call("push", event_id, request, retry_key=str(uuid.uuid5(uuid.NAMESPACE_URL, inbound.key)))
        if outcome.status == "sent" or outcome.detail == ALREADY_ACCEPTED:
            log.warning("LINE event %s answered by push %.0f s after it arrived (counts against the monthly "
                        "message quota)", event_id, age)
            return Delivery("pushed", f"{age:.0f} s after the event")
        return outcome

    async def _call(self, kind: str, event_id: str, request: Json, retry_key: str | None = None) -> Delivery:
        """One reply or push request; the outcome, logged when it failed."""
        timeout = aiohttp.ClientTimeout(total=None, sock_connect=CONNECT_TIMEOUT, sock_read=self.reply_timeout)
        try:
            if kind == "reply":
                await self.api.post(REPLY, request, timeout)
            else:
                await self.api.post(PUSH, request, timeout, {"X-Line-Retry-Key": str(retry_key)})
        except ApiException as exc:
            if kind == "push" and exc.status == 409:
                return Delivery("failed", ALREADY_ACCEPTED)
            if kind == "reply" and exc.status == 400 and "reply token" in str(exc.body).lower():
                log.warning("LINE reply token refused for event %s; pushing instead", event_id)
                return Delivery("failed", REFUSED_REPLY)
            request_id = (exc.headers or {}).get("x-line-request-id", "-")
            log.error("LINE %s failed for event %s: HTTP %s %s (request id %s) %s", kind,
                      event_id, exc.status, exc.reason, request_id, str(exc.body)[:200])
            return Delivery("failed", f"HTTP {exc.status}")
        except (asyncio.TimeoutError, TimeoutError):
            log.error("LINE %s failed for event %s: no answer within %.1f s", kind, event_id, self.reply_timeout)
            return Delivery("timeout", f"no answer within {self.reply_timeout:.1f} s")
        except (aiohttp.ClientError, OSError) as exc:
            log.error("LINE %s failed for event %s: %s: %s", kind, event_id, type(exc).__name__, exc)
            return Delivery("failed", type(exc).__name__)
        return Delivery("sent")

    def health(self) -> dict[str, Any]:
        """Channel state for ``/healthz`` (never includes secrets)."""
        if self._reason:
            return {"enabled": False, "reason": self._reason}
        return {"enabled": True, "api": self._host or "default"}

    async def start(self) -> None:
        """Open the API client (at start-up, before the first webhook)."""
        if self._reason is None:
            await self.api.start()

    async def aclose(self) -> None:
        """Close the API client (at shutdown, after the background replies have drained)."""
        self.loading.close()
        await self.api.aclose()

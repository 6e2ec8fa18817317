"""The LINE channel: ``POST /line/webhook`` in, the Messaging API reply out.

The webhook is verified (one ``X-Line-Signature``, at most 1 MB, UTF-8), parsed into neutral
events (:mod:`adapters.line.events`) and handed to the intake before LINE gets its 200; the
reply is rendered (:mod:`adapters.line.messages`) and sent with the event's reply token. A
reply token is single use, so a failed reply is logged with its event id and not retried.
Switched off (503) unless both credentials are set.

When a reply in a one-to-one chat is not sent within :attr:`LineChannel.loading_after` seconds,
the chat shows LINE's loading indicator (``POST /v2/bot/chat/loading/start``) until it is; that
call runs in the background after the 200, and its failure is only logged.
"""
from __future__ import annotations

import asyncio
import logging
import time
from typing import Any, Sequence

import aiohttp
from linebot.v3 import WebhookParser
from linebot.v3.exceptions import InvalidSignatureError
from linebot.v3.messaging import (
    ApiException, AsyncApiClient, AsyncMessagingApi, Configuration, Message, ReplyMessageRequest,
    ShowLoadingAnimationRequest,
)
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from adapters.channel import Intake
from adapters.http import Refused, read_body
from adapters.line.events import to_inbound
from adapters.line.messages import reply_to_messages
from bot.core.types import Delivery, Inbound, Reply
from bot.settings import LineSettings

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 1024 * 1024
PATH = "/line/webhook"


def _error(status: int, reason: str) -> JSONResponse:
    return JSONResponse({"ok": False, "error": reason}, status_code=status)


class LineChannel:
    """The LINE Messaging API channel (see the module docstring)."""

    name = "line"
    reply_timeout: float = 8.0  # seconds for one reply API call; tests lower it
    loading_after: float | None = 1.0  # seconds a 1:1 reply may take before the loading indicator shows
    loading_seconds: int = 20  # how long LINE shows it at most (5-60, steps of 5); the reply ends it

    def __init__(self, settings: LineSettings) -> None:
        self._token = settings.channel_access_token
        self._host = settings.api_url.rstrip("/") if settings.api_url else None
        missing = settings.missing()
        self._reason = f"{' and '.join(missing)} not set" if missing else None
        self._parser = WebhookParser(settings.channel_secret) if not missing else None
        # One API client (one aiohttp session, one SSL context, kept-alive connections) for
        # every reply: building one per reply loads the CA bundle each time (~30 ms of
        # event-loop time on the benchmark machine) and opens a new connection.
        self._client: AsyncApiClient | None = None
        self._loading: dict[str, asyncio.Task[None]] = {}  # event key -> the indicator waiting to start
        self._loading_tasks: set[asyncio.Task[None]] = set()  # every indicator not finished yet
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
        for inbound in events:
            self._watch(inbound)
        await intake.accept(events)
        return JSONResponse({"ok": True})

    def _watch(self, inbound: Inbound) -> None:
        """Show the loading indicator if the reply to ``inbound`` is not sent in ``loading_after`` s."""
        chat_id = inbound.target.get("chat_id")
        if not chat_id or self.loading_after is None:
            return
        task = asyncio.get_running_loop().create_task(self._loading_later(chat_id, inbound.key))
        self._loading[inbound.key] = task
        self._loading_tasks.add(task)
        task.add_done_callback(self._loading_tasks.discard)

    async def _loading_later(self, chat_id: str, key: str) -> None:
        await asyncio.sleep(self.loading_after or 0.0)
        self._loading.pop(key, None)  # from here on a reply no longer cancels it (nor cuts the call short)
        request = ShowLoadingAnimationRequest(chat_id=chat_id, loading_seconds=self.loading_seconds)
        try:
            await AsyncMessagingApi(self._api()).show_loading_animation(request, _request_timeout=self.reply_timeout)
        except Exception as exc:  # cosmetic: the reply goes out all the same
            log.warning("LINE loading indicator failed for event %s: %s", key.removeprefix("line:"),
                        f"HTTP {exc.status}" if isinstance(exc, ApiException) else type(exc).__name__)
            return
        log.info("LINE loading indicator shown for event %s", key.removeprefix("line:"))

    def _api(self) -> AsyncApiClient:
        if self._client is None:
            self._client = AsyncApiClient(Configuration(access_token=self._token, host=self._host))
        return self._client

    def render(self, reply: Reply, inbound: Inbound) -> list[Message]:
        """At most 5 LINE messages (text, contact cards, quick replies)."""
        return reply_to_messages(reply)

    async def send(self, payload: list[Message], inbound: Inbound) -> Delivery:
        """Reply with the event's reply token, once; every failure is logged with the event id."""
        event_id = inbound.key.removeprefix("line:")
        waiting = self._loading.pop(inbound.key, None)
        if waiting is not None:
            waiting.cancel()  # the reply is ready: no indicator needed (a shown one ends with the reply)
        request = ReplyMessageRequest(reply_token=inbound.target["reply_token"], messages=payload)
        try:
            await AsyncMessagingApi(self._api()).reply_message(request, _request_timeout=self.reply_timeout)
        except ApiException as exc:
            request_id = (exc.headers or {}).get("x-line-request-id", "-")
            log.error("LINE reply failed for event %s: HTTP %s %s (request id %s) %s",
                      event_id, exc.status, exc.reason, request_id, str(exc.body)[:200])
            return Delivery("failed", f"HTTP {exc.status}")
        except (asyncio.TimeoutError, TimeoutError):
            log.error("LINE reply failed for event %s: no answer within %.1f s", event_id, self.reply_timeout)
            return Delivery("timeout", f"{self.reply_timeout:.1f} s")
        except (aiohttp.ClientError, OSError) as exc:
            log.error("LINE reply failed for event %s: %s: %s", event_id, type(exc).__name__, exc)
            return Delivery("failed", type(exc).__name__)
        log.info("LINE reply sent for event %s (%d messages)", event_id, len(payload))
        return Delivery("sent")

    def health(self) -> dict[str, Any]:
        """Channel state for ``/healthz`` (never includes secrets)."""
        if self._reason:
            return {"enabled": False, "reason": self._reason}
        return {"enabled": True, "api": self._host or "default"}

    async def aclose(self) -> None:
        """Close the API client (at shutdown, after the background replies have drained)."""
        for task in list(self._loading_tasks):
            task.cancel()
        if self._client is not None:
            client, self._client = self._client, None
            await client.close()

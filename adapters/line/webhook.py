"""``POST /line/webhook``: verify, acknowledge at once, answer in the background.

The platform gets its 200 as soon as the signature is checked and the events
are queued; the engine runs and the reply API is called afterwards through
``background.spawn``. A reply token is single use, so a failed reply is
logged with its webhook event id and never retried.
"""
from __future__ import annotations

import asyncio
import inspect
import logging
from typing import TYPE_CHECKING, Awaitable, Callable

import aiohttp
from linebot.v3 import WebhookParser
from linebot.v3.exceptions import InvalidSignatureError
from linebot.v3.messaging import (
    ApiException, AsyncApiClient, AsyncMessagingApi, Configuration, Message, ReplyMessageRequest,
)
from linebot.v3.webhooks import Event, FollowEvent, MessageEvent, PostbackEvent, TextMessageContent
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response

from adapters.line.escalation import LineEscalation
from adapters.line.messages import event_to_message, is_group_chat, mentions_bot, reply_to_messages
from bot.core import messages
from bot.web.background import BackgroundWork
from bot.storage.dedupe import DedupeStore
from bot.engine import Engine
from bot.settings import Settings
from bot.core.types import IncomingMessage, Reply

if TYPE_CHECKING:
    from bot.escalation.desk import EscalationDesk

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 1024 * 1024
NON_TEXT_TYPES = {"sticker", "image", "video", "audio", "location", "file"}


def _error(status: int, reason: str) -> JSONResponse:
    return JSONResponse({"ok": False, "error": reason}, status_code=status)


class LineWebhook:
    """The LINE channel: switched off (503) unless both LINE credentials are set."""

    reply_timeout: float = 8.0  # seconds for one reply API call; tests lower it

    def __init__(self, settings: Settings, engine: Engine, dedupe: DedupeStore,
                 background: BackgroundWork, escalation: "EscalationDesk | None" = None) -> None:
        self._engine = engine
        self._escalation = LineEscalation(escalation) if escalation else None
        self._dedupe = dedupe
        self._background = background
        self._token = settings.line_channel_access_token
        self._host = settings.line_api_url.rstrip("/") if settings.line_api_url else None
        missing = [name for name, value in (
            ("LINE_CHANNEL_SECRET", settings.line_channel_secret),
            ("LINE_CHANNEL_ACCESS_TOKEN", settings.line_channel_access_token)) if not value]
        self._reason = f"{' and '.join(missing)} not set" if missing else None
        self._parser = WebhookParser(settings.line_channel_secret) if not missing else None
        # One API client (one aiohttp session, one SSL context, kept-alive connections) for
        # every reply: building one per reply loads the CA bundle each time (~30 ms of
        # event-loop time on the benchmark machine) and opens a new connection.
        self._client: AsyncApiClient | None = None
        if self._reason:
            log.warning("LINE channel disabled: %s", self._reason)

    async def close(self) -> None:
        """Close the API client (at shutdown, after the background replies have drained)."""
        if self._client is not None:
            client, self._client = self._client, None
            await client.close()

    def status(self) -> dict:
        """Channel state for ``/healthz`` (never includes secrets)."""
        if self._reason:
            return {"enabled": False, "reason": self._reason}
        return {"enabled": True, "api": self._host or "default"}

    async def handle(self, request: Request) -> Response:
        """Check signature and size, queue the replies, answer 200 straight away."""
        if self._parser is None:
            return _error(503, f"LINE channel disabled: {self._reason}")
        signatures = request.headers.getlist("x-line-signature")
        if len(signatures) != 1 or not signatures[0]:
            log.warning("LINE webhook with %d X-Line-Signature headers rejected", len(signatures))
            return _error(400, "missing or repeated signature")
        signature = signatures[0]
        body = await self._read_body(request)
        if isinstance(body, Response):
            return body
        try:
            payload = self._parser.parse(body, signature, as_payload=True)
        except InvalidSignatureError:
            log.warning("LINE webhook with a wrong signature rejected")
            return _error(400, "invalid signature")
        except Exception as exc:  # the body is signed but not a webhook payload
            log.warning("LINE webhook body could not be parsed: %s: %s",
                        type(exc).__name__, str(exc)[:200])
            return _error(400, "unparseable body")
        for event in payload.events or []:
            self._dispatch(event)
        return JSONResponse({"ok": True})

    async def _read_body(self, request: Request) -> str | Response:
        declared = request.headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY_BYTES):
            return _error(413 if declared.isdigit() else 400, "body too large or bad length")
        raw = bytearray()
        try:
            async for chunk in request.stream():
                raw += chunk
                if len(raw) > MAX_BODY_BYTES:
                    return _error(413, "body too large")
        except ClientDisconnect:
            return _error(400, "client disconnected")
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            log.warning("LINE webhook body is not UTF-8; rejected")
            return _error(400, "body is not UTF-8")

    def _dispatch(self, event: Event) -> None:
        """Decide what an event deserves; claim its id and queue the reply."""
        event_id = getattr(event, "webhook_event_id", None) or "?"
        if getattr(event, "mode", None) != "active":
            log.info("LINE event %s in %s mode: not answered", event_id,
                     getattr(event, "mode", None))
            return
        make = self._responder(event)
        if make is None:
            return
        if not self._dedupe.claim(f"line:{event_id}"):
            log.info("LINE event %s already handled (redelivery=%s): skipped", event_id,
                     getattr(event.delivery_context, "is_redelivery", None))
            return
        self._background.spawn(self._respond(event_id, event.reply_token, make),
                               f"line reply {event_id}")

    def _responder(self, event: Event) -> Callable[[], list[Message] | Awaitable[list[Message]]] | None:
        """A function building the reply messages for ``event``, or ``None`` when it needs none."""
        if not getattr(event, "reply_token", None):
            return None
        group = is_group_chat(event)
        if isinstance(event, FollowEvent):
            return lambda: reply_to_messages(self._engine.greeting("ja"))
        if isinstance(event, PostbackEvent):
            escalation = self._escalation
            if escalation is not None and escalation.handles(event):
                return lambda: escalation.respond(event)
            message = event_to_message(event)
            return self._answerer(message) if message else None
        if not isinstance(event, MessageEvent):
            return None
        if isinstance(event.message, TextMessageContent):
            if group and not mentions_bot(event):
                return None
            message = event_to_message(event)
            if message is None or not message.text:
                return lambda: reply_to_messages(self._engine.greeting("ja"))
            return self._answerer(message)
        if getattr(event.message, "type", None) in NON_TEXT_TYPES and not group:
            return lambda: reply_to_messages(self._non_text_reply())
        return None

    def _answerer(self, message: IncomingMessage) -> Callable[[], Awaitable[list[Message]]]:
        """The engine's answer; with escalation on, plus "担当者に聞く" or the offer to pass it on."""
        async def make() -> list[Message]:
            # the matcher's CPU work runs off the event loop; the escalation step stays on it
            reply = await self._background.run_blocking(self._engine.answer, message)
            return self._escalation.decorate(message, reply) if self._escalation else reply_to_messages(reply)
        return make

    def _non_text_reply(self) -> Reply:
        topics = self._engine.greeting("ja").suggestions
        return Reply(text=messages.text(messages.NOT_TEXT, "ja"), kind="help", language="ja",
                     suggestions=topics)

    async def _respond(self, event_id: str, reply_token: str,
                       make: Callable[[], list[Message] | Awaitable[list[Message]]]) -> None:
        """Build the reply and send it once; every failure is logged with the event id."""
        try:
            built = make()
            messages = await built if inspect.isawaitable(built) else built
        except Exception:
            log.exception("LINE event %s: building the reply failed", event_id)
            return
        request = ReplyMessageRequest(reply_token=reply_token, messages=messages)
        try:
            if self._client is None:
                self._client = AsyncApiClient(Configuration(access_token=self._token, host=self._host))
            await AsyncMessagingApi(self._client).reply_message(
                request, _request_timeout=self.reply_timeout)
        except ApiException as exc:
            request_id = (exc.headers or {}).get("x-line-request-id", "-")
            log.error("LINE reply failed for event %s: HTTP %s %s (request id %s) %s",
                      event_id, exc.status, exc.reason, request_id, str(exc.body)[:200])
        except (asyncio.TimeoutError, TimeoutError):
            log.error("LINE reply failed for event %s: no answer within %.1f s",
                      event_id, self.reply_timeout)
        except (aiohttp.ClientError, OSError) as exc:
            log.error("LINE reply failed for event %s: %s: %s", event_id,
                      type(exc).__name__, exc)
        else:
            log.info("LINE reply sent for event %s (%d messages)", event_id, len(messages))

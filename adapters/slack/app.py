"""The Slack channel: a Bolt ``AsyncApp`` behind ``POST /slack/events`` (and Socket Mode).

Every request Slack sends is verified (signing secret, 5-minute window) and acknowledged at
once; answers are computed and posted afterwards as background work, with bounded retries on
429/5xx. Event ids are claimed in the dedupe store, so Slack's retries never get two answers.
"""
from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any, Mapping

from slack_bolt.adapter.starlette.async_handler import AsyncSlackRequestHandler
from slack_bolt.async_app import AsyncApp
from slack_bolt.authorization import AuthorizeResult
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.request.internals import parse_body
from slack_sdk.http_retry import HttpRequest, HttpResponse, RetryIntervalCalculator, RetryState
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_interval_calculators import BackoffRetryIntervalCalculator
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.signature import SignatureVerifier
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.types import Message

from adapters.slack.escalation import EscalationListeners
from adapters.slack.blocks import ACTION_PREFIX, action_target, action_to_message, event_to_message, \
    reply_target, reply_to_blocks
from adapters.slack.admin import COMMAND as ADMIN_COMMAND, AdminCommands, admin_subcommands
from bot.web.background import BackgroundWork
from bot.storage.dedupe import DedupeStore
from bot.engine import Engine
from bot.escalation.rules import EscalationConfig
from bot.settings import Settings
from bot.core.types import IncomingMessage

if TYPE_CHECKING:
    from bot.escalation.desk import EscalationDesk

log = logging.getLogger(__name__)

MAX_RETRIES = 3
MAX_BODY_BYTES = 1024 * 1024
RETRY_BACKOFF: RetryIntervalCalculator = BackoffRetryIntervalCalculator(backoff_factor=0.5)


class _ServerErrorRetry(AsyncServerErrorRetryHandler):
    """Like slack_sdk's, but for every 5xx (502 and 504 included), not only 500 and 503."""

    async def _can_retry_async(self, *, state: RetryState, request: HttpRequest,
                               response: HttpResponse | None = None,
                               error: Exception | None = None) -> bool:
        return response is not None and response.status_code >= 500


def retry_handlers() -> list[AsyncRetryHandler]:
    """Bounded retries for every Web API / response_url call: connection errors, 5xx with
    exponential back-off, 429 after its ``Retry-After``."""
    return [AsyncConnectionErrorRetryHandler(max_retry_count=MAX_RETRIES, interval_calculator=RETRY_BACKOFF),
            AsyncRateLimitErrorRetryHandler(max_retry_count=MAX_RETRIES),
            _ServerErrorRetry(max_retry_count=MAX_RETRIES, interval_calculator=RETRY_BACKOFF)]


def missing_credentials(settings: Settings) -> list[str]:
    """Names of the environment variables the HTTP channel needs but lacks."""
    return [name for name, value in (("SLACK_SIGNING_SECRET", settings.slack_signing_secret),
                                     ("SLACK_BOT_TOKEN", settings.slack_bot_token)) if not value]


class SlackListeners:
    """The listeners shared by the HTTP endpoint and Socket Mode: ack first, answer in background."""

    def __init__(self, engine: Engine, dedupe: DedupeStore, background: BackgroundWork,
                 escalation: EscalationListeners | None = None, admin: AdminCommands | None = None) -> None:
        self._engine = engine
        self._dedupe = dedupe
        self._background = background
        self._escalation = escalation
        self._admin = admin

    def register(self, app: AsyncApp) -> None:
        """Attach the listeners; catch-alls make sure every request is acknowledged with 200.

        Bolt runs the first listener that matches, so specific ones come before the catch-alls.
        """
        if self._escalation is not None:
            self._escalation.register(app)
        if self._admin is not None:
            app.command(ADMIN_COMMAND)(self._admin.on_command)
        app.event(re.compile(".*"))(self.on_event)
        app.action(re.compile("^" + re.escape(ACTION_PREFIX) + r"\d+$"))(self.on_suggestion)
        app.action(re.compile(".*"))(self.on_other)
        app.command(re.compile(".*"))(self.on_command)
        app.shortcut(re.compile(".*"))(self.on_other)
        app.view(re.compile(".*"))(self.on_other)

    async def on_other(self, ack: Any) -> None:
        """Acknowledge a request the bot has nothing to say to."""
        await ack()

    async def on_event(self, ack: Any, body: dict[str, Any], request: AsyncBoltRequest,
                       client: AsyncWebClient) -> None:
        """Answer a mention (in its thread) or a direct message, once per ``event_id``."""
        await ack()
        event = body.get("event") or {}
        event_id = str(body.get("event_id") or f"{event.get('channel')}:{event.get('ts')}")
        if self._escalation is not None and self._escalation.take_thread_reply(event, event_id, self._dedupe):
            return
        message = event_to_message(event, bot_user_id(body))
        if message is None:
            return
        retry = (request.headers.get("x-slack-retry-num") or [None])[0]
        if not self._dedupe.claim(f"slack:{event_id}"):
            log.info("slack: event %s already handled, delivery %s ignored", event_id, retry)
            return
        if retry:
            log.info("slack: answering event %s on retry %s (first delivery not seen)", event_id, retry)
        channel, thread_ts = reply_target(event)
        self._background.spawn(self._post(client, message, channel, thread_ts, event_id),
                               f"slack:{event_id}")

    async def on_suggestion(self, ack: Any, body: dict[str, Any], action: dict[str, Any],
                            client: AsyncWebClient) -> None:
        """A suggestion button: answer that intent where the button was."""
        await ack()
        message = action_to_message(body, action)
        channel, thread_ts, response_url = action_target(body)
        label = f"slack:action:{body.get('trigger_id') or action.get('action_ts')}"
        if response_url:
            self._background.spawn(self._respond(message, response_url, label), label)
        else:
            self._background.spawn(self._post(client, message, channel, thread_ts, label), label)

    async def on_command(self, ack: Any, command: dict[str, Any]) -> None:
        """``/jet 質問``: answer only the asker (ephemeral); ``/jet`` alone gives the help."""
        await ack()
        user = str(command.get("user_id") or "")
        message = IncomingMessage(text=str(command.get("text") or "").strip(), channel="slack",
                                  user_id=user, conversation_id=f"{command.get('channel_id')}:{user}")
        label = f"slack:command:{command.get('trigger_id')}"
        self._background.spawn(self._respond(message, str(command.get("response_url")), label), label)

    async def _post(self, client: AsyncWebClient, message: IncomingMessage, channel: str,
                    thread_ts: str | None, label: str) -> None:
        try:
            text, blocks = reply_to_blocks(await self._background.run_blocking(self._engine.answer, message))
            await client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=text,
                                                blocks=blocks, unfurl_links=False, unfurl_media=False)
        except Exception as error:  # logged, never raised: the webhook was acknowledged already
            log.error("slack: could not answer %s in %s: %s", label, channel, _describe(error))

    async def _respond(self, message: IncomingMessage, response_url: str, label: str) -> None:
        try:
            text, blocks = reply_to_blocks(await self._background.run_blocking(self._engine.answer, message))
            webhook = AsyncWebhookClient(response_url, retry_handlers=retry_handlers())
            response = await webhook.send_dict({"response_type": "ephemeral", "replace_original": False,
                                               "text": text, "blocks": blocks})
            if response.status_code != 200:
                log.error("slack: response_url refused %s: HTTP %s", label, response.status_code)
        except Exception as error:
            log.error("slack: could not answer %s: %s", label, _describe(error))


def _describe(error: Exception) -> str:
    response = getattr(error, "response", None)
    status = getattr(response, "status_code", None)
    return f"{type(error).__name__} (HTTP {status})" if status else f"{type(error).__name__}: {error}"


def build_app(settings: Settings, engine: Engine, dedupe: DedupeStore, background: BackgroundWork,
              *, socket_mode: bool = False, escalation: "EscalationDesk | None" = None,
              reloader: Any = None, store: Any = None) -> AsyncApp:
    """The Bolt app with jetbot's listeners; makes no network call (no ``auth.test``).

    With ``escalation`` the escalation buttons, modal and thread replies are handled too.
    """
    base_url = settings.slack_api_url or AsyncWebClient.BASE_URL
    # Bolt gives each request a copy of this client (same base URL and retry handlers) holding
    # the token that ``authorize`` returns.
    client = AsyncWebClient(base_url=base_url.rstrip("/") + "/", retry_handlers=retry_handlers())

    async def authorize(enterprise_id: str | None, team_id: str | None) -> AuthorizeResult:
        # Single workspace: the token is ours, no auth.test round trip, so Slack being slow or
        # down never turns into an unacknowledged request. The bot's user id comes with each
        # event (``authorizations``), see :func:`bot_user_id`.
        return AuthorizeResult(enterprise_id=enterprise_id, team_id=team_id,
                               bot_token=settings.slack_bot_token)

    app = AsyncApp(signing_secret=settings.slack_signing_secret or "", client=client,
                   authorize=authorize, process_before_response=True,
                   request_verification_enabled=not socket_mode, logger=log)
    admin_ids = (escalation.config if escalation else EscalationConfig.from_settings(settings)).admin_ids
    admin = AdminCommands(admin_ids, admin_subcommands(escalation.open_list if escalation else None,
                                                       reloader=reloader, store=store))
    listeners = EscalationListeners(escalation, background) if escalation else None
    SlackListeners(engine, dedupe, background, listeners, admin).register(app)
    return app


def _refuse(status: int, reason: str) -> JSONResponse:
    log.warning("slack: request refused (%d): %s", status, reason)
    return JSONResponse({"error": reason}, status_code=status)


def _replayed(request: Request, body: bytes) -> Request:
    """``request`` with its (already read) body available again, for Bolt's handler."""
    async def receive() -> Message:
        return {"type": "http.request", "body": body, "more_body": False}
    return Request(request.scope, receive)


def bot_user_id(body: Mapping[str, Any]) -> str | None:
    """The bot's own user id, from the ``authorizations`` Slack sends with every event."""
    for authorization in body.get("authorizations") or ():
        if authorization.get("is_bot") and authorization.get("user_id"):
            return str(authorization["user_id"])
    return None


class SlackEvents:
    """The ``/slack/events`` endpoint; switched off (503) without signing secret and bot token."""

    def __init__(self, settings: Settings, engine: Engine, dedupe: DedupeStore,
                 background: BackgroundWork, escalation: "EscalationDesk | None" = None,
                 reloader: Any = None, store: Any = None) -> None:
        self._missing = missing_credentials(settings)
        self.app: AsyncApp | None = None
        self._handler: AsyncSlackRequestHandler | None = None
        if self._missing:
            log.warning("slack: channel off (%s not set); /slack/events answers 503",
                        " and ".join(self._missing))
            return
        self.app = build_app(settings, engine, dedupe, background, escalation=escalation,
                             reloader=reloader, store=store)
        self._handler = AsyncSlackRequestHandler(self.app)
        self._verifier = SignatureVerifier(str(settings.slack_signing_secret))
        log.info("slack: channel on at /slack/events")

    async def handle(self, request: Request) -> Response:
        """Verify, acknowledge and dispatch one request from Slack."""
        if self._handler is None:
            return JSONResponse({"error": "slack channel disabled",
                                 "reason": f"{' and '.join(self._missing)} not set"}, status_code=503)
        body = await self._screen(request)
        if isinstance(body, Response):
            return body
        return await self._handler.handle(_replayed(request, body))

    async def _screen(self, request: Request) -> bytes | Response:
        """The raw body of a request that is at most 1 MB, signed once, fresh and a JSON object or
        form; otherwise the refusal. Bolt reads bodies of any size and parses them before it checks
        the signature, so unsigned junk would reach its parser (a 500) without this."""
        declared = request.headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY_BYTES):
            return _refuse(413, "body too large or bad length")
        signatures = request.headers.getlist("x-slack-signature")
        stamps = request.headers.getlist("x-slack-request-timestamp")
        if len(signatures) != 1 or len(stamps) != 1 or not stamps[0].isdigit():
            return _refuse(401, "missing, repeated or malformed signature headers")
        raw = bytearray()
        try:
            async for chunk in request.stream():
                raw += chunk
                if len(raw) > MAX_BODY_BYTES:
                    return _refuse(413, "body too large")
        except ClientDisconnect:
            return _refuse(400, "client disconnected")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            return _refuse(401, "body is not UTF-8")  # Slack signs UTF-8 text: this was not Slack
        if not self._verifier.is_valid(text, stamps[0], signatures[0]):
            return _refuse(401, "invalid or stale signature")
        try:
            payload = parse_body(text, request.headers.get("content-type"))
        except ValueError:
            payload = None
        if not isinstance(payload, dict):
            return _refuse(400, "body is not a JSON object or form")
        if payload.get("type") == "app_rate_limited":  # Slack holds events back for a minute
            log.warning("slack: events are being rate limited (minute %s)", payload.get("minute_rate_limited"))
            return Response(status_code=200)
        return bytes(raw)

    def status(self) -> dict[str, Any]:
        """For /healthz: whether the channel is on, and why not (variable names only)."""
        if self._handler is None:
            return {"enabled": False, "reason": f"{' and '.join(self._missing)} not set"}
        return {"enabled": True, "mode": "events_api"}

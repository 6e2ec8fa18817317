"""The Bolt app and its listeners, shared by the HTTP endpoint and Socket Mode.

Every listener acknowledges; questions (mentions, direct messages, suggestion and action
buttons, ``/jet``, the message shortcut 「jetbotに聞く」) become neutral events handed to the
intake — awaited before the acknowledgement goes out, so an acknowledged question is never lost.
Escalation buttons, the answer modal and thread replies, ``/jet-admin``, the App Home
(:mod:`adapters.slack.home`) and the 👍 / 👎 under answers (:mod:`adapters.slack.feedback`) have
listeners of their own.
"""
from __future__ import annotations

import logging
import re
import time
from typing import Any, Mapping

import aiohttp
from slack_bolt.async_app import AsyncApp
from slack_bolt.authorization import AuthorizeResult
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.http_retry import HttpRequest, HttpResponse, RetryIntervalCalculator, RetryState
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler, AsyncRateLimitErrorRetryHandler, AsyncServerErrorRetryHandler,
)
from slack_sdk.http_retry.builtin_interval_calculators import BackoffRetryIntervalCalculator
from slack_sdk.web.async_client import AsyncWebClient

from adapters.channel import Intake
from adapters.slack.admin import COMMAND as ADMIN_COMMAND, AdminCommands
from adapters.slack.blocks import (ACTION_PREFIX, OTHER_ACTION_PREFIX, action_target, action_to_message,
                                   event_to_message, reply_target)
from adapters.slack.escalation import EscalationListeners
from adapters.slack.feedback import FeedbackListener
from adapters.slack.home import AppHome
from adapters.slack.markup import to_plain
from bot.core.answer import HELP_INTENT
from bot.core.types import Inbound, IncomingMessage
from bot.settings import SlackSettings
from bot.storage.dedupe_keys import Dedupe

log = logging.getLogger(__name__)

MAX_RETRIES = 3
SHORTCUT = "jetbot_ask"             # callback id of the message shortcut 「jetbotに聞く」
HELP_WORDS = ("", "help", "ヘルプ")   # `/jet` with these shows how to ask and the main topics
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


def web_client(settings: SlackSettings, with_token: bool = True, timeout: int = 30,
               session: aiohttp.ClientSession | None = None) -> AsyncWebClient:
    """A Web API client (for the bot token unless ``with_token`` is false), with the bounded retries
    and ``timeout`` seconds per call; over ``session`` (kept-alive connections) if given, else a
    session of its own per call."""
    base_url = (settings.api_url or AsyncWebClient.BASE_URL).rstrip("/") + "/"
    return AsyncWebClient(token=settings.bot_token if with_token else None, base_url=base_url, timeout=timeout,
                          retry_handlers=retry_handlers(), session=session)


def bot_user_id(body: Mapping[str, Any]) -> str | None:
    """The bot's own user id, from the ``authorizations`` Slack sends with every event."""
    for authorization in body.get("authorizations") or ():
        if authorization.get("is_bot") and authorization.get("user_id"):
            return str(authorization["user_id"])
    return None


def _target(channel: str, thread_ts: str | None) -> dict[str, str]:
    return {"channel": channel, **({"thread_ts": thread_ts} if thread_ts else {})}


class SlackListeners:
    """The listeners (see the module docstring); catch-alls acknowledge everything else."""

    def __init__(self, intake: Intake, dedupe: Dedupe, escalation: EscalationListeners | None = None,
                 admin: AdminCommands | None = None, home: AppHome | None = None,
                 feedback: FeedbackListener | None = None) -> None:
        self._intake = intake
        self._feedback = feedback
        self._dedupe = dedupe
        self._escalation = escalation
        self._admin = admin
        self._home = home

    def register(self, app: AsyncApp) -> None:
        """Attach the listeners; Bolt runs the first that matches, so specific ones come first."""
        if self._escalation is not None:
            self._escalation.register(app)
        if self._admin is not None:
            app.command(ADMIN_COMMAND)(self._admin.on_command)
        if self._home is not None:
            self._home.register(app, self._intake)
        if self._feedback is not None:
            self._feedback.register(app)
        app.shortcut(SHORTCUT)(self.on_shortcut)
        app.event(re.compile(".*"))(self.on_event)
        app.action(re.compile("^(" + re.escape(ACTION_PREFIX) + "|" + re.escape(OTHER_ACTION_PREFIX) + r")\d+$"))(
            self.on_button)
        app.action(re.compile(".*"))(self.on_other)
        app.command(re.compile(".*"))(self.on_command)
        app.shortcut(re.compile(".*"))(self.on_other)
        app.view(re.compile(".*"))(self.on_other)

    async def on_other(self, ack: Any) -> None:
        """Acknowledge a request the bot has nothing to say to."""
        await ack()

    async def on_event(self, ack: Any, body: dict[str, Any], request: AsyncBoltRequest) -> None:
        """A mention (answered in its thread) or a direct message, once per ``event_id``."""
        event = body.get("event") or {}
        event_id = str(body.get("event_id") or f"{event.get('channel')}:{event.get('ts')}")
        escalation = self._escalation
        if escalation is not None and escalation.take_thread_reply(event, event_id, self._dedupe, bot_user_id(body)):
            await ack()
            return
        message = event_to_message(event, bot_user_id(body))
        if message is not None:
            retry = (request.headers.get("x-slack-retry-num") or [None])[0]
            if retry:
                log.info("slack: event %s delivered again (retry %s)", event_id, retry)
            await self._accept(f"slack:{event_id}", message, _target(*reply_target(event)))
        await ack()

    async def on_button(self, ack: Any, body: dict[str, Any], action: dict[str, Any]) -> None:
        """A suggestion or action button: answered where the button was (ephemeral: to the clicker)."""
        channel, thread_ts, response_url = action_target(body)
        target = {"response_url": response_url} if response_url else _target(channel, thread_ts)
        key = f"slack:action:{body.get('trigger_id') or action.get('action_ts')}"
        await self._accept(key, action_to_message(body, action), target)
        await ack()

    async def on_command(self, ack: Any, command: dict[str, Any]) -> None:
        """``/jet 質問``: answered to the asker only; ``/jet`` alone or ``/jet help`` gives the help
        (how to ask, and the main topics as buttons)."""
        user = str(command.get("user_id") or "")
        text = str(command.get("text") or "").strip()
        message = IncomingMessage(text=text, channel="slack", user_id=user,
                                  conversation_id=f"{command.get('channel_id')}:{user}",
                                  choice=HELP_INTENT if text.lower() in HELP_WORDS else None)
        key = f"slack:command:{command.get('trigger_id')}"
        await self._accept(key, message, {"response_url": str(command.get("response_url"))})
        await ack()

    async def on_shortcut(self, ack: Any, body: dict[str, Any]) -> None:
        """「jetbotに聞く」 on a message: its text answered in its thread, or only to the clicker
        (the ``response_url``) where the bot is not in the channel (see ``SlackChannel.send``)."""
        message = body.get("message") or {}
        channel = str((body.get("channel") or {}).get("id") or "")
        thread_ts = str(message.get("thread_ts") or message.get("ts") or "") or None
        user = str((body.get("user") or {}).get("id") or "")
        question = IncomingMessage(to_plain(str(message.get("text") or "")), channel="slack", user_id=user,
                                   conversation_id=f"{channel}:{thread_ts}" if thread_ts else channel)
        target = {**_target(channel, thread_ts), "fallback_response_url": str(body.get("response_url") or "")}
        await self._accept(f"slack:shortcut:{body.get('trigger_id')}", question, target)
        await ack()

    async def _accept(self, key: str, message: IncomingMessage, target: dict[str, str]) -> None:
        await self._intake.accept([Inbound(key, message, target, time.time())])


def _not_the_unused_token_warning(record: logging.LogRecord) -> bool:
    """False for Bolt's "`token` will be unused" warning: jetbot gives the token through ``authorize``."""
    return "will be unused" not in record.getMessage()


def build_app(settings: SlackSettings, listeners: SlackListeners, *, socket_mode: bool = False) -> AsyncApp:
    """The Bolt app with jetbot's listeners; makes no network call (no ``auth.test``)."""
    async def authorize(enterprise_id: str | None, team_id: str | None) -> AuthorizeResult:
        # Single workspace: the token is ours, no auth.test round trip, so Slack being slow or
        # down never turns into an unacknowledged request. The bot's user id comes with each
        # event (``authorizations``), see :func:`bot_user_id`.
        return AuthorizeResult(enterprise_id=enterprise_id, team_id=team_id, bot_token=settings.bot_token)

    # Bolt gives each request a copy of this client holding the token ``authorize`` returns.
    # Bolt also reads SLACK_BOT_TOKEN itself and then warns that it will be unused, which is
    # what we want: its own logger hears that at construction only.
    bolt_log = logging.getLogger("adapters.slack.bolt")
    bolt_log.addFilter(_not_the_unused_token_warning)
    app = AsyncApp(signing_secret=settings.signing_secret or "", client=web_client(settings, with_token=False),
                   authorize=authorize, process_before_response=True,
                   request_verification_enabled=not socket_mode, logger=bolt_log)
    listeners.register(app)
    return app

"""The Slack channel: ``POST /slack/events`` (Events API, interactivity, slash commands) in, Web API out.

Requests are screened before Bolt sees them (:mod:`adapters.slack.screening`); Bolt then runs the
listeners (:mod:`adapters.slack.listeners`), which hand questions to the intake. Replies go out
with ``chat.postMessage`` (in the thread; in the user's DM, opened with ``conversations.open``,
for App Home taps) or the ``response_url`` (to the asker only; also where the bot is not in the
channel of a message shortcut), with bounded retries on 429/5xx and links never unfurled.
Switched off (503) without the signing secret and bot token.
"""
from __future__ import annotations

import logging
from typing import Any, Callable, Sequence

import aiohttp
from slack_bolt.adapter.starlette.async_handler import AsyncSlackRequestHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.signature import SignatureVerifier
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from adapters.channel import Intake
from adapters.slack.admin import AdminCommands, admin_subcommands
from adapters.slack.blocks import reply_to_blocks
from adapters.slack.escalation import EscalationListeners
from adapters.slack.team_inbox import SlackTeamInbox
from adapters.slack.escalation_blocks import admin_list
from adapters.slack.feedback import FeedbackListener, Votes
from adapters.slack.home import AppHome
from adapters.slack.listeners import SlackListeners, build_app, retry_handlers, web_client
from adapters.slack.screening import replayed, screen
from bot.conversation.background import BackgroundWork, describe
from bot.core.types import Delivery, Inbound, Reply
from bot.escalation.desk import EscalationDesk
from bot.settings import SlackSettings
from bot.storage.dedupe_keys import Dedupe

log = logging.getLogger(__name__)

PATH = "/slack/events"
METADATA_TYPE = "jetbot_answer"
Payload = tuple[str, list[dict[str, Any]]]
NOT_A_MEMBER = ("not_in_channel", "channel_not_found")  # the bot cannot post there (private, or not invited)


class SlackChannel:
    """The Slack app (see the module docstring)."""

    name = "slack"
    api_timeout: int = 30  # seconds per Web API call (tests lower it)

    def __init__(self, settings: SlackSettings, dedupe: Dedupe, background: BackgroundWork, *,
                 escalation: EscalationDesk | None = None, team: SlackTeamInbox | None = None,
                 reloader: Any = None, stats: Any = None, home: AppHome | None = None,
                 feedback: Votes | None = None) -> None:
        self._settings = settings
        self._feedback = feedback
        self._dedupe = dedupe
        self._background = background
        self._escalation, self._team = escalation, team
        self._reloader, self._stats = reloader, stats
        self._missing = settings.missing()
        self._verifier = SignatureVerifier(settings.signing_secret) if settings.signing_secret else None
        self._client: AsyncWebClient | None = None
        self._session: aiohttp.ClientSession | None = None   # the answers' connections, kept alive
        self.home = home
        if self._missing:
            log.warning("slack: channel off (%s not set); /slack/events answers 503", " and ".join(self._missing))
        else:
            log.info("slack: channel on at %s", PATH)

    def listeners(self, intake: Intake) -> SlackListeners:
        """Every listener of this app, handing questions to ``intake`` (also for Socket Mode)."""
        desk, team = self._escalation, self._team
        escalations: Callable[[], str] | None = (
            (lambda: admin_list(desk.open_escalations(), desk.config.channel, desk.clock())) if desk is not None else None)
        admin = AdminCommands(self._settings.admin_ids,
                              admin_subcommands(escalations, reloader=self._reloader, stats=self._stats))
        escalation = EscalationListeners(desk, team, self._background) if desk and team else None
        votes = FeedbackListener(self._feedback, retry_handlers(), self.api_timeout) if self._feedback else None
        return SlackListeners(intake, self._dedupe, escalation, admin, self.home, votes)

    def bolt_app(self, intake: Intake, socket_mode: bool = False) -> AsyncApp:
        """The Bolt app with this channel's listeners."""
        return build_app(self._settings, self.listeners(intake), socket_mode=socket_mode)

    def routes(self, intake: Intake) -> Sequence[BaseRoute]:
        """``POST /slack/events``."""
        handler = AsyncSlackRequestHandler(self.bolt_app(intake)) if not self._missing else None

        async def events(request: Request) -> Response:
            if handler is None:
                return JSONResponse({"error": "slack channel disabled",
                                     "reason": f"{' and '.join(self._missing)} not set"}, status_code=503)
            body = await screen(request, self._verifier, self._dedupe)
            if isinstance(body, Response):
                return body
            return await handler.handle(replayed(request, body))

        return [Route(PATH, events, methods=["POST"])]

    def render(self, reply: Reply, inbound: Inbound) -> Payload:
        """Block Kit: ``(fallback text, blocks)``."""
        return reply_to_blocks(reply)

    def api(self) -> AsyncWebClient:
        """The Web API client of this channel (bot token, bounded retries), over one HTTP session:
        slack_sdk would otherwise open a session, a connection and a TLS handshake per answer."""
        if self._client is None:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.api_timeout))
            self._client = web_client(self._settings, timeout=self.api_timeout, session=self._session)
        return self._client

    async def send(self, payload: Payload, inbound: Inbound) -> Delivery:
        """Post in the channel/thread (or the user's DM), or answer the asker only through the
        ``response_url``; a shortcut where the bot may not post falls back to its ``response_url``.

        Posts carry the event's key as message metadata: when an earlier attempt may have landed
        (a crash between posting and recording it), the conversation is looked up first, so the
        answer is not posted twice.
        """
        text, blocks = payload
        target = inbound.target
        try:
            if "response_url" in target:
                return await self._respond(target["response_url"], payload, inbound)
            channel = target.get("channel", "")
            if "dm_user" in target:
                channel = (await self.api().conversations_open(users=target["dm_user"]))["channel"]["id"]
            if inbound.attempt > 1 and await self._posted_before(channel, inbound):
                log.info("slack: %s was posted by the earlier attempt; not posted twice", inbound.key)
                return Delivery("sent", "posted by an earlier attempt")
            try:
                await self.api().chat_postMessage(
                    channel=channel, thread_ts=target.get("thread_ts"), text=text, blocks=blocks, unfurl_links=False,
                    unfurl_media=False, metadata={"event_type": METADATA_TYPE, "event_payload": {"key": inbound.key}})
            except SlackApiError as error:
                fallback = target.get("fallback_response_url")
                if error.response.get("error") not in NOT_A_MEMBER or not fallback:
                    raise
                log.info("slack: not a member of %s; answering %s to the asker only", channel, inbound.key)
                return await self._respond(fallback, payload, inbound)
        except Exception as error:  # logged, never raised: the request was acknowledged already
            log.error("slack: could not answer %s in %s: %s", inbound.key, target.get("channel", "-"),
                      describe(error))
            status = getattr(getattr(error, "response", None), "status_code", None)
            return Delivery("failed", f"HTTP {status}" if status else type(error).__name__)
        return Delivery("sent")

    async def _respond(self, url: str, payload: Payload, inbound: Inbound) -> Delivery:
        """An ephemeral answer to the asker through a ``response_url``."""
        text, blocks = payload
        webhook = AsyncWebhookClient(url, retry_handlers=retry_handlers(), timeout=self.api_timeout)
        response = await webhook.send_dict({"response_type": "ephemeral", "replace_original": False,
                                            "text": text, "blocks": blocks,
                                            "unfurl_links": False, "unfurl_media": False})
        if response.status_code != 200:
            log.error("slack: response_url refused %s: HTTP %s", inbound.key, response.status_code)
            return Delivery("failed", f"HTTP {response.status_code}")
        return Delivery("sent")

    async def _posted_before(self, channel: str, inbound: Inbound) -> bool:
        """Whether a message carrying this event's key is already in the conversation."""
        thread = inbound.target.get("thread_ts")
        try:
            if thread:
                page = await self.api().conversations_replies(channel=channel, ts=thread, include_all_metadata=True,
                                                              limit=200)
            else:
                page = await self.api().conversations_history(channel=channel, include_all_metadata=True, limit=200,
                                                              oldest=f"{inbound.received_at - 60:.6f}")
        except Exception as error:   # cannot tell: post (a double is better than a loss)
            log.warning("slack: could not look for an earlier answer to %s: %s", inbound.key, describe(error))
            return False
        return any(((m.get("metadata") or {}).get("event_payload") or {}).get("key") == inbound.key
                   for m in page.get("messages") or [])

    def health(self) -> dict[str, Any]:
        """For /healthz: whether the channel is on, and why not (variable names only)."""
        if self._missing:
            return {"enabled": False, "reason": f"{' and '.join(self._missing)} not set"}
        return {"enabled": True, "mode": "events_api"}

    async def start(self) -> None:
        """Nothing to open ahead: the session is cheap to open when the first answer goes out (aiohttp
        shares one TLS context per process)."""

    async def aclose(self) -> None:
        """Close the answers' HTTP session (at shutdown, after the background replies have drained)."""
        if self._session is not None:
            session, self._session, self._client = self._session, None, None
            await session.close()

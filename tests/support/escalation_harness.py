"""Test helpers for the escalation loop: LINE and Slack stand-ins, signed requests, the app.

Two separate local servers play LINE (``/v2/bot/message/reply`` and ``/push``) and Slack
(``/api/*``), so that every byte sent to Slack can be checked for LINE user ids.
:func:`make_app` is the app ``create_app`` builds with escalation configured.
"""
from __future__ import annotations

import itertools
import json
import re
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable

import httpx
from pytest_httpserver import HTTPServer
from starlette.applications import Starlette
from werkzeug import Request, Response

from bot.core.escalation import EscalationConfig
from bot.engine import Engine
from bot.escalation.desk import EscalationDesk
from bot.settings import LineSettings, Settings, SlackSettings
from bot.storage.stores import Stores
from bot.web.app import create_app
from line_api_fake import sign, webhook_body
from line_api_fake import SECRET as LINE_SECRET, TOKEN as LINE_TOKEN
from slack_api_fake import SECRET as SLACK_SECRET, TOKEN as SLACK_TOKEN, FakeSlackApi, envelope, signed_headers
from urllib.parse import urlencode
from paths import FIXTURES

KB = FIXTURES / "escalation_kb"
CHANNEL = "CESCALATE1"
MEMBER, OTHER_MEMBER, OUTSIDER, ADMIN = "UTEAM0001", "UTEAM0002", "UOUTSIDE1", "UADMIN001"
PUSH, REPLY = "/v2/bot/message/push", "/v2/bot/message/reply"
ADMIN_TOKEN = "escalation-test-admin-token"
AS_ADMIN = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
_ids = itertools.count(1)


@dataclass
class LinePlatform:
    """The Messaging API: replies always succeed; pushes follow the script in ``push_statuses``."""

    server: HTTPServer
    push_statuses: list[int] = field(default_factory=list)   # consumed one per push request
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.server.expect_request(REPLY, method="POST").respond_with_json({"sentMessages": [{"id": "1", "quoteToken": "q"}]})
        self.server.expect_request(PUSH, method="POST").respond_with_handler(self._push)

    @property
    def url(self) -> str:
        return self.server.url_for("/").rstrip("/")

    def _push(self, request: Request) -> Response:
        with self._lock:
            status = self.push_statuses.pop(0) if self.push_statuses else 200
        body = {"sentMessages": [{"id": "1"}]} if status == 200 else {"message": "error"}
        return Response(json.dumps(body), status=status, content_type="application/json",
                        headers={"X-Line-Request-Id": f"req-{next(_ids)}"})

    def requests(self, path: str) -> list[Request]:
        return [r for r, _ in self.server.log if r.path == path]

    @property
    def replies(self) -> list[dict[str, Any]]:
        return [json.loads(r.get_data()) for r in self.requests(REPLY)]

    def last_reply(self) -> list[dict[str, Any]]:
        """The messages of the latest reply."""
        return self.replies[-1]["messages"]

    @property
    def pushes(self) -> list[tuple[dict[str, Any], str | None]]:
        """``(body, X-Line-Retry-Key)`` of every push request, answered or not."""
        return [(json.loads(r.get_data()), r.headers.get("X-Line-Retry-Key")) for r in self.requests(PUSH)]


class SlackPlatform(FakeSlackApi):
    """The Slack Web API of ``slack_api_fake`` plus ``conversations.members`` (a GET)."""

    def __init__(self, server: HTTPServer, members: set[str]) -> None:
        self.members = members
        super().__init__(server)
        server.expect_request(re.compile(r"^/api/.+"), method="GET").respond_with_handler(self._handle)

    def _handle(self, request: Request) -> Response:
        if request.path != "/api/conversations.members":
            return super()._handle(request)
        with self._lock:
            self.calls.append(_call(request))
        return Response(json.dumps({"ok": True, "members": sorted(self.members),
                                    "response_metadata": {"next_cursor": ""}}), content_type="application/json")

    def raw_bodies(self) -> list[str]:
        """Everything the bot sent to Slack: query strings, headers and bodies."""
        return [r.query_string.decode() + json.dumps(dict(r.headers)) + r.get_data(as_text=True)
                for r, _ in self.server.log]


def _call(request: Request) -> Any:
    from slack_api_fake import Call

    return Call(request.path, dict(request.args), dict(request.headers), 200, time.monotonic())


def settings(line: LinePlatform, slack: SlackPlatform, config_: EscalationConfig | None = None) -> Settings:
    """LINE and Slack stand-ins, the escalation fixture knowledge, escalation as ``config_`` says."""
    return Settings(intents_dir=KB / "intents", knowledge_dir=KB / "knowledge", admin_token=ADMIN_TOKEN,
                    line=LineSettings(channel_secret=LINE_SECRET, channel_access_token=LINE_TOKEN, api_url=line.url),
                    slack=SlackSettings(signing_secret=SLACK_SECRET, bot_token=SLACK_TOKEN, api_url=slack.base_url,
                                        admin_ids=(ADMIN,)),
                    escalation=config_ or config())


def config(**overrides: Any) -> EscalationConfig:
    values: dict[str, Any] = dict(channel=CHANNEL, retry_base=60.0, sweep_interval=3600.0, max_attempts=3)
    values.update(overrides)
    return EscalationConfig(**values)


def make_app(settings_: Settings, engine: Engine, stores: Stores, clock: Callable[[], float] = time.time) -> Starlette:
    """The web app as ``create_app`` builds it with escalation on (LINE + Slack + the sweep)."""
    return create_app(settings_, engine, stores, clock=clock)


class Client:
    """Talks to the app as LINE and Slack do (signed), and waits for the background work."""

    def __init__(self, app: Starlette) -> None:
        self.app = app
        self.http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://jetbot")

    @property
    def desk(self) -> EscalationDesk:
        desk = self.app.state.escalation
        assert desk is not None, "escalation is off in this app"
        return desk

    async def settle(self) -> None:
        for _ in range(3):   # work spawns work (answer → delivery)
            await self.app.state.background.drain()

    async def line(self, *events: dict[str, Any]) -> httpx.Response:
        body = webhook_body(*events)
        response = await self.http.post("/line/webhook", content=body, headers={
            "content-type": "application/json", "x-line-signature": sign(body)})
        await self.settle()
        return response

    async def slack(self, body: str, form: bool = True) -> httpx.Response:
        kind = "application/x-www-form-urlencoded" if form else "application/json"
        response = await self.http.post("/slack/events", content=body.encode(),
                                        headers=signed_headers(body, content_type=kind))
        await self.settle()
        return response

    async def close(self) -> None:
        """What the app's shutdown does after the work (without having run its start-up: the tests
        drive the sweeps themselves): close the platform clients, then the test's client."""
        await self.settle()
        for channel in self.app.state.bot.channels.values():
            await channel.aclose()
        await self.http.aclose()


def button(action_id: str, number: int, user: str = MEMBER, channel: str = CHANNEL) -> str:
    """A click on an escalation message button (``block_actions``)."""
    ts = f"1700000000.{next(_ids):06d}"
    payload = {"type": "block_actions", "user": {"id": user, "team_id": "T0001"}, "api_app_id": "A0001",
               "team": {"id": "T0001"}, "trigger_id": f"trig.{next(_ids)}", "channel": {"id": channel},
               "container": {"type": "message", "message_ts": ts, "channel_id": channel, "is_ephemeral": False},
               "message": {"type": "message", "ts": ts, "bot_id": "B0001", "text": "…"},
               "response_url": "", "actions": [{"type": "button", "action_id": action_id, "block_id": "b",
                                                "value": str(number), "action_ts": ts}]}
    return urlencode({"payload": json.dumps(payload, ensure_ascii=False)})


def submission(number: int, text: str, user: str = MEMBER) -> str:
    """The answer modal submitted (``view_submission``)."""
    view = {"id": "V1", "type": "modal", "callback_id": "jetbot_escalation_answer",
            "private_metadata": str(number), "state": {"values": {"answer": {"text": {
                "type": "plain_text_input", "value": text}}}}}
    payload = {"type": "view_submission", "user": {"id": user, "team_id": "T0001"}, "team": {"id": "T0001"},
               "api_app_id": "A0001", "trigger_id": f"trig.{next(_ids)}", "view": view}
    return urlencode({"payload": json.dumps(payload, ensure_ascii=False)})


def thread_reply(thread_ts: str, text: str, user: str = MEMBER, channel: str = CHANNEL) -> str:
    """A human reply in an escalation's thread (``message.channels`` event)."""
    event = {"type": "message", "channel": channel, "channel_type": "channel", "user": user, "text": text,
             "ts": f"1700000001.{next(_ids):06d}", "thread_ts": thread_ts, "event_ts": "1"}
    return envelope(event)


def admin_command(text: str, user: str) -> str:
    """``/jet-admin <text>``."""
    return urlencode({"token": "t", "team_id": "T0001", "channel_id": CHANNEL, "user_id": user,
                      "command": "/jet-admin", "text": text, "response_url": "http://127.0.0.1:9/x",
                      "trigger_id": f"trig.{next(_ids)}"})

"""Test helpers that play Slack: signed Events API / interactivity / slash-command requests,
and a fake Web API (pytest-httpserver) recording what the bot sends.

Requests are signed the way Slack signs them: ``v0=`` + hex HMAC-SHA256 of
``v0:{timestamp}:{raw body}`` with the signing secret (slack_sdk's SignatureVerifier).
"""
from __future__ import annotations

import asyncio
import itertools
import json
import re
import threading
import time
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import parse_qs, urlencode

import httpx
from pytest_httpserver import HTTPServer
from starlette.applications import Starlette
from slack_sdk.signature import SignatureVerifier
from werkzeug import Request, Response

from bot.settings import Settings, SlackSettings
from paths import FIXTURES

KB_DIR = FIXTURES / "slack_kb"
SECRET = "test-signing-secret-0123456789abcdef"
TOKEN = "xoxb-test-bot-token"
ADMIN_TOKEN = "slack-test-admin-token"  # JETBOT_ADMIN_TOKEN of the test apps (/healthz details)
BOT_USER = "UBOT0001"
RESPONSE_PATH = "/hooks/response"
ADMIN = "UADMIN1"                              # in JETBOT_ADMIN_SLACK_IDS of the repo_bot fixture
PUBLIC_URL = "https://jetbot.example.jp"       # JETBOT_PUBLIC_URL of the repo_bot fixture

_ids = itertools.count(1)


def signed_headers(body: str, secret: str = SECRET, timestamp: int | None = None,
                   content_type: str = "application/json", retry: int | None = None) -> dict[str, str]:
    """Headers Slack would send with ``body`` (optionally as retry number ``retry``)."""
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    headers = {
        "content-type": content_type,
        "x-slack-request-timestamp": stamp,
        "x-slack-signature": SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body),
    }
    if retry is not None:
        headers["x-slack-retry-num"] = str(retry)
        headers["x-slack-retry-reason"] = "http_timeout"
    return headers


def envelope(event: dict[str, Any], event_id: str | None = None) -> str:
    """An ``event_callback`` body (JSON text) carrying ``event``."""
    return json.dumps({
        "token": "legacy", "team_id": "T0001", "api_app_id": "A0001", "type": "event_callback",
        "event": event, "event_id": event_id or f"Ev{next(_ids):010d}", "event_time": int(time.time()),
        "authorizations": [{"enterprise_id": None, "team_id": "T0001", "user_id": BOT_USER,
                            "is_bot": True, "is_enterprise_install": False}],
    }, ensure_ascii=False)


def _ts() -> str:
    return f"1700000000.{next(_ids):06d}"


def mention(text: str, channel: str = "C0001", user: str = "U0001",
            thread_ts: str | None = None, **extra: Any) -> dict[str, Any]:
    """An ``app_mention`` event in a channel."""
    event = {"type": "app_mention", "user": user, "text": text, "ts": _ts(), "channel": channel,
             "event_ts": _ts(), **extra}
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def direct_message(text: str, channel: str = "D0001", user: str = "U0001", **extra: Any) -> dict[str, Any]:
    """A ``message`` event in the bot's DM (channel_type ``im``)."""
    return {"type": "message", "channel_type": "im", "user": user, "text": text, "ts": _ts(),
            "channel": channel, "event_ts": _ts(), **extra}


def block_actions(intent_id: str, label: str, *, channel: str = "C0001", thread_ts: str | None = None,
                  ephemeral: bool = False, response_url: str = "", n: int = 0) -> str:
    """Form body of a suggestion-button click (``payload=`` JSON)."""
    message_ts = _ts()
    container: dict[str, Any] = {"type": "message", "message_ts": message_ts, "channel_id": channel,
                                 "is_ephemeral": ephemeral}
    message: dict[str, Any] = {"type": "message", "ts": message_ts, "bot_id": "B0001", "text": "…"}
    if thread_ts:
        container["thread_ts"] = thread_ts
        message["thread_ts"] = thread_ts
    payload = {
        "type": "block_actions", "user": {"id": "U0001", "team_id": "T0001"}, "api_app_id": "A0001",
        "team": {"id": "T0001"}, "container": container, "trigger_id": f"trig.{next(_ids)}",
        "channel": {"id": channel, "name": "jet"}, "response_url": response_url,
        "actions": [{"type": "button", "action_id": f"jetbot_suggest_{n}", "block_id": "b1",
                     "text": {"type": "plain_text", "text": label, "emoji": True},
                     "value": intent_id, "action_ts": _ts()}],
    }
    if not ephemeral:
        payload["message"] = message
    return urlencode({"payload": json.dumps(payload, ensure_ascii=False)})


def app_home_opened(user: str = "U0001", tab: str = "home") -> dict[str, Any]:
    """The ``app_home_opened`` event of ``user`` opening the app's Home (or Messages) tab."""
    return {"type": "app_home_opened", "user": user, "channel": "D0001", "tab": tab, "event_ts": _ts()}


def home_topic(intent_id: str, label: str, user: str = "U0001", n: int = 0) -> str:
    """Form body of a topic button tapped on the Home tab (a ``view`` container)."""
    payload = {
        "type": "block_actions", "user": {"id": user, "team_id": "T0001"}, "api_app_id": "A0001",
        "team": {"id": "T0001"}, "container": {"type": "view", "view_id": "V0001"},
        "trigger_id": f"trig.{next(_ids)}", "view": {"id": "V0001", "type": "home"},
        "actions": [{"type": "button", "action_id": f"jetbot_home_topic_{n}", "block_id": "jetbot_home_topics",
                     "text": {"type": "plain_text", "text": label, "emoji": True}, "value": intent_id,
                     "action_ts": _ts()}],
    }
    return urlencode({"payload": json.dumps(payload, ensure_ascii=False)})


def message_shortcut(text: str, response_url: str, *, channel: str = "C0001", user: str = "U0002",
                     thread_ts: str | None = None, callback_id: str = "jetbot_ask") -> str:
    """Form body of the message shortcut 「jetbotに聞く」 used on a message by ``user``."""
    message: dict[str, Any] = {"type": "message", "user": "U0009", "text": text, "ts": _ts()}
    if thread_ts:
        message["thread_ts"] = thread_ts
    payload = {
        "type": "message_action", "callback_id": callback_id, "trigger_id": f"trig.{next(_ids)}",
        "team": {"id": "T0001"}, "user": {"id": user}, "channel": {"id": channel, "name": "jet"},
        "message_ts": message["ts"], "message": message, "response_url": response_url, "action_ts": _ts(),
    }
    return urlencode({"payload": json.dumps(payload, ensure_ascii=False)})


def slash_command(text: str, response_url: str, command: str = "/jet") -> str:
    """Form body of a slash command."""
    return urlencode({
        "token": "legacy", "team_id": "T0001", "team_domain": "mic", "channel_id": "C0001",
        "channel_name": "jet", "user_id": "U0001", "user_name": "tanaka", "command": command,
        "text": text, "api_app_id": "A0001", "response_url": response_url,
        "trigger_id": f"trig.{next(_ids)}",
    })


@dataclass
class Call:
    """One request the bot made to the fake Slack."""

    path: str
    payload: dict[str, Any]
    headers: dict[str, str]
    status: int
    at: float
    error: str | None = None   # Slack's "error" when the call was refused with ok: false


class FakeSlackApi:
    """Plays ``https://slack.com/api/*`` and response URLs; failures can be scripted per path."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.calls: list[Call] = []
        self.delay = 0.0   # seconds each answer takes, to show the bot does not wait for it
        self._failures: dict[str, list[tuple[int, dict[str, str]]]] = {}
        self._errors: dict[str, list[str]] = {}
        self._lock = threading.Lock()
        server.expect_request(re.compile(r"^/api/.+"), method="POST").respond_with_handler(self._handle)
        server.expect_request(RESPONSE_PATH, method="POST").respond_with_handler(self._handle)

    @property
    def base_url(self) -> str:
        """What ``SLACK_API_URL`` should be."""
        return self.server.url_for("/api/")

    @property
    def response_url(self) -> str:
        """A response_url (slash commands, ephemeral buttons) served by this fake."""
        return self.server.url_for(RESPONSE_PATH)

    def refuse_next(self, path: str, error: str) -> None:
        """The next request to ``path`` gets Slack's ``{"ok": false, "error": error}`` (HTTP 200)."""
        with self._lock:
            self._errors.setdefault(path, []).append(error)

    def fail_next(self, path: str, status: int, headers: dict[str, str] | None = None) -> None:
        """The next request to ``path`` (e.g. ``/api/chat.postMessage``) gets ``status``."""
        with self._lock:
            self._failures.setdefault(path, []).append((status, headers or {}))

    def delivered(self, path: str) -> list[dict[str, Any]]:
        """Payloads of the requests to ``path`` that were answered 200."""
        with self._lock:
            return [c.payload for c in self.calls if c.path == path and c.status == 200 and c.error is None]

    def attempts(self, path: str) -> list[Call]:
        """Every request to ``path``, failed ones included."""
        with self._lock:
            return [c for c in self.calls if c.path == path]

    async def wait_for(self, path: str, count: int = 1, timeout: float = 10.0) -> list[dict[str, Any]]:
        """Wait until ``count`` requests to ``path`` were delivered; return their payloads."""
        deadline = time.monotonic() + timeout
        while len(self.delivered(path)) < count and time.monotonic() < deadline:
            await asyncio.sleep(0.02)
        return self.delivered(path)

    def _handle(self, request: Request) -> Response:
        received = time.monotonic()
        time.sleep(self.delay)
        raw = request.get_data(as_text=True)
        if request.mimetype == "application/json":
            payload = json.loads(raw or "{}")
        else:
            payload = {k: v[0] for k, v in parse_qs(raw).items()}
            if isinstance(payload.get("blocks"), str):
                payload["blocks"] = json.loads(payload["blocks"])
        payload = {**request.args.to_dict(), **payload}   # slack_sdk sends some arguments in the query
        with self._lock:
            failures = self._failures.get(request.path) or []
            status, headers = failures.pop(0) if failures else (200, {})
            errors = self._errors.get(request.path) or []
            error = errors.pop(0) if errors and status == 200 else None
            self.calls.append(Call(request.path, payload, dict(request.headers), status, received, error))
        if error:
            return Response(json.dumps({"ok": False, "error": error}), content_type="application/json")
        if status != 200:
            body = json.dumps({"ok": False, "error": "ratelimited" if status == 429 else "fatal_error"})
            return Response(body, status=status, headers=headers, content_type="application/json")
        if request.path == RESPONSE_PATH:
            return Response("ok", content_type="text/plain")
        if request.path == "/api/conversations.open":   # the user's DM with the bot
            return Response(json.dumps({"ok": True, "channel": {"id": f"D{payload.get('users')}"}}),
                            content_type="application/json")
        answer = {"ok": True, "channel": payload.get("channel"), "ts": _ts()}
        return Response(json.dumps(answer), content_type="application/json")


# --- the app under test (fixtures: tests/adapters/slack/conftest.py) -----------------------------

@dataclass
class SlackBot:
    """The web app under test and a client speaking to it in-process."""

    app: Starlette
    http: httpx.AsyncClient
    fake: FakeSlackApi

    async def send(self, body: str, headers: dict[str, str] | None = None, **sign: Any) -> httpx.Response:
        """POST ``body`` to /slack/events, signed like Slack unless ``headers`` are given."""
        return await self.http.post("/slack/events", content=body.encode(),
                                    headers=headers or signed_headers(body, **sign))

    async def event(self, event: dict[str, Any], event_id: str | None = None, **sign: Any) -> httpx.Response:
        return await self.send(envelope(event, event_id), **sign)

    async def interact(self, form_body: str) -> httpx.Response:
        """POST an interactivity payload or a slash command (a signed form)."""
        return await self.send(form_body, content_type="application/x-www-form-urlencoded")

    async def settle(self) -> None:
        """Wait for the answers being posted after the ack."""
        await self.app.state.background.drain()


def make_settings(fake: FakeSlackApi, **overrides: Any) -> Settings:
    """Settings for the Slack fixture knowledge and the fake API; ``overrides`` change the Slack part."""
    slack = SlackSettings(signing_secret=SECRET, bot_token=TOKEN, api_url=fake.base_url)
    return Settings(intents_dir=KB_DIR / "intents", knowledge_dir=KB_DIR / "knowledge", admin_token=ADMIN_TOKEN,
                    slack=replace(slack, **overrides))

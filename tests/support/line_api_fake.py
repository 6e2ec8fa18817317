"""Test helpers that play the LINE platform: signed webhook bodies and a fake Messaging API.

Webhook bodies are built as LINE sends them (camelCase JSON) and signed the
way LINE signs them: base64(HMAC-SHA256(channel secret, raw body)).
The fake API is a pytest-httpserver serving ``POST /v2/bot/message/reply``, the loading
indicator and, on request, the rich-menu endpoints (:meth:`FakeLineApi.serve_rich_menus`).
"""
from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import itertools
import json
import re
import threading
import time
from typing import Any

import httpx
from pytest_httpserver import HTTPServer
from starlette.applications import Starlette
from werkzeug import Request, Response

from paths import FIXTURES

SECRET = "test-channel-secret-0123456789ab"
TOKEN = "test-channel-access-token-XYZ"
REPLY_PATH = "/v2/bot/message/reply"
LOADING_PATH = "/v2/bot/chat/loading/start"
KB = FIXTURES / "line_kb"

_ids = itertools.count(1)


def sign(body: bytes, secret: str = SECRET) -> str:
    """The ``X-Line-Signature`` LINE would send for ``body``."""
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


def user(user_id: str = "U-user-1") -> dict[str, Any]:
    return {"type": "user", "userId": user_id}


def group(group_id: str = "C-group-1", user_id: str = "U-user-2") -> dict[str, Any]:
    return {"type": "group", "groupId": group_id, "userId": user_id}


def room(room_id: str = "R-room-1", user_id: str = "U-user-3") -> dict[str, Any]:
    return {"type": "room", "roomId": room_id, "userId": user_id}


def event(kind: str, *, source: dict | None = None, event_id: str | None = None,
          redelivery: bool = False, mode: str = "active", reply_token: str | None = None,
          **extra: Any) -> dict[str, Any]:
    """One webhook event object; ids and reply tokens are unique unless given."""
    n = next(_ids)
    body = {
        "type": kind, "mode": mode, "timestamp": 1_700_000_000_000 + n,
        "source": source or user(),
        "webhookEventId": event_id or f"01HEVENT{n:018d}",
        "deliveryContext": {"isRedelivery": redelivery},
    }
    if kind not in ("unfollow", "leave"):
        body["replyToken"] = reply_token or f"reply-token-{n}"
    body.update(extra)
    return body


def text_event(text: str, *, mentions: list[dict] | None = None, **kw: Any) -> dict[str, Any]:
    """A text message event; ``mentions`` are mentionee objects (index, length, isSelf…)."""
    message: dict[str, Any] = {"type": "text", "id": str(next(_ids)), "text": text,
                               "quoteToken": "q-token"}
    if mentions:
        message["mention"] = {"mentionees": mentions}
    return event("message", message=message, **kw)


def self_mention(index: int, length: int) -> dict[str, Any]:
    return {"type": "user", "index": index, "length": length, "isSelf": True}


def media_event(kind: str, **kw: Any) -> dict[str, Any]:
    """A sticker, image, video, audio, location or file message event."""
    message: dict[str, Any] = {"type": kind, "id": str(next(_ids))}
    message.update({
        "sticker": {"packageId": "446", "stickerId": "1988", "stickerResourceType": "STATIC",
                    "quoteToken": "q"},
        "image": {"contentProvider": {"type": "line"}, "quoteToken": "q"},
        "video": {"contentProvider": {"type": "line"}, "duration": 1000, "quoteToken": "q"},
        "audio": {"contentProvider": {"type": "line"}, "duration": 1000},
        "location": {"title": "役場", "address": "東京都千代田区", "latitude": 35.6,
                     "longitude": 139.7},
        "file": {"fileName": "memo.pdf", "fileSize": 1024},
    }[kind])
    return event("message", message=message, **kw)


def postback_event(data: str, **kw: Any) -> dict[str, Any]:
    return event("postback", postback={"data": data}, **kw)


def follow_event(**kw: Any) -> dict[str, Any]:
    return event("follow", follow={"isUnblocked": False}, **kw)


def webhook_body(*events: dict[str, Any]) -> bytes:
    """The raw request body LINE would POST (compact JSON, UTF-8)."""
    return json.dumps({"destination": "U-bot", "events": list(events)},
                      ensure_ascii=False).encode()


class FakeLineApi:
    """The Messaging API reply endpoint, with switchable failure modes."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.release = threading.Event()
        self.loading: list[dict[str, Any]] = []   # JSON bodies of the loading-indicator calls received
        self.loading_arrived = threading.Event()

    @property
    def url(self) -> str:
        return self.server.url_for("/").rstrip("/")

    def accept(self, after_loading: bool = False) -> None:
        """Answer every reply with 200, as LINE does; ``after_loading``: only once a loading-indicator
        call has arrived (the event stays unfinished until then, so the indicator's check must find it
        unfinished; needs a threaded server)."""
        def handler(request: Request) -> Response:
            if after_loading:
                self.loading_arrived.wait(10)
            return Response(json.dumps({"sentMessages": [{"id": "461230966842064897", "quoteToken": "q"}]}),
                            status=200, content_type="application/json")
        self.server.expect_request(REPLY_PATH, method="POST").respond_with_handler(handler)

    def fail(self, status: int, message: str = "error") -> None:
        """Answer every reply with ``status`` and a LINE-style error body."""
        self.server.expect_request(REPLY_PATH, method="POST").respond_with_json(
            {"message": message}, status=status, headers={"X-Line-Request-Id": "req-42"})

    def hang(self) -> None:
        """Hold every reply until :meth:`release` is set (tests set it in teardown)."""
        def handler(request: Request) -> Response:
            self.release.wait(10)
            return Response("{}", status=200, content_type="application/json")
        self.server.expect_request(REPLY_PATH, method="POST").respond_with_handler(handler)

    def accept_loading(self, status: int = 200, hang: bool = False) -> None:
        """Answer the loading indicator with ``status`` (LINE: 202 and ``{}``), or hold it until
        :attr:`release` is set."""
        def handler(request: Request) -> Response:
            self.loading.append(json.loads(request.get_data()))  # on arrival: a held call counts too
            self.loading_arrived.set()
            if hang:
                self.release.wait(10)
            return Response("{}", status=status, content_type="application/json")
        self.server.expect_request(LOADING_PATH, method="POST").respond_with_handler(handler)

    async def wait_for_loading(self, count: int = 1, timeout: float = 10.0) -> list[dict[str, Any]]:
        """Wait until ``count`` loading-indicator calls arrived (they run beside the reply)."""
        deadline = time.monotonic() + timeout
        while len(self.loading) < count and time.monotonic() < deadline:
            await asyncio.sleep(0.02)
        return self.loading

    def serve_rich_menus(self, existing: list[dict[str, Any]]) -> "FakeRichMenus":
        """Play the rich-menu endpoints over ``existing`` menus (response objects, camelCase)."""
        return FakeRichMenus(self.server, existing)

    @property
    def requests(self) -> list[Request]:
        """Every request the fake received, in order."""
        return [request for request, _ in self.server.log]

    @property
    def replies(self) -> list[dict[str, Any]]:
        """JSON bodies of the reply calls received."""
        return [json.loads(r.get_data()) for r in self.requests if r.path == REPLY_PATH]


class FakeRichMenus:
    """The Messaging API's rich menus: list, create, upload the picture, set default, delete.
    Every call needs the channel access token, as LINE's do."""

    def __init__(self, server: HTTPServer, existing: list[dict[str, Any]]) -> None:
        self.menus = {m["richMenuId"]: m for m in existing}
        self.images: dict[str, tuple[str, bytes]] = {}
        self.default: str | None = None
        self.calls: list[tuple[str, str]] = []
        self.fail_uploads = False   # the picture upload answers 400, as LINE does for a bad image
        self._ids = itertools.count(1)
        server.expect_request(re.compile(r"^/v2/bot/(richmenu|user/all/richmenu)"),
                              ).respond_with_handler(self._handle)

    def _handle(self, request: Request) -> Response:
        if request.headers.get("Authorization") != f"Bearer {TOKEN}":
            return Response('{"message": "Authentication failed"}', status=401, content_type="application/json")
        self.calls.append((request.method, request.path))
        ok = Response("{}", status=200, content_type="application/json")
        if (request.method, request.path) == ("GET", "/v2/bot/richmenu/list"):
            return Response(json.dumps({"richmenus": list(self.menus.values())}), content_type="application/json")
        if (request.method, request.path) == ("POST", "/v2/bot/richmenu"):
            menu_id = f"richmenu-new{next(self._ids)}"
            self.menus[menu_id] = {"richMenuId": menu_id, **json.loads(request.get_data())}
            return Response(json.dumps({"richMenuId": menu_id}), content_type="application/json")
        menu_id = request.path.split("/")[-1 if not request.path.endswith("/content") else -2]
        if menu_id not in self.menus:
            return Response('{"message": "Not found"}', status=404, content_type="application/json")
        if request.path.endswith("/content") and self.fail_uploads:
            return Response('{"message": "Invalid image"}', status=400, content_type="application/json")
        if request.path.endswith("/content"):
            self.images[menu_id] = (request.headers.get("Content-Type", ""), request.get_data())
        elif request.path.startswith("/v2/bot/user/all/richmenu/"):
            self.default = menu_id
        elif request.method == "DELETE":
            del self.menus[menu_id]
        return ok


# --- helpers shared by the LINE channel tests (fixtures: tests/adapters/line/conftest.py) ---------

async def post_webhook(app: Starlette, body: bytes | Any, signature: str | None = None,
                       headers: dict[str, str] | None = None) -> tuple[httpx.Response, float]:
    """POST to /line/webhook as LINE does; returns the response and how long it took."""
    sent = {"content-type": "application/json; charset=utf-8", **(headers or {})}
    if signature is not None:
        sent["x-line-signature"] = signature
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bot.test") as client:
        started = time.monotonic()
        response = await client.post("/line/webhook", content=body, headers=sent)
        return response, time.monotonic() - started


async def deliver(app: Starlette, *events: dict[str, Any]) -> httpx.Response:
    """Send signed events, then wait until every background reply has finished."""
    body = webhook_body(*events)
    response, _ = await post_webhook(app, body, sign(body))
    await app.state.background.drain()
    return response

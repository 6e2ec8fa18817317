"""Hostile and broken webhook requests, both endpoints: the right status, and nothing processed.

"Nothing processed" is checked three ways: the stand-in LINE/Slack API received nothing, the
inquiry log has no row and no dedupe key was claimed. Most cases run against the ASGI app (with
the real SQLite store); the body-size cases and a smoke set run over real HTTP against a
``jetbot serve`` subprocess (``proc.shared()``), where a body over 1 MB must get its 413 before
the client has even sent it all.

Cases already covered elsewhere (listed in docs/reliability.md, not repeated here):
tests/test_line_webhook_failures.py (wrong/missing signature, tampered body, unparseable bodies,
1 MB declared and streamed in-process), tests/test_slack_events.py (bad signature, unsigned,
stale timestamp, other event types, retries).
"""
from __future__ import annotations

import json
import socket
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, AsyncIterator

import httpx
import pytest

import line_api_fake
import slack_api_fake
from bot.core.knowledge_base import KnowledgeBase, load_kb
from bot.storage.stores import Stores, open_stores
from databases import storage_at
from bot.web.app import create_app
from proc import LINE_KB, POST, REPLY, StandIn, serving_engine, shared, stand_in_settings

pytestmark = pytest.mark.anyio
MB = 1024 * 1024




@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb(LINE_KB / "intents", LINE_KB / "knowledge")


@dataclass
class Rig:
    """The app with both channels on, the real store, and a stand-in for both platform APIs."""

    app: Any
    http: httpx.AsyncClient
    stand_in: StandIn
    store: Stores

    async def post(self, path: str, body: bytes, headers: Any) -> httpx.Response:
        return await self.http.post(path, content=body, headers=headers)

    async def untouched(self) -> None:
        await self.app.state.background.drain(10)
        assert self.stand_in.requests() == [], "the platform API was called"
        assert self.store.db.query("SELECT count(*) FROM inquiries") == [(0,)], "a question was logged"
        assert self.store.db.query("SELECT count(*) FROM inbox") == [(0,)], "an event was accepted"
        assert self.store.db.query("SELECT count(*) FROM dedupe WHERE key NOT LIKE 'slack:request:%'") == [(0,)], \
            "an event id was claimed"   # (a signed request's own key, kept against replays, is not an event id)

    async def answered(self, count: int = 1) -> None:
        await self.app.state.background.drain(10)
        assert self.store.db.query("SELECT count(*) FROM inquiries") == [(count,)]


@pytest.fixture
async def rig(tmp_path: Path, kb: KnowledgeBase) -> AsyncIterator[Rig]:
    stand_in = StandIn()
    store = open_stores(storage_at(str(tmp_path / "log.sqlite3")))
    app = create_app(stand_in_settings(stand_in), serving_engine(kb, store), store)
    async with app.router.lifespan_context(app):  # as under uvicorn: start-up, then drain and close
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bot") as http:
            yield Rig(app, http, stand_in, store)
    store.close()
    stand_in.close()


# --- LINE -------------------------------------------------------------------------------------------

def line_body(*events: dict[str, Any]) -> bytes:
    return line_api_fake.webhook_body(*events)


def without(event: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: v for k, v in event.items() if k not in keys}


def signed_line(body: bytes, content_type: str = "application/json; charset=utf-8") -> list[tuple[str, str]]:
    return [("content-type", content_type), ("x-line-signature", line_api_fake.sign(body))]


TEXT = line_api_fake.text_event
LINE_CASES = [
    # (id, body, headers(body) -> list, status)
    ("malformed-json", b'{"events": [', signed_line, 400),
    ("empty-body", b"", signed_line, 400),
    ("events-wrong-type", b'{"destination": "U", "events": {"a": 1}}', signed_line, 400),
    ("event-not-object", b'{"destination": "U", "events": [1, "x"]}', signed_line, 400),
    ("unknown-event-type", line_body({**TEXT("総務省の電話番号"), "type": "hologram"}), signed_line, 200),
    ("text-wrong-type", line_body({**TEXT("x"), "message": {"type": "text", "id": "1", "text": 5}}), signed_line, 200),
    ("no-reply-token", line_body(without(TEXT("総務省の電話番号"), "replyToken")), signed_line, 200),
    ("no-message", line_body(without(TEXT("総務省の電話番号"), "message")), signed_line, 200),
    ("no-event-id", line_body(without(TEXT("総務省の電話番号"), "webhookEventId")), signed_line, 400),
    ("standby-mode", line_body(TEXT("総務省の電話番号", mode="standby")), signed_line, 200),
    ("unsigned-wrong-content-type", line_body(TEXT("総務省の電話番号")),
     lambda b: [("content-type", "text/plain")], 400),
    ("form-body-forged-signature", b"events=1", lambda b: [("content-type", "application/x-www-form-urlencoded"),
                                                           ("x-line-signature", "AAAA")], 400),
    ("empty-signature", line_body(TEXT("総務省の電話番号")), lambda b: [("x-line-signature", "")], 400),
    ("signature-of-other-secret", line_body(TEXT("総務省の電話番号")),
     lambda b: [("x-line-signature", line_api_fake.sign(b, "another-channel-secret"))], 400),
    ("signature-not-base64", line_body(TEXT("総務省の電話番号")),
     lambda b: [(b"x-line-signature", "%%%\u00e9\u00ff".encode("latin-1"))], 400),
    ("duplicated-signature-bad-first", line_body(TEXT("総務省の電話番号")),
     lambda b: [("x-line-signature", "AAAA"), ("x-line-signature", line_api_fake.sign(b))], 400),
]
LINE_PATCHED = [
    pytest.param("duplicated-signature-good-first", line_body(TEXT("総務省の電話番号")),
                 lambda b: [("x-line-signature", line_api_fake.sign(b)), ("x-line-signature", "AAAA")], 400, id="duplicated-signature-good-first"),
    pytest.param("duplicated-signature-both-good", line_body(TEXT("総務省の電話番号")),
                 lambda b: [("x-line-signature", line_api_fake.sign(b))] * 2, 400, id="duplicated-signature-both-good"),
]


@pytest.mark.parametrize("name, body, headers, status",
                         [pytest.param(*case, id=case[0]) for case in LINE_CASES] + LINE_PATCHED)
async def test_line_hostile_request_gets_its_status_and_is_not_processed(rig: Rig, name: str, body: bytes,
                                                                       headers: Any, status: int) -> None:
    response = await rig.post("/line/webhook", body, headers(body))
    assert response.status_code == status, response.text
    assert response.status_code != 500
    await rig.untouched()


async def test_line_signed_body_with_another_content_type_is_still_answered_once(rig: Rig) -> None:
    """The HMAC over the raw body is the authentication; the (unsigned) content type is not trusted
    either way. LINE always sends application/json, so this is only a replay of LINE's own body."""
    body = line_body(TEXT("総務省の電話番号", event_id="01HCONTENTTYPE"))
    for content_type in ("text/plain", "application/x-www-form-urlencoded"):
        response = await rig.post("/line/webhook", body, signed_line(body, content_type))
        assert response.status_code == 200
    await rig.answered(1)
    assert len(rig.stand_in.requests(REPLY)) == 1


# --- Slack ------------------------------------------------------------------------------------------

def slack_headers(body: bytes | str, **options: Any) -> list[tuple[str, str]]:
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    return list(slack_api_fake.signed_headers(text, **options).items())


def dm_body(text: str = "参加者は何人", event_id: str = "EvHOSTILE01", **extra: Any) -> bytes:
    return slack_api_fake.envelope(slack_api_fake.direct_message(text, **extra), event_id).encode()


def replace_header(headers: list[tuple[str, str]], name: str, value: str | None) -> list[tuple[str, str]]:
    kept = [(k, v) for k, v in headers if k != name]
    return kept + ([(name, value)] if value is not None else [])


NOW = int(time.time())
SLACK_CASES = [
    ("unsigned", dm_body(), lambda b: [("content-type", "application/json")], 401),
    ("wrong-secret", dm_body(), lambda b: slack_headers(b, secret="not-the-secret"), 401),
    ("no-timestamp", dm_body(), lambda b: replace_header(slack_headers(b), "x-slack-request-timestamp", None), 401),
    ("replay-6-minutes-old", dm_body(), lambda b: slack_headers(b, timestamp=int(time.time()) - 6 * 60), 401),
    ("replay-1-hour-old", dm_body(), lambda b: slack_headers(b, timestamp=int(time.time()) - 3600), 401),
    ("timestamp-6-minutes-ahead", dm_body(), lambda b: slack_headers(b, timestamp=int(time.time()) + 6 * 60), 401),
    ("unsigned-wrong-content-type", dm_body(), lambda b: [("content-type", "text/plain")], 401),
    ("duplicated-signature-bad-last", dm_body(),
     lambda b: slack_headers(b) + [("x-slack-signature", "v0=" + "0" * 64)], 401),
    ("unknown-event-type", slack_api_fake.envelope({"type": "hologram_added", "user": "U1"}, "EvUNKNOWN").encode(),
     slack_headers, 200),
    ("event-without-user", slack_api_fake.envelope({"type": "message", "channel_type": "im", "text": "参加者は何人",
                                                    "channel": "D1", "ts": "1.1"}, "EvNOUSER").encode(),
     slack_headers, 200),
    ("duplicated-timestamp-bad-last", dm_body(), lambda b: slack_headers(b) + [("x-slack-request-timestamp", "1")],
     401),
    ("event-text-wrong-type", slack_api_fake.envelope({"type": "message", "channel_type": "im", "user": "U1",
                                                       "text": {"a": 1}, "channel": "D1", "ts": "1.3",
                                                       "subtype": "bot_message"}, "EvTYPE").encode(),
     slack_headers, 200),
]
SLACK_PATCHED = [
    ("unsigned-malformed-json", b'{"type": "event_callback", "event": {', lambda b: [("content-type", "application/json")], 401),
    ("unsigned-not-utf8", "総務省".encode("shift_jis"), lambda b: [("content-type", "application/json")], 401),
    ("signed-malformed-json", b'{"type": "event_callback", "event": {', slack_headers, 400),
    ("signed-json-array", b"[]", slack_headers, 400),
    ("signed-json-string", b'"event_callback"', slack_headers, 400),
    ("signed-form-without-payload", b"a=b", lambda b: slack_headers(b, content_type="application/json"), 400),
    ("non-numeric-timestamp", dm_body(), lambda b: replace_header(slack_headers(b), "x-slack-request-timestamp", "soon"), 401),
    ("duplicated-signature-bad-first", dm_body(),
     lambda b: [("x-slack-signature", "v0=" + "0" * 64)] + slack_headers(b), 401),
    ("duplicated-timestamp-bad-first", dm_body(),
     lambda b: [("x-slack-request-timestamp", "1")] + slack_headers(b), 401),
    ("signed-over-1mb", json.dumps({"type": "event_callback", "pad": "x" * (MB + 10)}).encode(), slack_headers, 413),
]


@pytest.mark.parametrize("name, body, headers, status",
                         [pytest.param(*case, id=case[0]) for case in SLACK_CASES]
                         + [pytest.param(*case, id=case[0]) for case in SLACK_PATCHED])
async def test_slack_hostile_request_gets_its_status_and_is_not_processed(rig: Rig, name: str, body: bytes,
                                                                        headers: Any, status: int) -> None:
    try:
        response = await rig.post("/slack/events", body, headers(body))
    except Exception as error:  # today Bolt parses before it verifies: the exception reaches the server
        pytest.fail(f"the request raised {type(error).__name__}: {error}")
    assert response.status_code == status, response.text
    await rig.untouched()


async def test_slack_exact_replay_within_five_minutes_is_answered_once(rig: Rig) -> None:
    body = dm_body(event_id="EvREPLAY01")
    headers = slack_headers(body)
    for _ in range(3):
        assert (await rig.post("/slack/events", body, headers)).status_code == 200
    await rig.answered(1)
    assert len(rig.stand_in.requests(POST)) == 1


async def test_slack_signed_body_with_another_content_type_is_answered_once(rig: Rig) -> None:
    """As for LINE: the signature covers the body, not the content type; nothing is doubled."""
    body = dm_body(event_id="EvCTYPE01")
    for content_type in ("text/plain", "application/json"):
        assert (await rig.post("/slack/events", body, slack_headers(body, content_type=content_type))).status_code == 200
    await rig.answered(1)


async def test_slack_rate_limit_notice_is_acknowledged_and_logged(rig: Rig, caplog: pytest.LogCaptureFixture) -> None:
    """Slack posts ``app_rate_limited`` to the Request URL when it stops sending events for a minute."""
    body = json.dumps({"token": "x", "type": "app_rate_limited", "team_id": "T0001",
                       "minute_rate_limited": 1700000000, "api_app_id": "A0001"}).encode()
    response = await rig.post("/slack/events", body, slack_headers(body))
    assert response.status_code == 200
    assert any("rate" in r.getMessage() and r.levelname == "WARNING" for r in caplog.records)
    await rig.untouched()


# --- the public chat API (/api/ask) -------------------------------------------------------------------

@pytest.mark.parametrize("body, status", [
    (b'{"question": ', 400), (b"[1, 2]", 400), (b'{"question": 5}', 400), (b'{"session": []}', 400),
    (json.dumps({"question": "x" * 20_000}).encode(), 413),
    pytest.param(b'{"question": "\\ud800 \\u0000 abc"}', 400, id="lone-surrogate-question"),
    pytest.param(b'{"question": "abc", "session": "\\udfff"}', 400, id="lone-surrogate-session"),
], ids=["truncated", "array", "question-number", "session-list", "too-large", "lone-surrogate-question",
        "lone-surrogate-session"])
async def test_chat_api_rejects_broken_bodies_cleanly(rig: Rig, body: bytes, status: int) -> None:
    try:
        response = await rig.post("/api/ask", body, {"content-type": "application/json"})
    except Exception as error:
        pytest.fail(f"the request raised {type(error).__name__}: {error}")
    assert response.status_code == status
    await rig.untouched()


# --- over real HTTP, against `jetbot serve` -------------------------------------------------------------

def raw_exchange(port: int, head: bytes, chunks: Any, limit: float = 5.0) -> tuple[int | None, int]:
    """Send ``head`` then body ``chunks`` until the server answers; returns (status, body bytes sent)."""
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=limit) as sock:
        sock.sendall(head)
        sock.setblocking(False)
        deadline = time.monotonic() + limit
        answer = b""
        for chunk in chunks:
            try:
                answer += sock.recv(65536)
            except BlockingIOError:
                pass
            if answer:
                break
            try:
                sock.setblocking(True)
                sock.settimeout(1.0)
                sock.sendall(chunk)
                sent += len(chunk)
            except (BrokenPipeError, ConnectionResetError, socket.timeout):
                break
            finally:
                sock.setblocking(False)
        sock.setblocking(True)
        while b"\r\n" not in answer and time.monotonic() < deadline:
            sock.settimeout(max(0.05, deadline - time.monotonic()))
            try:
                data = sock.recv(65536)
            except (socket.timeout, ConnectionResetError):
                break
            if not data:
                break
            answer += data
    status = int(answer.split(b" ")[1]) if answer.startswith(b"HTTP/1.1 ") else None
    return status, sent


def head(path: str, extra: str) -> bytes:
    return (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            f"X-Line-Signature: AAAA\r\nX-Slack-Request-Timestamp: {int(time.time())}\r\n"
            f"X-Slack-Signature: v0={'0' * 64}\r\n{extra}\r\n").encode()


def chunked(total: int, size: int = 64 * 1024) -> Any:
    for _ in range(total // size):
        yield f"{size:x}\r\n".encode() + b" " * size + b"\r\n"


ENDPOINTS = ["/line/webhook", "/slack/events"]


@pytest.mark.parametrize("path", ENDPOINTS)
def test_declared_body_over_1mb_is_refused_before_it_is_sent(path: str) -> None:
    bot, stand_in = shared()
    calls = len(stand_in.requests())
    started = time.monotonic()
    status, sent = raw_exchange(bot.port, head(path, f"Content-Length: {50 * MB}\r\n"), [b" " * 65536] * 4, limit=2.5)
    assert status == 413, f"no 413 within {time.monotonic() - started:.1f}s"
    assert sent <= 4 * 65536   # of 50 MB declared: the server never waited for the rest
    assert httpx.get(f"{bot.url}/healthz").status_code == 200
    assert len(stand_in.requests()) == calls


@pytest.mark.parametrize("path", ENDPOINTS)
def test_chunked_body_growing_past_1mb_is_refused_at_the_limit(path: str) -> None:
    """1.25 MB of chunks and no final chunk: a server that waited for the whole body never answers."""
    bot, stand_in = shared()
    calls = len(stand_in.requests())
    status, sent = raw_exchange(bot.port, head(path, "Transfer-Encoding: chunked\r\n"), chunked(MB + MB // 4),
                                limit=2.5)
    assert status == 413
    assert MB < sent <= MB + MB // 4 + 1024
    assert httpx.get(f"{bot.url}/healthz").status_code == 200
    assert len(stand_in.requests()) == calls


def test_statuses_hold_over_real_http() -> None:
    """A smoke set through uvicorn/h11: malformed, unsigned, stale; nothing logged or sent."""
    bot, stand_in = shared()
    before, calls = bot.rows("SELECT count(*) FROM inquiries")[0][0], len(stand_in.requests())
    line_ok = line_body(TEXT("総務省の電話番号"))
    stale = dm_body(event_id="EvHTTPSTALE")
    cases = [
        ("/line/webhook", b"{not json", signed_line(b"{not json"), 400),
        ("/line/webhook", line_ok, [("x-line-signature", line_api_fake.sign(line_ok, "x"))], 400),
        ("/line/webhook", line_ok, [], 400),
        ("/slack/events", stale, slack_headers(stale, timestamp=int(time.time()) - 301 - 5), 401),
        ("/slack/events", stale, [("content-type", "application/json")], 401),
    ]
    with httpx.Client(base_url=bot.url, timeout=10) as client:
        for path, body, headers, status in cases:
            assert client.post(path, content=body, headers=headers).status_code == status, (path, body[:40])
        assert client.get("/healthz").status_code == 200
    time.sleep(0.3)
    assert bot.rows("SELECT count(*) FROM inquiries")[0][0] == before
    assert len(stand_in.requests()) == calls

"""Platform faults in-process, where timeouts can be shortened: LINE reply and Slack Web API calls
that hang past their timeout, and the LINE push (escalations) against 429, 5xx, hangs and a refused
connection. Each time: bounded retries where the platform allows them (never for a used reply
token), the failure logged with the event id, no duplicate message, the webhook acknowledged at
once, and the bot healthy afterwards (``/healthz`` 200, the next question answered).

The same faults against a real ``jetbot serve`` subprocess (429, 500, refused) are in
tests/test_faults_live.py; existing coverage is listed in docs/reliability.md.
"""
from __future__ import annotations

import datetime as dt
import logging
import time
from pathlib import Path
from typing import Any, AsyncIterator

import httpx
import pytest
from slack_sdk.http_retry.builtin_interval_calculators import FixedValueRetryIntervalCalculator
from linebot.v3.messaging import PushMessageRequest

import adapters.slack.listeners
import line_api_fake
import slack_api_fake
from adapters.line.escalation import LinePusher
from adapters.line.channel import LineChannel
from adapters.slack.channel import SlackChannel
from bot.core.knowledge_base import KnowledgeBase, load_kb
from bot.storage.stores import open_stores
from databases import storage_at
from bot.web.app import create_app
from proc import LINE_KB, POST, PUSH, REPLY, Act, StandIn, serving_engine, stand_in_settings

pytestmark = pytest.mark.anyio




@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb(LINE_KB / "intents", LINE_KB / "knowledge")


@pytest.fixture
def stand_in() -> Any:
    api = StandIn()
    yield api
    api.close()


@pytest.fixture
async def bot(kb: KnowledgeBase, stand_in: StandIn, tmp_path: Path,
              monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[tuple[Any, httpx.AsyncClient, Any]]:
    monkeypatch.setattr(LineChannel, "reply_timeout", 0.5)
    monkeypatch.setattr(SlackChannel, "api_timeout", 1)  # seconds per Web API call (default 30)
    monkeypatch.setattr(adapters.slack.listeners, "RETRY_BACKOFF", FixedValueRetryIntervalCalculator(0.05))
    store = open_stores(storage_at(str(tmp_path / "log.sqlite3")))
    app = create_app(stand_in_settings(stand_in), serving_engine(kb, store), store)
    async with app.router.lifespan_context(app):  # as under uvicorn: start-up, then drain and close
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bot") as http:
            yield app, http, store
            stand_in.reset()
    store.close()


async def line_question(http: httpx.AsyncClient, text: str, event_id: str) -> tuple[httpx.Response, float]:
    body = line_api_fake.webhook_body(line_api_fake.text_event(text, event_id=event_id))
    started = time.monotonic()
    response = await http.post("/line/webhook", content=body, headers={
        "content-type": "application/json", "x-line-signature": line_api_fake.sign(body)})
    return response, time.monotonic() - started


async def slack_question(http: httpx.AsyncClient, text: str, event_id: str) -> tuple[httpx.Response, float]:
    body = slack_api_fake.envelope(slack_api_fake.direct_message(text), event_id)
    started = time.monotonic()
    response = await http.post("/slack/events", content=body.encode(), headers=slack_api_fake.signed_headers(body))
    return response, time.monotonic() - started


async def healthy_afterwards(app: Any, http: httpx.AsyncClient, stand_in: StandIn, tag: str) -> None:
    """``/healthz`` answers 200 and a normal question on each channel is answered once."""
    stand_in.reset()
    assert (await http.get("/healthz")).status_code == 200
    replies, posts = len(stand_in.delivered(REPLY)), len(stand_in.delivered(POST))
    assert (await line_question(http, "総務省の電話番号", f"01HAFTER{tag}"))[0].status_code == 200
    assert (await slack_question(http, "総務省の電話番号", f"EvAFTER{tag}"))[0].status_code == 200
    await app.state.background.drain(10)
    assert len(stand_in.delivered(REPLY)) == replies + 1 and len(stand_in.delivered(POST)) == posts + 1


async def test_line_reply_hanging_past_the_timeout(bot: Any, stand_in: StandIn,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    app, http, store = bot
    caplog.set_level(logging.INFO, "adapters")
    stand_in.script(REPLY, Act(hang=True))
    response, took = await line_question(http, "総務省の電話番号", "01HHANGREPLY")
    assert response.status_code == 200 and took < 1.0           # acknowledged at once
    await app.state.background.drain(10)
    assert len(stand_in.requests(REPLY)) == 1                     # the used reply token is not retried
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert any("01HHANGREPLY" in e and "0.5 s" in e for e in errors), errors
    assert store.db.query("SELECT count(*) FROM inquiries") == [(1,)]  # logged once, answer attempted once
    await healthy_afterwards(app, http, stand_in, "1")


async def test_slack_post_hanging_past_the_timeout_is_not_retried_into_a_duplicate(
        bot: Any, stand_in: StandIn, caplog: pytest.LogCaptureFixture) -> None:
    app, http, store = bot
    caplog.set_level(logging.INFO, "adapters")
    stand_in.script(POST, Act(hang=True))
    response, took = await slack_question(http, "総務省の電話番号", "EvHANGPOST")
    assert response.status_code == 200 and took < 1.0            # Slack wants it within 3 s
    await app.state.background.drain(10)
    # the hung post may still land at Slack: a retry could post the answer twice, so there is none
    assert len(stand_in.requests(POST)) == 1
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert any("EvHANGPOST" in e for e in errors), errors
    assert store.db.query("SELECT count(*) FROM inquiries") == [(1,)]
    await healthy_afterwards(app, http, stand_in, "2")


async def test_slack_429_then_500_then_dropped_connection_is_retried_with_back_off_and_delivered_once(
        bot: Any, stand_in: StandIn) -> None:
    app, http, _ = bot
    stand_in.script(POST, Act(429, {"Retry-After": "1"}), Act(500), Act(drop=True))
    started = time.monotonic()
    assert (await slack_question(http, "総務省の電話番号", "EvMIXED01"))[0].status_code == 200
    await app.state.background.drain(15)
    calls = stand_in.requests(POST)
    assert [c.status for c in calls] == [429, 500, 0, 200]        # 3 retries, the last one delivered
    assert calls[1].at - calls[0].at >= 1.0                         # Retry-After honoured
    assert time.monotonic() - started < 10
    await healthy_afterwards(app, http, stand_in, "3")


# --- LINE push (escalation answers): bounded retries, one X-Line-Retry-Key, no duplicate ----------------

def pusher(stand_in: StandIn) -> LinePusher:
    push = LinePusher(line_api_fake.TOKEN, stand_in.url)
    push.timeout, push.backoff = 0.3, 0.05
    return push


MESSAGE = "担当者からの回答です。"


async def test_push_retries_429_and_5xx_with_the_same_key(stand_in: StandIn, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, "adapters.line.escalation")
    stand_in.script(PUSH, Act(429, {"Retry-After": "1"}), Act(502))
    result = await pusher(stand_in).push("U-target", MESSAGE, "retry-key-1")
    assert result.ok
    calls = stand_in.requests(PUSH)
    assert [c.status for c in calls] == [429, 502, 200]
    assert {c.retry_key for c in calls} == {"retry-key-1"}
    assert len([r for r in caplog.records if "attempt" in r.getMessage()]) == 2


async def test_push_gives_up_after_three_tries(stand_in: StandIn) -> None:
    stand_in.script(PUSH, Act(500), Act(500), Act(500), Act(500))
    started = time.monotonic()
    result = await pusher(stand_in).push("U-target", MESSAGE, "retry-key-2")
    assert not result.ok and "HTTP 500" in (result.error or "")
    assert len(stand_in.requests(PUSH)) == 3 and time.monotonic() - started < 3


async def test_push_that_timed_out_but_landed_is_not_delivered_twice(stand_in: StandIn) -> None:
    """LINE took the first request but answered too late; the retry's 409 means "already sent"."""
    stand_in.script(PUSH, Act(delay=1.0))
    result = await pusher(stand_in).push("U-target", MESSAGE, "retry-key-3")
    assert result.ok
    calls = stand_in.requests(PUSH)
    assert [c.status for c in calls] == [200, 409]
    assert len([c for c in calls if c.status == 200]) == 1        # one message reached the user


async def test_push_to_a_refused_connection_fails_bounded(stand_in: StandIn) -> None:
    stand_in.down()
    started = time.monotonic()
    result = await pusher(stand_in).push("U-target", MESSAGE, "retry-key-4")
    assert not result.ok and "Connect" in (result.error or "")
    assert time.monotonic() - started < 3
    stand_in.up()
    assert (await pusher(stand_in).push("U-target", MESSAGE, "retry-key-4")).ok   # later, same key: sent once


async def test_push_client_error_is_not_retried(stand_in: StandIn) -> None:
    stand_in.script(PUSH, Act(400))
    result = await pusher(stand_in).push("U-target", MESSAGE, "retry-key-5")
    assert not result.ok and len(stand_in.requests(PUSH)) == 1


# --- what became of each reply is recorded with its inquiry, and reported --------------------------------

def delivery_of(store: Any, question_like: str) -> tuple[str, str]:
    [(outcome, detail)] = store.db.query("SELECT delivery, delivery_detail FROM inquiries WHERE question LIKE ?",
                                         (f"%{question_like}%",))
    return outcome, detail or ""


async def test_delivery_outcomes_are_recorded_and_reported(bot: Any, stand_in: StandIn) -> None:
    from bot.reports.period_report import build_report

    app, http, store = bot
    stand_in.script(REPLY, Act(500))                                         # LINE refuses the reply
    await line_question(http, "総務省の電話番号 A500", "01HOUTCOME500")
    await app.state.background.drain(10)
    stand_in.script(REPLY, Act(hang=True))                                   # LINE does not answer in time
    await line_question(http, "総務省の電話番号 AHANG", "01HOUTCOMEHANG")
    await app.state.background.drain(10)
    for _ in range(4):                                                       # Slack fails past its retries
        stand_in.script(POST, Act(503))
    await slack_question(http, "総務省の電話番号 S503", "EvOUTCOME503")
    await app.state.background.drain(15)
    await line_question(http, "総務省の電話番号 OK", "01HOUTCOMEOK")
    await app.state.background.drain(10)
    assert delivery_of(store, "A500") == ("failed", "HTTP 500")
    assert delivery_of(store, "AHANG")[0] == "timeout"
    assert delivery_of(store, "S503") == ("failed", "HTTP 503")
    assert delivery_of(store, "OK") == ("sent", "")
    today = dt.datetime.now(dt.timezone.utc).date()
    report = build_report(store.stats, today, today, deliveries=store.deliveries)
    assert (report.deliveries["failed"], report.deliveries["timeout"], report.deliveries["sent"]) == (2, 1, 1)
    assert {u.question for u in report.undelivered} >= {"総務省の電話番号 A500", "総務省の電話番号 S503"}


async def test_a_reply_whose_token_lapsed_in_the_queue_is_pushed_once(bot: Any, stand_in: StandIn,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import adapters.line.channel

    app, http, store = bot
    monkeypatch.setattr(adapters.line.channel, "REPLY_WINDOW", 0.0)          # as if it waited in a long queue
    await line_question(http, "総務省の電話番号 LATE", "01HLATEPUSH")
    await app.state.background.drain(10)
    [push] = stand_in.delivered(PUSH)
    assert push.payload["to"] and push.retry_key and stand_in.requests(REPLY) == []
    assert push.payload == PushMessageRequest.from_dict(push.payload).to_dict()   # as the SDK's request writes it
    assert push.payload["messages"][0]["type"] == "text" and push.payload["notificationDisabled"] is False
    assert delivery_of(store, "LATE")[0] == "pushed"


async def test_a_refused_reply_token_falls_back_to_a_push(bot: Any, stand_in: StandIn) -> None:
    app, http, store = bot
    stand_in.script(REPLY, Act(400))                                         # "Invalid reply token"
    await line_question(http, "総務省の電話番号 REFUSED", "01HREFUSEDTOKEN")
    await app.state.background.drain(10)
    assert len(stand_in.delivered(PUSH)) == 1 and delivery_of(store, "REFUSED")[0] == "pushed"

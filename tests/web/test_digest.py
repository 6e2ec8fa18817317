"""The weekly digest through the Slack stand-in: two workers on one PostgreSQL race for the week,
one sends it once; a failure is recorded and tried again later."""
from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
from typing import Callable

import pytest

from bot.core.types import IncomingMessage
from bot.engine import Engine, load_engine
from bot.reports.weekly_digest import JST
from bot.settings import Settings
from bot.storage.digest_claims import RETRY_AFTER
from bot.storage.stores import Stores
from bot.web.digest import digest_job
from proc import LINE_KB, POST, Act, StandIn, stand_in_settings

pytestmark = pytest.mark.anyio
MONDAY = dt.datetime(2026, 12, 7, 9, 5, tzinfo=JST).timestamp()   # a Monday, 09:05 Japan time
LAST_WEEK = MONDAY - 3 * 86400
ANSWERED = ["総務省の電話番号を教えてください", "ALTの配置に使える財政措置は", "活動事例集はどこで見られますか"]
UNANSWERED = ["駐車場はありますか", "駐車場は使えますか", "明日の天気"]


def settings(stand_in: StandIn) -> Settings:
    return dataclasses.replace(stand_in_settings(stand_in, LINE_KB), digest_channel="CDIGEST1",
                               public_url="https://jetbot.example.jp")


def log_last_week(stores: Stores) -> Engine:
    engine = load_engine(LINE_KB / "intents", LINE_KB / "knowledge", None)
    logging_engine = Engine(engine.kb, log=stores.inquiries, clock=lambda: LAST_WEEK)
    replies = [logging_engine.answer(IncomingMessage(question, channel="line", conversation_id="U1"), remember=False)
               for question in ANSWERED + UNANSWERED]
    answered = [r.inquiry_id for r in replies if not r.fallback and r.inquiry_id]
    for inquiry, helpful in zip(answered, (True, False, True), strict=True):   # 2 of the 3 rated: solved
        stores.feedback.vote(inquiry, f"U{helpful}{inquiry}", "line", helpful, at=LAST_WEEK)
    return engine


async def test_two_workers_racing_send_the_digest_once(open_test_stores: Callable[..., Stores]) -> None:
    stand_in = StandIn()
    try:
        first, second = open_test_stores(), open_test_stores()   # two processes' connections
        engine = log_last_week(first)
        jobs = [digest_job(settings(stand_in), stores, engine, lambda: MONDAY) for stores in (first, second)]
        outcomes = await asyncio.gather(*(job.run_once() for job in jobs * 3))
        assert sorted(outcomes) == ["sent"] + ["taken"] * 5
        posts = stand_in.delivered(POST)
        assert len(posts) == 1 and posts[0].payload["channel"] == "CDIGEST1"
        text = posts[0].payload["text"]
        assert "2026-11-30〜2026-12-06" in text
        assert "質問 6件　回答率 50%（3件に回答）　解決率 67%" in text
        assert "「駐車場は" in text and "計3件" in text
        assert text.endswith("https://jetbot.example.jp/admin#unanswered")
        assert any(b.get("type") == "actions" for b in posts[0].payload["blocks"])
    finally:
        stand_in.close()


async def test_a_failed_send_is_recorded_and_tried_again(open_test_stores: Callable[..., Stores]) -> None:
    stand_in = StandIn()
    now = [MONDAY]
    try:
        stores = open_test_stores(clock=lambda: now[0])
        job = digest_job(settings(stand_in), stores, log_last_week(stores), lambda: now[0])
        stand_in.script(POST, Act(status=400))
        assert await job.run_once() == "failed"
        state = stores.digests.state("2026-12-07")
        assert state is not None and state.state == "failed" and "SlackApiError" in str(state.error)
        assert await job.run_once() == "taken", "not before its retry time"
        now[0] += RETRY_AFTER + 1
        assert await job.run_once() == "sent"
        assert len(stand_in.delivered(POST)) == 1 and stores.digests.state("2026-12-07").state == "sent"  # type: ignore[union-attr]
    finally:
        stand_in.close()

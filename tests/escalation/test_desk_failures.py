"""Escalations when things go wrong: LINE down (retries with the same X-Line-Retry-Key, final
report in Slack), a restart in the middle, Slack down, one user flooding, redelivered events,
and escalation switched off."""
from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest

import adapters.slack.listeners
from bot.engine import Engine
from bot.core.knowledge_base import KnowledgeBase, load_kb
from bot.storage.stores import Stores, open_stores
from databases import storage_at
from escalation_flows import (
    ANSWER, ASKER, EPHEMERAL, POST, UNANSWERABLE, UPDATE, Clock, assert_no_line_id, escalate, escalation_items, slack_text,
)
from escalation_harness import AS_ADMIN, CHANNEL, KB, MEMBER, Client, LinePlatform, SlackPlatform, config, make_app, settings, \
    submission, thread_reply
from line_api_fake import group, text_event, user, postback_event
from slack_sdk.http_retry.builtin_interval_calculators import FixedValueRetryIntervalCalculator

pytestmark = pytest.mark.anyio


async def test_one_user_cannot_flood_the_channel(line: LinePlatform, slack: SlackPlatform, kb: KnowledgeBase,
                                                 store: Stores, clock: Clock) -> None:
    bot = Client(make_app(settings(line, slack, config(max_open=2)), Engine(kb), store, clock))
    assert "#1" in await escalate(bot, line)
    assert "#2" in await escalate(bot, line, "ALTの住宅手当はいくらですか")
    refused = await escalate(bot, line, "JETプログラムの応募締切はいつですか")
    assert refused.startswith("回答待ちのご質問が2件ある")
    assert "#3" in await escalate(bot, line, asker="U-someone-else")
    await bot.slack(submission(1, ANSWER))                              # one answered: room again
    assert "#4" in await escalate(bot, line, "JETプログラムの応募締切はいつですか")
    assert len(slack.delivered(POST)) == 4
    await bot.close()


async def test_failed_delivery_is_retried_with_the_same_key_then_reported(
        bot: Client, line: LinePlatform, slack: SlackPlatform, clock: Clock) -> None:
    await escalate(bot, line)
    line.push_statuses[:] = [500, 429, 503, 502] + [500] * 10
    await bot.slack(submission(1, ANSWER))
    escalation = bot.desk.store.get(1)
    assert escalation.state == "answered" and escalation.attempts == 1 and "HTTP 429" in escalation.last_error
    assert "再送予定" in slack_text(slack.delivered(UPDATE)[-1])
    await bot.desk.sweep()                                          # not due yet
    assert len(line.pushes) == 2
    clock.now += 61
    await bot.desk.sweep()
    assert bot.desk.store.get(1).attempts == 2 and len(line.pushes) == 4
    clock.now += 121
    await bot.desk.sweep()
    escalation = bot.desk.store.get(1)
    assert escalation.state == "failed" and escalation.attempts == 3
    keys = {key for _, key in line.pushes}
    assert keys == {escalation.retry_key}                           # every request, every attempt
    report = [p for p in slack.delivered(POST) if p.get("thread_ts")]
    assert len(report) == 1 and "届けられませんでした" in report[0]["text"] and f"<@{MEMBER}>" in report[0]["text"]
    assert "送信に失敗" in slack_text(slack.delivered(UPDATE)[-1])
    clock.now += 3600
    await bot.desk.sweep()
    assert len(line.pushes) == 6 and len([p for p in slack.delivered(POST) if p.get("thread_ts")]) == 1
    assert_no_line_id(slack, ASKER)


async def test_timeout_then_success_delivers_once(bot: Client, line: LinePlatform, monkeypatch: pytest.MonkeyPatch) -> None:
    await escalate(bot, line)
    line.push_statuses[:] = [504]
    await bot.slack(submission(1, ANSWER))
    assert [key for _, key in line.pushes] == [bot.desk.store.get(1).retry_key] * 2
    assert bot.desk.store.get(1).state == "delivered"


async def test_restart_delivers_an_answered_but_undelivered_escalation(
        line: LinePlatform, slack: SlackPlatform, kb: KnowledgeBase, tmp_path: Any, clock: Clock) -> None:
    path = str(tmp_path / "restart.sqlite3")
    first_store = open_stores(storage_at(path))
    first = Client(make_app(settings(line, slack, config()), Engine(kb), first_store, clock))
    await escalate(first, line)
    line.push_statuses[:] = [500, 500]                              # LINE is down while the team answers
    await first.slack(submission(1, ANSWER))
    assert first.desk.store.get(1).state == "answered"
    await first.close()
    first_store.close()                                             # the process ends

    second_store = open_stores(storage_at(path))
    engine = Engine(load_kb(KB / "intents", KB / "knowledge"))
    app = make_app(settings(line, slack, config()), engine, second_store, clock)
    async with app.router.lifespan_context(app):                    # start-up sweep
        deadline = time.monotonic() + 10
        while app.state.escalation.store.get(1).state != "delivered" and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
    escalation = app.state.escalation.store.get(1)
    assert escalation.state == "delivered" and escalation.attempts == 2
    assert [key for _, key in line.pushes] == [escalation.retry_key] * 3
    assert "LINEへ送信済み" in slack_text(slack.delivered(UPDATE)[-1])
    second_store.close()


async def test_slack_post_that_failed_is_posted_by_the_sweep(
        line: LinePlatform, slack: SlackPlatform, kb: KnowledgeBase, store: Stores, clock: Clock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(adapters.slack.listeners, "RETRY_BACKOFF", FixedValueRetryIntervalCalculator(0.01))
    bot = Client(make_app(settings(line, slack, config()), Engine(kb), store, clock))
    for _ in range(4):                                              # 1 try + 3 retries
        slack.fail_next(POST, 500)
    assert "#1" in await escalate(bot, line)                        # the LINE user is not kept waiting
    assert slack.delivered(POST) == [] and bot.desk.store.get(1).slack_ts is None
    await bot.desk.sweep()
    [posted] = slack.delivered(POST)
    assert posted["channel"] == CHANNEL and bot.desk.store.get(1).slack_ts
    await bot.desk.sweep()
    assert len(slack.delivered(POST)) == 1
    await bot.close()


async def test_redelivered_slack_event_answers_once(bot: Client, line: LinePlatform, slack: SlackPlatform) -> None:
    from slack_api_fake import signed_headers

    await escalate(bot, line)
    body = thread_reply(bot.desk.store.get(1).slack_ts, ANSWER)
    for retry in (None, 1, 2):
        response = await bot.http.post("/slack/events", content=body.encode(),
                                       headers=signed_headers(body, retry=retry))
        assert response.status_code == 200
        await bot.settle()
    assert len(line.pushes) == 1 and slack.delivered(EPHEMERAL) == []


async def test_in_a_group_only_the_asker_confirms_and_the_answer_goes_to_the_group(
        bot: Client, line: LinePlatform, slack: SlackPlatform) -> None:
    from line_api_fake import self_mention

    source = group("C-group-9", ASKER)
    await bot.line(text_event(f"@JETbot {UNANSWERABLE}", source=source, mentions=[self_mention(0, 7)]))
    [(_, data)] = escalation_items(line.last_reply())
    await bot.line(postback_event(data, source=group("C-group-9", "U-bystander")))
    assert "受付期限が切れました" in line.last_reply()[0]["text"]
    await bot.line(postback_event(data, source=source))
    assert "受付番号 #1" in line.last_reply()[0]["text"]
    await bot.slack(submission(1, ANSWER))
    [(push, _)] = line.pushes
    assert push["to"] == "C-group-9"
    assert_no_line_id(slack, ASKER, "C-group-9", "U-bystander")


@pytest.mark.parametrize("off", ["channel", "line", "slack"])
async def test_escalation_is_off_without_its_channel_or_either_platform(
        line: LinePlatform, slack: SlackPlatform, kb: KnowledgeBase, store: Stores, off: str) -> None:
    from dataclasses import replace

    base = settings(line, slack)
    chosen = {"channel": replace(base, escalation=config(channel=None)),
              "line": replace(base, line=replace(base.line, channel_access_token=None)),
              "slack": replace(base, slack=replace(base.slack, bot_token=None))}[off]
    app = make_app(chosen, Engine(kb), store)
    assert app.state.escalation is None
    client = Client(app)
    if off != "line":
        await client.line(text_event(UNANSWERABLE, source=user(ASKER)))
        assert escalation_items(line.last_reply()) == []
        assert "担当者に転送" not in line.last_reply()[0]["text"]
    await client.close()
    assert slack.calls == [] and line.pushes == []


async def test_create_app_wires_escalation(line: LinePlatform, slack: SlackPlatform, kb: KnowledgeBase,
                                           store: Stores) -> None:
    from bot.web.app import create_app

    app = create_app(settings(line, slack), Engine(kb), store)
    client = Client(app)
    async with app.router.lifespan_context(app):
        assert "#1" in await escalate(client, line)
        assert (await client.http.get("/healthz", headers=AS_ADMIN)).json()["escalation"]["open"] == 1
        await client.slack(submission(1, ANSWER))
    assert len(line.pushes) == 1
    await client.close()


async def test_failure_report_that_could_not_be_posted_is_posted_by_the_sweep(
        line: LinePlatform, slack: SlackPlatform, kb: KnowledgeBase, store: Stores, clock: Clock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(adapters.slack.listeners, "RETRY_BACKOFF", FixedValueRetryIntervalCalculator(0.01))
    bot = Client(make_app(settings(line, slack, config(max_attempts=1)), Engine(kb), store, clock))
    await escalate(bot, line)
    line.push_statuses[:] = [400]                                   # not retryable: the one attempt fails
    for _ in range(4):
        slack.fail_next(POST, 503)
    await bot.slack(submission(1, ANSWER))
    assert bot.desk.store.get(1).state == "failed"
    assert [p for p in slack.delivered(POST) if p.get("thread_ts")] == []
    await bot.desk.sweep()
    await bot.desk.sweep()
    [report] = [p for p in slack.delivered(POST) if p.get("thread_ts")]
    assert "HTTP 400" in report["text"] and len(line.pushes) == 1
    await bot.close()

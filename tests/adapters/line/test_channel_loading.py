"""LINE's loading indicator: shown in one-to-one chats whose reply is not ready at once, never in
groups or rooms, never holding up the webhook's 200, capped while a backlog stands, and its failure
costs nothing but a log line."""
from __future__ import annotations

import logging

import pytest
from starlette.applications import Starlette

from adapters.line.channel import LineChannel
from adapters.line.loading import MAX_IN_FLIGHT, LoadingIndicator
from browser import wait_until
from line_api_fake import (FakeLineApi, deliver, group, post_webhook, room, self_mention, sign, text_event, user,
                           webhook_body)

pytestmark = pytest.mark.anyio


def line_channel(app: Starlette, loading_after: float | None) -> LineChannel:
    channel = app.state.bot.channels["line"]
    channel.loading_after = loading_after
    return channel


async def settled(channel: LineChannel) -> None:
    """Wait until no loading indicator is waiting or running."""
    await wait_until(lambda: not channel.loading.busy, 10, "the loading indicators to finish")


async def test_a_slow_one_to_one_reply_shows_the_indicator_without_delaying_the_200(threaded_app: Starlette,
                                                                                    threaded_api: FakeLineApi):
    app, fake_api = threaded_app, threaded_api
    fake_api.accept(after_loading=True)  # the answer is not finished before the indicator's check reads it
    fake_api.accept_loading(hang=True)   # LINE slow to start it: neither the 200 nor the reply waits for it
    channel = line_channel(app, 0.0)
    body = webhook_body(text_event("総務省の連絡先", source=user("U-one"), reply_token="t-one"))
    response, seconds = await post_webhook(app, body, sign(body))
    assert response.status_code == 200 and seconds < 2.0
    await app.state.background.drain()
    assert [r["replyToken"] for r in fake_api.replies] == ["t-one"]
    assert await fake_api.wait_for_loading(1) == [{"chatId": "U-one", "loadingSeconds": channel.loading_seconds}]
    fake_api.release.set()
    await settled(channel)


async def test_groups_rooms_and_redeliveries_never_get_the_indicator(app, fake_api: FakeLineApi):
    fake_api.accept()
    fake_api.accept_loading()
    channel = line_channel(app, 0.0)
    mention = {"mentions": [self_mention(0, 7)]}
    redelivered = {**text_event("総務省の連絡先", source=user("U-again")), "deliveryContext": {"isRedelivery": True}}
    await deliver(app, text_event("@JETbot 総務省の連絡先", source=group(), **mention),
                  text_event("@JETbot 総務省の連絡先", source=room(), **mention),
                  redelivered, text_event("総務省の連絡先", source=user("U-one")))
    assert len(fake_api.replies) == 4
    await settled(channel)
    assert [call["chatId"] for call in fake_api.loading] == ["U-one"]


async def test_a_reply_ready_at_once_needs_no_indicator(app, fake_api: FakeLineApi):
    fake_api.accept()
    fake_api.accept_loading()
    channel = line_channel(app, 30.0)
    await deliver(app, text_event("総務省の連絡先", source=user("U-one")))
    assert len(fake_api.replies) == 1
    await settled(channel)   # cancelled by the reply, long before its 30 s
    assert fake_api.loading == []


async def test_a_failing_indicator_is_logged_and_the_answer_still_goes_out(threaded_app: Starlette,
                                                                         threaded_api: FakeLineApi,
                                                                         caplog: pytest.LogCaptureFixture):
    app, fake_api = threaded_app, threaded_api
    fake_api.accept(after_loading=True)  # the answer is not finished before the indicator's check reads it
    fake_api.accept_loading(status=500)
    channel = line_channel(app, 0.0)
    with caplog.at_level(logging.WARNING, logger="adapters.line.loading"):
        body = webhook_body(text_event("総務省の連絡先", source=user("U-one"), event_id="01HLOADINGFAILS"))
        response, _ = await post_webhook(app, body, sign(body))
        assert response.status_code == 200
        await settled(channel)
        await app.state.background.drain()
    assert len(fake_api.replies) == 1
    assert "LINE loading indicator failed for event 01HLOADINGFAILS: HTTP 500" in caplog.text


async def post_from(app: Starlette, *users: str) -> None:
    """One webhook with a question from each of ``users`` (one-to-one chats), acknowledged at once."""
    body = webhook_body(*(text_event("総務省の連絡先", source=user(u), reply_token=f"t-{u}") for u in users))
    response, seconds = await post_webhook(app, body, sign(body))
    assert response.status_code == 200 and seconds < 2.0


async def test_under_a_backlog_only_a_few_indicators_are_started_at_once(threaded_app: Starlette,
                                                                         threaded_api: FakeLineApi):
    app, fake_api = threaded_app, threaded_api
    fake_api.hang()                      # the answers queue up: every event stays unfinished
    fake_api.accept_loading(hang=True)   # and LINE is slow to start the indicators
    channel = line_channel(app, 0.0)
    users = [f"U-{n}" for n in range(10)]
    await post_from(app, *users)
    await wait_until(lambda: channel.loading.skipped == len(users) - MAX_IN_FLIGHT, 10, "the rest to be skipped")
    assert len(await fake_api.wait_for_loading(MAX_IN_FLIGHT)) == MAX_IN_FLIGHT
    assert {call["chatId"] for call in fake_api.loading} <= set(users)
    fake_api.release.set()
    await settled(channel)
    await app.state.background.drain()
    assert sorted(r["replyToken"] for r in fake_api.replies) == sorted(f"t-{u}" for u in users)   # all answered


async def test_under_a_backlog_the_indicators_started_per_second_are_capped(threaded_app: Starlette,
                                                                           threaded_api: FakeLineApi):
    app, fake_api = threaded_app, threaded_api
    fake_api.hang()
    fake_api.accept_loading()
    channel = line_channel(app, 0.0)
    now = [100.0]
    channel.loading = LoadingIndicator(channel.api, lambda: 0.0, channel.loading_seconds,
                                       channel.reply_timeout, max_in_flight=100, per_second=3, clock=lambda: now[0])
    await post_from(app, *[f"U-{n}" for n in range(8)])
    await settled(channel)
    assert len(fake_api.loading) == 3 and channel.loading.skipped == 5   # within one second: 3
    now[0] += 1.0
    await post_from(app, "U-later", "U-later-2", "U-later-3", "U-later-4")
    await settled(channel)
    assert len(fake_api.loading) == 6   # a second later: 3 more
    fake_api.release.set()


async def test_a_chat_gets_one_indicator_at_a_time(threaded_app: Starlette, threaded_api: FakeLineApi):
    app, fake_api = threaded_app, threaded_api
    fake_api.hang()
    fake_api.accept_loading(hang=True)
    channel = line_channel(app, 0.0)
    body = webhook_body(*(text_event(q, source=user("U-same")) for q in ("総務省の連絡先", "ALTの給料", "CIRとは")))
    response, _ = await post_webhook(app, body, sign(body))
    assert response.status_code == 200
    await wait_until(lambda: channel.loading.skipped == 2, 10, "the chat's other indicators to be skipped")
    assert [call["chatId"] for call in await fake_api.wait_for_loading(1)] == ["U-same"]
    fake_api.release.set()
    await settled(channel)

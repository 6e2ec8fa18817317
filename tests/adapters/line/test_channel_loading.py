"""LINE's loading indicator: shown in one-to-one chats whose reply is not ready at once, never in
groups or rooms, never holding up the webhook's 200, and its failure costs nothing but a log line."""
from __future__ import annotations

import logging

import pytest
from starlette.applications import Starlette

from adapters.line.channel import LineChannel
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
    fake_api.accept()
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


async def test_a_failing_indicator_is_logged_and_the_answer_still_goes_out(app, fake_api: FakeLineApi,
                                                                         caplog: pytest.LogCaptureFixture):
    fake_api.accept()
    fake_api.accept_loading(status=500)
    channel = line_channel(app, 0.0)
    with caplog.at_level(logging.WARNING, logger="adapters.line.loading"):
        await deliver(app, text_event("総務省の連絡先", source=user("U-one"), event_id="01HLOADINGFAILS"))
        await settled(channel)
    assert len(fake_api.replies) == 1
    assert "LINE loading indicator failed for event 01HLOADINGFAILS: HTTP 500" in caplog.text

"""Requests to ``/slack/events`` that must not reach Bolt: wrong or stale signatures, replays of a signed
request, bodies nested too deep. Through the whole app, as Slack would send them, with a local fake of
the Slack Web API that must see no call."""
from __future__ import annotations

import time

import pytest

from slack_api_fake import SlackBot as Bot, direct_message, envelope, signed_headers, slash_command

pytestmark = pytest.mark.anyio
RESPOND = "/hooks/response"


async def test_bad_signature_is_refused(bot: Bot) -> None:
    body = envelope(direct_message("参加者は何人"))
    wrong = signed_headers(body, secret="not-the-secret")
    assert (await bot.send(body, headers=wrong)).status_code == 401
    tampered = signed_headers(body)
    assert (await bot.send(body.replace("何人", "何名"), headers=tampered)).status_code == 401
    unsigned = {"content-type": "application/json"}
    assert (await bot.send(body, headers=unsigned)).status_code == 401
    await bot.settle()
    assert bot.fake.calls == []


async def test_stale_timestamp_is_refused_even_when_correctly_signed(bot: Bot) -> None:
    response = await bot.event(direct_message("参加者は何人"), timestamp=int(time.time()) - 6 * 60)
    assert response.status_code == 401
    await bot.settle()
    assert bot.fake.calls == []


async def test_a_replayed_slash_command_is_answered_once(bot: Bot) -> None:
    body = slash_command("JETプログラムの参加者は何人ですか", bot.fake.response_url)
    headers = signed_headers(body, content_type="application/x-www-form-urlencoded")
    for _ in range(3):   # the same signed request, sent again within the signature's 5 minutes
        assert (await bot.send(body, headers=headers)).status_code == 200
    await bot.settle()
    assert len(bot.fake.delivered(RESPOND)) == 1


async def test_deeply_nested_json_is_refused_before_parsing(bot: Bot, caplog: pytest.LogCaptureFixture) -> None:
    nested = '{"type": "event_callback", "event": ' + "[" * 5000 + "]" * 5000 + "}"
    form = "payload=" + "%5B" * 5000 + "%5D" * 5000
    for body, kind in ((nested, "application/json"), (form, "application/x-www-form-urlencoded")):
        response = await bot.send(body, content_type=kind)
        assert response.status_code == 400 and "nested deeper" in response.json()["error"]
    assert "Traceback" not in caplog.text and bot.fake.calls == []

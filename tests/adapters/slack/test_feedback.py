"""👍 / 👎 under Slack answers: signed requests in, what the user sees read from the fake Web API and
the response_url. The same listener serves the HTTP endpoint and Socket Mode."""
from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

import pytest
from slack_bolt.adapter.socket_mode.async_internals import run_async_bolt_app
from slack_sdk.socket_mode.request import SocketModeRequest

from adapters.slack.socket_mode import socket_mode_handler
from bot.engine import Engine
from bot.settings import Settings, SlackSettings
from bot.storage.stores import Stores
from bot.web.wiring import build_bot
from slack_api_fake import TOKEN, FakeSlackApi, SlackBot, direct_message, envelope, mention

pytestmark = pytest.mark.anyio
POST, RESPOND = "/api/chat.postMessage", "/hooks/response"


def feedback_buttons(posted: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for b in posted["blocks"] if b.get("block_id") == "jetbot_feedback" for e in b["elements"]]


def click(posted: dict[str, Any], button: dict[str, Any], response_url: str, user: str = "U0001") -> str:
    """The form Slack sends when ``user`` clicks ``button`` of the ``posted`` message."""
    return urlencode({"payload": json.dumps(click_payload(posted, button, response_url, user), ensure_ascii=False)})


def click_payload(posted: dict[str, Any], button: dict[str, Any], response_url: str,
                  user: str = "U0001") -> dict[str, Any]:
    """The ``block_actions`` payload of that click."""
    channel = posted["channel"]
    message = {"type": "message", "ts": "1700000000.000100", "bot_id": "B0001", "text": posted["text"],
               "blocks": posted["blocks"]}
    payload = {"type": "block_actions", "user": {"id": user, "team_id": "T0001"}, "api_app_id": "A0001",
               "team": {"id": "T0001"}, "trigger_id": "trig.fb", "response_url": response_url,
               "container": {"type": "message", "message_ts": message["ts"], "channel_id": channel,
                             "is_ephemeral": False},
               "channel": {"id": channel, "name": "jet"}, "message": message,
               "actions": [{**button, "block_id": "jetbot_feedback", "action_ts": "1700000001.000001"}]}
    return payload


def votes(stores: Stores) -> list[tuple[str, int]]:
    return [(str(r[0]), int(r[1])) for r in stores.db.query("SELECT inquiry, helpful FROM feedback")]


async def answered(bot: SlackBot, event: dict[str, Any]) -> dict[str, Any]:
    """The answer the bot posted for ``event``."""
    await bot.event(event)
    [posted] = await bot.fake.wait_for(POST)
    await bot.settle()
    return posted


async def test_a_dm_answer_has_thumbs_and_a_click_records_and_replaces_them_with_thanks(
        repo_bot: SlackBot, repo_stores: tuple[Engine, Stores]) -> None:
    _, stores = repo_stores
    posted = await answered(repo_bot, direct_message("JETプログラムとは"))
    [(ref,)] = stores.db.query("SELECT ref FROM inquiries")
    yes, no = feedback_buttons(posted)
    assert (yes["text"]["text"], yes["value"]) == ("👍", ref) and (no["text"]["text"], no["value"]) == ("👎", ref)

    assert (await repo_bot.interact(click(posted, no, repo_bot.fake.response_url))).status_code == 200
    [thanks] = await repo_bot.fake.wait_for(RESPOND)
    assert votes(stores) == [(ref, 0)]
    assert thanks["replace_original"] is True                          # the buttons are gone…
    assert feedback_buttons(thanks) == [] and "この回答で解決しましたか" not in json.dumps(thanks, ensure_ascii=False)
    assert thanks["blocks"][0] == posted["blocks"][0]                   # …the answer stays
    assert "お役に立てず申し訳ありません" in thanks["blocks"][-1]["elements"][0]["text"]

    await repo_bot.interact(click(posted, yes, repo_bot.fake.response_url))   # changed their mind
    await repo_bot.fake.wait_for(RESPOND, 2)
    assert votes(stores) == [(ref, 1)]


async def test_in_a_channel_only_the_clicker_is_thanked_and_others_keep_their_buttons(
        repo_bot: SlackBot, repo_stores: tuple[Engine, Stores]) -> None:
    _, stores = repo_stores
    posted = await answered(repo_bot, mention("JETプログラムとは"))
    yes, _ = feedback_buttons(posted)
    await repo_bot.interact(click(posted, yes, repo_bot.fake.response_url, user="U0009"))
    [thanks] = await repo_bot.fake.wait_for(RESPOND)
    assert thanks["response_type"] == "ephemeral" and thanks["replace_original"] is False
    assert thanks["text"] == "ご回答ありがとうございました。お役に立ててよかったです。"
    assert [v for _, v in votes(stores)] == [1]


async def test_a_forged_inquiry_id_is_answered_politely_and_not_recorded(
        repo_bot: SlackBot, repo_stores: tuple[Engine, Stores]) -> None:
    _, stores = repo_stores
    posted = {"channel": "D0001", "text": "…", "blocks": []}
    forged = {"type": "button", "action_id": "jetbot_feedback_yes", "value": "forged-id",
              "text": {"type": "plain_text", "text": "👍"}}
    assert (await repo_bot.interact(click(posted, forged, repo_bot.fake.response_url))).status_code == 200
    [reply] = await repo_bot.fake.wait_for(RESPOND)
    assert reply["text"].startswith("申し訳ありません。") and votes(stores) == []


async def test_help_and_fallbacks_carry_no_thumbs(repo_bot: SlackBot) -> None:
    await repo_bot.event(direct_message("駐車場はありますか"))
    [posted] = await repo_bot.fake.wait_for(POST)
    assert feedback_buttons(posted) == []


async def test_the_same_listener_records_a_click_over_socket_mode(kb, httpserver, sqlite_stores: Stores) -> None:
    fake = FakeSlackApi(httpserver)
    slack = SlackSettings(bot_token=TOKEN, app_token="xapp-1-test", api_url=fake.base_url)
    bot = build_bot(Settings(slack=slack), Engine(kb, log=sqlite_stores.inquiries), sqlite_stores)
    handler = socket_mode_handler(slack, bot.channels["slack"], bot.pipeline)
    question = SocketModeRequest(type="events_api", envelope_id="env-q",
                                 payload=json.loads(envelope(direct_message("総務省の電話番号を教えて"))))
    assert (await run_async_bolt_app(handler.app, question)).status == 200   # no signature over the socket
    [posted] = await fake.wait_for(POST)
    await bot.background.drain()
    yes, _ = feedback_buttons(posted)
    tap = SocketModeRequest(type="interactive", envelope_id="env-fb",
                            payload=click_payload(posted, yes, fake.response_url))
    assert (await run_async_bolt_app(handler.app, tap)).status == 200
    [thanks] = await fake.wait_for(RESPOND)
    assert thanks["replace_original"] is True and feedback_buttons(thanks) == []
    assert [h for _, h in votes(sqlite_stores)] == [1]
    await handler.close_async()
    for channel in bot.channels.values():   # as jetbot slack-socket does when the socket closes
        await channel.aclose()

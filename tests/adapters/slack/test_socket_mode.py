"""Socket Mode: refuses cleanly without its tokens, and runs the very listeners of the HTTP app (events,
App Home, buttons, the message shortcut)."""
from __future__ import annotations

import json
from typing import Any, AsyncIterator, Callable
from urllib.parse import parse_qs

import pytest
from pytest_httpserver import HTTPServer
from slack_bolt.adapter.socket_mode.async_internals import run_async_bolt_app
from slack_sdk.socket_mode.request import SocketModeRequest

from adapters.slack.socket_mode import SlackSocketConfigError, socket_mode_handler
from bot.engine import Engine, load_engine
from bot.settings import Settings, SlackSettings
from bot.web.wiring import Bot, build_bot
from slack_api_fake import TOKEN, FakeSlackApi, app_home_opened, envelope, home_topic, mention, message_shortcut
from paths import FIXTURES

pytestmark = pytest.mark.anyio
KB_DIR = FIXTURES / "slack_kb"
Build = Callable[[SlackSettings, Engine], tuple[Any, Bot]]




@pytest.fixture(scope="module")
def engine() -> Engine:
    return load_engine(KB_DIR / "intents", KB_DIR / "knowledge")


@pytest.fixture
async def handler_for() -> AsyncIterator[Build]:
    """Builds the Socket Mode handler as ``jetbot slack-socket`` does; closes its bot's clients after the test."""
    bots: list[Bot] = []

    def build(slack: SlackSettings, engine: Engine) -> tuple[Any, Bot]:
        bot = build_bot(Settings(slack=slack), engine)
        bots.append(bot)
        return socket_mode_handler(slack, bot.channels["slack"], bot.pipeline), bot

    yield build
    for bot in bots:
        await bot.background.drain()
        for channel in bot.channels.values():
            await channel.aclose()


async def test_refuses_without_an_app_token(engine: Engine, httpserver: HTTPServer,
        handler_for: Build) -> None:
    fake = FakeSlackApi(httpserver)
    with pytest.raises(SlackSocketConfigError, match=r"SLACK_APP_TOKEN is not set \(an app-level token"):
        handler_for(SlackSettings(bot_token=TOKEN, api_url=fake.base_url), engine)
    assert fake.calls == []


async def test_refuses_without_a_bot_token(engine: Engine,
        handler_for: Build) -> None:
    with pytest.raises(SlackSocketConfigError) as error:
        handler_for(SlackSettings(app_token="xapp-1-test"), engine)
    assert "SLACK_BOT_TOKEN is not set" in str(error.value)
    assert "SLACK_APP_TOKEN" not in str(error.value) and "xapp-1-test" not in str(error.value)


async def test_socket_requests_reach_the_shared_listeners_once(engine: Engine, httpserver: HTTPServer,
        handler_for: Build) -> None:
    fake = FakeSlackApi(httpserver)
    handler, bot = handler_for(SlackSettings(bot_token=TOKEN, app_token="xapp-1-test", api_url=fake.base_url), engine)
    event = mention("<@UBOT0001> 総務省の電話番号を教えて")
    payload = json.loads(envelope(event, "EvSOCKET001"))
    for attempt in (None, 1):   # Slack redelivers over the socket too
        request = SocketModeRequest(type="events_api", envelope_id=f"env-{attempt}", payload=payload,
                                    retry_attempt=attempt, retry_reason="timeout" if attempt else None)
        response = await run_async_bolt_app(handler.app, request)   # no signature in Socket Mode
        assert response.status == 200
    await bot.background.drain()
    [posted] = fake.delivered("/api/chat.postMessage")
    assert (posted["channel"], posted["thread_ts"]) == ("C0001", event["ts"])
    assert posted["text"] == "総務省の窓口は総務省自治行政局国際室です。"
    await handler.close_async()


async def over_the_socket(handler: object, kind: str, payload: dict) -> int:
    """Deliver ``payload`` as Slack does over the socket (no signature); the ack's status."""
    request = SocketModeRequest(type=kind, envelope_id=f"env-{kind}", payload=payload)
    return (await run_async_bolt_app(handler.app, request)).status


async def test_app_home_and_its_topic_buttons_work_over_the_socket(repo_engine: Engine, httpserver: HTTPServer,
        handler_for: Build) -> None:
    fake = FakeSlackApi(httpserver)
    handler, bot = handler_for(SlackSettings(bot_token=TOKEN, app_token="xapp-1-test", api_url=fake.base_url),
                               repo_engine)
    assert await over_the_socket(handler, "events_api", json.loads(envelope(app_home_opened("U0005")))) == 200
    [published] = await fake.wait_for("/api/views.publish")
    topics = repo_engine.kb.knowledge.menu
    [buttons] = [b for b in published["view"]["blocks"] if b.get("block_id") == "jetbot_home_topics"]
    assert [e["value"] for e in buttons["elements"]] == [t.intent for t in topics]
    tap = json.loads(parse_qs(home_topic(topics[1].intent, topics[1].label, user="U0005"))["payload"][0])
    assert await over_the_socket(handler, "interactive", tap) == 200
    [posted] = await fake.wait_for("/api/chat.postMessage")
    assert posted["channel"] == "DU0005"
    assert posted["text"] == repo_engine.kb.answers[topics[1].intent]["ja"].text[:len(posted["text"])]
    await bot.background.drain()
    await handler.close_async()


async def test_the_message_shortcut_works_over_the_socket(engine: Engine, httpserver: HTTPServer,
        handler_for: Build) -> None:
    fake = FakeSlackApi(httpserver)
    handler, bot = handler_for(SlackSettings(bot_token=TOKEN, app_token="xapp-1-test", api_url=fake.base_url), engine)
    body = message_shortcut("総務省の電話番号を教えて", fake.response_url, thread_ts="1700000000.000321")
    shortcut = json.loads(parse_qs(body)["payload"][0])
    assert await over_the_socket(handler, "interactive", shortcut) == 200
    [posted] = await fake.wait_for("/api/chat.postMessage")
    assert (posted["channel"], posted["thread_ts"]) == ("C0001", "1700000000.000321")
    assert posted["text"] == "総務省の窓口は総務省自治行政局国際室です。"
    await bot.background.drain()
    await handler.close_async()

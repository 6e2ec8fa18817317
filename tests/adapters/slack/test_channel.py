"""The Slack endpoint end to end: signed requests into ``create_app`` (httpx ASGI transport),
the real engine on fixture YAML, and a local fake of the Slack Web API receiving the answers."""
from __future__ import annotations

import json
import logging
import time
from typing import Any

import pytest
from slack_sdk.http_retry.builtin_interval_calculators import FixedValueRetryIntervalCalculator

import adapters.slack.listeners
from bot.engine import Engine
from bot.core.knowledge_base import KnowledgeBase
from bot.settings import Settings, SlackSettings
from bot.web.app import create_app
from asgi import serving
from slack_api_fake import (ADMIN_TOKEN, SECRET, TOKEN, FakeSlackApi, SlackBot as Bot, block_actions, direct_message,
                            envelope, make_settings, mention, signed_headers, slash_command)

pytestmark = pytest.mark.anyio
POST = "/api/chat.postMessage"
RESPOND = "/hooks/response"
AS_ADMIN = {"Authorization": f"Bearer {ADMIN_TOKEN}"}




def section_texts(payload: dict[str, Any]) -> list[str]:
    return [b["text"]["text"] for b in payload["blocks"] if b["type"] == "section"]


# --- verification and handshake ------------------------------------------------------------

async def test_url_verification_challenge_is_answered(bot: Bot) -> None:
    body = json.dumps({"token": "legacy", "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
                       "type": "url_verification"})
    response = await bot.send(body)
    assert response.status_code == 200
    assert response.json() == {"challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}


# --- answering -----------------------------------------------------------------------------

async def test_mention_is_answered_in_its_thread_after_the_ack(bot: Bot) -> None:
    bot.fake.delay = 0.5
    event = mention("<@UBOT0001> 総務省の電話番号を教えて", channel="C0042")
    started = time.monotonic()
    response = await bot.event(event)
    assert response.status_code == 200 and time.monotonic() - started < 0.5
    assert bot.fake.delivered(POST) == []          # acknowledged before the answer was posted
    [payload] = await bot.fake.wait_for(POST)
    assert payload["channel"] == "C0042" and payload["thread_ts"] == event["ts"]
    assert payload["text"] == "総務省の窓口は総務省自治行政局国際室です。"
    assert section_texts(payload) == [
        "総務省の窓口は総務省自治行政局国際室です。",
        "*参考*\n• <https://www.soumu.go.jp/kokusai/kouryu_JET.html?a=1&amp;b=2|"
        "JET-ALT活動事例集 &lt;全体版&gt; &amp; 概要>",
        "*問い合わせ先: 総務省自治行政局国際室*\n電話: 03-5253-5527\n"
        "メール: <mailto:kokusai@soumu.go.jp|kokusai@soumu.go.jp>",
    ]
    [actions] = [b for b in payload["blocks"] if b["type"] == "actions"]
    assert [(b["action_id"], b["value"], b["text"]["text"]) for b in actions["elements"]] == [
        ("jetbot_suggest_0", "programme_size", "JETの参加者数"),
        ("jetbot_suggest_1", "markup_rules", "記号の扱い")]
    assert bot.fake.attempts(POST)[0].headers["Authorization"] == f"Bearer {TOKEN}"


async def test_mention_inside_a_thread_answers_in_that_thread(bot: Bot) -> None:
    await bot.event(mention("<@UBOT0001> JETプログラムの参加者は何人ですか", thread_ts="1699999999.000001"))
    [payload] = await bot.fake.wait_for(POST)
    assert payload["thread_ts"] == "1699999999.000001"
    assert "累計参加者は世界78か国・約77,000人です。" in payload["text"]
    [context] = [b for b in payload["blocks"] if b["type"] == "context"]
    assert context["elements"] == [
        {"type": "mrkdwn", "text": "出典: 通知「JETプログラムの一層の活用について（通知）」（前文）"}]


async def test_direct_message_is_answered_in_the_dm_in_english(bot: Bot) -> None:
    await bot.event(direct_message("Who should I call at MIC?", channel="D0042"))
    [payload] = await bot.fake.wait_for(POST)
    assert payload["channel"] == "D0042" and "thread_ts" not in payload
    assert payload["text"] == "The MIC contact is International Affairs Office, MIC."
    assert "*Contact: International Affairs Office, MIC*\nPhone: 03-5253-5527" in section_texts(payload)[2]


async def test_markup_in_answers_is_escaped_so_nobody_is_pinged(bot: Bot) -> None:
    await bot.event(direct_message("記号の扱いについて教えて"))
    [payload] = await bot.fake.wait_for(POST)
    expected = "比較は a &lt; b &amp; c &gt; d のように書きます。&lt;@U999&gt; や &lt;!channel&gt; は通知しません。"
    assert payload["text"] == expected and section_texts(payload) == [expected]


async def test_empty_mention_gets_the_help(bot: Bot) -> None:
    await bot.event(mention("<@UBOT0001>"))
    [payload] = await bot.fake.wait_for(POST)
    assert "質問を文章で送ってください" in payload["text"]
    [actions] = [b for b in payload["blocks"] if b["type"] == "actions"]
    assert [b["value"] for b in actions["elements"]] == ["contact_mic", "programme_size", "markup_rules"]


@pytest.mark.parametrize("event", [
    direct_message("参加者は何人", bot_id="B0002", subtype="bot_message"),
    direct_message("参加者は何人", bot_id="B0002"),
    direct_message("参加者は何人", user="UBOT0001", bot_id="B0001"),
    direct_message("参加者は何人", subtype="message_changed"),
    direct_message("参加者は何人", subtype="message_deleted"),
    {**direct_message("参加者は何人"), "channel_type": "channel"},
    {"type": "reaction_added", "user": "U0001", "reaction": "+1", "item": {"type": "message"}},
    {"type": "app_home_opened", "user": "U0001", "channel": "D0001", "tab": "messages"},
], ids=["bot_message", "bot_id_only", "self", "edit", "delete", "channel_chatter", "reaction", "messages_tab"])
async def test_other_events_are_acknowledged_and_ignored(bot: Bot, event: dict[str, Any]) -> None:
    response = await bot.event(event)
    assert response.status_code == 200
    await bot.settle()
    assert bot.fake.calls == []


async def test_other_interactions_are_acknowledged(bot: Bot) -> None:
    body = block_actions("x", "x").replace("jetbot_suggest_0", "somebody_elses_button")
    response = await bot.send(body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    await bot.settle()
    assert bot.fake.calls == []


# --- retries and duplicates ----------------------------------------------------------------

async def test_retry_of_an_answered_event_is_not_answered_again(bot: Bot) -> None:
    event = mention("<@UBOT0001> 参加者は何人")
    assert (await bot.event(event, event_id="Ev000RETRY1")).status_code == 200
    await bot.fake.wait_for(POST)
    for retry in (1, 2):
        assert (await bot.event(event, event_id="Ev000RETRY1", retry=retry)).status_code == 200
    assert (await bot.event(event, event_id="Ev000RETRY1")).status_code == 200   # plain duplicate
    await bot.settle()
    assert len(bot.fake.attempts(POST)) == 1


async def test_retry_of_an_event_never_seen_is_answered_once(bot: Bot) -> None:
    event = mention("<@UBOT0001> 参加者は何人")
    assert (await bot.event(event, event_id="Ev000LOST01", retry=1)).status_code == 200
    assert (await bot.event(event, event_id="Ev000LOST01", retry=2)).status_code == 200
    await bot.settle()
    [payload] = bot.fake.delivered(POST)
    assert payload["thread_ts"] == event["ts"]
    assert len(bot.fake.attempts(POST)) == 1


# --- Web API failures ----------------------------------------------------------------------

async def test_server_error_is_retried_and_the_answer_delivered_once(bot: Bot) -> None:
    bot.fake.fail_next(POST, 500)
    await bot.event(direct_message("参加者は何人"))
    await bot.settle()
    assert [c.status for c in bot.fake.attempts(POST)] == [500, 200]
    assert len(bot.fake.delivered(POST)) == 1


async def test_rate_limit_waits_for_retry_after(bot: Bot) -> None:
    bot.fake.fail_next(POST, 429, {"Retry-After": "1"})
    await bot.event(direct_message("参加者は何人"))
    await bot.settle()
    first, second = bot.fake.attempts(POST)
    assert (first.status, second.status) == (429, 200)
    assert second.at - first.at >= 1.0
    assert len(bot.fake.delivered(POST)) == 1


async def test_failures_beyond_the_retries_are_logged_with_the_event_id(
        fake: FakeSlackApi, kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(adapters.slack.listeners, "RETRY_BACKOFF", FixedValueRetryIntervalCalculator(0.01))
    app = create_app(make_settings(fake), Engine(kb))
    for status in (500, 502, 503, 504):
        fake.fail_next(POST, status)
    body = envelope(direct_message("参加者は何人"), "Ev000DOOMED")
    async with serving(app, "http://jetbot") as http:
        response = await http.post("/slack/events", content=body.encode(), headers=signed_headers(body))
        assert response.status_code == 200
        with caplog.at_level(logging.ERROR, logger="adapters.slack.channel"):
            await app.state.background.drain()
    assert [c.status for c in fake.attempts(POST)] == [500, 502, 503, 504]   # 1 try + 3 retries
    assert any("Ev000DOOMED" in r.getMessage() and r.levelno == logging.ERROR for r in caplog.records)
    assert TOKEN not in caplog.text and SECRET not in caplog.text


# --- buttons and slash command -------------------------------------------------------------

async def test_button_click_answers_that_choice_in_the_same_thread(bot: Bot) -> None:
    bot.fake.delay = 0.5
    body = block_actions("programme_size", "JETの参加者数", channel="C0042", thread_ts="1699999999.000777", n=0)
    started = time.monotonic()
    response = await bot.send(body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200 and time.monotonic() - started < 0.5
    [payload] = await bot.fake.wait_for(POST)
    assert (payload["channel"], payload["thread_ts"]) == ("C0042", "1699999999.000777")
    assert payload["text"].startswith("JETプログラムの規模です。")


async def test_button_in_an_ephemeral_answer_answers_the_asker_only(bot: Bot) -> None:
    body = block_actions("contact_mic", "総務省の問い合わせ先", ephemeral=True,
                         response_url=bot.fake.response_url)
    assert (await bot.send(body, content_type="application/x-www-form-urlencoded")).status_code == 200
    [payload] = await bot.fake.wait_for(RESPOND)
    assert payload["response_type"] == "ephemeral" and payload["replace_original"] is False
    assert payload["text"] == "総務省の窓口は総務省自治行政局国際室です。"
    assert bot.fake.delivered(POST) == []


async def test_slash_command_answers_only_the_asker(bot: Bot) -> None:
    body = slash_command("JETプログラムの参加者は何人ですか", bot.fake.response_url)
    response = await bot.send(body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    [payload] = await bot.fake.wait_for(RESPOND)
    assert payload["response_type"] == "ephemeral"
    assert "累計参加者は世界78か国・約77,000人です。" in payload["text"]
    assert bot.fake.delivered(POST) == []


async def test_empty_slash_command_gives_the_help(bot: Bot) -> None:
    body = slash_command("", bot.fake.response_url)
    assert (await bot.send(body, content_type="application/x-www-form-urlencoded")).status_code == 200
    [payload] = await bot.fake.wait_for(RESPOND)
    assert payload["response_type"] == "ephemeral" and "質問を文章で送ってください" in payload["text"]


# --- switched off --------------------------------------------------------------------------

async def test_health_reports_the_channel_on(bot: Bot) -> None:
    health = (await bot.http.get("/healthz", headers=AS_ADMIN)).json()
    assert health["channels"]["slack"] == {"enabled": True, "mode": "events_api"}


async def test_without_credentials_the_channel_is_off(fake: FakeSlackApi, kb: KnowledgeBase,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="adapters.slack.channel"):
        app = create_app(make_settings(fake, signing_secret=None, bot_token=None), Engine(kb))
    [line] = [r.getMessage() for r in caplog.records if r.name == "adapters.slack.channel"]
    assert "SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN" in line and "off" in line
    async with serving(app, "http://jetbot") as http:
        body = envelope(direct_message("参加者は何人"))
        response = await http.post("/slack/events", content=body.encode(), headers=signed_headers(body))
        assert response.status_code == 503
        assert response.json() == {"error": "slack channel disabled",
                                   "reason": "SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN not set"}
        slack = (await http.get("/healthz", headers=AS_ADMIN)).json()["channels"]["slack"]
        assert slack == {"enabled": False, "reason": "SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN not set"}
    assert fake.calls == []


async def test_half_configured_channel_is_off_and_never_shows_the_secret(
        fake: FakeSlackApi, kb: KnowledgeBase, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO):
        app = create_app(make_settings(fake, bot_token=None), Engine(kb))
        async with serving(app, "http://x") as http:
            response = await http.post("/slack/events", content=b"{}")
            health = (await http.get("/healthz", headers=AS_ADMIN)).text
    assert response.status_code == 503 and response.json()["reason"] == "SLACK_BOT_TOKEN not set"
    assert SECRET not in caplog.text and SECRET not in response.text and SECRET not in health


async def test_unreachable_slack_api_never_breaks_the_ack(
        kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(adapters.slack.listeners, "RETRY_BACKOFF", FixedValueRetryIntervalCalculator(0.01))
    settings = Settings(admin_token=ADMIN_TOKEN, slack=SlackSettings(signing_secret=SECRET, bot_token=TOKEN,
                                            api_url="http://127.0.0.1:9/api/"))   # nothing listens there
    app = create_app(settings, Engine(kb))
    body = envelope(mention("<@UBOT0001> 参加者は何人"), "Ev000NOWHERE")
    async with serving(app, "http://jetbot") as http:
        response = await http.post("/slack/events", content=body.encode(), headers=signed_headers(body))
        assert response.status_code == 200
        with caplog.at_level(logging.ERROR, logger="adapters.slack.channel"):
            await app.state.background.drain()
        assert (await http.get("/healthz", headers=AS_ADMIN)).json()["channels"]["slack"]["enabled"] is True
    assert any("Ev000NOWHERE" in r.getMessage() for r in caplog.records)

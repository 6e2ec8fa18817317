"""The message shortcut 「jetbotに聞く」 and ``/jet`` help, end to end over HTTP: signed requests in,
what the user sees read from the fake Web API (and the response_url)."""
from __future__ import annotations

from typing import Any

import pytest

from adapters.slack.blocks import HOW_TO_ASK
from bot.core.types import IncomingMessage
from bot.engine import Engine
from bot.storage.stores import Stores
from slack_api_fake import SlackBot, message_shortcut, slash_command

pytestmark = pytest.mark.anyio
POST, RESPOND = "/api/chat.postMessage", "/hooks/response"


def buttons(payload: dict[str, Any]) -> list[tuple[str, str]]:
    return [(b["text"]["text"], b["value"]) for block in payload["blocks"] if block["type"] == "actions"
            for b in block["elements"]]


async def test_the_shortcut_answers_the_message_in_its_thread(repo_bot: SlackBot,
                                                              repo_stores: tuple[Engine, Stores]) -> None:
    engine, stores = repo_stores
    body = message_shortcut("<@U0042> 配置要望調査はどこを通して出すのでしょうか", repo_bot.fake.response_url,
                            thread_ts="1700000000.000777", user="U0007")
    assert (await repo_bot.interact(body)).status_code == 200
    assert (await repo_bot.interact(body)).status_code == 200          # the same click delivered twice
    [posted] = await repo_bot.fake.wait_for(POST)
    await repo_bot.settle()
    assert (posted["channel"], posted["thread_ts"]) == ("C0001", "1700000000.000777")
    expected = engine.answer(IncomingMessage("配置要望調査はどこを通して出すのでしょうか"), remember=False)
    assert posted["text"] == expected.text[:len(posted["text"])] and expected.intent_id == "survey_via"
    assert posted["unfurl_links"] is False and posted["unfurl_media"] is False
    assert len(repo_bot.fake.delivered(POST)) == 1 and repo_bot.fake.delivered(RESPOND) == []
    [asked] = stores.stats.recent_questions(stores.pseudonyms.of("U0007", "slack"))
    assert asked.question == "配置要望調査はどこを通して出すのでしょうか" and asked.answered


async def test_where_the_bot_is_not_in_the_channel_only_the_clicker_gets_the_answer(repo_bot: SlackBot) -> None:
    repo_bot.fake.refuse_next(POST, "not_in_channel")
    await repo_bot.interact(message_shortcut("JETプログラムとは", repo_bot.fake.response_url, channel="C0BOTLESS"))
    [answer] = await repo_bot.fake.wait_for(RESPOND)
    assert answer["response_type"] == "ephemeral" and answer["replace_original"] is False
    assert answer["text"] and answer["unfurl_links"] is False
    [refused] = repo_bot.fake.attempts(POST)
    assert refused.error == "not_in_channel" and refused.payload["channel"] == "C0BOTLESS"


@pytest.mark.parametrize("text", ["", "help", "ヘルプ"])
async def test_jet_alone_or_help_shows_how_to_ask_and_the_topics(repo_bot: SlackBot, text: str,
                                                                 repo_stores: tuple[Engine, Stores]) -> None:
    engine, _ = repo_stores
    await repo_bot.interact(slash_command(text, repo_bot.fake.response_url))
    [answer] = await repo_bot.fake.wait_for(RESPOND)
    sections = [b["text"]["text"] for b in answer["blocks"] if b["type"] == "section"]
    assert HOW_TO_ASK in sections
    labels = [t.label_in("en" if text == "help" else "ja") for t in engine.kb.knowledge.menu]
    assert buttons(answer) == [(label, t.intent) for label, t in zip(labels, engine.kb.knowledge.menu)]


async def test_a_global_shortcut_or_another_apps_callback_is_only_acknowledged(repo_bot: SlackBot) -> None:
    body = message_shortcut("JETプログラムとは", repo_bot.fake.response_url, callback_id="somebody_else")
    assert (await repo_bot.interact(body)).status_code == 200
    await repo_bot.settle()
    assert repo_bot.fake.calls == []


def test_building_the_app_with_the_token_in_the_environment_warns_of_nothing(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    # Bolt reads SLACK_BOT_TOKEN itself; jetbot hands the token over through ``authorize``.
    from adapters.slack.listeners import SlackListeners, build_app
    from bot.settings import SlackSettings
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-from-the-environment")
    with caplog.at_level("DEBUG"):
        app = build_app(SlackSettings(signing_secret="s", bot_token="xoxb-1"), SlackListeners(None, None))  # type: ignore[arg-type]
    assert app.client.token is None
    assert [r.getMessage() for r in caplog.records if r.levelname == "WARNING"] == []

"""Slack's App Home: published when a user opens it, with the YAML's topics, the user's own last
questions, and the week's figures only for admins; topic taps answered in the DM; refreshed after a
reload. Signed requests into the app, answers read from the fake Web API."""
from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from adapters.slack.home_view import home_view, HomeContent
from bot.core.types import IncomingMessage
from bot.engine import Engine
from bot.storage.stores import Stores
from bot.web.app import create_app
from paths import INTENTS, KNOWLEDGE
from slack_api_fake import ADMIN, PUBLIC_URL, FakeSlackApi, SlackBot, app_home_opened, home_topic, make_settings
from asgi import serving

pytestmark = pytest.mark.anyio
PUBLISH = "/api/views.publish"


def view_of(payload: dict[str, Any]) -> dict[str, Any]:
    view = payload["view"]
    return json.loads(view) if isinstance(view, str) else view


def texts(view: dict[str, Any]) -> str:
    """Every text of the view, one per line (what the user reads)."""
    found = []
    for block in view["blocks"]:
        if "text" in block:
            found.append(block["text"]["text"])
        found += [e.get("text", {}).get("text", "") if isinstance(e.get("text"), dict) else e.get("text", "")
                  for e in block.get("elements", [])]
    return "\n".join(found)


def topic_buttons(view: dict[str, Any]) -> list[tuple[str, str]]:
    [topics] = [b for b in view["blocks"] if b.get("block_id") == "jetbot_home_topics"]
    return [(b["text"]["text"], b["value"]) for b in topics["elements"]]


def ask(engine: Engine, user: str, question: str) -> None:
    engine.answer(IncomingMessage(question, channel="slack", user_id=user, conversation_id=f"D-{user}"))


async def opened(bot: SlackBot, user: str, count: int = 1) -> dict[str, Any]:
    response = await bot.event(app_home_opened(user))
    assert response.status_code == 200
    payloads = await bot.fake.wait_for(PUBLISH, count)
    assert payloads[-1]["user_id"] == user
    return view_of(payloads[-1])


async def test_home_shows_what_the_bot_answers_the_topics_and_only_the_users_own_questions(
        repo_bot: SlackBot, repo_stores: tuple[Engine, Stores]) -> None:
    engine, stores = repo_stores
    ask(engine, "U0001", "総務省の電話番号を教えてください")
    ask(engine, "U0001", "明日の大阪の天気は？折り返しは090-1234-5678へ")
    ask(engine, "U0002", "CIRとは何ですか")
    view = await opened(repo_bot, "U0001")
    assert view["type"] == "home"
    shown = texts(view)
    assert engine.kb.answers["help"]["ja"].text in shown                       # what the bot answers
    assert "「jetbotに聞く」" in shown and "`/jet 質問`" in shown                # how to ask in Slack
    assert topic_buttons(view) == [(t.label, t.intent) for t in engine.kb.knowledge.menu]
    assert "090-1234-5678" not in shown                                       # masked as stored
    stored = stores.stats.recent_questions(stores.pseudonyms.of("U0001", "slack"))
    assert stored[0].question == "明日の大阪の天気は?折り返しは[電話番号]へ"                 # NFKC, masked
    lines = [line for line in shown.splitlines() if line.startswith("• ") and "（回答" in line]
    assert [line.split("\u3000")[1] for line in lines] == [q.question for q in stored]   # newest first
    assert lines[0].endswith("_（回答できず）_") and lines[1].endswith("_（回答済み）_")
    assert "CIRとは" not in shown                                              # someone else's question
    assert "今週の数字" not in shown and "/admin" not in shown                  # not an admin


async def test_an_admin_also_sees_the_weeks_figures_and_the_admin_link(
        repo_bot: SlackBot, repo_stores: tuple[Engine, Stores]) -> None:
    engine, _ = repo_stores
    for question in ("CIRとは何ですか", "総務省の電話番号を教えて", "明日の大阪の天気は"):
        ask(engine, "U0002", question)
    view = await opened(repo_bot, ADMIN)
    shown = texts(view)
    assert "質問 3件\u3000回答率 67%（2件）" in shown
    assert "解決率 —（利用者の「解決した」フィードバックの導入後に表示）" in shown
    [link] = [e for b in view["blocks"] if b["type"] == "actions" for e in b["elements"] if "url" in e]
    assert link["url"] == f"{PUBLIC_URL}/admin" and link["text"]["text"] == "管理画面を開く"
    assert "今週の数字" not in texts(await opened(repo_bot, "U0002", count=2))


async def test_a_topic_tap_is_answered_in_the_users_dm(repo_bot: SlackBot, repo_stores: tuple[Engine, Stores]) -> None:
    engine, stores = repo_stores
    topic = engine.kb.knowledge.menu[0]
    response = await repo_bot.interact(home_topic(topic.intent, topic.label, user="U0003"))
    assert response.status_code == 200
    [posted] = await repo_bot.fake.wait_for("/api/chat.postMessage")
    assert repo_bot.fake.delivered("/api/conversations.open") == [{"users": "U0003"}]
    assert posted["channel"] == "DU0003" and "thread_ts" not in posted
    assert posted["text"] == engine.kb.answers[topic.intent]["ja"].text[:len(posted["text"])]
    assert posted["unfurl_links"] is False and posted["unfurl_media"] is False
    [asked] = stores.stats.recent_questions(stores.pseudonyms.of("U0003", "slack"))
    assert asked.question == topic.label and asked.answered                   # logged like any question


async def test_open_home_tabs_are_refreshed_after_a_reload_that_changes_the_menu(
        fake: FakeSlackApi, repo_engine: Engine, tmp_path: Path) -> None:
    intents = shutil.copytree(INTENTS, tmp_path / "intents")
    now = [1_800_000_000.0]
    settings = replace(make_settings(fake), intents_dir=intents, knowledge_dir=KNOWLEDGE, cache_dir=None)
    app = create_app(settings, Engine(repo_engine.kb), clock=lambda: now[0])
    async with serving(app, "http://jetbot") as http:
        bot = SlackBot(app, http, fake)
        await opened(bot, "U-long-ago")
        now[0] += 2 * 24 * 3600                                                # two days later
        await opened(bot, "U-today", count=2)
        menu = intents / "menu.yaml"
        menu.write_text(menu.read_text(encoding="utf-8").replace("label: 事例集", "label: 活動事例集"),
                        encoding="utf-8")
        assert (await app.state.reloader.reload("test")).status == "loaded"
        [*_, refreshed] = await fake.wait_for(PUBLISH, 3)
        await bot.settle()
    assert [p["user_id"] for p in fake.delivered(PUBLISH)] == ["U-long-ago", "U-today", "U-today"]
    assert ("活動事例集", "casebook_what") in topic_buttons(view_of(refreshed))


def test_the_view_is_within_slacks_limits_and_escapes_questions() -> None:
    from bot.storage.inquiry_stats import AskedQuestion
    content = HomeContent("about", (), (AskedQuestion(1_800_000_000.0, "<!channel> & 質問", False),), "v1")
    view = home_view(content)
    assert len(view["blocks"]) <= 100
    assert "&lt;!channel&gt; &amp; 質問" in texts(view) and "<!channel>" not in texts(view)
    assert "01/15 17:00" in texts(view)                                       # shown in JST

"""`/jet-admin reload` and `/jet-admin stats`: admins manage the bot from Slack; others are refused."""
from __future__ import annotations

import shutil
from pathlib import Path

import httpx
import pytest
from pytest_httpserver import HTTPServer

from bot.engine import load_engine
from bot.settings import Settings, SlackSettings
from bot.storage.stores import open_stores
from databases import storage_at
from bot.core.types import IncomingMessage
from bot.web.app import create_app
from slack_api_fake import SECRET, TOKEN, FakeSlackApi, signed_headers, slash_command
from paths import FIXTURES
from asgi import serving

pytestmark = pytest.mark.anyio
MINI = FIXTURES / "mini"
ADMIN = "U0001"  # the user id slash_command() sends




@pytest.fixture
def kb_dir(tmp_path: Path) -> Path:
    shutil.copytree(MINI, tmp_path / "kb")
    return tmp_path / "kb"


async def admin(kb_dir: Path, httpserver: HTTPServer, tmp_path: Path, admins: tuple[str, ...]):
    fake = FakeSlackApi(httpserver)
    settings = Settings(intents_dir=kb_dir / "intents", knowledge_dir=kb_dir / "knowledge",
                        slack=SlackSettings(signing_secret=SECRET, bot_token=TOKEN, api_url=fake.base_url,
                                            admin_ids=admins))
    store = open_stores(storage_at(str(tmp_path / "log.sqlite3")))
    engine = load_engine(settings.intents_dir, settings.knowledge_dir, log=store.inquiries, contexts=store.contexts)
    app = create_app(settings, engine, store)
    return app, engine, fake


async def command(http: httpx.AsyncClient, fake: FakeSlackApi, text: str) -> str:
    body = slash_command(text, fake.response_url, command="/jet-admin")
    response = await http.post("/slack/events", content=body.encode(),
                               headers=signed_headers(body, content_type="application/x-www-form-urlencoded"))
    assert response.status_code == 200
    return response.text


async def test_reload_from_slack_swaps_in_the_edit(kb_dir: Path, httpserver: HTTPServer, tmp_path: Path) -> None:
    app, engine, fake = await admin(kb_dir, httpserver, tmp_path, (ADMIN,))
    facts = kb_dir / "knowledge" / "k.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("計30事例", "計31事例"), encoding="utf-8")
    async with serving(app, "http://jetbot") as http:
        text = await command(http, fake, "reload")
        assert "再読み込みを開始しました" in text
        for task in list(app.state.reloader._tasks):
            await task
    assert "計31事例" in engine.answer(IncomingMessage("事例集には何件"), remember=False).text


async def test_stats_shows_questions_fallback_rate_and_top_intents(kb_dir: Path, httpserver: HTTPServer,
                                                                   tmp_path: Path) -> None:
    app, engine, fake = await admin(kb_dir, httpserver, tmp_path, (ADMIN,))
    for question in ("総務省の電話番号", "総務省の連絡先を教えて", "明日の天気"):
        engine.answer(IncomingMessage(question, channel="slack", user_id="U9"))
    async with serving(app, "http://jetbot") as http:
        text = await command(http, fake, "stats")
    assert "質問 3件" in text and "回答できず 1件（33%）" in text
    assert "1. contact_mic: 2件" in text


async def test_non_admin_is_politely_refused(kb_dir: Path, httpserver: HTTPServer, tmp_path: Path) -> None:
    app, engine, fake = await admin(kb_dir, httpserver, tmp_path, ("U_SOMEONE_ELSE",))
    version = engine.kb.version
    async with serving(app, "http://jetbot") as http:
        text = await command(http, fake, "reload")
    assert "管理者に登録された方だけ" in text
    assert engine.kb.version == version and not app.state.reloader._tasks

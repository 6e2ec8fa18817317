"""👍 / 👎 under an answer in the web console, in a real headless Chromium: a click records the vote
and the buttons give way to a thank-you."""
from __future__ import annotations

import pytest

from bot.engine import Engine, load_engine
from bot.settings import Settings
from bot.storage.stores import Stores
from bot.web.app import create_app
from browser import chromium, live_server
from paths import FIXTURES

pytestmark = pytest.mark.anyio
MINI = FIXTURES / "mini"


async def test_a_click_on_thumbs_down_is_recorded_and_thanked(sqlite_stores: Stores) -> None:
    engine = Engine(load_engine(MINI / "intents", MINI / "knowledge").kb, log=sqlite_stores.inquiries)
    app = create_app(Settings(intents_dir=MINI / "intents", knowledge_dir=MINI / "knowledge"), engine, sqlite_stores)
    async with live_server(app) as url, chromium() as page:
        await page.goto(url + "/")
        await page.type("#question", "総務省の電話番号")
        await page.press_enter()
        await page.wait_for("document.querySelectorAll('#log li.bot button.vote').length === 2")
        labels = await page.evaluate("[...document.querySelectorAll('#log li.bot button.vote')]"
                                     ".map(b => b.textContent).join(' ')")
        assert labels == "👍 👎"
        await page.click("#log li.bot button.vote[data-helpful='false']")
        await page.wait_for("document.querySelector('#log li.bot .feedback-note').textContent.length > 0")
        note = await page.evaluate("document.querySelector('#log li.bot .feedback-note').textContent")
        assert note == "ありがとうございました。お役に立てず申し訳ありません。"
        assert await page.evaluate("document.querySelectorAll('#log li.bot button.vote').length") == 0
    [(ref,)] = sqlite_stores.db.query("SELECT ref FROM inquiries")
    assert [(str(i), int(h)) for i, h in sqlite_stores.db.query("SELECT inquiry, helpful FROM feedback")] == [(ref, 0)]

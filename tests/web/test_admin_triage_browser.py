"""The triage queue in a real headless Chromium: a question the bot missed in the console reaches the
queue, one click adds it as an example, and the console answers it -- the YAML's comments intact."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.engine import load_engine
from bot.settings import Settings
from bot.storage.stores import Stores
from bot.web.app import create_app
from browser import chromium, live_server

pytestmark = pytest.mark.anyio
TOKEN = "triage-browser-token-90ab"
MISSED = "参加国のリストを見たい"


async def ask_in_console(page, question: str, answers: int) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """Type a question in the console; returns the intent and score the answer shows."""
    await page.type("#question", question)
    await page.press_enter()
    await page.wait_for(f"document.querySelectorAll('#log li.bot').length === {answers}")
    meta = "document.querySelectorAll('#log li.bot')[" + str(answers - 1) + "]"
    intent = await page.evaluate(f"({meta}.querySelector('.meta-intent') || {{}}).textContent || ''")
    score = await page.evaluate(f"({meta}.querySelector('.meta-score') || {{}}).textContent || ''")
    return intent, score


async def test_a_missed_question_goes_through_the_queue_and_is_answered(
        editable_kb: tuple[Path, Path], sqlite_stores: Stores) -> None:
    intents, knowledge = editable_kb
    people = intents / "people.yaml"
    comments = [line for line in people.read_text(encoding="utf-8").splitlines() if "#" in line]
    settings = Settings(intents_dir=intents, knowledge_dir=knowledge, admin_token=TOKEN, cache_dir=None)
    engine = load_engine(intents, knowledge, None, contexts=sqlite_stores.contexts, log=sqlite_stores.inquiries)
    app = create_app(settings, engine, sqlite_stores)
    async with live_server(app) as url, chromium() as page:
        await page.goto(url + "/")
        intent, _ = await ask_in_console(page, MISSED, 1)
        assert intent in ("", "—", "-") or intent != "size"  # not answered yet

        await page.goto(f"{url}/admin?token={TOKEN}")
        group = ("[...document.querySelectorAll('#queue tr.group')].find(r => "
                 f"[...r.querySelectorAll('.questions li')].some(li => li.textContent === {json.dumps(MISSED)}))")
        assert await page.evaluate(f"{group}.dataset.status") == "未対応"
        assert await page.evaluate(f"{group}.querySelector('button.add-to').value") == "size"
        await page.screenshot(Path("/tmp/jetbot-triage-queue.png"))
        await page.evaluate(f"{group}.id = 'the-group'")
        await page.click("#the-group button.add-to", navigates=True)

        assert await page.evaluate("location.pathname") == "/admin"
        assert await page.evaluate(f"{group}.dataset.status") == "対応済み"
        assert await page.evaluate(f"{group}.querySelector('.reasked code.intent').textContent") == "size"
        assert "add-example" in await page.evaluate("document.getElementById('edits').textContent")
        await page.screenshot(Path("/tmp/jetbot-triage-done.png"))

        await page.goto(url + "/")
        intent, score = await ask_in_console(page, MISSED, 1)
        assert intent == "size" and float(score) >= 50
    text = people.read_text(encoding="utf-8")
    assert f"      - {MISSED}\n" in text
    assert [line for line in text.splitlines() if "#" in line] == comments

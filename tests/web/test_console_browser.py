"""The web console in a real headless Chromium (DevTools protocol): chat, suggestion buttons, admin.

Runs on the repo's own intents/knowledge; while those do not load (they are being
written), on the mini fixture. Expected texts come from the engine itself, so the
assertions hold for either.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.engine import Engine, load_engine
from bot.core.knowledge_model import KnowledgeError
from bot.core.render import plain_text
from bot.settings import REPO_ROOT, Settings
from bot.core.types import IncomingMessage, Reply
from bot.web.app import create_app
from browser import chromium, live_server

pytestmark = pytest.mark.anyio
TOKEN = "browser-test-token-77d0"
SCREENSHOTS = Path("/tmp")




def kb_engine() -> tuple[Path, Path, Engine]:
    """The repo's YAML when it loads, else the mini fixture; with an engine over it."""
    intents, knowledge = REPO_ROOT / "intents", REPO_ROOT / "knowledge"
    try:
        return intents, knowledge, load_engine(intents, knowledge)
    except KnowledgeError:
        intents, knowledge = REPO_ROOT / "tests/fixtures/mini/intents", REPO_ROOT / "tests/fixtures/mini/knowledge"
        return intents, knowledge, load_engine(intents, knowledge)


def pick_question(engine: Engine) -> tuple[str, Reply]:
    """An example question answered outright with suggestions (links and a runner-up preferred)."""
    best: tuple[int, str, Reply] | None = None
    for intent in engine.kb.knowledge.intents:
        question = intent.examples[0]
        reply = engine.answer(IncomingMessage(question), remember=False)
        if reply.kind != "answer" or reply.intent_id != intent.id or not reply.suggestions:
            continue
        rank = 2 * bool(reply.links) + (len(reply.candidates) > 1)
        if best is None or rank > best[0]:
            best = (rank, question, reply)
        if rank == 3:
            break
    assert best is not None, "no intent answers its own first example with suggestions"
    return best[1], best[2]


def js(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


async def test_chat_page_and_admin_in_a_browser() -> None:
    intents, knowledge, engine = kb_engine()
    reference = engine  # expected answers: asked with remember=False, so no conversation is touched
    question, reply = pick_question(reference)
    app = create_app(Settings(intents_dir=intents, knowledge_dir=knowledge, admin_token=TOKEN), engine)
    async with live_server(app) as url, chromium() as page:
        await page.goto(url + "/")
        await page.type("#question", question)
        await page.press_enter()
        await page.wait_for("document.querySelectorAll('#log li.bot').length === 1")
        shown = await page.evaluate("document.querySelector('#log li.bot .answer-text').textContent")
        assert shown == plain_text(reply, suggestions=False)
        assert await page.evaluate("document.querySelector('#log li.user').textContent") == question
        assert await page.evaluate("document.querySelector('#log li.bot .meta-intent').textContent") == reply.intent_id
        assert await page.evaluate("document.querySelector('#log li.bot .meta-score').textContent") == \
            f"{reply.score:.1f}"
        runner = reply.candidates[1] if len(reply.candidates) > 1 else None
        assert await page.evaluate("document.querySelector('#log li.bot .meta-runnerup').textContent") == \
            (f"{runner.intent_id} ({runner.score:.1f})" if runner else "—")
        for link in reply.links:
            assert await page.evaluate(f"[...document.querySelectorAll('#log a')].some(a => a.href === "
                                       f"{js(link.url)} && a.textContent === {js(link.url)})")
        labels = await page.evaluate("[...document.querySelectorAll('#log li.bot .suggestion')]"
                                     ".map(b => b.textContent)")
        assert labels == [s.label for s in reply.suggestions]
        await page.screenshot(SCREENSHOTS / "jetbot-console.png")

        suggestion = reply.suggestions[0]
        await page.click("#log li.bot .suggestion")
        await page.wait_for("document.querySelectorAll('#log li.bot').length === 2")
        chosen = reference.answer(IncomingMessage(suggestion.label, choice=suggestion.intent_id), remember=False)
        assert await page.evaluate("document.querySelectorAll('#log li.bot .answer-text')[1].textContent") == \
            plain_text(chosen, suggestions=False)
        assert await page.evaluate("document.querySelectorAll('#log li.bot .meta-intent')[1].textContent") == \
            suggestion.intent_id
        assert await page.evaluate("document.querySelectorAll('#log li.user')[1].textContent") == suggestion.label

        hostile = '<img src=x onerror="window.pwned=1"><b>太字</b>'
        await page.type("#question", hostile)
        await page.press_enter()
        await page.wait_for("document.querySelectorAll('#log li.bot').length === 3")
        assert await page.evaluate("document.querySelectorAll('#log li.user')[2].textContent") == hostile
        assert await page.evaluate("document.querySelectorAll('#log img, #log b').length") == 0
        assert await page.evaluate("window.pwned === undefined")

        await page.goto(f"{url}/admin?token={TOKEN}")
        assert await page.evaluate("location.pathname + location.search") == "/admin"  # token gone from the URL
        assert await page.evaluate("document.getElementById('version').textContent") == engine.kb.version
        assert await page.evaluate("document.querySelector('#traffic svg.chart') !== null")
        assert await page.evaluate("document.cookie") == ""  # HttpOnly
        assert TOKEN not in await page.evaluate("document.documentElement.outerHTML")
        await page.screenshot(SCREENSHOTS / "jetbot-admin.png")

        await page.click("#reload", navigates=True)  # the page's form post, authenticated by the cookie
        assert await page.evaluate("location.pathname") == "/admin"
        assert "unchanged (admin)" in await page.evaluate("document.getElementById('knowledge').textContent")


async def test_the_chat_page_opens_with_the_topic_buttons(repo_engine: Engine) -> None:
    topics = repo_engine.greeting("ja").suggestions
    app = create_app(Settings(), repo_engine)
    async with live_server(app) as url, chromium() as page:
        await page.goto(url + "/")
        await page.wait_for(f"document.querySelectorAll('#topic-buttons button').length === {len(topics)}")
        labels = await page.evaluate("[...document.querySelectorAll('#topic-buttons button')].map(b => b.textContent)")
        assert labels == [t.label for t in topics]
        assert "答えられないこと:" in await page.evaluate("document.querySelector('#topics .about').textContent")
        await page.screenshot(SCREENSHOTS / "jetbot-console-topics.png")
        await page.click("#topic-buttons button")
        await page.wait_for("document.querySelectorAll('#log li.bot').length === 1")
        assert await page.evaluate("document.querySelector('#log li.user').textContent") == topics[0].label
        assert await page.evaluate("document.querySelector('#log li.bot .meta-intent').textContent") == \
            topics[0].intent_id
        shown = await page.evaluate("document.querySelector('#log li.bot .answer-text').textContent")
        chosen = repo_engine.answer(IncomingMessage(topics[0].label, choice=topics[0].intent_id), remember=False)
        assert shown == plain_text(chosen, suggestions=False)

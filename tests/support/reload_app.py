"""Shared by the reload tests: the app over an editable copy of the mini knowledge with a fast-settling
reloader, and what a user (the web chat) and an admin (``/healthz``) see of it."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Awaitable

import httpx

from bot.engine import Engine, load_engine
from bot.reload import Reloader
from bot.settings import Settings
from bot.web.app import create_app

TOKEN = "reload-test-token-8f2e"
QUESTION = "事例集には何件載っていますか"
BROKEN_LINE = 13  # intents/mini.yaml: the casebook_count intent


def make_app(kb_dir: Path, token: str | None = TOKEN, **options: Any) -> tuple[Any, Engine, Reloader]:
    """The app over ``kb_dir`` with a fast-settling reloader (``options`` go to :class:`Reloader`)."""
    settings = Settings(intents_dir=kb_dir / "intents", knowledge_dir=kb_dir / "knowledge", admin_token=token,
                        web_chat_per_minute=6000)  # these tests poll the chat until an edit shows
    engine = load_engine(settings.intents_dir, settings.knowledge_dir)
    reloader = Reloader(engine, settings.intents_dir, settings.knowledge_dir,
                        **{"quiet": 0.4, "step_ms": 100, "tick_ms": 300, **options})
    return create_app(settings, engine, reloader=reloader), engine, reloader


async def answer(client: httpx.AsyncClient, question: str = QUESTION) -> str:
    response = await client.post("/api/ask", json={"question": question})
    assert response.status_code == 200
    return response.json()["text"]


async def health(client: httpx.AsyncClient) -> dict[str, Any]:
    """``/healthz`` as an admin sees it."""
    return (await client.get("/healthz", headers={"Authorization": f"Bearer {TOKEN}"})).json()


async def contains(text: Awaitable[str], needle: str) -> bool:
    """Whether the awaited text contains ``needle`` (for polling with ``wait_until``)."""
    return needle in await text


async def rejected(client: httpx.AsyncClient) -> dict[str, Any] | None:
    """``/healthz`` when the last reload was rejected, else None."""
    status = await health(client)
    return status if status["knowledge"]["last_reload_rejected"] else None


async def not_rejected(client: httpx.AsyncClient) -> bool:
    """Whether the last reload was not rejected."""
    return (await health(client))["knowledge"]["last_reload_rejected"] is None

"""Fixtures of the Slack tests: the fixture knowledge, the fake Web API, the app speaking to it."""
from __future__ import annotations

from dataclasses import replace
from typing import AsyncIterator

import pytest
from pytest_httpserver import HTTPServer

from bot.core.knowledge_base import KnowledgeBase, load_kb
from bot.engine import Engine
from bot.storage.stores import Stores
from bot.web.app import create_app
from asgi import serving
from paths import INTENTS, KNOWLEDGE
from slack_api_fake import ADMIN, KB_DIR, PUBLIC_URL, FakeSlackApi, SlackBot, make_settings


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    """The Slack fixture knowledge (no menu)."""
    return load_kb(KB_DIR / "intents", KB_DIR / "knowledge")


@pytest.fixture
def fake(httpserver: HTTPServer) -> FakeSlackApi:
    return FakeSlackApi(httpserver)


@pytest.fixture
async def bot(fake: FakeSlackApi, kb: KnowledgeBase) -> AsyncIterator[SlackBot]:
    """The app on the fixture knowledge, without a store."""
    app = create_app(make_settings(fake), Engine(kb))
    async with serving(app, "http://jetbot") as http:
        yield SlackBot(app, http, fake)


@pytest.fixture
def repo_stores(sqlite_stores: Stores, repo_engine: Engine) -> tuple[Engine, Stores]:
    """A fresh SQLite store and an engine over the repo's knowledge (its menu) logging into it."""
    return Engine(repo_engine.kb, log=sqlite_stores.inquiries), sqlite_stores


@pytest.fixture
async def repo_bot(fake: FakeSlackApi, repo_stores: tuple[Engine, Stores]) -> AsyncIterator[SlackBot]:
    """The app on the repo's knowledge with an inquiry log, ``ADMIN`` as admin and a public URL."""
    engine, stores = repo_stores
    settings = replace(make_settings(fake, admin_ids=(ADMIN,)), public_url=PUBLIC_URL,
                       intents_dir=INTENTS, knowledge_dir=KNOWLEDGE)
    app = create_app(settings, engine, stores)
    async with serving(app, "http://jetbot") as http:
        yield SlackBot(app, http, fake)

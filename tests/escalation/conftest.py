"""Fixtures of the escalation tests: LINE and Slack stand-ins, the store, a movable clock, the app."""
from __future__ import annotations

from pathlib import Path
from typing import AsyncIterator, Iterator

import pytest
from pytest_httpserver import HTTPServer

from adapters.line.escalation import LinePusher
from bot.core.knowledge_base import KnowledgeBase, load_kb
from bot.engine import Engine
from bot.storage.stores import Stores, open_stores
from databases import storage_at
from escalation_flows import Clock
from escalation_harness import ADMIN, KB, MEMBER, OTHER_MEMBER, Client, LinePlatform, SlackPlatform, make_app, settings
from platform_server import PlatformServer


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb(KB / "intents", KB / "knowledge")


@pytest.fixture
def line() -> Iterator[LinePlatform]:
    server = PlatformServer()
    server.start()
    yield LinePlatform(server)
    server.close()


@pytest.fixture
def slack(httpserver: HTTPServer) -> SlackPlatform:
    return SlackPlatform(httpserver, {MEMBER, OTHER_MEMBER, ADMIN})


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Stores]:
    opened = open_stores(storage_at(str(tmp_path / "jetbot.sqlite3")))
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def fast_push(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(LinePusher, "backoff", 0.01)
    monkeypatch.setattr(LinePusher, "tries", 2)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def bot(line: LinePlatform, slack: SlackPlatform, kb: KnowledgeBase, store: Stores,
              clock: Clock) -> AsyncIterator[Client]:
    client = Client(make_app(settings(line, slack), Engine(kb), store, clock))
    yield client
    await client.settle()
    await client.close()

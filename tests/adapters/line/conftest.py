"""Fixtures of the LINE channel tests: the engine on the LINE fixture knowledge, the fake Messaging API, the app."""
from __future__ import annotations

from typing import Iterator

import pytest
from pytest_httpserver import HTTPServer
from starlette.applications import Starlette

from bot.engine import Engine, load_engine
from bot.settings import LineSettings, Settings
from bot.web.app import create_app
from line_api_fake import KB, SECRET, TOKEN, FakeLineApi


@pytest.fixture
def engine() -> Engine:
    """The real engine on the small LINE fixture knowledge base."""
    return load_engine(KB / "intents", KB / "knowledge")


@pytest.fixture
def fake_api(httpserver: HTTPServer) -> Iterator[FakeLineApi]:
    """The fake Messaging API; a hung reply is released when the test ends."""
    api = FakeLineApi(httpserver)
    yield api
    api.release.set()


@pytest.fixture
def line_settings(fake_api: FakeLineApi) -> Settings:
    return Settings(intents_dir=KB / "intents", knowledge_dir=KB / "knowledge",
                    line=LineSettings(channel_secret=SECRET, channel_access_token=TOKEN, api_url=fake_api.url))


@pytest.fixture
def app(line_settings: Settings, engine: Engine) -> Starlette:
    return create_app(line_settings, engine)

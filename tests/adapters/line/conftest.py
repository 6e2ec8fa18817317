"""Fixtures of the LINE channel tests: the engine on the LINE fixture knowledge, the fake Messaging API, the app."""
from __future__ import annotations

from typing import AsyncIterator, Iterator

import pytest
from pytest_httpserver import HTTPServer
from starlette.applications import Starlette

from bot.engine import Engine, load_engine
from bot.settings import LineSettings, Settings
from bot.web.app import create_app
from line_api_fake import KB, SECRET, TOKEN, FakeLineApi, FakeRichMenus
from platform_server import PlatformServer


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
async def app(line_settings: Settings, engine: Engine) -> AsyncIterator[Starlette]:
    """The app on the fixture knowledge, started and (at the end: replies drained, clients closed) stopped."""
    app = create_app(line_settings, engine)
    async with app.router.lifespan_context(app):
        yield app


OURS = {"richMenuId": "richmenu-old", "name": "jetbot: main topics", "chatBarText": "メニュー", "selected": True,
        "size": {"width": 2500, "height": 843}, "areas": []}
THEIRS = {"richMenuId": "richmenu-campaign", "name": "spring campaign", "chatBarText": "キャンペーン",
          "selected": False, "size": {"width": 2500, "height": 843}, "areas": []}


@pytest.fixture
def rich_menus(fake_api: FakeLineApi) -> FakeRichMenus:
    """The fake's rich menus: one made by jetbot before, one made by someone else."""
    return fake_api.serve_rich_menus([dict(OURS), dict(THEIRS)])


@pytest.fixture
def threaded_api() -> Iterator[FakeLineApi]:
    """A fake Messaging API answering requests side by side (one may hang while others go through)."""
    server = PlatformServer(threaded=True)
    server.start()
    api = FakeLineApi(server)
    yield api
    api.release.set()
    server.close()


@pytest.fixture
async def threaded_app(threaded_api: FakeLineApi, engine: Engine) -> AsyncIterator[Starlette]:
    """The app replying through :func:`threaded_api` (started and stopped like ``app``)."""
    app = create_app(Settings(intents_dir=KB / "intents", knowledge_dir=KB / "knowledge",
                              line=LineSettings(channel_secret=SECRET, channel_access_token=TOKEN,
                                                api_url=threaded_api.url)), engine)
    async with app.router.lifespan_context(app):
        yield app

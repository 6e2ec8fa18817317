"""The web chat's API: JSON only, only from our own page (or a script), and not faster than a person types."""
from __future__ import annotations

import json
from typing import AsyncIterator

import httpx
import pytest
from starlette.applications import Starlette

from bot.engine import Engine, load_engine
from bot.settings import Settings
from bot.web.app import create_app
from paths import FIXTURES

pytestmark = pytest.mark.anyio
MINI = FIXTURES / "mini"
QUESTION = json.dumps({"question": "総務省の電話番号"}, ensure_ascii=False).encode()


@pytest.fixture(scope="module")
def engine() -> Engine:
    return load_engine(MINI / "intents", MINI / "knowledge")


@pytest.fixture
def app(engine: Engine) -> Starlette:
    settings = Settings(intents_dir=MINI / "intents", knowledge_dir=MINI / "knowledge", web_chat_per_minute=6)
    return create_app(settings, engine)


def client_of(app: Starlette, address: str = "127.0.0.1") -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app, client=(address, 40000)), base_url="http://bot.test")


@pytest.fixture
async def http(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    async with client_of(app) as client:
        yield client


async def ask(http: httpx.AsyncClient, **headers: str) -> httpx.Response:
    return await http.post("/api/ask", content=QUESTION, headers={"content-type": "application/json", **headers})


async def test_our_page_and_scripts_are_answered(http: httpx.AsyncClient) -> None:
    for headers in ({"sec-fetch-site": "same-origin", "origin": "http://bot.test"}, {}):
        response = await ask(http, **headers)
        assert response.status_code == 200 and "03-5253-5527" in response.json()["text"]


@pytest.mark.parametrize("headers", [{"sec-fetch-site": "cross-site", "origin": "http://evil.example"},
                                     {"sec-fetch-site": "same-site"}, {"origin": "http://evil.example"}])
async def test_another_sites_page_cannot_post_through_a_staff_browser(http: httpx.AsyncClient,
                                                                       headers: dict[str, str]) -> None:
    response = await ask(http, **headers)
    assert response.status_code == 403 and response.json() == {"error": "cross-site request refused"}


@pytest.mark.parametrize("kind", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data", ""])
async def test_a_body_that_is_not_declared_json_is_415(http: httpx.AsyncClient, kind: str) -> None:
    response = await http.post("/api/ask", content=QUESTION, headers={"content-type": kind} if kind else {})
    assert response.status_code == 415 and "application/json" in response.json()["error"]


async def test_a_client_asking_too_fast_is_slowed_down_and_others_are_not(app: Starlette,
                                                                            http: httpx.AsyncClient) -> None:
    statuses = [(await ask(http)).status_code for _ in range(4)]          # burst of 6 per minute / 3 = 2
    assert statuses[:2] == [200, 200] and statuses[2:] == [429, 429]
    refused = await ask(http)
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
    async with client_of(app, "10.0.0.9") as other:
        assert (await ask(other)).status_code == 200


async def test_nesting_bombs_are_400_not_500(http: httpx.AsyncClient, caplog: pytest.LogCaptureFixture) -> None:
    bomb = b'{"question": ' + b"[" * 5000 + b"]" * 5000 + b"}"
    response = await http.post("/api/ask", content=bomb, headers={"content-type": "application/json"})
    assert response.status_code == 400 and "nested deeper" in response.json()["error"]
    assert "Traceback" not in caplog.text

"""Guessing the admin token: a few wrong tries are free, then each one waits longer; logged, never the token."""
from __future__ import annotations

from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from bot.web.admin.throttle import LoginThrottle

pytestmark = pytest.mark.anyio
TOKEN = "the-right-admin-token"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def guarded(clock: Clock) -> Any:
    async def admin(request: Any) -> PlainTextResponse:
        ok = request.headers.get("authorization") == f"Bearer {TOKEN}"
        return PlainTextResponse("ok" if ok else "no", status_code=200 if ok else 401)

    async def public(request: Any) -> PlainTextResponse:
        return PlainTextResponse("hello")

    app = Starlette(routes=[Route("/admin", admin), Route("/", public)])
    return LoginThrottle(app, free=3, cap=60, clock=clock)


def client(app: Any, address: str = "198.51.100.7") -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app, client=(address, 5000)), base_url="http://t")


async def test_wrong_tokens_wait_longer_and_longer(caplog: pytest.LogCaptureFixture) -> None:
    clock = Clock()
    app = guarded(clock)
    wrong = {"Authorization": "Bearer guess-123"}
    async with client(app) as http:
        statuses = [(await http.get("/admin", headers=wrong)).status_code for _ in range(4)]
        assert statuses == [401, 401, 401, 401]                 # 3 free, the 4th starts a 1 s wait
        blocked = await http.get("/admin", headers={"Authorization": f"Bearer {TOKEN}"})
        assert blocked.status_code == 429 and blocked.headers["retry-after"] == "1"   # even the right one waits
        clock.now += 1.1
        assert (await http.get("/admin", headers=wrong)).status_code == 401          # 5th failure: 2 s
        clock.now += 1.1
        assert (await http.get("/admin", headers=wrong)).status_code == 429
        clock.now += 1.0
        assert (await http.get("/admin", headers={"Authorization": f"Bearer {TOKEN}"})).status_code == 200
        assert [(await http.get("/admin", headers=wrong)).status_code for _ in range(3)] == [401] * 3  # reset
        assert (await http.get("/")).status_code == 200          # the rest of the site is never throttled
    assert "guess-123" not in caplog.text and TOKEN not in caplog.text
    assert "198.51.100.7 (5 failed attempt(s) in a row)" in caplog.text


async def test_one_address_guessing_does_not_lock_out_another() -> None:
    clock = Clock()
    app = guarded(clock)
    async with client(app) as attacker, client(app, "203.0.113.5") as admin:
        for _ in range(10):
            await attacker.get("/admin", headers={"Authorization": "Bearer nope"})
        assert (await attacker.get("/admin")).status_code == 429
        assert (await admin.get("/admin", headers={"Authorization": f"Bearer {TOKEN}"})).status_code == 200


async def test_the_real_app_throttles_its_admin_side_and_healthz() -> None:
    from bot.engine import load_engine
    from bot.settings import Settings
    from bot.web.app import create_app
    from paths import FIXTURES

    mini = FIXTURES / "mini"
    app = create_app(Settings(intents_dir=mini / "intents", knowledge_dir=mini / "knowledge", admin_token=TOKEN),
                     load_engine(mini / "intents", mini / "knowledge"))
    async with client(app) as http:
        codes = [(await http.get("/healthz", headers={"Authorization": f"Bearer x{n}"})).status_code for n in range(8)]
        assert codes[:5] == [401] * 5 and 429 in codes
        assert (await http.post("/admin/login", data={"token": TOKEN})).status_code == 429
        assert (await http.get("/healthz")).status_code == 200   # the public part stays open

"""``POST /admin/reload`` and what every reload guarantees: the token guards it, requests during a reload
are served by the old version, files changing during the load are not swapped in, a loader crash is a
rejection and not an outage, tokens never reach logs or pages."""
from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path

import httpx
import pytest

from bot.engine import load_engine
from bot.core.knowledge_base import KnowledgeBase, load_kb
from bot.reload import Reloader
from browser import live_server
from knowledge_edits import edit
from reload_app import BROKEN_LINE, TOKEN, answer, health, make_app

pytestmark = pytest.mark.anyio


async def test_admin_reload_endpoint(kb_dir: Path) -> None:
    app, engine, _ = make_app(kb_dir)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    k = kb_dir / "knowledge" / "k.yaml"
    async with live_server(app) as url, httpx.AsyncClient(base_url=url) as client:
        edit(k, "計30事例", "計33事例")
        assert "計30事例" in await answer(client)
        response = await client.post("/admin/reload", headers=auth)
        assert response.status_code == 200
        assert response.json() == {"status": "loaded", "trigger": "admin", "version": engine.kb.version,
                                   "errors": []}
        assert "計33事例" in await answer(client)
        edit(kb_dir / "intents" / "mini.yaml", "{fact:casebook_count}", "{fact:casebook_total}")
        edit(k, "計33事例", "計34事例")
        response = await client.post("/admin/reload", headers=auth)
        assert response.status_code == 422
        body = response.json()
        assert body["status"] == "rejected" and body["version"] == engine.kb.version
        assert any(f"mini.yaml:{BROKEN_LINE}: " in e for e in body["errors"])
        assert "計33事例" in await answer(client)
        assert (await health(client))["knowledge"]["last_reload_rejected"]["errors"] == body["errors"]
        assert (await client.post("/admin/reload", headers=auth)).json()["status"] == "rejected"


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN},
                                     {"Authorization": f"Basic {TOKEN}"}, {"Authorization": f"Bearer {TOKEN}x"}])
async def test_admin_reload_needs_the_token(kb_dir: Path, headers: dict[str, str]) -> None:
    app, engine, reloader = make_app(kb_dir)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://test") as client:
        response = await client.post("/admin/reload", headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert TOKEN not in response.text and reloader.last is None


async def test_admin_reload_is_off_without_a_token(kb_dir: Path) -> None:
    app, _, reloader = make_app(kb_dir, token=None)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://test") as client:
        for headers in ({}, {"Authorization": "Bearer "}, {"Authorization": "Bearer anything"}):
            response = await client.post("/admin/reload", headers=headers)
            assert response.status_code == 404
            assert "JETBOT_ADMIN_TOKEN" in response.json()["error"]
    assert reloader.last is None


async def test_requests_during_a_reload_are_served_by_the_old_version(kb_dir: Path) -> None:
    def slow_load(intents: Path, knowledge: Path) -> KnowledgeBase:
        time.sleep(3.0)  # in the worker thread: the event loop must stay free
        return load_kb(intents, knowledge)

    app, engine, _ = make_app(kb_dir, loader=slow_load)
    async with live_server(app) as url, httpx.AsyncClient(base_url=url) as client:
        edit(kb_dir / "knowledge" / "k.yaml", "計30事例", "計35事例")
        reload = asyncio.ensure_future(client.post("/admin/reload", headers={"Authorization": f"Bearer {TOKEN}"}))
        await asyncio.sleep(0.2)
        for _ in range(3):
            started = time.monotonic()
            assert "計30事例" in await answer(client)
            assert time.monotonic() - started < 1.5  # generous: CI machines are noisy
        assert not reload.done()
        assert (await reload).json()["status"] == "loaded"
        assert "計35事例" in await answer(client)


async def test_files_changing_during_every_load_are_not_swapped_in(kb_dir: Path) -> None:
    k = kb_dir / "knowledge" / "k.yaml"

    def busy_load(intents: Path, knowledge: Path) -> KnowledgeBase:
        kb = load_kb(intents, knowledge)
        k.write_text(k.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # someone still writing
        return kb

    engine = load_engine(kb_dir / "intents", kb_dir / "knowledge")
    version = engine.kb.version
    result = await Reloader(engine, kb_dir / "intents", kb_dir / "knowledge", quiet=0.05,
                            loader=busy_load).reload("test")
    assert result.status == "rejected" and "kept changing" in result.errors[0]
    assert engine.kb.version == version and engine.last_rejected is not None


async def test_unchanged_files_clear_an_old_rejection(kb_dir: Path) -> None:
    engine = load_engine(kb_dir / "intents", kb_dir / "knowledge")
    loaded_at = engine.kb.loaded_at
    engine.last_rejected = {"at": "x", "trigger": "watch", "errors": ["k.yaml:1: bad"]}
    result = await Reloader(engine, kb_dir / "intents", kb_dir / "knowledge").reload("admin")
    assert result.status == "unchanged" and engine.last_rejected is None
    assert engine.kb.loaded_at == loaded_at  # nothing swapped


async def test_tokens_never_reach_logs_pages_or_healthz(kb_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    app, _, _ = make_app(kb_dir)
    async with live_server(app) as url, httpx.AsyncClient(base_url=url) as client:
        login = await client.get(f"/admin?token={TOKEN}")
        assert login.status_code == 303 and login.headers["location"] == "/admin"
        bodies = [login.headers["set-cookie"], (await client.get("/admin")).text,
                  (await client.get("/healthz")).text, (await client.get("/")).text,
                  (await client.get(f"/admin?token={TOKEN}y")).text]
        await client.post("/admin/reload", headers={"Authorization": f"Bearer {TOKEN}"})
    server_log = "\n".join(f"{r.name} {r.getMessage()} {r.exc_text or ''}" for r in caplog.records
                           if not r.name.startswith(("httpx", "httpcore")))  # those are the test's client
    assert "jetbot admin" in bodies[1] and "token=***" in server_log  # the request was logged, redacted
    for text in [*bodies, server_log]:
        assert TOKEN not in text


async def test_a_loader_crash_is_a_rejection_not_an_outage(kb_dir: Path) -> None:
    def crashing_load(intents: Path, knowledge: Path) -> KnowledgeBase:
        raise KeyError("surprise")

    engine = load_engine(kb_dir / "intents", kb_dir / "knowledge")
    result = await Reloader(engine, kb_dir / "intents", kb_dir / "knowledge", loader=crashing_load).reload("x")
    assert result.status == "rejected" and "KeyError" in result.errors[0]
    assert engine.last_rejected is not None and engine.last_rejected["errors"] == list(result.errors)

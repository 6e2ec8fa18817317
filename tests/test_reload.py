"""Hot reload end to end: a real uvicorn server on loopback, a temp copy of the YAML, and edits to it.

Triggers: the file watcher, SIGHUP (sent to this process: the server runs in the test's event
loop, in the main thread, and the test checks the handler is installed first) and
``POST /admin/reload``. Broken and half-written files must never go live.
"""
from __future__ import annotations

import asyncio
import logging
import os
import shutil
import signal
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from bot.engine import Engine, load_engine
from bot.core.knowledge_base import KnowledgeBase, load_kb
from bot.reload import Reloader
from bot.settings import REPO_ROOT, Settings
from bot.web.app import create_app
from browser import live_server, wait_until
from paths import FIXTURES

pytestmark = pytest.mark.anyio
TOKEN = "reload-test-token-8f2e"
QUESTION = "事例集には何件載っていますか"
BROKEN_LINE = 13  # intents/mini.yaml: the casebook_count intent




@pytest.fixture
def kb_dir(tmp_path: Path) -> Path:
    """A private copy of the mini fixture (intents/ and knowledge/) to edit."""
    return Path(shutil.copytree(FIXTURES / "mini", tmp_path / "kb"))


def make_app(kb_dir: Path, token: str | None = TOKEN, **options: Any) -> tuple[Any, Engine, Reloader]:
    """The app over ``kb_dir`` with a fast-settling reloader (``options`` go to :class:`Reloader`)."""
    settings = Settings(intents_dir=kb_dir / "intents", knowledge_dir=kb_dir / "knowledge", admin_token=token,
                        web_chat_per_minute=6000)  # these tests poll the chat until an edit shows
    engine = load_engine(settings.intents_dir, settings.knowledge_dir)
    reloader = Reloader(engine, settings.intents_dir, settings.knowledge_dir,
                        **{"quiet": 0.4, "step_ms": 100, "tick_ms": 300, **options})
    return create_app(settings, engine, reloader=reloader), engine, reloader


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


async def answer(client: httpx.AsyncClient, question: str = QUESTION) -> str:
    response = await client.post("/api/ask", json={"question": question})
    assert response.status_code == 200
    return response.json()["text"]


async def health(client: httpx.AsyncClient) -> dict[str, Any]:
    """``/healthz`` as an admin sees it."""
    return (await client.get("/healthz", headers={"Authorization": f"Bearer {TOKEN}"})).json()


async def test_watcher_puts_an_edit_live_without_restart(kb_dir: Path) -> None:
    app, engine, _ = make_app(kb_dir, watch=True)
    old_version = engine.kb.version
    async with live_server(app) as url, httpx.AsyncClient(base_url=url) as client:
        await wait_until(lambda: health(client), 5, "healthz")
        await wait_until(lambda: engine is app.state.engine and app.state.reloader.watching, 10, "the watcher")
        assert "計30事例" in await answer(client)
        edit(kb_dir / "knowledge" / "k.yaml", "計30事例", "計31事例")
        await wait_until(lambda: _contains(answer(client), "計31事例"), 15, "the edit to go live")
        status = await health(client)
    assert status["knowledge"]["version"] == engine.kb.version != old_version
    assert status["knowledge"]["last_reload_rejected"] is None
    assert status["reload"]["last"]["status"] == "loaded" and status["reload"]["last"]["trigger"] == "watch"


async def _contains(text: Any, needle: str) -> bool:
    return needle in await text


async def test_broken_edit_is_rejected_with_file_line_and_old_answers_stay(
        kb_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    app, engine, _ = make_app(kb_dir, watch=True)
    version = engine.kb.version
    intents = kb_dir / "intents" / "mini.yaml"
    async with live_server(app) as url, httpx.AsyncClient(base_url=url) as client:
        await wait_until(lambda: app.state.reloader.watching, 10, "the watcher")
        edit(intents, "{fact:casebook_count}", "{fact:casebook_total}")
        status = await wait_until(lambda: _rejected(client), 15, "the rejection")
        errors = status["knowledge"]["last_reload_rejected"]["errors"]
        assert any(e.startswith(f"{intents}:{BROKEN_LINE}: ") and "casebook_total" in e for e in errors)
        assert status["knowledge"]["version"] == version
        assert "計30事例" in await answer(client)  # still served from the last good version
        edit(intents, "{fact:casebook_total}", "{fact:casebook_count}")  # fixed: back to the live content
        await wait_until(lambda: _not_rejected(client), 15, "the rejection to clear")
    assert f"{intents}:{BROKEN_LINE}: " in caplog.text and "rejected" in caplog.text
    assert engine.kb.version == version


async def _rejected(client: httpx.AsyncClient) -> dict[str, Any] | None:
    status = await health(client)
    return status if status["knowledge"]["last_reload_rejected"] else None


async def _not_rejected(client: httpx.AsyncClient) -> bool:
    return (await health(client))["knowledge"]["last_reload_rejected"] is None


EXTRA = ["intents:\n",
         "  - id: venue\n    title: 会場\n    examples: [会場はどこですか, 会場の場所, 会議の開催場所]\n"
         "    answer: 会場は東京です。\n",
         "  - id: parking\n    title: 駐車場\n    examples: [駐車場はありますか, 車で行けますか, 駐車場の有無]\n"
         "    answer: 駐車場はありません。\n",
         "  - id: lunch\n    title: 昼食\n    examples: [昼食は出ますか, お弁当はありますか, ランチの用意]\n"
         "    answer: 昼食は各自でご用意ください。\n"]


async def test_a_file_written_in_pieces_goes_live_only_when_complete(kb_dir: Path, tmp_path: Path) -> None:
    # Each piece ends at an intent boundary, so every prefix is itself valid YAML: only the
    # watcher's wait for quiet keeps the half-written states from going live.
    for n in range(2, len(EXTRA)):
        (tmp_path / "prefix").mkdir(exist_ok=True)
        (tmp_path / "prefix" / "extra.yaml").write_text("".join(EXTRA[:n]), encoding="utf-8")
        shutil.copy(kb_dir / "intents" / "mini.yaml", tmp_path / "prefix")
        load_kb(tmp_path / "prefix", kb_dir / "knowledge")  # valid on its own
    app, engine, _ = make_app(kb_dir, watch=True)
    swapped: list[str] = []
    original_swap = engine.swap

    def recording_swap(kb: KnowledgeBase) -> None:
        swapped.append(kb.version)
        original_swap(kb)

    engine.swap = recording_swap  # type: ignore[method-assign]
    async with live_server(app) as url, httpx.AsyncClient(base_url=url) as client:
        await wait_until(lambda: app.state.reloader.watching, 10, "the watcher")
        with (kb_dir / "intents" / "extra.yaml").open("w", encoding="utf-8") as out:
            for piece in EXTRA:
                out.write(piece)
                out.flush()
                await asyncio.sleep(0.12)  # a slow writer: well inside the reloader's 0.4 s quiet time
        await wait_until(lambda: _contains(answer(client, "昼食は出ますか"), "各自で"), 15, "the new file")
    final = load_kb(kb_dir / "intents", kb_dir / "knowledge").version
    assert swapped == [final]


async def test_a_truncated_file_is_rejected_and_never_live(kb_dir: Path) -> None:
    app, engine, _ = make_app(kb_dir, watch=True)
    version = engine.kb.version
    intents = kb_dir / "intents" / "mini.yaml"
    async with live_server(app) as url, httpx.AsyncClient(base_url=url) as client:
        await wait_until(lambda: app.state.reloader.watching, 10, "the watcher")
        intents.write_bytes(intents.read_bytes()[:600])  # cut in the middle of an intent
        status = await wait_until(lambda: _rejected(client), 15, "the rejection")
        assert any("YAML syntax error" in e for e in status["knowledge"]["last_reload_rejected"]["errors"])
        assert "計30事例" in await answer(client)
        assert "03-6734-3480" in await answer(client, "文部科学省の電話番号")  # intents past the cut still live
    assert engine.kb.version == version


async def test_sighup_reloads(kb_dir: Path) -> None:
    app, engine, reloader = make_app(kb_dir, watch=False, sighup=True)
    async with live_server(app) as url, httpx.AsyncClient(base_url=url) as client:
        assert reloader.sighup_installed, "the lifespan must install the SIGHUP handler"
        edit(kb_dir / "knowledge" / "k.yaml", "計30事例", "計32事例")
        await asyncio.sleep(0.8)
        assert "計30事例" in await answer(client)  # no watcher: nothing happens until the signal
        os.kill(os.getpid(), signal.SIGHUP)
        await wait_until(lambda: _contains(answer(client), "計32事例"), 10, "the SIGHUP reload")
        assert (await health(client))["reload"]["last"]["trigger"] == "sighup"
    assert not reloader.sighup_installed
    assert signal.getsignal(signal.SIGHUP) == signal.SIG_DFL


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

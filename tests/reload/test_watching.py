"""Edits reach the live bot without a request: the file watcher and SIGHUP, end to end on a real uvicorn
server on loopback over a temp copy of the YAML (SIGHUP is sent to this process: the server runs in the
test's event loop, in the main thread, and the test checks the handler is installed first). Broken and
half-written files must never go live."""
from __future__ import annotations

import asyncio
import logging
import os
import shutil
import signal
from pathlib import Path

import httpx
import pytest

from bot.core.knowledge_base import KnowledgeBase, load_kb
from browser import live_server, wait_until
from knowledge_edits import edit
from reload_app import BROKEN_LINE, answer, contains, health, make_app, not_rejected, rejected

pytestmark = pytest.mark.anyio


async def test_watcher_puts_an_edit_live_without_restart(kb_dir: Path) -> None:
    app, engine, _ = make_app(kb_dir, watch=True)
    old_version = engine.kb.version
    async with live_server(app) as url, httpx.AsyncClient(base_url=url) as client:
        await wait_until(lambda: health(client), 5, "healthz")
        await wait_until(lambda: engine is app.state.engine and app.state.reloader.watching, 10, "the watcher")
        assert "計30事例" in await answer(client)
        edit(kb_dir / "knowledge" / "k.yaml", "計30事例", "計31事例")
        await wait_until(lambda: contains(answer(client), "計31事例"), 15, "the edit to go live")
        status = await health(client)
    assert status["knowledge"]["version"] == engine.kb.version != old_version
    assert status["knowledge"]["last_reload_rejected"] is None
    assert status["reload"]["last"]["status"] == "loaded" and status["reload"]["last"]["trigger"] == "watch"





async def test_broken_edit_is_rejected_with_file_line_and_old_answers_stay(
        kb_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    app, engine, _ = make_app(kb_dir, watch=True)
    version = engine.kb.version
    intents = kb_dir / "intents" / "mini.yaml"
    async with live_server(app) as url, httpx.AsyncClient(base_url=url) as client:
        await wait_until(lambda: app.state.reloader.watching, 10, "the watcher")
        edit(intents, "{fact:casebook_count}", "{fact:casebook_total}")
        status = await wait_until(lambda: rejected(client), 15, "the rejection")
        errors = status["knowledge"]["last_reload_rejected"]["errors"]
        assert any(e.startswith(f"{intents}:{BROKEN_LINE}: ") and "casebook_total" in e for e in errors)
        assert status["knowledge"]["version"] == version
        assert "計30事例" in await answer(client)  # still served from the last good version
        edit(intents, "{fact:casebook_total}", "{fact:casebook_count}")  # fixed: back to the live content
        await wait_until(lambda: not_rejected(client), 15, "the rejection to clear")
    assert f"{intents}:{BROKEN_LINE}: " in caplog.text and "rejected" in caplog.text
    assert engine.kb.version == version



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
        await wait_until(lambda: contains(answer(client, "昼食は出ますか"), "各自で"), 15, "the new file")
    final = load_kb(kb_dir / "intents", kb_dir / "knowledge").version
    assert swapped == [final]


async def test_a_truncated_file_is_rejected_and_never_live(kb_dir: Path) -> None:
    app, engine, _ = make_app(kb_dir, watch=True)
    version = engine.kb.version
    intents = kb_dir / "intents" / "mini.yaml"
    async with live_server(app) as url, httpx.AsyncClient(base_url=url) as client:
        await wait_until(lambda: app.state.reloader.watching, 10, "the watcher")
        intents.write_bytes(intents.read_bytes()[:600])  # cut in the middle of an intent
        status = await wait_until(lambda: rejected(client), 15, "the rejection")
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
        await wait_until(lambda: contains(answer(client), "計32事例"), 10, "the SIGHUP reload")
        assert (await health(client))["reload"]["last"]["trigger"] == "sighup"
    assert not reloader.sighup_installed
    assert signal.getsignal(signal.SIGHUP) == signal.SIG_DFL

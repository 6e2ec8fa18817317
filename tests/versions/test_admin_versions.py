"""Versions through the running app: recorded on reload with a diff, listed on /admin, rolled back."""
from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from asgi import serving
from bot.storage.stores import Stores
from knowledge_edits import BEARER, NEW_FACT, OLD_FACT, QUESTION, edit, make_app

pytestmark = pytest.mark.anyio


async def answer(client: httpx.AsyncClient, question: str = QUESTION) -> str:
    response = await client.post("/api/ask", json={"question": question})
    assert response.status_code == 200
    return str(response.json()["text"])


async def versions(client: httpx.AsyncClient) -> list[dict[str, object]]:
    response = await client.get("/admin/versions", headers=BEARER)
    assert response.status_code == 200
    return list(response.json())


async def test_a_reload_records_a_version_with_what_changed_and_its_diff(kb_dir: Path, sqlite_stores: Stores) -> None:
    async with serving(make_app(kb_dir, sqlite_stores)) as client:
        first = await versions(client)
        assert [v["by"] for v in first] == ["startup"], "the files the bot started with are the first version"
        edit(kb_dir / "knowledge" / "k.yaml", OLD_FACT, NEW_FACT)
        edit(kb_dir / "intents" / "mini.yaml", "事例集の事例の数,", "事例集の事例の数, 事例はいくつ,")
        assert (await client.post("/admin/reload", headers=BEARER)).json()["status"] == "loaded"
        latest, previous = (await versions(client))[:2]
        assert latest["by"] == "admin" and previous["id"] == first[0]["id"]
        assert "1 example added" in str(latest["summary"]) and "facts:casebook_count" in str(latest["summary"])
        page = await client.get(f"/admin/versions/{latest['id']}", headers=BEARER)
        assert page.status_code == 200
        assert f"-    text: {OLD_FACT}" in page.text and f"+    text: {NEW_FACT}" in page.text
        assert "事例はいくつ" in page.text and "Roll back" not in page.text, "the live version offers no rollback"
        admin = (await client.get("/admin", headers=BEARER)).text
        assert f'href="/admin/versions/{previous["id"]}"' in admin and "Roll back to #" in admin
        assert (await client.post("/admin/reload", headers=BEARER)).json()["status"] == "unchanged"
        assert len(await versions(client)) == 2, "a reload that changes nothing is no new version"


async def test_a_rollback_is_a_new_version_and_the_old_answers_come_back(kb_dir: Path, sqlite_stores: Stores) -> None:
    async with serving(make_app(kb_dir, sqlite_stores)) as client:
        assert OLD_FACT in await answer(client)
        edit(kb_dir / "knowledge" / "k.yaml", OLD_FACT, NEW_FACT)
        await client.post("/admin/reload", headers=BEARER)
        assert NEW_FACT in await answer(client)
        original = (await versions(client))[-1]
        response = await client.post(f"/admin/versions/{original['id']}/rollback", headers=BEARER)
        assert response.status_code == 200 and response.json()["status"] == "loaded"
        assert OLD_FACT in await answer(client)
        assert OLD_FACT in (kb_dir / "knowledge" / "k.yaml").read_text(encoding="utf-8"), "the files were rolled back"
        newest = (await versions(client))[0]
        assert newest["by"] == "rollback" and newest["hash"] == original["hash"] and newest["id"] != original["id"]
        assert newest["note"] == f"rollback to #{original['id']} ({original['hash']})"
        assert response.json()["published"] == {"id": newest["id"], "hash": original["hash"]}


async def test_a_rollback_that_no_longer_loads_changes_nothing(kb_dir: Path, sqlite_stores: Stores) -> None:
    from bot.core.snapshot import KnowledgeSnapshot

    async with serving(make_app(kb_dir, sqlite_stores)) as client:
        live = await answer(client)
        bad = sqlite_stores.versions.publish(KnowledgeSnapshot.of({"intents/mini.yaml": "intents: [\n"}), "test")
        assert bad is not None
        response = await client.post(f"/admin/versions/{bad.id}/rollback", headers=BEARER)
        assert response.status_code == 422 and "mini.yaml" in " ".join(response.json()["errors"])
        assert await answer(client) == live
        assert (kb_dir / "knowledge" / "k.yaml").exists(), "the files that were there are put back"


async def test_rolling_back_needs_the_admin_and_a_same_origin_form(kb_dir: Path, sqlite_stores: Stores) -> None:
    async with serving(make_app(kb_dir, sqlite_stores)) as client:
        number = (await versions(client))[0]["id"]
        assert (await client.post(f"/admin/versions/{number}/rollback")).status_code == 401
        assert (await client.get("/admin/versions")).status_code == 401
        await client.get("/admin", params={"token": BEARER["Authorization"].split()[1]})
        cross = await client.post(f"/admin/versions/{number}/rollback", headers={"Origin": "https://evil.example"})
        assert cross.status_code == 403
        same = await client.post(f"/admin/versions/{number}/rollback", headers={"Origin": "http://bot"})
        assert same.status_code == 303 and same.headers["location"] == "/admin#versions"
        assert (await client.get("/admin/versions/999", headers=BEARER)).status_code == 404

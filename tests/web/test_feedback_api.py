"""👍 / 👎 in the web console: ``POST /api/ask`` gives the inquiry's id, ``POST /api/feedback``
records the vote (the latest of the same session counts once), and ``/admin`` shows the rates."""
from __future__ import annotations

import re
from typing import Any, AsyncIterator

import httpx
import pytest

from bot.engine import Engine, load_engine
from bot.settings import Settings
from bot.storage.stores import Stores
from bot.web.app import create_app
from asgi import serving
from paths import FIXTURES

pytestmark = pytest.mark.anyio
MINI = FIXTURES / "mini"
TOKEN = "feedback-test-admin-token"


@pytest.fixture
async def client(sqlite_stores: Stores) -> AsyncIterator[httpx.AsyncClient]:
    settings = Settings(intents_dir=MINI / "intents", knowledge_dir=MINI / "knowledge", admin_token=TOKEN,
                        web_chat_per_minute=600)
    engine = Engine(load_engine(MINI / "intents", MINI / "knowledge").kb, log=sqlite_stores.inquiries)
    app = create_app(settings, engine, sqlite_stores)
    async with serving(app, "http://test") as c:
        yield c


async def ask(client: httpx.AsyncClient, question: str, session: str = "s1") -> dict[str, Any]:
    response = await client.post("/api/ask", json={"question": question, "session": session})
    assert response.status_code == 200, response.text
    return response.json()


def votes(stores: Stores) -> list[tuple[str, int, str | None]]:
    return [(str(i), int(h), c) for i, h, c in stores.db.query("SELECT inquiry, helpful, comment FROM feedback")]


async def test_an_answer_has_an_inquiry_id_and_a_vote_is_recorded_once(client: httpx.AsyncClient,
                                                                      sqlite_stores: Stores) -> None:
    answer = await ask(client, "総務省の電話番号")
    [(ref,)] = sqlite_stores.db.query("SELECT ref FROM inquiries")
    assert answer["inquiry_id"] == ref and answer["feedback"] is True
    first = await client.post("/api/feedback", json={"inquiry_id": ref, "helpful": True, "session": "s1"})
    assert first.status_code == 200 and first.json()["ok"] is True
    second = await client.post("/api/feedback", json={"inquiry_id": ref, "helpful": False, "session": "s1",
                                                      "comment": "電話 03-1234-5678 に繋がらない"})
    assert second.status_code == 200
    [(inquiry, helpful, comment)] = votes(sqlite_stores)            # one vote: the latest
    assert (inquiry, helpful) == (ref, 0)
    assert comment.startswith("電話 ") and "03-1234-5678" not in comment  # masked like questions


async def test_a_fallback_asks_for_no_feedback(client: httpx.AsyncClient) -> None:
    answer = await ask(client, "駐車場はありますか")
    assert answer["fallback"] is True and answer["feedback"] is False and answer["inquiry_id"]


async def test_unknown_id_is_404_and_malformed_bodies_are_400(client: httpx.AsyncClient, sqlite_stores: Stores) -> None:
    ref = (await ask(client, "総務省の電話番号"))["inquiry_id"]
    assert (await client.post("/api/feedback", json={"inquiry_id": "no-such-id", "helpful": True})).status_code == 404
    for body in ({"helpful": True}, {"inquiry_id": ref}, {"inquiry_id": ref, "helpful": "yes"},
                 {"inquiry_id": 42, "helpful": True}, {"inquiry_id": ref, "helpful": 1},
                 {"inquiry_id": ref, "helpful": True, "comment": 5}, [ref, True],
                 {"inquiry_id": ref, "helpful": True, "comment": "x" * 1001}):
        response = await client.post("/api/feedback", json=body)
        assert response.status_code == 400 and "error" in response.json(), body
    bad_json = await client.post("/api/feedback", content=b"{not json", headers={"content-type": "application/json"})
    assert bad_json.status_code == 400
    deep = b'{"inquiry_id": ' + b"[" * 100 + b"]" * 100 + b"}"
    assert (await client.post("/api/feedback", content=deep, headers={"content-type": "application/json"})).status_code == 400
    form = await client.post("/api/feedback", data={"inquiry_id": ref, "helpful": "true"})
    assert form.status_code == 415
    other_site = await client.post("/api/feedback", json={"inquiry_id": ref, "helpful": True},
                                   headers={"origin": "https://evil.example"})
    assert other_site.status_code == 403
    assert votes(sqlite_stores) == []


async def test_admin_shows_answer_feedback_and_resolution_rates(client: httpx.AsyncClient) -> None:
    solved = (await ask(client, "総務省の電話番号", "a"))["inquiry_id"]
    unsolved = (await ask(client, "事例集には何件載っていますか", "b"))["inquiry_id"]
    await ask(client, "JETの参加者数は", "c")                     # answered, never rated
    await ask(client, "駐車場はありますか", "d")                   # a fallback
    for ref, helpful in ((solved, True), (unsolved, False)):
        assert (await client.post("/api/feedback", json={"inquiry_id": ref, "helpful": helpful})).status_code == 200
    page = await client.get("/admin", headers={"Authorization": f"Bearer {TOKEN}"})
    assert page.status_code == 200
    row = re.search(r'<tr id="feedback-overall">(.*?)</tr>', page.text).group(1)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
    # 4 questions, 3 answered (75 %), 2 of 3 answers rated (66.7 %), 1 helpful of 2 rated (50 %), 1 not helpful
    assert cells[1:] == ["4", "75.0%", "2", "66.7%", "1", "1", "50.0%"]
    assert "resolution rate: share of rated answers rated helpful" in page.text
    assert "answer rate: share of questions the bot answered" in page.text

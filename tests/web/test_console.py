"""The chat side of the web console: ``/``, ``/static/*`` and ``POST /api/ask`` (ASGI, no browser)."""
from __future__ import annotations

from typing import Any, AsyncIterator

import httpx
import pytest

from bot.engine import Engine, load_engine
from bot.core.render import plain_text, to_json
from bot.settings import Settings
from bot.core.types import IncomingMessage
from bot.web.app import create_app
from paths import FIXTURES

pytestmark = pytest.mark.anyio
MINI = FIXTURES / "mini"
ADMIN = "console-test-admin-token"




@pytest.fixture(scope="module")
def engine() -> Engine:
    return load_engine(MINI / "intents", MINI / "knowledge")


@pytest.fixture
async def client(engine: Engine) -> AsyncIterator[httpx.AsyncClient]:
    settings = Settings(intents_dir=MINI / "intents", knowledge_dir=MINI / "knowledge", admin_token=ADMIN)
    app = create_app(settings, engine)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://test") as c:
        yield c


async def ask(client: httpx.AsyncClient, **body: Any) -> dict[str, Any]:
    response = await client.post("/api/ask", json=body)
    assert response.status_code == 200, response.text
    return response.json()


async def test_ask_returns_the_json_rendering_plus_what_the_page_shows(client: httpx.AsyncClient,
                                                                      engine: Engine) -> None:
    question = "事例集には何件載っていますか"
    data = await ask(client, question=question, session="s1")
    reply = engine.answer(IncomingMessage(question), remember=False)
    expected = to_json(question, reply)
    for key, value in expected.items():
        if key != "candidates":
            assert data[key] == value, key
    assert [(c["intent"], c["score"]) for c in data["candidates"]] == \
        [(c["intent"], c["score"]) for c in expected["candidates"]]
    assert data["candidates"][0]["title"] == "事例集の事例数" == data["intent_title"]
    assert data["display"] == plain_text(reply, suggestions=False)  # suggestions become buttons
    assert "https://www.soumu.go.jp/kokusai/kouryu_JET.html" in data["display"]
    assert data["suggestions"] == [{"label": "参加者の規模", "intent": "size"}]
    assert data["version"] == engine.kb.version


async def test_a_choice_asks_that_intent(client: httpx.AsyncClient) -> None:
    data = await ask(client, question="参加者の規模", choice="size", session="s2")
    assert data["intent"] == "size" and data["score"] == 100.0 and "77,000" in data["text"]
    english = await ask(client, question="Size", choice="size", session="s2")
    assert english["language"] == "en" and "77,000 people" in english["text"]
    unknown = await ask(client, question="x", choice="no_such_intent")
    assert unknown["kind"] == "help" and unknown["intent"] is None


async def test_fallback_and_empty_questions(client: httpx.AsyncClient) -> None:
    fallback = await ask(client, question="明日の大阪の天気")
    assert fallback["fallback"] is True and fallback["intent"] is None
    assert (await ask(client))["kind"] == "help"


async def test_sessions_keep_their_own_context(client: httpx.AsyncClient, engine: Engine) -> None:
    await ask(client, question="総務省の連絡先を教えて", session="a")
    follow_a = await ask(client, question="メールアドレスは？", session="a")
    follow_b = await ask(client, question="メールアドレスは？", session="b")
    expected_b = engine.answer(IncomingMessage("メールアドレスは？", channel="web", conversation_id="b"),
                               remember=False)
    assert follow_a["intent"] == "contact_mic"
    assert follow_b["intent"] == expected_b.intent_id


@pytest.mark.parametrize("body, status", [
    (b"not json", 400), (b"[1, 2]", 400), (b'{"question": 5}', 400), (b'{"question": "a", "choice": 1}', 400),
    (b'{"question": "' + b"a" * 20_000 + b'"}', 413),
])
async def test_bad_requests_are_refused(client: httpx.AsyncClient, body: bytes, status: int) -> None:
    response = await client.post("/api/ask", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == status and "error" in response.json()


async def test_long_sessions_and_questions_are_cut(client: httpx.AsyncClient) -> None:
    data = await ask(client, question="事例集の事例の数" + "。" * 5000, session="s" * 500)
    assert data["intent"] == "casebook_count"


async def test_the_page_has_no_inline_script_and_a_strict_policy(client: httpx.AsyncClient) -> None:
    page = await client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe" not in csp
    assert '<script src="/static/console.js" defer></script>' in page.text
    assert page.text.count("<script") == 1
    script = await client.get("/static/console.js")
    assert script.status_code == 200 and script.headers["content-type"].startswith("text/javascript")
    assert "innerHTML" not in script.text and "textContent" in script.text
    assert (await client.get("/static/console.css")).headers["content-type"].startswith("text/css")
    for missing in ("/static/nope.js", "/static/..%2Fweb.py", "/static/../web.py"):
        assert (await client.get(missing)).status_code == 404


async def test_the_webhooks_and_healthz_are_still_there(client: httpx.AsyncClient) -> None:
    public = (await client.get("/healthz")).json()
    assert set(public) == {"status", "version", "loaded_at"} and public["status"] == "ok"
    health = (await client.get("/healthz", headers={"Authorization": f"Bearer {ADMIN}"})).json()
    assert health["status"] == "ok" and health["reload"] == {"watching": False, "sighup": False, "last": None}
    assert (await client.post("/line/webhook", content=b"{}")).status_code in (400, 401, 403, 503)
    assert (await client.post("/slack/events", content=b"{}")).status_code in (400, 401, 403, 503)


async def test_the_page_opens_with_the_topics_and_what_the_bot_can_and_cannot_answer(
        client: httpx.AsyncClient, engine: Engine) -> None:
    page = (await client.get("/")).text
    assert 'id="topic-buttons"' in page and "答えられること:" in page and "答えられないこと:" in page
    topics = (await client.get("/api/topics")).json()["topics"]
    assert topics == [{"label": s.label, "intent": s.intent_id} for s in engine.greeting("ja").suggestions] != []


async def test_the_topics_are_the_yaml_menu(repo_engine: Engine) -> None:
    app = create_app(Settings(), repo_engine)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://test") as c:
        topics = (await c.get("/api/topics")).json()["topics"]
    assert topics == [{"label": t.label, "intent": t.intent} for t in repo_engine.kb.knowledge.menu]

"""The admin side of the web console: auth (token, cookie, off switch), the page's content, the chart."""
from __future__ import annotations

import datetime as dt
import shutil
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, AsyncIterator

import httpx
import pytest
from starlette.requests import Request
from starlette.responses import Response

from bot.web.admin.auth import COOKIE, AdminAuth, redact
from bot.web.admin.chart import daily_chart
from bot.storage.inquiry_stats import DayCount
from bot.engine import load_engine
from bot.settings import Settings
from bot.core.types import Candidate, IncomingMessage, Reply
from bot.reload import Reloader
from bot.storage.stores import Stores, open_stores
from bot.web.admin.routes import admin_routes
from bot.web.app import create_app
from databases import storage_at
from starlette.applications import Starlette
from paths import FIXTURES

pytestmark = pytest.mark.anyio
TOKEN = "admin-test-token-41c9"
MINI = FIXTURES / "mini"
BEARER = {"Authorization": f"Bearer {TOKEN}"}




class FakeStats:
    """The inquiry figures the admin page reads, made up: a week of traffic, two intents, nothing unanswered."""

    def __init__(self) -> None:
        self.periods: list[tuple[dt.date, dt.date]] = []

    def daily(self, since: dt.date, until: dt.date) -> list[Any]:
        self.periods.append((since, until))
        return [DayCount((until - dt.timedelta(days=n)).isoformat(), 10 + n, n) for n in range(7)]

    def intent_volumes(self, since: dt.date | None = None, until: dt.date | None = None) -> list[tuple[str, int]]:
        return [("contact_mext", 42), ("size", 7)]

    def low_confidence(self, since: dt.date, until: dt.date, low: float, limit: int) -> list[Any]:
        return []


def app_for(kb: Path = MINI, token: str | None = TOKEN, stores: Stores | None = None) -> Starlette:
    settings = Settings(intents_dir=kb / "intents", knowledge_dir=kb / "knowledge", admin_token=token)
    return create_app(settings, load_engine(settings.intents_dir, settings.knowledge_dir), stores)


def admin_app_with(stats: Any) -> Starlette:
    """Only the admin routes, reading ``stats`` (a stand-in for the inquiry log's figures)."""
    engine = load_engine(MINI / "intents", MINI / "knowledge")
    routes = admin_routes(engine, Reloader(engine, MINI / "intents", MINI / "knowledge"), AdminAuth(TOKEN), stats)
    app = Starlette(routes=routes)
    app.state.engine = engine
    return app


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app_for()), base_url="http://test") as c:
        yield c


async def admin_page(app: Any) -> str:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://test") as c:
        response = await c.get("/admin", headers=BEARER)
    assert response.status_code == 200
    assert TOKEN not in response.text
    return response.text


async def test_admin_is_off_without_a_token() -> None:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app_for(token=None)), base_url="http://t") as c:
        for method, path in (("GET", "/admin"), ("GET", "/admin?token=x"), ("POST", "/admin/login"),
                             ("POST", "/admin/logout"), ("POST", "/admin/reload")):
            response = await c.request(method, path)
            assert response.status_code == 404 and "JETBOT_ADMIN_TOKEN" in response.text
        assert (await c.get("/")).status_code == 200  # the chat page stays on


async def test_token_in_the_url_becomes_a_cookie_and_goes_away(client: httpx.AsyncClient) -> None:
    first = await client.get("/admin")
    assert first.status_code == 401 and 'type="password"' in first.text
    wrong = await client.get("/admin?token=nope")
    assert wrong.status_code == 401 and "Wrong token" in wrong.text and "nope" not in wrong.text
    login = await client.get(f"/admin?token={TOKEN}")
    assert login.status_code == 303 and login.headers["location"] == "/admin"
    cookie = login.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/admin" in cookie
    assert TOKEN not in cookie and login.headers["cache-control"] == "no-store"
    page = await client.get("/admin")  # httpx kept the cookie
    assert page.status_code == 200 and "Live version" in page.text and TOKEN not in page.text
    assert (await client.post("/admin/logout")).status_code == 303
    assert (await client.get("/admin")).status_code == 401


async def test_login_form_and_bearer(client: httpx.AsyncClient) -> None:
    bad = await client.post("/admin/login", data={"token": TOKEN[:-1]})
    assert bad.status_code == 401 and COOKIE not in bad.headers.get("set-cookie", "")
    good = await client.post("/admin/login", data={"token": TOKEN})
    assert good.status_code == 303 and good.headers["set-cookie"].startswith(f"{COOKIE}=")
    client.cookies.clear()
    assert (await client.get("/admin", headers=BEARER)).status_code == 200
    assert (await client.get("/admin", headers={"Authorization": "Bearer x"})).status_code == 401


async def test_forged_and_expired_cookies_are_refused(client: httpx.AsyncClient) -> None:
    expires = int(time.time()) + 3600
    for value in (f"{expires}.{'0' * 64}", TOKEN, f"{expires}.", "garbage", ""):
        client.cookies.set(COOKIE, value, path="/admin")
        assert (await client.get("/admin")).status_code == 401
    now = [1_000_000.0]
    auth = AdminAuth(TOKEN, clock=lambda: now[0])
    issued = Response()
    auth.set_session(issued, Request({"type": "http", "headers": [], "scheme": "http", "server": ("t", 80),
                                      "path": "/", "query_string": b""}))
    value = issued.headers["set-cookie"].split(";")[0].split("=", 1)[1]

    def request_with(cookie: str) -> Request:
        return Request({"type": "http", "headers": [(b"cookie", f"{COOKIE}={cookie}".encode())]})

    assert auth.check_cookie(request_with(value))
    now[0] += 13 * 3600
    assert not auth.check_cookie(request_with(value))
    assert not AdminAuth("other-token", clock=lambda: 1_000_000.0).check_cookie(request_with(value))


async def test_the_page_button_reloads_only_from_our_own_origin(client: httpx.AsyncClient) -> None:
    await client.post("/admin/login", data={"token": TOKEN})
    for headers in ({"Origin": "null", "Sec-Fetch-Site": "same-origin"}, {"Origin": "http://test"}, {}):
        ok = await client.post("/admin/reload", headers=headers)
        assert ok.status_code == 303 and ok.headers["location"] == "/admin"
    for headers in ({"Origin": "http://evil.example"}, {"Sec-Fetch-Site": "cross-site"},
                    {"Sec-Fetch-Site": "same-site", "Origin": "http://test"}):
        assert (await client.post("/admin/reload", headers=headers)).status_code == 403
    page = (await client.get("/admin")).text
    assert "unchanged (admin)" in page


async def test_page_without_a_store_shows_version_findings_zero_volumes_and_an_empty_chart() -> None:
    app = app_for()
    html = await admin_page(app)
    kb = app.state.engine.kb
    assert f'<code id="version">{kb.version}</code>' in html
    assert "intent &#x27;contact_mext&#x27; has no answer_en" in html  # a validate() finding, escaped
    assert "No inquiry store configured" in html and "not available" in html
    for intent in kb.intents:
        assert f"<code>{intent}</code>" in html
    assert html.count('<td class="num">0</td>') == len(kb.intents)
    svg = html[html.index("<svg"):html.index("</svg>") + 6]
    ET.fromstring(svg)
    assert "No questions recorded yet" in svg and 'class="bar"' not in svg
    assert "<script" not in html


async def test_page_with_a_store_shows_volumes_and_the_chart() -> None:
    store = FakeStats()
    html = await admin_page(admin_app_with(store))
    since, until = store.periods[0]
    assert until == dt.datetime.now(dt.timezone.utc).date() and (until - since).days == 29
    rows = html[html.index('<section id="intents">'):]
    assert rows.index("contact_mext") < rows.index("<code>size</code>") < rows.index("casebook_count")
    assert '<td class="num">42</td>' in rows and '<td class="num">7</td>' in rows
    svg = html[html.index("<svg"):html.index("</svg>") + 6]
    assert svg.count('class="bar"') == 7 and 'class="fallback-rate"' in svg
    assert "No unanswered questions in the period" in html


async def test_page_with_the_real_store_groups_unanswered_questions(tmp_path: Path) -> None:
    store = open_stores(storage_at(str(tmp_path / "inquiries.sqlite3")))
    now = time.time()
    hostile = "<script>alert(1)</script>駐車場はありますか"
    for text in ["駐車場はありますか", "駐車場ある？", hostile]:
        store.inquiries.record(IncomingMessage(text, channel="line", user_id="U1"),
                     Reply(text="?", kind="fallback", fallback=True, score=20.0,
                           candidates=(Candidate("size", 20.0),)), "v1", now)
    store.inquiries.record(IncomingMessage("JETの参加者数は", channel="line", user_id="U2"),
                 Reply(text="a", intent_id="size", score=95.0, candidates=(Candidate("size", 95.0),)), "v1", now)
    try:
        html = await admin_page(app_for(stores=store))
    finally:
        store.close()
    section = html[html.index('<section id="unanswered">'):html.index('<section id="intents">')]
    assert '<td class="num">3</td>' in section and "駐車場はありますか" in section
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in section and "<script>" not in html
    svg = html[html.index("<svg"):html.index("</svg>") + 6]
    assert svg.count('class="bar"') == 30 and "4 questions, 3 fallbacks (75%)" in svg


async def test_a_failing_store_does_not_break_the_page() -> None:
    class Broken(FakeStats):
        def daily(self, since: dt.date, until: dt.date) -> list[Any]:
            raise ConnectionError("postgresql://jet:hunter2@db/jet unreachable")

    html = await admin_page(admin_app_with(Broken()))
    assert "could not read the inquiry store (ConnectionError)" in html and "hunter2" not in html


async def test_yaml_content_is_escaped_on_the_page(tmp_path: Path) -> None:
    kb = Path(shutil.copytree(MINI, tmp_path / "kb"))
    path = kb / "intents" / "mini.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "title: 参加者の規模", 'title: "<img src=x onerror=alert(1)>参加者の規模"'), encoding="utf-8")
    html = await admin_page(app_for(kb))
    assert "&lt;img src=x onerror=alert(1)&gt;参加者の規模" in html and "<img" not in html


def test_chart_is_valid_svg_and_escapes_labels() -> None:
    points = [DayCount(f"2024-06-{d:02d}", q, f) for d, q, f in ((1, 0, 0), (2, 12, 3), (3, 40, 40))]
    points.append(DayCount("<b>x</b>", 1, 0))
    svg = daily_chart(points)
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg") and svg.count('class="bar"') == 4 and "<b>" not in svg
    line = root.find("{http://www.w3.org/2000/svg}polyline")
    assert line is not None and len(line.get("points", "").split()) == 4
    assert "2024-06-03: 40 questions, 40 fallbacks (100%)" in svg and ">40<" in svg and ">30<" in svg


def test_redaction_of_tokens_in_request_lines() -> None:
    assert redact('GET /admin?token=abc&x=1 HTTP/1.1') == 'GET /admin?token=***&x=1 HTTP/1.1'
    assert redact("/admin?a=1&TOKEN=abc") == "/admin?a=1&TOKEN=***"
    assert redact("/api/ask") == "/api/ask"


async def test_the_page_does_not_wait_for_a_slow_yaml_check() -> None:
    # validate() builds the whole index: seconds on a busy machine. The page answers meanwhile.
    import threading
    from bot.validate import Finding
    release = threading.Event()

    def slow_check(intents: Path, knowledge: Path) -> list[Finding]:
        release.wait(10)
        return [Finding(intents / "a.yaml", 3, "warning", "example 'x' of 'a' matches intent 'b'")]

    engine = load_engine(MINI / "intents", MINI / "knowledge")
    reloader = Reloader(engine, MINI / "intents", MINI / "knowledge", checker=slow_check)
    app = Starlette(routes=admin_routes(engine, reloader, AdminAuth(TOKEN), FakeStats()))
    started = time.monotonic()
    assert "Checking the YAML" in await admin_page(app)
    assert time.monotonic() - started < 5
    release.set()
    assert len(await reloader.findings(wait=10)) == 1                  # the check that was started
    page = await admin_page(app)
    assert "Checking the YAML" not in page and "matches intent" in page

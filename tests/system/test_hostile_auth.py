"""Authentication: every state-changing endpoint needs it, secrets are compared in constant time,
and the admin side rejects a missing or wrong token and is off without one.

- Route enumeration: every POST route of the app is sent an unauthenticated request; it must be
  refused and change nothing. Known exceptions, stated in docs/reliability.md: ``/api/ask`` (the
  public web chat: it answers and logs the question like any channel, nothing else),
  ``/api/feedback`` (the console's 👍 / 👎: a vote on an inquiry whose unguessable id its answer
  carried; an unknown id is a 404 and writes nothing) and ``/admin/logout`` (clears the caller's own cookie; no server state). A new POST route fails
  this test until it is added to the table below with how it is protected.
- Constant time: ``hmac.compare_digest`` is spied on while LINE, Slack and admin credentials are
  checked (the SDKs' own verifiers call it), and the source is checked for ``==`` on secrets.
"""
from __future__ import annotations

import ast
import hmac
import time
from dataclasses import replace
from pathlib import Path
from typing import Any, AsyncIterator

import httpx
import pytest
from starlette.routing import Route

import line_api_fake
import slack_api_fake
from bot.web.admin.auth import AdminAuth
from bot.core.knowledge_base import KnowledgeBase, load_kb
from bot.settings import REPO_ROOT, LineSettings, Settings, SlackSettings
from bot.storage.stores import open_stores
from databases import storage_at
from bot.web.app import create_app
from proc import ADMIN_TOKEN, LINE_KB, StandIn, serving_engine, stand_in_settings

pytestmark = pytest.mark.anyio

# POST route -> status for a request without credentials (None: public, see the module docstring)
POST_ROUTES = {"/line/webhook": 400, "/slack/events": 401, "/admin/login": 401, "/admin/reload": 401,
               "/admin/logout": None, "/api/ask": None, "/api/feedback": None, "/admin/triage/examples": 401,
               "/admin/triage/draft": 401, "/admin/triage/intent": 401, "/admin/triage/out-of-scope": 401,
               "/admin/versions/{number:int}/rollback": 401}




@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb(LINE_KB / "intents", LINE_KB / "knowledge")


def settings(stand_in: StandIn, admin: str | None = ADMIN_TOKEN, channels: bool = True) -> Settings:
    base = stand_in_settings(stand_in, admin_token=admin)
    if channels:
        return base
    return replace(base, line=LineSettings(api_url=stand_in.url), slack=SlackSettings(api_url=stand_in.slack_url))


@pytest.fixture
async def made(kb: KnowledgeBase, tmp_path: Path) -> AsyncIterator[Any]:
    stand_in = StandIn()
    stores = []
    apps = []

    def make(**options: Any) -> tuple[Any, httpx.AsyncClient, Any]:
        store = open_stores(storage_at(str(tmp_path / f"log{len(stores)}.sqlite3")))
        stores.append(store)
        app = create_app(settings(stand_in, **options), serving_engine(kb, store), store)
        apps.append(app)
        return app, httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bot"), store

    yield make, stand_in
    for app in apps:  # what uvicorn's shutdown does: drain the replies, close the API clients
        async with app.router.lifespan_context(app):
            pass
    for store in stores:
        store.close()
    stand_in.close()


def post_routes(app: Any) -> list[str]:
    return sorted(r.path for r in app.routes if isinstance(r, Route) and "POST" in (r.methods or ()))


async def test_every_post_route_refuses_unauthenticated_requests(made: Any) -> None:
    make, stand_in = made
    app, http, store = make()
    routes = post_routes(app)
    assert set(routes) == set(POST_ROUTES), f"new or removed POST routes: {set(routes) ^ set(POST_ROUTES)}"
    version = app.state.engine.kb.version
    async with http:
        for path in routes:
            for body, headers in ((b"{}", {"content-type": "application/json"}),
                                  (b"token=", {"content-type": "application/x-www-form-urlencoded"})):
                response = await http.post(path.replace("{number:int}", "1"), content=body, headers=headers)
                expected = POST_ROUTES[path]
                if expected == 401:  # after five failed logins the throttle answers 429: refused all the same
                    assert response.status_code in (401, 429), (path, response.status_code)
                elif expected is not None:
                    assert response.status_code == expected, (path, response.status_code)
        await app.state.background.drain(5)
    assert stand_in.requests() == [] and app.state.reloader.last is None
    assert app.state.engine.kb.version == version
    assert store.db.query("SELECT count(*) FROM dedupe") == [(0,)]
    channels = {c for (c,) in store.db.query("SELECT DISTINCT channel FROM inquiries")}
    assert channels <= {"web"}   # only the public chat logged anything


async def test_public_exceptions_change_no_server_state_beyond_the_chat_log(made: Any) -> None:
    make, _ = made
    app, http, store = make()
    async with http:
        logout = await http.post("/admin/logout")
        assert logout.status_code == 303 and "jetbot_admin=\"\"" in logout.headers["set-cookie"]
        ask = await http.post("/api/ask", json={"question": "総務省の電話番号"})
        assert ask.status_code == 200 and ask.json()["intent"]
    assert app.state.reloader.last is None
    assert store.db.query("SELECT channel, count(*) FROM inquiries GROUP BY channel") == [("web", 1)]


async def test_everything_admin_is_off_without_a_token(made: Any) -> None:
    make, _ = made
    app, http, _ = make(admin=None)
    async with http:
        for method, path in [("GET", "/admin"), ("GET", f"/admin?token={ADMIN_TOKEN}"), ("POST", "/admin/login"),
                             ("POST", "/admin/logout"), ("POST", "/admin/reload"),
                             ("POST", "/admin/triage/examples"), ("POST", "/admin/triage/out-of-scope")]:
            response = await http.request(method, path, headers={"Authorization": f"Bearer {ADMIN_TOKEN}"})
            assert response.status_code == 404 and "JETBOT_ADMIN_TOKEN" in response.text, path
    assert app.state.reloader.last is None


async def test_channels_without_credentials_are_off(made: Any) -> None:
    make, stand_in = made
    app, http, _ = make(channels=False)
    async with http:
        body, headers = line_api_fake.webhook_body(line_api_fake.text_event("x")), {"x-line-signature": "A"}
        assert (await http.post("/line/webhook", content=body, headers=headers)).status_code == 503
        assert (await http.post("/slack/events", content=b"{}")).status_code == 503
    assert stand_in.requests() == []


def cookie_for(token: str, expires: int) -> str:
    auth = AdminAuth(token)
    return f"{expires}.{auth._sign(expires)}"


BAD_CREDENTIALS = [
    ("none", {}, None),
    ("bearer-wrong", {"Authorization": "Bearer wrong"}, None),
    ("bearer-empty", {"Authorization": "Bearer "}, None),
    ("bearer-prefix", {"Authorization": f"Bearer {ADMIN_TOKEN[:-1]}"}, None),
    ("bearer-longer", {"Authorization": f"Bearer {ADMIN_TOKEN}0"}, None),
    ("basic-scheme", {"Authorization": f"Basic {ADMIN_TOKEN}"}, None),
    ("token-alone", {"Authorization": ADMIN_TOKEN}, None),
    ("cookie-other-token", {}, cookie_for("another-token", int(time.time()) + 3600)),
    ("cookie-expired", {}, cookie_for(ADMIN_TOKEN, int(time.time()) - 1)),
    ("cookie-garbage", {}, "garbage"),
]


@pytest.mark.parametrize("headers, cookie", [c[1:] for c in BAD_CREDENTIALS], ids=[c[0] for c in BAD_CREDENTIALS])
async def test_admin_page_and_reload_reject_missing_or_wrong_credentials(made: Any, headers: dict[str, str],
                                                                          cookie: str | None) -> None:
    make, _ = made
    app, http, _ = make()
    async with http:
        if cookie is not None:
            headers = {**headers, "Cookie": f"jetbot_admin={cookie}"}
        page = await http.get("/admin", headers=headers)
        assert page.status_code == 401 and "Log in" in page.text and app.state.engine.kb.version not in page.text
        reload = await http.post("/admin/reload", headers={**headers, "sec-fetch-site": "same-origin"})
        assert reload.status_code == 401
        wrong = await http.get("/admin", params={"token": "wrong"})
        assert wrong.status_code == 401
    assert app.state.reloader.last is None


async def test_the_right_credentials_do_work(made: Any) -> None:
    """The control for the test above: the same requests with the right token or cookie get in."""
    make, _ = made
    app, http, _ = make()
    good_cookie = f"jetbot_admin={cookie_for(ADMIN_TOKEN, int(time.time()) + 3600)}"
    async with http:
        assert (await http.get("/admin", headers={"Authorization": f"Bearer {ADMIN_TOKEN}"})).status_code == 200
        assert (await http.get("/admin", headers={"Cookie": good_cookie})).status_code == 200
        assert (await http.get("/admin", params={"token": ADMIN_TOKEN})).status_code == 303
        reload = await http.post("/admin/reload", headers={"Authorization": f"Bearer {ADMIN_TOKEN}"})
        assert reload.status_code == 200 and reload.json()["status"] == "unchanged"


# --- constant-time comparisons ----------------------------------------------------------------------

@pytest.fixture
def compare_spy(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bytes | str, bytes | str]]:
    calls: list[tuple[Any, Any]] = []
    real = hmac.compare_digest

    def spy(a: Any, b: Any) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    return calls


def as_text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


async def test_signatures_and_tokens_are_compared_with_compare_digest(made: Any, compare_spy: list[Any]) -> None:
    make, _ = made
    app, http, _ = make()
    line_body = line_api_fake.webhook_body(line_api_fake.text_event("総務省の電話番号"))
    forged_line = line_api_fake.sign(line_body, "guess")
    slack_body = slack_api_fake.envelope(slack_api_fake.direct_message("参加者は何人"), "EvCONST01")
    forged_slack = slack_api_fake.signed_headers(slack_body, secret="guess")
    async with http:
        checks = [
            ("line", await http.post("/line/webhook", content=line_body, headers={"x-line-signature": forged_line}),
             forged_line),
            ("slack", await http.post("/slack/events", content=slack_body.encode(), headers=forged_slack),
             forged_slack["x-slack-signature"]),
            ("admin bearer", await http.post("/admin/reload", headers={"Authorization": "Bearer guess-token"}),
             "guess-token"),
            ("admin url", await http.get("/admin", params={"token": "guess-url-token"}), "guess-url-token"),
        ]
        forged_cookie = f"jetbot_admin={int(time.time()) + 60}.{'0' * 64}"
        checks.append(("admin cookie", await http.get("/admin", headers={"Cookie": forged_cookie}), "0" * 64))
    for name, response, forged in checks:
        assert response.status_code in (400, 401), name
        assert any(forged in (as_text(a), as_text(b)) for a, b in compare_spy), f"{name}: not compared in constant time"


def test_no_secret_is_compared_with_equality_in_the_source() -> None:
    """``==``/``!=`` on anything named like a signature, token or secret (``is None`` is fine)."""
    suspicious = []
    for folder in ("bot", "adapters"):
        for path in sorted((REPO_ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Compare) and any(isinstance(op, (ast.Eq, ast.NotEq)) for op in node.ops):
                    names = " ".join(ast.unparse(part) for part in [node.left, *node.comparators])
                    literal = all(isinstance(p, ast.Constant) for p in node.comparators)
                    if any(word in names.lower() for word in ("signature", "token", "secret")) and not literal:
                        suspicious.append(f"{path.relative_to(REPO_ROOT)}:{node.lineno}: {ast.unparse(node)}")
    assert suspicious == []

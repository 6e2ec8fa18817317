"""Admin endpoints: ``/admin`` (page), ``/admin/login``, ``/admin/logout`` and ``/admin/reload``.

Off (404 with a message) unless ``JETBOT_ADMIN_TOKEN`` is set. ``/admin/reload``
takes ``Authorization: Bearer <token>`` (scripts; JSON answer) or the session
cookie from a same-origin form post (the page's button; redirect back). The page
takes the Bearer header, the cookie, or ``?token=`` once, which is exchanged for
the cookie and redirected away so the token does not stay in the address bar.
"""
from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from bot.web.admin.traffic import read_traffic
from bot.web.admin.feedback_section import feedback_html
from bot.web.admin.page import admin_page, login_page
from bot.web.admin.auth import COOKIE, COOKIE_PATH, OFF_MESSAGE, AdminAuth
from bot.web.admin.triage_routes import TriageDesk
from bot.web.admin.versions import SHOWN, version_routes, versions_html
from bot.versions.publisher import KnowledgePublisher
from adapters.http import Refused, read_body
from bot.web.console import SECURITY_HEADERS
from bot.engine import Engine
from bot.reload import Reloader

PAGE_HEADERS = {**SECURITY_HEADERS, "Cache-Control": "no-store"}
UNAUTHORISED = "missing or wrong admin token (send Authorization: Bearer <JETBOT_ADMIN_TOKEN>)"


def _off(json: bool = False) -> Response:
    if json:
        return JSONResponse({"error": OFF_MESSAGE}, status_code=404)
    return PlainTextResponse(OFF_MESSAGE, status_code=404)


def _login(message: str, status: int = 401) -> Response:
    return HTMLResponse(login_page(message), status_code=status, headers=PAGE_HEADERS)


async def _form_token(request: Request, limit: int = 4096) -> str | None:
    body = await read_body(request, limit)
    values = parse_qs(body.decode("utf-8", "replace")).get("token")
    return values[0] if values else None


def admin_routes(engine: Engine, reloader: Reloader, auth: AdminAuth, stats: Any | None = None,
                 deliveries: Any | None = None, inbox: Any | None = None,
                 triage: TriageDesk | None = None, feedback: Any | None = None,
                 versions: KnowledgePublisher | None = None) -> list[BaseRoute]:
    """Routes for the admin side (all of them answer 404 while no token is configured); ``stats`` and
    ``deliveries`` read the inquiry log, ``inbox`` tells what is still to be answered, ``triage`` is the
    queue of what needs a person (its forms post to ``/admin/triage/*``), ``versions`` records and rolls
    back knowledge versions."""

    def start_session(request: Request) -> Response:
        response = RedirectResponse("/admin", status_code=303, headers=PAGE_HEADERS)
        auth.set_session(response, request)
        return response

    async def page(request: Request) -> Response:
        if not auth.enabled:
            return _off()
        token = request.query_params.get("token")
        if token is not None:
            return start_session(request) if auth.check_token(token) else _login("Wrong token.")
        if not (auth.check_bearer(request) or auth.check_cookie(request)):
            return _login("Log in with the admin token.")
        kb, info = engine.kb, engine.version_info()
        findings = await reloader.findings()
        traffic = await read_traffic(stats, kb.knowledge.synonyms, deliveries=deliveries)
        waiting = await asyncio.to_thread(inbox.summary) if inbox is not None else None
        sections = await triage.sections() if triage is not None else {}
        history = await asyncio.to_thread(versions.versions.history, SHOWN) if versions is not None else None
        html = admin_page(kb, info, reloader.status(), findings, traffic, waiting, **sections,
                          feedback=await feedback_html(feedback), versions=versions_html(history))
        return HTMLResponse(html, headers=PAGE_HEADERS)

    async def login(request: Request) -> Response:
        if not auth.enabled:
            return _off()
        try:
            token = await _form_token(request)
        except Refused as refused:
            return PlainTextResponse(refused.reason, status_code=refused.status)
        return start_session(request) if auth.check_token(token) else _login("Wrong token.")

    async def logout(request: Request) -> Response:
        if not auth.enabled:
            return _off()
        response = RedirectResponse("/admin", status_code=303, headers=PAGE_HEADERS)
        response.delete_cookie(COOKIE, path=COOKIE_PATH, httponly=True, samesite="strict")
        return response

    async def reload(request: Request) -> Response:
        if not auth.enabled:
            return _off(json=True)
        bearer = auth.check_bearer(request)
        if not bearer and not auth.check_cookie(request):
            return JSONResponse({"error": UNAUTHORISED}, status_code=401,
                                headers={"WWW-Authenticate": 'Bearer realm="jetbot-admin"'})
        if not bearer and not auth.same_origin(request):
            return JSONResponse({"error": "cross-site request refused"}, status_code=403)
        result = await reloader.reload("admin")
        if not bearer:  # the page's button: back to the page, which shows the outcome
            return RedirectResponse("/admin", status_code=303, headers=PAGE_HEADERS)
        return JSONResponse(result.to_dict(), status_code=422 if result.status == "rejected" else 200)

    return [
        Route("/admin", page, methods=["GET"]),
        Route("/admin/login", login, methods=["POST"]),
        Route("/admin/logout", logout, methods=["POST"]),
        Route("/admin/reload", reload, methods=["POST"]),
        *(triage.routes() if triage is not None else []),
        *version_routes(versions, auth),
    ]

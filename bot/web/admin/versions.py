"""``/admin``'s knowledge versions: the list, one version's diff, and rolling back to it.

- ``GET /admin/versions`` — the versions as JSON (newest first);
- ``GET /admin/versions/{n}`` — version ``n``: who, when, what changed, and the unified diff of its
  YAML against the version before it, with a rollback button;
- ``POST /admin/versions/{n}/rollback`` — make version ``n``'s YAML live again (a new version):
  Bearer token (JSON answer; 422 with the errors if it no longer loads) or the page's session
  cookie from a same-origin form (redirect back to ``/admin#versions``).
"""
from __future__ import annotations

import asyncio
import time
from html import escape
from string import Template
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from bot.core.snapshot import unified_diff
from bot.storage.knowledge_versions import KnowledgeVersion
from bot.versions.publisher import KnowledgePublisher
from bot.web.admin.auth import OFF_MESSAGE, AdminAuth
from bot.web.console import SECURITY_HEADERS, template

PAGE_HEADERS = {**SECURITY_HEADERS, "Cache-Control": "no-store"}
SHOWN = 20  # versions listed on /admin


def _when(at: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(at))


def _e(value: Any) -> str:
    return escape("" if value is None else str(value))


def _rollback_form(version: KnowledgeVersion) -> str:
    return (f'<form method="post" action="/admin/versions/{version.id}/rollback" class="inline">'
            f'<button type="submit">Roll back to #{version.id}</button></form>')


def versions_html(history: list[KnowledgeVersion] | None) -> str:
    """The ``/admin`` section: the latest versions, the live one first, with their diffs and rollbacks."""
    if history is None:
        return '<p class="level-info">No store configured: versions are not recorded.</p>'
    if not history:
        return '<p class="level-info">No version recorded yet.</p>'
    rows = []
    for n, v in enumerate(history):
        action = "live" if n == 0 else (_rollback_form(v) if v.has_yaml else "YAML pruned")
        note = f"<br><small>{_e(v.note)}</small>" if v.note else ""
        rows.append(f'<tr><td><a href="/admin/versions/{v.id}">#{v.id}</a></td><td><code>{_e(v.hash)}</code></td>'
                    f"<td>{_e(_when(v.at))}</td><td>{_e(v.by)}</td><td>{_e(v.changes.summary())}{note}</td>"
                    f"<td>{action}</td></tr>")
    return ('<table id="version-list"><thead><tr><th>#</th><th>Hash</th><th>When</th><th>By</th><th>What changed</th>'
            f'<th></th></tr></thead><tbody>{"".join(rows)}</tbody></table>')


def diff_html(diff: str) -> str:
    """A unified diff, escaped, its added and removed lines marked for colour."""
    def line(text: str) -> str:
        kind = "add" if text.startswith("+") and not text.startswith("+++") else (
            "del" if text.startswith("-") and not text.startswith("---") else "")
        return f'<span class="{kind}">{_e(text)}</span>' if kind else _e(text)
    return "".join(line(text) for text in diff.splitlines(keepends=True))


def version_page(version: KnowledgeVersion, previous: KnowledgeVersion | None, live: bool) -> str:
    """One version: its facts and the diff of its YAML against the version before it."""
    if version.snapshot is None:
        diff = "(the YAML of this version was pruned)"
    elif previous is not None and previous.snapshot is None:
        diff = "(the YAML of the version before was pruned)"
    else:
        diff = unified_diff(previous.snapshot if previous else None, version.snapshot) or "(no change in the YAML)"
    against = f"#{previous.id} ({previous.hash})" if previous else "nothing (the first version)"
    return Template(template("admin_version.html")).substitute(
        id=version.id, hash=_e(version.hash), when=_e(_when(version.at)), by=_e(version.by),
        note=_e(version.note or ""), summary=_e(version.changes.summary()), against=_e(against), diff=diff_html(diff),
        action="<p>This is the live version.</p>" if live else (_rollback_form(version) if version.snapshot else ""))


def version_routes(publisher: KnowledgePublisher | None, auth: AdminAuth) -> list[BaseRoute]:
    """The routes above (404 while the admin side is off or no store records versions)."""

    def refused(request: Request, write: bool) -> Response | None:
        if not auth.enabled or publisher is None:
            return JSONResponse({"error": OFF_MESSAGE if not auth.enabled else "no store: versions are not kept"},
                                status_code=404)
        bearer = auth.check_bearer(request)
        if not bearer and not auth.check_cookie(request):
            return JSONResponse({"error": "missing or wrong admin token"}, status_code=401,
                                headers={"WWW-Authenticate": 'Bearer realm="jetbot-admin"'})
        if write and not bearer and not auth.same_origin(request):
            return JSONResponse({"error": "cross-site request refused"}, status_code=403)
        return None

    async def listing(request: Request) -> Response:
        if (no := refused(request, write=False)) is not None:
            return no
        assert publisher is not None
        history = await asyncio.to_thread(publisher.versions.history)
        return JSONResponse([{"id": v.id, "hash": v.hash, "at": _when(v.at), "by": v.by, "note": v.note,
                              "summary": v.changes.summary(), "changes": v.changes.to_json(), "yaml": v.has_yaml}
                             for v in history], headers={"Cache-Control": "no-store"})

    async def target(request: Request, write: bool) -> KnowledgeVersion | Response:
        """The version the path names, or the refusal (not allowed, no such version)."""
        if (no := refused(request, write)) is not None:
            return no
        assert publisher is not None
        number = request.path_params["number"]
        version = await asyncio.to_thread(publisher.versions.get, number)
        if version is None:
            return PlainTextResponse(f"no knowledge version #{number}", status_code=404)
        return version

    async def show(request: Request) -> Response:
        version = await target(request, write=False)
        if isinstance(version, Response):
            return version
        assert publisher is not None
        previous, head = await asyncio.gather(asyncio.to_thread(publisher.versions.before, version.id),
                                              asyncio.to_thread(publisher.versions.latest))
        return HTMLResponse(version_page(version, previous, head is not None and head[0] == version.id),
                            headers=PAGE_HEADERS)

    async def rollback(request: Request) -> Response:
        version = await target(request, write=True)
        if isinstance(version, Response):
            return version
        assert publisher is not None
        if version.snapshot is None:
            return JSONResponse({"error": f"version #{version.id} no longer has its YAML"}, status_code=409)
        result = await publisher.rollback(version, "rollback")
        if not auth.check_bearer(request):
            return RedirectResponse("/admin#versions", status_code=303, headers=PAGE_HEADERS)
        head = await asyncio.to_thread(publisher.versions.latest)
        return JSONResponse({**result.to_dict(), "published": {"id": head[0], "hash": head[1]} if head else None},
                            status_code=422 if result.status == "rejected" else 200)

    return [Route("/admin/versions", listing, methods=["GET"]),
            Route("/admin/versions/{number:int}", show, methods=["GET"]),
            Route("/admin/versions/{number:int}/rollback", rollback, methods=["POST"])]

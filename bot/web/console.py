"""The web console's chat side: ``/`` (try the bot in a browser), ``/api/ask`` and ``/static``.

The page is static HTML plus one script that builds every element with
``textContent`` (never ``innerHTML``), so questions and YAML content cannot
inject markup; the Content-Security-Policy forbids inline scripts besides.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Route

from bot.engine import Engine
from bot.core.render import plain_text, to_json
from bot.core.types import IncomingMessage

PACKAGE_DIR = Path(__file__).resolve().parent
STATIC_DIR = PACKAGE_DIR / "static"
TEMPLATE_DIR = PACKAGE_DIR / "templates"
MAX_BODY = 16 * 1024
MAX_SESSION = 64
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                    "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}
_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
          ".svg": "image/svg+xml"}


def template(name: str) -> str:
    """The text of ``bot/templates/<name>``."""
    return (TEMPLATE_DIR / name).read_text(encoding="utf-8")


def load_assets() -> dict[str, tuple[bytes, str]]:
    """Every file in ``bot/static`` (read once: a handful of small files, no disk I/O per request)."""
    return {p.name: (p.read_bytes(), _TYPES.get(p.suffix, "application/octet-stream"))
            for p in sorted(STATIC_DIR.iterdir()) if p.is_file()}


class BadRequest(Exception):
    """The request body is not what ``/api/ask`` takes."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


async def read_json(request: Request, limit: int = MAX_BODY) -> dict[str, Any]:
    """The body as a JSON object, refusing anything over ``limit`` bytes."""
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise BadRequest("request body too large", 413)
    try:
        data = json.loads(body or b"{}")
    except (ValueError, UnicodeDecodeError):
        raise BadRequest("body must be JSON") from None
    if not isinstance(data, dict):
        raise BadRequest("body must be a JSON object")
    try:  # a "\ud800" escape decodes to a lone surrogate, which no UTF-8 response or store can hold
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise BadRequest("body must not contain lone surrogate escapes") from None
    return data


def _text_field(data: dict[str, Any], name: str, default: str | None = None) -> str | None:
    value = data.get(name, default)
    if value is not None and not isinstance(value, str):
        raise BadRequest(f"'{name}' must be a string")
    return value


def ask_payload(engine: Engine, data: dict[str, Any]) -> dict[str, Any]:
    """Answer ``{"question", "session"?, "choice"?}``: ``to_json`` fields plus what the page shows."""
    question = _text_field(data, "question", "") or ""
    session = (_text_field(data, "session") or "web")[:MAX_SESSION]
    choice = _text_field(data, "choice") or None
    kb = engine.kb
    reply = engine.answer(IncomingMessage(question, channel="web", user_id=session,
                                          conversation_id=session, choice=choice))
    result = to_json(question, reply)
    result["display"] = plain_text(reply, suggestions=False)
    result["intent_title"] = _title(kb, reply.intent_id)
    for candidate in result["candidates"]:
        candidate["title"] = _title(kb, candidate["intent"])
    result["version"] = kb.version
    return result


def _title(kb: Any, intent_id: str | None) -> str | None:
    intent = kb.intents.get(intent_id) if intent_id else None
    return (intent.title or intent.id) if intent else None


def console_routes(engine: Engine) -> list[BaseRoute]:
    """Routes for the chat page, its assets and the JSON API behind it."""
    assets = load_assets()
    page = template("chat.html")

    async def index(request: Request) -> Response:
        return HTMLResponse(page, headers=SECURITY_HEADERS)

    async def static(request: Request) -> Response:
        asset = assets.get(request.path_params["name"])
        if asset is None:
            return Response("not found", status_code=404, media_type="text/plain")
        return Response(asset[0], media_type=asset[1],
                        headers={"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"})

    async def ask(request: Request) -> Response:
        try:
            payload = ask_payload(engine, await read_json(request))
        except BadRequest as exc:
            return JSONResponse({"error": str(exc)}, status_code=exc.status)
        return JSONResponse(payload, headers={"Cache-Control": "no-store"})

    return [
        Route("/", index, methods=["GET"]),
        Route("/static/{name}", static, methods=["GET"]),
        Route("/api/ask", ask, methods=["POST"]),
    ]

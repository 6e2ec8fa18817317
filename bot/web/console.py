"""The web console's page: ``/`` (try the bot in a browser) and ``/static`` (its script and style).

The chat itself is the web chat channel (``POST /api/ask``, :mod:`adapters.web_chat`). The page
is static HTML plus one script that builds every element with ``textContent`` (never
``innerHTML``), so questions and YAML content cannot inject markup; the Content-Security-Policy
forbids inline scripts besides.
"""
from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Route

PACKAGE_DIR = Path(__file__).resolve().parent
STATIC_DIR = PACKAGE_DIR / "static"
TEMPLATE_DIR = PACKAGE_DIR / "templates"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                    "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}
_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
          ".svg": "image/svg+xml", ".png": "image/png"}


def template(name: str) -> str:
    """The text of ``bot/web/templates/<name>``."""
    return (TEMPLATE_DIR / name).read_text(encoding="utf-8")


def load_assets() -> dict[str, tuple[bytes, str]]:
    """Every file in ``bot/web/static`` (read once: a handful of small files, no disk I/O per request)."""
    return {p.name: (p.read_bytes(), _TYPES.get(p.suffix, "application/octet-stream"))
            for p in sorted(STATIC_DIR.iterdir()) if p.is_file()}


def console_routes() -> list[BaseRoute]:
    """Routes for the chat page and its assets."""
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

    return [Route("/", index, methods=["GET"]), Route("/static/{name}", static, methods=["GET"])]

"""The one web process: LINE and Slack webhooks, health check, local chat page.

``create_app`` is the only wiring point; each channel lives in ``adapters/``
and owns its endpoint (including its "switched off" 503 when it has no
credentials).
"""
from __future__ import annotations

import contextlib
import logging
from typing import AsyncIterator

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from adapters.line_webhook import LineWebhook
from adapters.slack_app import SlackEvents
from bot.background import BackgroundWork
from bot.dedupe import DedupeStore, MemoryDedupe
from bot.engine import Engine
from bot.settings import Settings

log = logging.getLogger(__name__)


def create_app(settings: Settings, engine: Engine, dedupe: DedupeStore | None = None,
               background: BackgroundWork | None = None) -> Starlette:
    """Build the ASGI app serving ``/line/webhook``, ``/slack/events`` and ``/healthz``."""
    dedupe = dedupe or MemoryDedupe()
    background = background or BackgroundWork()
    line = LineWebhook(settings, engine, dedupe, background)
    slack = SlackEvents(settings, engine, dedupe, background)

    async def healthz(request: Request) -> JSONResponse:
        return JSONResponse({
            "status": "ok",
            "knowledge": engine.version_info(),
            "channels": {"line": line.status(), "slack": slack.status()},
        })

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        await background.drain()

    app = Starlette(
        routes=[
            Route("/line/webhook", line.handle, methods=["POST"]),
            Route("/slack/events", slack.handle, methods=["POST"]),
            Route("/healthz", healthz, methods=["GET"]),
        ],
        lifespan=lifespan,
    )
    app.state.background = background
    app.state.engine = engine
    return app

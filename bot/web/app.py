"""The one web process: LINE and Slack webhooks, health check, web console and admin.

``create_app`` is the only wiring point; each channel lives in ``adapters/``
and owns its endpoint (including its "switched off" 503 when it has no
credentials). The chat page lives in ``bot/console.py``, the admin side in
``bot/admin.py`` and hot reload in ``bot/reload.py``. Escalation to the ministry
team (``adapters/escalation_desk.py``) is shared by the LINE and Slack channels
and swept for unfinished work while the app runs.
"""
from __future__ import annotations

import contextlib
import logging
from typing import Any, AsyncIterator

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from bot.escalation.desk import EscalationDesk, build_escalation
from adapters.line.webhook import LineWebhook
from adapters.slack.app import SlackEvents
from bot.web.admin.routes import admin_routes
from bot.web.admin.auth import AdminAuth, install_log_redaction
from bot.web.background import BackgroundWork
from bot.web.console import console_routes
from bot.storage.dedupe import DedupeStore, MemoryDedupe
from bot.engine import Engine
from bot.reload import Reloader
from bot.settings import Settings

log = logging.getLogger(__name__)


def create_app(settings: Settings, engine: Engine, dedupe: DedupeStore | None = None,
               background: BackgroundWork | None = None, *, store: Any | None = None,
               hot_reload: bool = False, reloader: Reloader | None = None,
               escalation: EscalationDesk | None = None) -> Starlette:
    """Build the ASGI app: ``/line/webhook``, ``/slack/events``, ``/healthz``, ``/``, ``/api/ask``, ``/admin``.

    ``store`` is the inquiry log (``daily()``, ``intent_volumes()``) for the admin page;
    ``hot_reload`` watches the YAML folders and reloads on ``SIGHUP`` (``jetbot serve``);
    ``reloader`` replaces the default :class:`Reloader` (tests). ``POST /admin/reload``
    works whenever an admin token is configured. ``escalation`` replaces the desk built from
    the settings (``JETBOT_ESCALATION_CHANNEL``; off unless LINE and Slack are both on).
    """
    dedupe = dedupe or MemoryDedupe()
    background = background or BackgroundWork()
    reloader = reloader or Reloader(engine, settings.intents_dir, settings.knowledge_dir,
                                    watch=hot_reload, sighup=hot_reload)
    escalation = escalation or build_escalation(settings, engine, background, store=store)
    line = LineWebhook(settings, engine, dedupe, background, escalation=escalation)
    slack = SlackEvents(settings, engine, dedupe, background, escalation=escalation,
                        reloader=reloader, store=store)
    install_log_redaction()

    async def healthz(request: Request) -> JSONResponse:
        return JSONResponse({
            "status": "ok",
            "knowledge": engine.version_info(),
            "reload": reloader.status(),
            "channels": {"line": line.status(), "slack": slack.status()},
            "escalation": escalation.status() if escalation else {"enabled": False},
        })

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        install_log_redaction()  # again: the server may have configured logging since
        async with reloader.running():
            async with escalation.running() if escalation else contextlib.nullcontext():
                yield
        await background.drain()
        await line.close()

    app = Starlette(
        routes=[
            Route("/line/webhook", line.handle, methods=["POST"]),
            Route("/slack/events", slack.handle, methods=["POST"]),
            Route("/healthz", healthz, methods=["GET"]),
            *console_routes(engine),
            *admin_routes(engine, reloader, AdminAuth(settings.admin_token), store),
        ],
        lifespan=lifespan,
    )
    app.state.background = background
    app.state.engine = engine
    app.state.reloader = reloader
    app.state.escalation = escalation
    return app

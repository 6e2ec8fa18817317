"""The web process: the channels' endpoints, ``/healthz``, the web console and ``/admin``.

``create_app`` builds the ASGI app from the pieces :func:`bot.web.wiring.build_bot` puts
together; escalation (when configured) is swept for unfinished work while the app runs.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import AsyncIterator, Callable, Sequence

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.middleware import Middleware
from starlette.routing import Route

from adapters.channel import Channel
from bot.conversation.background import BackgroundWork
from bot.engine import Engine
from bot.reload import Reloader
from bot.settings import Settings
from bot.storage.dedupe_keys import Dedupe
from bot.storage.stores import Stores
from bot.web.admin.auth import AdminAuth, install_log_redaction
from bot.web.admin.routes import admin_routes
from bot.web.admin.throttle import LoginThrottle
from bot.web.admin.triage_routes import TriageDesk
from bot.storage.triage import TriageStore
from bot.versions.publisher import KnowledgePublisher
from bot.web.digest import weekly_digest
from bot.web.console import console_routes
from bot.web.wiring import Bot, build_bot
from bot.web.workers import AnswerWorkers

log = logging.getLogger(__name__)


def create_app(settings: Settings, engine: Engine, stores: Stores | None = None, *,
               background: BackgroundWork | None = None, dedupe: Dedupe | None = None,
               hot_reload: bool = False, reloader: Reloader | None = None,
               channels: Sequence[Channel] = (), workers: AnswerWorkers | None = None,
               clock: Callable[[], float] = time.time) -> Starlette:
    """The ASGI app: every channel's routes, ``/healthz``, ``/`` and ``/static``, ``/admin``.

    ``stores`` hold the inbox, inquiry log, dedupe keys, contexts and escalations (``None``: all in
    memory); ``hot_reload`` watches the YAML folders and reloads on ``SIGHUP`` (``jetbot serve``);
    ``reloader`` replaces the default :class:`Reloader` (tests); ``channels`` are run beside LINE,
    Slack and the web chat; ``workers`` answer the events (started and stopped with the app),
    otherwise this process answers them.
    """
    reloader = reloader or Reloader(engine, settings.intents_dir, settings.knowledge_dir,
                                    watch=hot_reload, sighup=hot_reload, cache_dir=settings.cache_dir)
    bot = build_bot(settings, engine, stores, background=background, dedupe=dedupe, reloader=reloader,
                    channels=channels, clock=clock)
    # every version that goes live is recorded; ``jetbot serve`` also follows the published one
    publisher = KnowledgePublisher(reloader, stores.versions, follow=hot_reload) if stores else None
    install_log_redaction()

    auth = AdminAuth(settings.admin_token)
    triage = TriageDesk(engine, reloader, auth, TriageStore(stores.db) if stores else None,
                        settings.intents_dir, settings.knowledge_dir)

    async def healthz(request: Request) -> JSONResponse:
        info = engine.version_info()
        public = {"status": "ok", "version": info["version"], "loaded_at": info["loaded_at"]}
        if "authorization" not in request.headers:   # strangers learn that it runs, and which knowledge
            return JSONResponse(public, headers={"Cache-Control": "no-store"})
        if not auth.check_bearer(request):            # a wrong token is a failed login (throttled)
            return JSONResponse({"error": "wrong admin token"}, status_code=401, headers={"Cache-Control": "no-store"})
        return JSONResponse({
            **public,
            "knowledge": info,
            "reload": reloader.status(),
            "versions": publisher.status() if publisher else {"recorded": False},
            "channels": {name: channel.health() for name, channel in bot.channels.items()},
            "escalation": bot.desk.status() if bot.desk else {"enabled": False},
            "answering": workers.status() if workers else {"mode": "in-process"},
            "inbox": bot.pipeline.inbox.summary(),
        }, headers={"Cache-Control": "no-store"})

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        install_log_redaction()  # again: the server may have configured logging since
        for channel in bot.channels.values():
            await channel.start()
        async with publisher.running() if publisher else contextlib.nullcontext(), reloader.running(), \
                answering(bot, workers), weekly_digest(settings, bot, engine, clock):
            async with bot.desk.running() if bot.desk else contextlib.nullcontext():
                yield
        await bot.background.drain()
        for channel in bot.channels.values():
            await channel.aclose()

    app = Starlette(
        routes=[
            *[route for channel in bot.channels.values() for route in channel.routes(bot.pipeline)],
            Route("/healthz", healthz, methods=["GET"]),
            *console_routes(),
            *admin_routes(engine, reloader, auth, stores.stats if stores else None,
                          stores.deliveries if stores else None, bot.pipeline.inbox, triage,
                          stores.feedback_stats if stores else None, publisher),
        ],
        lifespan=lifespan,
        middleware=[Middleware(LoginThrottle)],
    )
    app.state.bot = bot
    app.state.workers = workers
    app.state.background = bot.background
    app.state.engine = engine
    app.state.reloader = reloader
    app.state.versions = publisher
    app.state.escalation = bot.desk
    return app


@contextlib.asynccontextmanager
async def answering(bot: Bot, workers: AnswerWorkers | None) -> AsyncIterator[None]:
    """Who answers while the app runs: the worker processes (started and stopped here), or this
    process, which also takes over what a crashed process left unfinished."""
    stop = asyncio.Event()
    if workers is not None:
        bot.pipeline.answerer.take_over_dead_workers()
        workers.start()
        bot.pipeline.hand_over(workers.hint)
        task = asyncio.create_task(workers.supervise(), name="answer workers")
    else:
        task = asyncio.create_task(bot.pipeline.answerer.run(None, stop), name="answer sweep")
    try:
        yield
    finally:
        stop.set()
        if workers is not None:
            bot.pipeline.hand_over(None)
            await asyncio.to_thread(workers.stop)
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

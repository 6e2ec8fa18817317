"""Entry points that run servers: ``jetbot serve`` (the web process) and ``jetbot slack-socket``."""
from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING, Iterator

from bot.engine import load_engine
from bot.settings import Settings
from bot.storage.stores import open_stores

if TYPE_CHECKING:
    from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

    from bot.web.wiring import Bot

log = logging.getLogger("jetbot")


def _uvicorn_server() -> type:
    import uvicorn

    class Server(uvicorn.Server):
        """uvicorn re-raises SIGTERM/SIGINT once its graceful shutdown is done, which kills the
        process (exit 143) before the store is closed; a finished shutdown exits 0 instead."""

        @contextlib.contextmanager
        def capture_signals(self) -> Iterator[None]:
            with super().capture_signals():
                yield
                if self._captured_signals:
                    log.info("stopped by signal %s after a graceful shutdown", self._captured_signals[-1])
                self._captured_signals.clear()

    return Server


def serve(settings: Settings) -> int:
    """Run the web process (LINE, Slack, web console, admin) until stopped."""
    import uvicorn

    from bot.web.app import create_app
    from bot.web.heap import freeze_after_reloads, freeze_loaded_objects
    from bot.web.workers import AnswerWorkers

    stores = open_stores(settings.storage)  # inquiry log, dedupe keys, contexts, escalations
    log.info("store: %s", "PostgreSQL (DATABASE_URL)" if settings.storage.database_url
             else f"SQLite {settings.storage.db_path}")
    try:
        from bot.versions.publisher import reconcile  # the published version, before it is loaded

        log.info("%s", reconcile(stores.versions, settings.intents_dir, settings.knowledge_dir))
        engine = load_engine(settings.intents_dir, settings.knowledge_dir, settings.cache_dir,
                             contexts=stores.contexts, log=stores.inquiries)
        log.info("knowledge %s loaded: %d intents", engine.kb.version, len(engine.kb.intents))
        workers = AnswerWorkers(settings, settings.answer_workers) if settings.answer_workers else None
        app = create_app(settings, engine, stores, hot_reload=True, workers=workers)
        freeze_after_reloads(app.state.reloader)
        # log_config=None: uvicorn's loggers use the process's one format (bot.web.logs)
        config = uvicorn.Config(app, host=settings.host, port=settings.port, log_config=None,
                                timeout_graceful_shutdown=20)
        freeze_loaded_objects()
        _uvicorn_server()(config).run()
        return 0
    finally:
        stores.close()


def slack_socket(settings: Settings) -> int:
    """Run Slack over Socket Mode until stopped (2 when a token is missing)."""
    from adapters.slack.socket_mode import SlackSocketConfigError, socket_mode_handler
    from bot.web.wiring import build_bot

    stores = open_stores(settings.storage)
    try:
        engine = load_engine(settings.intents_dir, settings.knowledge_dir, settings.cache_dir,
                             contexts=stores.contexts, log=stores.inquiries)
        bot = build_bot(settings, engine, stores)
        try:
            handler = socket_mode_handler(settings.slack, bot.channels["slack"], bot.pipeline)
        except SlackSocketConfigError as exc:
            log.error("%s", exc)
            return 2
        asyncio.run(run_socket(handler, bot))
        return 0
    finally:
        stores.close()


async def run_socket(handler: AsyncSocketModeHandler, bot: Bot) -> None:
    """Serve Slack over the socket until it closes; the escalation desk (when configured) sweeps
    here too, so answers given in Slack reach LINE even when no web process runs the sweep."""
    log.info("slack: connecting in Socket Mode")
    for channel in bot.channels.values():
        await channel.start()
    try:
        async with bot.desk.running() if bot.desk else contextlib.nullcontext():
            await handler.start_async()
    finally:
        await handler.close_async()
        await bot.background.drain()
        for channel in bot.channels.values():
            await channel.aclose()

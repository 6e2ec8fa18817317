"""Entry points that run servers: ``jetbot serve`` and ``jetbot slack-socket``."""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
from typing import Iterator

from bot.engine import load_engine
from bot.settings import Settings
from bot.storage.store import open_store

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


def _settings(args: argparse.Namespace) -> Settings:
    base = Settings.from_env()
    return Settings(**{**base.__dict__, "intents_dir": args.intents, "knowledge_dir": args.knowledge})


def run(args: argparse.Namespace) -> int:
    """Run ``serve`` or ``slack-socket`` until stopped."""
    logging.basicConfig(level=os.environ.get("JETBOT_LOG_LEVEL", "INFO"),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = _settings(args)
    store = open_store(settings)  # inquiry log, webhook dedupe keys and conversation context
    log.info("store: %s", "PostgreSQL (DATABASE_URL)" if settings.database_url else f"SQLite {settings.db_path}")
    try:
        engine = load_engine(settings.intents_dir, settings.knowledge_dir, contexts=store, log=store)
        log.info("knowledge %s loaded: %d intents", engine.kb.version, len(engine.kb.intents))
        if args.command == "slack-socket":
            from adapters.slack.socket_mode import SlackSocketConfigError, run_socket_mode

            try:
                asyncio.run(run_socket_mode(settings, engine, dedupe=store))
            except SlackSocketConfigError as exc:
                log.error("%s", exc)
                return 2
            return 0
        import uvicorn

        from bot.web.app import create_app

        port = args.port or int(os.environ.get("PORT", "8000"))
        app = create_app(settings, engine, dedupe=store, store=store, hot_reload=True)
        config = uvicorn.Config(app, host=args.host, port=port, log_level="info", timeout_graceful_shutdown=20)
        _uvicorn_server()(config).run()
        return 0
    finally:
        store.close()

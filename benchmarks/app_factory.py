"""The web app for benchmarks: ``uvicorn benchmarks.app_factory:create --factory [--workers N]``.

Wired as ``jetbot serve`` wires it (``bot/web/serve.py``): settings from the environment
(``Settings.from_env``: ``JETBOT_INTENTS``, ``JETBOT_KNOWLEDGE``, ``LINE_*``, ``SLACK_*``,
``JETBOT_DB_PATH``/``DATABASE_URL``), the stores (``open_stores``) for dedupe, conversation
contexts and the inquiry log, logging at ``JETBOT_LOG_LEVEL`` (INFO); the knowledge base comes
through the index cache (``JETBOT_CACHE_DIR``), so that N workers start from one built index. With
``--workers N`` every worker process calls :func:`create` once.
"""
from __future__ import annotations

import logging
import os
import time

from starlette.applications import Starlette

log = logging.getLogger("jetbot.bench")


def create() -> Starlette:
    """Settings, stores and engine from the environment, then the real app."""
    started = time.perf_counter()
    from bot.core.index_cache import load_or_build
    from bot.engine import Engine
    from bot.settings import Settings
    from bot.storage.stores import open_stores
    from bot.web.app import create_app
    from bot.web.logs import configure_logging

    settings = Settings.from_env()
    configure_logging(settings.log_level, settings.log_format)
    stores = open_stores(settings.storage)
    result = load_or_build(settings.intents_dir, settings.knowledge_dir, settings.cache_dir)
    engine = Engine(result.kb, contexts=stores.contexts, log=stores.inquiries)
    log.info("pid %d: knowledge %s ready (%d intents, cache %s: %s) in %.2f s", os.getpid(),
             result.kb.version, len(result.kb.intents), "hit" if result.hit else "miss", result.reason,
             time.perf_counter() - started)
    return create_app(settings, engine, stores)

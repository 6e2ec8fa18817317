"""The web app for benchmarks: ``uvicorn benchmarks.app_factory:create --factory [--workers N]``.

Wired as ``jetbot serve`` wires it (``bot/serve.py``): settings from the environment
(``Settings.from_env``: ``JETBOT_INTENTS``, ``JETBOT_KNOWLEDGE``, ``LINE_*``, ``SLACK_*``,
``JETBOT_DB_PATH``/``DATABASE_URL``), the store (``open_store``) as dedupe, conversation
context and inquiry log, logging at ``JETBOT_LOG_LEVEL`` (INFO). The one difference: the
knowledge base comes through the index cache (``JETBOT_CACHE_DIR``, see
:mod:`bot.core.index_cache`), so that N workers start from one built index. With
``--workers N`` every worker process calls :func:`create` once.
"""
from __future__ import annotations

import logging
import os
import time

from starlette.applications import Starlette

log = logging.getLogger("jetbot.bench")


def create() -> Starlette:
    """Settings, store and engine from the environment, then the real app."""
    started = time.perf_counter()
    logging.basicConfig(level=os.environ.get("JETBOT_LOG_LEVEL", "INFO"),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from bot.engine import Engine
    from bot.core.index_cache import load_or_build
    from bot.settings import Settings
    from bot.web.app import create_app

    settings = Settings.from_env()
    store = None
    try:
        from bot.storage.store import open_store
    except ImportError:  # older code: in-memory dedupe and context
        pass
    else:
        store = open_store(settings)
    result = load_or_build(settings.intents_dir, settings.knowledge_dir)
    engine = Engine(result.kb, contexts=store, log=store) if store is not None else Engine(result.kb)
    log.info("pid %d: knowledge %s ready (%d intents, cache %s: %s) in %.2f s", os.getpid(),
             result.kb.version, len(result.kb.intents), "hit" if result.hit else "miss", result.reason,
             time.perf_counter() - started)
    if store is None:
        return create_app(settings, engine)
    return create_app(settings, engine, dedupe=store, store=store)

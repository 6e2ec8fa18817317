"""Proposed fixes, applied at run time so the benchmark can measure them before they land.

``JETBOT_BENCH_PATCHES=blas1,line_client`` (comma-separated) in a benchmark process's
environment applies them; the code under ``bot/`` and ``adapters/`` is never edited.
Each patch mirrors a change proposed in ``benchmarks/results.md``:

- ``blas1``: the sentence encoder runs numpy/OpenBLAS on one thread. The proposed code
  change is ``USE(threads=1)`` in ``bot/semantic.py`` plus ``threadpoolctl`` as a
  dependency; here the same effect comes from ``OPENBLAS_NUM_THREADS=1``, which the harness
  sets in the child's environment (it must be set before numpy loads, so this module only
  checks it).
- ``answer_thread``: the webhook adapters compute an answer (``engine.answer`` and the
  rendering) on one worker thread per process instead of on the event loop, so that a
  burst of answers does not hold back the acknowledgements of the requests behind it.
- ``switch_interval``: ``sys.setswitchinterval(0.0005)``, so the event loop gets the GIL back
  from the answering thread within 0.5 ms instead of 5 ms.
- ``line_client``: one ``AsyncApiClient`` (one aiohttp session, one SSL context, kept-alive
  connections) per process for LINE replies, instead of a new one per reply (each new one
  loads the CA bundle: ~30 ms of event-loop time per reply here).
"""
from __future__ import annotations

import asyncio
import copy
import logging
import os
from typing import Any

ENV = "JETBOT_BENCH_PATCHES"
log = logging.getLogger("jetbot.bench.patches")


def requested() -> set[str]:
    return {p.strip() for p in os.environ.get(ENV, "").split(",") if p.strip()}


def apply(only: set[str] | None = None) -> set[str]:
    """Apply the requested patches (those in ``only``, when given); returns the names applied."""
    done: set[str] = set()
    wanted = requested() if only is None else requested() & only
    if "blas1" in wanted:
        if os.environ.get("OPENBLAS_NUM_THREADS") != "1":
            raise RuntimeError("patch blas1 needs OPENBLAS_NUM_THREADS=1 in the environment before numpy loads")
        done.add("blas1")
    if "line_client" in wanted:
        _reuse_line_client()
        done.add("line_client")
    if "answer_thread" in wanted:
        _answer_off_loop()
        done.add("answer_thread")
    if "switch_interval" in wanted:
        # The GIL is handed over every 5 ms by default: with an answer running on the worker
        # thread, the event loop may wait that long several times per request.
        import sys

        sys.setswitchinterval(0.0005)
        done.add("switch_interval")
    return done


_pool: Any = None


def _executor() -> Any:
    """One thread per process: the analyser's tokenizer is not shared between threads."""
    global _pool
    if _pool is None:
        from concurrent.futures import ThreadPoolExecutor

        _pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="jetbot-answer")
    return _pool


def _answer_off_loop() -> None:
    from adapters import line_webhook, slack_app

    line_respond = line_webhook.LineWebhook._respond

    async def respond(self: Any, event_id: str, reply_token: str, make: Any) -> None:
        loop = asyncio.get_running_loop()
        try:
            built = await loop.run_in_executor(_executor(), make)
        except Exception:  # let the adapter log it exactly as it does
            log.warning("answer_thread: building the reply on the worker thread failed", exc_info=True)
            return await line_respond(self, event_id, reply_token, make)
        return await line_respond(self, event_id, reply_token, lambda: built)

    line_webhook.LineWebhook._respond = respond  # type: ignore[method-assign]

    slack_post = slack_app.SlackListeners._post

    class _Answered:
        def __init__(self, reply: Any) -> None:
            self._reply = reply

        def answer(self, message: Any, *args: Any, **kwargs: Any) -> Any:
            return self._reply

    async def post(self: Any, *args: Any, **kwargs: Any) -> None:
        from bot.types import IncomingMessage

        message = next((a for a in (*args, *kwargs.values()) if isinstance(a, IncomingMessage)), None)
        if message is None:
            return await slack_post(self, *args, **kwargs)
        loop = asyncio.get_running_loop()
        try:
            reply = await loop.run_in_executor(_executor(), self._engine.answer, message)
        except Exception:
            log.warning("answer_thread: answering on the worker thread failed; the adapter answers itself",
                        exc_info=True)
            return await slack_post(self, *args, **kwargs)
        view = copy.copy(self)
        view._engine = _Answered(reply)
        return await slack_post(view, *args, **kwargs)

    slack_app.SlackListeners._post = post  # type: ignore[method-assign]


def _reuse_line_client() -> None:
    from adapters import line_webhook

    real = line_webhook.AsyncApiClient
    clients: dict[tuple[int, str | None, str | None], Any] = {}

    class SharedClient:
        """Stands in for ``AsyncApiClient(config)`` in ``async with``; the client underneath lives on."""

        def __init__(self, configuration: Any) -> None:
            self._configuration = configuration

        async def __aenter__(self) -> Any:
            key = (id(asyncio.get_running_loop()), self._configuration.host, self._configuration.access_token)
            client = clients.get(key)
            if client is None:
                client = clients[key] = real(self._configuration)
            return client

        async def __aexit__(self, *exc: object) -> bool:
            return False

    line_webhook.AsyncApiClient = SharedClient  # type: ignore[misc, assignment]

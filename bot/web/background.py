"""Work that runs after a webhook has been acknowledged."""
from __future__ import annotations

import asyncio
import functools
import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Awaitable, Callable, TypeVar

T = TypeVar("T")

log = logging.getLogger(__name__)


class BackgroundWork:
    """Keeps references to fire-and-forget tasks and lets shutdown wait for them."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()
        self._cpu: ThreadPoolExecutor | None = None

    async def run_blocking(self, fn: Callable[..., T], *args: Any) -> T:
        """Run CPU work (``engine.answer``, rendering) on this process's one worker thread.

        The event loop keeps acknowledging webhooks meanwhile; one thread, because the
        analyser's tokenizer is not shared between threads and the GIL gives no more anyway.
        """
        if self._cpu is None:
            self._cpu = ThreadPoolExecutor(max_workers=1, thread_name_prefix="jetbot-answer")
        return await asyncio.get_running_loop().run_in_executor(self._cpu, functools.partial(fn, *args))

    def spawn(self, coro: Awaitable[None], label: str = "") -> asyncio.Task[None]:
        """Run ``coro`` in the background; exceptions are logged, never lost."""
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(lambda t: self._finish(t, label))
        return task

    def _finish(self, task: asyncio.Task[None], label: str) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("background task %s failed", label or task.get_name(),
                      exc_info=task.exception())

    @property
    def pending(self) -> int:
        """How many tasks are still running."""
        return len(self._tasks)

    async def drain(self, timeout: float = 10.0) -> None:
        """Wait up to ``timeout`` seconds for running tasks (used at shutdown and in tests)."""
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=timeout)

"""Work that runs after a webhook has been acknowledged, and how its failures are described."""
from __future__ import annotations

import asyncio
import functools
import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Coroutine, TypeVar

T = TypeVar("T")

log = logging.getLogger(__name__)


class BackgroundWork:
    """Keeps references to fire-and-forget tasks and lets shutdown wait for them."""

    def __init__(self, inline: bool = False) -> None:
        self._inline = inline  # an answer worker process: nothing else waits on its loop
        self._tasks: set[asyncio.Task[None]] = set()
        self._cpu: ThreadPoolExecutor | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    async def run_blocking(self, fn: Callable[..., T], *args: Any) -> T:
        """Run CPU work (``engine.answer``, rendering) on this process's one worker thread.

        The event loop keeps acknowledging webhooks meanwhile; one thread, because the
        analyser's tokenizer is not shared between threads and the GIL gives no more anyway.
        ``inline``: run it right here, on the loop (an answer worker process acknowledges
        nothing: handing each answer to a thread and back only costs CPU there).
        """
        if self._inline:
            return fn(*args)
        if self._cpu is None:
            self._cpu = ThreadPoolExecutor(max_workers=1, thread_name_prefix="jetbot-answer")
        self._loop = asyncio.get_running_loop()
        return await self._loop.run_in_executor(self._cpu, functools.partial(fn, *args))

    def spawn(self, coro: Coroutine[Any, Any, None], label: str = "") -> None:
        """Run ``coro`` in the background; exceptions are logged, never lost.

        May be called from the worker thread of :meth:`run_blocking` (a reply that starts work,
        e.g. posting an escalation): the task is then started on the event loop, before the
        blocking call's result is delivered there.
        """
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            if self._loop is None:
                raise RuntimeError("spawn() from a thread before any run_blocking()") from None
            self._loop.call_soon_threadsafe(self._start, coro, label)
            return
        self._start(coro, label)

    def _start(self, coro: Coroutine[Any, Any, None], label: str) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(lambda t: self._finish(t, label))

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
        """Wait up to ``timeout`` seconds until no task runs, including tasks that tasks started
        (used at shutdown and in tests)."""
        deadline = asyncio.get_running_loop().time() + timeout
        while self._tasks:
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                return
            await asyncio.wait(set(self._tasks), timeout=left)


def describe(error: BaseException) -> str:
    """A platform API error in one line: its type and HTTP status (no secrets, no bodies)."""
    response = getattr(error, "response", None)
    status = getattr(response, "status_code", None)
    return f"{type(error).__name__} (HTTP {status})" if status else f"{type(error).__name__}: {error}"

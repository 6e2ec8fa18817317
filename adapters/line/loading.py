"""LINE's loading indicator in one-to-one chats, while an answer takes longer than a moment.

After an event is accepted the indicator waits ``after`` seconds; if the event is still unfinished
then (answers are queued, or the worker is busy), it asks LINE to show the animation
(``POST /v2/bot/chat/loading/start``) — LINE ends it when the reply arrives. The check reads the
inbox, so it holds whichever process answers. Cosmetic: a failure is only logged.
"""
from __future__ import annotations

import asyncio
import logging
from typing import Awaitable, Callable

from linebot.v3.messaging import ApiException, AsyncApiClient, AsyncMessagingApi, ShowLoadingAnimationRequest

from bot.core.types import Inbound

log = logging.getLogger(__name__)


class LoadingIndicator:
    """Schedules the indicator per accepted event (see the module docstring)."""

    def __init__(self, client: Callable[[], AsyncApiClient], after: Callable[[], float | None], seconds: int,
                 timeout: float) -> None:
        self._client = client
        self._after = after   # read at each event: the channel's setting (tests change it)
        self.seconds, self.timeout = seconds, timeout
        self._waiting: dict[str, asyncio.Task[None]] = {}   # event key -> the indicator waiting to start
        self._tasks: set[asyncio.Task[None]] = set()        # every indicator not finished yet

    def watch(self, inbound: Inbound, unfinished: Callable[[str], Awaitable[bool]]) -> None:
        """Show the indicator for ``inbound`` if ``unfinished(key)`` still holds after ``after`` s."""
        chat_id, after = inbound.target.get("chat_id"), self._after()
        if not chat_id or after is None:
            return
        task = asyncio.get_running_loop().create_task(self._later(chat_id, inbound.key, after, unfinished))
        self._waiting[inbound.key] = task
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def answered(self, key: str) -> None:
        """The reply to ``key`` is going out from this process: no indicator needed."""
        waiting = self._waiting.pop(key, None)
        if waiting is not None:
            waiting.cancel()

    @property
    def busy(self) -> bool:
        """Whether an indicator is waiting or being started."""
        return bool(self._tasks)

    async def _later(self, chat_id: str, key: str, after: float,
                     unfinished: Callable[[str], Awaitable[bool]]) -> None:
        await asyncio.sleep(after)
        self._waiting.pop(key, None)   # from here on a reply no longer cancels it (nor cuts the call short)
        if not await unfinished(key):   # a store read, off the event loop, shared with other events
            return
        request = ShowLoadingAnimationRequest(chat_id=chat_id, loading_seconds=self.seconds)
        try:
            await AsyncMessagingApi(self._client()).show_loading_animation(request, _request_timeout=self.timeout)
        except Exception as exc:  # cosmetic: the reply goes out all the same
            log.warning("LINE loading indicator failed for event %s: %s", key.removeprefix("line:"),
                        f"HTTP {exc.status}" if isinstance(exc, ApiException) else type(exc).__name__)
            return
        log.info("LINE loading indicator shown for event %s", key.removeprefix("line:"))

    def close(self) -> None:
        """Cancel every indicator not shown yet (at shutdown)."""
        for task in list(self._tasks):
            task.cancel()

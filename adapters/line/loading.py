"""LINE's loading indicator in one-to-one chats, while an answer takes longer than a moment.

After an event is accepted the indicator waits ``after`` seconds; if the event is still unfinished
then (answers are queued, or the worker is busy), it asks LINE to show the animation
(``POST /v2/bot/chat/loading/start``) — LINE ends it when the reply arrives. The check reads the
inbox, so it holds whichever process answers. Cosmetic: a failure is only logged.

It is also capped, because it runs in the web process beside the acknowledgements: while a backlog
stands every waiting event would otherwise cost one more API call there. At most ``MAX_IN_FLIGHT``
calls run at once, at most ``PER_SECOND`` start in a second (a short burst of ``PER_SECOND`` is
allowed), and a chat whose indicator is being started gets no second one; an event over the cap goes
without (its reply still comes). The capacity is looked at before the inbox is read, so a skipped
event costs no store read either.
"""
from __future__ import annotations

import asyncio
import logging
import time
from typing import Awaitable, Callable

from linebot.v3.messaging import ApiException

from adapters.line.api import LOADING, LineApi
from bot.core.types import Inbound

log = logging.getLogger(__name__)
MAX_IN_FLIGHT = 4    # indicator calls running at once
PER_SECOND = 10.0    # indicator calls started per second, on average


class LoadingIndicator:
    """Schedules the indicator per accepted event (see the module docstring)."""

    def __init__(self, api: LineApi, after: Callable[[], float | None], seconds: int,
                 timeout: float, max_in_flight: int = MAX_IN_FLIGHT, per_second: float = PER_SECOND,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._api = api
        self._after = after   # read at each event: the channel's setting (tests change it)
        self.seconds, self.timeout = seconds, timeout
        self.max_in_flight, self.per_second = max_in_flight, per_second
        self._clock = clock
        self._tokens, self._filled_at = per_second, clock()   # the per-second budget (a token bucket)
        self._starting: set[str] = set()                      # chats whose indicator call is running
        self._waiting: dict[str, asyncio.Task[None]] = {}   # event key -> the indicator waiting to start
        self._tasks: set[asyncio.Task[None]] = set()        # every indicator not finished yet
        self.skipped = 0                                     # events over the cap (no indicator)

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

    def _room(self, chat_id: str) -> bool:
        """Whether the cap lets one more indicator start for ``chat_id`` now (its share of the budget taken)."""
        if chat_id in self._starting or len(self._starting) >= self.max_in_flight:
            return False
        now = self._clock()
        self._tokens = min(self.per_second, self._tokens + (now - self._filled_at) * self.per_second)
        self._filled_at = now
        if self._tokens < 1.0:
            return False
        self._tokens -= 1.0
        return True

    async def _later(self, chat_id: str, key: str, after: float,
                     unfinished: Callable[[str], Awaitable[bool]]) -> None:
        await asyncio.sleep(after)
        self._waiting.pop(key, None)   # from here on a reply no longer cancels it (nor cuts the call short)
        if not self._room(chat_id):
            self.skipped += 1
            log.debug("LINE loading indicator skipped for event %s (capped)", key.removeprefix("line:"))
            return
        self._starting.add(chat_id)    # held across the store read: the cap counts it from here
        try:
            if not await unfinished(key):   # a store read, off the event loop, shared with other events
                self._tokens += 1.0         # not needed after all: the budget is not spent
                return
            await self._show(chat_id, key)
        finally:
            self._starting.discard(chat_id)

    async def _show(self, chat_id: str, key: str) -> None:
        try:
            await self._api.post(LOADING, {"chatId": chat_id, "loadingSeconds": self.seconds}, self.timeout)
        except Exception as exc:  # cosmetic: the reply goes out all the same
            log.warning("LINE loading indicator failed for event %s: %s", key.removeprefix("line:"),
                        f"HTTP {exc.status}" if isinstance(exc, ApiException) else type(exc).__name__)
            return
        log.info("LINE loading indicator shown for event %s", key.removeprefix("line:"))

    def close(self) -> None:
        """Cancel every indicator not shown yet (at shutdown)."""
        for task in list(self._tasks):
            task.cancel()

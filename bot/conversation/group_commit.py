"""Group commit: events that arrive while the inbox is being written wait and are written together.

Each webhook must be stored before its 200; storing each in a transaction of its own makes every
request queue behind the others' commits (SQLite has one writer; PostgreSQL a round trip per
commit). Here the first caller writes; whoever arrives meanwhile joins the next write, one
transaction for all of them, and each caller gets back only its own keys once that commit is done.
The same serves any store call that takes many items at once (e.g. "which of these are unfinished").
"""
from __future__ import annotations

import asyncio
from typing import Callable, Collection, Generic, Sequence, TypeVar

T = TypeVar("T")


class GroupCommit(Generic[T]):
    """Batches concurrent :meth:`submit` calls into as few ``write`` calls as the store allows;
    ``write(items)`` (run on a thread) returns the keys it selected, ``key(item)`` names an item."""

    def __init__(self, write: Callable[[Sequence[T]], Collection[str]], key: Callable[[T], str]) -> None:
        self._write = write
        self._key = key
        self._waiting: list[tuple[Sequence[T], asyncio.Future[list[str]]]] = []
        self._writer: asyncio.Task[None] | None = None

    async def submit(self, events: Sequence[T]) -> list[str]:
        """Run ``write`` on ``events`` (with whatever else is waiting); returns the keys of these
        that it selected."""
        future: asyncio.Future[list[str]] = asyncio.get_running_loop().create_future()
        self._waiting.append((events, future))
        if self._writer is None:
            self._writer = asyncio.create_task(self._write_all())
        return await future

    async def _write_all(self) -> None:
        try:
            while self._waiting:
                batch, self._waiting = self._waiting, []
                await self._write_batch(batch)
        finally:
            self._writer = None

    async def _write_batch(self, batch: list[tuple[Sequence[T], asyncio.Future[list[str]]]]) -> None:
        try:
            todo = set(await asyncio.to_thread(self._write, [e for events, _ in batch for e in events]))
        except Exception as error:
            if len(batch) == 1:
                _settle(batch[0][1], error=error)
                return
            for single in batch:   # one bad event must not fail the others' requests
                await self._write_batch([single])
            return
        for events, future in batch:
            _settle(future, [self._key(e) for e in events if self._key(e) in todo])


def _settle(future: "asyncio.Future[list[str]]", keys: list[str] | None = None,
            error: Exception | None = None) -> None:
    if future.done():   # the request gave up waiting (client gone): nothing to tell it
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(keys or [])

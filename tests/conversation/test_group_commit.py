"""Group commit: requests that arrive while the inbox is being written share the next write."""
from __future__ import annotations

import asyncio
import threading
from typing import Sequence

import pytest

from bot.conversation.group_commit import GroupCommit

pytestmark = pytest.mark.anyio


class Store:
    """Records each write; the first write waits until released, so the others pile up behind it."""

    def __init__(self, refuse: str | None = None) -> None:
        self.writes: list[list[str]] = []
        self.release = threading.Event()
        self.refuse = refuse

    def write(self, items: Sequence[str]) -> list[str]:
        self.writes.append(list(items))
        if len(self.writes) == 1:
            self.release.wait(5)
        if self.refuse in items:
            raise ValueError(f"cannot store {self.refuse}")
        return [item for item in items if not item.startswith("old")]   # "old…": already handled


async def test_requests_arriving_during_a_write_are_written_together_and_each_gets_its_own_keys() -> None:
    store = Store()
    commit: GroupCommit[str] = GroupCommit(store.write, key=lambda item: item)
    first = asyncio.create_task(commit.submit(["a"]))
    await asyncio.sleep(0.05)                                       # the first write is under way
    others = [asyncio.create_task(commit.submit(items)) for items in (["b", "old-c"], ["d"], ["old-e"])]
    await asyncio.sleep(0.05)
    store.release.set()
    assert await first == ["a"]
    assert [await o for o in others] == [["b"], ["d"], []]
    assert store.writes == [["a"], ["b", "old-c", "d", "old-e"]]    # two writes for four requests


async def test_one_bad_request_fails_alone() -> None:
    store = Store(refuse="bad")
    commit: GroupCommit[str] = GroupCommit(store.write, key=lambda item: item)
    first = asyncio.create_task(commit.submit(["a"]))
    await asyncio.sleep(0.05)
    good, bad = asyncio.create_task(commit.submit(["b"])), asyncio.create_task(commit.submit(["bad"]))
    await asyncio.sleep(0.05)
    store.release.set()
    assert await first == ["a"] and await good == ["b"]
    with pytest.raises(ValueError, match="cannot store bad"):
        await bad
    assert await commit.submit(["f"]) == ["f"]                      # and the next request is written

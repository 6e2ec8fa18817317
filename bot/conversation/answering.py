"""Answering accepted events: claim from the inbox, build the reply, send it through its channel, finish.

The same :class:`Answerer` runs inside the web process (``answer_workers = 0``: each accepted event
is answered as a background task) or in answer worker processes (:mod:`bot.web.workers`), where it
takes hints from the web process and looks for unfinished events every ``poll`` seconds. Either
way an event is answered by whoever claims it; one whose worker died is taken over when its lease
expires (or at once, at start-up, when the dead worker was on this host).
"""
from __future__ import annotations

import asyncio
import logging
from typing import Any, Protocol, Sequence

from bot.conversation.background import BackgroundWork
from bot.conversation.processes import dead_owners_here, process_owner
from bot.conversation.responder import Responder
from bot.core.types import Delivery, Inbound, Reply

log = logging.getLogger(__name__)
BATCH = 16  # waiting events a worker answers together (their questions encoded in one batch)


class Outbox(Protocol):
    """What answering needs of a channel: its name, how it renders a reply, how it sends one."""

    name: str

    def render(self, reply: Reply, inbound: Inbound) -> Any:
        """The platform payload for ``reply`` (pure)."""
        ...

    async def send(self, payload: Any, inbound: Inbound) -> Delivery:
        """Deliver ``payload`` where ``inbound`` says; never raises (failures are the Delivery)."""
        ...


class InboxPort(Protocol):
    """The inbox as answering uses it (:class:`bot.storage.inbox.Inbox` or ``MemoryInbox``)."""

    def claim(self, key: str, owner: str) -> Inbound | None: ...

    def claim_many(self, keys: Sequence[str], owner: str) -> list[Inbound]: ...

    def due(self, limit: int = 100) -> list[str]: ...

    def sending(self, key: str, owner: str) -> None: ...

    def finish(self, key: str, owner: str, delivery: Delivery, inquiry: str | None = None) -> None: ...

    def release(self, key: str, owner: str) -> None: ...

    def release_owners(self, owners: Sequence[str]) -> int: ...

    def holders(self) -> list[str]: ...

    def summary(self) -> dict[str, object]: ...

    def state(self, key: str) -> str | None: ...

    def unfinished(self, keys: Sequence[str]) -> list[str]: ...


class Answerer:
    """Answers events from the inbox (see the module docstring)."""

    def __init__(self, inbox: InboxPort, responder: Responder, outboxes: dict[str, Outbox],
                 background: BackgroundWork, owner: str | None = None, concurrency: int = 32) -> None:
        self.inbox = inbox
        self.responder = responder
        self.outboxes = outboxes
        self.background = background
        self.owner = owner or process_owner()
        self._slots = asyncio.Semaphore(concurrency)  # sends in flight at once (the HTTP pools are this size)
        self._concurrency, self._gathering = concurrency, asyncio.Lock()

    async def answer(self, key: str) -> None:
        """Answer ``key`` if this process can claim it (safe to call for any key, any number of times)."""
        async with self._slots:
            event = self._claim(key)
            if event is not None and (built := await self._build_or_finish(event)) is not None:
                await self._deliver(event, *built)

    async def answer_many(self, keys: Sequence[str]) -> None:
        """Answer several keys as :meth:`answer` does each, cheaper: those this process can claim have
        their questions encoded in one batch, then each is built, sent and finished on its own (the
        sends go on in the background while the next is built)."""
        keys = list(dict.fromkeys(keys))
        if len(keys) > self._concurrency:   # more than ever fit at once: in turns
            for start in range(0, len(keys), self._concurrency):
                await self.answer_many(keys[start:start + self._concurrency])
            return
        async with self._gathering:   # one batch gathers its slots at a time, so none waits on another
            for _ in keys:            # (the slots it waits for are freed by sends in flight)
                await self._slots.acquire()   # a slot per event taken, held until it is finished
        try:
            claimed = self._claim_many(keys)
        except BaseException:   # the store failed: nothing taken, the sweep tries again
            for _ in keys:
                self._slots.release()
            raise
        for _ in range(len(keys) - len(claimed)):
            self._slots.release()
        if len(claimed) > 1:
            try:
                await self.background.run_blocking(self.responder.prepare, [e.message for e in claimed])
            except Exception:  # only a saving: each is answered all the same
                log.exception("encoding %d questions together failed", len(claimed))
        for n, event in enumerate(claimed):
            try:
                built = await self._build_or_finish(event)
            except BaseException:   # stopped midway: give back what was not answered
                for left in claimed[n:]:
                    self.inbox.release(left.key, self.owner)
                    self._slots.release()
                raise
            if built is None:
                self._slots.release()
            else:
                self.background.spawn(self._deliver_then_free(event, *built), event.key)

    def _claim(self, key: str) -> Inbound | None:
        """The event, claimed for this process (``None``: finished, held by another, or not for us)."""
        claimed = self._claim_many([key])
        return claimed[0] if claimed else None

    def _claim_many(self, keys: Sequence[str]) -> list[Inbound]:
        """Those of ``keys`` claimed for this process (one store call); one for a channel this process
        does not have is given back."""
        claimed = []
        for event in self.inbox.claim_many(keys, self.owner):
            if event.message.channel in self.outboxes:
                claimed.append(event)
            else:
                log.error("%s: no channel %r in this process; left for another", event.key, event.message.channel)
                self.inbox.release(event.key, self.owner)
        return claimed

    async def _build_or_finish(self, event: Inbound) -> tuple[Outbox, Reply, Any] | None:
        """The reply and its payload; ``None`` when building failed (the event is then finished as failed)."""
        outbox = self.outboxes[event.message.channel]
        try:
            reply, payload = await self.background.run_blocking(self._build, event, outbox)
        except Exception as error:
            log.exception("%s: building the reply failed", event.key)
            self.inbox.finish(event.key, self.owner, Delivery("failed", f"building the reply failed: "
                                                                        f"{type(error).__name__}"))
            return None
        return outbox, reply, payload

    async def _deliver(self, event: Inbound, outbox: Outbox, reply: Reply, payload: Any) -> None:
        """Send the reply, finish the event and note how it went on its inquiry (one store write; marked
        sending first: it may land)."""
        self.inbox.sending(event.key, self.owner)
        delivery = await outbox.send(payload, event)   # the channel logs failures with the platform's detail
        self.inbox.finish(event.key, self.owner, delivery, reply.inquiry_id)

    async def _deliver_then_free(self, event: Inbound, outbox: Outbox, reply: Reply, payload: Any) -> None:
        try:
            await self._deliver(event, outbox, reply, payload)
        finally:
            self._slots.release()

    def _build(self, event: Inbound, outbox: Outbox) -> tuple[Reply, Any]:
        reply = self.responder.respond(event.message, event.key)
        return reply, outbox.render(reply, event)

    def take_over_dead_workers(self) -> int:
        """Free the events held by processes of this host that died (at start-up)."""
        dead = dead_owners_here(self.inbox.holders())
        freed = self.inbox.release_owners(dead)
        if freed:
            log.warning("took over %d unfinished event(s) of stopped process(es) %s", freed, ", ".join(dead))
        return freed

    async def sweep(self) -> int:
        """Answer every unfinished event nobody holds (after a crash, or hints that were lost)."""
        keys = self.inbox.due()
        for start in range(0, len(keys), BATCH):
            self.background.spawn(self.answer_many(keys[start:start + BATCH]), keys[start])
        return len(keys)

    async def run(self, hints: "asyncio.Queue[str] | None", stop: asyncio.Event, poll: float = 1.0,
                  batch: int = BATCH) -> None:
        """Answer hinted keys as they come, and sweep every ``poll`` seconds, until ``stop`` is set; hints
        that are already waiting are answered together, up to ``batch`` at a time (:meth:`answer_many`)."""
        self.take_over_dead_workers()
        await self.sweep()
        while not stop.is_set():
            try:
                if hints is None:
                    await asyncio.wait_for(stop.wait(), poll)
                    continue
                keys = [await asyncio.wait_for(hints.get(), poll)]
                while len(keys) < batch and not hints.empty():
                    keys.append(hints.get_nowait())
                await self.answer_many(keys)
            except asyncio.TimeoutError:
                await self.sweep()

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

    def due(self, limit: int = 100) -> list[str]: ...

    def sending(self, key: str, owner: str) -> None: ...

    def finish(self, key: str, owner: str, delivery: Delivery, inquiry: str | None = None) -> None: ...

    def release(self, key: str, owner: str) -> None: ...

    def release_owners(self, owners: Sequence[str]) -> int: ...

    def holders(self) -> list[str]: ...

    def summary(self) -> dict[str, object]: ...

    def state(self, key: str) -> str | None: ...

    def unfinished(self, keys: Sequence[str]) -> list[str]: ...


class DeliveryLog(Protocol):
    """Where the outcome of each reply is recorded (:class:`bot.storage.inquiry_log.InquiryLog`)."""

    def record_delivery(self, ref: str, delivery: Delivery) -> None: ...


class Answerer:
    """Answers events from the inbox (see the module docstring)."""

    def __init__(self, inbox: InboxPort, responder: Responder, outboxes: dict[str, Outbox],
                 background: BackgroundWork, deliveries: DeliveryLog | None = None, owner: str | None = None,
                 concurrency: int = 32) -> None:
        self.inbox = inbox
        self.responder = responder
        self.outboxes = outboxes
        self.background = background
        self.deliveries = deliveries
        self.owner = owner or process_owner()
        self._slots = asyncio.Semaphore(concurrency)  # sends in flight at once (the HTTP pools are this size)

    async def answer(self, key: str) -> None:
        """Answer ``key`` if this process can claim it (safe to call for any key, any number of times)."""
        async with self._slots:
            event = self.inbox.claim(key, self.owner)
            if event is None:
                return
            outbox = self.outboxes.get(event.message.channel)
            if outbox is None:
                log.error("%s: no channel %r in this process; left for another", key, event.message.channel)
                self.inbox.release(key, self.owner)
                return
            try:
                reply, payload = await self.background.run_blocking(self._build, event, outbox)
            except Exception as error:
                log.exception("%s: building the reply failed", key)
                self.inbox.finish(key, self.owner, Delivery("failed", f"building the reply failed: "
                                                                      f"{type(error).__name__}"))
                return
            self.inbox.sending(key, self.owner)
            delivery = await outbox.send(payload, event)   # the channel logs failures with the platform's detail
            if self.deliveries is not None and reply.inquiry_id:
                self.deliveries.record_delivery(reply.inquiry_id, delivery)
            self.inbox.finish(key, self.owner, delivery, reply.inquiry_id)

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
        for key in keys:
            self.background.spawn(self.answer(key), key)
        return len(keys)

    async def run(self, hints: "asyncio.Queue[str] | None", stop: asyncio.Event, poll: float = 1.0) -> None:
        """Answer hinted keys as they come, and sweep every ``poll`` seconds, until ``stop`` is set."""
        self.take_over_dead_workers()
        await self.sweep()
        while not stop.is_set():
            try:
                if hints is None:
                    await asyncio.wait_for(stop.wait(), poll)
                    continue
                key = await asyncio.wait_for(hints.get(), poll)
                self.background.spawn(self.answer(key), key)
            except asyncio.TimeoutError:
                await self.sweep()

"""The way every message travels: accepted once, answered off the event loop, sent by its channel.

A channel verifies and parses a platform request into :class:`~bot.core.types.Inbound` events
and hands them to :meth:`Pipeline.accept` before it acknowledges the request; the pipeline
claims each event's key (a redelivered event is not answered twice), builds the reply with the
:class:`~bot.conversation.responder.Responder`, has the channel render it and send it, and logs
what became of the delivery. Request/response channels (the web chat) use :meth:`respond_now`.
"""
from __future__ import annotations

import logging
from typing import Any, Protocol, Sequence

from bot.conversation.background import BackgroundWork
from bot.conversation.responder import Responder
from bot.core.types import Delivery, Inbound, Reply
from bot.storage.dedupe_keys import Dedupe

log = logging.getLogger(__name__)


class Outbox(Protocol):
    """What the pipeline needs of a channel: its name, how it renders a reply, how it sends one."""

    name: str

    def render(self, reply: Reply, inbound: Inbound) -> Any:
        """The platform payload for ``reply`` (pure)."""
        ...

    async def send(self, payload: Any, inbound: Inbound) -> Delivery:
        """Deliver ``payload`` where ``inbound`` says; never raises (failures are the Delivery)."""
        ...


class Pipeline:
    """Implements the channels' intake (see the module docstring)."""

    def __init__(self, responder: Responder, dedupe: Dedupe, background: BackgroundWork) -> None:
        self.responder = responder
        self.dedupe = dedupe
        self.background = background
        self._outboxes: dict[str, Outbox] = {}

    def register(self, outbox: Outbox) -> None:
        """Make ``outbox`` the channel for messages whose ``channel`` is its name."""
        self._outboxes[outbox.name] = outbox

    async def accept(self, events: Sequence[Inbound]) -> None:
        """Take events from a channel: each new one is answered in the background, a repeat skipped."""
        for event in events:
            if not self.dedupe.claim(event.key):
                log.info("%s already handled: skipped", event.key)
                continue
            self.background.spawn(self._deliver(event), event.key)

    async def respond_now(self, event: Inbound) -> tuple[Reply, Any]:
        """The reply and its rendering, for a channel that answers in its HTTP response."""
        outbox = self._outboxes[event.message.channel]

        def build() -> tuple[Reply, Any]:
            reply = self.responder.respond(event.message)
            return reply, outbox.render(reply, event)

        return await self.background.run_blocking(build)

    async def _deliver(self, event: Inbound) -> None:
        outbox = self._outboxes[event.message.channel]
        try:
            reply, payload = await self.respond_now(event)
        except Exception:
            log.exception("%s: building the reply failed", event.key)
            return
        delivery = await outbox.send(payload, event)  # the channel logs failures with the platform's detail
        log.debug("%s: reply %s %s", event.key, delivery.status, delivery.detail)

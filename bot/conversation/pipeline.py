"""The way every message travels: stored on arrival, answered once, sent by its channel.

A channel verifies and parses a platform request into :class:`~bot.core.types.Inbound` events and
hands them to :meth:`Pipeline.accept` before it acknowledges the request. The pipeline stores them
in the inbox (durable with a database: an acknowledged event survives a crash) and has them
answered — in this process (:class:`~bot.conversation.answering.Answerer` tasks) or by answer
worker processes it hints. A redelivered event is answered only if it was never finished.
Request/response channels (the web chat) use :meth:`respond_now`.
"""
from __future__ import annotations

import logging
from typing import Any, Callable, Sequence

from bot.conversation.answering import Answerer, InboxPort, Outbox
from bot.conversation.background import BackgroundWork
from bot.conversation.group_commit import GroupCommit
from bot.conversation.responder import Responder
from bot.core.types import Inbound, Reply

log = logging.getLogger(__name__)


class Pipeline:
    """Implements the channels' intake (see the module docstring)."""

    def __init__(self, responder: Responder, inbox: Any, background: BackgroundWork, answerer: Answerer) -> None:
        self.responder = responder
        self.inbox: InboxPort = inbox
        self.background = background
        self.answerer = answerer
        self._hint: Callable[[str], None] | None = None   # set when answer workers run elsewhere
        self._group_commit: GroupCommit[Inbound] = GroupCommit(lambda events: self.inbox.accept(events),
                                                               lambda event: event.key)
        self._unfinished_check: GroupCommit[str] = GroupCommit(lambda keys: self.inbox.unfinished(keys),
                                                               lambda key: key)

    def register(self, outbox: Outbox) -> None:
        """Make ``outbox`` the channel for messages whose ``channel`` is its name."""
        self.answerer.outboxes[outbox.name] = outbox

    def hand_over(self, hint: Callable[[str], None] | None) -> None:
        """Let answer workers answer (``hint(key)`` tells them of a new event); ``None``: answer here."""
        self._hint = hint

    async def accept(self, events: Sequence[Inbound]) -> None:
        """Store the events; each one not finished before is answered, here or by a worker. The store
        is written on a thread: a database that makes a writer wait (SQLite's lock, a PostgreSQL round
        trip) holds up this request only, never the event loop that acknowledges the others; requests
        arriving meanwhile are stored together, in one transaction (:mod:`group_commit`)."""
        todo = await self._group_commit.submit(events) if events else []
        for skipped in sorted({e.key for e in events} - set(todo)):
            log.info("%s already handled: skipped", skipped)
        for key in todo:
            if self._hint is not None:
                self._hint(key)
            else:
                self.background.spawn(self.answerer.answer(key), key)

    async def unfinished(self, key: str) -> bool:
        """Whether the event ``key`` was accepted and is not finished yet (whoever answers it); the
        questions asked at the same moment are one store read."""
        return bool(await self._unfinished_check.submit([key]))

    async def respond_now(self, event: Inbound) -> tuple[Reply, Any]:
        """The reply and its rendering, for a channel that answers in its HTTP response."""
        outbox = self.answerer.outboxes[event.message.channel]

        def build() -> tuple[Reply, Any]:
            reply = self.responder.respond(event.message, event.key)
            return reply, outbox.render(reply, event)

        return await self.background.run_blocking(build)


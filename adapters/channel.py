"""The channel contract: what every messaging platform implements, and what it is given.

A channel (LINE, Slack, the web chat, tomorrow Teams or e-mail) is one module with a class that
has these members; ``bot/web/app.py`` lists the channels it runs, one line each::

    class Channel(Protocol):
        name: str                                    # IncomingMessage.channel of its messages
        def routes(self, intake) -> [Route]          # its HTTP endpoints
        def render(self, reply, inbound) -> payload  # a Reply in the platform's format (pure)
        async def send(self, payload, inbound) -> Delivery
        def health(self) -> dict                     # for /healthz (never secrets)
        async def start(self) -> None                # open clients, before the first request
        async def aclose(self) -> None

An endpoint *verifies* the request (signature, size), *parses* it into neutral
:class:`~bot.core.types.Inbound` events and hands them to ``intake.accept`` before it answers
2xx; the intake (:class:`bot.conversation.pipeline.Pipeline`) dedupes, answers, logs, and calls
``render`` and ``send``. A channel that answers inside its HTTP response uses
``intake.respond_now``. Nothing else in the house needs to change for a new channel.
"""
from __future__ import annotations

from typing import Any, Protocol, Sequence

from starlette.routing import BaseRoute

from bot.core.types import Delivery, Inbound, Reply


class Intake(Protocol):
    """Where a channel hands the events it accepted (implemented by the pipeline)."""

    async def accept(self, events: Sequence[Inbound]) -> None:
        """Take the events (each answered once); returns before the answers are ready."""
        ...

    async def respond_now(self, event: Inbound) -> tuple[Reply, Any]:
        """Answer one event now: the reply and the channel's rendering of it."""
        ...

    async def unfinished(self, key: str) -> bool:
        """Whether the event ``key`` was accepted and its answer is not out yet (in any process)."""
        ...


class Channel(Protocol):
    """One messaging platform (see the module docstring)."""

    name: str

    def routes(self, intake: Intake) -> Sequence[BaseRoute]:
        """The channel's HTTP endpoints, handing accepted events to ``intake``."""
        ...

    def render(self, reply: Reply, inbound: Inbound) -> Any:
        """``reply`` in the platform's format."""
        ...

    async def send(self, payload: Any, inbound: Inbound) -> Delivery:
        """Deliver ``payload``; failures are returned (and logged), never raised."""
        ...

    def health(self) -> dict[str, Any]:
        """Whether the channel is on, and why not (variable names only)."""
        ...

    async def start(self) -> None:
        """Open what the channel needs before its first request (at start-up, on the event loop)."""
        ...

    async def aclose(self) -> None:
        """Release clients and connections (at shutdown)."""
        ...

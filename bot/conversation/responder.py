"""From an accepted message to the reply: an answer, the greeting, a note, or a workflow's response.

Workflows plug in two ways, both neutral (no platform here):

- an *action handler* answers a tapped :class:`~bot.core.types.Action` whose value starts with
  its prefix (``escalate=…`` → the escalation desk);
- a *decorator* may add to an answer (the escalation offer, later feedback buttons).
"""
from __future__ import annotations

import logging
from typing import Callable, Mapping, Protocol, Sequence

from bot.core import messages
from bot.core.types import IncomingMessage, Reply
from bot.engine import Engine

log = logging.getLogger(__name__)
ActionHandler = Callable[[IncomingMessage], Reply]


class Decorator(Protocol):
    """Adds to the reply of a typed question (e.g. "担当者に聞く")."""

    def decorate(self, message: IncomingMessage, reply: Reply) -> Reply: ...


class Responder:
    """Decides the :class:`Reply` for each kind of :class:`IncomingMessage`."""

    def __init__(self, engine: Engine, actions: Mapping[str, ActionHandler] | None = None,
                 decorators: Sequence[Decorator] = ()) -> None:
        self.engine = engine
        self._actions = dict(actions or {})
        self._decorators = list(decorators)

    def add_action(self, prefix: str, handler: ActionHandler) -> None:
        """Send tapped actions whose value starts with ``prefix`` to ``handler``."""
        self._actions[prefix] = handler

    def add_decorator(self, decorator: Decorator) -> None:
        """Let ``decorator`` add to answers."""
        self._decorators.append(decorator)

    def respond(self, message: IncomingMessage, event_key: str | None = None) -> Reply:
        """The reply to ``message`` (CPU and store work: call it off the event loop); ``event_key``
        names the platform event, so that answering it again after a crash logs it once."""
        if message.kind == "follow":
            return self.engine.greeting("ja")
        if message.kind == "unsupported":
            return self.not_text()
        if message.kind == "action":
            return self._action(message)
        reply = self.engine.answer(message, event_key=event_key)
        if message.choice or not message.text.strip():
            return reply
        for decorator in self._decorators:
            reply = decorator.decorate(message, reply)
        return reply

    def prepare(self, messages: Sequence[IncomingMessage]) -> None:
        """Get ready to respond to several messages one after the other: cheaper than one by one, and
        each reply is the same (see :func:`bot.core.answer.prepare`)."""
        self.engine.prepare(messages)

    def not_text(self) -> Reply:
        """The polite note for a sticker, an image or a file, with the main topics."""
        topics = self.engine.greeting("ja").suggestions
        return Reply(text=messages.text(messages.NOT_TEXT, "ja"), kind="help", language="ja", suggestions=topics)

    def _action(self, message: IncomingMessage) -> Reply:
        value = message.action or ""
        for prefix, handler in self._actions.items():
            if value.startswith(prefix):
                return handler(message)
        log.info("%s: a button the bot no longer knows was tapped", message.channel)
        return Reply(text=messages.text(messages.UNKNOWN_ACTION, "ja"), kind="notice",
                     suggestions=self.engine.greeting("ja").suggestions)

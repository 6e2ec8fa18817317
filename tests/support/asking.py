"""Asking the core one question, as the tests of bot/core do (no channel, no store)."""
from __future__ import annotations

from itertools import count

from bot.core.answer import answer
from bot.core.types import Context, IncomingMessage, Reply
from bot.engine import Engine

_CONVERSATIONS = count(1)
ASKED_AT = 1010.0  # ten seconds after the previous turn of a conversation (see :func:`after`)


def ask(engine: Engine, text: str, context: Context | None = None) -> Reply:
    """The reply the engine's knowledge gives ``text``, in ``context`` when given."""
    return answer(IncomingMessage(text), engine.kb, context, ASKED_AT)


def after(previous: str | None, language: str = "ja") -> Context | None:
    """The context of a conversation whose previous answer was ``previous`` (``None``: a new one)."""
    return Context(previous, ASKED_AT - 10, language) if previous else None


def talk(engine: Engine, *turns: str) -> Reply:
    """The reply the user sees to the last of ``turns``, each asked in turn in one new conversation (the
    engine remembers its topic between turns, as on a channel)."""
    conversation = f"talk-{next(_CONVERSATIONS)}"
    replies = [engine.answer(IncomingMessage(turn, channel="test", conversation_id=conversation)) for turn in turns]
    return replies[-1]

"""Asking the core one question, as the tests of bot/core do (no channel, no store)."""
from __future__ import annotations

from bot.core.answer import answer
from bot.core.types import Context, IncomingMessage, Reply
from bot.engine import Engine

ASKED_AT = 1010.0  # ten seconds after the previous turn of a conversation (see :func:`after`)


def ask(engine: Engine, text: str, context: Context | None = None) -> Reply:
    """The reply the engine's knowledge gives ``text``, in ``context`` when given."""
    return answer(IncomingMessage(text), engine.kb, context, ASKED_AT)


def after(previous: str | None, language: str = "ja") -> Context | None:
    """The context of a conversation whose previous answer was ``previous`` (``None``: a new one)."""
    return Context(previous, ASKED_AT - 10, language) if previous else None

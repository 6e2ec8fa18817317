"""The stateful shell around the pure core: the live knowledge base, contexts and the inquiry log.

- ``engine.answer(message) -> Reply``  (CPU only, a few milliseconds; logs the inquiry)
- ``engine.greeting(language) -> Reply``  (welcome text with the main topics as suggestions)
- ``engine.swap(kb)`` makes another knowledge base live (hot reload); ``version_info()`` for /healthz

``load_engine(intents_dir, knowledge_dir, cache_dir)`` builds one through the index cache,
raising ``KnowledgeError`` (``.errors``: ``file:line: message``) on bad YAML.
"""
from __future__ import annotations

import logging
import time
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable, Protocol, Sequence

from bot.core.answer import CONTEXT_TTL, answer, help_reply, prepare
from bot.core.earlier_topic import moved_on
from bot.core.follow_up_topic import topic_of
from bot.core.index_cache import load_or_build
from bot.core.knowledge_base import KnowledgeBase
from bot.core.types import Context, IncomingMessage, Language, Reply
from bot.settings import Settings
from bot.storage.contexts import ContextMemory, ContextStore

log = logging.getLogger(__name__)


class InquiryRecorder(Protocol):
    """Where every question and its reply are recorded (:class:`bot.storage.inquiry_log.InquiryLog`)."""

    def record(self, message: IncomingMessage, reply: Reply, version: str, at: float,
               event_key: str | None = None) -> str: ...


class Engine:
    """Holds the live :class:`KnowledgeBase`; ``swap`` replaces it atomically."""

    def __init__(self, kb: KnowledgeBase, contexts: ContextStore | None = None,
                 clock: Callable[[], float] = time.time, log: InquiryRecorder | None = None) -> None:
        self._kb = kb
        self._contexts: ContextStore = contexts if contexts is not None else ContextMemory()
        self._clock = clock
        self._log = log
        self.last_rejected: dict[str, Any] | None = None

    @property
    def kb(self) -> KnowledgeBase:
        """The knowledge base in use right now."""
        return self._kb

    def swap(self, kb: KnowledgeBase) -> None:
        """Make ``kb`` live; requests already running keep the one they started with."""
        self._kb = kb
        self.last_rejected = None

    def answer(self, message: IncomingMessage, remember: bool = True, event_key: str | None = None) -> Reply:
        """Answer with the conversation's context, remember what it was about, and log it: the reply
        carries the inquiry's id (``event_key``: the platform event, logged once however often answered)."""
        kb = self._kb
        now = self._clock()
        key = f"{message.channel}:{message.conversation_id}"
        context = self._contexts.load(key) if remember else None
        reply = answer(message, kb, context, now)
        topic = topic_of(kb, reply) if remember else None
        if topic is not None:
            earlier = moved_on(context if context is not None and now - context.at <= CONTEXT_TTL else None, topic)
            self._contexts.save(key, Context(topic, now, reply.language, reply.names, earlier))
        if self._log is not None:
            try:
                reply = replace(reply, inquiry_id=self._log.record(message, reply, kb.version, now, event_key))
            except Exception:  # a failing log must never cost the user the answer
                log.exception("could not record the inquiry")
        return reply

    def prepare(self, messages: Sequence[IncomingMessage]) -> None:
        """Get ready to answer several messages one after the other (their questions encoded together)."""
        contexts = [self._contexts.load(f"{m.channel}:{m.conversation_id}") for m in messages]
        prepare(messages, self._kb, contexts, self._clock())

    def greeting(self, language: Language = "ja") -> Reply:
        """Welcome message with the main topics as suggestions."""
        return help_reply(self._kb, language, kind="greeting")

    def version_info(self) -> dict[str, Any]:
        """Which knowledge is live, and whether the latest edit was rejected."""
        kb = self._kb
        return {
            "version": kb.version,
            "loaded_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(kb.loaded_at)),
            "intents": len(kb.intents),
            "last_reload_rejected": self.last_rejected,
        }


def load_engine(intents_dir: Path, knowledge_dir: Path, cache_dir: Path | None = Settings.cache_dir, *,
                contexts: ContextStore | None = None, log: InquiryRecorder | None = None) -> Engine:
    """Load the YAML (through the index cache in ``cache_dir``; ``None``: no cache) and build an engine.

    Raises ``KnowledgeError`` with every ``file:line`` problem."""
    return Engine(load_or_build(intents_dir, knowledge_dir, cache_dir).kb, contexts=contexts, log=log)

"""The stateful shell around the pure core: the live knowledge base and conversation context.

Adapters and entry points talk only to :class:`Engine`:

- ``engine.answer(message) -> Reply``  (sync, CPU only, a few milliseconds)
- ``engine.greeting(language) -> Reply``  (welcome text with main-topic suggestions)
- ``engine.version_info() -> dict``  (for /healthz)

``load_engine(intents_dir, knowledge_dir)`` builds one, raising
``bot.core.knowledge.KnowledgeError`` (with ``.errors``: ``file:line: message``) on bad YAML.

Conversation context lives in a :class:`ContextStore` (in memory by default, or
``bot.storage.store.Store`` so that it survives restarts and is shared between processes);
with an :class:`InquiryLog` every question and reply is recorded.
"""
from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from pathlib import Path
from typing import Any, Callable, Protocol

from bot.core.answer import answer, help_reply
from bot.core.types import Context
from bot.core.knowledge_base import KnowledgeBase
from bot.core.types import IncomingMessage, Language, Reply

log = logging.getLogger(__name__)


class ContextStore(Protocol):
    """Where the engine keeps each conversation's last topic."""

    def get(self, key: str) -> Context | None: ...

    def put(self, key: str, context: Context) -> None: ...


class InquiryLog(Protocol):
    """Where every question and its reply are recorded (``bot.storage.store.Store``)."""

    def record(self, message: IncomingMessage, reply: Reply, version: str, at: float) -> None: ...


class ContextMemory:
    """Last topic per conversation, in memory, bounded in size and age."""

    def __init__(self, max_conversations: int = 10_000) -> None:
        self._items: OrderedDict[str, Context] = OrderedDict()
        self._max = max_conversations
        self._lock = threading.Lock()

    def get(self, key: str) -> Context | None:
        with self._lock:
            return self._items.get(key)

    def put(self, key: str, context: Context) -> None:
        with self._lock:
            self._items[key] = context
            self._items.move_to_end(key)
            while len(self._items) > self._max:
                self._items.popitem(last=False)


class Engine:
    """Holds the live :class:`KnowledgeBase`; ``swap`` replaces it atomically."""

    def __init__(self, kb: KnowledgeBase, contexts: ContextStore | None = None,
                 clock: Callable[[], float] = time.time, log: InquiryLog | None = None) -> None:
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

    def answer(self, message: IncomingMessage, remember: bool = True) -> Reply:
        """Answer with the conversation's context, and remember what it was about."""
        kb = self._kb
        now = self._clock()
        key = f"{message.channel}:{message.conversation_id}"
        reply = answer(message, kb, self._contexts.get(key) if remember else None, now)
        if remember and reply.intent_id and not reply.fallback:
            self._contexts.put(key, Context(reply.intent_id, now))
        if self._log is not None:
            try:
                self._log.record(message, reply, kb.version, now)
            except Exception:  # a failing log must never cost the user the answer
                log.exception("could not record the inquiry")
        return reply

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


def load_engine(intents_dir: Path, knowledge_dir: Path, *, contexts: ContextStore | None = None,
                log: InquiryLog | None = None) -> Engine:
    """Load the YAML and build an engine (raises ``KnowledgeError`` on bad files).

    Goes through the index cache (``.jetbot-cache/``, ``JETBOT_CACHE_DIR``; ``off`` disables it):
    a restart with unchanged YAML and code skips the build.
    """
    from bot.core.index_cache import load_kb_cached

    return Engine(load_kb_cached(intents_dir, knowledge_dir), contexts=contexts, log=log)

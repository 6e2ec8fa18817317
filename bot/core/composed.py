"""Every intent's composed answer, made when first asked for instead of held for all intents.

At 10,000 intents holding every answer in both languages took ~35 MB per worker; composing one
takes a fraction of a millisecond, and the answers of the most recent intents are kept.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any, Iterator, Mapping

from bot.core.compose import ComposedAnswer, compose
from bot.core.knowledge_model import Intent, Knowledge
from bot.core.types import Language

KEEP = 512


class ComposedAnswers(Mapping[str, Mapping[Language, ComposedAnswer]]):
    """``answers[intent_id][language]`` like a dict of every answer (an intent without an English
    answer gives its Japanese one for ``"en"``); thread-safe."""

    def __init__(self, knowledge: Knowledge, intents: Mapping[str, Intent], keep: int = KEEP) -> None:
        self._knowledge, self._intents, self._keep = knowledge, intents, keep
        self._recent: OrderedDict[str, _Languages] = OrderedDict()
        self._lock = threading.Lock()

    def __getitem__(self, intent_id: str) -> Mapping[Language, ComposedAnswer]:
        with self._lock:
            found = self._recent.get(intent_id)
            if found is not None:
                self._recent.move_to_end(intent_id)
                return found
        both = _Languages(self._intents[intent_id], self._knowledge, self._intents)
        with self._lock:
            self._recent[intent_id] = both
            while len(self._recent) > self._keep:
                self._recent.popitem(last=False)
        return both

    def __iter__(self) -> Iterator[str]:
        return iter(self._intents)

    def __len__(self) -> int:
        return len(self._intents)

    def __contains__(self, intent_id: object) -> bool:
        return intent_id in self._intents

    def __getstate__(self) -> dict[str, Any]:
        return {"knowledge": self._knowledge, "intents": self._intents, "keep": self._keep}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["knowledge"], state["intents"], state["keep"])  # type: ignore[misc]


class _Languages(Mapping[Language, ComposedAnswer]):
    """One intent's answer in ``"ja"`` and ``"en"``, each composed when first read (most questions read one
    language only); without an English answer, ``"en"`` gives the Japanese one."""

    def __init__(self, intent: Intent, knowledge: Knowledge, intents: Mapping[str, Intent]) -> None:
        self._intent, self._knowledge, self._intents = intent, knowledge, intents
        self._made: dict[Language, ComposedAnswer] = {}

    def __getitem__(self, language: Language) -> ComposedAnswer:
        made = self._made.get(language)
        if made is None:
            if language not in ("ja", "en"):
                raise KeyError(language)
            made = self["ja"] if language == "en" and not self._intent.answer_en else \
                compose(self._intent, self._knowledge, language, self._intents)
            self._made[language] = made  # two threads may both compose it: the same answer
        return made

    def __iter__(self) -> Iterator[Language]:
        return iter(("ja", "en"))

    def __len__(self) -> int:
        return 2

"""What the loaded YAML becomes: :class:`Knowledge` (intents, records, synonyms, menu), or a
:class:`KnowledgeError` listing every problem as ``file:line: message``."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.core.menu import MenuTopic
from bot.core.yaml_source import YamlError


class KnowledgeError(Exception):
    """The YAML could not be loaded; ``errors`` lists every problem as ``file:line: message``."""

    def __init__(self, errors: list[YamlError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


@dataclass(frozen=True)
class Record:
    """One knowledge entry (source, fact, link, contact or case): its fields and where it stands."""

    kind: str
    id: str
    data: dict[str, Any]
    file: str
    line: int

    def get(self, name: str, default: Any = None) -> Any:
        """Field value, or ``default`` when unset."""
        value = self.data.get(name)
        return default if value is None else value


@dataclass(frozen=True)
class Intent:
    """One intent as the admin wrote it."""

    id: str
    examples: tuple[str, ...]
    answer: str
    file: str
    line: int
    answer_en: str | None = None
    title: str | None = None
    title_en: str | None = None
    facts: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    contacts: tuple[str, ...] = ()
    cases: tuple[str, ...] = ()
    follow_ups: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    items: tuple[str, ...] = ()  # what the answer lists, in its order (「2番目は？」 picks one: follow_up_picks)
    example_lines: tuple[int, ...] = ()
    fallback: bool = False  # a known question the notice does not answer: the reply says so
    small_talk: bool = False  # a greeting or thanks: replied to, but no question answered (no feedback asked)


@dataclass(frozen=True)
class Knowledge:
    """Everything the bot knows, as loaded from one consistent set of files."""

    intents: tuple[Intent, ...]
    records: dict[str, dict[str, Record]] = field(default_factory=dict)
    synonyms: tuple[tuple[str, ...], ...] = ()
    version: str = ""
    menu: tuple[MenuTopic, ...] = ()  # the main topics, in order (``menu:`` in an intents file)

    def table(self, kind: str) -> dict[str, Record]:
        """All records of one kind (``facts``, ``contacts``…) by id."""
        return self.records.get(kind, {})

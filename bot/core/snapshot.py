"""A knowledge version as data: every YAML file of ``intents/`` and ``knowledge/``, and what changed.

A :class:`KnowledgeSnapshot` names its files ``intents/NAME`` and ``knowledge/NAME`` whatever the
folders are called on a host, so two hosts holding the same files agree on its ``version`` (the
content hash of :func:`bot.core.knowledge.hash_files`; it equals ``KnowledgeBase.version`` when the
bot runs beside folders named ``intents`` and ``knowledge``). :func:`changes` tells what one
version changed against another (intents, examples, knowledge records, files) and
:func:`unified_diff` shows it line by line. Pure: the files are read and written elsewhere.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any, Mapping

import yaml

from bot.core.knowledge import hash_files
from bot.core.schema import KNOWLEDGE_SECTIONS

FOLDERS = ("knowledge", "intents")  # the order content_version hashes them in


@dataclass(frozen=True)
class KnowledgeSnapshot:
    """Every YAML file of one knowledge version: ``(folder/name, text)``, knowledge files first."""

    files: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, files: Mapping[str, str]) -> "KnowledgeSnapshot":
        """From ``{"intents/a.yaml": text, …}``, in the canonical order (folder, then name)."""
        def order(name: str) -> tuple[int, str]:
            folder = name.partition("/")[0]
            return (FOLDERS.index(folder) if folder in FOLDERS else len(FOLDERS), name)
        return cls(tuple((name, files[name]) for name in sorted(files, key=order)))

    @property
    def version(self) -> str:
        """The content hash of the files (names and UTF-8 bytes)."""
        return hash_files((name, text.encode("utf-8")) for name, text in self.files)

    def as_dict(self) -> dict[str, str]:
        """``{"intents/a.yaml": text, …}``."""
        return dict(self.files)


@dataclass(frozen=True)
class Changes:
    """What a version changed against the one before it (ids; examples as ``(intent, example)``)."""

    intents_added: tuple[str, ...] = ()
    intents_removed: tuple[str, ...] = ()
    intents_changed: tuple[str, ...] = ()
    examples_added: tuple[tuple[str, str], ...] = ()
    examples_removed: tuple[tuple[str, str], ...] = ()
    records_added: tuple[str, ...] = ()      # "contacts:mext"
    records_removed: tuple[str, ...] = ()
    records_changed: tuple[str, ...] = ()
    files_added: tuple[str, ...] = ()
    files_removed: tuple[str, ...] = ()
    files_changed: tuple[str, ...] = ()
    first: bool = field(default=False)       # no earlier version to compare with

    def summary(self) -> str:
        """One line, e.g. ``+1 intent (visa), 2 examples added to 1 intent, 1 record changed``."""
        if self.first:
            return f"first recorded version ({len(self.intents_added)} intents)"
        parts = []
        for label, items in (("intent added", self.intents_added), ("intent removed", self.intents_removed),
                             ("intent changed", self.intents_changed)):
            if items:
                parts.append(f"{_count(len(items), label)} ({', '.join(items[:5])}{', …' if len(items) > 5 else ''})")
        for label, pairs in (("example added", self.examples_added), ("example removed", self.examples_removed)):
            if pairs:
                parts.append(_count(len(pairs), label))
        for label, items in (("record added", self.records_added), ("record removed", self.records_removed),
                             ("record changed", self.records_changed)):
            if items:
                parts.append(f"{_count(len(items), label)} ({', '.join(items[:3])}{', …' if len(items) > 3 else ''})")
        if not parts and (self.files_added or self.files_removed or self.files_changed):
            parts.append("layout or comments only (" + ", ".join(
                self.files_added + self.files_removed + self.files_changed) + ")")
        return "; ".join(parts) or "no change"

    def to_json(self) -> dict[str, Any]:
        """JSON-ready form (stored with the version)."""
        return {name: [list(x) if isinstance(x, tuple) else x for x in value] if isinstance(value, tuple) else value
                for name, value in self.__dict__.items()}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Changes":
        """Back from :meth:`to_json` (unknown keys ignored)."""
        values: dict[str, Any] = {}
        for name in cls.__dataclass_fields__:
            if name not in data:
                continue
            value = data[name]
            values[name] = (tuple(tuple(x) if isinstance(x, list) else x for x in value)
                            if isinstance(value, list) else bool(value))
        return cls(**values)


def _count(n: int, label: str) -> str:
    noun, _, verb = label.partition(" ")
    return f"{n} {noun}{'s' if n != 1 else ''} {verb}"


def _parsed(snapshot: KnowledgeSnapshot) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    """Intents by id and knowledge records by ``kind:id`` (files that do not parse are skipped)."""
    intents: dict[str, dict[str, Any]] = {}
    records: dict[str, Any] = {}
    for name, text in snapshot.files:
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError:
            continue
        if not isinstance(data, dict):
            continue
        for kind, items in data.items():
            if not isinstance(items, list):
                continue
            for item in items:
                if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                    continue
                if kind == "intents":
                    intents[item["id"]] = item
                elif kind in KNOWLEDGE_SECTIONS:
                    records[f"{kind}:{item['id']}"] = item
    return intents, records


def _examples(intent: Mapping[str, Any]) -> list[str]:
    examples = intent.get("examples")
    return [str(e) for e in examples] if isinstance(examples, list) else []


def changes(old: KnowledgeSnapshot | None, new: KnowledgeSnapshot) -> Changes:
    """What ``new`` changed against ``old`` (``None``: it is the first version)."""
    new_intents, new_records = _parsed(new)
    if old is None:
        return Changes(intents_added=tuple(new_intents), first=True)
    old_intents, old_records = _parsed(old)
    added_examples: list[tuple[str, str]] = []
    removed_examples: list[tuple[str, str]] = []
    for intent_id in new_intents.keys() | old_intents.keys():
        before = _examples(old_intents.get(intent_id, {}))
        after = _examples(new_intents.get(intent_id, {}))
        added_examples += [(intent_id, e) for e in after if e not in before]
        removed_examples += [(intent_id, e) for e in before if e not in after]
    old_files, new_files = old.as_dict(), new.as_dict()
    return Changes(
        intents_added=tuple(i for i in new_intents if i not in old_intents),
        intents_removed=tuple(i for i in old_intents if i not in new_intents),
        intents_changed=tuple(i for i in new_intents if i in old_intents and new_intents[i] != old_intents[i]),
        examples_added=tuple(sorted(added_examples)),
        examples_removed=tuple(sorted(removed_examples)),
        records_added=tuple(r for r in new_records if r not in old_records),
        records_removed=tuple(r for r in old_records if r not in new_records),
        records_changed=tuple(r for r in new_records if r in old_records and new_records[r] != old_records[r]),
        files_added=tuple(f for f in new_files if f not in old_files),
        files_removed=tuple(f for f in old_files if f not in new_files),
        files_changed=tuple(f for f in new_files if f in old_files and new_files[f] != old_files[f]),
    )


def unified_diff(old: KnowledgeSnapshot | None, new: KnowledgeSnapshot, context: int = 3) -> str:
    """The YAML changes as one unified diff (``a/…`` the older version, ``b/…`` the newer)."""
    before = old.as_dict() if old is not None else {}
    after = new.as_dict()
    names = [name for name, _ in KnowledgeSnapshot.of({**before, **after}).files]
    out: list[str] = []
    for name in names:
        out += difflib.unified_diff(before.get(name, "").splitlines(keepends=True),
                                    after.get(name, "").splitlines(keepends=True),
                                    f"a/{name}" if name in before else "/dev/null",
                                    f"b/{name}" if name in after else "/dev/null", n=context)
    return "".join(line if line.endswith("\n") else line + "\n" for line in out)

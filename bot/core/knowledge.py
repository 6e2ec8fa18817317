"""Load ``knowledge/`` and ``intents/`` into one immutable :class:`Knowledge`, or every error."""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterable

from bot.core.knowledge_model import Intent, Knowledge, KnowledgeError, Record
from bot.core.menu import MenuTopic, check_menu, read_topics
from bot.core.references import check_references
from bot.core.schema import INTENT_SECTIONS, KNOWLEDGE_SECTIONS, check_records, check_synonyms
from bot.core.yaml_source import LineDict, YamlError, read_yaml

def yaml_files(folder: Path) -> list[Path]:
    """The ``*.yaml`` / ``*.yml`` files of ``folder``, in name order (none if it is missing)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def display_path(path: Path) -> str:
    """How messages name a file: relative to the working folder when it is inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def hash_files(files: Iterable[tuple[str, bytes]]) -> str:
    """A content hash of named files, in the order given (12 hex digits)."""
    digest = hashlib.sha256()
    for name, data in files:
        digest.update(name.encode() + b"\0" + data + b"\0")
    return digest.hexdigest()[:12]


def content_version(intents_dir: Path, knowledge_dir: Path) -> str:
    """The knowledge's version: a hash of the YAML files' names and bytes (no parsing)."""
    return hash_files((display_path(path), path.read_bytes())
                      for folder in (knowledge_dir, intents_dir) for path in yaml_files(folder))


def load_knowledge(intents_dir: Path, knowledge_dir: Path) -> Knowledge:
    """Read both folders; raise :class:`KnowledgeError` listing every problem found."""
    errors: list[YamlError] = []
    version = content_version(intents_dir, knowledge_dir)
    records: dict[str, dict[str, Record]] = {kind: {} for kind in KNOWLEDGE_SECTIONS}
    intents: list[Intent] = []
    synonyms: list[tuple[str, ...]] = []
    menu: list[MenuTopic] = []
    unreadable = 0  # files that do not parse: what they define is missing, so references cannot be judged
    if not intents_dir.is_dir():
        errors.append(YamlError(str(intents_dir), 0, "intents folder not found"))
    for folder, sections in ((knowledge_dir, KNOWLEDGE_SECTIONS), (intents_dir, INTENT_SECTIONS)):
        for path in yaml_files(folder):
            shown = display_path(path)
            data, problems = read_yaml(path, shown)
            errors.extend(problems)
            unreadable += data is None and bool(problems)
            if data is None and not problems:
                continue  # an empty file is allowed
            if not isinstance(data, LineDict):
                if data is not None:
                    errors.append(YamlError(shown, 1, f"top level must be a mapping with {' / '.join(sections)}"))
                continue
            for key in data:
                if key not in sections:
                    errors.append(YamlError(shown, data.line_of(key),
                                            f"unknown section '{key}' (expected {', '.join(sections)})"))
            for key in sections:
                if key not in data:
                    continue
                line = data.line_of(key)
                if key == "synonyms":
                    good, problems = check_synonyms(data[key], shown, line)
                    synonyms.extend(good)
                elif key == "menu":
                    good_items, problems = check_records(data[key], key, shown, line)
                    topics, more = read_topics(good_items, shown)
                    menu.extend(topics)
                    problems += more
                else:
                    good_items, problems = check_records(data[key], key, shown, line)
                    for item in good_items:
                        if key == "intents":
                            intents.append(_intent(item, shown))
                        else:
                            _add_record(records[key], Record(key, item["id"], dict(item), shown, item.line), errors)
                errors.extend(problems)
    _check_duplicate_intents(intents, errors)
    knowledge = Knowledge(tuple(intents), records, tuple(synonyms), version, tuple(menu))
    if not unreadable:  # else every id the broken file defines would be reported missing: the root cause only
        errors.extend(check_references(knowledge))
        errors.extend(check_menu(menu, {i.id for i in intents}))
    if not intents and not errors:
        errors.append(YamlError(str(intents_dir), 0, "no intents found"))
    if errors:
        raise KnowledgeError(errors)
    return knowledge


def _intent(item: LineDict, shown: str) -> Intent:
    def strs(name: str) -> tuple[str, ...]:
        return tuple(str(v).strip() for v in item.get(name) or ())

    example_lines = getattr(item.get("examples"), "item_lines", [])
    return Intent(
        id=item["id"], examples=strs("examples"), answer=item["answer"].strip(), file=shown, line=item.line,
        answer_en=(item.get("answer_en") or "").strip() or None,
        title=item.get("title"), title_en=item.get("title_en"),
        facts=strs("facts"), links=strs("links"), contacts=strs("contacts"), cases=strs("cases"),
        follow_ups=strs("follow_ups"), keywords=strs("keywords"), items=strs("items"),
        example_lines=tuple(example_lines),
        fallback=bool(item.get("fallback")), small_talk=bool(item.get("small_talk")),
    )


def _add_record(table: dict[str, Record], record: Record, errors: list[YamlError]) -> None:
    if record.id in table:
        first = table[record.id]
        errors.append(YamlError(record.file, record.line,
                                f"duplicate {record.kind[:-1]} id '{record.id}' (first at {first.file}:{first.line})"))
        return
    table[record.id] = record


def _check_duplicate_intents(intents: list[Intent], errors: list[YamlError]) -> None:
    seen: dict[str, Intent] = {}
    for intent in intents:
        if intent.id in seen:
            first = seen[intent.id]
            errors.append(YamlError(intent.file, intent.line,
                                    f"duplicate intent id '{intent.id}' (first at {first.file}:{first.line})"))
        else:
            seen[intent.id] = intent

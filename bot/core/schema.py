"""The YAML schema: which fields each record has, their types, and the checks on them."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.core.yaml_source import LineDict, LineList, YamlError

ID_RE = re.compile(r"^[a-z0-9][a-z0-9_]*$")


@dataclass(frozen=True)
class Field:
    """One field of a record: ``kind`` is str, text (non-empty str), id, ids, strs, int, bool."""

    name: str
    kind: str
    required: bool = False
    choices: tuple[Any, ...] = ()


RECORDS: dict[str, tuple[Field, ...]] = {
    "sources": (
        Field("id", "id", True), Field("title", "text", True), Field("title_en", "text"),
        Field("kind", "str", True, ("notice", "official", "press")),
        Field("url", "str"), Field("date", "str"),
    ),
    "facts": (
        Field("id", "id", True), Field("text", "text", True), Field("text_en", "text"),
        Field("source", "id", True), Field("section", "str"),
    ),
    "links": (
        Field("id", "id", True), Field("title", "text", True), Field("title_en", "text"),
        Field("url", "text", True), Field("source", "id"),
    ),
    "contacts": (
        Field("id", "id", True), Field("name", "text", True), Field("name_en", "text"),
        Field("phone", "str"), Field("email", "str"), Field("topics", "strs"),
        Field("default", "bool"), Field("source", "id"), Field("section", "str"),
    ),
    "cases": (
        Field("id", "id", True), Field("municipality", "text", True), Field("prefecture", "str"),
        Field("category", "int", True, (1, 2)), Field("school_level", "str"),
        Field("summary", "text", True), Field("summary_en", "text"), Field("source", "id", True),
    ),
    "figures": (  # a figure printed in a fact, as a number (bot/core/figures.py)
        Field("id", "id", True), Field("fact", "id", True), Field("value", "str", True),
        Field("measure", "str", True, ("participants", "new", "countries", "cumulative", "cases", "founded",
                                       "contract_years")),
        Field("year", "int"), Field("role", "str", False, ("ALT", "CIR", "SEA")),
        Field("part", "str", False, ("school", "community", "since_start", "usual", "longest")),
    ),
    "intents": (
        Field("id", "id", True), Field("examples", "strs", True), Field("answer", "text", True),
        Field("answer_en", "text"), Field("title", "text"), Field("title_en", "text"),
        Field("facts", "ids"), Field("links", "ids"), Field("contacts", "ids"), Field("cases", "ids"),
        Field("follow_ups", "ids"), Field("keywords", "strs"), Field("fallback", "bool"),
        Field("small_talk", "bool"), Field("items", "strs"),
    ),
    "menu": (  # the main topics (bot/core/menu.py)
        Field("label", "text", True), Field("intent", "id", True), Field("caption", "text"),
        Field("label_en", "text"),
    ),
}
KNOWLEDGE_SECTIONS = ("sources", "facts", "links", "contacts", "cases", "figures")
INTENT_SECTIONS = ("intents", "synonyms", "menu")
_NOUNS = {"menu": "menu topic"}  # what one record of a section is called in messages


def _check_value(field: Field, value: Any) -> str | None:
    """Return a problem with ``value`` for ``field``, or None when it fits."""
    kind = field.kind
    if kind in ("str", "text", "id"):
        if isinstance(value, (int, float)) and not isinstance(value, bool) and kind == "str":
            return None  # a bare number such as a year is fine as text
        if not isinstance(value, str):
            return f"'{field.name}' must be text, not {type(value).__name__}"
        if kind == "text" and not value.strip():
            return f"'{field.name}' must not be empty"
        if kind == "id" and not ID_RE.match(value):
            return f"'{field.name}' must be lower-case letters, digits and '_' (got '{value}')"
    elif kind in ("strs", "ids"):
        if not isinstance(value, list):
            return f"'{field.name}' must be a list"
        if field.required and not value:
            return f"'{field.name}' needs at least one entry"
        for item in value:
            if kind == "strs" and isinstance(item, (int, float)) and not isinstance(item, bool):
                continue  # a bare number such as 1987 is a fine keyword
            if not isinstance(item, str) or not item.strip():
                return f"'{field.name}' entries must be non-empty text (got {item!r})"
            if kind == "ids" and not ID_RE.match(item):
                return f"'{field.name}' entry '{item}' is not a valid id"
    elif kind == "int":
        if not isinstance(value, int) or isinstance(value, bool):
            return f"'{field.name}' must be a whole number"
    elif kind == "bool" and not isinstance(value, bool):
        return f"'{field.name}' must be true or false"
    if field.choices and value not in field.choices:
        return f"'{field.name}' must be one of {', '.join(map(str, field.choices))} (got {value!r})"
    return None


def check_records(items: Any, section: str, path: str, line: int) -> tuple[list[LineDict], list[YamlError]]:
    """Check a list of records of one ``section``; return the good ones and every error."""
    if not isinstance(items, list):
        return [], [YamlError(path, line, f"'{section}' must be a list")]
    fields = {f.name: f for f in RECORDS[section]}
    good: list[LineDict] = []
    errors: list[YamlError] = []
    item_lines = items.item_lines if isinstance(items, LineList) else [line] * len(items)
    for item, item_line in zip(items, item_lines):
        if not isinstance(item, LineDict):
            errors.append(YamlError(path, item_line, f"each entry of '{section}' must be a mapping"))
            continue
        problems: list[YamlError] = []
        for name in item:
            if name not in fields:
                known = ", ".join(fields)
                problems.append(YamlError(path, item.line_of(name), f"unknown field '{name}' (known: {known})"))
        for field in fields.values():
            if field.name not in item or item[field.name] is None:
                if field.required:
                    noun = _NOUNS.get(section, section[:-1])
                    problems.append(YamlError(path, item.line, f"{noun} is missing '{field.name}'"))
                continue
            problem = _check_value(field, item[field.name])
            if problem:
                problems.append(YamlError(path, item.line_of(field.name), problem))
        errors.extend(problems)
        if not problems:
            good.append(item)
    return good, errors


def check_synonyms(groups: Any, path: str, line: int) -> tuple[list[tuple[str, ...]], list[YamlError]]:
    """Synonym groups: a list of lists of at least two words."""
    if not isinstance(groups, list):
        return [], [YamlError(path, line, "'synonyms' must be a list of word lists")]
    good: list[tuple[str, ...]] = []
    errors: list[YamlError] = []
    item_lines = groups.item_lines if isinstance(groups, LineList) else [line] * len(groups)
    for group, group_line in zip(groups, item_lines):
        if (not isinstance(group, list) or len(group) < 2
                or not all(isinstance(w, (str, int)) and str(w).strip() for w in group)):
            errors.append(YamlError(path, group_line, "a synonym group is a list of at least two words"))
            continue
        good.append(tuple(str(w) for w in group))
    return good, errors

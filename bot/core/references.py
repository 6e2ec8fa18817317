"""The references between the YAML files: ids an intent or record names, and the placeholders in answers
(``{fact:x}``, ``{contact:mic.phone}``, ``{link:y.url}``), each checked to exist."""
from __future__ import annotations

import re

from bot.core.knowledge_model import Intent, Knowledge
from bot.core.yaml_source import YamlError

PLACEHOLDER = re.compile(r"\{(fact|contact|link):([a-z0-9_]+)(?:\.([a-z_]+))?\}")
CONTACT_FIELDS = ("name", "name_en", "phone", "email")
LINK_FIELDS = ("title", "title_en", "url")


def facts_stated(intent: Intent) -> frozenset[str]:
    """The facts an intent's answer states: those its templates (either language) quote and those it lists."""
    quoted = {m.group(2) for t in (intent.answer, intent.answer_en or "") for m in PLACEHOLDER.finditer(t)
              if m.group(1) == "fact"}
    return frozenset(quoted | set(intent.facts))


def check_references(knowledge: Knowledge) -> list[YamlError]:
    """Every id an intent or record names must exist; every placeholder must resolve."""
    errors: list[YamlError] = []
    sources = knowledge.table("sources")
    for kind in ("facts", "links", "contacts", "cases"):
        for record in knowledge.table(kind).values():
            source = record.get("source")
            if source and source not in sources:
                errors.append(YamlError(record.file, record.line,
                                        f"{kind[:-1]} '{record.id}' names unknown source '{source}'"))
    errors.extend(_figure_problems(knowledge))
    intent_ids = {i.id for i in knowledge.intents}
    for intent in knowledge.intents:
        for kind, ids in (("facts", intent.facts), ("links", intent.links), ("contacts", intent.contacts),
                          ("cases", intent.cases)):
            for ref in ids:
                if ref not in knowledge.table(kind):
                    errors.append(YamlError(intent.file, intent.line,
                                            f"intent '{intent.id}' refers to unknown {kind[:-1]} '{ref}'"))
        for ref in intent.follow_ups:
            if ref not in intent_ids:
                errors.append(YamlError(intent.file, intent.line,
                                        f"intent '{intent.id}' has unknown follow-up '{ref}'"))
        for text in (intent.answer, intent.answer_en or ""):
            for match in PLACEHOLDER.finditer(text):
                problem = _placeholder_problem(knowledge, *match.groups())
                if problem:
                    errors.append(YamlError(intent.file, intent.line,
                                            f"intent '{intent.id}': {match.group(0)} {problem}"))
    return errors


def _figure_problems(knowledge: Knowledge) -> list[YamlError]:
    """A figure names a fact whose texts print its value as written (the number is read, not restated)."""
    errors: list[YamlError] = []
    facts = knowledge.table("facts")
    for figure in knowledge.table("figures").values():
        fact, value = facts.get(figure.get("fact")), str(figure.get("value"))
        if fact is None:
            errors.append(YamlError(figure.file, figure.line,
                                    f"figure '{figure.id}' names unknown fact '{figure.get('fact')}'"))
        elif not re.fullmatch(r"\d+|\d{1,3}(?:,\d{3})+", value):
            errors.append(YamlError(figure.file, figure.line,
                                    f"figure '{figure.id}': value '{value}' is not a number as printed (5,831)"))
        elif any(not re.search(rf"(?<![\d,]){re.escape(value)}(?![\d,])", str(text))
                 for text in (fact.get("text"), fact.get("text_en")) if text):
            errors.append(YamlError(figure.file, figure.line,
                                    f"figure '{figure.id}': fact '{fact.id}' does not print {value}"))
    return errors


def _placeholder_problem(knowledge: Knowledge, kind: str, ref: str, attr: str | None) -> str | None:
    table = knowledge.table(kind + "s")
    if ref not in table:
        return f"names unknown {kind} '{ref}'"
    allowed = {"fact": (None,), "contact": CONTACT_FIELDS, "link": LINK_FIELDS}[kind]
    if attr not in allowed:
        return f"has no field '{attr}' (use one of {', '.join(a or '(none)' for a in allowed)})"
    if attr and table[ref].get(attr) is None:
        return f"refers to '{attr}', which {kind} '{ref}' does not have"
    return None

"""Turn an intent and the facts it names into the answer a user reads (on demand: :mod:`bot.core.composed`)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping

from bot.core.knowledge_model import Intent, Knowledge, Record
from bot.core.references import PLACEHOLDER
from bot.core.types import Contact, Language, Link, Suggestion

_SOURCE_PREFIX = {
    "ja": {"notice": "出典: 通知「{title}」", "official": "出典: {title}", "press": "出典（報道）: {title}"},
    "en": {"notice": "Source: the notice \"{title}\"", "official": "Source: {title}",
           "press": "Source (press report): {title}"},
}


@dataclass(frozen=True)
class ComposedAnswer:
    """The rendered answer of one intent in one language."""

    text: str
    links: tuple[Link, ...]
    contacts: tuple[Contact, ...]
    suggestions: tuple[Suggestion, ...]
    source: str | None


def label(intent: Intent, language: Language) -> str:
    """Button label for an intent: its title, else its first example (channels shorten it)."""
    return (intent.title_en if language == "en" else None) or intent.title or intent.examples[0]


def _field(record: Record, name: str, language: Language) -> str:
    if language == "en":
        return str(record.get(f"{name}_en") or record.get(name) or "")
    return str(record.get(name) or "")


def _fill(template: str, knowledge: Knowledge, language: Language) -> str:
    def replace(match: "re.Match[str]") -> str:
        kind, ref, attr = match.groups()
        record = knowledge.table(kind + "s")[ref]
        if kind == "fact":
            return _field(record, "text", language)
        name = attr or ("name" if kind == "contact" else "title")
        return str(record.get(name) or "")

    return PLACEHOLDER.sub(replace, template)


def contact_of(record: Record, language: Language = "ja") -> Contact:
    """The neutral contact card for a contact record."""
    name = _field(record, "name", language)
    return Contact(id=record.id, name=name, phone=record.get("phone"), email=record.get("email"),
                   name_en=record.get("name_en"))


def source_line(knowledge: Knowledge, records: list[Record], language: Language) -> str | None:
    """One line per source, naming every section of it the answer drew on."""
    sources = knowledge.table("sources")
    sections: dict[str, list[str]] = {}
    for record in records:
        source_id = record.get("source", "")
        if source_id not in sources:
            continue
        found = sections.setdefault(source_id, [])
        section = record.get("section")
        if section and sources[source_id].get("kind") == "notice" and section not in found:
            found.append(section)
    lines = []
    for source_id, found in sections.items():
        source = sources[source_id]
        line = _SOURCE_PREFIX[language].get(source.get("kind"), "{title}").format(title=_field(source, "title", language))
        if found:
            line += f"（{'、'.join(found)}）" if language == "ja" else f" ({', '.join(found)})"
        lines.append(line)
    return "\n".join(lines) or None


def source_links(knowledge: Knowledge, records: list[Record], language: Language,
                 shown: list[Link] | tuple[Link, ...] = ()) -> list[Link]:
    """The sources of ``records`` that have a web address, once each and not among ``shown``."""
    sources = knowledge.table("sources")
    links: list[Link] = []
    for record in records:
        source = sources.get(record.get("source", ""))
        url = str(source.get("url")) if source is not None and source.get("url") else None
        if url and all(l.url != url for l in (*shown, *links)):
            links.append(Link(_field(source, "title", language), url))
    return links


def compose(intent: Intent, knowledge: Knowledge, language: Language,
            intents: Mapping[str, Intent] | None = None) -> ComposedAnswer:
    """Answer text (with facts and cases appended), links, contacts, follow-ups and source
    (``intents``: the knowledge's intents by id, when the caller has them)."""
    template = intent.answer_en if language == "en" and intent.answer_en else intent.answer
    parts = [_fill(template, knowledge, language)]
    listed = [knowledge.table("facts")[f] for f in intent.facts]
    parts.extend(_field(fact, "text", language) for fact in listed)
    quoted = [knowledge.table("facts")[m.group(2)] for m in PLACEHOLDER.finditer(template) if m.group(1) == "fact"]
    facts = list({f.id: f for f in quoted + listed}.values())  # every fact the answer states, for its source
    cases = [knowledge.table("cases")[c] for c in intent.cases]
    for case in cases:
        place = f"{case.get('prefecture', '')}{case.get('municipality')}"
        parts.append(f"・{place}: {_field(case, 'summary', language)}")
    links: list[Link] = []
    for link_id in intent.links:
        record = knowledge.table("links")[link_id]
        links.append(Link(_field(record, "title", language), str(record.get("url"))))
    links += source_links(knowledge, facts + cases, language, links)
    contact_records = [knowledge.table("contacts")[c] for c in intent.contacts]
    contacts = tuple(contact_of(record, language) for record in contact_records)
    by_id = intents if intents is not None else {i.id: i for i in knowledge.intents}
    suggestions = tuple(Suggestion(label(by_id[f], language), f) for f in intent.follow_ups if f in by_id)
    text = "\n".join(p.strip() for p in parts if p and p.strip())
    return ComposedAnswer(text, tuple(links), contacts, suggestions, source_line(knowledge, facts + cases + contact_records, language))


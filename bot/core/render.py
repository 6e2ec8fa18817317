"""Plain-text and JSON renderings of a reply (CLI, logs, web chat)."""
from __future__ import annotations

from typing import Any

from bot.core.types import Contact, Language, Reply

_LABELS = {
    "ja": {"links": "関連リンク", "contact": "問い合わせ先", "phone": "電話", "email": "メール",
           "suggest": "関連する質問"},
    "en": {"links": "Links", "contact": "Contact", "phone": "Phone", "email": "E-mail",
           "suggest": "Related questions"},
}


def contact_lines(contact: Contact, language: Language) -> list[str]:
    """A contact written out: name, phone, e-mail."""
    words = _LABELS[language]
    lines = [contact.name]
    if contact.phone:
        lines.append(f"{words['phone']}: {contact.phone}")
    if contact.email:
        lines.append(f"{words['email']}: {contact.email}")
    return lines


def plain_text(reply: Reply, suggestions: bool = True) -> str:
    """The whole reply as a person reads it: answer, source, links and contacts written out."""
    words = _LABELS[reply.language]
    blocks = [reply.text]
    if reply.source:
        blocks.append(reply.source)
    if reply.links:
        blocks.append(f"【{words['links']}】\n" + "\n".join(f"{l.title}\n{l.url}" for l in reply.links))
    for contact in reply.contacts:
        blocks.append(f"【{words['contact']}】\n" + "\n".join(contact_lines(contact, reply.language)))
    if suggestions and reply.suggestions:
        blocks.append(f"【{words['suggest']}】\n" + "\n".join(f"・{s.label}" for s in reply.suggestions))
    return "\n\n".join(b for b in blocks if b)


def to_json(question: str, reply: Reply) -> dict[str, Any]:
    """The ``jetbot ask --json`` object."""
    return {
        "question": question,
        "intent": reply.intent_id,
        "score": reply.score,
        "fallback": reply.fallback,
        "kind": reply.kind,
        "language": reply.language,
        "text": plain_text(reply),
        "links": [{"title": l.title, "url": l.url} for l in reply.links],
        "contacts": [{"name": c.name, "phone": c.phone, "email": c.email} for c in reply.contacts],
        "suggestions": [{"label": s.label, "intent": s.intent_id} for s in reply.suggestions],
        "candidates": [{"intent": c.intent_id, "score": c.score} for c in reply.candidates],
    }

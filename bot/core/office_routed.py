"""Which office to ask about a topic (「ALTの授業のことはどこに相談すればいい？」, "Who should I ask about funding?"):
the contact list says the notice routes no topic to an office and gives the JET Programme website's guidance. When
the question's own words are the topics of one office only, that office leads (a line naming it for the topic), its
card comes first and it is the office the conversation remembers, so 「電話番号は？」 next is its number."""
from __future__ import annotations

from dataclasses import replace

from bot.core import messages
from bot.core.knowledge_base import KnowledgeBase
from bot.core.narrow import kind_of
from bot.core.orthography import clean
from bot.core.office_excluded import CONTACTS_INTENT
from bot.core.types import Reply


def routed_office(kb: KnowledgeBase, reply: Reply, text: str) -> tuple[Reply, str | None]:
    """``reply`` (the contact list) led by the one office whose topics the message ``text`` names, and the intent of
    that office's contact; ``reply`` and ``None`` when no single office's topic is named (or an office itself is:
    that is read elsewhere)."""
    if reply.intent_id != CONTACTS_INTENT:
        return reply, None
    said = clean(text)
    records = kb.knowledge.table("contacts").values()
    if any(t in said for r in records for t in _topics(r) if kind_of(t) == "office"):
        return reply, None
    hits = {r.id: [t for t in _topics(r) if kind_of(t) != "office" and t.lower() in said] for r in records}
    routed = [office for office, words in hits.items() if words]
    if len(routed) != 1:
        return reply, None
    office = routed[0]
    owner = next((i for i, card in kb.office_cards.items() if card == office and not kb.intents[i].fallback),
                 None)  # (the intent giving that office's card: contact_mext)
    card = next((c for c in reply.contacts if c.id == office), None)
    if owner is None or card is None:
        return reply, None
    name = card.name if reply.language == "ja" else card.name_en or card.name
    lead = messages.text(messages.ROUTED, reply.language).format(topic=hits[office][0], office=name)
    return replace(reply, text=f"{lead}\n{reply.text}",
                   contacts=(card, *(c for c in reply.contacts if c is not card))), owner


def _topics(record) -> list[str]:  # (a Record: knowledge_base's table row)
    return [str(t) for t in record.get("topics") or ()]

"""The e-mail addresses asked of one office (「総務省にメールで問い合わせたいです。アドレスは？」): that office's card,
not the list of every office's address; an address written asks whose it is (「kokusai@soumu.go.jpはどこの
アドレス？」). Asked of an office that prints none (外務省), its card says it has only a phone number printed."""
from __future__ import annotations

import re
from dataclasses import replace

from bot.core.knowledge_base import KnowledgeBase
from bot.core.office_excluded import EMAIL_INTENT, offices_left_out, offices_named
from bot.core.orthography import clean
from bot.core.replies import intent_reply
from bot.core.types import Language, Reply


def one_office_email(kb: KnowledgeBase, reply: Reply, text: str, language: Language,
                     talked_about: str | None = None) -> Reply:
    """``reply`` (to the message ``text``) as the card of the one office it names, when it is the e-mail list; a
    message naming none, right after one office's card (``talked_about``), asks that office's (「メールアドレスは？」)."""
    cleaned = clean(text)
    contacts = kb.knowledge.table("contacts")
    # (「kokusai@soumu.go.jpはどこのアドレス？」: the office an address printed is of; not sure of the rest of the
    # message ("kokusai@soumu.go.jp - whose address?"), the address says what it is about)
    written = {key for key, c in contacts.items() if c.get("email") and _written(str(c.get("email")).lower(), cleaned)}
    if reply.intent_id != EMAIL_INTENT and not (len(written) == 1 and reply.kind == "clarify"):
        return reply
    offices = offices_named(kb, cleaned) - offices_left_out(kb, cleaned)
    cards = [i.id for i in kb.knowledge.intents if i.id.startswith("contact") and len(i.contacts) == 1]
    if not written and not offices and talked_about in cards:
        own = [talked_about]
    elif len(written) > 1 or not written and len(offices) != 1:
        return reply
    else:
        own = [i for i in cards if (kb.intents[i].contacts[0] in written if written else
                                    str(contacts.get(kb.intents[i].contacts[0], {}).get("name", "")).startswith(
                                        next(iter(offices))))]
    if len(own) != 1:
        return reply
    return replace(intent_reply(kb, own[0], language, reply.score, reply.candidates), names=reply.names)


def _written(address: str, text: str) -> bool:
    """Whether ``text`` writes the address, whole or its name before the @ (「kokusai@ はどこのアドレス？」)."""
    return address in text or re.search(rf"(?<![\w.]){re.escape(address.split('@')[0])}@(?![\w])", text) is not None

"""「CIRのは？」, "and the CIR one?" right after an answer about a casebook: the other role's casebook.

There are two casebooks, the JET-ALT casebook (参考資料4 and its full version) and the CIR casebook (参考資料1). After
one of them ("When was the ALT casebook put out?"), a role named alone with "one" or 「の」 points at that role's
casebook, not at the role itself or at the casebook just given.
"""
from __future__ import annotations

import re

from bot.core.knowledge_base import KnowledgeBase
from bot.core.orthography import clean
from bot.core.types import Context

_ROLE_ONE = re.compile(r"^(?:(?:and|so|what about|how about)\s+)?(?:the\s+)?(alt|cir)(?:\s+one|'s)\s*[?？.]?$|"
                       r"^(?:じゃあ|では|で)?、?(alt|cir)の(?:は|方は|ほうは|やつは|も)[？?]?$")
_CASEBOOK = re.compile(r"事例集|casebook", re.IGNORECASE)


def casebook_of_role(kb: KnowledgeBase, text: str, context: Context | None) -> str | None:
    """The question about the named role's casebook when ``text`` names a role alone right after an answer about
    a casebook (its title says so); None otherwise."""
    found = _ROLE_ONE.match(clean(text).strip())
    if found is None or context is None or context.intent_id not in kb.intents:
        return None
    intent = kb.intents[context.intent_id]
    if not _CASEBOOK.search(f"{intent.title} {intent.title_en}"):
        return None
    role = found.group(1) or found.group(2)
    return f"and the {role} casebook?" if found.group(1) else f"{role}の事例集は？"

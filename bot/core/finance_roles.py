"""Whether the funding covers a role (「財政措置ってALTだけ？CIRも入る？」, "Is there funding for CIRs too?"): the notice
writes of the local finance measures right after its parts on ALTs, CIRs and SEAs, of "these JET Programme
participants". That is said first when the finance measures are answered to a question naming a role."""
from __future__ import annotations

from dataclasses import replace

from bot.core.analysis import Analysis
from bot.core.knowledge_base import KnowledgeBase
from bot.core.narrow import ROLES
from bot.core.types import Reply

FINANCE_INTENT = "local_finance"
ROLES_FACT = "local_finance_roles"  # optional: the fact that says which participants the notice writes it of


def with_roles_covered(kb: KnowledgeBase, reply: Reply, own: Analysis) -> Reply:
    """``reply`` led by the roles the funding is written of, when it answers the finance measures to a message
    (``own``: read alone) that names a role; else ``reply`` as it is."""
    if reply.intent_id != FINANCE_INTENT or not ROLES.intersection(own.terms):
        return reply
    fact = kb.knowledge.table("facts").get(ROLES_FACT)
    if fact is None:
        return reply
    said = str(fact.get("text_en") if reply.language == "en" and fact.get("text_en") else fact.get("text"))
    return replace(reply, text=f"{said}\n{reply.text}")

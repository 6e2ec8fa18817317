"""An answer found, focused on what was asked: its sentences narrowed and led by the thing asked, the contact
field asked first, suggestions about other things left out, and what the conversation remembers of it."""
from __future__ import annotations

from dataclasses import dataclass, replace

from bot.core.analysis import Analysis
from bot.core.finance_roles import with_roles_covered
from bot.core.follow_up_forms import office_answered, without_sources
from bot.core.knowledge_base import KnowledgeBase
from bot.core.matcher import Scored
from bot.core.lead import lead_with
from bot.core.narrow import ATTRIBUTES, kind_of, named_things, narrow, off_topic
from bot.core.office_routed import routed_office
from bot.core.part_asked import contact_fields, field_first, held_for_others_only
from bot.core.gap_reply import gap_reply
from bot.core.replies import intent_reply
from bot.core.siblings import office_beside
from bot.core.types import Context, Language, Reply


@dataclass(frozen=True)
class Focused:
    """The reply to send, the names the conversation remembers, and whether the reply says a part asked is
    not held (then nothing more is added to it)."""

    reply: Reply
    names: tuple[str, ...]
    part_missing: bool = False


def focused(kb: KnowledgeBase, reply: Reply, query: Analysis, text: str, read: str, own: Analysis,
            context: Context | None, language: Language, ranked: list[Scored], names: tuple[str, ...]) -> Focused:
    """``reply`` (an intent's answer to ``text``, read with the conversation's topic as ``read``) focused on
    what ``query`` asks; ``own``: the message read alone; ``names``: the roles and office it asked about."""
    asked = (kb.matcher.named | ATTRIBUTES).intersection(query.terms)
    things = named_things(kb.matcher.analyzer.apply_synonyms)
    gap = held_for_others_only(kb, reply, text, asked, things, own, context and context.intent_id,
                               context.names if context is not None else ())
    if gap is not None:  # 「SEAの新規は何人」: new participants are counted for ALT and CIR only
        shown = gap_reply(kb, gap, query, language, ranked)
        # the topic stays (「CIRは？」 next: CIR's new participants); an office's card is shown (「では電話番号は？」)
        shown = replace(shown, intent_id=reply.intent_id,
                        contacts=reply.contacts if gap.kind == "field" else shown.contacts)
        return Focused(replace(shown, names=names), names, part_missing=True)
    narrowed = narrow(reply.text, read, asked, things)
    led = lead_with(narrowed, read, asked, things, text if read != text else None)
    if led != narrowed and len(reply.contacts) == 1:  # ("Who handles recruitment abroad, MEXT?": MOFA's part leads…
        doing = office_beside(kb, reply.intent_id, kb.matcher.analyse(without_sources(led.split("\n")[0])))
        card = intent_reply(kb, doing, language).contacts if doing is not None else ()
        if card and card[0].id != reply.contacts[0].id:  # … and MOFA's card is shown, MOFA remembered, not MEXT)
            reply = replace(reply, contacts=card)
            names = _office_of(kb, names, doing)
    reply = replace(reply, text=field_first(led, reply.contacts, text, asked, reply.language),
                    contacts=contact_fields(reply.contacts, text, asked),
                    suggestions=tuple(s for s in reply.suggestions if not query.names or not off_topic(
                        kb.matcher.analyse(s.label).names, query.names, reply.text)))
    if not reply.contacts:  # (an answer with an office's card: its office is the card's)
        first = kb.matcher.analyse(without_sources(reply.text.split("\n")[0])).terms
        names = office_answered(kb.matcher.named, names, first)
    reply, owner = routed_office(kb, reply, text)
    if owner is not None:  # 「ALTの授業のことはどこに相談すればいい？」: MEXT leads, and is remembered
        names = _office_of(kb, names, owner)
    return Focused(with_roles_covered(kb, reply, own), names)  # (「CIRも財政措置の対象？」: the roles it is written of)


def _office_of(kb: KnowledgeBase, names: tuple[str, ...], intent_id: str) -> tuple[str, ...]:
    """``names`` remembering the office of ``intent_id`` instead of any office named before."""
    return tuple(n for n in names if kind_of(n) != "office") + tuple(
        o for o in kb.matcher.about(intent_id) if kind_of(o) == "office")

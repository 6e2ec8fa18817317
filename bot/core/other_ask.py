"""Several things asked in one message (「ALTの人数と、問い合わせ先の電話番号を教えて」, "CIR count in FY2023 and
MOFA's phone number?"): each is answered in the one reply, in the order found. A thing the knowledge does not hold is
said not held after the answer of the one it does ("How many ALTs in FY2023, and how many in FY2024?"); a thing the
bot is not sure of is offered as the first button instead, and the reply says so."""
from __future__ import annotations

from dataclasses import replace
from typing import Callable

from bot.core import messages
from bot.core.asks import added
from bot.core.knowledge_base import KnowledgeBase
from bot.core.replies import suggestion, unique
from bot.core.types import Context, Reply

SURE = 70.0  # a "did you mean" answer this high is sure enough to give
MOST_ASKED = 3  # things answered in one reply


def with_other_ask(kb: KnowledgeBase, reply: Reply, asks: tuple[str, ...],
                   alone: Callable[[str, Context | None], Reply], now: float = 0.0) -> Reply:
    """``reply`` with the other things asked answered too. ``asks``: the things asked, as written; ``alone``: the
    reply one of them gets on its own, or after ``reply``'s topic when added with また (「また、メールアドレスも」 is the
    same office's)."""
    if not asks or reply.kind not in ("answer", "clarify", "fallback"):
        return reply
    declared = reply.intent_id is not None and kb.intents[reply.intent_id].fallback
    if reply.fallback and declared:  # (「来年ALTに応募したい。応募方法と締切は？」: what is not held, said plainly)
        return reply
    topic = Context(reply.intent_id, now, reply.language, reply.names) if reply.intent_id and not reply.fallback else None
    others = [alone(ask, topic if added(ask) else None) for ask in asks]
    if not reply.fallback and not _answers(reply):  # not sure of it: another thing asked offered, first
        other = next((o for o in others if _answers(o) and o.intent_id != reply.intent_id), None)
        if other is None:
            return reply
        offered = suggestion(kb, other.intent_id, reply.language)
        line = messages.text(messages.OTHER_ASK, reply.language).format(label=offered.label)
        return replace(reply, text=f"{reply.text}\n{line}", suggestions=unique([offered, *reply.suggestions]))
    answered = [] if reply.fallback else [reply]
    for i, (ask, other) in enumerate(zip(asks, others)):
        # (a message not answered as a whole: its first part, or two parts; a later part alone, 「どこの町ですか」,
        # may ask on about the first; one added with また is read after the answer's topic)
        sure = _sure(other) or added(ask) and topic is not None and not other.fallback and other.intent_id is not None
        if sure and other.intent_id not in {r.intent_id for r in answered} and (answered or i == 0):
            answered.append(other)
    # what is not held: a part said not held ("…and how many in FY2024?")
    missing = next((o for o in others if o.fallback and o.kind != "clarify" and _said_of_the_part(o)), None)
    if not answered or reply.fallback and len(answered) < 2 and missing is None:
        return reply
    found = answered[0]
    for other in answered[1:MOST_ASKED]:
        found = both(found, other)
    return replace(found, text=f"{found.text}\n\n{_first_line(missing)}") if missing is not None else found


def both(first: Reply, second: Reply) -> Reply:
    """One reply answering two things: the texts one after the other, the sources, links and contacts of both."""
    source = "\n".join(dict.fromkeys(s for s in (first.source, second.source) if s)) or None
    return replace(first, text=f"{first.text}\n\n{second.text}", source=source,
                   links=tuple(dict.fromkeys((*first.links, *second.links))),
                   contacts=tuple(dict.fromkeys((*first.contacts, *second.contacts))),
                   suggestions=unique((*first.suggestions, *second.suggestions), skip=second.intent_id))


def _answers(reply: Reply) -> bool:
    """Answered surely: a fragment of a long message (「またどちらに相談すればよいか」) may read as another topic."""
    return not reply.fallback and reply.intent_id is not None and (
        reply.kind == "answer" or reply.kind == "clarify" and reply.score >= SURE)


def _sure(reply: Reply) -> bool:
    """Answered, and sure enough to be given with another answer."""
    return not reply.fallback and reply.intent_id is not None and reply.score >= SURE


def _said_of_the_part(reply: Reply) -> bool:
    """A reply saying what is not held (a date, a year's figures, an amount), not the plain apology."""
    return not _first_line(reply).startswith(tuple(messages.FALLBACK.values()))


def _first_line(reply: Reply) -> str:
    return reply.text.split("\n", 1)[0]

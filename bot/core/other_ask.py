"""Two things asked in one message (「ALTとCIRの人数と、問い合わせ先の電話番号を教えて」, "CIR numbers + MOFA phone?"):
one reply answers one of them; the other, answered on its own, is offered as the first button, and the reply says so."""
from __future__ import annotations

from dataclasses import replace
from typing import Callable

from bot.core import messages
from bot.core.focus import added
from bot.core.knowledge_base import KnowledgeBase
from bot.core.replies import suggestion, unique
from bot.core.types import Context, Reply

SURE = 70.0  # a "did you mean" answer this high is sure enough to offer


def with_other_ask(kb: KnowledgeBase, reply: Reply, asks: tuple[str, ...],
                   alone: Callable[[str, Context | None], Reply], now: float = 0.0) -> Reply:
    """``reply`` offering the topic of the thing asked that it does not answer. ``asks``: the things asked, as
    written; ``alone``: the reply one of them gets on its own, or after ``reply`` (a question added with また:
    「また、メールアドレスも」 is the same office's), offered when it answers, about another topic."""
    if not asks or reply.fallback or reply.intent_id is None or reply.kind not in ("answer", "clarify"):
        return reply
    topic = Context(reply.intent_id, now, reply.language, reply.names)
    for ask in asks:
        other = alone(ask, topic if added(ask) else None)
        # (answered surely: a fragment of a long message, 「またどちらに相談すればよいか」, may read as another topic)
        sure = other.kind == "answer" or other.kind == "clarify" and other.score >= SURE
        if not other.fallback and other.intent_id not in (None, reply.intent_id) and sure:
            offered = suggestion(kb, other.intent_id, reply.language)
            line = messages.text(messages.OTHER_ASK, reply.language).format(label=offered.label)
            return replace(reply, text=f"{reply.text}\n{line}", suggestions=unique([offered, *reply.suggestions]))
    return reply

"""Several things asked in one message (「ALTの人数と、問い合わせ先の電話番号を教えて」, "CIR count in FY2023 and
MOFA's phone number?"): each is answered in the one reply, in the order asked. A part not held is said so where it
was asked ("How many ALTs in FY2023, and how many in FY2024?": after the answer; "CIR casebook date? also total
participants in FY2023": first); a part the bot is not sure of, or one beside a reading that is not held, is offered
as the first button instead, and the reply says so."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable

from bot.core import messages
from bot.core.asks import added
from bot.core.knowledge_base import KnowledgeBase
from bot.core.replies import suggestion, unique
from bot.core.types import Context, Reply

SURE = 70.0  # a "did you mean" answer this high is sure enough to give
MOST_ASKED = 3  # things answered in one reply
OWN_QUESTION = 20  # characters of a part asked of its own (not 「中身は？」 after 「参考資料5はありますか？」)
# replies that say nothing of the part: "not sure" choices, and the help text a fragment gets ("…, and where can
# I get them?": "them" read alone)
_NOT_SAID = ("clarify", "help", "greeting")
_SENTENCE = re.compile(r".+?(?:[。！？!?]+[）)」』]*|\.[）)」』]*(?=\s|$)|$)\s*")


def with_other_ask(kb: KnowledgeBase, reply: Reply, asks: tuple[str, ...],
                   alone: Callable[[str, Context | None], Reply], now: float = 0.0, question: str = "") -> Reply:
    """``reply`` with the other things asked answered too, in the order asked. ``asks``: the things asked, as
    written; ``alone``: the reply one of them gets on its own, or after ``reply``'s topic when added with また
    (「また、メールアドレスも」 is the same office's); ``question``: the sentence asked, which ``asks`` may leave out
    (a request added after it)."""
    if not asks or reply.kind not in ("answer", "clarify", "fallback"):
        return reply
    alone = _once(alone)  # (the question or a part may be read alone twice below: each is answered once)
    reply = _question_alone(kb, reply, asks, alone, question) or reply
    declared = reply.fallback and _declared(kb, reply)
    topic = Context(reply.intent_id, now, reply.language, reply.names) \
        if reply.intent_id and not reply.fallback else None
    others = [alone(ask, topic if added(ask) else None) for ask in asks]
    if declared:  # what is not held, said plainly; another part offered, not answered (a part read alone often
        # drops what makes it not held: 「うちの県のALTの人数と、CIRの人数」, "How do I apply and when is the deadline?")
        return _offered(kb, reply, others, [reply])
    if not reply.fallback and not _answers(reply):  # not sure of the reading of the whole message
        # ("CIR casebook date? also total participants in FY2023": the date's gap and the totals, each read alone)
        parts = [alone(question, None), *others] if _apart(question, asks) else others
        if any(map(_sure, parts)) and all(_sure(p) or _missing(kb, p) for p in parts):
            missing = [p for p in parts if not _sure(p)]
            return _composed(kb, [p for p in parts if _sure(p)], missing, others, leading=missing[:1] == parts[:1])
        return _offered(kb, reply, others, [reply])  # the other offered
    answered = [] if reply.fallback else [reply]
    for i, (ask, other) in enumerate(zip(asks, others)):
        # (a message not answered as a whole: its first part, or two parts; a later part alone, 「どこの町ですか」,
        # may ask on about the first; one added with また is read after the answer's topic)
        sure = _sure(other) or added(ask) and topic is not None and not other.fallback and other.intent_id is not None
        # (a first part said not held of what it names is understood: the next, not a fragment, is asked of its own)
        if sure and other.intent_id not in {r.intent_id for r in answered} and (
                answered or i == 0 or _missing(kb, others[0]) and len(re.sub(r"\W", "", ask)) >= OWN_QUESTION):
            answered.append(other)
    # what is not held: a part, named ("What's the CIR casebook publication date? and how many participants…"),
    # or the whole message's reading ("CIR casebook date? also total participants in FY2023")
    # (not when each part alone is answered: "CIR count in FY2023 and MOFA's phone number?" is no MOFA figure of 2023)
    whole = [reply] if reply.fallback and _missing(kb, reply) and not (
        all(map(_sure, others)) and not _apart(question, asks)) else []
    missing = ([o for o in others if _missing(kb, o)] or whole)[:1]
    if reply.fallback and (not answered or len(answered) < 2 and not missing):
        return reply
    first = missing[:1] == others[:1] or missing[:1] == [reply] and reply.fallback
    return _composed(kb, answered, missing, others, leading=first)


def each_listed(kb: KnowledgeBase, replies: list[Reply]) -> Reply:
    """The items of a numbered list, each read on its own, in one reply in the order asked: those answered, and
    what those said not held ask (a reply written to say so counts too: each item is a question of its own); an
    item the bot is not sure of is offered as a button."""
    answered = [r for r in replies if _answers(r)]
    missing = [r for r in replies if r.fallback and r.kind not in _NOT_SAID and _said_of_the_part(r)]
    if not answered:
        return _offered(kb, missing[0], replies, missing[:1]) if missing else replies[0]
    return _composed(kb, answered, missing, replies, leading=missing[:1] == replies[:1])


def _once(alone: Callable[[str, Context | None], Reply]) -> Callable[[str, Context | None], Reply]:
    """``alone``, each text and topic answered once."""
    read: dict[tuple[str, Context | None], Reply] = {}

    def reading(ask: str, topic: Context | None) -> Reply:
        if (ask, topic) not in read:
            read[ask, topic] = alone(ask, topic)
        return read[ask, topic]
    return reading


def _question_alone(kb: KnowledgeBase, reply: Reply, asks: tuple[str, ...],
                    alone: Callable[[str, Context | None], Reply], question: str) -> Reply | None:
    """The question sentence read alone when the whole message was read as the request added after it (「ALTは何人
    ですか？あとCLAIRの正式名称も」: CLAIR alone) or not answered (「SEAって何人いるの？あとCLAIRの正式名称も」), and it
    is answered, or said not held of what it names ("CIR casebook date? also…": the CIR casebook's date); None when
    the whole message's reading stands."""
    if not _apart(question, asks):
        return None
    read_as_added = not reply.fallback and any(added(a) and alone(a, None).intent_id == reply.intent_id for a in asks)
    if not (read_as_added or reply.fallback and not _declared(kb, reply)):
        return None
    first = alone(question, None)
    if _sure(first) and first.intent_id != reply.intent_id or _missing(kb, first):
        return first  # (「JET活用マニュアルっていつのですか？あと…CIRの人数も」: its date, not held, then the count)
    return None


def _apart(question: str, asks: tuple[str, ...]) -> bool:
    """Whether the things asked are outside the question sentence (requests added after it), so that it is a
    thing asked of its own."""
    return bool(question) and not any(ask in question or question in ask for ask in asks)


def _composed(kb: KnowledgeBase, answered: list[Reply], missing: list[Reply], others: list[Reply],
              leading: bool = False) -> Reply:
    """The ``answered`` parts in one reply, and what the ``missing`` ones ask that is not held: after them, or
    first when ``leading`` (the first thing asked is the one not held)."""
    found = answered[0]
    for other in answered[1:MOST_ASKED]:
        found = both(found, other)
    for i, part in enumerate(missing):
        lead = leading and i == 0
        found = replace(found, text=f"{_first_line(part)}\n\n{found.text}" if lead else
                        f"{found.text}\n\n{_first_line(part)}")
    return _offered(kb, found, others, answered)


def _offered(kb: KnowledgeBase, reply: Reply, others: list[Reply], answered: list[Reply]) -> Reply:
    """``reply`` offering, as the first button, a thing asked that it does not answer and is not sure enough to
    give (「CIR事例集のダウンロード先と、参考資料3の中身を教えて」: material 3, read alone at 60), saying so."""
    given = {r.intent_id for r in answered}
    other = next((o for o in others if _answers(o) and o.intent_id not in given), None)
    if other is None:
        return reply
    offered = suggestion(kb, other.intent_id, reply.language)
    line = messages.text(messages.OTHER_ASK, reply.language).format(label=offered.label)
    return replace(reply, text=f"{reply.text}\n{line}", suggestions=unique([offered, *reply.suggestions]))


def both(first: Reply, second: Reply) -> Reply:
    """One reply answering two things: the second's lines the first does not already say (none: the first alone),
    the sources, links and contacts of both, each once."""
    if _card_said(second, first.text):  # (「事例集の件数と、総務省のメールアドレス」: the answer leads with it already)
        return first
    added_text = "\n".join(line for line in second.text.split("\n") if not _said_already(line, first.text))
    if not added_text:
        return first
    source = "\n".join(dict.fromkeys(line for s in (first.source, second.source) if s for line in s.split("\n")))
    urls = {link.url for link in first.links}
    return replace(first, text=f"{first.text}\n\n{added_text}", source=source or None,
                   links=(*first.links, *(link for link in second.links if link.url not in urls)),
                   contacts=tuple(dict.fromkeys((*first.contacts, *second.contacts))),
                   suggestions=unique((*first.suggestions, *second.suggestions), skip=second.intent_id))


def _card_said(reply: Reply, text: str) -> bool:
    """An office's card whose phone number and e-mail address ``text`` already gives."""
    details = [d for contact in reply.contacts for d in (contact.phone, contact.email) if d]
    return bool(reply.intent_id and reply.intent_id.startswith("contact")) and bool(details) and all(
        d in text for d in details)


def _said_already(line: str, text: str) -> bool:
    """Whether every sentence of ``line`` is in ``text`` (a line is kept whole or dropped whole: an address's dots
    and a closing bracket are no sentence ends)."""
    return all(piece.strip() in text for piece in _SENTENCE.findall(line) if piece.strip())


def _declared(kb: KnowledgeBase, reply: Reply) -> bool:
    """A reply of an intent written to say what is not held."""
    return reply.intent_id is not None and kb.intents[reply.intent_id].fallback


def _answers(reply: Reply) -> bool:
    """Answered surely: a fragment of a long message (「またどちらに相談すればよいか」) may read as another topic."""
    return not reply.fallback and reply.intent_id is not None and (
        reply.kind == "answer" or reply.kind == "clarify" and reply.score >= SURE)


def _sure(reply: Reply) -> bool:
    """Answered, and sure enough to be given with another answer."""
    return not reply.fallback and reply.intent_id is not None and reply.score >= SURE


def _missing(kb: KnowledgeBase, reply: Reply) -> bool:
    """A part said not held ("…and how many in FY2024?"; not a topic of its own that a fragment read alone finds:
    "…how many renewals allowed?" is no intake cap)."""
    return reply.fallback and reply.kind not in _NOT_SAID and not _declared(kb, reply) and _said_of_the_part(reply)


def _said_of_the_part(reply: Reply) -> bool:
    """A reply saying what is not held (a date, a year's figures, an amount), not the plain apology."""
    return not _first_line(reply).startswith(tuple(messages.FALLBACK.values()))


def _first_line(reply: Reply) -> str:
    return reply.text.split("\n", 1)[0]

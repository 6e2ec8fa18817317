"""Pure LINE translators: webhook events in, Messaging API messages out (no I/O).

LINE limits honoured here: at most 5 messages per reply, 5,000 UTF-16 code
units per text message, 13 quick-reply items with labels of 20 characters and
display texts of 300, 1,500 characters of Flex ``altText``.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from typing import Any, Sequence
from urllib.parse import parse_qs

from linebot.v3.messaging import (
    FlexBox, FlexBubble, FlexButton, FlexMessage, FlexText, Message, PostbackAction,
    QuickReply, QuickReplyItem, TextMessage, URIAction,
)
from linebot.v3.webhooks import (
    Event, GroupSource, MessageEvent, PostbackEvent, RoomSource, TextMessageContent,
)

from bot.core.render import contact_lines, plain_text
from bot.core.types import Contact, IncomingMessage, Language, Reply

MAX_MESSAGES = 5
MAX_TEXT_UNITS = 5000
MAX_QUICK_REPLIES = 13
MAX_LABEL = 20
MAX_ALT_TEXT = 1500
MAX_DISPLAY_TEXT = 300

_LABELS = {
    "ja": {"call": "電話する", "mail": "メールする", "more": "…（長いため以下省略）"},
    "en": {"call": "Call", "mail": "Send e-mail", "more": "… (shortened)"},
}


def conversation_id(event: Event) -> str:
    """The group, room or user id the reply goes to."""
    src = event.source
    if isinstance(src, GroupSource):
        return src.group_id
    if isinstance(src, RoomSource):
        return src.room_id
    return getattr(src, "user_id", None) or "unknown"


def is_group_chat(event: Event) -> bool:
    """True for group chats and multi-person rooms (where the bot waits to be mentioned)."""
    return isinstance(event.source, (GroupSource, RoomSource))


def mentions_bot(event: Event) -> bool:
    """True when a text message mentions this bot (``mentionees[].isSelf``)."""
    return bool(_self_mentions(event))


def _self_mentions(event: Event) -> list[Any]:
    message = getattr(event, "message", None)
    mention = getattr(message, "mention", None)
    if not isinstance(message, TextMessageContent) or mention is None:
        return []
    return [m for m in mention.mentionees or [] if getattr(m, "is_self", None)]


def _strip_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """Remove ``(index, length)`` spans; LINE counts UTF-16 units, code points as fallback."""
    units = text.encode("utf-16-le", "surrogatepass")  # a lone surrogate (a JSON escape) must not raise
    if all(units[2 * i:2 * (i + n)].decode("utf-16-le", "replace").startswith("@")
           for i, n in spans):
        for i, n in sorted(spans, reverse=True):
            units = units[:2 * i] + units[2 * (i + n):]
        return units.decode("utf-16-le", "replace")
    if all(text[i:i + n].startswith("@") for i, n in spans):
        for i, n in sorted(spans, reverse=True):
            text = text[:i] + text[i + n:]
    return text


def event_to_message(event: Event) -> IncomingMessage | None:
    """Translate a text message or quick-reply postback into an :class:`IncomingMessage`.

    Mentions of the bot are removed from the question. Anything else
    (stickers, images, follow, postbacks without ``intent=``) gives ``None``.
    """
    user = getattr(event.source, "user_id", None) or conversation_id(event)
    common = {"channel": "line", "user_id": user, "conversation_id": conversation_id(event)}
    if isinstance(event, MessageEvent) and isinstance(event.message, TextMessageContent):
        spans = [(m.index, m.length) for m in _self_mentions(event)]
        text = _strip_spans(event.message.text, spans) if spans else event.message.text
        return IncomingMessage(text=text.strip(), **common)
    if isinstance(event, PostbackEvent):
        choice = intent_from_postback(event.postback.data)
        if choice:
            return IncomingMessage(text="", choice=choice, **common)
    return None


def intent_from_postback(data: str) -> str | None:
    """Read the intent id from postback data such as ``intent=contact_mic``."""
    values = parse_qs(data or "").get("intent")
    return (values[0].strip() or None) if values else None


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit LINE counts text limits in."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _fit(text: str, limit: int) -> int:
    """Number of code points of ``text`` that fit in ``limit`` UTF-16 units."""
    units = 0
    for pos, ch in enumerate(text):
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > limit:
            return pos
    return len(text)


def split_text(text: str, limit: int = MAX_TEXT_UNITS, max_parts: int = MAX_MESSAGES,
               more: str = "…") -> list[str]:
    """Split ``text`` into at most ``max_parts`` chunks of at most ``limit`` UTF-16 units.

    Cuts at a blank line, else a line break, else the last whole character
    that fits (never between the halves of a surrogate pair). Text beyond
    ``max_parts`` chunks is dropped and the last chunk ends with ``more``.
    """
    if limit < 2 + utf16_len(more):
        raise ValueError("limit too small")
    parts: list[str] = []
    rest = text.strip()
    while rest:
        if len(parts) == max_parts:
            room = _fit(parts[-1], limit - utf16_len(more))
            parts[-1] = parts[-1][:room].rstrip() + more
            break
        end = _fit(rest, limit)
        if end == len(rest):
            parts.append(rest)
            break
        cut = next((pos for sep in ("\n\n", "\n")
                    if (pos := rest.rfind(sep, 0, end)) > 0 and rest[:pos].strip()), end)
        parts.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return parts


def _body(reply: Reply, written_contacts: tuple[Contact, ...]) -> str:
    """Answer, source and links (and contacts without a card slot) as plain text."""
    return plain_text(replace(reply, contacts=written_contacts), suggestions=False)


def tel_uri(phone: str) -> str | None:
    """``tel:`` URI with the digits of the first number in ``phone`` (``+`` kept)."""
    match = re.search(r"\+?\d[\d\-\s()]*\d", unicodedata.normalize("NFKC", phone))
    if not match:
        return None
    number = match.group()
    return "tel:" + ("+" if number.startswith("+") else "") + re.sub(r"\D", "", number)


def contact_card(contact: Contact, language: Language = "ja") -> FlexMessage:
    """A Flex bubble with name, phone and e-mail, and tap-to-call / e-mail buttons."""
    words = _LABELS.get(language, _LABELS["ja"])
    lines = contact_lines(contact, language)
    if language == "en" and contact.name_en:
        lines[0] = contact.name_en
    texts = [FlexText(text=lines[0], weight="bold", size="md", wrap=True)]
    texts += [FlexText(text=line, size="sm", wrap=True) for line in lines[1:]]
    buttons = []
    if contact.phone and (uri := tel_uri(contact.phone)):
        buttons.append(FlexButton(style="primary", height="sm",
                                  action=URIAction(label=words["call"], uri=uri)))
    if contact.email:
        buttons.append(FlexButton(style="secondary", height="sm", action=URIAction(
            label=words["mail"], uri=f"mailto:{contact.email}")))
    bubble = FlexBubble(
        body=FlexBox(layout="vertical", spacing="sm", contents=texts),
        footer=FlexBox(layout="vertical", spacing="sm", contents=buttons) if buttons else None)
    return FlexMessage(alt_text=" / ".join(lines)[:MAX_ALT_TEXT], contents=bubble)


def quick_reply(reply: Reply, lead: Sequence[QuickReplyItem] = (),
                tail: Sequence[QuickReplyItem] = ()) -> QuickReply | None:
    """Suggestions as postback quick-reply buttons (``intent=<id>``), or ``None``.

    ``lead`` and ``tail`` are extra items (e.g. "担当者に聞く") placed before and after the
    suggestions; they always fit, suggestions are dropped beyond 13 items in all.
    """
    items, seen = [], set()
    room = MAX_QUICK_REPLIES - len(lead) - len(tail)
    for s in reply.suggestions:
        if s.intent_id in seen or len(items) >= room:
            continue
        seen.add(s.intent_id)
        label = s.label if len(s.label) <= MAX_LABEL else s.label[:MAX_LABEL - 1] + "…"
        items.append(QuickReplyItem(action=PostbackAction(
            label=label, data=f"intent={s.intent_id}", display_text=s.label[:MAX_DISPLAY_TEXT])))
    items = [*lead, *items, *tail]
    return QuickReply(items=items) if items else None


def reply_to_messages(reply: Reply, lead: Sequence[QuickReplyItem] = (),
                      tail: Sequence[QuickReplyItem] = ()) -> list[Message]:
    """Render a :class:`Reply` as at most 5 LINE messages.

    Text (answer, links written out as ``title`` + URL, source line) comes
    first, split as needed; then one Flex card per contact (at most 4, so the
    answer always has a slot; further contacts are written out in the text);
    quick replies (``lead``, the suggestions, ``tail``) ride on the last message.
    """
    carded = reply.contacts[:MAX_MESSAGES - 1]
    cards = [contact_card(c, reply.language) for c in carded]
    more = _LABELS.get(reply.language, _LABELS["ja"])["more"]
    body = _body(reply, reply.contacts[len(carded):])
    texts = split_text(body, max_parts=MAX_MESSAGES - len(cards), more=more)
    messages: list[Message] = [TextMessage(text=t) for t in texts or ([] if cards else ["…"])]
    messages += cards
    messages[-1].quick_reply = quick_reply(reply, lead, tail)
    return messages

"""Pure LINE rendering: a :class:`Reply` as Messaging API messages (no I/O).

LINE limits honoured here: at most 5 messages per reply, 5,000 UTF-16 code
units per text message, 13 quick-reply items with labels of 20 characters and
display texts of 300, 1,500 characters of Flex ``altText``.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from typing import Any, Sequence

from linebot.v3.messaging import (
    FlexBox, FlexBubble, FlexButton, FlexMessage, FlexText, Message, PostbackAction,
    QuickReply, QuickReplyItem, TextMessage, URIAction,
)

from bot.core.feedback import with_vote_actions
from bot.core.render import contact_lines, plain_text
from bot.core.limits import (LINE_ALT_TEXT, LINE_DISPLAY_TEXT, LINE_LABEL, LINE_MAX_MESSAGES,
                             LINE_QUICK_REPLIES, LINE_TEXT_UNITS)
from bot.core.types import Action, Contact, Language, Reply


_LABELS = {
    "ja": {"call": "電話する", "mail": "メールする", "more": "…（長いため以下省略）"},
    "en": {"call": "Call", "mail": "Send e-mail", "more": "… (shortened)"},
}


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


def split_text(text: str, limit: int = LINE_TEXT_UNITS, max_parts: int = LINE_MAX_MESSAGES,
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
    return FlexMessage(alt_text=" / ".join(lines)[:LINE_ALT_TEXT], contents=bubble)


def _action_item(action: Action) -> QuickReplyItem:
    return QuickReplyItem(action=PostbackAction(label=action.label[:LINE_LABEL], data=action.value,
                                                display_text=action.label[:LINE_DISPLAY_TEXT]))


def quick_reply(reply: Reply) -> QuickReply | None:
    """Suggestions (``intent=<id>``) and actions as postback quick-reply buttons, or ``None``.

    Actions (e.g. "担当者に聞く") go before the suggestions when ``first``, else after; they always
    fit, suggestions are dropped beyond 13 items in all.
    """
    lead = [_action_item(a) for a in reply.actions if a.first]
    tail = [_action_item(a) for a in reply.actions if not a.first]
    items, seen = [], set()
    room = LINE_QUICK_REPLIES - len(lead) - len(tail)
    for s in reply.suggestions:
        if s.intent_id in seen or len(items) >= room:
            continue
        seen.add(s.intent_id)
        label = s.label if len(s.label) <= LINE_LABEL else s.label[:LINE_LABEL - 1] + "…"
        items.append(QuickReplyItem(action=PostbackAction(
            label=label, data=f"intent={s.intent_id}", display_text=s.label[:LINE_DISPLAY_TEXT])))
    items = [*lead, *items, *tail]
    return QuickReply(items=items) if items else None


def reply_to_messages(reply: Reply) -> list[Message]:
    """Render a :class:`Reply` as at most 5 LINE messages.

    Text (answer, links written out as ``title`` + URL, source line) comes
    first, split as needed; then one Flex card per contact (at most 4, so the
    answer always has a slot; further contacts are written out in the text);
    quick replies ride on the last message: 「解決した」 / 「解決しない」 first on an answer (postbacks
    carrying only the inquiry id), then suggestions and actions, 13 at most.
    """
    reply = with_vote_actions(reply)
    carded = reply.contacts[:LINE_MAX_MESSAGES - 1]
    cards = [contact_card(c, reply.language) for c in carded]
    more = _LABELS.get(reply.language, _LABELS["ja"])["more"]
    body = _body(reply, reply.contacts[len(carded):])
    texts = split_text(body, max_parts=LINE_MAX_MESSAGES - len(cards), more=more)
    messages: list[Message] = [TextMessage(text=t) for t in texts or ([] if cards else ["…"])]
    messages += cards
    messages[-1].quick_reply = quick_reply(reply)
    return messages

"""Pure LINE rendering: a :class:`Reply` as Messaging API message objects (no I/O).

LINE limits honoured here: at most 5 messages per reply, 5,000 UTF-16 code
units per text message, 13 quick-reply items with labels of 20 characters and
display texts of 300, 1,500 characters of Flex ``altText``.

The messages are the API's JSON objects themselves (camelCase, keys in the order the SDK writes
them), not the SDK's pydantic models: building and then serialising those models cost an answer
worker more CPU than the answer itself. The tests check every shape against the SDK's models.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from typing import Any

from bot.core.feedback import with_vote_actions
from bot.core.render import contact_lines, plain_text
from bot.core.limits import (LINE_ALT_TEXT, LINE_DISPLAY_TEXT, LINE_LABEL, LINE_MAX_MESSAGES,
                             LINE_QUICK_REPLIES, LINE_TEXT_UNITS)
from bot.core.types import Action, Contact, Language, Reply

Json = dict[str, Any]   # one object of the Messaging API's JSON


_LABELS = {
    "ja": {"call": "電話する", "mail": "メールする", "more": "…（長いため以下省略）"},
    "en": {"call": "Call", "mail": "Send e-mail", "more": "… (shortened)"},
}


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit LINE counts text limits in."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _fit(text: str, limit: int) -> int:
    """Number of code points of ``text`` that fit in ``limit`` UTF-16 units."""
    if len(text) * 2 <= limit or utf16_len(text) <= limit:   # all of it (nearly every answer): no walk
        return len(text)
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


def contact_card(contact: Contact, language: Language = "ja") -> Json:
    """A Flex message: a bubble with name, phone and e-mail, and tap-to-call / e-mail buttons."""
    words = _LABELS.get(language, _LABELS["ja"])
    lines = contact_lines(contact, language)
    if language == "en" and contact.name_en:
        lines[0] = contact.name_en
    texts = [{"type": "text", "text": lines[0], "size": "md", "weight": "bold", "wrap": True}]
    texts += [{"type": "text", "text": line, "size": "sm", "wrap": True} for line in lines[1:]]
    buttons = []
    if contact.phone and (uri := tel_uri(contact.phone)):
        buttons.append(_button("primary", words["call"], uri))
    if contact.email:
        buttons.append(_button("secondary", words["mail"], f"mailto:{contact.email}"))
    bubble: Json = {"type": "bubble", "body": {"type": "box", "layout": "vertical", "contents": texts, "spacing": "sm"}}
    if buttons:
        bubble["footer"] = {"type": "box", "layout": "vertical", "contents": buttons, "spacing": "sm"}
    return {"type": "flex", "altText": " / ".join(lines)[:LINE_ALT_TEXT], "contents": bubble}


def _button(style: str, label: str, uri: str) -> Json:
    return {"type": "button", "style": style, "action": {"type": "uri", "label": label, "uri": uri}, "height": "sm"}


def _postback(label: str, data: str, display_text: str) -> Json:
    return {"action": {"type": "postback", "label": label, "data": data, "displayText": display_text},
            "type": "action"}


def _action_item(action: Action) -> Json:
    return _postback(action.label[:LINE_LABEL], action.value, action.label[:LINE_DISPLAY_TEXT])


def quick_reply(reply: Reply) -> Json | None:
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
        items.append(_postback(label, f"intent={s.intent_id}", s.label[:LINE_DISPLAY_TEXT]))
    items = [*lead, *items, *tail]
    return {"items": items} if items else None


def reply_to_messages(reply: Reply) -> list[Json]:
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
    messages: list[Json] = [{"type": "text", "text": t} for t in texts or ([] if cards else ["…"])]
    messages += cards
    if (quick := quick_reply(reply)) is not None:   # right after "type", where the SDK writes it
        last = messages[-1]
        messages[-1] = {"type": last["type"], "quickReply": quick, **last}
    return messages

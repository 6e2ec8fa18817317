"""Pure LINE parsing: webhook events in, neutral :class:`~bot.core.types.Inbound` events out.

What each event becomes: a text message → a question (mentions of the bot removed; in groups
and rooms only when the bot is mentioned, and a bare mention is a greeting); a follow → the
greeting; a postback → the suggestion it carries (``intent=…``) or a tapped action; a sticker,
image… in a one-to-one chat → the "please type" note. Events without a reply token, in standby
mode, or of other kinds need no reply (``None``). A first delivery in a one-to-one chat also
carries the user id as ``chat_id``: where the loading indicator may show while the reply is built.
"""
from __future__ import annotations

import logging
from typing import Any
from urllib.parse import parse_qs

from linebot.v3.webhooks import (
    Event, FollowEvent, GroupSource, MessageEvent, PostbackEvent, RoomSource, TextMessageContent, UserSource,
)

from bot.core.types import Inbound, IncomingMessage

log = logging.getLogger(__name__)
NON_TEXT_TYPES = {"sticker", "image", "video", "audio", "location", "file"}


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


def intent_from_postback(data: str) -> str | None:
    """Read the intent id from postback data such as ``intent=contact_mic``."""
    values = parse_qs(data or "").get("intent")
    return (values[0].strip() or None) if values else None


def event_to_message(event: Event) -> IncomingMessage | None:
    """The neutral message an event carries (``None``: an event with no message, e.g. unfollow)."""
    user = getattr(event.source, "user_id", None) or conversation_id(event)
    common = {"channel": "line", "user_id": user, "conversation_id": conversation_id(event)}
    if isinstance(event, FollowEvent):
        return IncomingMessage("", kind="follow", **common)
    if isinstance(event, PostbackEvent):
        data = event.postback.data or ""
        choice = intent_from_postback(data)
        if choice:
            return IncomingMessage("", choice=choice, **common)
        return IncomingMessage("", kind="action", action=data, **common)
    if not isinstance(event, MessageEvent):
        return None
    if isinstance(event.message, TextMessageContent):
        spans = [(m.index, m.length) for m in _self_mentions(event)]
        text = (_strip_spans(event.message.text, spans) if spans else event.message.text).strip()
        return IncomingMessage(text, **common) if text else IncomingMessage("", kind="follow", **common)
    if getattr(event.message, "type", None) in NON_TEXT_TYPES:
        return IncomingMessage("", kind="unsupported", **common)
    return None


def needs_reply(event: Event, message: IncomingMessage) -> bool:
    """In groups and rooms the bot answers only what is addressed to it: a message mentioning it, or a
    tap on one of its buttons (never stickers or images, which cannot mention it)."""
    if not is_group_chat(event) or not isinstance(event, MessageEvent):
        return True
    return mentions_bot(event) and message.kind != "unsupported"


def to_inbound(event: Event, received_at: float) -> Inbound | None:
    """The event as an :class:`Inbound` to answer with its reply token, or ``None``."""
    event_id = getattr(event, "webhook_event_id", None) or "?"
    if getattr(event, "mode", None) != "active":
        log.info("LINE event %s in %s mode: not answered", event_id, getattr(event, "mode", None))
        return None
    reply_token = getattr(event, "reply_token", None)
    message = event_to_message(event) if reply_token else None
    if message is None or not needs_reply(event, message):
        return None
    target = {"reply_token": str(reply_token), "to": conversation_id(event)}  # "to": for a push, if need be
    if loading_chat(event):
        target["chat_id"] = event.source.user_id
    return Inbound(f"line:{event_id}", message, target, received_at)


def loading_chat(event: Event) -> bool:
    """Whether the loading indicator may be shown for ``event``: LINE shows it in one-to-one chats
    only, and a redelivered event may have been answered already (its reply is not waited for)."""
    redelivered = getattr(getattr(event, "delivery_context", None), "is_redelivery", False)
    return isinstance(event.source, UserSource) and bool(event.source.user_id) and not redelivered

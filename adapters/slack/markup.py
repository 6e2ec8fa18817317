"""Slack's message markup: escaping what we send, undoing it in what people type (one place)."""
from __future__ import annotations

import re

# Markup never holds a "<" inside (Slack sends a typed one as &lt;): each form stops at the next "<", so a text of
# many unclosed "<" is read in one pass (it was quadratic: 50,000 of them held a worker for a minute)
_USER_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^<>]*)?>")
_CHANNEL_REF = re.compile(r"<#[A-Z0-9]+\|([^<>]*)>")
_SPECIAL = re.compile(r"<![^<>]*>")
_LINK = re.compile(r"<(?:mailto:)?([^<>|]+)(?:\|([^<>]*))?>")


def escape(text: str) -> str:
    """Escape the three characters Slack's mrkdwn treats as markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescape(text: str) -> str:
    """Undo :func:`escape`."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def to_plain(text: str, bot_user_id: str | None = None, *, all_mentions: bool = False,
             link_urls: bool = False, keep_lines: bool = False) -> str:
    """What a person typed, without Slack's markup.

    Mentions of the bot are removed (every mention with ``all_mentions``, or when the bot's id is
    unknown); ``<#C1|jet>`` becomes ``#jet``; ``<!here>`` goes; a link becomes its label, or
    ``label（url）`` with ``link_urls``. Whitespace collapses to single spaces, or with
    ``keep_lines`` each line is trimmed and line breaks stay.
    """
    def mention(match: re.Match[str]) -> str:
        return "" if all_mentions or bot_user_id in (None, match.group(1)) else match.group(0)

    def link(match: re.Match[str]) -> str:
        url, label = match.group(1), match.group(2)
        if not label or label == url:
            return url
        return f"{label}（{url}）" if link_urls else label

    text = _USER_MENTION.sub(mention, text)
    text = _CHANNEL_REF.sub(lambda m: "#" + m.group(1), text)
    text = _SPECIAL.sub("", text)
    text = unescape(_LINK.sub(link, text))
    if keep_lines:
        return "\n".join(line.strip() for line in text.strip().splitlines())
    return re.sub(r"\s+", " ", text).strip()

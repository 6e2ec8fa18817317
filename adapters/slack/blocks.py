"""Pure Slack translation: Events API payloads in, Block Kit messages out.

No I/O here. :func:`event_to_message` and :func:`action_to_message` turn Slack
payloads into an :class:`~bot.core.types.IncomingMessage`; :func:`reply_to_blocks`
renders a :class:`~bot.core.types.Reply` as ``(text_fallback, blocks)`` within Slack's
limits (3,000 characters per section, 50 blocks, 75-character button labels).
"""
from __future__ import annotations

from typing import Any, Mapping

from adapters.slack.feedback import feedback_blocks
from adapters.slack.markup import escape, to_plain
from bot.core.answer import HELP_INTENT
from bot.core.limits import SLACK_BLOCKS, SLACK_BUTTON_LABEL, SLACK_BUTTONS, SLACK_SECTION
from bot.core.types import Contact, IncomingMessage, Reply

MAX_CONTACTS = 5
ACTION_PREFIX = "jetbot_suggest_"
OTHER_ACTION_PREFIX = "jetbot_action_"
ELLIPSIS = "…"
HOW_TO_ASK = ("*Slackでの聞き方*\n"
              "• このアプリのメッセージ欄で質問する（DM）\n"
              "• チャンネルで @jetbot にメンションする（そのスレッドに回答）\n"
              "• `/jet 質問`（あなたにだけ回答）　`/jet` だけで使い方と話題\n"
              "• メッセージの「…」→「jetbotに聞く」（そのメッセージのスレッドに回答）")

_LABELS = {"ja": {"links": "参考", "contact": "問い合わせ先", "phone": "電話", "email": "メール"},
           "en": {"links": "References", "contact": "Contact", "phone": "Phone", "email": "E-mail"}}
def _escaped_len(text: str) -> int:
    return len(text) + 4 * text.count("&") + 3 * (text.count("<") + text.count(">"))


def event_to_message(event: Mapping[str, Any], bot_user_id: str | None = None) -> IncomingMessage | None:
    """Translate an Events API ``event`` into a question, or None when the bot must not answer.

    Answered: ``app_mention`` (the mention is stripped) and direct messages (``message`` with
    ``channel_type: im``). Ignored: anything sent by a bot, any ``subtype`` (edits, deletions,
    joins, ...), other channels' messages and other event types.
    """
    if event.get("bot_id") or event.get("subtype") or not event.get("user"):
        return None
    kind = event.get("type")
    if kind == "message" and event.get("channel_type") != "im":
        return None
    if kind not in ("app_mention", "message"):
        return None
    channel, thread_ts = reply_target(event)
    return IncomingMessage(
        text=to_plain(str(event.get("text") or ""), bot_user_id),
        channel="slack",
        user_id=str(event["user"]),
        conversation_id=f"{channel}:{thread_ts}" if thread_ts else channel,
    )


def reply_target(event: Mapping[str, Any]) -> tuple[str, str | None]:
    """Where to answer an event: ``(channel, thread_ts)``.

    Channel mentions are answered in their thread (the mention starts one if needed);
    direct messages in the conversation itself, or in their thread when they were in one.
    """
    channel = str(event.get("channel") or "")
    if event.get("type") == "app_mention":
        return channel, str(event.get("thread_ts") or event.get("ts") or "") or None
    thread_ts = event.get("thread_ts")
    return channel, str(thread_ts) if thread_ts else None


def action_target(body: Mapping[str, Any]) -> tuple[str, str | None, str | None]:
    """Where to answer a button click: ``(channel, thread_ts, response_url_if_ephemeral)``."""
    container = body.get("container") or {}
    message = body.get("message") or {}
    channel = str((body.get("channel") or {}).get("id") or container.get("channel_id") or "")
    thread_ts = container.get("thread_ts") or message.get("thread_ts")
    response_url = body.get("response_url") if container.get("is_ephemeral") else None
    return channel, str(thread_ts) if thread_ts else None, response_url


def action_to_message(body: Mapping[str, Any], action: Mapping[str, Any]) -> IncomingMessage:
    """A button click: a suggestion (``choice`` = the intent id) or another action (``action``)."""
    channel, thread_ts, _ = action_target(body)
    label = str(((action.get("text") or {}).get("text")) or "")
    value = str(action.get("value") or "") or None
    common = {"channel": "slack", "user_id": str((body.get("user") or {}).get("id") or ""),
              "conversation_id": f"{channel}:{thread_ts}" if thread_ts else channel}
    if str(action.get("action_id") or "").startswith(OTHER_ACTION_PREFIX):
        return IncomingMessage(label, kind="action", action=value, **common)
    return IncomingMessage(label, choice=value, **common)


def _prefix_len(text: str, limit: int) -> int:
    """Longest prefix of ``text`` whose escaped form fits in ``limit`` (at least 1 character)."""
    size = 0
    for n, char in enumerate(text):
        size += _escaped_len(char)
        if size > limit:
            return max(n, 1)
    return len(text)


def _pieces(text: str, limit: int) -> list[str]:
    """Split raw ``text`` so that every piece, once escaped, fits in ``limit``; prefer line breaks."""
    chunks: list[str] = []
    current = ""
    for line in text.splitlines(keepends=True):
        if _escaped_len(current + line) <= limit:
            current += line
            continue
        chunks.append(current)
        while _escaped_len(line) > limit:
            cut = _prefix_len(line, limit)
            chunks.append(line[:cut])
            line = line[cut:]
        current = line
    chunks.append(current)
    return [chunk.strip("\r\n") for chunk in chunks if chunk.strip()]


def clip(text: str, limit: int = SLACK_SECTION) -> str:
    """Escape ``text`` and cut it to ``limit`` characters, ending with an ellipsis when cut."""
    pieces = _pieces(text, limit - 1)
    if not pieces:
        return ""
    return escape(pieces[0]) + (ELLIPSIS if len(pieces) > 1 else "")


def section(mrkdwn: str) -> dict[str, Any]:
    """A section block of mrkdwn (escaped by the caller)."""
    return {"type": "section", "text": {"type": "mrkdwn", "text": mrkdwn}}


def _link_url(url: str) -> str:
    return escape(url.strip()).replace("|", "%7C").replace(" ", "%20")


def _lines_section(lines: list[str]) -> dict[str, Any]:
    """A section of whole lines: lines that would overflow 3,000 characters are dropped."""
    kept = lines[:1]
    for line in lines[1:]:
        if len("\n".join(kept + [line])) > SLACK_SECTION:
            break
        kept.append(line)
    return section("\n".join(kept))


def _contact_block(contact: Contact, labels: Mapping[str, str], language: str) -> dict[str, Any]:
    name = contact.name_en if language == "en" and contact.name_en else contact.name
    lines = [f"*{labels['contact']}: {clip(name, 500)}*"]
    if contact.phone:
        lines.append(f"{labels['phone']}: {clip(contact.phone, 100)}")
    if contact.email:
        email = _link_url(contact.email)[:320]
        lines.append(f"{labels['email']}: <mailto:{email}|{email}>")
    return section("\n".join(lines))


def _button_label(label: str) -> str:
    label = " ".join(label.split()) or ELLIPSIS
    return label if len(label) <= SLACK_BUTTON_LABEL else label[: SLACK_BUTTON_LABEL - 1] + ELLIPSIS


def button(action_id: str, value: str, label: str) -> dict[str, Any]:
    """A button sending ``value`` (label shortened to Slack's limit)."""
    return {"type": "button", "action_id": action_id, "value": value[:2000],
            "text": {"type": "plain_text", "text": _button_label(label), "emoji": True}}


def reply_to_blocks(reply: Reply) -> tuple[str, list[dict[str, Any]]]:
    """Render ``reply`` as Block Kit: ``(text_fallback, blocks)``.

    Answer sections (mrkdwn, escaped, ≤ 3,000 characters each), then links as ``<url|title>``,
    contacts (phone, e-mail), the source as a context block, and buttons: suggestions
    (``action_id`` ``jetbot_suggest_<n>``, ``value`` the intent id) and actions
    (``jetbot_action_<n>``, ``value`` the action's value); on an answer, 👍 / 👎
    (:mod:`adapters.slack.feedback`). At most 50 blocks: the
    answer is cut short, with an ellipsis, when it would not fit. The fallback ``text`` (used in
    notifications) is the start of the answer.
    """
    labels = _LABELS.get(reply.language, _LABELS["ja"])
    extra: list[dict[str, Any]] = []
    if reply.links:
        extra.append(_lines_section([f"*{labels['links']}*"] + [
            f"• <{_link_url(link.url)}|{clip(link.title.replace('|', '/'), 500) or _link_url(link.url)}>"
            for link in reply.links if link.url.strip()
        ]))
    extra.extend(_contact_block(c, labels, reply.language) for c in reply.contacts[:MAX_CONTACTS])
    if reply.source and reply.source.strip():
        # the engine's source line already reads "出典: …" / "Source: …"
        extra.append({"type": "context", "elements": [{"type": "mrkdwn", "text": clip(reply.source)}]})
    if reply.kind == "help" or reply.intent_id == HELP_INTENT:
        extra.append(section(HOW_TO_ASK))  # help in Slack also says how to ask in Slack
    buttons = [button(f"{OTHER_ACTION_PREFIX}{n}", a.value, a.label) for n, a in enumerate(reply.actions) if a.first]
    buttons += [button(f"{ACTION_PREFIX}{n}", s.intent_id, s.label) for n, s in enumerate(reply.suggestions)]
    buttons += [button(f"{OTHER_ACTION_PREFIX}{n}", a.value, a.label) for n, a in enumerate(reply.actions)
                if not a.first]
    if buttons:
        extra.append({"type": "actions", "elements": buttons[:SLACK_BUTTONS]})
    extra.extend(feedback_blocks(reply))
    answer = _pieces(reply.text, SLACK_SECTION)
    room = SLACK_BLOCKS - len(extra)
    if len(answer) > room:
        answer = answer[:room]
        answer[-1] = _pieces(answer[-1], SLACK_SECTION - 1)[0] + ELLIPSIS
    blocks = [section(escape(piece)) for piece in answer] + extra
    return clip(reply.text) or ELLIPSIS, blocks

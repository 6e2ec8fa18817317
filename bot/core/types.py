"""Neutral types shared by the core, the entry points and the adapters.

Nothing here knows that LINE or Slack exist: adapters translate platform
events into an :class:`IncomingMessage` and render a :class:`Reply` back.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Mapping

Language = Literal["ja", "en"]
ReplyKind = Literal["answer", "clarify", "fallback", "help", "greeting", "notice"]
# answer: the intent answers; clarify: "did you mean" (with an answer when intent_id is set,
# without one -- fallback=True -- when the bot is not sure); fallback: nothing to answer with;
# help / greeting: the bot introduces itself; notice: a workflow's message (escalation, feedback…)
# "message": text or a tapped suggestion; "follow": the user added the bot; "unsupported": a sticker,
# image… the bot cannot read; "action": a tapped button that is not a question (see Action)
MessageKind = Literal["message", "follow", "unsupported", "action"]
DeliveryStatus = Literal["sent", "failed", "timeout", "pushed", "undeliverable", "skipped"]


@dataclass(frozen=True)
class IncomingMessage:
    """One message from a user, whatever the channel.

    ``choice`` carries an intent id when the user tapped a suggestion (LINE postback, Slack
    button) instead of typing; ``action`` the value of a tapped :class:`Action`.
    """

    text: str
    channel: str = "cli"
    user_id: str = "local"
    conversation_id: str = "local"
    choice: str | None = None
    kind: MessageKind = "message"
    action: str | None = None


@dataclass(frozen=True)
class Link:
    """A source or reference document the reply points to."""

    title: str
    url: str


@dataclass(frozen=True)
class Contact:
    """A contact point as printed in the notice."""

    id: str
    name: str
    phone: str | None = None
    email: str | None = None
    name_en: str | None = None


@dataclass(frozen=True)
class Suggestion:
    """A follow-up the user can tap: ``label`` is shown, ``intent_id`` is sent back."""

    label: str
    intent_id: str


@dataclass(frozen=True)
class Action:
    """A button that is not a question ("担当者に転送", "解決した"): ``value`` comes back as
    ``IncomingMessage.action`` when tapped. ``first``: shown before the suggestions."""

    label: str
    value: str
    first: bool = False


@dataclass(frozen=True)
class Candidate:
    """One ranked intent with its 0-100 score."""

    intent_id: str
    score: float


@dataclass(frozen=True)
class Correction:
    """A mistyped word and the word of the knowledge it was read as (地方材政措置 -> 地方財政措置)."""

    wrong: str
    right: str


@dataclass(frozen=True)
class Reply:
    """Everything a channel needs to render an answer.

    ``text`` is the answer body only; links and contacts are separate so that
    each channel can render them natively (see :func:`bot.core.render.plain_text`).
    ``corrections`` lists mistyped words the bot read as another word; ``text`` already
    starts with a line saying so. ``candidates`` holds the best intents considered.
    """

    text: str
    kind: ReplyKind = "answer"
    language: Language = "ja"
    intent_id: str | None = None
    score: float = 0.0
    fallback: bool = False
    links: tuple[Link, ...] = ()
    contacts: tuple[Contact, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    candidates: tuple[Candidate, ...] = field(default=())
    source: str | None = None
    actions: tuple[Action, ...] = ()
    inquiry_id: str | None = None  # the logged inquiry this reply answers (feedback refers to it)
    corrections: tuple[Correction, ...] = ()
    names: tuple[str, ...] = ()  # the roles the question named, read with its context (ALT)


@dataclass(frozen=True)
class Context:
    """What a conversation was last about: the intent answered, when (epoch seconds), in which language, the
    roles its questions named (「令和5年度のALTの人数は？」 then 「令和元年度は？」 asks the ALT's) and the topics
    before it."""

    intent_id: str
    at: float
    language: Language = "ja"
    names: tuple[str, ...] = ()
    earlier: tuple[str, ...] = ()  # the topics it moved away from, the latest first (「さっきの人数」 points back)


@dataclass(frozen=True)
class Inbound:
    """One platform event a channel accepted: the message, and where its reply must go.

    ``key`` is unique per platform event (``line:<webhook event id>``): a redelivered event has
    the same key. ``target`` holds the channel's own addressing (reply token, channel and
    thread, response URL…), opaque to everything but that channel.  A channel that can tell
    whether an earlier attempt landed (``attempt > 1``) checks before it sends again.
    """

    key: str
    message: IncomingMessage
    target: Mapping[str, str] = field(default_factory=dict)
    received_at: float = 0.0
    attempt: int = 1  # > 1: an earlier delivery was started and may have reached the platform


@dataclass(frozen=True)
class Delivery:
    """What became of one reply: ``sent``, ``failed`` (with the status), ``timeout``, ``pushed``…"""

    status: DeliveryStatus
    detail: str = ""

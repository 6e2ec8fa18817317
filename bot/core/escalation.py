"""Escalation rules: passing a question on to the ministry team and its answer back (pure, no I/O).

A LINE user confirms an :class:`Offer` (kept server side, its id rides in the postback); that
creates an :class:`Escalation`, which moves through::

    open ──answer──▶ answered ──push accepted──▶ delivered
                        │ ▲
                        │ └── push failed, attempts < max: retried after retry_delay()
                        └──── push failed max_attempts times ──▶ failed (reported in Slack)

Storage is :mod:`bot.storage.escalations`, the workflow :mod:`bot.escalation.desk`; the LINE and Slack
sides live in ``adapters/line/escalation.py`` and ``adapters/slack/escalation*.py``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import parse_qs

from bot.core.office_hours import DEFAULT_OFFICE_HOURS, OfficeHours, parse_office_hours
from bot.core.types import Language

State = Literal["open", "answered", "delivered", "failed"]
OPEN, ANSWERED, DELIVERED, FAILED = "open", "answered", "delivered", "failed"
Decision = Literal["ok", "expired", "duplicate", "limit"]
# why a team member's answer is not taken (the team's channel words it)
Refusal = Literal["empty", "not_member", "members_unknown", "not_found", "answered", "not_answered"]
POSTBACK_KEY = "escalate"
ASK, CONFIRM, CANCEL = "ask", "confirm", "cancel"


@dataclass(frozen=True)
class Guess:
    """One of the bot's best guesses for the question (shown to the team)."""

    intent_id: str
    title: str
    score: float


@dataclass(frozen=True)
class Offer:
    """A question the user may pass on; ``escalation_id`` is set once it was."""

    id: str
    user_hash: str
    question: str
    language: Language
    guesses: tuple[Guess, ...]
    created_at: float
    escalation_id: int | None = None


@dataclass(frozen=True)
class Escalation:
    """One passed-on question. ``line_to`` (the push target) is wiped once delivered."""

    id: int
    state: State
    created_at: float
    user_hash: str
    question: str
    language: Language
    guesses: tuple[Guess, ...]
    retry_key: str
    line_to: str | None = None
    slack_channel: str | None = None
    slack_ts: str | None = None
    answer: str | None = None
    answered_by: str | None = None
    answered_at: float | None = None
    attempts: int = 0
    next_attempt_at: float = 0.0
    last_error: str | None = None
    delivered_at: float | None = None
    version: int = 1
    synced_version: int = 0
    posting_at: float | None = None   # a post to the team was started then (it may have landed)


@dataclass(frozen=True)
class EscalationConfig:
    """How escalation behaves; ``channel`` unset means it is off (env: see :mod:`bot.settings`)."""

    channel: str | None = None         # JETBOT_ESCALATION_CHANNEL: the team's Slack channel (C…/G…)
    office: str = "JETプログラム担当"   # JETBOT_ESCALATION_OFFICE: who the LINE user is told answers
    max_open: int = 5                  # JETBOT_ESCALATION_MAX_OPEN: open escalations per LINE user
    max_attempts: int = 8              # JETBOT_ESCALATION_MAX_ATTEMPTS: LINE push attempts
    retry_base: float = 60.0           # seconds before the 2nd push attempt, doubled each time
    retry_cap: float = 3600.0
    sweep_interval: float = 60.0       # seconds between looks for unfinished work
    offer_ttl: float = 86_400.0        # an offer not confirmed within a day expires
    member_cache_ttl: float = 60.0     # seconds the escalation channel's member list is trusted
    # JETBOT_OFFICE_HOURS: when a person answers (the offer and confirmation say when); holidays are off
    office_hours: OfficeHours = field(default_factory=lambda: parse_office_hours(DEFAULT_OFFICE_HOURS))
    fallback_streak: int = 2           # fallbacks in a row after which the team is offered up front


def confirm_decision(offer: Offer | None, user_hash: str, open_count: int, now: float,
                     config: EscalationConfig) -> Decision:
    """May ``offer`` become an escalation? Someone else's or a stale offer counts as expired."""
    if offer is None or offer.user_hash != user_hash or now - offer.created_at > config.offer_ttl:
        return "expired"
    if offer.escalation_id is not None:
        return "duplicate"
    if open_count >= config.max_open:
        return "limit"
    return "ok"


def answer_refusal(escalation: Escalation | None) -> Refusal | None:
    """Why an answer cannot be recorded (``None``: it can)."""
    if escalation is None:
        return "not_found"
    if escalation.state != OPEN:
        return "answered"
    return None


def retry_delay(attempts: int, config: EscalationConfig) -> float:
    """Seconds to wait after the ``attempts``-th failed delivery (doubling, capped)."""
    return min(config.retry_cap, config.retry_base * 2 ** max(0, attempts - 1))


def after_failure(escalation: Escalation, now: float, config: EscalationConfig) -> tuple[State, float]:
    """State and next attempt time after one more failed delivery."""
    attempts = escalation.attempts + 1
    if attempts >= config.max_attempts:
        return FAILED, now
    return ANSWERED, now + retry_delay(attempts, config)


def postback_data(action: str, offer_id: str) -> str:
    """Postback data for the quick replies (``escalate=confirm&q=<offer id>``; ≤ 300 chars)."""
    return f"{POSTBACK_KEY}={action}&q={offer_id}"


def parse_postback(data: str | None) -> tuple[str, str] | None:
    """``(action, offer_id)`` from escalation postback data, else ``None``."""
    values = parse_qs(data or "")
    action, offer = (values.get(POSTBACK_KEY) or [""])[0], (values.get("q") or [""])[0]
    return (action, offer) if action in (ASK, CONFIRM, CANCEL) and offer else None


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, with an ellipsis when cut."""
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


WORDING: dict[str, dict[str, str]] = {
    "ja": {
        "ask": "担当者に聞く", "confirm": "担当者に転送", "cancel": "やめる",
        "offer": "よろしければ、このご質問を{office}に転送できます。下の「担当者に転送」を押してください。",
        "prompt": "次のご質問を{office}に転送します。よろしいですか？\n\n「{question}」",
        "confirmed": "{office}に転送しました（受付番号 #{id}）。回答はこのトークでお届けします。しばらくお待ちください。",
        "limit": "回答待ちのご質問が{max}件あるため、新しいご質問はお受けできません。"
                 "お手数ですが、回答が届いてから改めてお送りください。",
        "expired": "このご質問の受付期限が切れました。お手数ですが、もう一度質問を送ってください。",
        "duplicate": "このご質問は転送済みです（受付番号 #{id}）。回答まで今しばらくお待ちください。",
        "cancelled": "転送を取りやめました。ほかにご質問があれば送ってください。",
        "answer": "【{office}からの回答】\nご質問（受付番号 #{id}）:「{question}」\n\n{answer}",
    },
    "en": {
        "ask": "Ask the office", "confirm": "Send to the office", "cancel": "Cancel",
        "offer": "If you like, I can pass your question to {office}. Tap \"Send to the office\" below.",
        "prompt": "I will pass this question to {office}. OK?\n\n\"{question}\"",
        "confirmed": "Sent to {office} (ref. #{id}). The answer will come in this chat.",
        "limit": "You already have {max} questions waiting for an answer. Please send new ones "
                 "once those are answered.",
        "expired": "This question has expired. Please send it again.",
        "duplicate": "This question was already passed on (ref. #{id}). Please wait for the answer.",
        "cancelled": "Cancelled. Feel free to ask something else.",
        "answer": "[Answer from {office}]\nYour question (ref. #{id}): \"{question}\"\n\n{answer}",
    },
}


def wording(key: str, language: str, **values: Any) -> str:
    """One of the fixed LINE texts in ``language`` with ``values`` filled in."""
    return WORDING.get(language, WORDING["ja"])[key].format(**values)


def answer_text(escalation: Escalation, office: str) -> str:
    """What the LINE user receives: who it is from (the office, never a person) and the answer."""
    return wording("answer", escalation.language, office=office, id=escalation.id,
                   question=clip(escalation.question, 200), answer=(escalation.answer or "").strip())

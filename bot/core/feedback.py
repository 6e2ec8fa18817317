"""Feedback on answers, pure: which replies ask for it, what a tapped vote carries, what the user is told.

A vote button carries only the inquiry's id (``feedback=yes&i=<id>``), never the question: the
question stays in the inquiry log. The three rates the reports show are defined here, once.
"""
from __future__ import annotations

from dataclasses import replace
from urllib.parse import parse_qs

from bot.core.replies import GREETING_INTENT, HELP_INTENT
from bot.core.types import Action, Reply

POSTBACK_KEY = "feedback"
HELPFUL, NOT_HELPFUL = "yes", "no"
MAX_COMMENT = 1000   # characters of a comment kept (masked like questions)

WORDING: dict[str, dict[str, str]] = {
    "ja": {
        "yes": "解決した", "no": "解決しない",
        "thanks": "ご回答ありがとうございました。お役に立ててよかったです。",
        "sorry": "ご回答ありがとうございました。お役に立てず申し訳ありません。",
        "choices": "次の話題のどれかでしたら、選んでください。",
        "ask_again": "言葉を変えてもう一度質問していただくか、通知の問い合わせ先にお問い合わせください。",
        "unknown": "申し訳ありません。この評価ボタンの元になったご質問が見つかりませんでした（古いものは消えます）。"
                   "ご質問があれば、もう一度送ってください。",
    },
    "en": {
        "yes": "Solved", "no": "Not solved",
        "thanks": "Thank you for your feedback. Glad it helped.",
        "sorry": "Thank you for your feedback. Sorry it did not help.",
        "choices": "If it is about one of these topics, pick it below.",
        "ask_again": "Please ask again in other words, or contact the office named in the notice.",
        "unknown": "Sorry, the question these buttons belonged to is no longer kept. Please ask again.",
    },
}


def wording(key: str, language: str) -> str:
    """One of the fixed feedback texts in ``language`` (Japanese when unknown)."""
    return WORDING.get(language, WORDING["ja"])[key]


def wants_feedback(reply: Reply) -> bool:
    """Whether ``reply`` asks "did this solve it?": a logged answer of an intent (also one that adds
    "did you mean" choices), never the greeting, help, a fallback or choices without an answer."""
    return (reply.inquiry_id is not None and reply.intent_id is not None and not reply.fallback
            and reply.kind in ("answer", "clarify") and reply.intent_id not in (HELP_INTENT, GREETING_INTENT))


def postback_data(helpful: bool, inquiry_id: str) -> str:
    """What a vote button sends back (well within LINE's 300 characters)."""
    return f"{POSTBACK_KEY}={HELPFUL if helpful else NOT_HELPFUL}&i={inquiry_id}"


def parse_postback(data: str | None) -> tuple[bool, str] | None:
    """``(helpful, inquiry_id)`` from a vote button's data, else ``None``."""
    values = parse_qs(data or "")
    vote, inquiry = (values.get(POSTBACK_KEY) or [""])[0], (values.get("i") or [""])[0].strip()
    return (vote == HELPFUL, inquiry) if vote in (HELPFUL, NOT_HELPFUL) and inquiry else None


def vote_actions(reply: Reply) -> tuple[Action, Action]:
    """The two vote buttons for ``reply`` (shown before its other buttons)."""
    assert reply.inquiry_id is not None
    return (Action(wording("yes", reply.language), postback_data(True, reply.inquiry_id), first=True),
            Action(wording("no", reply.language), postback_data(False, reply.inquiry_id), first=True))


def with_vote_actions(reply: Reply) -> Reply:
    """``reply`` carrying the vote buttons first when it asks for feedback, else unchanged."""
    return replace(reply, actions=(*vote_actions(reply), *reply.actions)) if wants_feedback(reply) else reply


def rate(part: int, whole: int) -> float:
    """``part / whole``, 0 when there is no whole."""
    return part / whole if whole else 0.0


RATE_MEANINGS = {
    "answer_rate": "answer rate: share of questions the bot answered with an intent (not a fallback) — "
                   "counts wrong answers too",
    "feedback_rate": "feedback rate: share of answers the asker rated (解決した / 解決しない, 👍 / 👎)",
    "resolution_rate": "resolution rate: share of rated answers rated helpful (helpful ÷ rated)",
    "not_helpful": "not helpful: answers rated 解決しない / 👎 — read these first",
}

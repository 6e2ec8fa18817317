"""Slack side of feedback: 👍 / 👎 under an answer, and the click that records the vote.

The buttons carry only the inquiry id. A click is acknowledged at once, recorded, and answered
through the click's ``response_url`` for the clicker only: in a DM the buttons are replaced by
the thank-you (``replace_original``, the answer kept); in a shared channel, where others may still
want to vote, and under an ephemeral answer (whose blocks Slack does not send back) the clicker
gets the thank-you as an ephemeral message.
"""
from __future__ import annotations

import asyncio
import logging
from typing import Any, Protocol

from slack_bolt.async_app import AsyncApp
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.core.feedback import wants_feedback, wording
from bot.core.types import Reply
from bot.conversation.background import describe

log = logging.getLogger(__name__)

BLOCK_ID = "jetbot_feedback"
YES, NO = "jetbot_feedback_yes", "jetbot_feedback_no"
PROMPT = {"ja": "この回答で解決しましたか？", "en": "Did this answer your question?"}


class Votes(Protocol):
    """Where votes go (:class:`bot.conversation.feedback.FeedbackDesk`)."""

    def vote(self, inquiry_id: str, user_id: str, channel: str, helpful: bool,
             comment: str | None = None) -> Any: ...


def feedback_blocks(reply: Reply) -> list[dict[str, Any]]:
    """The question and the 👍 / 👎 buttons for an answer that asks for feedback (else nothing)."""
    if not wants_feedback(reply):
        return []
    inquiry = str(reply.inquiry_id)
    return [{"type": "context", "block_id": f"{BLOCK_ID}_prompt",
             "elements": [{"type": "mrkdwn", "text": PROMPT.get(reply.language, PROMPT["ja"])}]},
            {"type": "actions", "block_id": BLOCK_ID, "elements": [
                {"type": "button", "action_id": YES, "value": inquiry,
                 "text": {"type": "plain_text", "text": "👍", "emoji": True}},
                {"type": "button", "action_id": NO, "value": inquiry,
                 "text": {"type": "plain_text", "text": "👎", "emoji": True}}]}]


def thanked(blocks: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """``blocks`` with the feedback prompt and buttons replaced by ``text``."""
    kept = [b for b in blocks if not str(b.get("block_id") or "").startswith(BLOCK_ID)]
    return [*kept, {"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}]


class FeedbackListener:
    """The listener of the 👍 / 👎 buttons (HTTP and Socket Mode alike)."""

    def __init__(self, votes: Votes, retry_handlers: list[Any], timeout: int = 30) -> None:
        self._votes = votes
        self._retry_handlers = retry_handlers
        self._timeout = timeout

    def register(self, app: AsyncApp) -> None:
        """Attach the listener (before the catch-all for buttons)."""
        app.action(YES)(self.on_click)
        app.action(NO)(self.on_click)

    async def on_click(self, ack: Any, body: dict[str, Any], action: dict[str, Any]) -> None:
        """Record the vote, then thank the clicker in place of the buttons."""
        await ack()
        helpful = action.get("action_id") == YES
        user = str((body.get("user") or {}).get("id") or "")
        try:
            found = await asyncio.to_thread(self._votes.vote, str(action.get("value") or ""), user, "slack", helpful)
        except Exception as error:   # acknowledged already: log, and tell the clicker nothing went wrong for them
            log.error("slack: could not record feedback: %s", describe(error))
            found = None
        message = body.get("message") or {}
        language = "en" if getattr(found, "language", "ja") == "en" else "ja"
        text = wording("unknown" if found is None else "thanks" if helpful else "sorry", language)
        container = body.get("container") or {}
        channel = str((body.get("channel") or {}).get("id") or container.get("channel_id") or "")
        private = bool(container.get("is_ephemeral")) or channel.startswith("D")
        if found is not None and private and message.get("blocks"):
            payload = {"replace_original": True, "text": message.get("text") or text,
                       "blocks": thanked(list(message["blocks"]), text)}
        else:
            payload = {"response_type": "ephemeral", "replace_original": False, "text": text}
        url = body.get("response_url")
        if not url:
            return
        try:
            webhook = AsyncWebhookClient(str(url), retry_handlers=self._retry_handlers, timeout=self._timeout)
            response = await webhook.send_dict(payload)
            if response.status_code != 200:
                log.error("slack: the thank-you for feedback was refused: HTTP %s", response.status_code)
        except Exception as error:
            log.error("slack: could not thank for feedback: %s", describe(error))

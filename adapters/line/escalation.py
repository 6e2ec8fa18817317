"""LINE side of escalations: the "担当者に聞く" / confirm quick replies and the push of the answer.

The push (``POST /v2/bot/message/push``) always carries the escalation's own
``X-Line-Retry-Key``: LINE accepts one request per key, so a retry after a timeout, a 5xx or a
restart can never deliver the answer twice (a 409 means "already accepted" and counts as sent).
"""
from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import aiohttp
from linebot.v3.messaging import (
    ApiException, AsyncApiClient, AsyncMessagingApi, Configuration, Message, PostbackAction,
    PushMessageRequest, QuickReply, QuickReplyItem, TextMessage,
)
from linebot.v3.webhooks import Event, PostbackEvent

from adapters.line.messages import MAX_LABEL, conversation_id, reply_to_messages, split_text
from bot.core.answer import THRESHOLD
from bot.core.compose import label
from bot.escalation.rules import (ASK, CANCEL, CONFIRM, Decision, Guess, Offer, confirm_decision, parse_postback,
                            postback_data, wording)
from bot.core.types import IncomingMessage, Reply

if TYPE_CHECKING:
    from bot.escalation.desk import EscalationDesk

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PushResult:
    """Outcome of one delivery attempt (itself up to ``LinePusher.tries`` HTTP requests)."""

    ok: bool
    error: str | None = None


class LinePusher:
    """Push messages with a retry key; 429, 5xx, timeouts and connection errors are retried."""

    timeout: float = 8.0   # seconds per request
    tries: int = 3         # requests per attempt
    backoff: float = 0.5   # seconds before the 2nd request, doubled each time

    def __init__(self, token: str, host: str | None = None) -> None:
        self._token = token
        self._host = host.rstrip("/") if host else None

    async def push(self, to: str, messages: list[Message], retry_key: str) -> PushResult:
        """Send ``messages`` to ``to``; the same ``retry_key`` on every request, now and later."""
        config = Configuration(access_token=self._token, host=self._host)
        request = PushMessageRequest(to=to, messages=messages)
        error = "not sent"
        async with AsyncApiClient(config) as client:
            api = AsyncMessagingApi(client)
            for attempt in range(1, self.tries + 1):
                try:
                    await api.push_message(request, x_line_retry_key=retry_key, _request_timeout=self.timeout)
                    return PushResult(True)
                except ApiException as exc:
                    if exc.status == 409:   # this retry key was accepted before: already delivered
                        return PushResult(True, "already accepted (409)")
                    request_id = (exc.headers or {}).get("x-line-request-id", "-")
                    error = f"HTTP {exc.status} {exc.reason} (request id {request_id})"
                    if exc.status != 429 and exc.status < 500:
                        return PushResult(False, error)
                except (asyncio.TimeoutError, TimeoutError):
                    error = f"no answer within {self.timeout:.1f} s"
                except (aiohttp.ClientError, OSError) as exc:
                    error = f"{type(exc).__name__}: {exc}"
                log.warning("LINE push attempt %d/%d failed: %s", attempt, self.tries, error)
                if attempt < self.tries:
                    await asyncio.sleep(self.backoff * 2 ** (attempt - 1))
        return PushResult(False, error)


def answer_messages(text: str) -> list[Message]:
    """The answer as at most 5 text messages."""
    return [TextMessage(text=part) for part in split_text(text)]


def _item(action: str, offer_id: str, language: str) -> QuickReplyItem:
    label = wording(action, language)
    return QuickReplyItem(action=PostbackAction(label=label[:MAX_LABEL], data=postback_data(action, offer_id),
                                                display_text=label))


def _text(text: str, *items: QuickReplyItem) -> list[Message]:
    return [TextMessage(text=text, quick_reply=QuickReply(items=list(items)) if items else None)]


class LineEscalation:
    """What the LINE webhook asks of escalation: decorate answers, handle ``escalate=`` postbacks."""

    def __init__(self, desk: "EscalationDesk") -> None:
        self._desk = desk

    def decorate(self, message: IncomingMessage, reply: Reply) -> list[Message]:
        """Render a reply to a typed question, with "担当者に聞く" (answers) or the offer (fallbacks)."""
        if message.choice or not message.text.strip() or reply.kind not in ("answer", "clarify", "fallback"):
            return reply_to_messages(reply)
        offer = self.offer(message, reply)
        if reply.fallback:
            office = self._desk.config.office
            reply = replace(reply, text=f"{reply.text}\n\n{wording('offer', reply.language, office=office)}")
            return reply_to_messages(reply, lead=[_item(CONFIRM, offer.id, reply.language)])
        return reply_to_messages(reply, tail=[_item(ASK, offer.id, reply.language)])

    def offer(self, message: IncomingMessage, reply: Reply) -> Offer:
        """Keep the question server side (with the bot's best guesses) for a later quick reply."""
        intents = self._desk.engine.kb.intents
        guesses = tuple(Guess(c.intent_id, label(intents[c.intent_id], "ja"), c.score)
                        for c in reply.candidates[:3] if c.intent_id in intents and c.score >= THRESHOLD * 0.3)
        return self._desk.store.offer(message.user_id, message.text, reply.language, guesses, self._desk.clock())

    def check(self, offer: Offer | None, user_id: str) -> tuple[Decision, int | None]:
        """Could ``offer`` be passed on now (asked before the user confirms)?"""
        store = self._desk.store
        decision = confirm_decision(offer, store.pseudonym(user_id, "line"), store.open_count(user_id),
                                    self._desk.clock(), self._desk.config)
        return decision, offer.escalation_id if offer else None

    @staticmethod
    def handles(event: Event) -> bool:
        """True for a postback carrying ``escalate=…`` data."""
        return isinstance(event, PostbackEvent) and parse_postback(event.postback.data) is not None

    def respond(self, event: PostbackEvent) -> list[Message]:
        """The reply to "担当者に聞く", "担当者に転送" or "やめる"."""
        action, offer_id = parse_postback(event.postback.data) or ("", "")
        user = getattr(event.source, "user_id", None) or conversation_id(event)
        desk, office = self._desk, self._desk.config.office
        offer = desk.store.get_offer(offer_id)
        language = offer.language if offer else "ja"
        if action == CANCEL:
            desk.store.drop_offer(offer_id, user)
            return _text(wording("cancelled", language))
        if action == ASK:
            decision, number = self.check(offer, user)
        else:
            decision, number = desk.confirm(offer_id, user, conversation_id(event))
        if decision == "limit":
            return _text(wording("limit", language, max=desk.config.max_open))
        if decision in ("expired", "duplicate"):
            return _text(wording(decision, language, id=number))
        if action == ASK and offer is not None:
            prompt = wording("prompt", language, office=office, question=offer.question[:1000])
            return _text(prompt, _item(CONFIRM, offer_id, language), _item(CANCEL, offer_id, language))
        return _text(wording("confirmed", language, office=office, id=number))

"""Votes on answers, neutral: recorded for every channel, answered for the channels that tap them.

A tapped 「解決した」 / 「解決しない」 comes back as the action ``feedback=yes|no&i=<inquiry id>``
(:mod:`bot.core.feedback`). 「解決した」 is thanked; 「解決しない」 is thanked and offered the next
step: the "did you mean" choices the answer had, else 「担当者に転送」 where a person can answer
(the escalation offer), else a word on how to ask again. An unknown or forged id gets a polite note.
Slack's 👍/👎 and the web console's buttons record through :meth:`FeedbackDesk.vote` too.
"""
from __future__ import annotations

import logging
from typing import Protocol, Sequence

from bot.core.feedback import parse_postback, wording
from bot.core.replies import suggestion
from bot.core.types import Action, Candidate, IncomingMessage, Language, Reply
from bot.engine import Engine
from bot.storage.feedback import FeedbackStore, RatedInquiry

log = logging.getLogger(__name__)


class EscalationOffer(Protocol):
    """The escalation's offer for an earlier question (:class:`bot.escalation.offers.EscalationOffers`)."""

    channel: str

    def offer_again(self, user_id: str, question: str, language: Language,
                    candidates: Sequence[Candidate] = ()) -> tuple[str, Action]: ...


class FeedbackDesk:
    """Records votes and answers the tapped vote buttons."""

    def __init__(self, store: FeedbackStore, engine: Engine, escalation: EscalationOffer | None = None) -> None:
        self.store = store
        self.engine = engine
        self.escalation = escalation

    def vote(self, inquiry_id: str, user_id: str, channel: str, helpful: bool,
             comment: str | None = None) -> RatedInquiry | None:
        """Record the vote (the voter's latest counts); ``None`` when the inquiry is unknown."""
        inquiry = self.store.vote(inquiry_id, user_id, channel, helpful, comment)
        log.info("%s: feedback %s on an inquiry%s", channel, "helpful" if helpful else "not helpful",
                 "" if inquiry else " that is unknown (ignored)")
        return inquiry

    def respond(self, message: IncomingMessage) -> Reply:
        """The reply to a tapped 「解決した」 or 「解決しない」."""
        parsed = parse_postback(message.action)
        inquiry = self.vote(parsed[1], message.user_id, message.channel, parsed[0]) if parsed else None
        if parsed is None or inquiry is None:
            return Reply(text=wording("unknown", "ja"), kind="notice",
                         suggestions=self.engine.greeting("ja").suggestions)
        language = inquiry.language
        if parsed[0]:
            return Reply(text=wording("thanks", language), kind="notice", language=language)
        return self.next_step(message, inquiry)

    def next_step(self, message: IncomingMessage, inquiry: RatedInquiry) -> Reply:
        """After 「解決しない」: the answer's choices again, else a person, else how to ask again."""
        language = inquiry.language
        text = wording("sorry", language)
        kb = self.engine.kb
        choices = tuple(suggestion(kb, c, language) for c in inquiry.choices if c in kb.intents)
        if choices:
            return Reply(text=f"{text}\n{wording('choices', language)}", kind="notice", language=language,
                         suggestions=choices)
        escalation = self.escalation
        if escalation is not None and message.channel == escalation.channel and inquiry.question.strip():
            offer, button = escalation.offer_again(message.user_id, inquiry.question, language, inquiry.candidates)
            return Reply(text=f"{text}\n{offer}", kind="notice", language=language, actions=(button,))
        return Reply(text=f"{text}\n{wording('ask_again', language)}", kind="notice", language=language)

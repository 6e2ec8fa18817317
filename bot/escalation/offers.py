"""The user's side of escalation, neutral: offers on replies, and the answers to the offer buttons.

A typed question answered on the channel that can push (LINE) gets "担当者に聞く" (answers) or an
offer to pass it on (fallbacks); the tapped buttons come back as actions ``escalate=…&q=<offer>``.
The question is kept server side (masked); only the offer id rides in the button.
"""
from __future__ import annotations

from dataclasses import replace

from bot.core.answer import THRESHOLD
from bot.core.compose import label
from bot.core.escalation import (ASK, CANCEL, CONFIRM, POSTBACK_KEY, Decision, Guess, Offer, confirm_decision,
                                 parse_postback, postback_data, wording)
from bot.core.types import Action, IncomingMessage, Language, Reply
from bot.escalation.desk import EscalationDesk

ACTION_PREFIX = f"{POSTBACK_KEY}="


def _action(kind: str, offer_id: str, language: Language, first: bool = False) -> Action:
    return Action(wording(kind, language), postback_data(kind, offer_id), first)


def _notice(text: str, language: Language, *actions: Action) -> Reply:
    return Reply(text=text, kind="notice", language=language, actions=actions)


class EscalationOffers:
    """Decorator and action handler of the :class:`~bot.conversation.responder.Responder`."""

    def __init__(self, desk: EscalationDesk) -> None:
        self._desk = desk

    def decorate(self, message: IncomingMessage, reply: Reply) -> Reply:
        """Add the offer to a fallback, "担当者に聞く" to an answer (only where answers can be pushed)."""
        if message.channel != self._desk.push.channel or reply.kind not in ("answer", "clarify", "fallback"):
            return reply
        offer = self.offer(message, reply)
        if reply.fallback:
            # nothing to offer but the team: their button first; "not sure" and gap replies offer topics,
            # which come first, the team after them
            office = self._desk.config.office
            first = not reply.suggestions
            return replace(reply, text=f"{reply.text}\n\n{wording('offer', reply.language, office=office)}",
                           actions=(*reply.actions, _action(CONFIRM, offer.id, reply.language, first=first)))
        return replace(reply, actions=(*reply.actions, _action(ASK, offer.id, reply.language)))

    def offer(self, message: IncomingMessage, reply: Reply) -> Offer:
        """Keep the question server side (with the bot's best guesses) for a later tap."""
        intents = self._desk.engine.kb.intents
        guesses = tuple(Guess(c.intent_id, label(intents[c.intent_id], "ja"), c.score)
                        for c in reply.candidates[:3] if c.intent_id in intents and c.score >= THRESHOLD * 0.3)
        return self._desk.store.offer(message.user_id, message.text, reply.language, guesses, self._desk.clock())

    def check(self, offer: Offer | None, user_id: str) -> tuple[Decision, int | None]:
        """Could ``offer`` be passed on now (asked before the user confirms)?"""
        store = self._desk.store
        decision = confirm_decision(offer, store.pseudonym(user_id, self._desk.push.channel),
                                    store.open_count(user_id), self._desk.clock(), self._desk.config)
        return decision, offer.escalation_id if offer else None

    def respond(self, message: IncomingMessage) -> Reply:
        """The reply to "担当者に聞く", "担当者に転送" or "やめる"."""
        action, offer_id = parse_postback(message.action) or ("", "")
        desk, office = self._desk, self._desk.config.office
        offer = desk.store.get_offer(offer_id)
        language: Language = offer.language if offer else "ja"
        if action == CANCEL:
            desk.store.drop_offer(offer_id, message.user_id)
            return _notice(wording("cancelled", language), language)
        if action == ASK:
            decision, number = self.check(offer, message.user_id)
        else:
            decision, number = desk.confirm(offer_id, message.user_id, message.conversation_id)
        if decision == "limit":
            return _notice(wording("limit", language, max=desk.config.max_open), language)
        if decision in ("expired", "duplicate"):
            return _notice(wording(decision, language, id=number), language)
        if action == ASK and offer is not None:
            prompt = wording("prompt", language, office=office, question=offer.question[:1000])
            return _notice(prompt, language, _action(CONFIRM, offer_id, language), _action(CANCEL, offer_id, language))
        return _notice(wording("confirmed", language, office=office, id=number), language)

"""The user's side of escalation, neutral: offers on replies, and the answers to the offer buttons.

A typed question answered on the channel that can push (LINE) gets "担当者に聞く" (answers) or an
offer to pass it on (fallbacks); the tapped buttons come back as actions ``escalate=…&q=<offer>``.
The question is kept server side (masked); only the offer id rides in the button. After
``fallback_streak`` fallbacks in a row (or a 「解決しない」 with no choices to offer, see
:mod:`bot.conversation.feedback`) the offer comes first, unasked. Offers and confirmations say when a
person will answer (office hours, Japanese public holidays off: :class:`OfficeClock`).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable, Sequence

from bot.core.answer import THRESHOLD
from bot.core.compose import label
from bot.core.escalation import (ASK, CANCEL, CONFIRM, POSTBACK_KEY, Decision, Guess, Offer, confirm_decision,
                                 parse_postback, postback_data, wording)
from bot.core.types import Action, Candidate, IncomingMessage, Language, Reply
from bot.escalation.desk import EscalationDesk
from bot.escalation.office_hours import OfficeClock

STREAK_WORDING = {
    "ja": "うまくお答えできず申し訳ありません。よろしければ、ご質問を{office}の担当者に転送します。"
          "下の「担当者に転送」を押してください。",
    "en": "Sorry I could not help. If you like, I can pass your question to a person at {office}. "
          "Tap \"Send to the office\" below.",
}
STREAK_WINDOW = 3600.0   # seconds: fallbacks further apart than this do not make a streak
FallbackStreak = Callable[[str, str], int]   # (user id, channel) -> fallbacks in a row, the latest included

ACTION_PREFIX = f"{POSTBACK_KEY}="


def _action(kind: str, offer_id: str, language: Language, first: bool = False) -> Action:
    return Action(wording(kind, language), postback_data(kind, offer_id), first)


def _notice(text: str, language: Language, *actions: Action) -> Reply:
    return Reply(text=text, kind="notice", language=language, actions=actions)


class EscalationOffers:
    """Decorator and action handler of the :class:`~bot.conversation.responder.Responder`."""

    def __init__(self, desk: EscalationDesk, streak: FallbackStreak | None = None,
                 office_clock: OfficeClock | None = None) -> None:
        self._desk = desk
        self._streak = streak
        self.office_clock = office_clock or OfficeClock(desk.config.office_hours, desk.clock)

    @property
    def channel(self) -> str:
        """The channel whose users can be answered by a person (the one answers are pushed to)."""
        return self._desk.push.channel

    def decorate(self, message: IncomingMessage, reply: Reply) -> Reply:
        """Add the offer to a fallback, "担当者に聞く" to an answer (only where answers can be pushed)."""
        if message.channel != self.channel or reply.kind not in ("answer", "clarify", "fallback"):
            return reply
        offer = self.offer(message, reply)
        if reply.fallback:
            office, language = self._desk.config.office, reply.language
            if self._streak is not None and self._streak(message.user_id, message.channel) >= \
                    self._desk.config.fallback_streak:   # the user keeps missing: a person, first and unasked
                text = f"{STREAK_WORDING.get(language, STREAK_WORDING['ja']).format(office=office)}"
                return replace(reply, text=f"{reply.text}\n\n{text}\n{self.office_clock.when_answered(language)}",
                               actions=(_action(CONFIRM, offer.id, language, first=True), *reply.actions))
            # nothing to offer but the team: their button first; "not sure" and gap replies offer topics,
            # which come first, the team after them
            first = not reply.suggestions
            return replace(reply, text=f"{reply.text}\n\n{wording('offer', language, office=office)}",
                           actions=(*reply.actions, _action(CONFIRM, offer.id, language, first=first)))
        return replace(reply, actions=(*reply.actions, _action(ASK, offer.id, reply.language)))

    def offer(self, message: IncomingMessage, reply: Reply) -> Offer:
        """Keep the question server side (with the bot's best guesses) for a later tap."""
        return self._keep(message.user_id, message.text, reply.language, reply.candidates)

    def offer_again(self, user_id: str, question: str, language: Language,
                    candidates: Sequence[Candidate] = ()) -> tuple[str, Action]:
        """An offer for an earlier question (after 「解決しない」): the sentence and the 「担当者に転送」 button."""
        offer = self._keep(user_id, question, language, candidates)
        text = f"{wording('offer', language, office=self._desk.config.office)}\n" \
               f"{self.office_clock.when_answered(language)}"
        return text, _action(CONFIRM, offer.id, language, first=True)

    def _keep(self, user_id: str, question: str, language: Language, candidates: Sequence[Candidate]) -> Offer:
        intents = self._desk.engine.kb.intents
        guesses = tuple(Guess(c.intent_id, label(intents[c.intent_id], "ja"), c.score)
                        for c in candidates[:3] if c.intent_id in intents and c.score >= THRESHOLD * 0.3)
        return self._desk.store.offer(user_id, question, language, guesses, self._desk.clock())

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
        when = self.office_clock.when_answered(language)
        if action == ASK and offer is not None:
            prompt = wording("prompt", language, office=office, question=offer.question[:1000])
            return _notice(f"{prompt}\n\n{when}", language, _action(CONFIRM, offer_id, language),
                           _action(CANCEL, offer_id, language))
        return _notice(f"{wording('confirmed', language, office=office, id=number)}\n{when}", language)

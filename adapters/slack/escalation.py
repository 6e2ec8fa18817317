"""Slack side of escalations: the Bolt listeners (the team inbox port over the Web API is
:mod:`adapters.slack.team_inbox`).

Listeners: "回答する" (opens the modal with ``views.open``), "FAQに追加" (posts an intent YAML
snippet in the thread), the modal's submission, and replies in an escalation's thread
(``message.channels`` events). Only members of the escalation channel may answer; membership
comes from ``conversations.members`` and is cached for ``member_cache_ttl`` seconds.
"""
from __future__ import annotations

import logging
from typing import Any, Mapping

from slack_bolt.async_app import AsyncApp

from adapters.slack.escalation_blocks import (ANSWER_ACTION, ANSWER_BLOCK, ANSWER_VIEW, FAQ_ACTION, faq_text,
                                              refusal_text, submitted_text)
from adapters.slack.markup import to_plain
from adapters.slack.team_inbox import SlackTeamInbox
from bot.conversation.background import BackgroundWork
from bot.core.escalation import Escalation, answer_refusal
from bot.escalation.desk import EscalationDesk
from bot.escalation.faq import faq_snippet
from bot.storage.dedupe_keys import Dedupe

log = logging.getLogger(__name__)


class EscalationListeners:
    """Bolt listeners for the escalation buttons, modal and thread replies."""

    def __init__(self, desk: EscalationDesk, team: SlackTeamInbox, background: BackgroundWork) -> None:
        self._desk = desk
        self._team = team
        self._background = background

    def register(self, app: AsyncApp) -> None:
        """Attach before the catch-all listeners (Bolt runs the first match only)."""
        app.action(ANSWER_ACTION)(self.on_answer_button)
        app.action(FAQ_ACTION)(self.on_faq_button)
        app.view(ANSWER_VIEW)(self.on_answer_submitted)

    async def on_answer_button(self, ack: Any, body: dict[str, Any], action: dict[str, Any]) -> None:
        """"回答する": open the modal, or tell the clicker why not (ephemeral)."""
        await ack()
        user, channel, number = _who(body), _channel(body), _number(action.get("value"))
        self._background.spawn(self._answer_form(number, user, channel, str(body.get("trigger_id"))),
                               f"escalation {number} answer form")

    async def on_faq_button(self, ack: Any, body: dict[str, Any], action: dict[str, Any]) -> None:
        """"FAQに追加": post the intent YAML snippet in the thread."""
        await ack()
        user, channel, number = _who(body), _channel(body), _number(action.get("value"))
        self._background.spawn(self._faq(number, user, channel), f"escalation {number} faq")

    async def on_answer_submitted(self, ack: Any, body: dict[str, Any], view: dict[str, Any]) -> None:
        """The modal was submitted: record the answer, or keep the modal open with the reason."""
        number = _number(view.get("private_metadata"))
        refusal = await self._desk.answer(number, _who(body), submitted_text(view))
        if refusal:
            text = refusal_text(refusal, self._desk.store.get(number))
            await ack(response_action="errors", errors={ANSWER_BLOCK: text})
        else:
            await ack()

    async def _answer_form(self, number: int, user: str, channel: str, trigger_id: str) -> None:
        desk = self._desk
        escalation = desk.store.get(number) if channel == desk.config.channel else None
        if escalation is None:
            return
        refusal = "not_member" if not await self._team.is_member(user) else answer_refusal(escalation)
        if refusal:
            await self._team.ephemeral(user, refusal_text(refusal, escalation), escalation.slack_ts)
        else:
            await self._team.open_modal(trigger_id, escalation)

    async def _faq(self, number: int, user: str, channel: str) -> None:
        desk = self._desk
        escalation = desk.store.get(number) if channel == desk.config.channel else None
        if escalation is None:
            return
        refusal = "not_member" if not await self._team.is_member(user) else (
            "not_answered" if escalation.answer is None else None)
        if refusal:
            await self._team.ephemeral(user, refusal_text(refusal, escalation), escalation.slack_ts)
            return
        suggestion = faq_snippet(escalation, desk.engine.kb.knowledge.intents)
        await self._team.thread(escalation, faq_text(escalation, suggestion))

    def take_thread_reply(self, event: Mapping[str, Any], event_id: str, dedupe: Dedupe,
                          bot_user: str | None = None) -> bool:
        """True when ``event`` is a human reply in an escalation's thread (then handled once per event).
        The bot's own messages never count: not by ``bot_id``, nor by the bot's user id."""
        if (event.get("type") != "message" or event.get("bot_id") or not event.get("user")
                or (bot_user is not None and event.get("user") == bot_user)
                or event.get("subtype") not in (None, "thread_broadcast")
                or event.get("channel") != self._desk.config.channel):
            return False
        thread_ts = event.get("thread_ts")
        if not thread_ts or thread_ts == event.get("ts"):
            return False
        escalation = self._desk.store.by_thread(str(event["channel"]), str(thread_ts))
        if escalation is None:
            return False
        if dedupe.claim(f"slack:{event_id}"):
            self._background.spawn(self._answer_in_thread(escalation, event), f"slack:{event_id}")
        return True

    async def _answer_in_thread(self, escalation: Escalation, event: Mapping[str, Any]) -> None:
        """Record a thread reply as the answer; a refusal is shown to its author only."""
        user = str(event.get("user"))
        text = to_plain(str(event.get("text") or ""), all_mentions=True, link_urls=True, keep_lines=True)
        refusal = await self._desk.answer(escalation.id, user, text)
        if refusal:
            await self._team.ephemeral(user, refusal_text(refusal, self._desk.store.get(escalation.id)),
                                       thread_ts=str(event.get("thread_ts")))


def _who(body: Mapping[str, Any]) -> str:
    return str((body.get("user") or {}).get("id") or "")


def _channel(body: Mapping[str, Any]) -> str:
    return str((body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id") or "")


def _number(value: Any) -> int:
    try:
        return int(str(value))
    except ValueError:
        return 0

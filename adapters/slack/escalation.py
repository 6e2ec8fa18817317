"""Slack side of escalations: the team inbox port over the Web API, and the Bolt listeners.

Listeners: "回答する" (opens the modal with ``views.open``), "FAQに追加" (posts an intent YAML
snippet in the thread), the modal's submission, and replies in an escalation's thread
(``message.channels`` events). Only members of the escalation channel may answer; membership
comes from ``conversations.members`` and is cached for ``member_cache_ttl`` seconds.
"""
from __future__ import annotations

import logging
import time
from typing import Any, Callable, Mapping

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from slack_sdk.errors import SlackApiError

from adapters.slack.escalation_blocks import (ANSWER_ACTION, ANSWER_BLOCK, ANSWER_VIEW, FAQ_ACTION, QUESTION_LIMIT,
                                              answer_modal, failure_note, faq_text, full_question, message,
                                              refusal_text, shortened, submitted_text)
from adapters.slack.markup import to_plain
from bot.conversation.background import BackgroundWork
from bot.core.escalation import Escalation, EscalationConfig, answer_refusal
from bot.escalation.desk import EscalationDesk
from bot.escalation.faq import faq_snippet
from bot.escalation.ports import MessageGone
from bot.storage.dedupe_keys import Dedupe

METADATA_TYPE = "jetbot_escalation"
GONE = ("message_not_found", "channel_not_found", "cant_update_message", "is_archived")

log = logging.getLogger(__name__)


class SlackTeamInbox:
    """The team inbox port: the escalation channel through the Web API (``chat:write``,
    ``channels:read``/``groups:read``)."""

    def __init__(self, client: AsyncWebClient, config: EscalationConfig,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.client = client
        self.config = config
        self._clock = clock
        self._members: frozenset[str] = frozenset()
        self._members_at = float("-inf")

    @property
    def channel(self) -> str:
        """The channel id (``JETBOT_ESCALATION_CHANNEL``)."""
        return str(self.config.channel)

    async def post(self, escalation: Escalation) -> str:
        """Post the new escalation (tagged with its number, see :meth:`find`); returns the message ``ts``.
        A question too long for the message follows in full in its thread."""
        text, blocks = message(escalation)
        response = await self.client.chat_postMessage(
            channel=self.channel, text=text, blocks=blocks, unfurl_links=False, unfurl_media=False,
            metadata={"event_type": METADATA_TYPE, "event_payload": {"escalation": escalation.id}})
        ts = str(response["ts"])
        if shortened(escalation.question, QUESTION_LIMIT)[1]:
            for part in full_question(escalation):
                await self.client.chat_postMessage(channel=self.channel, thread_ts=ts, text=part,
                                                   unfurl_links=False, unfurl_media=False)
        return ts

    async def find(self, escalation: Escalation) -> str | None:
        """The ``ts`` of a message already posted for ``escalation`` (by its metadata), if any."""
        page = await self.client.conversations_history(channel=self.channel, include_all_metadata=True, limit=200,
                                                       oldest=f"{(escalation.posting_at or escalation.created_at) - 60:.6f}")
        for found in page.get("messages") or []:
            if ((found.get("metadata") or {}).get("event_payload") or {}).get("escalation") == escalation.id:
                return str(found["ts"])
        return None

    async def update(self, escalation: Escalation) -> None:
        """Make the channel message show the escalation's current state (:class:`MessageGone` if it is gone)."""
        text, blocks = message(escalation)
        try:
            await self.client.chat_update(channel=escalation.slack_channel, ts=escalation.slack_ts, text=text,
                                          blocks=blocks)
        except SlackApiError as error:
            if error.response.get("error") in GONE:
                raise MessageGone(str(error.response.get("error"))) from error
            raise

    async def report_failure(self, escalation: Escalation) -> None:
        """Say in the thread that the answer could not be delivered."""
        await self.thread(escalation, failure_note(escalation))

    async def thread(self, escalation: Escalation, text: str) -> None:
        """Post ``text`` (mrkdwn) in the escalation's thread."""
        await self.client.chat_postMessage(channel=escalation.slack_channel, thread_ts=escalation.slack_ts,
                                           text=text, unfurl_links=False, unfurl_media=False)

    async def ephemeral(self, user: str, text: str, thread_ts: str | None = None) -> None:
        """A note only ``user`` sees, in the escalation channel."""
        await self.client.chat_postEphemeral(channel=self.channel, user=user, text=text, thread_ts=thread_ts)

    async def open_modal(self, trigger_id: str, escalation: Escalation) -> None:
        """Open the answer modal (the trigger id is valid for 3 seconds)."""
        await self.client.views_open(trigger_id=trigger_id, view=answer_modal(escalation, self.config.office))

    async def is_member(self, user: str) -> bool:
        """Is ``user`` in the escalation channel? Cached; a miss refreshes a list older than 5 s."""
        age = self._clock() - self._members_at
        if age > self.config.member_cache_ttl or (user not in self._members and age > 5):
            members: set[str] = set()
            cursor: str | None = None
            while True:
                page = await self.client.conversations_members(channel=self.channel, limit=1000, cursor=cursor)
                members.update(page.get("members") or [])
                cursor = (page.get("response_metadata") or {}).get("next_cursor") or None
                if not cursor:
                    break
            self._members, self._members_at = frozenset(members), self._clock()
        return user in self._members


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

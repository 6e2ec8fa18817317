"""The team inbox port of escalations over the Slack Web API: the escalation channel's messages, their
threads, the answer modal and membership (``chat:write``, ``channels:read``/``groups:read``); membership
comes from ``conversations.members`` and is cached for ``member_cache_ttl`` seconds."""
from __future__ import annotations

import logging
import time
from typing import Callable

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.escalation_blocks import (QUESTION_LIMIT, answer_modal, failure_note, full_question, message,
                                              shortened)
from bot.core.escalation import Escalation, EscalationConfig
from bot.escalation.ports import MessageGone

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

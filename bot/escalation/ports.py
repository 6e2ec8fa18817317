"""The two ports of the escalation workflow: the team's inbox (Slack) and the push to the user (LINE)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from bot.core.escalation import Escalation


class MessageGone(Exception):
    """The team's message (or its channel) no longer exists: it cannot be updated, ever."""


class TeamInbox(Protocol):
    """Where the ministry team sees escalations and answers them."""

    @property
    def channel(self) -> str:
        """The team's channel id."""
        ...

    async def post(self, escalation: Escalation) -> str:
        """Post a new escalation; returns the message id (``ts``)."""
        ...

    async def find(self, escalation: Escalation) -> str | None:
        """The id of a message already posted for ``escalation`` (a post cut short by a crash), if any."""
        ...

    async def update(self, escalation: Escalation) -> None:
        """Show the escalation's current state in its message (raises :class:`MessageGone`)."""
        ...

    async def report_failure(self, escalation: Escalation) -> None:
        """Tell the team, in the escalation's thread, that the answer could not be delivered."""
        ...

    async def is_member(self, user: str) -> bool:
        """May ``user`` answer (a member of the team's channel)?"""
        ...


@dataclass(frozen=True)
class PushResult:
    """Outcome of one delivery attempt (itself possibly several HTTP requests)."""

    ok: bool
    error: str | None = None


class UserPush(Protocol):
    """Delivers the team's answer to the user who asked, outside a reply."""

    channel: str  # the channel whose users can escalate (``IncomingMessage.channel``)

    async def push(self, to: str, text: str, retry_key: str) -> PushResult:
        """Send ``text`` to ``to``; the same ``retry_key`` on every attempt, so it arrives once."""
        ...

"""Slack's App Home: published on ``app_home_opened``, refreshed after a reload, topic taps answered in the DM.

:class:`HomeData` reads what a user's Home tab shows (the YAML menu and help text from the live
knowledge, the user's last questions from the inquiry log by their pseudonymous hash, the week's
figures for admins); :mod:`adapters.slack.home_view` turns it into blocks; :class:`AppHome` has
the listeners (the same for HTTP and Socket Mode) and calls ``views.publish``.
"""
from __future__ import annotations

import asyncio
import collections
import datetime as dt
import logging
import re
import time
from typing import Any, Callable, Collection

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from adapters.channel import Intake
from adapters.slack.home_view import HOME_TOPIC_PREFIX, HomeContent, WeekFigures, home_view
from bot.conversation.background import BackgroundWork, describe
from bot.core import messages
from bot.core.answer import HELP_INTENT
from bot.core.menu import menu_suggestions
from bot.core.types import Inbound, IncomingMessage
from bot.engine import Engine
from bot.storage.inquiry_stats import InquiryStats
from bot.storage.keys import Pseudonyms

log = logging.getLogger(__name__)

RECENT_QUESTIONS = 5
REFRESH_WITHIN = 24 * 3600.0   # after a reload, Home tabs opened this recently are published again
REFRESH_AT_MOST = 200          # … and at most this many of them (the latest)


class HomeData:
    """What one user's Home tab shows, read from the live knowledge and the inquiry log."""

    def __init__(self, engine: Engine, stats: InquiryStats | None, pseudonyms: Pseudonyms | None,
                 admin_ids: Collection[str], public_url: str | None, clock: Callable[[], float] = time.time) -> None:
        self.engine, self.stats, self.pseudonyms = engine, stats, pseudonyms
        self.admin_ids, self.public_url, self.clock = frozenset(admin_ids), public_url, clock

    def content_for(self, user_id: str) -> HomeContent:
        """The Home tab of ``user_id`` (reads the database: call it off the event loop)."""
        kb = self.engine.kb
        about = (kb.answers[HELP_INTENT]["ja"].text if HELP_INTENT in kb.answers
                 else messages.text(messages.HELP, "ja").removesuffix("例:").rstrip())
        recent: tuple[Any, ...] = ()
        if self.stats is not None and self.pseudonyms is not None:
            recent = tuple(self.stats.recent_questions(self.pseudonyms.of(user_id, "slack"), RECENT_QUESTIONS))
        figures = self.week() if user_id in self.admin_ids else None
        return HomeContent(about, menu_suggestions(kb.knowledge.menu), recent, kb.version, figures,
                           self.public_url if figures is not None else None)

    def week(self) -> WeekFigures | None:
        """The last seven UTC days' questions and answers (``None`` without an inquiry log)."""
        if self.stats is None:
            return None
        until = dt.datetime.fromtimestamp(self.clock(), dt.timezone.utc).date()
        since = until - dt.timedelta(days=6)
        summary = self.stats.summary(since, until)
        return WeekFigures(since.isoformat(), until.isoformat(), summary.questions, summary.answered)


class AppHome:
    """The Home tab's listeners and publishing (see the module docstring)."""

    def __init__(self, data: HomeData, client: AsyncWebClient, background: BackgroundWork) -> None:
        self.data, self.client, self._background = data, client, background
        self._opened: collections.OrderedDict[str, float] = collections.OrderedDict()  # user -> when, oldest first

    def register(self, app: AsyncApp, intake: Intake) -> None:
        """Listen to ``app_home_opened`` and the topic buttons (before any catch-all)."""
        async def on_topic(ack: Any, body: dict[str, Any], action: dict[str, Any]) -> None:
            await self.on_topic(ack, body, action, intake)

        app.event("app_home_opened")(self.on_opened)
        app.action(re.compile("^" + re.escape(HOME_TOPIC_PREFIX) + r"\d+$"))(on_topic)

    async def on_opened(self, ack: Any, event: dict[str, Any]) -> None:
        """The user opened the Home tab: publish it in the background (the ack does not wait)."""
        await ack()
        user = str(event.get("user") or "")
        if event.get("tab", "home") != "home" or not user:
            return
        self._remember(user)
        self._background.spawn(self.publish(user), "app home")

    async def on_topic(self, ack: Any, body: dict[str, Any], action: dict[str, Any], intake: Intake) -> None:
        """A topic button: answered in the user's DM, through the pipeline (deduped and logged)."""
        user = str((body.get("user") or {}).get("id") or "")
        label = str((action.get("text") or {}).get("text") or "")
        message = IncomingMessage(label, channel="slack", user_id=user, conversation_id=f"dm:{user}",
                                  choice=str(action.get("value") or "") or None)
        key = f"slack:action:{body.get('trigger_id') or action.get('action_ts')}"
        await intake.accept([Inbound(key, message, {"dm_user": user}, time.time())])
        await ack()

    async def publish(self, user: str) -> bool:
        """Publish ``user``'s Home tab now; a failure is logged (and False), never raised."""
        try:
            view = home_view(await asyncio.to_thread(self.data.content_for, user))
            await self.client.views_publish(user_id=user, view=view)
        except Exception as error:
            log.error("slack: App Home not published: %s", describe(error))
            return False
        return True

    def refresh(self, *_: Any) -> None:
        """Publish again, in the background, the Home tabs opened within :data:`REFRESH_WITHIN` (a
        reload changed the topics or the help text); at most :data:`REFRESH_AT_MOST` of them."""
        since = self.data.clock() - REFRESH_WITHIN
        users = [user for user, at in self._opened.items() if at >= since]
        if users:
            log.info("slack: refreshing %d App Home tab(s) after a reload", len(users))
            self._background.spawn(self._publish_all(users), "app home refresh")

    async def _publish_all(self, users: list[str]) -> None:
        for user in users:
            await self.publish(user)

    def _remember(self, user: str) -> None:
        self._opened.pop(user, None)
        self._opened[user] = self.data.clock()
        while len(self._opened) > REFRESH_AT_MOST:
            self._opened.popitem(last=False)

"""The one place that puts the house together: stores, engine, workflows and channels.

``build_bot(settings, engine, stores)`` returns the pieces a process runs: the pipeline every
channel hands its events to, the escalation desk (when configured), and the channels — one
line each in :func:`channels_for`. ``jetbot serve`` (:mod:`bot.web.app`) and
``jetbot slack-socket`` (:mod:`bot.web.serve`) both start from here.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from adapters.channel import Channel
from adapters.line.channel import LineChannel
from adapters.line.escalation import LinePusher
from adapters.slack.channel import SlackChannel
from adapters.slack.team_inbox import SlackTeamInbox
from adapters.slack.home import AppHome, HomeData
from adapters.slack.listeners import web_client
from adapters.web_chat import WebChat
from bot.conversation.background import BackgroundWork
from bot.conversation.answering import Answerer
from bot.conversation.pipeline import Pipeline
from bot.conversation.responder import Responder
from bot.engine import Engine
from bot.escalation.desk import EscalationDesk
from bot.escalation.offers import ACTION_PREFIX, STREAK_WINDOW, EscalationOffers
from bot.core.feedback import POSTBACK_KEY as FEEDBACK_KEY
from bot.conversation.feedback import FeedbackDesk
from bot.settings import Settings
from bot.storage.dedupe_keys import Dedupe, MemoryDedupe
from bot.storage.memory_inbox import MemoryInbox
from bot.storage.stores import Stores

log = logging.getLogger(__name__)


@dataclass
class Bot:
    """What one process runs (see the module docstring)."""

    settings: Settings
    engine: Engine
    stores: Stores | None
    background: BackgroundWork
    pipeline: Pipeline
    desk: EscalationDesk | None
    channels: dict[str, Channel] = field(default_factory=dict)
    team: SlackTeamInbox | None = None
    feedback: FeedbackDesk | None = None

    def add_channel(self, channel: Channel) -> None:
        """Run ``channel`` too: its replies go out through it."""
        self.channels[channel.name] = channel
        self.pipeline.register(channel)


def build_desk(settings: Settings, engine: Engine, stores: Stores | None, background: BackgroundWork,
               clock: Callable[[], float] = time.time) -> tuple[EscalationDesk | None, SlackTeamInbox | None]:
    """The escalation desk and its team inbox, or ``(None, None)`` (logged) when it cannot run."""
    config = settings.escalation
    missing = [name for name, value in (
        ("JETBOT_ESCALATION_CHANNEL", config.channel), *((n, None) for n in settings.line.missing()),
        *((n, None) for n in settings.slack.missing())) if not value]
    if stores is None and not missing:
        missing = ["a database (the store)"]
    if missing:
        log.log(logging.INFO if not config.channel else logging.WARNING, "escalation off: %s not set",
                " and ".join(missing))
        return None, None
    assert stores is not None
    team = SlackTeamInbox(web_client(settings.slack), config)
    push = LinePusher(str(settings.line.channel_access_token), settings.line.api_url)
    log.info("escalation on: questions go to Slack channel %s", config.channel)
    return EscalationDesk(config, stores.escalations, engine, team, push, background, clock), team


def _fallback_streak(stores: Stores, clock: Callable[[], float]) -> Callable[[str, str], int]:
    """How many of a user's latest questions fell back in a row (within the streak window)."""
    def streak(user_id: str, channel: str) -> int:
        return stores.stats.fallback_streak(stores.pseudonyms.of(user_id, channel), clock() - STREAK_WINDOW)
    return streak


def build_bot(settings: Settings, engine: Engine, stores: Stores | None = None, *,
              background: BackgroundWork | None = None, dedupe: Dedupe | None = None, reloader: Any = None,
              channels: Sequence[Channel] = (), clock: Callable[[], float] = time.time) -> Bot:
    """Every piece of the bot over ``stores`` (``None``: in-memory dedupe, no log, no escalation)."""
    background = background or BackgroundWork()
    dedupe = dedupe or (stores.dedupe if stores else MemoryDedupe())
    responder = Responder(engine)
    inbox = stores.inbox if stores else MemoryInbox(clock)
    answerer = Answerer(inbox, responder, {}, background)
    pipeline = Pipeline(responder, inbox, background, answerer)
    desk, team = build_desk(settings, engine, stores, background, clock)
    offers = None
    if desk is not None and stores is not None:
        offers = EscalationOffers(desk, _fallback_streak(stores, clock))
        responder.add_action(ACTION_PREFIX, offers.respond)
        responder.add_decorator(offers)
    feedback = FeedbackDesk(stores.feedback, engine, offers) if stores else None
    if feedback is not None:
        responder.add_action(f"{FEEDBACK_KEY}=", feedback.respond)
    bot = Bot(settings, engine, stores, background, pipeline, desk, team=team, feedback=feedback)
    home = AppHome(HomeData(engine, stores.stats if stores else None, stores.pseudonyms if stores else None,
                            settings.slack.admin_ids, settings.public_url, clock),
                   web_client(settings.slack), background)
    if getattr(reloader, "on_loaded", None) is not None:
        reloader.on_loaded(home.refresh)  # a new menu or help text reaches the Home tabs opened lately
    for channel in (
        LineChannel(settings.line),
        SlackChannel(settings.slack, dedupe, background, escalation=desk, team=team, reloader=reloader,
                     stats=stores.stats if stores else None, home=home, feedback=feedback),
        WebChat(engine, settings.web_chat_per_minute, feedback),
        *channels,
    ):
        bot.add_channel(channel)
    return bot

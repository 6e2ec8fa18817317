"""Slack over Socket Mode (``jetbot slack-socket``): no public URL needed, same listeners as HTTP."""
from __future__ import annotations

import logging

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

from adapters.slack.app import build_app
from bot.web.background import BackgroundWork
from bot.storage.dedupe import DedupeStore, MemoryDedupe
from bot.engine import Engine
from bot.settings import Settings

log = logging.getLogger(__name__)


_HINTS = {"SLACK_APP_TOKEN": "an app-level token, xapp-…, with the connections:write scope",
          "SLACK_BOT_TOKEN": "the bot token, xoxb-…"}


class SlackSocketConfigError(RuntimeError):
    """Socket Mode cannot start: a token is missing (the message names the variable)."""


def socket_mode_handler(settings: Settings, engine: Engine, dedupe: DedupeStore,
                        background: BackgroundWork) -> AsyncSocketModeHandler:
    """The Socket Mode handler around jetbot's Bolt app; raises :class:`SlackSocketConfigError`
    when ``SLACK_APP_TOKEN`` (an ``xapp-`` app-level token) or ``SLACK_BOT_TOKEN`` is unset."""
    missing = [name for name, value in (("SLACK_APP_TOKEN", settings.slack_app_token),
                                        ("SLACK_BOT_TOKEN", settings.slack_bot_token)) if not value]
    if missing:
        raise SlackSocketConfigError("Slack Socket Mode cannot start: " + "; ".join(
            f"{name} is not set ({_HINTS[name]})" for name in missing))
    app = build_app(settings, engine, dedupe, background, socket_mode=True)
    return AsyncSocketModeHandler(app, settings.slack_app_token)


async def run_socket_mode(settings: Settings, engine: Engine, dedupe: DedupeStore | None = None) -> None:
    """Connect to Slack over Socket Mode and answer until cancelled; answers still being
    posted are awaited on the way out. ``dedupe`` defaults to an in-memory store."""
    background = BackgroundWork()
    handler = socket_mode_handler(settings, engine, dedupe or MemoryDedupe(), background)
    log.info("slack: connecting in Socket Mode")
    try:
        await handler.start_async()
    finally:
        await handler.close_async()
        await background.drain()

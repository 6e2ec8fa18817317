"""Slack over Socket Mode (``jetbot slack-socket``): no public URL needed, the same listeners as HTTP."""
from __future__ import annotations

import logging

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

from adapters.channel import Intake
from adapters.slack.channel import SlackChannel
from bot.settings import SlackSettings

log = logging.getLogger(__name__)

_HINTS = {"SLACK_APP_TOKEN": "an app-level token, xapp-…, with the connections:write scope",
          "SLACK_BOT_TOKEN": "the bot token, xoxb-…"}


class SlackSocketConfigError(RuntimeError):
    """Socket Mode cannot start: a token is missing (the message names the variable)."""


def socket_mode_handler(settings: SlackSettings, channel: SlackChannel, intake: Intake) -> AsyncSocketModeHandler:
    """The Socket Mode handler around the channel's Bolt app; raises :class:`SlackSocketConfigError`
    when ``SLACK_APP_TOKEN`` (an ``xapp-`` app-level token) or ``SLACK_BOT_TOKEN`` is unset."""
    missing = [name for name, value in (("SLACK_APP_TOKEN", settings.app_token),
                                        ("SLACK_BOT_TOKEN", settings.bot_token)) if not value]
    if missing:
        raise SlackSocketConfigError("Slack Socket Mode cannot start: " + "; ".join(
            f"{name} is not set ({_HINTS[name]})" for name in missing))
    return AsyncSocketModeHandler(channel.bolt_app(intake, socket_mode=True), settings.app_token)

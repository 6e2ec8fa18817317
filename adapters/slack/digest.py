"""The weekly digest as a Slack message (Block Kit), posted to ``JETBOT_DIGEST_CHANNEL``.

The digest's text is composed elsewhere (:mod:`bot.reports.weekly_digest`, platform-free); here it
gets a header, escaping and a button to the admin's queue."""
from __future__ import annotations

from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.blocks import section
from adapters.slack.markup import escape
from bot.core.limits import SLACK_SECTION


def digest_blocks(text: str, admin_url: str) -> list[dict[str, Any]]:
    """The first line as the header, the rest as a section, and a button to the queue when it is a URL."""
    head, _, rest = text.partition("\n")
    blocks: list[dict[str, Any]] = [{"type": "header", "text": {"type": "plain_text", "text": head[:150]}},
                                    section(escape(rest)[:SLACK_SECTION])]
    if admin_url.startswith(("http://", "https://")):
        blocks.append({"type": "actions", "elements": [
            {"type": "button", "action_id": "jetbot_digest_admin", "url": admin_url,
             "text": {"type": "plain_text", "text": "対応キューを開く"}}]})
    return blocks


class SlackDigest:
    """Posts digests to one channel; raises (``SlackApiError``…) when Slack does not take one."""

    def __init__(self, client: AsyncWebClient, channel: str) -> None:
        self.client = client
        self.channel = channel

    async def send(self, text: str, admin_url: str) -> None:
        """Post ``text`` (plain; the notification text too) with a button to ``admin_url``."""
        await self.client.chat_postMessage(channel=self.channel, text=text, blocks=digest_blocks(text, admin_url),
                                           unfurl_links=False, unfurl_media=False)

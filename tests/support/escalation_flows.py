"""Flow helpers and constants of the escalation end-to-end tests (their fixtures: tests/escalation/conftest.py)."""
from __future__ import annotations

import time
from typing import Any

from escalation_harness import Client, LinePlatform, SlackPlatform
from line_api_fake import postback_event, text_event, user

ASKER = "U4af4980629d1c2b3e5f60718293a4b5c"
POST, UPDATE, VIEWS, EPHEMERAL = ("/api/chat.postMessage", "/api/chat.update", "/api/views.open",
                                  "/api/chat.postEphemeral")
UNANSWERABLE = "駐車場はありますか"
ANSWER = "庁舎の駐車場は来庁者用に10台分あります。\n事前の予約は不要です。"


class Clock:
    """Wall-clock time that tests can move forward."""

    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


def escalation_items(messages: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(label, postback data) of the escalation quick replies on the last message."""
    items = (messages[-1].get("quickReply") or {}).get("items") or []
    return [(i["action"]["label"], i["action"]["data"]) for i in items if i["action"]["data"].startswith("escalate=")]


async def escalate(bot: Client, line: LinePlatform, question: str = UNANSWERABLE, asker: str = ASKER) -> str:
    """Ask on LINE, get the offer, confirm it; returns the confirmation text."""
    await bot.line(text_event(question, source=user(asker)))
    [(_, data)] = [item for item in escalation_items(line.last_reply()) if "confirm" in item[1]]
    await bot.line(postback_event(data, source=user(asker)))
    return line.last_reply()[0]["text"]


def slack_text(payload: dict[str, Any]) -> str:
    return str(payload.get("text")) + str(payload.get("blocks"))


def assert_no_line_id(slack: SlackPlatform, *ids: str) -> None:
    bodies = slack.raw_bodies()
    assert bodies, "nothing reached Slack"
    for raw in bodies:
        for line_id in ids:
            assert line_id not in raw

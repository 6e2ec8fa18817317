"""Escalation under crashes, against a real ``jetbot serve`` killed with SIGKILL (web process and workers):

- killed while the question was being posted to the team's Slack channel: after the restart the
  post that landed is found and adopted — one message, and an answer in its thread reaches LINE;
- killed while the team's answer was being pushed to LINE: the restarted process takes over the
  dead process's claim at once (no 120 s wait) and the push goes out once (same retry key);
- the raw LINE user id is never on disk in the clear (SQLite file, WAL and journal).
"""
from __future__ import annotations

import json
import time
import uuid
from pathlib import Path
from typing import Any, Iterator

import httpx
import pytest

import line_api_fake
import slack_api_fake
from proc import POST, PUSH, REPLY, Act, Jetbot, StandIn, line_request, own_server, wait_for

CHANNEL = "CESCCRASH1"
MEMBER = "UTEAMCRASH1"
QUESTION = "駐車場はありますか"
ANSWER = "来庁者用の駐車場は10台分あります。"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[Jetbot, StandIn]]:
    with own_server(tmp_path, extra_env={"JETBOT_ESCALATION_CHANNEL": CHANNEL}) as (bot, stand_in):
        stand_in.members = [MEMBER]
        bot.start()
        yield bot, stand_in


def ask(bot: Jetbot, *events: dict[str, Any]) -> None:
    body, headers = line_request(*events)
    assert httpx.post(f"{bot.url}/line/webhook", content=body, headers=headers, timeout=10).status_code == 200


def last_reply(stand_in: StandIn, token: str) -> list[dict[str, Any]]:
    [call] = stand_in.wait_delivered(REPLY, 1, 30, lambda c: c.payload.get("replyToken") == token)
    return call.payload["messages"]


def escalate(bot: Jetbot, stand_in: StandIn, asker: str) -> None:
    """The LINE user asks what the bot cannot answer and passes it on to the team."""
    tag = uuid.uuid4().hex[:8]
    ask(bot, line_api_fake.text_event(QUESTION, source=line_api_fake.user(asker), reply_token=f"q-{tag}"))
    items = last_reply(stand_in, f"q-{tag}")[-1]["quickReply"]["items"]
    [data] = [i["action"]["data"] for i in items if i["action"]["data"].startswith("escalate=confirm")]
    ask(bot, line_api_fake.postback_event(data, source=line_api_fake.user(asker), reply_token=f"c-{tag}"))
    assert "受付番号 #1" in last_reply(stand_in, f"c-{tag}")[0]["text"]


def team_posts(stand_in: StandIn) -> list[Any]:
    return [c for c in stand_in.requests(POST) if c.payload.get("channel") == CHANNEL and not c.payload.get("thread_ts")]


def answer_in_thread(bot: Jetbot, thread_ts: str) -> None:
    event = {"type": "message", "channel": CHANNEL, "channel_type": "channel", "user": MEMBER, "text": ANSWER,
             "ts": f"1700000100.{uuid.uuid4().int % 10**6:06d}", "thread_ts": thread_ts, "event_ts": "1"}
    body = slack_api_fake.envelope(event, f"EvTEAM{uuid.uuid4().hex[:8]}")
    response = httpx.post(f"{bot.url}/slack/events", content=body.encode(),
                          headers=slack_api_fake.signed_headers(body), timeout=10)
    assert response.status_code == 200


def escalation_row(bot: Jetbot) -> tuple[Any, ...]:
    return bot.rows("SELECT state, slack_ts, attempts FROM escalations WHERE id = 1")[0]


def test_killed_while_posting_to_the_team_the_landed_post_is_adopted(server: tuple[Jetbot, StandIn]) -> None:
    bot, stand_in = server
    asker = f"U{uuid.uuid4().hex}"
    stand_in.script(POST, Act(hang=True))                    # Slack takes the post, then hangs
    escalate(bot, stand_in, asker)
    wait_for(lambda: team_posts(stand_in), 30, "the post to the team's channel")
    bot.kill()
    stand_in.reset()
    bot.start()
    wait_for(lambda: escalation_row(bot)[1], 30, "the escalation's message adopted")
    time.sleep(1.0)                                          # a second post would show up now
    [post] = team_posts(stand_in)
    assert escalation_row(bot)[1] == post.ts and "#1" in post.payload["text"]
    answer_in_thread(bot, post.ts)                           # the team answers where the question is
    [push] = stand_in.wait_delivered(PUSH, 1, 30)
    assert push.payload["to"] == asker and ANSWER in json.dumps(push.payload, ensure_ascii=False)
    assert asker.encode() not in bot.db_bytes()


def test_killed_while_pushing_the_answer_it_is_retried_at_once_and_arrives_once(
        server: tuple[Jetbot, StandIn]) -> None:
    bot, stand_in = server
    asker = f"U{uuid.uuid4().hex}"
    escalate(bot, stand_in, asker)
    [post] = wait_for(lambda: team_posts(stand_in), 30, "the post to the team's channel")
    stand_in.script(PUSH, Act(hang=True))                    # LINE takes the push, then hangs
    answer_in_thread(bot, post.ts)
    wait_for(lambda: stand_in.requests(PUSH), 30, "the push")
    assert asker.encode() not in bot.db_bytes()               # sealed while it waits for delivery
    bot.kill()
    stand_in.reset()
    restarted = time.monotonic()
    bot.start()
    wait_for(lambda: escalation_row(bot)[0] == "delivered", 30, "the answer delivered")
    assert time.monotonic() - restarted < 30                  # not after the 120 s claim of the dead process
    pushes = stand_in.requests(PUSH)
    assert len({c.retry_key for c in pushes}) == 1 and [c.status for c in pushes][-1] == 409  # LINE: already taken
    assert asker.encode() not in bot.db_bytes()

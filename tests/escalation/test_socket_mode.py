"""Escalation with Slack over Socket Mode (``jetbot slack-socket``): the team's answer arrives over the
socket and reaches LINE, and the socket process sweeps the desk (a push that failed is delivered)."""
from __future__ import annotations

import json
from dataclasses import replace

import pytest
from slack_bolt.adapter.socket_mode.async_internals import run_async_bolt_app
from slack_sdk.socket_mode.request import SocketModeRequest

from adapters.slack.socket_mode import socket_mode_handler
from bot.core.escalation import ANSWERED, DELIVERED
from bot.core.knowledge_base import KnowledgeBase
from bot.engine import Engine
from bot.storage.stores import Stores
from bot.web.serve import run_socket
from bot.web.wiring import build_bot
from browser import wait_until
from escalation_flows import ANSWER, Clock, escalate
from escalation_harness import Client, LinePlatform, SlackPlatform, settings, thread_reply

pytestmark = pytest.mark.anyio


class Socket:
    """Stands in for the Socket Mode connection: open until the awaited condition holds."""

    def __init__(self, until: object) -> None:
        self._until, self.closed = until, False

    async def start_async(self) -> None:
        await wait_until(self._until, 10, "the socket process to deliver the answer")

    async def close_async(self) -> None:
        self.closed = True


async def test_an_answer_over_the_socket_reaches_line_and_the_sweep_retries_it(
        bot: Client, line: LinePlatform, slack: SlackPlatform, kb: KnowledgeBase, store: Stores, clock: Clock) -> None:
    await escalate(bot, line)                                  # asked on LINE, posted to Slack by the web process
    socket_settings = replace(settings(line, slack), slack=replace(settings(line, slack).slack, app_token="xapp-1-t"))
    worker = build_bot(socket_settings, Engine(kb), store, clock=clock)
    handler = socket_mode_handler(socket_settings.slack, worker.channels["slack"], worker.pipeline)
    line.push_statuses = [500, 500]                            # LINE down for the first delivery (two tries)
    reply = json.loads(thread_reply(store.escalations.get(1).slack_ts, ANSWER))
    request = SocketModeRequest(type="events_api", envelope_id="env-1", payload=reply)
    try:
        assert (await run_async_bolt_app(handler.app, request)).status == 200
    finally:
        await handler.close_async()                            # the socket itself is played by Socket below
    await worker.background.drain()
    assert store.escalations.get(1).state == ANSWERED and len(line.pushes) == 2   # recorded, push failed
    assert worker.desk is not None
    socket = Socket(lambda: store.escalations.get(1).state == DELIVERED)
    await run_socket(socket, worker)                           # the start-up sweep delivers it
    assert socket.closed
    (push, retry_key), *_ = line.pushes[2:]
    assert ANSWER.splitlines()[0] in push["messages"][0]["text"]
    assert retry_key == line.pushes[0][1]                      # the same retry key: never delivered twice

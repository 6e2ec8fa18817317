"""Two ``jetbot serve`` processes on one PostgreSQL, as two hosts behind the platform's router.

The events of one load are spread over both hosts, and each is then delivered again to the *other*
host (the platform retrying through its router): every event is answered exactly once, by one of
the hosts, every question is logged exactly once, and both hosts do part of the answering.
"""
from __future__ import annotations

import asyncio
import collections
import os
from pathlib import Path
from typing import Any, Iterator

import httpx
import pytest

import line_api_fake
import slack_api_fake
from proc import POST, REPLY, Jetbot, StandIn, line_request, run_tag, slack_request, wait_for

EVENTS = 40   # per channel


@pytest.fixture
def two_hosts(tmp_path: Path, pg_url: str) -> Iterator[tuple[Jetbot, Jetbot, StandIn]]:
    """Two servers (one answer worker each) on one PostgreSQL schema, talking to one stand-in."""
    stand_in = StandIn()
    hosts = [Jetbot(tmp_path / name, stand_in, database_url=pg_url, extra_env={"JETBOT_ANSWER_WORKERS": "1"})
             for name in ("host-a", "host-b")]
    try:
        for host in hosts:
            host.start()
        yield hosts[0], hosts[1], stand_in
    finally:
        for host in hosts:
            host.kill()
        stand_in.close()


def deliveries(tag: str, redelivery: bool) -> list[tuple[int, str, bytes, dict[str, str]]]:
    """(event number, path, body, headers) for every LINE and Slack event of the load."""
    out = []
    for n in range(EVENTS):
        event = line_api_fake.text_event(f"文部科学省の問い合わせ先 L{tag}{n:03d}", event_id=f"01HSCALE{tag}{n:06d}",
                                         reply_token=f"rt-{tag}-{n}", redelivery=redelivery)
        out.append((n, "/line/webhook", *line_request(event)))
        message = slack_api_fake.direct_message(f"文部科学省の問い合わせ先 S{tag}{n:03d}", channel=f"D{tag}{n:03d}")
        out.append((n, "/slack/events", *slack_request(message, f"EvSCALE{tag}{n:06d}",
                                                        retry=1 if redelivery else None)))
    return out


async def spread(hosts: list[Jetbot], batch: list[tuple[int, str, bytes, dict[str, str]]], shift: int) -> list[int]:
    """Send event n to host (n + shift) % 2, 16 requests at a time; the statuses."""
    gate = asyncio.Semaphore(16)
    async with httpx.AsyncClient(timeout=20) as client:
        async def one(n: int, path: str, body: bytes, headers: dict[str, str]) -> int:
            async with gate:
                url = hosts[(n + shift) % len(hosts)].url
                return (await client.post(url + path, content=body, headers=headers)).status_code
        return list(await asyncio.gather(*(one(*item) for item in batch)))


def accepted(calls: list[Any], key: Any) -> collections.Counter[str]:
    return collections.Counter(key(c) for c in calls if c.status == 200)


def test_two_hosts_answer_each_event_once_however_the_router_spreads_and_repeats_it(
        two_hosts: tuple[Jetbot, Jetbot, StandIn]) -> None:
    host_a, host_b, stand_in = two_hosts
    tag = run_tag()
    hosts = [host_a, host_b]

    first = asyncio.run(spread(hosts, deliveries(tag, redelivery=False), shift=0))
    again = asyncio.run(spread(hosts, deliveries(tag, redelivery=True), shift=1))   # to the other host
    assert set(first) == {200} and set(again) == {200}

    keys = (f"line:01HSCALE{tag}%", f"slack:EvSCALE{tag}%")
    finished = "SELECT count(*) FROM inbox WHERE (key LIKE ? OR key LIKE ?) AND state = 'done'"
    wait_for(lambda: host_a.rows(finished, keys)[0][0] == 2 * EVENTS, 90, "every event answered")
    wait_for(lambda: len(stand_in.delivered(REPLY)) + len(stand_in.delivered(POST)) >= 2 * EVENTS, 10,
             "every reply received")

    line = accepted(stand_in.requests(REPLY), lambda c: c.payload.get("replyToken"))
    slack = accepted(stand_in.requests(POST), lambda c: c.payload.get("channel"))
    assert sorted(line) == sorted(f"rt-{tag}-{n}" for n in range(EVENTS))
    assert sorted(slack) == sorted(f"D{tag}{n:03d}" for n in range(EVENTS))
    assert set(line.values()) == {1} and set(slack.values()) == {1}, "an event answered twice"

    logged = collections.Counter(q for (q,) in host_b.rows("SELECT question FROM inquiries WHERE question LIKE ?",
                                                            (f"% _{tag}%",)))
    assert len(logged) == 2 * EVENTS and set(logged.values()) == {1}, "a question lost from the log, or logged twice"

    workers = {int(o.rpartition(":")[2]) for (o,) in host_a.rows("SELECT owner FROM inbox WHERE key LIKE ? OR key LIKE ?",
                                                                   keys)}
    answered_by = {os.getpgid(pid) for pid in workers}   # an answer worker is in its host's process group
    assert answered_by == {host_a.proc.pid, host_b.proc.pid}, "one host answered everything"

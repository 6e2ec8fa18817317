"""The load generator: signed LINE and Slack webhook requests, sent open or closed loop (loopback only).

- :func:`deliveries` builds the requests: fresh events carrying the benchmark's question mix, and
  a share of them delivered again later (LINE ``isRedelivery``, Slack ``X-Slack-Retry-Num``), as
  the platforms do when an acknowledgement is late. With several servers, event *i* goes to server
  ``i % servers`` and its redelivery to the next one: the other host.
- :func:`closed_loop` keeps ``concurrency`` requests in flight (the most the servers acknowledge);
- :func:`open_loop` offers a fixed rate, latency counted from each request's due time (no
  coordinated omission).
"""
from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import time
from dataclasses import dataclass, field

import aiohttp

from benchmarks.question_mix import question_mix

LINE_SECRET = "bench-line-channel-secret-0123456789"
SLACK_SECRET = "bench-slack-signing-secret-0123456789"
BOT_USER = "UBENCHBOT"
REDELIVERY_LAG = 40  # a redelivery is sent this many requests after its original


@dataclass(frozen=True)
class Delivery:
    """One HTTP request to send: the event it carries, where to, and whether it is a redelivery."""

    key: str          # what the stand-in counts the reply under (reply token / thread ts)
    event: str        # the event's inbox key (line:<id> / slack:<event id>)
    path: str
    body: bytes
    headers: dict[str, str]
    redelivery: bool = False
    server: int = 0   # which server gets it


def line_delivery(run: str, i: int, text: str, redelivery: bool = False, server: int = 0) -> Delivery:
    """A signed LINE webhook with one text message event from a one-to-one chat."""
    token, event_id = f"rt-{run}-{i}", f"01BENCH{run}{i:012d}"
    event = {
        "type": "message", "mode": "active", "timestamp": int(time.time() * 1000),
        "source": {"type": "user", "userId": f"U{i % 97:032x}"},
        "webhookEventId": event_id, "deliveryContext": {"isRedelivery": redelivery},
        "replyToken": token,
        "message": {"type": "text", "id": f"{i}", "text": text, "quoteToken": "q"},
    }
    body = json.dumps({"destination": "Ubenchbot", "events": [event]}, ensure_ascii=False).encode()
    signature = base64.b64encode(hmac.new(LINE_SECRET.encode(), body, hashlib.sha256).digest()).decode()
    return Delivery(token, f"line:{event_id}", "/line/webhook", body,
                    {"content-type": "application/json; charset=utf-8", "x-line-signature": signature},
                    redelivery, server)


def slack_delivery(run: str, i: int, text: str, redelivery: bool = False, server: int = 0) -> Delivery:
    """A signed Slack Events API request with one app mention (answered in the mention's thread)."""
    ts, event_id = f"1700000000.{i:06d}", f"Ev{run}{i:010d}"
    body = json.dumps({
        "token": "legacy", "team_id": "T0BENCH", "api_app_id": "A0BENCH", "type": "event_callback",
        "event": {"type": "app_mention", "user": f"U{i % 97:08d}", "text": f"<@{BOT_USER}> {text}", "ts": ts,
                  "channel": "C0BENCH", "event_ts": ts},
        "event_id": event_id, "event_time": int(time.time()),
        "authorizations": [{"enterprise_id": None, "team_id": "T0BENCH", "user_id": BOT_USER, "is_bot": True,
                            "is_enterprise_install": False}],
    }, ensure_ascii=False).encode()
    stamp = str(int(time.time()))
    signature = "v0=" + hmac.new(SLACK_SECRET.encode(), b"v0:" + stamp.encode() + b":" + body,
                                 hashlib.sha256).hexdigest()
    headers = {"content-type": "application/json", "x-slack-request-timestamp": stamp, "x-slack-signature": signature}
    if redelivery:
        headers.update({"x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout"})
    return Delivery(ts, f"slack:{event_id}", "/slack/events", body, headers, redelivery, server)


def deliveries(channel: str, count: int, n_intents: int, run: str, *, redeliver_every: int = 20,
               servers: int = 1, seed: int = 11) -> list[Delivery]:
    """``count`` requests: fresh events, every ``redeliver_every``-th delivered again ``REDELIVERY_LAG``
    requests later (to the next server when there are several)."""
    make = line_delivery if channel == "line" else slack_delivery
    questions = question_mix(n_intents, count, seed)
    out: list[Delivery] = []
    pending: list[tuple[int, int, str]] = []  # (send at, event index, text)
    i = 0
    while len(out) < count:
        if pending and pending[0][0] <= len(out):
            _, index, text = pending.pop(0)
            out.append(make(run, index, text, redelivery=True, server=(index + 1) % servers))
            continue
        text = questions[i % len(questions)].text
        out.append(make(run, i, text, server=i % servers))
        if i % redeliver_every == redeliver_every - 1:
            pending.append((len(out) + REDELIVERY_LAG, i, text))
        i += 1
    return out


@dataclass
class LoadResult:
    """What the load generator saw: acknowledgement latencies (s), statuses, transport errors."""

    mode: str
    sent: int = 0
    elapsed: float = 0.0
    started: float = 0.0           # wall clock (time.time) of the first request
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    errors: int = 0
    target_rate: float = 0.0


async def _send(session: aiohttp.ClientSession, urls: list[str], d: Delivery, due: float, result: LoadResult) -> None:
    try:
        async with session.post(urls[d.server] + d.path, data=d.body, headers=d.headers) as response:
            await response.read()
            status = response.status
    except (aiohttp.ClientError, asyncio.TimeoutError, OSError):
        result.errors += 1
        return
    result.latencies.append(time.perf_counter() - due)
    result.statuses[status] = result.statuses.get(status, 0) + 1


async def closed_loop(urls: list[str], items: list[Delivery], concurrency: int, budget: float) -> LoadResult:
    """Keep ``concurrency`` requests in flight until all are sent or ``budget`` seconds pass."""
    result = LoadResult("closed", started=time.time())
    queue = iter(items)
    deadline = time.perf_counter() + budget
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=15)) as session:
        async def worker() -> None:
            for d in queue:
                if time.perf_counter() > deadline:
                    return
                result.sent += 1
                await _send(session, urls, d, time.perf_counter(), result)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        result.elapsed = time.perf_counter() - started
    return result


async def open_loop(urls: list[str], items: list[Delivery], rate: float, budget: float,
                    max_in_flight: int = 512) -> LoadResult:
    """Send at ``rate`` per second for ``budget`` seconds; latency counted from each due time."""
    result = LoadResult("open", started=time.time(), target_rate=rate)
    count = min(len(items), int(rate * budget))
    tasks: set[asyncio.Task[None]] = set()
    connector = aiohttp.TCPConnector(limit=max_in_flight)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=15)) as session:
        started = time.perf_counter()
        for i in range(count):
            due = started + i / rate
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            result.sent += 1
            task = asyncio.ensure_future(_send(session, urls, items[i], due, result))
            tasks.add(task)
            task.add_done_callback(tasks.discard)
        if tasks:
            await asyncio.wait(set(tasks), timeout=20)
        result.elapsed = time.perf_counter() - started
    return result


def percentile(values: list[float], q: float) -> float:
    """The nearest-rank ``q``-th percentile (NaN for no values)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5))) - 1]

"""Web process under load: signed LINE and Slack webhooks against uvicorn, on loopback only.

For each scenario the harness starts

- the platform stand-in (:mod:`benchmarks.stub_api`, its own process, answers 200 and
  counts the replies it gets per event),
- ``uvicorn benchmarks.app_factory:create --factory --workers W`` (warm index cache),

then sends real signed requests from an asyncio/aiohttp load generator in this process:

- ``closed``: ``concurrency`` requests in flight until ``count`` requests or ``budget``
  seconds (the most the process acknowledges per second);
- ``open``: a fixed ``rate`` of requests per second for ``budget`` seconds, latency counted
  from the moment each request was due (no coordinated omission): does it keep up with that
  rate, and how long does an acknowledgement take then.

A share of the events is delivered a second time (LINE ``isRedelivery``, Slack
``X-Slack-Retry-Num``), as the platforms do when an acknowledgement is late. After the
load the harness waits (bounded) for the background replies and checks, per event id,
that each was answered exactly once.
"""
from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import hmac
import json
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

from benchmarks.generate import question_mix

LINE_SECRET = "bench-line-channel-secret-0123456789"
LINE_TOKEN = "bench-line-access-token"
SLACK_SECRET = "bench-slack-signing-secret-0123456789"
SLACK_TOKEN = "xoxb-bench-token"
BOT_USER = "UBENCHBOT"
REDELIVERY_SHARE = 0.05
REDELIVERY_LAG = 40  # a redelivery is sent this many requests after its original
REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Delivery:
    """One HTTP request to send: which event it carries and whether it is a redelivery."""

    key: str          # what the stub counts the reply under
    path: str
    body: bytes
    headers: dict[str, str]
    redelivery: bool = False


def _line_delivery(run: str, i: int, text: str, redelivery: bool = False) -> Delivery:
    token = f"rt-{run}-{i}"
    event = {
        "type": "message", "mode": "active", "timestamp": 1_700_000_000_000 + i,
        "source": {"type": "user", "userId": f"U{i % 97:032x}"},
        "webhookEventId": f"01BENCH{run}{i:012d}", "deliveryContext": {"isRedelivery": redelivery},
        "replyToken": token,
        "message": {"type": "text", "id": f"{i}", "text": text, "quoteToken": "q"},
    }
    body = json.dumps({"destination": "Ubenchbot", "events": [event]}, ensure_ascii=False).encode()
    signature = base64.b64encode(hmac.new(LINE_SECRET.encode(), body, hashlib.sha256).digest()).decode()
    return Delivery(token, "/line/webhook", body,
                    {"content-type": "application/json; charset=utf-8", "x-line-signature": signature}, redelivery)


def _slack_delivery(run: str, i: int, text: str, redelivery: bool = False) -> Delivery:
    ts = f"1700000000.{i:06d}"
    body = json.dumps({
        "token": "legacy", "team_id": "T0BENCH", "api_app_id": "A0BENCH", "type": "event_callback",
        "event": {"type": "app_mention", "user": f"U{i % 97:08d}", "text": f"<@{BOT_USER}> {text}", "ts": ts,
                  "channel": "C0BENCH", "event_ts": ts},
        "event_id": f"Ev{run}{i:010d}", "event_time": int(time.time()),
        "authorizations": [{"enterprise_id": None, "team_id": "T0BENCH", "user_id": BOT_USER, "is_bot": True,
                            "is_enterprise_install": False}],
    }, ensure_ascii=False).encode()
    stamp = str(int(time.time()))
    base = b"v0:" + stamp.encode() + b":" + body
    signature = "v0=" + hmac.new(SLACK_SECRET.encode(), base, hashlib.sha256).hexdigest()
    headers = {"content-type": "application/json", "x-slack-request-timestamp": stamp,
               "x-slack-signature": signature}
    if redelivery:
        headers.update({"x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout"})
    return Delivery(ts, "/slack/events", body, headers, redelivery)


def deliveries(channel: str, count: int, n_intents: int, run: str, seed: int = 11) -> list[Delivery]:
    """``count`` requests: fresh events with the question mix, plus a few redeliveries."""
    make = _line_delivery if channel == "line" else _slack_delivery
    questions = question_mix(n_intents, count, seed)
    out: list[Delivery] = []
    pending: list[tuple[int, int, str]] = []  # (send at, event index, text)
    every = int(1 / REDELIVERY_SHARE)
    i = 0
    while len(out) < count:
        if pending and pending[0][0] <= len(out):
            _, index, text = pending.pop(0)
            out.append(make(run, index, text, redelivery=True))
            continue
        text = questions[i % len(questions)].text
        out.append(make(run, i, text))
        if i % every == every - 1:
            pending.append((len(out) + REDELIVERY_LAG, i, text))
        i += 1
    return out


@dataclass
class LoadResult:
    mode: str
    sent: int
    elapsed: float
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    errors: int = 0
    target_rate: float = 0.0


async def _send(session: aiohttp.ClientSession, base: str, d: Delivery, due: float, result: LoadResult) -> None:
    try:
        async with session.post(base + d.path, data=d.body, headers=d.headers) as response:
            await response.read()
            status = response.status
    except (aiohttp.ClientError, asyncio.TimeoutError, OSError):
        result.errors += 1
        return
    result.latencies.append(time.perf_counter() - due)
    result.statuses[status] = result.statuses.get(status, 0) + 1


async def closed_loop(base: str, items: list[Delivery], concurrency: int, budget: float) -> LoadResult:
    """Keep ``concurrency`` requests in flight until all are sent or ``budget`` seconds pass."""
    result = LoadResult("closed", 0, 0.0)
    queue = iter(items)
    deadline = time.perf_counter() + budget
    timeout = aiohttp.ClientTimeout(total=15)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=concurrency), timeout=timeout) as session:
        async def worker() -> None:
            for d in queue:
                if time.perf_counter() > deadline:
                    return
                result.sent += 1
                await _send(session, base, d, time.perf_counter(), result)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        result.elapsed = time.perf_counter() - started
    return result


async def open_loop(base: str, items: list[Delivery], rate: float, budget: float,
                    max_in_flight: int = 512) -> LoadResult:
    """Send at ``rate`` per second for ``budget`` seconds; latency counted from each due time."""
    result = LoadResult("open", 0, 0.0, target_rate=rate)
    timeout = aiohttp.ClientTimeout(total=15)
    count = min(len(items), int(rate * budget))
    tasks: set[asyncio.Task[None]] = set()
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=max_in_flight), timeout=timeout) as session:
        started = time.perf_counter()
        for i in range(count):
            due = started + i / rate
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            result.sent += 1
            task = asyncio.ensure_future(_send(session, base, items[i], due, result))
            tasks.add(task)
            task.add_done_callback(tasks.discard)
        if tasks:
            await asyncio.wait(set(tasks), timeout=20)
        result.elapsed = time.perf_counter() - started
    return result


async def _counts(session: aiohttp.ClientSession, stub: str) -> dict[str, dict[str, int]]:
    async with session.get(stub + "/counts") as response:
        return await response.json()


async def settle(stub: str, channel: str, expected: int, quiet: float = 5.0, limit: float = 60.0) -> tuple[dict[str, int], float]:
    """Wait until the stub has ``expected`` replies, or nothing new came for ``quiet`` s (``limit`` at most)."""
    started = time.perf_counter()
    last_total, last_change = -1, time.perf_counter()
    async with aiohttp.ClientSession() as session:
        while True:
            counts = (await _counts(session, stub))[channel]
            total = sum(counts.values())
            now = time.perf_counter()
            if total != last_total:
                last_total, last_change = total, now
            if total >= expected or now - last_change > quiet or now - started > limit:
                return counts, now - started
            await asyncio.sleep(0.25)


async def reset(stub: str) -> None:
    async with aiohttp.ClientSession() as session:
        async with session.post(stub + "/reset") as response:
            await response.read()


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5))) - 1]


class Servers:
    """The stub API and uvicorn, started and stopped by this harness (by their own pids)."""

    def __init__(self, kb_dir: Path, cache_dir: Path, log_dir: Path, env_extra: dict[str, str] | None = None,
                 code_dir: Path = REPO, server_args: list[str] | None = None) -> None:
        self.kb_dir, self.cache_dir, self.log_dir = kb_dir, cache_dir, log_dir
        self.env_extra = env_extra or {}
        self.code_dir = code_dir
        self.server_args = server_args or []
        self.stub_port = free_port()
        self.stub_url = f"http://127.0.0.1:{self.stub_port}"
        self.stub: subprocess.Popen[bytes] | None = None
        self.server: subprocess.Popen[bytes] | None = None
        self.server_url = ""
        self.workers = 0
        self.log_path: Path | None = None

    def start_stub(self) -> None:
        log = open(self.log_dir / "stub.log", "ab")
        self.stub = subprocess.Popen([sys.executable, "-m", "benchmarks.stub_api", "--port", str(self.stub_port),
                                      "--lifetime", "3600"], stdout=log, stderr=subprocess.STDOUT, cwd=self.code_dir)
        _wait_http(self.stub_url + "/counts", 30, self.stub)

    def log_mark(self) -> int:
        """Current size of the server log (to read what one scenario logged)."""
        return self.log_path.stat().st_size if self.log_path and self.log_path.exists() else 0

    def failures_since(self, mark: int) -> int:
        """Reply failures the adapters logged since ``mark`` (LINE and Slack wording)."""
        if not self.log_path or not self.log_path.exists():
            return 0
        with open(self.log_path, "rb") as handle:
            handle.seek(mark)
            text = handle.read().decode("utf-8", "replace")
        return sum(text.count(marker) for marker in ("reply failed for event", "could not answer"))

    def start_server(self, workers: int) -> float:
        """Start uvicorn with ``workers`` processes; returns seconds until every worker is up."""
        port = free_port()
        self.server_url = f"http://127.0.0.1:{port}"
        self.workers = workers
        env = {**os.environ, "PYTHONPATH": str(self.code_dir), "JETBOT_INTENTS": str(self.kb_dir / "intents"),
               "JETBOT_KNOWLEDGE": str(self.kb_dir / "knowledge"), "JETBOT_CACHE_DIR": str(self.cache_dir),
               "LINE_CHANNEL_SECRET": LINE_SECRET, "LINE_CHANNEL_ACCESS_TOKEN": LINE_TOKEN,
               "LINE_API_URL": self.stub_url, "SLACK_SIGNING_SECRET": SLACK_SECRET, "SLACK_BOT_TOKEN": SLACK_TOKEN,
               "SLACK_API_URL": self.stub_url + "/api/", "JETBOT_ADMIN_TOKEN": "", "DATABASE_URL": "",
               "JETBOT_DB_PATH": str(self.log_dir / f"store-{workers}w-{port}.sqlite3"),
               "JETBOT_LOG_SECRET": "bench-log-secret",
               **self.env_extra}
        log_path = self.log_dir / f"uvicorn-{workers}w-{port}.log"
        self.log_path = log_path
        log = open(log_path, "wb")
        started = time.perf_counter()
        self.server = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "benchmarks.app_factory:create", "--factory", "--host", "127.0.0.1",
             "--port", str(port), "--workers", str(workers), "--log-level", "info",
             "--timeout-graceful-shutdown", "5", *self.server_args],
            stdout=log, stderr=subprocess.STDOUT, env=env, cwd=self.code_dir, start_new_session=True)
        deadline = time.perf_counter() + 180
        while time.perf_counter() < deadline:
            if self.server.poll() is not None:
                raise RuntimeError(f"uvicorn exited with {self.server.returncode}; see {log_path}")
            if log_path.read_bytes().count(b"Application startup complete") >= workers:
                break
            time.sleep(0.1)
        else:
            raise RuntimeError(f"uvicorn not up within 180 s; see {log_path}")
        _wait_http(self.server_url + "/healthz", 30, self.server)
        return time.perf_counter() - started

    def stop_server(self) -> None:
        if self.server is not None and self.server.poll() is None:
            self.server.send_signal(signal.SIGINT)
            try:
                self.server.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.server.pid, signal.SIGKILL)
                self.server.wait(10)
        self.server = None

    def stop(self) -> None:
        self.stop_server()
        if self.stub is not None and self.stub.poll() is None:
            self.stub.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.stub.wait(10)
            if self.stub.poll() is None:
                self.stub.kill()
        self.stub = None


def _wait_http(url: str, seconds: float, process: subprocess.Popen[bytes]) -> None:
    import urllib.request

    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: process exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} not answering within {seconds} s")


async def scenario(servers: Servers, channel: str, mode: str, *, n_intents: int, count: int, budget: float,
                   concurrency: int = 32, rate: float = 300.0, run: str = "r") -> dict[str, Any]:
    """One load run against the running server, with the exactly-once check afterwards."""
    items = deliveries(channel, count, n_intents, run)
    await reset(servers.stub_url)
    mark = servers.log_mark()
    if mode == "closed":
        result = await closed_loop(servers.server_url, items, concurrency, budget)
    else:
        result = await open_loop(servers.server_url, items, rate, budget)
    sent = items[:result.sent]
    events = {d.key for d in sent}
    redelivered = {d.key for d in sent if d.redelivery}
    settle_started = time.perf_counter()
    counts, waited = await settle(servers.stub_url, channel, len(events))
    replies_done = time.perf_counter() - settle_started
    missing = sorted(k for k in events if counts.get(k, 0) == 0)
    twice_fresh = sorted(k for k in events - redelivered if counts.get(k, 0) > 1)
    twice_redelivered = sorted(k for k in redelivered if counts.get(k, 0) > 1)
    unknown = sorted(k for k in counts if k not in events)
    failed = servers.failures_since(mark)
    ok = result.statuses.get(200, 0)
    ms = 1000.0
    return {
        "channel": channel, "mode": mode, "workers": servers.workers, "concurrency": concurrency if mode == "closed" else None,
        "target_rate": rate if mode == "open" else None, "requests": result.sent, "events": len(events),
        "redeliveries": sum(1 for d in sent if d.redelivery), "elapsed_s": result.elapsed,
        "ack_rps": ok / result.elapsed if result.elapsed else 0.0, "statuses": result.statuses,
        "errors": result.errors,
        "p50_ms": _pct(result.latencies, 50) * ms, "p99_ms": _pct(result.latencies, 99) * ms,
        "max_ms": max(result.latencies) * ms if result.latencies else float("nan"),
        "replies": sum(counts.values()), "replies_after_load_s": replies_done,
        "replies_rps": sum(counts.values()) / (result.elapsed + waited) if result.elapsed + waited else 0.0,
        "missing": len(missing), "reply_failures_logged": failed, "answered_twice": len(twice_fresh),
        "redelivered_answered_twice": len(twice_redelivered), "unknown_replies": len(unknown),
        "missing_examples": missing[:5], "twice_examples": (twice_fresh + twice_redelivered)[:5],
    }

"""One web load run against running ``jetbot serve`` processes, and the exactly-once check after it.

:func:`scenario` sends the requests (:mod:`benchmarks.web_load`), waits (bounded) until every
event's reply reached the stand-in, and reports:

- acknowledgements: rate, p50/p99 latency, statuses, transport errors;
- answering: replies per second from the first request to the last reply (the answering capacity
  when the load is a burst), how many went out as a push because their reply token had aged;
- CPU: milliseconds of CPU per request in the web process and per reply in the answer workers
  (``/proc``; barely moved by other load on the machine, unlike the wall-clock rates); and the CPU
  seconds of every part (web, answer workers, and those passed as ``parts``: PostgreSQL, the stand-in,
  the harness) over the whole run, and how many cores they kept busy together;
- correctness: events with no reply (*missing*), fresh or redelivered events answered more than
  once (*twice*), and how many events the inquiry log holds (each exactly once).
"""
from __future__ import annotations

import asyncio
import os
import sqlite3
import time
import uuid
from pathlib import Path
from typing import Any, Callable

from benchmarks.web_load import Delivery, LoadResult, closed_loop, deliveries, open_loop, percentile
from benchmarks.web_servers import Serve, Stub


def replies_per_event(counts: dict[str, Any], channel: str, items: list[Delivery]) -> dict[str, int]:
    """Replies per event key: LINE replies (by token) plus pushes (by the retry key the bot derives
    from the event), Slack posts by thread."""
    out: dict[str, int] = {}
    for d in items:
        if d.event in out:
            continue
        if channel == "line":
            push_key = str(uuid.uuid5(uuid.NAMESPACE_URL, d.event))
            out[d.event] = counts["line"].get(d.key, 0) + counts["push"].get(push_key, 0)
        else:
            out[d.event] = counts["slack"].get(d.key, 0)
    return out


def settle(stub: Stub, channel: str, items: list[Delivery], quiet: float = 10.0,
           limit: float = 120.0) -> dict[str, Any]:
    """Wait until every event has a reply, or nothing new came for ``quiet`` s (``limit`` at most)."""
    started = last_change = time.monotonic()
    last_total = -1
    expected = len({d.event for d in items})
    while True:
        counts = stub.counts()
        total = sum(1 for n in replies_per_event(counts, channel, items).values() if n)
        now = time.monotonic()
        if total != last_total:
            last_total, last_change = total, now
        if total >= expected or now - last_change > quiet or now - started > limit:
            return counts
        time.sleep(0.1)


def sqlite_logged(path: str) -> Callable[[str], int]:
    """Counts a run's rows in a SQLite inquiry log (by the run's event key prefix)."""
    def count(prefix: str) -> int:
        with sqlite3.connect(path, timeout=30) as conn:
            return int(conn.execute("SELECT count(*) FROM inquiries WHERE event_key LIKE ?", (prefix + "%",))
                       .fetchone()[0])
    return count


def postgres_logged(url: str) -> Callable[[str], int]:
    """Counts a run's rows in a PostgreSQL inquiry log (by the run's event key prefix)."""
    def count(prefix: str) -> int:
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            row = conn.execute("SELECT count(*) FROM inquiries WHERE event_key LIKE %s", (prefix + "%",)).fetchone()
            return int(row[0]) if row else 0
    return count


def machine_busy_seconds() -> float:
    """CPU seconds the whole machine spent busy so far, all cores (``/proc/stat``: not idle, not
    waiting for I/O)."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(fields[:8]) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


async def _load(urls: list[str], items: list[Delivery], mode: str, rate: float, budget: float,
                concurrency: int) -> LoadResult:
    if mode == "open":
        return await open_loop(urls, items, rate, budget)
    return await closed_loop(urls, items, concurrency, budget)


def scenario(servers: list[Serve], stub: Stub, channel: str, mode: str, *, n_intents: int, count: int,
             budget: float, run: str, rate: float = 300.0, concurrency: int = 32, redeliver_every: int = 20,
             logged: Callable[[str], int] | None = None,
             parts: dict[str, Callable[[], float]] | None = None) -> dict[str, Any]:
    """One load run (``mode``: ``open`` at ``rate``/s, or ``closed`` with ``concurrency`` in flight);
    ``parts``: the CPU seconds used so far by each other process of the run, by name."""
    items = deliveries(channel, count, n_intents, run, redeliver_every=redeliver_every, servers=len(servers))
    stub.reset()
    parts = {"harness": lambda: sum(os.times()[:2]), **(parts or {})}
    cpu_before = [s.cpu_seconds() for s in servers]
    parts_before = {name: used() for name, used in parts.items()}
    machine_before = machine_busy_seconds()
    window = time.monotonic()
    result = asyncio.run(_load([s.url for s in servers], items, mode, rate, budget, concurrency))
    sent = items[:result.sent]
    counts = settle(stub, channel, sent)
    window = time.monotonic() - window
    machine = machine_busy_seconds() - machine_before
    per_event = replies_per_event(counts, channel, sent)
    parts_cpu = {name: used() - parts_before[name] for name, used in parts.items()}
    cpu = [{k: after[k] - before[k] for k in after} for before, after in zip(cpu_before, (s.cpu_seconds() for s in servers))]
    cpu_s = {"web": sum(c["web"] for c in cpu), "workers": sum(c["workers"] for c in cpu), **parts_cpu}
    redelivered = {d.event for d in sent if d.redelivery}
    last_reply = counts.get("times", {}).get("last", result.started)
    answered = sum(1 for n in per_event.values() if n)
    pushed = sum(counts["push"].values()) if channel == "line" else 0
    prefix = f"line:01BENCH{run}" if channel == "line" else f"slack:Ev{run}"   # as web_load names the events
    ms = 1000.0
    return {
        "channel": channel, "mode": mode, "servers": len(servers),
        "answer_workers": sum(s.answer_workers for s in servers),
        "target_rate": rate if mode == "open" else None, "concurrency": concurrency if mode == "closed" else None,
        "requests": result.sent, "events": len(per_event), "redeliveries": sum(d.redelivery for d in sent),
        "elapsed_s": result.elapsed, "ack_rps": result.statuses.get(200, 0) / result.elapsed if result.elapsed else 0.0,
        "statuses": {str(k): v for k, v in result.statuses.items()}, "errors": result.errors,
        "p50_ms": percentile(result.latencies, 50) * ms, "p99_ms": percentile(result.latencies, 99) * ms,
        "max_ms": max(result.latencies) * ms if result.latencies else float("nan"),
        "replies": sum(per_event.values()), "pushed": pushed,
        "replies_rps": answered / (last_reply - result.started) if last_reply > result.started else 0.0,
        "last_reply_after_load_s": max(0.0, last_reply - result.started - result.elapsed),
        "missing": len(per_event) - answered,
        "answered_twice": sum(1 for k, n in per_event.items() if n > 1 and k not in redelivered),
        "redelivered_answered_twice": sum(1 for k in redelivered if per_event.get(k, 0) > 1),
        "web_cpu_ms_per_request": 1000 * sum(c["web"] for c in cpu) / max(1, result.sent),
        "worker_cpu_ms_per_reply": 1000 * sum(c["workers"] for c in cpu) / max(1, answered),
        "cpu_s": cpu_s, "window_s": window, "cores_busy": sum(cpu_s.values()) / window if window else 0.0,
        "others_cores_busy": max(0.0, machine - sum(cpu_s.values())) / window if window else 0.0,
        "replies_per_worker_cpu_s": answered / cpu_s["workers"] if cpu_s["workers"] else 0.0,
        "replies_per_cpu_s": answered / sum(cpu_s.values()) if sum(cpu_s.values()) else 0.0,
        "logged": logged(prefix) if logged else None,
        "missing_examples": [k for k, n in per_event.items() if not n][:5],
    }

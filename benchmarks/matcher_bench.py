"""One matcher measurement in a fresh process (so that start-up and peak memory are its own).

``python -m benchmarks.matcher_bench --kb DIR --cache DIR --mode cold|rebuild|warm [...]`` prints one
JSON object:

- ``cold``: reads the YAML and builds the index with an empty cache folder (exactly what
  :func:`bot.core.index_cache.load_or_build` does on a miss: parse, build, write the cache; no
  stored embeddings, no encoder state file); reports each phase and the peak RSS of a building process.
- ``rebuild``: after a cold run, copies the knowledge to ``DIR-edited``, rewrites every example of
  ``--changed`` (default 1 %) of the intents and loads that through
  :func:`bot.core.index_cache.load_or_build` over the same cache folder: an incremental build,
  which re-encodes only the changed examples (``encoded``; ``reused_vectors`` were reused).
- ``warm``: loads the index from the cache written by a cold run, answers one warm-up
  question (``first_answer_s``: lazy resources are loaded then), then a fixed list of
  questions timed one by one through the pure core ``bot.core.answer.answer``, then the naive
  baseline (``rapidfuzz.process.extractOne`` with ``fuzz.WRatio`` over every example) on a
  bounded subset of the same questions; reports latencies, accuracy per question kind and
  the peak RSS of a serving process. Memory at the end is split from ``/proc/self/smaps_rollup``:
  ``rss_private_mb`` (anonymous: this process's alone) and ``rss_shared_mb`` (file-backed: the
  index cache, the encoder state and the dictionary, mapped; one copy in the page cache for every
  worker); ``second_worker`` is a second process loading the same cache while this one still
  runs: its ``Private_*`` memory is what one more worker costs.

Every loop is bounded in count and in time (``--budget`` seconds per timed loop).
"""
from __future__ import annotations

import time

PROCESS_START = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from benchmarks.build_runs import run_cold, run_rebuild  # noqa: E402
from benchmarks.process_memory import peak_rss_mb, smaps  # noqa: E402


def _pct(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of ``values``."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def run_second(kb_dir: Path, cache_dir: Path) -> dict:
    """A second worker on the same cache (started by a warm run that is still alive): its memory."""
    from bot.core import index_cache
    from bot.core.answer import answer
    from bot.core.types import IncomingMessage

    result = index_cache.load_or_build(kb_dir / "intents", kb_dir / "knowledge", cache_dir, progress=False)
    for text in ("住民票の写しが欲しい", "How do I get a copy of my residence certificate?", "粗大ごみの出し方"):
        answer(IncomingMessage(text), result.kb)
    return {"mode": "second", "hit": result.hit, "process_to_ready_s": time.perf_counter() - PROCESS_START,
            **smaps(), "peak_rss_mb": peak_rss_mb()}


def second_worker(kb_dir: Path, cache_dir: Path) -> dict:
    """Run :func:`run_second` in a new process while this one keeps its mappings."""
    import subprocess

    done = subprocess.run([sys.executable, "-m", "benchmarks.matcher_bench", "--kb", str(kb_dir), "--cache",
                           str(cache_dir), "--mode", "second"], capture_output=True, text=True, timeout=300, check=True)
    return json.loads(done.stdout)


def run_warm(kb_dir: Path, cache_dir: Path, n: int, count: int, baseline_count: int, budget: float,
             seed: int) -> dict:
    t_import = time.perf_counter()
    from bot.core import index_cache
    from bot.core.answer import answer
    from bot.core.types import IncomingMessage
    from benchmarks.question_mix import question_mix
    from bot.web.heap import freeze_loaded_objects
    imported = time.perf_counter()
    result = index_cache.load_or_build(kb_dir / "intents", kb_dir / "knowledge", cache_dir, progress=False)
    loaded = time.perf_counter()
    if not result.hit:
        raise SystemExit(f"expected a warm cache in {cache_dir}, got: {result.reason}")
    kb = result.kb
    answer(IncomingMessage("住民票の写しが欲しい"), kb)
    ready = time.perf_counter()
    # as an answer worker does once it is ready: otherwise a full collection walks the whole loaded
    # knowledge (~27 ms at 10,000 intents) every few hundred questions and sets the p99
    freeze_loaded_objects()
    questions = question_mix(n, count, seed)
    for q in questions[:20]:  # warm caches and branch predictors, not timed
        answer(IncomingMessage(q.text), kb)
    latencies: list[float] = []
    cpu: list[float] = []
    by_kind: dict[str, list[float]] = {}
    correct: dict[str, list[int]] = {}
    deadline = time.perf_counter() + budget
    for q in questions:
        cpu_started = time.process_time()
        started = time.perf_counter()
        reply = answer(IncomingMessage(q.text), kb)
        elapsed = time.perf_counter() - started
        cpu.append(time.process_time() - cpu_started)
        latencies.append(elapsed)
        by_kind.setdefault(q.kind, []).append(elapsed)
        ok = reply.fallback if q.expected is None else (not reply.fallback and reply.intent_id == q.expected)
        correct.setdefault(q.kind, []).append(int(ok))
        if time.perf_counter() > deadline:
            break
    rss_after_queries = peak_rss_mb()
    memory = smaps()

    from rapidfuzz import fuzz, process
    choices = [e for intent in kb.knowledge.intents for e in intent.examples]
    owner = [intent.id for intent in kb.knowledge.intents for _ in intent.examples]
    base_latencies: list[float] = []
    base_cpu: list[float] = []
    ours_same: list[float] = []
    base_correct: dict[str, list[int]] = {}
    deadline = time.perf_counter() + budget
    # The baseline runs on every k-th question, so its subset keeps the mix of kinds.
    step = max(1, len(latencies) // max(1, baseline_count))
    for index in range(0, len(latencies), step)[:baseline_count]:
        q = questions[index]
        cpu_started = time.process_time()
        started = time.perf_counter()
        best = process.extractOne(q.text, choices, scorer=fuzz.WRatio)
        base_latencies.append(time.perf_counter() - started)
        base_cpu.append(time.process_time() - cpu_started)
        ours_same.append(latencies[index])
        matched = owner[best[2]] if best is not None else None
        ok = (best is None or best[1] < 80) if q.expected is None else (matched == q.expected)
        base_correct.setdefault(q.kind, []).append(int(ok))
        if time.perf_counter() > deadline:
            break
    ms = 1000.0
    out = {
        "mode": "warm", "intents": len(kb.intents), "examples": len(choices),
        "import_s": imported - t_import, "warm_load_s": loaded - imported,
        "process_to_loaded_s": loaded - PROCESS_START, "first_answer_s": ready - loaded,
        "process_to_ready_s": ready - PROCESS_START,
        "questions": len(latencies),
        "p50_ms": _pct(latencies, 50) * ms, "p90_ms": _pct(latencies, 90) * ms, "p99_ms": _pct(latencies, 99) * ms,
        "mean_ms": statistics.fmean(latencies) * ms,
        "cpu_p50_ms": _pct(cpu, 50) * ms, "cpu_p99_ms": _pct(cpu, 99) * ms,
        "baseline_cpu_p50_ms": _pct(base_cpu, 50) * ms,
        "kinds": {k: {"n": len(v), "p50_ms": _pct(v, 50) * ms, "p99_ms": _pct(v, 99) * ms,
                      "accuracy": statistics.fmean(correct[k])} for k, v in sorted(by_kind.items())},
        "baseline_questions": len(base_latencies),
        "baseline_p50_ms": _pct(base_latencies, 50) * ms, "baseline_p99_ms": _pct(base_latencies, 99) * ms,
        "baseline_mean_ms": statistics.fmean(base_latencies) * ms if base_latencies else float("nan"),
        "ours_on_baseline_subset_mean_ms": statistics.fmean(ours_same) * ms if ours_same else float("nan"),
        "ours_on_baseline_subset_p50_ms": _pct(ours_same, 50) * ms,
        "baseline_accuracy": {k: statistics.fmean(v) for k, v in sorted(base_correct.items())},
        "peak_rss_mb": peak_rss_mb(), "rss_after_queries_mb": rss_after_queries, **memory,
    }
    second = second_worker(kb_dir, cache_dir)
    out.update(second_worker=second, second_worker_private_mb=second["smaps_private_mb"],
               second_worker_shared_mb=second["smaps_shared_mb"])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=Path, required=True, help="folder holding intents/ and knowledge/")
    parser.add_argument("--cache", type=Path, required=True, help="index cache folder for this run")
    parser.add_argument("--mode", choices=("cold", "rebuild", "warm", "second"), required=True)
    parser.add_argument("--changed", type=float, default=0.01, help="rebuild: share of intents edited")
    parser.add_argument("--n", type=int, default=0, help="intents in the knowledge (for the question mix)")
    parser.add_argument("--questions", type=int, default=500)
    parser.add_argument("--baseline-questions", type=int, default=100)
    parser.add_argument("--budget", type=float, default=60.0, help="seconds at most per timed loop")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    if args.mode == "cold":
        out = run_cold(args.kb, args.cache)
    elif args.mode == "rebuild":
        out = run_rebuild(args.kb, args.cache, args.changed)
    elif args.mode == "second":
        out = run_second(args.kb, args.cache)
    else:
        out = run_warm(args.kb, args.cache, args.n, args.questions, args.baseline_questions, args.budget, args.seed)
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

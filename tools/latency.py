"""Answer latency over a question set: every question through the pure core, timed one by one.

    .venv/bin/python -m tools.latency eval/dev_2026_12.yaml [--repeats 5]

Prints p50 / p90 / p99 in milliseconds (the knowledge base is built first and one warm-up
question is answered, so start-up costs are not counted).
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from bot.core.answer import answer
from bot.core.index_cache import load_or_build
from bot.core.types import IncomingMessage
from bot.evaluation.question_set import load_questions
from bot.settings import REPO_ROOT, Settings


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (``q`` in 0..100)."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def main(argv: list[str] | None = None) -> int:
    """Time every question of a set ``--repeats`` times; print the percentiles."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("questions", type=Path)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    kb = load_or_build(REPO_ROOT / "intents", REPO_ROOT / "knowledge", Settings.from_env().cache_dir).kb
    texts = [q.text for q in load_questions(args.questions)]
    answer(IncomingMessage("JETとは"), kb)
    timings = []
    for _ in range(args.repeats):
        for text in texts:
            started = time.perf_counter()
            answer(IncomingMessage(text), kb)
            timings.append((time.perf_counter() - started) * 1000)
    print(f"{len(texts)} questions x {args.repeats}: p50 {percentile(timings, 50):.2f} ms, "
          f"p90 {percentile(timings, 90):.2f} ms, p99 {percentile(timings, 99):.2f} ms, "
          f"mean {statistics.fmean(timings):.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""``jetbot eval``: accuracy on a question set, or leave-one-out over the intents' own examples."""
from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, TextIO, TypeVar

import yaml

from bot.core.answer import THRESHOLD
from bot.engine import load_engine
from bot.core.knowledge_base import KnowledgeBase
from bot.core.render import plain_text
from bot.core.types import IncomingMessage, Reply

_STRIP = re.compile(r"[\s,、，\-‐‑‒–—―−ー－]")
T = TypeVar("T")


def fold_fact(text: str) -> str:
    """How facts and replies are compared: NFKC, lower case, no spaces, commas or dashes."""
    return _STRIP.sub("", unicodedata.normalize("NFKC", text).lower())


@dataclass(frozen=True)
class Result:
    """One question's outcome."""

    question: str
    in_scope: bool
    passed: bool
    intent: str | None
    score: float
    expected: str


def progress(items: list[T], label: str, stream: TextIO | None = None) -> Iterator[T]:
    """Yield items, drawing a counter on a terminal (silent in pipes and CI logs)."""
    stream = stream or sys.stderr
    show = stream.isatty() and len(items) > 20
    for n, item in enumerate(items, 1):
        if show and (n % 10 == 0 or n == len(items)):
            stream.write(f"\r{label}: {n}/{len(items)}")
            stream.flush()
        yield item
    if show:
        stream.write("\n")


def check(item: dict[str, Any], reply: Reply) -> Result:
    """Judge one reply against one question-set item."""
    question = str(item["q"])
    if item.get("fallback"):
        return Result(question, False, reply.fallback, reply.intent_id, reply.score, "fallback")
    text = fold_fact(plain_text(reply))
    wanted = [str(f) for f in item.get("all") or item.get("any") or []]
    hits = [fold_fact(f) in text for f in wanted]
    ok = (all(hits) if item.get("all") else any(hits)) and not reply.fallback
    return Result(question, True, ok, reply.intent_id, reply.score, ("all: " if item.get("all") else "any: ") + ", ".join(wanted))


def evaluate(kb_engine: Any, items: Iterable[dict[str, Any]]) -> list[Result]:
    """Ask every question (no conversation context) and judge it."""
    items = list(items)
    return [check(item, kb_engine.answer(IncomingMessage(str(item["q"])), remember=False))
            for item in progress(items, "eval")]


def cross_validate(kb: KnowledgeBase) -> tuple[int, int, int, Counter[tuple[str, str]]]:
    """Leave-one-out: each example asked with itself hidden. Returns (asked, top1, answered, confusions)."""
    matcher = kb.matcher
    jobs = [(i, j, e) for i, intent in enumerate(kb.knowledge.intents) if len(intent.examples) > 1
            for j, e in enumerate(intent.examples)]
    top1 = answered = 0
    confusions: Counter[tuple[str, str]] = Counter()
    for i, j, example in progress(jobs, "cross-validate"):
        ranked = matcher.rank(matcher.analyse(example), exclude=(i, j))
        expected = matcher.ids[i]
        got = ranked[0].intent_id if ranked else None
        if got == expected:
            top1 += 1
            answered += ranked[0].score >= THRESHOLD
        else:
            confusions[(expected, got or "(none)")] += 1
    return len(jobs), top1, answered, confusions


def _minimums(specs: list[str]) -> dict[str, float]:
    out = {}
    for spec in specs:
        name, _, value = spec.partition("=")
        out[name.strip()] = float(value)
    return out


def run_eval(args: argparse.Namespace, out: TextIO) -> int:
    """The ``jetbot eval`` command; exit 1 when a ``--min`` figure is not reached."""
    engine = load_engine(args.intents, args.knowledge)
    figures: dict[str, float] = {}
    if args.cross_validate:
        asked, top1, answered, confusions = cross_validate(engine.kb)
        figures["loo"] = top1 / asked if asked else 0.0
        out.write(f"leave-one-out: {asked} examples, top-1 {top1} ({figures['loo']:.1%}), "
                  f"answered correctly above threshold {answered} ({answered / max(asked, 1):.1%})\n")
        for (expected, got), count in confusions.most_common(10):
            out.write(f"  confused: {expected} -> {got} ({count})\n")
    if args.questions:
        items = yaml.safe_load(Path(args.questions).read_text(encoding="utf-8")) or []
        results = evaluate(engine, items)
        for r in results:
            if args.verbose or not r.passed:
                mark = "ok  " if r.passed else "FAIL"
                out.write(f"{mark} {r.question}  -> {r.intent or '(fallback)'} {r.score:.0f}  [{r.expected}]\n")
        inside = [r for r in results if r.in_scope]
        outside = [r for r in results if not r.in_scope]
        figures["in_scope"] = sum(r.passed for r in inside) / len(inside) if inside else 1.0
        figures["out_of_scope"] = sum(r.passed for r in outside) / len(outside) if outside else 1.0
        wrong = Counter(r.intent or "(fallback)" for r in inside if not r.passed)
        wrong.update(f"{r.intent} (answered out-of-scope)" for r in outside if not r.passed)
        for intent, count in wrong.most_common(5):
            out.write(f"  most often wrong: {intent} ({count})\n")
        out.write(f"in-scope: {sum(r.passed for r in inside)}/{len(inside)} = {figures['in_scope']:.1%}\n")
        out.write(f"out-of-scope fallback: {sum(r.passed for r in outside)}/{len(outside)} = "
                  f"{figures['out_of_scope']:.1%}\n")
    if not args.questions and not args.cross_validate:
        out.write("jetbot eval: give a question file and/or --cross-validate\n")
        return 2
    failed = [f"{name} {figures.get(name, 0):.3f} < {value}" for name, value in _minimums(args.min).items()
              if figures.get(name, 0.0) < value]
    for line in failed:
        out.write(f"below minimum: {line}\n")
    return 1 if failed else 0

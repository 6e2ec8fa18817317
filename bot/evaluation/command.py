"""``jetbot eval``: accuracy on question sets, or leave-one-out over the intents' own examples."""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable, Iterator, TextIO, TypeVar

from bot.core.answer import THRESHOLD, ranking
from bot.core.knowledge_base import KnowledgeBase
from bot.engine import Engine, load_engine
from bot.evaluation import ranking as measures
from bot.evaluation.question_set import QuestionSetError, Result, load_questions, run

T = TypeVar("T")


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


def share(results: Iterable[Result]) -> tuple[int, int]:
    """(passed, asked)."""
    results = list(results)
    return sum(r.passed for r in results), len(results)


def _percent(passed: int, asked: int) -> str:
    return f"{passed}/{asked} = {passed / asked:.1%}" if asked else "0/0"


def report_questions(results: list[Result], out: TextIO, verbose: bool) -> dict[str, float]:
    """Print failures (every question with ``verbose``), a line per kind, and the two figures."""
    for r in results:
        if verbose or not r.passed:
            mark = "ok  " if r.passed else "FAIL"
            where = f" [{r.question.kind}]" if r.question.kind else ""
            out.write(f"{mark} {r.question.text}  -> {r.intent or '(' + r.reply_kind + ')'} {r.score:.0f}"
                      f"  [{r.expected}]{where}\n")
    inside = [r for r in results if r.question.in_scope]
    outside = [r for r in results if not r.question.in_scope]
    wrong = Counter(r.intent or "(fallback)" for r in inside if not r.passed)
    wrong.update(f"{r.intent} (answered out-of-scope)" for r in outside if not r.passed)
    for intent, count in wrong.most_common(5):
        out.write(f"  most often wrong: {intent} ({count})\n")
    kinds: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        if r.question.kind:
            kinds[r.question.kind].append(r)
    for kind, members in sorted(kinds.items()):
        out.write(f"  kind {kind:<14} {_percent(*share(members))}\n")
    out.write(f"in-scope: {_percent(*share(inside))}\n")
    out.write(f"out-of-scope fallback: {_percent(*share(outside))}\n")
    figures = {"in_scope": share(inside)[0] / len(inside) if inside else 1.0,
               "out_of_scope": share(outside)[0] / len(outside) if outside else 1.0}
    dialogues = [r for r in results if r.question.dialogue]
    if dialogues:
        out.write(f"dialogue turns: {_percent(*share(dialogues))}\n")
        figures["dialogue"] = share(dialogues)[0] / len(dialogues)
    return figures


def report_ranking(kb: KnowledgeBase, questions: list, out: TextIO) -> dict[str, float]:
    """P@1, top-5, MRR@5, nDCG@10 and Recall@10 for the questions that list ``relevant`` intents."""
    graded = [q for q in questions if q.item.get("relevant") and not q.dialogue]
    if not graded:
        return {}
    pairs = [([c.intent_id for c in ranking(kb, q.text, 10)], {str(i) for i in q.item["relevant"]}) for q in graded]
    scores = measures.score(pairs)
    out.write(measures.line(scores) + "\n")
    return {"p_at_1": scores.p_at_1, "top_5": scores.top_5, "mrr_at_5": scores.mrr_at_5,
            "ndcg_at_10": scores.ndcg_at_10, "recall_at_10": scores.recall_at_10}


def _minimums(specs: list[str]) -> dict[str, float]:
    out = {}
    for spec in specs:
        name, _, value = spec.partition("=")
        out[name.strip()] = float(value)
    return out


def run_eval(args: argparse.Namespace, out: TextIO, engine: Engine | None = None) -> int:
    """The ``jetbot eval`` command; exit 1 when a ``--min`` figure is not reached."""
    engine = engine or load_engine(args.intents, args.knowledge)
    figures: dict[str, float] = {}
    if args.cross_validate:
        asked, top1, answered, confusions = cross_validate(engine.kb)
        figures["loo"] = top1 / asked if asked else 0.0
        out.write(f"leave-one-out: {asked} examples, top-1 {top1} ({figures['loo']:.1%}), "
                  f"answered correctly above threshold {answered} ({answered / max(asked, 1):.1%})\n")
        for (expected, got), count in confusions.most_common(10):
            out.write(f"  confused: {expected} -> {got} ({count})\n")
    if args.questions:
        try:
            questions = load_questions(Path(args.questions))
        except QuestionSetError as exc:
            out.write(f"jetbot eval: {exc}\n")
            return 2
        judged = [q for q in questions if q.judged]
        if judged:
            results = list(run(list(progress(judged, "eval")), lambda m, remember: engine.answer(m, remember)))
            figures.update(report_questions(results, out, args.verbose))
        figures.update(report_ranking(engine.kb, questions, out))
    if not args.questions and not args.cross_validate:
        out.write("jetbot eval: give a question file and/or --cross-validate\n")
        return 2
    failed = [f"{name} {figures.get(name, 0):.3f} < {value}" for name, value in _minimums(args.min).items()
              if figures.get(name, 0.0) < value]
    for line in failed:
        out.write(f"below minimum: {line}\n")
    return 1 if failed else 0

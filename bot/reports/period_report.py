"""``jetbot report``: what people asked in a period, and what the bot could not answer.

For ``--since``/``--until`` (UTC days, both included; default the last 30 days):
questions, answered, fallback rate, top intents, the answer and feedback metrics
(:mod:`bot.reports.feedback_metrics`: answer, feedback and resolution rates per period, week
and intent), and the fallback or low-score questions grouped by similarity (most frequent
first, with examples and the nearest intent). Text by default, ``--csv`` (the metrics table,
a blank line, then the groups) or ``--json`` (everything).
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, TextIO

from bot.core.answer import LOW_CONFIDENCE
from bot.settings import Settings
from bot.storage.database import is_postgres_url
from bot.storage.delivery_stats import DeliveryStats, Undelivered
from bot.storage.inquiry_stats import InquiryStats
from bot.storage.stores import open_stores
from bot.reports.csv_export import csv_text
from bot.reports.feedback_metrics import HEADER as METRICS_HEADER, Metrics, collect_metrics, metrics_json, \
    metrics_rows, metrics_text
from bot.storage.feedback_stats import FeedbackStats
from bot.reports.question_groups import EXAMPLES, Group, group_questions, knowledge_key, terms_key
from bot.storage.inquiry_stats import DayCount, Summary

__all__ = ["Report", "add_arguments", "build_report", "group_questions", "period", "render_csv",
           "render_json", "render_text", "run_report"]


@dataclass(frozen=True)
class Report:
    """Everything ``jetbot report`` prints."""

    since: str
    until: str
    low: float
    summary: Summary
    top_intents: list[tuple[str, int]]
    groups: list[Group]
    daily: list[DayCount]
    deliveries: dict[str, int] = field(default_factory=dict)       # replies per outcome
    undelivered: list[Undelivered] = field(default_factory=list)   # the latest that did not arrive
    metrics: Metrics | None = None                                   # answer and feedback rates


def period(since: dt.date | None, until: dt.date | None, today: dt.date, days: int = 30) -> tuple[dt.date, dt.date]:
    """The report's first and last day: default ``days`` days up to ``today``."""
    until = until or (today if since is None else max(today, since))
    since = since or until - dt.timedelta(days=days - 1)
    if since > until:
        raise ValueError(f"--since {since} is after --until {until}")
    return since, until


def build_report(store: InquiryStats, since: dt.date, until: dt.date, low: float = LOW_CONFIDENCE, top: int = 10,
                 key: Callable[[str], str] = terms_key, deliveries: DeliveryStats | None = None,
                 feedback: FeedbackStats | None = None) -> Report:
    """Query the store and group the unanswered questions."""
    return Report(since.isoformat(), until.isoformat(), low, store.summary(since, until),
                  store.intent_volumes(since, until, limit=top),
                  group_questions(store.low_confidence(since, until, low), key), store.daily(since, until),
                  deliveries.counts(since, until) if deliveries else {},
                  deliveries.undelivered(since, until) if deliveries else [],
                  collect_metrics(feedback, since, until) if feedback else None)


def render_text(report: Report, max_groups: int = 20) -> str:
    """Readable summary for a terminal or an e-mail."""
    s = report.summary
    lines = [f"jetbot report {report.since} .. {report.until} (UTC)",
             f"questions: {s.questions}  answered: {s.answered}  fallback: {s.fallbacks} ({s.fallback_rate:.1%})",
             "", "top intents:"]
    lines += [f"  {n:6d}  {intent}" for intent, n in report.top_intents] or ["  (none)"]
    if report.metrics is not None:
        lines += [""] + metrics_text(report.metrics)
    total = sum(g.count for g in report.groups)
    lines += ["", f"unanswered or low-confidence (fallback or score < {report.low:g}): "
                  f"{total} question(s) in {len(report.groups)} group(s)"]
    for group in report.groups[:max_groups]:
        lines.append(f"  {group.count:6d}  nearest intent: {group.nearest_intent or '-'}")
        lines += [f"          - {example}" for example in group.examples]
    if len(report.groups) > max_groups:
        lines.append(f"  ... {len(report.groups) - max_groups} more group(s) (use --csv or --json for all)")
    if report.deliveries:
        d = report.deliveries
        lines += ["", f"replies delivered: sent {d['sent']}, pushed {d['pushed']} (LINE push after the reply token "
                      f"expired: counts against the monthly quota), failed {d['failed']}, timed out {d['timeout']}, "
                      f"undeliverable {d['undeliverable']}"]
        lines += [f"  {time.strftime('%Y-%m-%d %H:%M', time.gmtime(u.at))}  {u.channel:5s}  {u.outcome:13s} "
                  f"{u.detail}  — {u.question[:60]}" for u in report.undelivered]
    return "\n".join(lines) + "\n"


def render_csv(report: Report) -> str:
    """CSV for Excel (BOM, formula-safe cells): the metrics (period, intent, questions, answered, answer_rate,
    rated, feedback_rate, helpful, not_helpful, resolution_rate), a blank line, then the unanswered
    groups (count, nearest_intent, example_1..3)."""
    header = ["count", "nearest_intent"] + [f"example_{i}" for i in range(1, EXAMPLES + 1)]
    groups = csv_text(header, ([group.count, group.nearest_intent or ""]
                               + group.examples + [""] * (EXAMPLES - len(group.examples)) for group in report.groups))
    if report.metrics is None:
        return groups
    return csv_text(METRICS_HEADER, metrics_rows(report.metrics)) + "\r\n" + groups.removeprefix("\ufeff")


def render_json(report: Report) -> str:
    """The whole report as one JSON object."""
    data = {
        "since": report.since, "until": report.until, "low_threshold": report.low,
        **asdict(report.summary), "fallback_rate": report.summary.fallback_rate,
        "top_intents": [{"intent": i, "count": n} for i, n in report.top_intents],
        "groups": [{"count": g.count, "nearest_intent": g.nearest_intent, "examples": g.examples}
                   for g in report.groups],
        "daily": [{**asdict(d), "fallback_rate": d.fallback_rate} for d in report.daily],
        "deliveries": report.deliveries,
        "undelivered": [asdict(u) for u in report.undelivered],
        **(metrics_json(report.metrics) if report.metrics is not None else {}),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {value!r}") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``report`` subcommand's options."""
    parser.add_argument("--since", type=_day, help="first day, YYYY-MM-DD (UTC; default: 30 days ago)")
    parser.add_argument("--until", type=_day, help="last day, YYYY-MM-DD (UTC; default: today)")
    parser.add_argument("--low", type=float, default=LOW_CONFIDENCE,
                        help=f"scores below this count as low-confidence (default {LOW_CONFIDENCE:g})")
    parser.add_argument("--top", type=int, default=10, help="how many intents to list")
    parser.add_argument("--groups", type=int, default=20, help="how many groups the text output shows")
    parser.add_argument("--db", help="SQLite path or PostgreSQL URL (default: DATABASE_URL or JETBOT_DB_PATH)")
    fmt = parser.add_mutually_exclusive_group()
    fmt.add_argument("--csv", action="store_true",
                     help="the metrics per period, week and intent, then the unanswered groups, as CSV")
    fmt.add_argument("--json", action="store_true", help="everything as JSON")


def run_report(args: argparse.Namespace, out: TextIO, settings: Settings, stats: InquiryStats | None = None,
               today: dt.date | None = None, deliveries: DeliveryStats | None = None,
               feedback: FeedbackStats | None = None) -> int:
    """The ``jetbot report`` command; exit 1 without a log to read, 2 on a bad period."""
    try:
        since, until = period(args.since, args.until, today or dt.datetime.now(dt.timezone.utc).date())
    except ValueError as exc:
        out.write(f"jetbot report: {exc}\n")
        return 2
    stores = None
    if stats is None:
        location = getattr(args, "db", None) or settings.storage.location
        if not is_postgres_url(location) and not Path(location.removeprefix("sqlite:///")).exists():
            out.write(f"jetbot report: no inquiry log at {location} (set JETBOT_DB_PATH or DATABASE_URL, or give "
                      "--db). Only questions to the served channels are logged (LINE, Slack and the web console "
                      "of jetbot serve), not jetbot chat or ask.\n")
            return 1
        storage = dataclasses.replace(settings.storage, database_url=location if is_postgres_url(location) else None,
                                      db_path=Path(location.removeprefix("sqlite:///")))
        stores = open_stores(storage)
        stats = stores.stats
    try:
        report = build_report(stats, since, until, args.low, args.top, knowledge_key(args),
                              stores.deliveries if stores else deliveries,
                              stores.feedback_stats if stores else feedback)
    finally:
        if stores is not None:
            stores.close()
    if args.csv:
        out.write(render_csv(report))
    elif args.json:
        out.write(render_json(report))
    else:
        out.write(render_text(report, args.groups))
    return 0

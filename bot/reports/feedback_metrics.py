"""The answer and feedback metrics of ``jetbot report`` and ``/admin``: per period (the whole period
and each week in it) and per intent — questions, answer rate, feedback rate, resolution rate and
not-helpful votes, each labelled with what it means (they measure different things: an answer rate
counts wrong answers too; only feedback tells whether an answer solved anything).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from bot.core.feedback import RATE_MEANINGS
from bot.storage.feedback_stats import FeedbackStats, Rates, total
from bot.storage.inquiry_stats import Day, iso_day

HEADER = ["period", "intent", "questions", "answered", "answer_rate", "rated", "feedback_rate", "helpful",
          "not_helpful", "resolution_rate"]


@dataclass(frozen=True)
class Metrics:
    """The figures of one period: all of it, each week (Monday first) and each intent."""

    since: str
    until: str
    overall: Rates
    weeks: list[Rates] = field(default_factory=list)      # ``intent`` holds the week's Monday
    intents: list[Rates] = field(default_factory=list)


def weekly(days: list[Rates]) -> list[Rates]:
    """Days (``intent`` = ``YYYY-MM-DD``) added up per week, named by its Monday."""
    weeks: dict[str, list[Rates]] = {}
    for day in days:
        date = dt.date.fromisoformat(day.intent)
        weeks.setdefault((date - dt.timedelta(days=date.weekday())).isoformat(), []).append(day)
    return [total(rows, monday) for monday, rows in sorted(weeks.items())]


def collect_metrics(stats: FeedbackStats, since: Day, until: Day) -> Metrics:
    """Read the period's metrics (blocking)."""
    intents = stats.per_intent(since, until)
    return Metrics(iso_day(since), iso_day(until), total(intents), weekly(stats.per_day(since, until)), intents)


def percent(value: float, whole: int) -> str:
    """``value`` as a percentage, or a dash when there was nothing to divide by (no votes is not 0 %)."""
    return f"{value:.1%}" if whole else "—"


def _line(r: Rates, name: str) -> str:
    return (f"  {name:28s} {r.questions:6d} {percent(r.answer_rate, r.questions):>8s} {r.rated:6d} "
            f"{percent(r.feedback_rate, r.answered):>8s} {r.helpful:6d} {r.not_helpful:6d} "
            f"{percent(r.resolution_rate, r.helpful + r.not_helpful):>10s}")


def metrics_text(m: Metrics) -> list[str]:
    """The metrics as text lines: the meanings, then one table (period, weeks, intents)."""
    head = (f"  {'':28s} {'quest.':>6s} {'answer%':>8s} {'rated':>6s} {'fdbk%':>8s} {'helpf.':>6s} "
            f"{'not h.':>6s} {'resolved%':>10s}")
    lines = ["answers and feedback:"] + [f"  - {meaning}" for meaning in RATE_MEANINGS.values()]
    lines += ["", head, _line(m.overall, f"{m.since} .. {m.until}")]
    lines += [_line(w, f"week of {w.intent}") for w in m.weeks]
    lines += ["  per intent:"] + [_line(r, r.intent[:28]) for r in m.intents]
    return lines


def metrics_json(m: Metrics) -> dict[str, Any]:
    """The top-level rates and ``feedback: {helpful, not_helpful}``, and the tables."""
    o = m.overall
    return {"answer_rate": o.answer_rate, "feedback_rate": o.feedback_rate, "resolution_rate": o.resolution_rate,
            "rated": o.rated, "feedback": {"helpful": o.helpful, "not_helpful": o.not_helpful},
            "metrics": {"meanings": dict(RATE_MEANINGS), "weeks": [_week(w) for w in m.weeks],
                        "intents": [r.as_dict() for r in m.intents]}}


def _week(w: Rates) -> dict[str, Any]:
    return {"week": w.intent, **{k: v for k, v in w.as_dict().items() if k != "intent"}}


def metrics_rows(m: Metrics) -> list[list[Any]]:
    """CSV rows under :data:`HEADER`: the period, each week, each intent (rates rounded to 0.1 %)."""
    def row(period: str, intent: str, r: Rates) -> list[Any]:
        return [period, intent, r.questions, r.answered, round(r.answer_rate, 3), r.rated, round(r.feedback_rate, 3),
                r.helpful, r.not_helpful, round(r.resolution_rate, 3)]
    period = f"{m.since}..{m.until}"
    return ([row(period, "(all)", m.overall)] + [row(f"week of {w.intent}", "(all)", w) for w in m.weeks]
            + [row(period, r.intent, r) for r in m.intents])

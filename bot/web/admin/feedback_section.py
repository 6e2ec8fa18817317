"""The ``/admin`` section on answers and feedback: the answer, feedback and resolution rates of the
last 30 days, per week and per intent (:mod:`bot.reports.feedback_metrics`, as ``jetbot report``),
each rate explained, not-helpful counts first to read."""
from __future__ import annotations

import asyncio
import datetime as dt
import logging
from html import escape

from bot.core.feedback import RATE_MEANINGS
from bot.reports.feedback_metrics import Metrics, collect_metrics, percent
from bot.storage.feedback_stats import FeedbackStats, Rates
from bot.web.admin.traffic import period

log = logging.getLogger(__name__)


async def feedback_html(stats: FeedbackStats | None, today: dt.date | None = None) -> str:
    """The section's HTML; a failing store shows as a note, never as a failed page."""
    if stats is None:
        return '<p class="level-info">No inquiry store configured: no answers or feedback yet.</p>'
    since, until = period(today or dt.datetime.now(dt.timezone.utc).date())
    try:
        metrics = await asyncio.to_thread(collect_metrics, stats, since, until)
    except Exception as exc:   # the page must still load when the database is down
        log.exception("could not read the feedback figures")
        return f'<p class="rejected">could not read the feedback figures ({escape(type(exc).__name__)})</p>'
    return metrics_html(metrics)


def _row(name: str, r: Rates, row_id: str = "") -> str:
    ident = f' id="{escape(row_id)}"' if row_id else ""
    return (f"<tr{ident}><td>{escape(name)}</td><td class=\"num\">{r.questions}</td>"
            f"<td class=\"num answer-rate\">{percent(r.answer_rate, r.questions)}</td><td class=\"num\">{r.rated}</td>"
            f"<td class=\"num feedback-rate\">{percent(r.feedback_rate, r.answered)}</td>"
            f"<td class=\"num\">{r.helpful}</td><td class=\"num not-helpful\">{r.not_helpful}</td>"
            f"<td class=\"num resolution-rate\">{percent(r.resolution_rate, r.helpful + r.not_helpful)}</td></tr>")


def metrics_html(m: Metrics) -> str:
    """The meanings of the rates, then one table: the period, its weeks, its intents."""
    meanings = "".join(f"<li>{escape(text)}</li>" for text in RATE_MEANINGS.values())
    head = ("<tr><th>Period / intent</th><th class=\"num\">Questions</th><th class=\"num\">Answer rate</th>"
            "<th class=\"num\">Rated</th><th class=\"num\">Feedback rate</th><th class=\"num\">Helpful</th>"
            "<th class=\"num\">Not helpful</th><th class=\"num\">Resolution rate</th></tr>")
    rows = [_row(f"{m.since} .. {m.until} (UTC)", m.overall, "feedback-overall")]
    rows += [_row(f"week of {w.intent}", w) for w in m.weeks]
    rows += [_row(r.intent, r) for r in m.intents]
    return (f'<ul class="meanings">{meanings}</ul><table id="feedback-metrics"><thead>{head}</thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')

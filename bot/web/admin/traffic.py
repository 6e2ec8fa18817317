"""What the admin page reads from the inquiry log (:class:`~bot.storage.inquiry_stats.InquiryStats`)
for the last 30 days: daily counts, volumes per intent, and the unanswered questions grouped
with :mod:`bot.reports.question_groups` (the ``jetbot report`` grouping). The store is synchronous
(and thread-safe) and grouping runs the Japanese analyser, so all of it runs in
one worker thread with an analyser of its own, off the event loop. Without a
store every figure is zero and the report says it is unavailable.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Sequence

from bot.core.answer import LOW_CONFIDENCE
from bot.reports.question_groups import group_questions, make_key
from bot.storage.delivery_stats import DeliveryStats, Undelivered
from bot.storage.inquiry_stats import DayCount, InquiryStats

log = logging.getLogger(__name__)

PERIOD_DAYS = 30
MAX_LOW_ROWS = 2000


@dataclass(frozen=True)
class UnansweredGroup:
    """Similar questions the bot could not answer (or answered with a low score)."""

    count: int
    examples: tuple[str, ...]
    nearest_intent: str | None


@dataclass(frozen=True)
class Traffic:
    """Everything the admin page shows from the store."""

    store: bool
    since: str = ""
    until: str = ""
    daily: list[DayCount] = field(default_factory=list)
    volumes: dict[str, int] = field(default_factory=dict)
    unanswered: list[UnansweredGroup] | None = None  # None: no report available
    error: str | None = None
    deliveries: dict[str, int] = field(default_factory=dict)     # replies per outcome
    undelivered: list[Undelivered] = field(default_factory=list)  # the latest that did not arrive


def period(today: dt.date, days: int = PERIOD_DAYS) -> tuple[dt.date, dt.date]:
    """The last ``days`` UTC days up to ``today``."""
    return today - dt.timedelta(days=days - 1), today


def _unanswered(store: InquiryStats, since: dt.date, until: dt.date,
                synonyms: Sequence[Sequence[str]]) -> list[UnansweredGroup]:
    rows = store.low_confidence(since, until, LOW_CONFIDENCE, limit=MAX_LOW_ROWS)
    key = make_key(synonyms)  # a fresh analyser: SudachiPy objects are not shared across threads
    return [UnansweredGroup(g.count, tuple(g.examples), g.nearest_intent) for g in group_questions(rows, key)]


def collect(store: InquiryStats, today: dt.date, synonyms: Sequence[Sequence[str]] = (),
            deliveries: DeliveryStats | None = None) -> Traffic:
    """Read the period's figures from ``store`` (blocking: call it through :func:`read_traffic`)."""
    since, until = period(today)
    daily = [DayCount(str(d.day), int(d.questions), int(d.fallbacks)) for d in store.daily(since, until)]
    volumes = {str(intent): int(n) for intent, n in store.intent_volumes(since, until)}
    return Traffic(True, since.isoformat(), until.isoformat(), daily, volumes,
                   _unanswered(store, since, until, synonyms),
                   deliveries=deliveries.counts(since, until) if deliveries else {},
                   undelivered=deliveries.undelivered(since, until) if deliveries else [])


async def read_traffic(store: InquiryStats | None, synonyms: Sequence[Sequence[str]] = (),
                       today: dt.date | None = None, deliveries: DeliveryStats | None = None) -> Traffic:
    """The admin page's figures; a failing store shows as an error note, never as a failed page."""
    if store is None:
        return Traffic(False)
    today = today or dt.datetime.now(dt.timezone.utc).date()
    try:
        return await asyncio.to_thread(collect, store, today, synonyms, deliveries)
    except Exception as exc:  # the page must still load when the database is down
        log.exception("could not read the inquiry store")
        return Traffic(True, error=f"could not read the inquiry store ({type(exc).__name__})")

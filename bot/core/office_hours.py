"""Office hours: when a person of the team answers a passed-on question (pure: no clock, no files).

``JETBOT_OFFICE_HOURS`` is written ``DAYS HH:MM-HH:MM TIMEZONE``:

- ``weekdays 9:00-17:45 Asia/Tokyo`` (the default), ``mon-sat 8:30-17:15 Asia/Tokyo``,
  ``mon,wed,fri 10:00-16:00 Asia/Tokyo``, ``daily 9:00-21:00 Asia/Tokyo``;
- ``always``: someone answers at any time.

Public holidays are always off; the caller hands in the holiday calendar (``is_holiday``) and the
current time in the office's time zone, so these functions are tested with fixed dates.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable

DEFAULT_OFFICE_HOURS = "weekdays 9:00-17:45 Asia/Tokyo"
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_GROUPS = {"weekdays": range(0, 5), "daily": range(0, 7), "everyday": range(0, 7)}
_SPEC = re.compile(r"^(?P<days>\S+)\s+(?P<start>\d{1,2}:\d{2})\s*[-–~〜]\s*(?P<end>\d{1,2}:\d{2})\s+(?P<tz>\S+)$")
_WEEKDAY_JA = "月火水木金土日"
IsHoliday = Callable[[dt.date], bool]


@dataclass(frozen=True)
class OfficeHours:
    """Open on ``days`` (0 = Monday) from ``start`` to ``end`` in ``timezone`` (an IANA name), except
    public holidays; ``always``: open at any time."""

    days: frozenset[int] = frozenset(range(5))
    start: dt.time = dt.time(9, 0)
    end: dt.time = dt.time(17, 45)
    timezone: str = "Asia/Tokyo"
    always: bool = False


def _days(text: str) -> frozenset[int]:
    if text in _GROUPS:
        return frozenset(_GROUPS[text])
    days: set[int] = set()
    for part in text.split(","):
        first, _, last = part.partition("-")
        if first not in DAY_NAMES or (last and last not in DAY_NAMES):
            raise ValueError(f"unknown day {part!r} (use weekdays, daily, or mon..sun such as mon-fri or mon,wed)")
        a, b = DAY_NAMES.index(first), DAY_NAMES.index(last or first)
        days.update(range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)])
    return frozenset(days)


def _time(text: str) -> dt.time:
    hours, minutes = (int(x) for x in text.split(":"))
    if hours > 23 or minutes > 59:
        raise ValueError(f"{text!r} is not a time of day (00:00 to 23:59)")
    return dt.time(hours, minutes)


def parse_office_hours(spec: str) -> OfficeHours:
    """Read a spec such as ``weekdays 9:00-17:45 Asia/Tokyo``; ``ValueError`` says what is wrong."""
    text = " ".join(spec.strip().lower().split())
    if text == "always":
        return OfficeHours(always=True)
    match = _SPEC.match(text)
    if not match:
        raise ValueError(f"{spec!r} is not 'DAYS HH:MM-HH:MM TIMEZONE' (e.g. {DEFAULT_OFFICE_HOURS!r}) or 'always'")
    start, end = _time(match["start"]), _time(match["end"])
    if start >= end:
        raise ValueError(f"{spec!r}: the opening time must come before the closing time")
    tz = spec.split()[-1]  # as written: IANA names are case-sensitive
    return OfficeHours(_days(match["days"]), start, end, tz)


def is_open(hours: OfficeHours, now: dt.datetime, is_holiday: IsHoliday) -> bool:
    """Whether the office is open at ``now`` (a time in the office's own time zone)."""
    if hours.always:
        return True
    return _working_day(hours, now.date(), is_holiday) and hours.start <= now.time() < hours.end


def _working_day(hours: OfficeHours, day: dt.date, is_holiday: IsHoliday) -> bool:
    return day.weekday() in hours.days and not is_holiday(day)


def next_opening(hours: OfficeHours, now: dt.datetime, is_holiday: IsHoliday) -> dt.datetime | None:
    """When the office opens next (``None``: it is open now, or never opens within a year)."""
    if is_open(hours, now, is_holiday) or not hours.days:
        return None
    day = now.date()
    if now.time() < hours.start and _working_day(hours, day, is_holiday):
        return dt.datetime.combine(day, hours.start, now.tzinfo)
    for _ in range(366):
        day += dt.timedelta(days=1)
        if _working_day(hours, day, is_holiday):
            return dt.datetime.combine(day, hours.start, now.tzinfo)
    return None


def when_answered(hours: OfficeHours, now: dt.datetime, is_holiday: IsHoliday, language: str = "ja") -> str:
    """The sentence telling the user when a person will answer (now, or from the next opening)."""
    opening = next_opening(hours, now, is_holiday)
    if opening is None:
        return ("担当者が開庁時間内に順次回答します。" if language == "ja"
                else "A person will answer during office hours, in turn.")
    clock = f"{opening.hour}:{opening.minute:02d}"
    if language != "ja":
        when = f"{opening:%A}, {opening:%B} {opening.day}, from {clock}"
        return f"The office is closed now; a person will answer on {when}."
    when = f"{opening.month}月{opening.day}日（{_WEEKDAY_JA[opening.weekday()]}）{clock}以降"
    if opening.date() == now.date():
        return f"ただいま開庁時間外のため、本日（{when}）に担当者が回答します。"
    return f"ただいま開庁時間外のため、次の開庁日（{when}）に担当者が回答します。"

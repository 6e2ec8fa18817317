"""Office hours with the real calendar: Japanese public holidays (the ``holidays`` library, kept
up to date with each year's cabinet order) and the office's time zone, over the pure rules of
:mod:`bot.core.office_hours`."""
from __future__ import annotations

import datetime as dt
import time
from typing import Callable
from zoneinfo import ZoneInfo

from bot.core.office_hours import OfficeHours, is_open, when_answered


def japanese_holidays() -> Callable[[dt.date], bool]:
    """Whether a date is a Japanese public holiday (substitute and citizens' holidays included)."""
    import holidays   # here, not at the top: about a second to import, and only escalation needs it

    calendar = holidays.country_holidays("JP")
    return lambda day: day in calendar


class OfficeClock:
    """Tells whether the team's office is open now, and when a person will answer."""

    def __init__(self, hours: OfficeHours, clock: Callable[[], float] = time.time,
                 is_holiday: Callable[[dt.date], bool] | None = None) -> None:
        self.hours = hours
        self._clock = clock
        self._zone = ZoneInfo(hours.timezone) if not hours.always else dt.timezone.utc
        self._is_holiday = is_holiday or japanese_holidays()

    def now(self) -> dt.datetime:
        """The current time in the office's time zone."""
        return dt.datetime.fromtimestamp(self._clock(), self._zone)

    def is_open(self) -> bool:
        """Whether someone is at work now."""
        return is_open(self.hours, self.now(), self._is_holiday)

    def when_answered(self, language: str = "ja") -> str:
        """The sentence saying when a person will answer (now, or from the next opening)."""
        return when_answered(self.hours, self.now(), self._is_holiday, language)

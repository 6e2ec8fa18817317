"""Office hours: when a person will answer, on fixed dates (a weekday, a weekend, public holidays)."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.core.office_hours import DEFAULT_OFFICE_HOURS, is_open, next_opening, parse_office_hours, when_answered
from bot.escalation.office_hours import OfficeClock, japanese_holidays

TOKYO = ZoneInfo("Asia/Tokyo")
HOURS = parse_office_hours(DEFAULT_OFFICE_HOURS)
HOLIDAY = japanese_holidays()


def at(year: int, month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=TOKYO)


@pytest.mark.parametrize("now, open_", [
    (at(2026, 12, 4, 10), True),           # Friday morning
    (at(2026, 12, 4, 8, 59), False),       # before opening
    (at(2026, 12, 4, 17, 45), False),      # closing time is closed
    (at(2026, 12, 4, 17, 44), True),
    (at(2026, 12, 5, 11), False),          # Saturday
    (at(2026, 11, 23, 11), False),         # Monday, 勤労感謝の日
    (at(2026, 11, 3, 11), False),          # Tuesday, 文化の日
])
def test_open_on_working_days_within_the_hours(now: dt.datetime, open_: bool) -> None:
    assert is_open(HOURS, now, HOLIDAY) is open_


def test_friday_evening_is_answered_from_monday_morning() -> None:
    now = at(2026, 12, 4, 18, 30)
    assert next_opening(HOURS, now, HOLIDAY) == at(2026, 12, 7, 9)
    assert when_answered(HOURS, now, HOLIDAY) == \
        "ただいま開庁時間外のため、次の開庁日（12月7日（月）9:00以降）に担当者が回答します。"


def test_a_weekend_before_a_holiday_monday_waits_for_tuesday() -> None:
    assert next_opening(HOURS, at(2026, 11, 21, 12), HOLIDAY) == at(2026, 11, 24, 9)   # 11/23 is a holiday


def test_golden_week_with_its_substitute_holiday() -> None:
    # 5/3 (Sun) 憲法記念日, 5/4 みどりの日, 5/5 こどもの日, 5/6 振替休日
    assert next_opening(HOURS, at(2026, 5, 2, 10), HOLIDAY) == at(2026, 5, 7, 9)


def test_early_morning_of_a_working_day_is_answered_the_same_day() -> None:
    now = at(2026, 12, 7, 7, 30)
    assert next_opening(HOURS, now, HOLIDAY) == at(2026, 12, 7, 9)
    assert "本日（12月7日（月）9:00以降）" in when_answered(HOURS, now, HOLIDAY)


def test_during_office_hours_a_person_answers_in_turn() -> None:
    now = at(2026, 12, 4, 10)
    assert next_opening(HOURS, now, HOLIDAY) is None
    assert when_answered(HOURS, now, HOLIDAY) == "担当者が開庁時間内に順次回答します。"
    assert "office hours" in when_answered(HOURS, now, HOLIDAY, "en")


def test_other_specs() -> None:
    saturday = parse_office_hours("mon-sat 8:30-17:15 Asia/Tokyo")
    assert is_open(saturday, at(2026, 12, 5, 8, 30), HOLIDAY) and not is_open(saturday, at(2026, 12, 6, 10), HOLIDAY)
    odd = parse_office_hours("mon,wed,fri 10:00-16:00 Asia/Tokyo")
    assert next_opening(odd, at(2026, 12, 8, 11), HOLIDAY) == at(2026, 12, 9, 10)    # Tue -> Wed
    assert is_open(parse_office_hours("always"), at(2026, 1, 1, 3), HOLIDAY)


@pytest.mark.parametrize("spec, problem", [
    ("weekdays 9-17 Asia/Tokyo", "DAYS HH:MM-HH:MM TIMEZONE"),
    ("someday 9:00-17:00 Asia/Tokyo", "unknown day"),
    ("weekdays 9:00-25:00 Asia/Tokyo", "not a time of day"),
    ("weekdays 17:00-9:00 Asia/Tokyo", "before the closing time"),
    ("", "DAYS HH:MM-HH:MM TIMEZONE"),
])
def test_bad_specs_say_what_is_wrong(spec: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        parse_office_hours(spec)


def test_the_office_clock_reads_the_real_calendar() -> None:
    friday_evening = at(2026, 12, 4, 18).timestamp()
    clock = OfficeClock(HOURS, lambda: friday_evening)
    assert not clock.is_open() and "12月7日（月）9:00以降" in clock.when_answered()

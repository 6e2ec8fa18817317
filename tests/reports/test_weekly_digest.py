"""The weekly digest's schedule (Monday 9:00 Japan time) and its contents."""
from __future__ import annotations

import datetime as dt

from bot.reports.question_groups import Group
from bot.reports.weekly_digest import JST, Digest, DueWeek, due_week, digest_text


def at(text: str) -> float:
    return dt.datetime.fromisoformat(text).replace(tzinfo=JST).timestamp()


def test_the_digest_is_due_on_monday_from_9_japan_time_for_the_seven_days_before() -> None:
    week = due_week(at("2026-11-30T09:00"))
    assert week == DueWeek("2026-11-30", dt.date(2026, 11, 23), dt.date(2026, 11, 29))
    assert due_week(at("2026-11-30T23:50")) == week
    assert due_week(at("2026-11-30T08:59")) is None
    assert due_week(at("2026-12-01T09:00")) is None, "a week not sent on its Monday is skipped"
    assert due_week(at("2026-12-07T10:00")).key == "2026-12-07"  # type: ignore[union-attr]


def test_the_text_has_the_rates_the_groups_and_the_link_to_the_queue() -> None:
    week = DueWeek("2026-11-30", dt.date(2026, 11, 23), dt.date(2026, 11, 29))
    digest = Digest(week, 40, 30, None, (Group(6, ["駐車場はありますか"], "contact_mic"), Group(2, ["天気"], None)), 8,
                    "https://jetbot.example.jp/admin#unanswered")
    text = digest_text(digest)
    assert "2026-11-23〜2026-11-29" in text
    assert "質問 40件　回答率 75%（30件に回答）　解決率 n/a" in text
    assert "• 6件 「駐車場はありますか」（近い意図: contact_mic）" in text and "• 2件 「天気」" in text
    assert "計8件" in text and text.endswith("対応キュー: https://jetbot.example.jp/admin#unanswered")
    assert "解決率 67%" in digest_text(Digest(week, 3, 3, 2 / 3, (), 0, "/admin"))

"""The weekly digest: last week's questions, answer rate, resolution rate and top unanswered groups.

Sent on Mondays from 9:00 Japan time (= 0:00 UTC, so it covers the seven whole UTC days before,
Monday to Sunday, as ``jetbot report`` counts them). :func:`due_week` says which week is due at a
moment; :func:`compose` reads the figures; :func:`digest_text` writes them as plain text (the
Slack adapter adds the layout). A week not sent by the end of its Monday (Japan time) is skipped.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable

from bot.core.answer import LOW_CONFIDENCE
from bot.reports.question_groups import Group, group_questions, terms_key
from bot.storage.feedback_stats import total
from bot.storage.inquiry_stats import InquiryStats

JST = dt.timezone(dt.timedelta(hours=9), "JST")
SEND_AT = dt.time(9, 0)        # Monday, Japan time
SEND_UNTIL = dt.time(23, 59)   # a week not sent by then is skipped
TOP_GROUPS = 5


@dataclass(frozen=True)
class DueWeek:
    """The digest due at a moment: its key (the Monday it is sent, Japan time) and the days it covers."""

    key: str
    since: dt.date   # UTC days, both included
    until: dt.date


@dataclass(frozen=True)
class Digest:
    """What the digest says."""

    week: DueWeek
    questions: int
    answered: int
    resolution_rate: float | None      # None: not measured (no feedback yet)
    groups: tuple[Group, ...]           # the most asked unanswered groups
    unanswered: int                     # questions in all the unanswered groups
    admin_url: str

    @property
    def answer_rate(self) -> float:
        """Share of questions answered (not the fallback); 0 without questions."""
        return self.answered / self.questions if self.questions else 0.0


def due_week(now: float) -> DueWeek | None:
    """The week whose digest should go out at ``now`` (a Unix time), or ``None`` outside Monday 9:00–24:00 JST."""
    local = dt.datetime.fromtimestamp(now, JST)
    if local.weekday() != 0 or not SEND_AT <= local.time().replace(second=0, microsecond=0) <= SEND_UNTIL:
        return None
    monday = local.date()
    return DueWeek(monday.isoformat(), monday - dt.timedelta(days=7), monday - dt.timedelta(days=1))


def resolution_rate(stores: Any, since: dt.date, until: dt.date) -> float | None:
    """Helpful answers ÷ rated answers in the period; ``None`` ("n/a") when no answer was rated
    (no votes is not "nothing solved")."""
    rated = total(stores.feedback_stats.per_intent(since, until))
    return rated.resolution_rate if rated.rated else None


def compose(stats: InquiryStats, week: DueWeek, admin_url: str, key: Callable[[str], str] = terms_key,
            resolution: float | None = None) -> Digest:
    """Read the figures of ``week`` from the inquiry log and group what the bot could not answer."""
    summary = stats.summary(week.since, week.until)
    groups = group_questions(stats.low_confidence(week.since, week.until, LOW_CONFIDENCE), key)
    return Digest(week, summary.questions, summary.answered, resolution, tuple(groups[:TOP_GROUPS]),
                  sum(g.count for g in groups), admin_url)


def _rate(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def digest_text(digest: Digest) -> str:
    """The digest as plain text (also the notification text of the Slack message)."""
    week = digest.week
    lines = [f"jetbot 週次レポート {week.since:%Y-%m-%d}〜{week.until:%Y-%m-%d}（UTC）",
             f"質問 {digest.questions}件　回答率 {digest.answer_rate:.0%}（{digest.answered}件に回答）"
             f"　解決率 {_rate(digest.resolution_rate)}",
             "回答率: フォールバック以外の回答の割合。解決率: 評価された回答のうち「解決した」の割合。"]
    if digest.groups:
        lines.append(f"回答できなかった質問（上位{len(digest.groups)}グループ、計{digest.unanswered}件）:")
        for group in digest.groups:
            lines.append(f"• {group.count}件 「{group.examples[0]}」"
                         + (f"（近い意図: {group.nearest_intent}）" if group.nearest_intent else ""))
    else:
        lines.append("回答できなかった質問はありません。")
    lines.append(f"対応キュー: {digest.admin_url}")
    return "\n".join(lines)

"""Pure Block Kit for Slack's App Home (no I/O): :func:`home_view` renders a :class:`HomeContent`.

What a user sees on the bot's Home tab: what the bot answers and how to ask in Slack, the main
topics as buttons (a tap answers in the user's DM), the user's own last questions, and — for
admins only — the week's figures and a link to ``/admin``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from adapters.slack.blocks import HOW_TO_ASK, button, clip, section
from bot.core.types import Suggestion
from bot.storage.inquiry_stats import AskedQuestion

HOME_TOPIC_PREFIX = "jetbot_home_topic_"
JST = dt.timezone(dt.timedelta(hours=9), "JST")   # the users' clock (the log keeps UTC)


@dataclass(frozen=True)
class WeekFigures:
    """The last seven days' figures, shown to admins (UTC days, as ``/jet-admin stats``)."""

    since: str
    until: str
    questions: int
    answered: int
    # The resolution rate (users' "解決した" feedback) comes with the feedback work: fill it in
    # here and home_view shows it; until then the Home tab says it is not measured yet.
    resolution_rate: float | None = None

    @property
    def answer_rate(self) -> float:
        """Share of questions answered (0 when there were none)."""
        return self.answered / self.questions if self.questions else 0.0


@dataclass(frozen=True)
class HomeContent:
    """Everything the Home tab of one user shows."""

    about: str
    topics: tuple[Suggestion, ...]
    recent: tuple[AskedQuestion, ...]
    version: str
    figures: WeekFigures | None = None      # None: not an admin (or no inquiry log)
    admin_url: str | None = None            # the /admin page, when JETBOT_PUBLIC_URL is set


def _recent_line(asked: AskedQuestion) -> str:
    when = dt.datetime.fromtimestamp(asked.at, JST).strftime("%m/%d %H:%M")
    state = "回答済み" if asked.answered else "回答できず"
    return f"• {when}　{clip(asked.question, 200)}　_（{state}）_"


def _figures_blocks(figures: WeekFigures, admin_url: str | None) -> list[dict[str, Any]]:
    resolution = (f"{figures.resolution_rate:.0%}" if figures.resolution_rate is not None
                  else "—（利用者の「解決した」フィードバックの導入後に表示）")
    text = (f"*今週の数字*（{figures.since}〜{figures.until}、UTC・管理者にだけ表示）\n"
            f"質問 {figures.questions}件　回答率 {figures.answer_rate:.0%}（{figures.answered}件）\n"
            f"解決率 {resolution}")
    blocks: list[dict[str, Any]] = [{"type": "divider"}, section(text)]
    if admin_url:
        blocks.append({"type": "actions", "elements": [
            {"type": "button", "action_id": "jetbot_home_admin", "text": {"type": "plain_text", "text": "管理画面を開く"},
             "url": f"{admin_url}/admin"}]})
    else:
        blocks.append({"type": "context", "elements": [
            {"type": "mrkdwn", "text": "JETBOT_PUBLIC_URL を設定すると、ここに管理画面（/admin）へのリンクが出ます。"}]})
    return blocks


def home_view(content: HomeContent) -> dict[str, Any]:
    """The ``views.publish`` view of the Home tab."""
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": "jetbot — JETプログラム通知の問い合わせ"}},
        section(clip(content.about)),
        section(HOW_TO_ASK),
        {"type": "divider"},
        section("*よくある話題*　タップすると、このアプリのDMに回答が届きます。"),
    ]
    if content.topics:
        blocks.append({"type": "actions", "block_id": "jetbot_home_topics", "elements": [
            button(f"{HOME_TOPIC_PREFIX}{n}", t.intent_id, t.label) for n, t in enumerate(content.topics[:25])]})
    recent = [_recent_line(q) for q in content.recent]
    blocks += [{"type": "divider"},
               section("*あなたの最近の質問*\n" + ("\n".join(recent) if recent else "まだ質問はありません。"))]
    if content.figures is not None:
        blocks += _figures_blocks(content.figures, content.admin_url)
    blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": f"ナレッジ版 {content.version}"}]})
    return {"type": "home", "blocks": blocks}


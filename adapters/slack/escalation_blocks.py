"""Slack rendering of escalations (pure): the channel message per state, the answer modal, notes.

Nothing here may show a LINE user id: the asker appears only as the store's keyed hash.
"""
from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
from typing import Any, Sequence

from bot.core.limits import SLACK_SECTION
from adapters.slack.markup import escape
from bot.core.escalation import ANSWERED, DELIVERED, FAILED, Escalation, Refusal, clip
from bot.escalation.faq import FaqSuggestion

ANSWER_ACTION = "jetbot_escalation_answer"
FAQ_ACTION = "jetbot_escalation_faq"
ANSWER_VIEW = "jetbot_escalation_answer"
ANSWER_BLOCK, ANSWER_INPUT = "answer", "text"
MAX_ANSWER = 3000
JST = timezone(timedelta(hours=9), "JST")
REFUSALS: dict[str, str] = {
    "not_member": "この問い合わせに回答できるのは、エスカレーション用チャンネルのメンバーだけです。",
    "not_answered": "まだ回答がありません。回答してから「FAQに追加」を押してください。",
    "empty": "回答が空です。",
    "members_unknown": "チャンネルのメンバーを確認できませんでした。少し待ってからもう一度送ってください。",
    "not_found": "この問い合わせは見つかりません。",
}


def refusal_text(refusal: Refusal, escalation: Escalation | None) -> str:
    """Why a team member's answer (or click) is not taken, as the team reads it."""
    if refusal == "answered" and escalation is not None:
        by = f"<@{escalation.answered_by}> が" if escalation.answered_by else ""
        return f"この問い合わせ（#{escalation.id}）には{by}回答済みです。回答は一度だけ送られます。"
    return REFUSALS.get(refusal, REFUSALS["not_found"])


def when(at: float) -> str:
    """A timestamp as Japanese office time, e.g. ``2024-06-01 21:00``."""
    return datetime.fromtimestamp(at, JST).strftime("%Y-%m-%d %H:%M")


def asker(escalation: Escalation) -> str:
    """The pseudonymous asker (start of the keyed hash; never the LINE user id)."""
    return escalation.user_hash[:12]


QUESTION_LIMIT = SLACK_SECTION - 400   # escaped characters of the question shown in the message
CUT = "…（以下省略）"


def shortened(text: str, limit: int) -> tuple[str, bool]:
    """``text`` escaped and quoted in at most ``limit`` characters, ending with 「…（以下省略）」 when
    cut; and whether it was cut (the full text then goes in the thread, see :func:`full_question`)."""
    def quoted(body: str) -> str:
        return "\n".join("> " + line for line in escape(body).splitlines() or [""])

    text = text.strip()
    if len(quoted(text)) <= limit:
        return quoted(text), False
    low, high = 0, len(text)
    while low < high:   # the longest start of the text that fits with the mark
        middle = (low + high + 1) // 2
        if len(quoted(text[:middle].rstrip() + CUT)) <= limit:
            low = middle
        else:
            high = middle - 1
    return quoted(text[:low].rstrip() + CUT), True


def full_question(escalation: Escalation) -> list[str]:
    """The whole masked question as thread messages (each within a section's limit)."""
    text, parts = escape(escalation.question.strip()), []
    while text:
        parts.append(text[:SLACK_SECTION - 100])
        text = text[SLACK_SECTION - 100:]
    return [f"*質問の全文（#{escalation.id}、{n}/{len(parts)}）*\n{part}" for n, part in enumerate(parts, 1)]


def _quote(text: str, limit: int = QUESTION_LIMIT) -> str:
    return shortened(text, limit)[0]


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[:SLACK_SECTION]}}


def _button(text: str, action_id: str, value: str, style: str | None = None) -> dict[str, Any]:
    button = {"type": "button", "action_id": action_id, "value": value,
              "text": {"type": "plain_text", "text": text, "emoji": True}}
    return {**button, "style": style} if style else button


def _status(escalation: Escalation) -> str:
    if escalation.state == DELIVERED:
        return f":white_check_mark: LINEへ送信済み（{when(escalation.delivered_at or 0)}）"
    if escalation.state == FAILED:
        return f":warning: LINEへの送信に失敗しました（{escalation.attempts}回）。スレッドをご覧ください。"
    if escalation.state == ANSWERED:
        retry = f"・再送予定 {when(escalation.next_attempt_at)}" if escalation.attempts else ""
        return f":outbox_tray: LINEへ送信中{retry}"
    return ":hourglass_flowing_sand: 回答待ち"


def message(escalation: Escalation) -> tuple[str, list[dict[str, Any]]]:
    """The channel message for ``escalation`` in its current state: ``(fallback text, blocks)``."""
    e = escalation
    guesses = "\n".join(f"• {escape(clip(g.title, 80))} (`{g.intent_id}`, {g.score:.0f}点)" for g in e.guesses[:3])
    blocks = [
        {"type": "header", "text": {"type": "plain_text", "text": f"LINEからの問い合わせ #{e.id}"}},
        _section(f"*質問*\n{_quote(e.question)}"),
        {"type": "context", "elements": [{"type": "mrkdwn", "text": (
            f"受付 {when(e.created_at)} ・ 問い合わせ者 `{asker(e)}`（匿名ID） ・ {_status(e)}")}]},
        _section("*ボットの候補*\n" + (guesses or "（候補なし）")),
    ]
    buttons = [_button("FAQに追加", FAQ_ACTION, str(e.id))]
    if e.answer is not None:
        blocks.append(_section(f"*回答* <@{e.answered_by}>（{when(e.answered_at or 0)}）\n{_quote(e.answer)}"))
    else:
        buttons.insert(0, _button("回答する", ANSWER_ACTION, str(e.id), "primary"))
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": (
            "「回答する」か、このメッセージのスレッドへの返信で回答できます（最初の回答がLINEに送られます）。")}]})
    blocks.append({"type": "actions", "block_id": f"escalation_{e.id}", "elements": buttons})
    return f"LINEからの問い合わせ #{e.id}: {clip(e.question, 100)}", blocks


def answer_modal(escalation: Escalation, office: str) -> dict[str, Any]:
    """The "回答する" modal; ``private_metadata`` carries the escalation id."""
    return {
        "type": "modal", "callback_id": ANSWER_VIEW, "private_metadata": str(escalation.id),
        "title": {"type": "plain_text", "text": f"問い合わせ #{escalation.id} に回答"[:24]},
        "submit": {"type": "plain_text", "text": "LINEに送信"},
        "close": {"type": "plain_text", "text": "キャンセル"},
        "blocks": [
            _section(f"*質問*\n{_quote(escalation.question, 2500)}"),
            {"type": "input", "block_id": ANSWER_BLOCK, "label": {"type": "plain_text", "text": "回答"},
             "element": {"type": "plain_text_input", "action_id": ANSWER_INPUT, "multiline": True,
                         "max_length": MAX_ANSWER}},
            {"type": "context", "elements": [{"type": "mrkdwn", "text": (
                f"回答は「{escape(office)}」からの回答としてLINEの利用者に届きます（個人名は出ません）。")}]},
        ],
    }


def submitted_text(view: dict[str, Any]) -> str:
    """The answer typed into the modal."""
    values = (view.get("state") or {}).get("values") or {}
    return str(((values.get(ANSWER_BLOCK) or {}).get(ANSWER_INPUT) or {}).get("value") or "")


def failure_note(escalation: Escalation) -> str:
    """Posted in the thread when delivery finally failed."""
    who = f"<@{escalation.answered_by}> " if escalation.answered_by else ""
    return (f"{who}:warning: 問い合わせ #{escalation.id} の回答をLINEに届けられませんでした"
            f"（{escalation.attempts}回試行、最後のエラー: {escape(escalation.last_error or '不明')}）。"
            "利用者がボットをブロックしたか、LINEの設定に問題がある可能性があります。")


def faq_text(escalation: Escalation, suggestion: FaqSuggestion) -> str:
    """The "FAQに追加" thread message: a YAML snippet ready to paste."""
    lead = escape(suggestion.note) if suggestion.note else (
        f"問い合わせ #{escalation.id} をFAQにする intent の案です（id: `{suggestion.intent_id}`）。")
    return f"{lead}\n```\n{escape(suggestion.yaml_text.rstrip())}\n```"


def admin_list(escalations: Sequence[Escalation], channel: str | None, now: float | None = None) -> str:
    """``/jet-admin escalations``: open escalations, oldest first."""
    if not escalations:
        return "回答待ちの問い合わせはありません。"
    now = time.time() if now is None else now
    lines = [f"回答待ちの問い合わせ {len(escalations)}件（古い順）" + (f" ・ <#{channel}>" if channel else "")]
    for e in escalations:
        hours = max(0, int((now - e.created_at) // 3600))
        age = f"{hours // 24}日前" if hours >= 24 else f"{hours}時間前"
        lines.append(f"• #{e.id} {when(e.created_at)}（{age}）「{escape(clip(e.question, 60))}」")
    return "\n".join(lines)

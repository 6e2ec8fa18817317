"""HTML of the triage queue, the draft-intent form and the audit list on ``/admin``.
Every value from the log, the YAML or the request is escaped here; every form posts to ``/admin/triage/*``."""
from __future__ import annotations

import time
from html import escape
from typing import Any, Sequence

from bot.core.knowledge_base import KnowledgeBase
from bot.storage.triage import DONE, OPEN, OUT_OF_SCOPE, Edit
from bot.triage.queue import QueueGroup

REASONS = {"unanswered": "未回答", "unsure": "自信なし（候補提示）", "low_score": "低スコアの回答",
           "not_helpful": "「解決しない」"}
STATUS_CLASS = {OPEN: "open", DONE: "done", OUT_OF_SCOPE: "out"}


def _e(value: Any) -> str:
    return escape("" if value is None else str(value))


def _when(at: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.gmtime(at))


def _hidden(questions: Sequence[str], base: str) -> str:
    return f'<input type="hidden" name="base" value="{_e(base)}">' + "".join(
        f'<input type="hidden" name="q" value="{_e(q)}">' for q in questions)


def _decisions(group: QueueGroup, base: str, kb: KnowledgeBase) -> str:
    hidden = _hidden(group.questions, base)
    nearest = "".join(
        f'<button type="submit" name="intent" value="{_e(c.intent_id)}" class="add-to">'
        f'{_e(c.intent_id)} の例文に追加 <span class="score">({c.score:.0f})</span></button>'
        for c in group.nearest if c.intent_id in kb.intents)
    return (f'<form method="post" action="/admin/triage/examples" class="decide">{hidden}{nearest}</form>'
            f'<form method="post" action="/admin/triage/examples" class="decide">{hidden}'
            '<input name="intent" list="intent-ids" placeholder="intent id を検索" required class="intent-search">'
            '<button type="submit" class="add-typed">この intent の例文に追加</button></form>'
            f'<form method="post" action="/admin/triage/draft" class="decide">{hidden}'
            '<button type="submit" class="draft">新しい intent を作る</button></form>'
            f'<form method="post" action="/admin/triage/out-of-scope" class="decide">{hidden}'
            '<button type="submit" class="out-of-scope">対象外にする</button></form>')


def _group(index: int, group: QueueGroup, base: str, kb: KnowledgeBase) -> str:
    reasons = ", ".join(f"{REASONS.get(r, r)} {n}" for r, n in group.reasons)
    nearest = "<br>".join(f"<code>{_e(c.intent_id)}</code> {c.score:.0f}" for c in group.nearest) or "-"
    questions = "".join(f"<li>{_e(q)}</li>" for q in group.questions)
    if group.status == OPEN:
        action = _decisions(group, base, kb)
    else:
        mark = group.mark
        decided = (f'{_e(mark.who)} · {_e(_when(mark.at))}' + (f' → <code>{_e(mark.intent)}</code>' if mark.intent else "")
                   if mark else "")
        reasked = "".join(
            f'<li class="reasked"><span class="q">{_e(r.question)}</span> → '
            + (f'<code class="intent">{_e(r.intent_id)}</code> <span class="score">{r.score:.0f}</span>'
               if r.answered else '<span class="level-warning">まだ回答できません</span>') + "</li>"
            for r in group.reasked)
        action = f'<p class="decided">{decided}</p>' + (f'<p>今の回答（再質問）:</p><ul>{reasked}</ul>' if reasked else "")
    return (f'<tr class="group status-{STATUS_CLASS[group.status]}" id="group-{index}" data-status="{_e(group.status)}">'
            f'<td class="status">{_e(group.status)}</td><td class="num">{group.count}</td>'
            f'<td><ul class="questions">{questions}</ul><span class="level-info">{_e(reasons)} · 最新 '
            f'{_e(_when(group.latest))}</span></td><td class="nearest">{nearest}</td><td>{action}</td></tr>')


def queue_html(groups: Sequence[QueueGroup] | None, kb: KnowledgeBase, base: str, note: str = "") -> str:
    """The queue: open groups with one form per decision, then the decided groups (re-asked now)."""
    if groups is None:
        return f'<p class="level-info">The queue is not available ({_e(note or "no inquiry store")}).</p>'
    datalist = '<datalist id="intent-ids">' + "".join(
        f'<option value="{_e(i.id)}">{_e(i.title or "")}</option>' for i in kb.knowledge.intents) + "</datalist>"
    counts = {s: sum(1 for g in groups if g.status == s) for s in (OPEN, DONE, OUT_OF_SCOPE)}
    summary = " · ".join(f"{s} {n}" for s, n in counts.items())
    if not groups:
        return '<p class="ok">Nothing needs a person in the period.</p>'
    rows = "".join(_group(i, g, base, kb) for i, g in enumerate(groups))
    return (f'{datalist}<p>{_e(summary)}{(" — " + _e(note)) if note else ""}</p>'
            '<table class="queue"><thead><tr><th>状態</th><th class="num">件数</th><th>質問</th>'
            f'<th>近い intent (score)</th><th>判断</th></tr></thead><tbody>{rows}</tbody></table>')


def edits_html(edits: Sequence[Edit] | None) -> str:
    """The audit list: every YAML write, newest first."""
    if edits is None:
        return '<p class="level-info">No store: YAML writes are not recorded.</p>'
    if not edits:
        return '<p class="level-info">No YAML written from /admin, the CLI or an import yet.</p>'
    rows = "".join(f"<tr><td>{_e(_when(e.at))}</td><td>{_e(e.who)}</td><td>{_e(e.action)}</td>"
                   f"<td><code>{_e(e.file)}</code></td><td>{_e(e.detail)}</td></tr>" for e in edits)
    return ('<table class="audit"><thead><tr><th>When (UTC)</th><th>Who</th><th>What</th><th>File</th>'
            f'<th>Detail</th></tr></thead><tbody>{rows}</tbody></table>')


def draft_page(questions: Sequence[str], draft: str, files: Sequence[str], chosen: str, base: str,
               errors: Sequence[str] = ()) -> str:
    """The new-intent form: the YAML skeleton in a textarea, saved only when it validates."""
    options = "".join(f'<option{" selected" if f == chosen else ""}>{_e(f)}</option>' for f in files)
    problems = ('<p class="rejected">Not saved: the result would not validate.</p><ul class="findings" id="errors">'
                + "".join(f'<li class="level-error">{_e(e)}</li>' for e in errors) + "</ul>") if errors else ""
    return ('<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>jetbot — new intent</title>'
            '<link rel="stylesheet" href="/static/console.css"></head><body><main class="admin"><section>'
            f'<h2>新しい intent</h2>{problems}<form method="post" action="/admin/triage/intent">{_hidden(questions, base)}'
            f'<p><label>File <select name="file">{options}</select></label></p>'
            f'<p><textarea name="draft" id="draft" rows="18" cols="90">{_e(draft)}</textarea></p>'
            '<p class="level-info">Write the answer (facts from knowledge/ as {fact:ID}); it is saved only when '
            'the whole YAML validates.</p><button type="submit" id="save-intent">保存</button> '
            '<a href="/admin#queue">戻る</a></form></section></main></body></html>')


def message_page(title: str, lines: Sequence[str]) -> str:
    """A refusal (stale file, unknown intent…) with a way back to the queue."""
    items = "".join(f"<li>{_e(line)}</li>" for line in lines)
    return ('<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>jetbot — admin</title>'
            '<link rel="stylesheet" href="/static/console.css"></head><body><main class="admin"><section>'
            f'<h2>{_e(title)}</h2><ul class="findings" id="errors">{items}</ul>'
            '<p><a href="/admin#queue">キューに戻る</a></p></section></main></body></html>')

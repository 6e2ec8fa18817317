"""HTML of the ``/admin`` page. Every value from YAML, the store or the request is escaped here."""
from __future__ import annotations

import time
from html import escape
from string import Template
from typing import Any

from bot.web.admin.traffic import Traffic
from bot.web.admin.chart import daily_chart
from bot.web.console import template
from bot.core.knowledge_base import KnowledgeBase
from bot.validate import Finding


def _e(value: Any) -> str:
    return escape("" if value is None else str(value))


def knowledge_html(info: dict[str, Any], reload_status: dict[str, Any]) -> str:
    """The live version, how edits arrive, and the latest rejected edit."""
    watching = "on" if reload_status.get("watching") else "off"
    sighup = "on" if reload_status.get("sighup") else "off"
    rows = [("Live version", f'<code id="version">{_e(info["version"])}</code>'),
            ("Loaded at", _e(info["loaded_at"])), ("Intents", _e(info["intents"])),
            ("Hot reload", f"file watcher {watching} · SIGHUP {sighup} · POST /admin/reload")]
    last = reload_status.get("last")
    if last:
        rows.append(("Last reload", _e(f'{last["status"]} ({last["trigger"]})')))
    html = "<dl>" + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>"
    rejected = info.get("last_reload_rejected")
    if rejected:
        errors = "".join(f"<li>{_e(e)}</li>" for e in rejected["errors"])
        html += (f'<p class="rejected" id="rejected">The latest edit was rejected at {_e(rejected["at"])} '
                 f'({_e(rejected["trigger"])}); the version above is still live.</p>'
                 f'<ul class="findings">{errors}</ul>')
    else:
        html += '<p class="ok">The files on disk are live (no rejected edit).</p>'
    return html


def findings_html(findings: list[Finding] | None) -> str:
    """``bot.validate`` findings, errors first, with a count per level (``None``: still checking)."""
    if findings is None:
        return '<p class="checking">Checking the YAML (the check builds the whole index): reload the page in a moment.</p>'
    counts = {level: sum(1 for f in findings if f.level == level) for level in ("error", "warning", "info")}
    summary = ", ".join(f"{n} {level}(s)" for level, n in counts.items())
    if not findings:
        return '<p class="ok">No findings: the YAML is clean.</p>'
    items = "".join(f'<li class="level-{_e(f.level)}">{_e(f)}</li>' for f in findings)
    return f"<p>{_e(summary)}</p><ul class=\"findings\">{items}</ul>"


def intents_html(kb: KnowledgeBase, counts: dict[str, int], has_store: bool) -> str:
    """Every intent with its volume, busiest first."""
    rows = sorted(kb.knowledge.intents, key=lambda i: (-counts.get(i.id, 0), i.file, i.line))
    body = "".join(
        f"<tr><td><code>{_e(i.id)}</code></td><td>{_e(i.title or '')}</td>"
        f"<td><code>{_e(i.file)}:{i.line}</code></td><td class=\"num\">{counts.get(i.id, 0)}</td></tr>"
        for i in rows)
    note = "" if has_store else '<p class="level-info">No inquiry store configured: volumes show as 0.</p>'
    return (f'{note}<table><thead><tr><th>Intent</th><th>Title</th><th>Defined at</th>'
            f'<th class="num">Questions</th></tr></thead><tbody>{body}</tbody></table>')


def unanswered_html(traffic: Traffic) -> str:
    """Questions that got the fallback (or a low score), grouped by similarity, largest group first."""
    if traffic.unanswered is None:
        why = "this store has no report" if traffic.store else "no inquiry store"
        return f'<p class="level-info">The unanswered-questions report is not available ({why}).</p>'
    if not traffic.unanswered:
        return '<p class="ok">No unanswered questions in the period.</p>'
    body = "".join(
        f'<tr><td class="num">{g.count}</td><td>{"<br>".join(_e(x) for x in g.examples)}</td>'
        f"<td><code>{_e(g.nearest_intent or '-')}</code></td></tr>" for g in traffic.unanswered)
    return ('<table><thead><tr><th class="num">Times</th><th>Examples</th><th>Nearest intent</th></tr>'
            f"</thead><tbody>{body}</tbody></table>")


def _traffic_note(traffic: Traffic) -> str:
    if not traffic.store:
        return '<p class="level-info">No inquiry store configured: no traffic yet.</p>'
    if traffic.error:
        return f'<p class="rejected">{_e(traffic.error)}</p>'
    return f'<p class="level-info">{_e(traffic.since)} .. {_e(traffic.until)} (UTC)</p>'


def deliveries_html(traffic: Traffic, inbox: dict[str, Any] | None) -> str:
    """Replies per outcome, the latest that did not arrive, and the inbox (events not answered yet)."""
    if not traffic.deliveries:
        return '<p class="level-info">No replies recorded in the period.</p>'
    counts = "".join(f"<tr><td>{_e(outcome)}</td><td class=\"num\">{n}</td></tr>" for outcome, n in traffic.deliveries.items())
    html = (f'<table><thead><tr><th>Outcome</th><th class="num">Replies</th></tr></thead><tbody>{counts}</tbody></table>'
            '<p class="level-info">pushed: a LINE answer sent as a push because its reply token had expired or was '
            'refused (counts against the monthly message quota).</p>')
    if traffic.undelivered:
        rows = "".join(f"<tr><td>{_e(time.strftime('%Y-%m-%d %H:%M', time.gmtime(u.at)))}</td><td>{_e(u.channel)}</td>"
                       f"<td>{_e(u.outcome)}</td><td>{_e(u.detail)}</td><td>{_e(u.question)}</td></tr>"
                       for u in traffic.undelivered)
        html += ('<h3>Latest replies that did not arrive</h3><table><thead><tr><th>When (UTC)</th><th>Channel</th>'
                 f'<th>Outcome</th><th>Detail</th><th>Question</th></tr></thead><tbody>{rows}</tbody></table>')
    if inbox is not None:
        states = ", ".join(f"{_e(k)} {v}" for k, v in sorted(inbox.get("states", {}).items())) or "empty"
        html += (f'<p>Inbox: {states}; oldest unfinished event {_e(inbox.get("oldest_unfinished_s", 0))} s old.</p>')
    return html


def admin_page(kb: KnowledgeBase, info: dict[str, Any], reload_status: dict[str, Any],
               findings: list[Finding] | None, traffic: Traffic, inbox: dict[str, Any] | None = None,
               triage: str = "", edits: str = "", feedback: str = "", versions: str = "") -> str:
    """The whole ``/admin`` page (``triage``, ``edits``: the queue's sections, :mod:`bot.web.admin.triage_page`;
    ``feedback``: the answers-and-feedback section; ``versions``: the knowledge versions section)."""
    return Template(template("admin.html")).substitute(
        feedback=feedback,
        knowledge=knowledge_html(info, reload_status),
        versions=versions,
        store_note=_traffic_note(traffic),
        chart=daily_chart(traffic.daily),
        findings=findings_html(findings),
        unanswered=unanswered_html(traffic),
        intents=intents_html(kb, traffic.volumes, traffic.store),
        deliveries=deliveries_html(traffic, inbox),
        triage=triage or '<p class="level-info">The triage queue is off.</p>',
        edits=edits,
    )


def login_page(message: str = "") -> str:
    """The token form (the token is posted, never put in a URL by us, never echoed)."""
    return Template(template("login.html")).substitute(message=_e(message))

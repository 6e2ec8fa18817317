"""``/jet-admin <subcommand>``: administration from Slack, for the user ids in ``JETBOT_ADMIN_SLACK_IDS``.

Each subcommand is a function ``(args) -> text`` answered to the caller only (ephemeral: the
text of the command's acknowledgement, so it must be quick). Add a subcommand by adding it to
the table given to :class:`AdminCommands` (see :func:`admin_subcommands`).
"""
from __future__ import annotations

import datetime as dt
import logging
from typing import Any, Awaitable, Callable, Collection, Mapping, Protocol

log = logging.getLogger(__name__)

COMMAND = "/jet-admin"
Subcommand = Callable[[str], Awaitable[str]]
REFUSAL = "申し訳ありません。`/jet-admin` は管理者に登録された方だけが使えます（JETBOT_ADMIN_SLACK_IDS）。"


class AdminCommands:
    """Routes ``/jet-admin`` to its subcommands after checking the caller is an admin."""

    def __init__(self, admin_ids: Collection[str], subcommands: Mapping[str, Subcommand]) -> None:
        self._admins = frozenset(admin_ids)
        self._subcommands = dict(subcommands)

    def usage(self) -> str:
        """The list of subcommands."""
        return "使い方: " + " / ".join(f"`{COMMAND} {name}`" for name in sorted(self._subcommands))

    async def on_command(self, ack: Any, command: dict[str, Any]) -> None:
        """Answer the caller (ephemeral) within Slack's 3 seconds."""
        user = str(command.get("user_id") or "")
        if user not in self._admins:
            log.info("slack: /jet-admin refused for a non-admin user")
            await ack(text=REFUSAL)
            return
        name, _, args = str(command.get("text") or "").strip().partition(" ")
        handler = self._subcommands.get(name.lower())
        if handler is None:
            await ack(text=(f"`{name}` というサブコマンドはありません。" if name else "") + self.usage())
            return
        try:
            text = await handler(args.strip())
        except Exception:
            log.exception("slack: /jet-admin %s failed", name)
            text = "処理中にエラーが発生しました。ログを確認してください。"
        await ack(text=text)


class Reloads(Protocol):
    """What ``/jet-admin reload`` needs (``bot.reload.Reloader``)."""

    def request(self, trigger: str) -> None: ...


class Stats(Protocol):
    """What ``/jet-admin stats`` needs (``bot.storage.store.Store``)."""

    def summary(self, since: Any, until: Any) -> Any: ...

    def intent_volumes(self, since: Any = None, until: Any = None, limit: int | None = None) -> list[tuple[str, int]]: ...


def stats_text(store: Stats, days: int = 7, today: dt.date | None = None) -> str:
    """Questions, fallback rate and top intents over the last ``days`` days."""
    until = today or dt.datetime.now(dt.timezone.utc).date()
    since = until - dt.timedelta(days=days - 1)
    summary = store.summary(since, until)
    top = store.intent_volumes(since, until, limit=5)
    lines = [f"*直近{days}日（{since}〜{until}、UTC）*",
             f"質問 {summary.questions}件 / 回答 {summary.answered}件 / "
             f"回答できず {summary.fallbacks}件（{summary.fallback_rate:.0%}）"]
    lines += [f"{n}. {intent}: {count}件" for n, (intent, count) in enumerate(top, 1)]
    return "\n".join(lines)


def admin_subcommands(escalations: Callable[[], str] | None, reloader: Reloads | None = None,
                      stats: Stats | None = None) -> dict[str, Subcommand]:
    """The ``/jet-admin`` subcommands of this process."""
    async def list_escalations(args: str) -> str:
        return escalations() if escalations else "エスカレーションは設定されていません（JETBOT_ESCALATION_CHANNEL）。"

    async def reload(args: str) -> str:
        if reloader is None:
            return "このプロセスでは再読み込みできません。"
        reloader.request("slack")  # validated first; a bad edit is rejected and the live version kept
        return "YAMLの再読み込みを開始しました。結果は /healthz と管理画面で確認できます（不正な編集は反映されません）。"

    async def figures(args: str) -> str:
        if stats is None:
            return "問い合わせログが設定されていません。"
        days = int(args) if args.isdigit() and 0 < int(args) <= 366 else 7
        return stats_text(stats, days)

    return {"escalations": list_escalations, "reload": reload, "stats": figures}

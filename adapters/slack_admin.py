"""``/jet-admin <subcommand>``: administration from Slack, for the user ids in ``JETBOT_ADMIN_SLACK_IDS``.

Each subcommand is a function ``(args) -> text`` answered to the caller only (ephemeral: the
text of the command's acknowledgement, so it must be quick). Add a subcommand by adding it to
the table given to :class:`AdminCommands` (see :func:`admin_subcommands`).
"""
from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable, Collection, Mapping

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


def admin_subcommands(escalations: Callable[[], str] | None) -> dict[str, Subcommand]:
    """The ``/jet-admin`` subcommands of this process."""
    async def list_escalations(args: str) -> str:
        return escalations() if escalations else "エスカレーションは設定されていません（JETBOT_ESCALATION_CHANNEL）。"

    return {
        "escalations": list_escalations,
        # "reload": ...,   (hot reload from Slack: added by the console/reload work)
        # "stats": ...,    (inquiry statistics: added by the store/report work)
    }

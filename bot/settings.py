"""Process configuration, read from the environment in one place."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    """Everything the entry points need; secrets never leave this object in logs."""

    intents_dir: Path = REPO_ROOT / "intents"
    knowledge_dir: Path = REPO_ROOT / "knowledge"
    line_channel_secret: str | None = None
    line_channel_access_token: str | None = None
    line_api_url: str | None = None
    slack_signing_secret: str | None = None
    slack_bot_token: str | None = None
    slack_app_token: str | None = None
    slack_api_url: str | None = None
    admin_token: str | None = None
    database_url: str | None = None
    db_path: Path = Path("jetbot.sqlite3")
    log_secret: str | None = None
    retention_days: float = 365.0
    escalation_channel: str | None = None      # Slack channel id (C…/G…); unset: escalation off
    escalation_office: str = "JETプログラム担当"  # who the LINE user is told the answer is from
    escalation_max_open: int = 5               # open escalations per LINE user
    escalation_max_attempts: int = 8           # LINE push attempts before giving up
    admin_slack_ids: tuple[str, ...] = ()      # Slack user ids allowed to use /jet-admin

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "Settings":
        """Build settings from ``env`` (default: ``os.environ``); empty values count as unset."""
        env = os.environ if env is None else env

        def get(name: str) -> str | None:
            value = env.get(name, "").strip()
            return value or None

        return cls(
            intents_dir=Path(get("JETBOT_INTENTS") or cls.intents_dir),
            knowledge_dir=Path(get("JETBOT_KNOWLEDGE") or cls.knowledge_dir),
            line_channel_secret=get("LINE_CHANNEL_SECRET"),
            line_channel_access_token=get("LINE_CHANNEL_ACCESS_TOKEN"),
            line_api_url=get("LINE_API_URL"),
            slack_signing_secret=get("SLACK_SIGNING_SECRET"),
            slack_bot_token=get("SLACK_BOT_TOKEN"),
            slack_app_token=get("SLACK_APP_TOKEN"),
            slack_api_url=get("SLACK_API_URL"),
            admin_token=get("JETBOT_ADMIN_TOKEN"),
            database_url=get("DATABASE_URL"),
            db_path=Path(get("JETBOT_DB_PATH") or cls.db_path),
            log_secret=get("JETBOT_LOG_SECRET"),
            retention_days=_days(get("JETBOT_RETENTION_DAYS"), cls.retention_days),
            escalation_channel=get("JETBOT_ESCALATION_CHANNEL"),
            escalation_office=get("JETBOT_ESCALATION_OFFICE") or cls.escalation_office,
            escalation_max_open=_count(get("JETBOT_ESCALATION_MAX_OPEN"), "JETBOT_ESCALATION_MAX_OPEN",
                                       cls.escalation_max_open),
            escalation_max_attempts=_count(get("JETBOT_ESCALATION_MAX_ATTEMPTS"),
                                           "JETBOT_ESCALATION_MAX_ATTEMPTS", cls.escalation_max_attempts),
            admin_slack_ids=tuple(i for i in re.split(r"[\s,]+", get("JETBOT_ADMIN_SLACK_IDS") or "") if i),
        )

    def __repr__(self) -> str:  # keep secrets out of logs and tracebacks
        return f"Settings(intents_dir={self.intents_dir!s}, knowledge_dir={self.knowledge_dir!s})"


def _days(value: str | None, default: float) -> float:
    """A positive number of days from the environment (``default`` when unset)."""
    if value is None:
        return default
    try:
        days = float(value)
    except ValueError:
        raise ValueError(f"JETBOT_RETENTION_DAYS must be a number of days, not {value!r}") from None
    if days <= 0:
        raise ValueError(f"JETBOT_RETENTION_DAYS must be positive, not {value!r}")
    return days


def _count(value: str | None, name: str, default: int) -> int:
    """A positive whole number from the environment (``default`` when unset)."""
    if value is None:
        return default
    if not value.isdigit() or int(value) < 1:
        raise ValueError(f"{name} must be a positive whole number, not {value!r}")
    return int(value)

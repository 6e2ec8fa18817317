"""Process configuration: the only code that reads the environment.

``Settings.from_env()`` builds everything once; the entry points pass the typed parts down
(``settings.storage`` to the stores, ``settings.line`` to the LINE channel, …). Every default
is written here, once, as a field default. Secrets never appear in ``repr``.
"""
from __future__ import annotations

import os
import re
from dataclasses import MISSING, dataclass, field, fields
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
from pathlib import Path
from typing import Any, Callable, Mapping

from bot.core.escalation import EscalationConfig
from bot.core.office_hours import OfficeHours, parse_office_hours

REPO_ROOT = Path(__file__).resolve().parent.parent
_OFF = ("off", "0", "none", "false", "no")


@dataclass(frozen=True)
class StorageSettings:
    """Where the stores live and how long rows are kept."""

    database_url: str | None = None          # PostgreSQL (DATABASE_URL); unset: SQLite
    db_path: Path = Path("jetbot.sqlite3")   # JETBOT_DB_PATH
    log_secret: str | None = field(default=None, repr=False)  # JETBOT_LOG_SECRET (pseudonym key)
    retention_days: float = 365.0            # JETBOT_RETENTION_DAYS
    pool_size: int = 8                       # JETBOT_DB_POOL_SIZE: PostgreSQL connections per process

    @property
    def location(self) -> str:
        """The PostgreSQL URL or the SQLite path."""
        return self.database_url or str(self.db_path)


@dataclass(frozen=True)
class LineSettings:
    """The LINE Messaging API channel; off unless both credentials are set."""

    channel_secret: str | None = field(default=None, repr=False)        # LINE_CHANNEL_SECRET
    channel_access_token: str | None = field(default=None, repr=False)  # LINE_CHANNEL_ACCESS_TOKEN
    api_url: str | None = None                                          # LINE_API_URL (tests, stand-ins)

    def missing(self) -> list[str]:
        """Names of the unset variables that keep the channel off."""
        return [name for name, value in (("LINE_CHANNEL_SECRET", self.channel_secret),
                                         ("LINE_CHANNEL_ACCESS_TOKEN", self.channel_access_token)) if not value]


@dataclass(frozen=True)
class SlackSettings:
    """The Slack app; the HTTP endpoint needs the signing secret and bot token, Socket Mode the app token."""

    signing_secret: str | None = field(default=None, repr=False)  # SLACK_SIGNING_SECRET
    bot_token: str | None = field(default=None, repr=False)       # SLACK_BOT_TOKEN
    app_token: str | None = field(default=None, repr=False)       # SLACK_APP_TOKEN (Socket Mode)
    api_url: str | None = None                                    # SLACK_API_URL (tests, stand-ins)
    admin_ids: tuple[str, ...] = ()                               # JETBOT_ADMIN_SLACK_IDS

    def missing(self) -> list[str]:
        """Names of the unset variables that keep the HTTP endpoint off."""
        return [name for name, value in (("SLACK_SIGNING_SECRET", self.signing_secret),
                                         ("SLACK_BOT_TOKEN", self.bot_token)) if not value]


@dataclass(frozen=True)
class Settings:
    """Everything the entry points need, built once from the environment."""

    intents_dir: Path = REPO_ROOT / "intents"        # JETBOT_INTENTS
    knowledge_dir: Path = REPO_ROOT / "knowledge"    # JETBOT_KNOWLEDGE
    cache_dir: Path | None = Path(".jetbot-cache")   # JETBOT_CACHE_DIR ("off": no index cache)
    admin_token: str | None = field(default=None, repr=False)  # JETBOT_ADMIN_TOKEN (/admin is off without it)
    host: str = "127.0.0.1"                          # JETBOT_HOST (jetbot serve --host)
    port: int = 8000                                 # PORT
    # JETBOT_ANSWER_WORKERS (else WEB_CONCURRENCY): answer processes beside the web process; 0: answer in it
    answer_workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    web_chat_per_minute: int = 30                    # JETBOT_WEB_CHAT_RATE: web console questions per client
    log_level: str = "INFO"                          # JETBOT_LOG_LEVEL
    log_format: str = "text"                         # JETBOT_LOG_FORMAT: text | json
    public_url: str | None = None                    # JETBOT_PUBLIC_URL (App Home links to its /admin)
    digest_channel: str | None = None                # JETBOT_DIGEST_CHANNEL: Slack channel of the weekly digest
    storage: StorageSettings = field(default_factory=StorageSettings)
    line: LineSettings = field(default_factory=LineSettings)
    slack: SlackSettings = field(default_factory=SlackSettings)
    escalation: EscalationConfig = field(default_factory=EscalationConfig)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "Settings":
        """Build settings from ``env`` (default: ``os.environ``); empty values count as unset.

        Raises ``ValueError`` naming the variable when a value is malformed.
        """
        env = os.environ if env is None else env

        def get(name: str) -> str | None:
            value = env.get(name, "").strip()
            return value or None

        def pick(target: type, name: str, variable: str, parse: Callable[[str, str], Any] = lambda v, n: v) -> Any:
            value = get(variable)
            return _default(target, name) if value is None else parse(value, variable)

        cache = get("JETBOT_CACHE_DIR")
        return cls(
            intents_dir=pick(cls, "intents_dir", "JETBOT_INTENTS", _path),
            knowledge_dir=pick(cls, "knowledge_dir", "JETBOT_KNOWLEDGE", _path),
            cache_dir=_default(cls, "cache_dir") if cache is None else (None if cache.lower() in _OFF else Path(cache)),
            admin_token=get("JETBOT_ADMIN_TOKEN"),
            host=pick(cls, "host", "JETBOT_HOST"),
            port=pick(cls, "port", "PORT", _count),
            answer_workers=_workers(get("JETBOT_ANSWER_WORKERS") or get("WEB_CONCURRENCY"), cls),
            web_chat_per_minute=pick(cls, "web_chat_per_minute", "JETBOT_WEB_CHAT_RATE", _count),
            log_level=pick(cls, "log_level", "JETBOT_LOG_LEVEL", lambda v, n: v.upper()),
            log_format=pick(cls, "log_format", "JETBOT_LOG_FORMAT", _choice("text", "json")),
            public_url=pick(cls, "public_url", "JETBOT_PUBLIC_URL", _base_url),
            digest_channel=get("JETBOT_DIGEST_CHANNEL"),
            storage=StorageSettings(
                database_url=get("DATABASE_URL"),
                db_path=pick(StorageSettings, "db_path", "JETBOT_DB_PATH", _path),
                log_secret=get("JETBOT_LOG_SECRET"),
                retention_days=pick(StorageSettings, "retention_days", "JETBOT_RETENTION_DAYS", _days),
                pool_size=pick(StorageSettings, "pool_size", "JETBOT_DB_POOL_SIZE", _count)),
            line=LineSettings(channel_secret=get("LINE_CHANNEL_SECRET"),
                              channel_access_token=get("LINE_CHANNEL_ACCESS_TOKEN"), api_url=get("LINE_API_URL")),
            slack=SlackSettings(signing_secret=get("SLACK_SIGNING_SECRET"), bot_token=get("SLACK_BOT_TOKEN"),
                                app_token=get("SLACK_APP_TOKEN"), api_url=get("SLACK_API_URL"),
                                admin_ids=tuple(i for i in re.split(r"[\s,]+", get("JETBOT_ADMIN_SLACK_IDS") or "")
                                                if i)),
            escalation=EscalationConfig(
                channel=get("JETBOT_ESCALATION_CHANNEL"),
                office=pick(EscalationConfig, "office", "JETBOT_ESCALATION_OFFICE"),
                max_open=pick(EscalationConfig, "max_open", "JETBOT_ESCALATION_MAX_OPEN", _count),
                max_attempts=pick(EscalationConfig, "max_attempts", "JETBOT_ESCALATION_MAX_ATTEMPTS", _count),
                office_hours=pick(EscalationConfig, "office_hours", "JETBOT_OFFICE_HOURS", _office_hours)),
        )


def _default(target: type, name: str) -> Any:
    """The field default written in the dataclass (the one place each default lives)."""
    found = next(f for f in fields(target) if f.name == name)
    return found.default_factory() if found.default is MISSING else found.default  # type: ignore[misc]


def _workers(value: str | None, target: type) -> int:
    """A number of processes (0 allowed); the field's default when unset."""
    if value is None:
        return next(f for f in fields(target) if f.name == "answer_workers").default_factory()  # type: ignore[misc]
    if not value.isdigit():
        raise ValueError(f"JETBOT_ANSWER_WORKERS / WEB_CONCURRENCY must be a whole number, not {value!r}")
    return int(value)


def _office_hours(value: str, name: str) -> OfficeHours:
    """Office hours such as ``weekdays 9:00-17:45 Asia/Tokyo`` with a time zone this system knows."""
    try:
        hours = parse_office_hours(value)
        if not hours.always:
            ZoneInfo(hours.timezone)
    except (ValueError, ZoneInfoNotFoundError) as error:
        detail = f"unknown time zone {hours.timezone!r}" if isinstance(error, ZoneInfoNotFoundError) else str(error)
        raise ValueError(f"{name}: {detail}") from None
    return hours


def _path(value: str, name: str) -> Path:
    return Path(value)


def _days(value: str, name: str) -> float:
    """A positive number of days."""
    try:
        days = float(value)
    except ValueError:
        raise ValueError(f"{name} must be a number of days, not {value!r}") from None
    if days <= 0:
        raise ValueError(f"{name} must be positive, not {value!r}")
    return days


def _count(value: str, name: str) -> int:
    """A positive whole number."""
    if not value.isdigit() or int(value) < 1:
        raise ValueError(f"{name} must be a positive whole number, not {value!r}")
    return int(value)


def _base_url(value: str, name: str) -> str:
    """An http(s) URL without a trailing slash."""
    if not re.match(r"^https?://[^\s/?#]+(/[^\s?#]*)?$", value):
        raise ValueError(f"{name} must be an http(s) URL such as https://jetbot.example.jp, not {value!r}")
    return value.rstrip("/")


def _choice(*allowed: str) -> Callable[[str, str], str]:
    def parse(value: str, name: str) -> str:
        if value.lower() not in allowed:
            raise ValueError(f"{name} must be one of {', '.join(allowed)}, not {value!r}")
        return value.lower()
    return parse

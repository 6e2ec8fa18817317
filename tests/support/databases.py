"""Shared by the store tests: a fixed clock, the test pseudonym secret, storage settings for a target."""
from __future__ import annotations

from pathlib import Path

from bot.settings import StorageSettings

NOW = 1_717_243_200.0  # 2024-06-01 12:00 UTC
SECRET = "test-secret"


def storage_at(target: str, **overrides: object) -> StorageSettings:
    """Storage settings for a SQLite path or a PostgreSQL URL (``log_secret`` set unless overridden)."""
    values: dict[str, object] = {"log_secret": SECRET}
    if target.startswith(("postgres://", "postgresql://")):
        values["database_url"] = target
    else:
        values["db_path"] = Path(target)
    values.update(overrides)
    return StorageSettings(**values)  # type: ignore[arg-type]

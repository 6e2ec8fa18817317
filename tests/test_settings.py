"""Settings: the only reader of the environment; typed parts, defaults written once, errors named."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import Settings


def test_escalation_and_slack_admins_from_the_environment() -> None:
    settings = Settings.from_env({"JETBOT_ESCALATION_CHANNEL": "C0ESC", "JETBOT_ESCALATION_MAX_OPEN": "3",
                                  "JETBOT_ADMIN_SLACK_IDS": "U1, U2 U3", "JETBOT_ESCALATION_OFFICE": "総務省国際室"})
    config = settings.escalation
    assert (config.channel, config.max_open, config.office, config.max_attempts) == ("C0ESC", 3, "総務省国際室", 8)
    assert set(settings.slack.admin_ids) == {"U1", "U2", "U3"}
    assert Settings.from_env({}).escalation.channel is None
    with pytest.raises(ValueError, match="JETBOT_ESCALATION_MAX_OPEN"):
        Settings.from_env({"JETBOT_ESCALATION_MAX_OPEN": "many"})


def test_defaults_without_an_environment() -> None:
    settings = Settings.from_env({})
    assert settings == Settings()
    assert settings.host == "127.0.0.1" and settings.port == 8000
    assert settings.cache_dir == Path(".jetbot-cache") and settings.storage.location == "jetbot.sqlite3"
    assert settings.line.missing() == ["LINE_CHANNEL_SECRET", "LINE_CHANNEL_ACCESS_TOKEN"]


def test_values_are_parsed_and_bad_ones_named() -> None:
    settings = Settings.from_env({"PORT": "9000", "JETBOT_CACHE_DIR": "off", "JETBOT_LOG_FORMAT": "JSON",
                                  "JETBOT_DB_POOL_SIZE": "16", "JETBOT_INTENTS": "/srv/intents"})
    assert (settings.port, settings.cache_dir, settings.log_format) == (9000, None, "json")
    assert settings.storage.pool_size == 16 and settings.intents_dir == Path("/srv/intents")
    assert Settings.from_env({"JETBOT_PUBLIC_URL": "https://jetbot.example.jp/"}).public_url == \
        "https://jetbot.example.jp"
    for name, value in (("PORT", "http"), ("JETBOT_LOG_FORMAT", "xml"), ("JETBOT_RETENTION_DAYS", "-1"),
                        ("JETBOT_PUBLIC_URL", "jetbot.example.jp/admin")):
        with pytest.raises(ValueError, match=name):
            Settings.from_env({name: value})


def test_secrets_never_appear_in_repr() -> None:
    settings = Settings.from_env({"LINE_CHANNEL_SECRET": "line-s3cret", "SLACK_BOT_TOKEN": "xoxb-s3cret",
                                  "JETBOT_ADMIN_TOKEN": "adm-s3cret", "JETBOT_LOG_SECRET": "log-s3cret",
                                  "SLACK_SIGNING_SECRET": "sign-s3cret", "LINE_CHANNEL_ACCESS_TOKEN": "tok-s3cret",
                                  "SLACK_APP_TOKEN": "xapp-s3cret"})
    assert "s3cret" not in repr(settings)


def test_office_hours_are_read_and_bad_ones_name_the_variable() -> None:
    import datetime as dt
    default = Settings.from_env({}).escalation.office_hours
    assert (min(default.days), max(default.days), default.start, default.end) == (0, 4, dt.time(9), dt.time(17, 45))
    custom = Settings.from_env({"JETBOT_OFFICE_HOURS": "mon-sat 8:30-17:15 Asia/Tokyo"}).escalation.office_hours
    assert 5 in custom.days and custom.start == dt.time(8, 30)
    for bad in ("weekdays 9-17", "weekdays 9:00-17:45 Mars/Olympus"):
        with pytest.raises(ValueError, match="JETBOT_OFFICE_HOURS"):
            Settings.from_env({"JETBOT_OFFICE_HOURS": bad})

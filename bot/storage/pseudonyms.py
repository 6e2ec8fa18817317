"""Pseudonymous ids: what the stores keep instead of LINE and Slack user ids.

The key is ``JETBOT_LOG_SECRET``; when it is unset a random one is created and kept in the
database (``meta``), with a warning, so that ids stay stable across restarts and workers.
"""
from __future__ import annotations

import logging
import secrets

from bot.core.privacy import pseudonym
from bot.storage.database import Database

log = logging.getLogger(__name__)
_SECRET_KEY = "log_secret"


class Pseudonyms:
    """Keyed hashes (HMAC-SHA256) of platform ids and conversation keys."""

    def __init__(self, db: Database, secret: str | None = None) -> None:
        self._secret = secret or self._stored_secret(db)

    @staticmethod
    def _stored_secret(db: Database) -> str:
        db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
                   (_SECRET_KEY, secrets.token_hex(32)))
        log.warning("JETBOT_LOG_SECRET is not set: user ids are hashed with a random secret kept in the "
                    "database; set JETBOT_LOG_SECRET so that the key is not stored beside the data")
        return str(db.query("SELECT value FROM meta WHERE key = ?", (_SECRET_KEY,))[0][0])

    def of(self, user_id: str, channel: str = "") -> str:
        """The stored form of a user id on ``channel``."""
        return pseudonym(user_id, self._secret, channel)

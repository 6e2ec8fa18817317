"""The key material of the stores: pseudonymous ids, and sealing what must be kept only for a while.

The key is ``JETBOT_LOG_SECRET``; when it is unset a random one is created and kept in the
database (``meta``), with a warning, so that ids stay stable across restarts and workers — but
then the key sits beside the data, so set it.

- :class:`Pseudonyms`: keyed hashes (HMAC-SHA256) of LINE/Slack user ids and conversation keys.
- :class:`Sealer`: AES-GCM encryption (the ``cryptography`` package) of the raw ids and texts an
  unanswered event or an undelivered escalation needs. Only the ciphertext reaches the database,
  its journal and its WAL, so once a row is wiped nothing readable is left on disk without the key.
"""
from __future__ import annotations

import base64
import hashlib
import logging
import os
import secrets

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from bot.core.privacy import pseudonym
from bot.storage.database import Database

log = logging.getLogger(__name__)
_SECRET_KEY = "log_secret"


def resolve_secret(db: Database, configured: str | None) -> str:
    """The configured secret, else the random one kept in the database (created by the first opener)."""
    if configured:
        return configured
    db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
               (_SECRET_KEY, secrets.token_hex(32)))
    log.warning("JETBOT_LOG_SECRET is not set: user ids are hashed with a random secret kept in the "
                "database; set JETBOT_LOG_SECRET so that the key is not stored beside the data")
    return str(db.query("SELECT value FROM meta WHERE key = ?", (_SECRET_KEY,))[0][0])


class Pseudonyms:
    """Keyed hashes of platform ids and conversation keys."""

    def __init__(self, secret: str) -> None:
        self._secret = secret

    def of(self, user_id: str, channel: str = "") -> str:
        """The stored form of a user id on ``channel``."""
        return pseudonym(user_id, self._secret, channel)


class Sealer:
    """Authenticated encryption of short texts under a key derived from the secret."""

    def __init__(self, secret: str) -> None:
        self._aead = AESGCM(hashlib.sha256(b"jetbot-seal\0" + secret.encode("utf-8")).digest())

    def seal(self, text: str) -> str:
        """``text`` encrypted (a fresh nonce each time), as ASCII."""
        nonce = os.urandom(12)
        sealed = self._aead.encrypt(nonce, text.encode("utf-8", "surrogatepass"), b"jetbot")
        return base64.urlsafe_b64encode(nonce + sealed).decode("ascii")

    def unseal(self, token: str) -> str:
        """The text :meth:`seal` sealed (raises ``ValueError`` on a damaged or foreign token)."""
        try:
            raw = base64.urlsafe_b64decode(token.encode("ascii"))
            return self._aead.decrypt(raw[:12], raw[12:], b"jetbot").decode("utf-8", "surrogatepass")
        except Exception as error:  # InvalidTag, binascii.Error, …: one kind of failure for callers
            raise ValueError("sealed value is damaged or was sealed with another key") from error

"""Personal data never reaches the inquiry log: masking and pseudonymous user ids.

- :func:`mask_personal_data` replaces phone numbers, e-mail addresses and
  12-digit individual numbers (マイナンバー) by placeholders. The text is
  NFKC-normalised first, so full-width digits, ``＠`` and ``－`` are caught too.
- :func:`pseudonym` turns a LINE/Slack user id into a keyed hash (HMAC-SHA256):
  stable for one secret, useless without it.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata

PHONE, EMAIL, INDIVIDUAL_NUMBER = "[電話番号]", "[メール]", "[個人番号]"

# Separators people type between digit groups (after NFKC): hyphens, dashes, the
# katakana long-vowel mark used as a hyphen, one space, or nothing.
_SEP = r"[\-‐‑‒–—―−ー\s]?"
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
_INTERNATIONAL = re.compile(
    rf"\+\s?81{_SEP}(?:\(0\)\s?)?\(?0?\d{{1,4}}\)?{_SEP}\d{{1,4}}{_SEP}\d{{4}}(?!\d)")
_INDIVIDUAL = re.compile(rf"(?<![\d+])\d{{4}}{_SEP}\d{{4}}{_SEP}\d{{4}}(?!\d)")
_DOMESTIC = re.compile(rf"(?<![\d+])(?:\(0\d{{1,4}}\)|0\d{{1,4}}){_SEP}\d{{1,4}}{_SEP}\d{{3,4}}(?!\d)")


def _phone(match: re.Match[str]) -> str:
    """A Japanese number has 10 digits (landline, 0120) or 11 (mobile, 050)."""
    digits = sum(ch.isdigit() for ch in match.group(0))
    return PHONE if digits in (10, 11) else match.group(0)


def mask_personal_data(text: str) -> str:
    """Return ``text`` (NFKC-normalised) with phone numbers, e-mails and individual numbers masked.

    >>> mask_personal_data("０９０－１２３４－５６７８ か taro@example.jp まで")
    '[電話番号] か [メール] まで'
    """
    text = unicodedata.normalize("NFKC", text)
    text = _EMAIL.sub(EMAIL, text)
    text = _INTERNATIONAL.sub(PHONE, text)
    text = _INDIVIDUAL.sub(INDIVIDUAL_NUMBER, text)
    return _DOMESTIC.sub(_phone, text)


def pseudonym(user_id: str, secret: str | bytes, channel: str = "") -> str:
    """Keyed hash of ``channel:user_id`` (hex, 32 characters); never reversible without the secret."""
    key = secret.encode("utf-8") if isinstance(secret, str) else secret
    digest = hmac.new(key, f"{channel}:{user_id}".encode("utf-8"), hashlib.sha256).hexdigest()
    return digest[:32]

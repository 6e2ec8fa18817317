"""Escalations and pending offers in the inquiry log's database (SQLite or PostgreSQL).

Tables ``escalations`` and ``escalation_offers`` (migration 2). Every state change is one atomic statement, so two
processes (or a restart) never record two answers or deliver one twice at the same time:
delivery and Slack posting are *claimed* with a short lease first.
"""
from __future__ import annotations

import json
import secrets
import uuid
from dataclasses import fields
from typing import Any

from bot.core.escalation import (ANSWERED, DELIVERED, FAILED, OPEN, Decision, Escalation, EscalationConfig,
                            Guess, Offer, State, confirm_decision)
from bot.core.privacy import mask_personal_data
from bot.storage.database import Database
from bot.storage.keys import Pseudonyms, Sealer
from bot.core.types import Language

MAX_QUESTION = 5000  # a LINE message can be this long; the team sees it all (cut in the message, whole in the thread)
# escalating users are pseudonymised like their inquiries on the channel that can push answers
USERS = "line"
CONFIRM_LOCK = 727275
LEASE = 120.0   # seconds a claimed delivery or Slack post is left alone by other workers

_COLUMNS = [f.name for f in fields(Escalation)]
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM escalations"
_BUMP = "version = version + 1, lease_until = 0"


def _guesses(text: str) -> tuple[Guess, ...]:
    return tuple(Guess(str(g[0]), str(g[1]), float(g[2])) for g in json.loads(text or "[]"))


def _offer(row: tuple[Any, ...]) -> Offer:
    return Offer(row[0], row[2], row[3], row[4], _guesses(row[5]), float(row[1]), row[6])


class EscalationStore:
    """Escalations and offers over a :class:`Database` (tables from :mod:`bot.storage.migrations`)."""

    def __init__(self, db: Database, pseudonyms: Pseudonyms, sealer: Sealer) -> None:
        self.db = db
        self.pseudonym = pseudonyms.of
        self._sealer = sealer

    def _escalation(self, row: tuple[Any, ...]) -> Escalation:
        values = dict(zip(_COLUMNS, row))
        values["guesses"] = _guesses(values["guesses"])
        if values["line_to"]:  # kept sealed: the raw LINE id never reaches the disk in the clear
            values["line_to"] = self._sealer.unseal(values["line_to"])
        return Escalation(**values)

    # -- offers --------------------------------------------------------------------------------
    def offer(self, user_id: str, question: str, language: Language, guesses: tuple[Guess, ...],
              now: float) -> Offer:
        """Keep a question the user may pass on; its id goes into the postback data."""
        offer = Offer(secrets.token_urlsafe(12), self.pseudonym(user_id, USERS),
                      mask_personal_data(question)[:MAX_QUESTION], language, guesses, now)
        self.db.execute("INSERT INTO escalation_offers (id, created_at, user_hash, question, language, guesses)"
                        " VALUES (?, ?, ?, ?, ?, ?)", (offer.id, now, offer.user_hash, offer.question, language,
                                                       json.dumps([[g.intent_id, g.title, g.score] for g in guesses],
                                                                  ensure_ascii=False)))
        return offer

    def get_offer(self, offer_id: str) -> Offer | None:
        """The offer, whatever its age or owner."""
        rows = self.db.query("SELECT * FROM escalation_offers WHERE id = ?", (offer_id,))
        return _offer(rows[0]) if rows else None

    def drop_offer(self, offer_id: str, user_id: str) -> None:
        """Forget an offer the user declined (only their own, only if not passed on)."""
        self.db.execute("DELETE FROM escalation_offers WHERE id = ? AND user_hash = ? AND escalation_id IS NULL",
                        (offer_id, self.pseudonym(user_id, USERS)))

    def open_count(self, user_id: str) -> int:
        """How many of this LINE user's escalations wait for an answer."""
        rows = self.db.query("SELECT COUNT(*) FROM escalations WHERE user_hash = ? AND state = ?",
                             (self.pseudonym(user_id, USERS), OPEN))
        return int(rows[0][0])

    def confirm(self, offer_id: str, user_id: str, line_to: str, now: float,
                config: EscalationConfig) -> tuple[Decision, int | None]:
        """Turn the offer into an open escalation, atomically with the per-user limit check.

        Returns ``(decision, escalation id)``; the id is the existing one for a duplicate.
        """
        user_hash = self.pseudonym(user_id, USERS)
        with self.db.transaction(lock=CONFIRM_LOCK) as run:  # the limit check and the insert, atomically
            rows = run("SELECT * FROM escalation_offers WHERE id = ?", (offer_id,))
            offer = _offer(rows[0]) if rows else None
            count = run("SELECT COUNT(*) FROM escalations WHERE user_hash = ? AND state = ?", (user_hash, OPEN))
            decision = confirm_decision(offer, user_hash, int(count[0][0]), now, config)
            if decision != "ok" or offer is None:
                return decision, offer.escalation_id if offer and decision == "duplicate" else None
            guesses = json.dumps([[g.intent_id, g.title, g.score] for g in offer.guesses], ensure_ascii=False)
            [(new_id,)] = run(
                "INSERT INTO escalations (state, created_at, user_hash, question, language, guesses, retry_key,"
                " line_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (OPEN, now, user_hash, offer.question, offer.language, guesses, str(uuid.uuid4()),
                 self._sealer.seal(line_to)))
            run("UPDATE escalation_offers SET escalation_id = ? WHERE id = ?", (new_id, offer_id))
        return "ok", int(new_id)

    # -- reading -------------------------------------------------------------------------------
    def get(self, escalation_id: int) -> Escalation | None:
        """One escalation by id."""
        rows = self.db.query(f"{_SELECT} WHERE id = ?", (escalation_id,))
        return self._escalation(rows[0]) if rows else None

    def by_thread(self, channel: str, ts: str) -> Escalation | None:
        """The escalation whose Slack message is ``channel``/``ts``."""
        rows = self.db.query(f"{_SELECT} WHERE slack_channel = ? AND slack_ts = ?", (channel, ts))
        return self._escalation(rows[0]) if rows else None

    def in_state(self, state: State, limit: int = 100) -> list[Escalation]:
        """Escalations in ``state``, oldest first."""
        return [self._escalation(r) for r in self.db.query(
            f"{_SELECT} WHERE state = ? ORDER BY created_at, id LIMIT {int(limit)}", (state,))]

    def to_post(self, now: float) -> list[int]:
        """Open escalations not in Slack yet (and not being posted)."""
        return [int(r[0]) for r in self.db.query(
            "SELECT id FROM escalations WHERE state = ? AND slack_ts IS NULL AND lease_until <= ? ORDER BY id",
            (OPEN, now))]

    def to_deliver(self, now: float, ignore_schedule: bool = False) -> list[int]:
        """Answered escalations whose next delivery attempt is due."""
        return [int(r[0]) for r in self.db.query(
            "SELECT id FROM escalations WHERE state = ? AND lease_until <= ? AND next_attempt_at <= ? ORDER BY id",
            (ANSWERED, now, float("inf") if ignore_schedule else now))]

    def to_sync(self) -> list[int]:
        """Escalations whose Slack message shows an older state."""
        return [int(r[0]) for r in self.db.query(
            "SELECT id FROM escalations WHERE slack_ts IS NOT NULL AND synced_version < version ORDER BY id")]

    # -- transitions ---------------------------------------------------------------------------
    def claim(self, escalation_id: int, state: State, now: float, lease: float = LEASE, owner: str = "") -> bool:
        """Take the escalation for posting (``open``) or delivering (``answered``) for ``lease`` seconds."""
        return self.db.execute("UPDATE escalations SET lease_until = ?, owner = ? WHERE id = ? AND state = ?"
                               " AND lease_until <= ?", (now + lease, owner or None, escalation_id, state, now)) == 1

    def holders(self, now: float) -> list[str]:
        """Owners holding a claim right now."""
        return [str(o) for (o,) in self.db.query("SELECT DISTINCT owner FROM escalations WHERE lease_until > ?"
                                                 " AND owner IS NOT NULL", (now,))]

    def release_owners(self, owners: list[str]) -> int:
        """Free the claims of ``owners`` (processes known to be dead)."""
        if not owners:
            return 0
        marks = ", ".join("?" for _ in owners)
        return self.db.execute(f"UPDATE escalations SET lease_until = 0 WHERE owner IN ({marks})", tuple(owners))

    def posting(self, escalation_id: int, now: float) -> None:
        """A post to the team is about to start: after a crash it may be there although we never heard."""
        self.db.execute("UPDATE escalations SET posting_at = ? WHERE id = ?", (now, escalation_id))

    def posted(self, escalation_id: int, channel: str, ts: str, version: int) -> None:
        """Remember where the Slack message is (it shows ``version``)."""
        self.db.execute("UPDATE escalations SET slack_channel = ?, slack_ts = ?, lease_until = 0,"
                        " synced_version = ? WHERE id = ?", (channel, ts, version, escalation_id))

    def release(self, escalation_id: int) -> None:
        """Give up a claim without changing anything."""
        self.db.execute("UPDATE escalations SET lease_until = 0 WHERE id = ?", (escalation_id,))

    def record_answer(self, escalation_id: int, answer: str, by: str, now: float) -> bool:
        """Record the team's answer; False when it was answered already (only the first counts)."""
        return self.db.execute(
            f"UPDATE escalations SET state = ?, answer = ?, answered_by = ?, answered_at = ?, next_attempt_at = ?,"
            f" {_BUMP} WHERE id = ? AND state = ?", (ANSWERED, answer, by, now, now, escalation_id, OPEN)) == 1

    def delivered(self, escalation_id: int, now: float) -> None:
        """The push was accepted: the LINE user id is no longer needed and is wiped."""
        self.db.execute(f"UPDATE escalations SET state = ?, delivered_at = ?, attempts = attempts + 1, line_to = NULL,"
                        f" last_error = NULL, {_BUMP} WHERE id = ? AND state = ?",
                        (DELIVERED, now, escalation_id, ANSWERED))

    def attempt_failed(self, escalation_id: int, state: State, next_attempt_at: float, error: str) -> None:
        """One more failed delivery: retried at ``next_attempt_at``, or ``failed`` for good (id wiped)."""
        self.db.execute(f"UPDATE escalations SET state = ?, attempts = attempts + 1, next_attempt_at = ?,"
                        f" last_error = ?, line_to = CASE WHEN ? = ? THEN NULL ELSE line_to END, {_BUMP}"
                        f" WHERE id = ? AND state = ?",
                        (state, next_attempt_at, error[:500], state, FAILED, escalation_id, ANSWERED))

    def synced(self, escalation_id: int, version: int) -> None:
        """The Slack message now shows ``version``."""
        self.db.execute("UPDATE escalations SET synced_version = ? WHERE id = ? AND synced_version < ?",
                        (version, escalation_id, version))

    def claim_failure_report(self, escalation_id: int, undo: bool = False) -> bool:
        """Take (or, with ``undo``, give back) the one-time report of a failed delivery."""
        if undo:
            return self.db.execute("UPDATE escalations SET failure_reported = 0 WHERE id = ?", (escalation_id,)) == 1
        return self.db.execute("UPDATE escalations SET failure_reported = 1 WHERE id = ? AND state = ?"
                               " AND failure_reported = 0", (escalation_id, FAILED)) == 1

    def purge(self, offers_before: float, escalations_before: float) -> dict[str, int]:
        """Delete stale offers and escalations past retention; returns how many of each."""
        return {"offers": self.db.execute("DELETE FROM escalation_offers WHERE created_at < ?", (offers_before,)),
                "escalations": self.db.execute("DELETE FROM escalations WHERE created_at < ?", (escalations_before,))}

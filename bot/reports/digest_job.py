"""Sending the weekly digest once per week, whichever of the workers and hosts gets there first.

Every web process looks once a minute; when a week is due (:func:`bot.reports.weekly_digest.due_week`)
it claims the week's key in the store (:class:`bot.storage.digest_claims.DigestClaims`: an atomic
insert) *before* composing and sending, so only the claimant sends. A failure is recorded with its
error; the week is claimed and tried again after a few minutes, by any process, until Monday ends.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import Awaitable, Callable

from bot.reports.weekly_digest import Digest, DueWeek, due_week
from bot.storage.digest_claims import DigestClaims

log = logging.getLogger(__name__)
INTERVAL = 60.0  # seconds between looks


class DigestJob:
    """Claims, composes and sends the due week's digest (see the module docstring)."""

    def __init__(self, claims: DigestClaims, compose: Callable[[DueWeek], Digest],
                 send: Callable[[Digest], Awaitable[None]], owner: str,
                 clock: Callable[[], float] = time.time, interval: float = INTERVAL) -> None:
        self.claims, self.compose, self.send = claims, compose, send
        self.owner, self.clock, self.interval = owner, clock, interval

    async def run_once(self) -> str:
        """One look: ``sent``, ``failed``, ``not due`` or ``taken`` (sent or being sent by another)."""
        week = due_week(self.clock())
        if week is None:
            return "not due"
        if not await asyncio.to_thread(self.claims.claim, week.key, self.owner):
            return "taken"
        try:
            digest = await asyncio.to_thread(self.compose, week)
            await self.send(digest)
        except Exception as exc:  # Slack or the store failed: recorded, tried again later
            log.error("weekly digest %s not sent: %s: %s", week.key, type(exc).__name__, exc)
            await asyncio.to_thread(self.claims.failed, week.key, self.owner, f"{type(exc).__name__}: {exc}")
            return "failed"
        await asyncio.to_thread(self.claims.sent, week.key, self.owner)
        log.info("weekly digest %s sent (%d questions)", week.key, digest.questions)
        return "sent"

    async def run(self, stop: asyncio.Event) -> None:
        """Look every ``interval`` seconds until ``stop`` is set."""
        while not stop.is_set():
            try:
                await self.run_once()
            except Exception:  # the store is away: look again next time
                log.exception("weekly digest: could not check the week")
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(stop.wait(), self.interval)

"""The escalation desk: LINE question → team channel → team answer → push to the user, crash-safe.

Every step is recorded in :class:`~bot.storage.escalations.EscalationStore` before the next one
starts, and :meth:`EscalationDesk.sweep` redoes whatever is left: posts that failed, deliveries
that are due (all answered ones at start-up), team messages showing an old state.
``running()`` sweeps at start and every ``sweep_interval`` seconds while the process lives.
The team's channel and the user's push are ports (:mod:`bot.escalation.ports`).
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import Any, AsyncIterator, Callable

from bot.conversation.processes import dead_owners_here, process_owner
from bot.conversation.background import BackgroundWork, describe
from bot.core.escalation import (ANSWERED, FAILED, OPEN, Decision, Escalation, EscalationConfig, Refusal,
                                 after_failure, answer_refusal, answer_text)
from bot.engine import Engine
from bot.escalation.ports import MessageGone, PushResult, TeamInbox, UserPush
from bot.storage.escalations import EscalationStore

log = logging.getLogger(__name__)


class EscalationDesk:
    """Shared by the channels of one process: the LINE side confirms, the team side answers."""

    def __init__(self, config: EscalationConfig, store: EscalationStore, engine: Engine, team: TeamInbox,
                 push: UserPush, background: BackgroundWork, clock: Callable[[], float] = time.time) -> None:
        self.config, self.store, self.team, self.push = config, store, team, push
        self.engine, self.background, self.clock = engine, background, clock
        self.owner = process_owner()

    # -- the user's side (synchronous: called while building a reply) ---------------------------
    def confirm(self, offer_id: str, user_id: str, push_to: str) -> tuple[Decision, int | None]:
        """Create the escalation (per-user limit applied) and post it to the team in the background."""
        decision, number = self.store.confirm(offer_id, user_id, push_to, self.clock(), self.config)
        if decision == "ok" and number is not None:
            log.info("escalation #%d opened", number)
            self.background.spawn(self.post(number), f"escalation {number} post")
        return decision, number

    # -- the team's side ------------------------------------------------------------------------
    async def answer(self, number: int, user: str, text: str) -> Refusal | None:
        """Record ``user``'s answer and deliver it; returns why not when refused."""
        if not text.strip():
            return "empty"
        try:
            member = await self.team.is_member(user)
        except Exception as error:
            log.error("escalation #%d: membership check failed: %s", number, describe(error))
            return "members_unknown"
        if not member:
            return "not_member"
        refusal = answer_refusal(self.store.get(number))
        if refusal is None and not self.store.record_answer(number, text.strip(), user, self.clock()):
            refusal = answer_refusal(self.store.get(number))
        if refusal:
            return refusal
        log.info("escalation #%d answered", number)
        self.background.spawn(self._finish(number), f"escalation {number} delivery")
        return None

    def open_escalations(self) -> list[Escalation]:
        """The escalations waiting for an answer, oldest first."""
        return self.store.in_state(OPEN)

    # -- the steps, each safe to repeat ---------------------------------------------------------
    async def post(self, number: int) -> None:
        """Put an open escalation into the team's channel (once, even when a crash cut a post short)."""
        now = self.clock()
        if not self.store.claim(number, OPEN, now, owner=self.owner):
            return
        escalation = self.store.get(number)
        if escalation is None or escalation.slack_ts:
            self.store.release(number)
            return
        try:
            ts = await self.team.find(escalation) if escalation.posting_at else None
            if ts is not None:
                log.info("escalation #%d: the post cut short by a restart had landed; adopted", number)
            else:
                self.store.posting(number, self.clock())
                ts = await self.team.post(escalation)
        except Exception as error:
            self.store.release(number)
            log.error("escalation #%d: posting to the team failed, retried later: %s", number, describe(error))
            return
        self.store.posted(number, self.team.channel, ts, escalation.version)

    async def deliver(self, number: int, ignore_schedule: bool = False) -> None:
        """Push the answer to the user (same retry key every time); give up after ``max_attempts``."""
        now = self.clock()
        escalation = self.store.get(number)
        if escalation is None or escalation.state != ANSWERED:
            return
        if (not ignore_schedule and escalation.next_attempt_at > now) or \
                not self.store.claim(number, ANSWERED, now, owner=self.owner):
            return
        escalation = self.store.get(number) or escalation   # as claimed (attempts may have moved on)
        try:
            result = await self.push.push(escalation.line_to or "", answer_text(escalation, self.config.office),
                                          escalation.retry_key)
        except Exception as error:   # counted like any failed attempt, so it cannot loop forever
            log.exception("escalation #%d: push raised", number)
            result = PushResult(False, f"{type(error).__name__}: {error}")
        if result.ok:
            self.store.delivered(number, self.clock())
            log.info("escalation #%d delivered", number)
            return
        state, next_at = after_failure(escalation, self.clock(), self.config)
        self.store.attempt_failed(number, state, next_at, result.error or "")
        log.log(logging.ERROR if state == FAILED else logging.WARNING, "escalation #%d: push attempt %d "
                "failed (%s)%s", number, escalation.attempts + 1, result.error,
                ": giving up" if state == FAILED else "; retried later")

    async def sync(self, number: int) -> None:
        """Update the team's message to the current state; report a final failure in its thread."""
        escalation = self.store.get(number)
        if escalation is None or not escalation.slack_ts or escalation.synced_version >= escalation.version:
            return
        try:
            await self.team.update(escalation)
            if escalation.state == FAILED and self.store.claim_failure_report(number):
                try:
                    await self.team.report_failure(escalation)
                except Exception:
                    self.store.claim_failure_report(number, undo=True)
                    raise
        except MessageGone as gone:
            log.warning("escalation #%d: team message update failed for good (message or channel gone): %s",
                        number, gone)
        except Exception as error:
            log.error("escalation #%d: team message update failed, retried later: %s", number, describe(error))
            return
        self.store.synced(number, escalation.version)

    async def _finish(self, number: int) -> None:
        await self.sync(number)
        await self.deliver(number)
        await self.sync(number)

    async def sweep(self, startup: bool = False) -> None:
        """Redo what is left: posts, due deliveries (every answered one at start-up), team messages."""
        now = self.clock()
        for number in self.store.to_post(now):
            await self.post(number)
        for number in self.store.to_deliver(now, ignore_schedule=startup):
            await self.deliver(number, ignore_schedule=startup)
        for number in self.store.to_sync():
            await self.sync(number)

    @contextlib.asynccontextmanager
    async def running(self, stop_timeout: float = 10.0) -> AsyncIterator[None]:
        """Sweep now and every ``sweep_interval`` seconds until the context exits; a sweep under way
        then finishes (at most ``stop_timeout`` seconds), so a delivery is not left half-reported."""
        stop = asyncio.Event()

        dead = dead_owners_here(self.store.holders(self.clock()))
        if self.store.release_owners(dead):   # a crashed process of this host held them: no need to wait
            log.warning("escalation: took over the claims of stopped process(es) %s", ", ".join(dead))

        async def loop() -> None:
            startup = True
            while not stop.is_set():
                try:
                    await self.sweep(startup)
                except Exception:
                    log.exception("escalation sweep failed")
                startup = False
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(stop.wait(), self.config.sweep_interval)

        task = asyncio.create_task(loop(), name="escalation sweep")
        try:
            yield
        finally:
            stop.set()
            try:
                await asyncio.wait_for(task, stop_timeout)
            except asyncio.TimeoutError:
                log.warning("escalation sweep did not finish within %.0f s; stopped", stop_timeout)

    def status(self) -> dict[str, Any]:
        """For ``/healthz``."""
        return {"enabled": True, "channel": self.config.channel, "open": len(self.store.in_state(OPEN))}


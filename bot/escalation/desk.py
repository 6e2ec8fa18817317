"""The escalation desk: LINE question → Slack channel → team answer → LINE push, crash-safe.

Every step is recorded in :class:`~bot.storage.escalations.EscalationStore` before the next one
starts, and :meth:`EscalationDesk.sweep` redoes whatever is left: Slack posts that failed,
deliveries that are due (all answered ones at start-up), Slack messages showing an old state.
``running()`` sweeps at start and every ``sweep_interval`` seconds while the web process lives.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import Any, AsyncIterator, Callable

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.escalation_blocks import EMPTY, MEMBERS_UNKNOWN, NOT_MEMBER, admin_list, failure_note
from adapters.line.escalation import LinePusher, PushResult, answer_messages
from adapters.slack.escalation import SlackEscalationChannel
from bot.web.background import BackgroundWork
from bot.engine import Engine
from bot.escalation.rules import (ANSWERED, FAILED, OPEN, Decision, EscalationConfig, after_failure, answer_refusal,
                            answer_text)
from bot.storage.escalations import EscalationStore
from bot.settings import Settings

log = logging.getLogger(__name__)
GONE = ("message_not_found", "channel_not_found", "cant_update_message", "is_archived")


class EscalationDesk:
    """Shared by the LINE webhook and the Slack listeners of one web process."""

    def __init__(self, config: EscalationConfig, store: EscalationStore, engine: Engine,
                 slack: SlackEscalationChannel, pusher: LinePusher, background: BackgroundWork,
                 clock: Callable[[], float] = time.time) -> None:
        self.config, self.store, self.slack, self.pusher = config, store, slack, pusher
        self.engine, self.background, self.clock = engine, background, clock

    # -- LINE side (synchronous: called while building a reply) ----------------------------------
    def confirm(self, offer_id: str, user_id: str, line_to: str) -> tuple[Decision, int | None]:
        """Create the escalation (per-user limit applied) and post it to Slack in the background."""
        decision, number = self.store.confirm(offer_id, user_id, line_to, self.clock(), self.config)
        if decision == "ok" and number is not None:
            log.info("escalation #%d opened", number)
            self.background.spawn(self.post(number), f"escalation {number} post")
        return decision, number

    # -- Slack side ------------------------------------------------------------------------------
    async def answer(self, number: int, user: str, text: str) -> str | None:
        """Record ``user``'s answer and deliver it; returns the reason when refused."""
        text = text.strip()
        if not text:
            return EMPTY
        try:
            member = await self.slack.is_member(user)
        except Exception as error:
            log.error("escalation #%d: membership check failed: %s", number, _describe(error))
            return MEMBERS_UNKNOWN
        if not member:
            return NOT_MEMBER
        refusal = answer_refusal(self.store.get(number))
        if refusal is None and not self.store.record_answer(number, text, user, self.clock()):
            refusal = answer_refusal(self.store.get(number))
        if refusal:
            return refusal
        log.info("escalation #%d answered", number)
        self.background.spawn(self._finish(number), f"escalation {number} delivery")
        return None

    def open_list(self) -> str:
        """``/jet-admin escalations``: the open ones, oldest first."""
        return admin_list(self.store.in_state(OPEN), self.config.channel, self.clock())

    # -- the steps, each safe to repeat ----------------------------------------------------------
    async def post(self, number: int) -> None:
        """Put an open escalation into the Slack channel (once)."""
        now = self.clock()
        if not self.store.claim(number, OPEN, now):
            return
        escalation = self.store.get(number)
        if escalation is None or escalation.slack_ts:
            self.store.release(number)
            return
        try:
            ts = await self.slack.post(escalation)
        except Exception as error:
            self.store.release(number)
            log.error("escalation #%d: Slack post failed, retried later: %s", number, _describe(error))
            return
        self.store.posted(number, self.slack.channel, ts, escalation.version)

    async def deliver(self, number: int, ignore_schedule: bool = False) -> None:
        """Push the answer to LINE (same retry key every time); give up after ``max_attempts``."""
        now = self.clock()
        escalation = self.store.get(number)
        if escalation is None or escalation.state != ANSWERED:
            return
        if (not ignore_schedule and escalation.next_attempt_at > now) or not self.store.claim(number, ANSWERED, now):
            return
        escalation = self.store.get(number) or escalation   # as claimed (attempts may have moved on)
        try:
            result = await self.pusher.push(escalation.line_to or "", answer_messages(
                answer_text(escalation, self.config.office)), escalation.retry_key)
        except Exception as error:   # counted like any failed attempt, so it cannot loop forever
            log.exception("escalation #%d: LINE push raised", number)
            result = PushResult(False, f"{type(error).__name__}: {error}")
        if result.ok:
            self.store.delivered(number, self.clock())
            log.info("escalation #%d delivered to LINE", number)
            return
        state, next_at = after_failure(escalation, self.clock(), self.config)
        self.store.attempt_failed(number, state, next_at, result.error or "")
        log.log(logging.ERROR if state == FAILED else logging.WARNING, "escalation #%d: LINE push attempt %d "
                "failed (%s)%s", number, escalation.attempts + 1, result.error,
                ": giving up" if state == FAILED else "; retried later")

    async def sync(self, number: int) -> None:
        """Update the Slack message to the current state; report a final failure in the thread."""
        escalation = self.store.get(number)
        if escalation is None or not escalation.slack_ts or escalation.synced_version >= escalation.version:
            return
        try:
            await self.slack.update(escalation)
            if escalation.state == FAILED and self.store.claim_failure_report(number):
                try:
                    await self.slack.thread(escalation, failure_note(escalation))
                except Exception:
                    self.store.claim_failure_report(number, undo=True)
                    raise
        except Exception as error:
            gone = isinstance(error, SlackApiError) and error.response.get("error") in GONE
            log.log(logging.WARNING if gone else logging.ERROR, "escalation #%d: Slack update failed%s: %s",
                    number, " for good (message or channel gone)" if gone else ", retried later", _describe(error))
            if not gone:
                return
        self.store.synced(number, escalation.version)

    async def _finish(self, number: int) -> None:
        await self.sync(number)
        await self.deliver(number)
        await self.sync(number)

    async def sweep(self, startup: bool = False) -> None:
        """Redo what is left: posts, due deliveries (every answered one at start-up), Slack updates."""
        now = self.clock()
        for number in self.store.to_post(now):
            await self.post(number)
        for number in self.store.to_deliver(now, ignore_schedule=startup):
            await self.deliver(number, ignore_schedule=startup)
        for number in self.store.to_sync():
            await self.sync(number)
        self.store.purge(now - self.config.offer_ttl, now - self.config.retention_days * 86_400)

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[None]:
        """Sweep now and every ``sweep_interval`` seconds until the context exits."""
        async def loop() -> None:
            startup = True
            while True:
                try:
                    await self.sweep(startup)
                except Exception:
                    log.exception("escalation sweep failed")
                startup = False
                await asyncio.sleep(self.config.sweep_interval)

        task = asyncio.create_task(loop(), name="escalation sweep")
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    def status(self) -> dict[str, Any]:
        """For ``/healthz``."""
        return {"enabled": True, "channel": self.config.channel, "open": len(self.store.in_state(OPEN))}


def _describe(error: Exception) -> str:
    response = getattr(error, "response", None)
    status = getattr(response, "status_code", None)
    return f"{type(error).__name__} (HTTP {status})" if status else f"{type(error).__name__}: {error}"


def build_escalation(settings: Settings, engine: Engine, background: BackgroundWork, store: Any = None,
                     config: EscalationConfig | None = None,
                     clock: Callable[[], float] = time.time) -> EscalationDesk | None:
    """The desk, or ``None`` (logged) when the channel is unset or LINE or Slack is off.

    ``store`` is the inquiry log (:class:`bot.storage.store.Store`); opened from the settings when omitted.
    """
    from adapters.slack.app import retry_handlers

    config = config or EscalationConfig.from_settings(settings)
    missing = [name for name, value in (
        ("JETBOT_ESCALATION_CHANNEL", config.channel), ("LINE_CHANNEL_SECRET", settings.line_channel_secret),
        ("LINE_CHANNEL_ACCESS_TOKEN", settings.line_channel_access_token),
        ("SLACK_SIGNING_SECRET", settings.slack_signing_secret), ("SLACK_BOT_TOKEN", settings.slack_bot_token))
        if not value]
    if missing:
        log.log(logging.INFO if not config.channel else logging.WARNING, "escalation off: %s not set",
                " and ".join(missing))
        return None
    if store is None:
        from bot.storage.store import open_store

        store = open_store(settings)
    base_url = (settings.slack_api_url or AsyncWebClient.BASE_URL).rstrip("/") + "/"
    client = AsyncWebClient(token=settings.slack_bot_token, base_url=base_url, retry_handlers=retry_handlers())
    log.info("escalation on: questions go to Slack channel %s", config.channel)
    return EscalationDesk(config, EscalationStore(store.db, store.pseudonym), engine,
                          SlackEscalationChannel(client, config), LinePusher(str(settings.line_channel_access_token),
                                                                              settings.line_api_url), background,
                          clock)

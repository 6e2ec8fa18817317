"""Wiring of the weekly digest: on in ``jetbot serve`` when ``JETBOT_DIGEST_CHANNEL``, a Slack bot token
and a store are there (the store decides which process sends each week)."""
from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import time
from typing import TYPE_CHECKING, AsyncIterator, Callable

from adapters.slack.digest import SlackDigest
from adapters.slack.listeners import web_client
from bot.engine import Engine
from bot.reports.digest_job import DigestJob
from bot.reports.question_groups import make_key
from bot.reports.weekly_digest import Digest, DueWeek, compose, digest_text, resolution_rate
from bot.settings import Settings
from bot.storage.stores import Stores

if TYPE_CHECKING:
    from bot.web.wiring import Bot

log = logging.getLogger(__name__)


def digest_job(settings: Settings, stores: Stores, engine: Engine, clock: Callable[[], float] = time.time) -> DigestJob:
    """The job that sends the digest to ``settings.digest_channel`` through the Slack Web API."""
    admin_url = f"{settings.public_url}/admin#unanswered" if settings.public_url else "/admin#unanswered"

    def composed(week: DueWeek) -> Digest:
        return compose(stores.stats, week, admin_url, make_key(engine.kb.knowledge.synonyms),
                       resolution_rate(stores, week.since, week.until))

    slack = SlackDigest(web_client(settings.slack), str(settings.digest_channel))

    async def send(digest: Digest) -> None:
        await slack.send(digest_text(digest), digest.admin_url)

    return DigestJob(stores.digests, composed, send, f"{socket.gethostname()}:{os.getpid()}", clock)


@contextlib.asynccontextmanager
async def weekly_digest(settings: Settings, bot: "Bot", engine: Engine,
                        clock: Callable[[], float] = time.time) -> AsyncIterator[None]:
    """Lifespan helper: look for a due digest every minute while the app runs (or do nothing when off)."""
    if not settings.digest_channel or bot.stores is None or not settings.slack.bot_token:
        if settings.digest_channel:
            log.warning("weekly digest off: it needs SLACK_BOT_TOKEN and a store")
        yield
        return
    job = digest_job(settings, bot.stores, engine, clock)
    stop = asyncio.Event()
    task = asyncio.create_task(job.run(stop), name="weekly digest")
    try:
        yield
    finally:
        stop.set()
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

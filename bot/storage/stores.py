"""Every store over one database, opened together: ``open_stores(settings.storage)``.

    stores = open_stores(settings.storage)
    stores.inquiries.record(message, reply, version)    # the inquiry log
    stores.dedupe.claim("line:<event id>")               # True once per key, across processes
    stores.contexts.save(key, Context(...))              # conversation contexts
    stores.inbox.accept(events)                          # the durable inbox of platform events
    stores.feedback.vote(inquiry_id, user_id, "line", helpful=True)   # votes on answers
    stores.versions.publish(snapshot, by="admin")          # the knowledge versions that went live
    stores.escalations, stores.stats, stores.feedback_stats, stores.pseudonyms, stores.digests

Personal data never reaches the database: questions are masked and ids are keyed hashes.
Rows past their keeping time are deleted at open and at most once a day after a write.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable

from bot.core.escalation import EscalationConfig
from bot.settings import StorageSettings
from bot.storage.contexts import ConversationContexts
from bot.storage.database import Database, open_database
from bot.storage.dedupe_keys import DedupeKeys
from bot.storage.delivery_stats import DeliveryStats
from bot.storage.digest_claims import DigestClaims
from bot.storage.escalations import EscalationStore
from bot.storage.feedback import FeedbackStore
from bot.storage.feedback_stats import FeedbackStats
from bot.storage.inbox import Inbox
from bot.storage.inquiry_log import InquiryLog
from bot.storage.inquiry_stats import InquiryStats
from bot.storage.knowledge_versions import KnowledgeVersions
from bot.storage.migrations import migrate
from bot.storage.keys import Pseudonyms, Sealer, resolve_secret
from bot.storage.retention import DAY, Retention


@dataclass(frozen=True)
class Stores:
    """The small stores of one database (see the module docstring)."""

    db: Database
    pseudonyms: Pseudonyms
    inquiries: InquiryLog
    stats: InquiryStats
    dedupe: DedupeKeys
    contexts: ConversationContexts
    escalations: EscalationStore
    retention: Retention
    inbox: Inbox
    deliveries: DeliveryStats
    feedback: FeedbackStore
    feedback_stats: FeedbackStats
    versions: KnowledgeVersions
    digests: DigestClaims

    def close(self) -> None:
        """Close the database connections."""
        self.db.close()


def build_stores(db: Database, settings: StorageSettings, clock: Callable[[], float] = time.time) -> Stores:
    """Migrate ``db`` and put every store over it; purges what is past its time."""
    migrate(db)
    retention = Retention(clock)
    secret = resolve_secret(db, settings.log_secret)
    pseudonyms, sealer = Pseudonyms(secret), Sealer(secret)
    inquiries = InquiryLog(db, pseudonyms, settings.retention_days, retention.after_write, clock)
    dedupe = DedupeKeys(db, on_write=retention.after_write, clock=clock)
    contexts = ConversationContexts(db, pseudonyms, retention.after_write, clock)
    escalations = EscalationStore(db, pseudonyms, sealer)
    inbox = Inbox(db, sealer, retention.after_write, clock)
    feedback = FeedbackStore(db, pseudonyms, settings.retention_days, retention.after_write, clock)
    retention.register("inquiries", inquiries.purge)
    retention.register("dedupe", dedupe.purge)
    retention.register("contexts", contexts.purge)
    retention.register("inbox", inbox.purge)
    retention.register("feedback", feedback.purge)
    retention.register("escalations", lambda now: sum(escalations.purge(
        now - EscalationConfig.offer_ttl, now - settings.retention_days * DAY).values()))
    retention.purge()
    return Stores(db, pseudonyms, inquiries, InquiryStats(db), dedupe, contexts, escalations, retention, inbox,
                  DeliveryStats(db), feedback, FeedbackStats(db),
                  KnowledgeVersions(db, clock), DigestClaims(db, clock))


def open_stores(settings: StorageSettings, clock: Callable[[], float] = time.time) -> Stores:
    """Open the database the settings name (PostgreSQL URL or SQLite path) and every store over it."""
    db = open_database(settings.location, settings.pool_size)
    try:
        return build_stores(db, settings, clock)
    except BaseException:
        db.close()
        raise

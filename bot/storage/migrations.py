"""The schema: one ordered list of migrations, applied once each, in order, by :func:`migrate`.

A migration is ``(version, statements)``; ``{serial_key}`` is filled in per dialect. Add new
tables or columns as a new entry at the end — never edit an applied one. ``meta`` holds the
applied version (``schema_version``) and the pseudonym secret when none is configured.
"""
from __future__ import annotations

from bot.storage.database import Database

SCHEMA_VERSION_KEY = "schema_version"
MIGRATION_LOCK = 727274

MIGRATIONS: list[tuple[int, list[str]]] = [
    (1, [  # inquiry log, webhook dedupe keys, conversation contexts
        """CREATE TABLE IF NOT EXISTS inquiries (
            id {serial_key}, at DOUBLE PRECISION NOT NULL, day TEXT NOT NULL, channel TEXT NOT NULL,
            user_hash TEXT NOT NULL, question TEXT NOT NULL, kind TEXT NOT NULL, intent TEXT,
            top_intent TEXT, score DOUBLE PRECISION NOT NULL, fallback INTEGER NOT NULL,
            language TEXT NOT NULL, version TEXT NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS inquiries_at ON inquiries (at)",
        "CREATE TABLE IF NOT EXISTS dedupe (key TEXT PRIMARY KEY, at DOUBLE PRECISION NOT NULL)",
        "CREATE INDEX IF NOT EXISTS dedupe_at ON dedupe (at)",
        """CREATE TABLE IF NOT EXISTS contexts (
            key TEXT PRIMARY KEY, intent_id TEXT NOT NULL, at DOUBLE PRECISION NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS contexts_at ON contexts (at)",
    ]),
    (2, [  # escalations to the ministry team (IF NOT EXISTS: earlier versions created these on their own)
        """CREATE TABLE IF NOT EXISTS escalations (
            id {serial_key}, state TEXT NOT NULL, created_at DOUBLE PRECISION NOT NULL,
            user_hash TEXT NOT NULL, question TEXT NOT NULL, language TEXT NOT NULL, guesses TEXT NOT NULL,
            retry_key TEXT NOT NULL, line_to TEXT, slack_channel TEXT, slack_ts TEXT, answer TEXT,
            answered_by TEXT, answered_at DOUBLE PRECISION, attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at DOUBLE PRECISION NOT NULL DEFAULT 0, last_error TEXT,
            delivered_at DOUBLE PRECISION, version INTEGER NOT NULL DEFAULT 1,
            synced_version INTEGER NOT NULL DEFAULT 0, lease_until DOUBLE PRECISION NOT NULL DEFAULT 0,
            failure_reported INTEGER NOT NULL DEFAULT 0)""",
        "CREATE INDEX IF NOT EXISTS escalations_state ON escalations (state, created_at)",
        "CREATE INDEX IF NOT EXISTS escalations_user ON escalations (user_hash, state)",
        "CREATE INDEX IF NOT EXISTS escalations_thread ON escalations (slack_channel, slack_ts)",
        """CREATE TABLE IF NOT EXISTS escalation_offers (
            id TEXT PRIMARY KEY, created_at DOUBLE PRECISION NOT NULL, user_hash TEXT NOT NULL,
            question TEXT NOT NULL, language TEXT NOT NULL, guesses TEXT NOT NULL, escalation_id INTEGER)""",
        "CREATE INDEX IF NOT EXISTS escalation_offers_at ON escalation_offers (created_at)",
        "DELETE FROM meta WHERE key = 'escalation_schema_version'",
    ]),
    (3, [  # the durable inbox (an event is stored before its webhook is acknowledged); delivery per inquiry
        """CREATE TABLE IF NOT EXISTS inbox (
            key TEXT PRIMARY KEY, channel TEXT NOT NULL, state TEXT NOT NULL,
            received_at DOUBLE PRECISION NOT NULL, payload TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0, lease_until DOUBLE PRECISION NOT NULL DEFAULT 0, owner TEXT,
            sending_at DOUBLE PRECISION, outcome TEXT, detail TEXT, done_at DOUBLE PRECISION, inquiry TEXT)""",
        "CREATE INDEX IF NOT EXISTS inbox_open ON inbox (state, lease_until)",
        "CREATE INDEX IF NOT EXISTS inbox_received ON inbox (received_at)",
        "ALTER TABLE inquiries ADD COLUMN ref TEXT",
        "ALTER TABLE inquiries ADD COLUMN event_key TEXT",
        "ALTER TABLE inquiries ADD COLUMN delivery TEXT",
        "ALTER TABLE inquiries ADD COLUMN delivery_detail TEXT",
        "CREATE UNIQUE INDEX IF NOT EXISTS inquiries_ref ON inquiries (ref)",
        "CREATE UNIQUE INDEX IF NOT EXISTS inquiries_event ON inquiries (event_key)",
    ]),
    (4, [  # the conversation's language (the help for noise comes in it); App Home's "your last questions"
        "ALTER TABLE contexts ADD COLUMN language TEXT",
        "CREATE INDEX IF NOT EXISTS inquiries_user ON inquiries (user_hash, at)",
    ]),
    (5, [  # escalations: who holds a claim (a dead process's claims are taken over at once), and that a
           # post to the team was started (after a crash the message is looked for before posting again)
        "ALTER TABLE escalations ADD COLUMN owner TEXT",
        "ALTER TABLE escalations ADD COLUMN posting_at DOUBLE PRECISION",
    ]),
    (6, [  # feedback on answers: one vote per inquiry and voter (the latest counts); the "did you mean"
           # choices an answer offered (a 「解決しない」 offers them again)
        """CREATE TABLE IF NOT EXISTS feedback (
            inquiry TEXT NOT NULL, voter TEXT NOT NULL, channel TEXT NOT NULL, helpful INTEGER NOT NULL,
            comment TEXT, at DOUBLE PRECISION NOT NULL, PRIMARY KEY (inquiry, voter))""",
        "CREATE INDEX IF NOT EXISTS feedback_at ON feedback (at)",
        "ALTER TABLE inquiries ADD COLUMN choices TEXT",
    ]),
    (7, [  # the triage queue: decisions per question (bot/storage/triage.py), and the audit of YAML writes
        """CREATE TABLE IF NOT EXISTS triage_marks (
            question_key TEXT PRIMARY KEY, status TEXT NOT NULL, intent TEXT, at DOUBLE PRECISION NOT NULL,
            who TEXT NOT NULL)""",
        """CREATE TABLE IF NOT EXISTS knowledge_edits (
            id {serial_key}, at DOUBLE PRECISION NOT NULL, who TEXT NOT NULL, action TEXT NOT NULL,
            file TEXT NOT NULL, detail TEXT NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS knowledge_edits_at ON knowledge_edits (at)",
    ]),
    (8, [  # every knowledge version that went live (the newest is the published one), and the weekly
           # digest's claims (one row per week: sent once, whichever process claims it)
        """CREATE TABLE IF NOT EXISTS knowledge_versions (
            id {serial_key}, hash TEXT NOT NULL, at DOUBLE PRECISION NOT NULL, by TEXT NOT NULL,
            note TEXT, changes TEXT NOT NULL, files TEXT)""",
        "CREATE INDEX IF NOT EXISTS knowledge_versions_hash ON knowledge_versions (hash)",
        """CREATE TABLE IF NOT EXISTS weekly_digests (
            week TEXT PRIMARY KEY, state TEXT NOT NULL, owner TEXT NOT NULL, claimed_at DOUBLE PRECISION NOT NULL,
            lease_until DOUBLE PRECISION NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at DOUBLE PRECISION NOT NULL DEFAULT 0, sent_at DOUBLE PRECISION, error TEXT)""",
    ]),
    (9, [  # the roles a conversation's questions named (a follow-up keeps asking about them)
        "ALTER TABLE contexts ADD COLUMN names TEXT",
    ]),
    (10, [  # the topics a conversation moved away from (「さっきの人数」 points back past the last answer)
        "ALTER TABLE contexts ADD COLUMN earlier TEXT",
    ]),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]


def migrate(db: Database) -> int:
    """Apply the migrations not applied yet (idempotent; safe when several processes start together)."""
    with db.transaction(lock=MIGRATION_LOCK) as run:
        run("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        rows = run("SELECT value FROM meta WHERE key = ?", (SCHEMA_VERSION_KEY,))
        current = int(rows[0][0]) if rows else 0
        for version, statements in MIGRATIONS:
            if version > current:
                for statement in statements:
                    run(statement.format(serial_key=db.dialect.serial_key))
                current = version
        run("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (SCHEMA_VERSION_KEY, str(current)))
    return current

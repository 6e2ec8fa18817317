"""Every knowledge version that went live, newest last: the newest row is the *published* version.

A row holds the content hash, when, by whom (``admin``, ``watch``, ``sighup``, ``rollback``,
``cli``, ``startup``…), what changed against the row before it (:class:`bot.core.snapshot.Changes`)
and the YAML itself (every file of ``intents/`` and ``knowledge/``). The YAML of the newest
:data:`KEEP` rows is kept; older rows keep their hash, time and summary (so a host whose disk holds
an old version knows it is old) but lose their YAML. :meth:`KnowledgeVersions.publish` is atomic
across processes: two hosts publishing the same files at once record it once.
"""
from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from typing import Any, Callable

from bot.core.snapshot import Changes, KnowledgeSnapshot, changes
from bot.storage.database import Database, Run

KEEP = 50                # versions whose YAML is kept (rollback targets)
PUBLISH_LOCK = 727275    # serialises publishing across processes (PostgreSQL advisory lock)
_COLUMNS = "id, hash, at, by, note, changes"


@dataclass(frozen=True)
class KnowledgeVersion:
    """One recorded version; ``snapshot`` is ``None`` unless asked for, or once pruned."""

    id: int
    hash: str
    at: float
    by: str
    note: str | None
    changes: Changes
    snapshot: KnowledgeSnapshot | None = None
    has_yaml: bool = True


def _version(row: tuple[Any, ...], files: str | None = None, with_files: bool = False) -> KnowledgeVersion:
    snapshot = KnowledgeSnapshot.of(json.loads(files)) if with_files and files else None
    return KnowledgeVersion(int(row[0]), row[1], float(row[2]), row[3], row[4], Changes.from_json(json.loads(row[5])),
                            snapshot, files is not None if with_files else True)


class KnowledgeVersions:
    """The versions table (see the module docstring)."""

    def __init__(self, db: Database, clock: Callable[[], float] = time.time, keep: int = KEEP) -> None:
        self.db = db
        self._clock = clock
        self._keep = keep

    def latest(self) -> tuple[int, str] | None:
        """``(id, hash)`` of the published version (cheap: polled every second by each host)."""
        rows = self.db.query("SELECT id, hash FROM knowledge_versions ORDER BY id DESC LIMIT 1")
        return (int(rows[0][0]), rows[0][1]) if rows else None

    def publish(self, snapshot: KnowledgeSnapshot, by: str, note: str | None = None) -> KnowledgeVersion | None:
        """Record ``snapshot`` as the published version, unless it already is (then ``None``)."""
        with self.db.transaction(lock=PUBLISH_LOCK) as run:
            rows = run(f"SELECT {_COLUMNS}, files FROM knowledge_versions ORDER BY id DESC LIMIT 1")
            previous = _version(rows[0], rows[0][6], with_files=True) if rows else None
            if previous is not None and previous.hash == snapshot.version:
                return None
            what = changes(previous.snapshot if previous else None, snapshot)
            now = self._clock()
            inserted = run("INSERT INTO knowledge_versions (hash, at, by, note, changes, files) "
                           "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                           (snapshot.version, now, by, note, json.dumps(what.to_json(), ensure_ascii=False),
                            json.dumps(snapshot.as_dict(), ensure_ascii=False)))
            self._prune(run, int(inserted[0][0]))
        return KnowledgeVersion(int(inserted[0][0]), snapshot.version, now, by, note, what, snapshot)

    def _prune(self, run: Run, newest: int) -> None:
        run("UPDATE knowledge_versions SET files = NULL WHERE id <= ? AND files IS NOT NULL", (newest - self._keep,))

    def history(self, limit: int = KEEP) -> list[KnowledgeVersion]:
        """The newest ``limit`` versions, newest first (without their YAML)."""
        rows = self.db.query(f"SELECT {_COLUMNS}, files IS NOT NULL FROM knowledge_versions ORDER BY id DESC LIMIT ?",
                             (limit,))
        return [KnowledgeVersion(int(r[0]), r[1], float(r[2]), r[3], r[4], Changes.from_json(json.loads(r[5])),
                                 has_yaml=bool(r[6])) for r in rows]

    def find(self, ref: str) -> KnowledgeVersion | None:
        """The version a person means by ``ref`` (with its YAML): ``#12``/``12`` (its number) or a
        hash or hash prefix of at least 4 characters (the newest version with that content)."""
        number = ref.strip().removeprefix("#")
        if number.isdigit() and (ref.strip().startswith("#") or len(number) < 4):
            return self.get(int(number))
        prefix = number.lower()
        if not re.fullmatch(r"[0-9a-f]{4,64}", prefix):
            return None
        rows = self.db.query(f"SELECT {_COLUMNS}, files FROM knowledge_versions WHERE hash LIKE ? "
                             "ORDER BY id DESC LIMIT 1", (prefix[:12] + "%",))
        return _version(rows[0], rows[0][6], with_files=True) if rows else None

    def get(self, version_id: int) -> KnowledgeVersion | None:
        """Version number ``version_id`` with its YAML (``None``: no such version)."""
        rows = self.db.query(f"SELECT {_COLUMNS}, files FROM knowledge_versions WHERE id = ?", (version_id,))
        return _version(rows[0], rows[0][6], with_files=True) if rows else None

    def before(self, version_id: int) -> KnowledgeVersion | None:
        """The version recorded just before number ``version_id`` (with its YAML), if any."""
        rows = self.db.query(f"SELECT {_COLUMNS}, files FROM knowledge_versions WHERE id < ? ORDER BY id DESC LIMIT 1",
                             (version_id,))
        return _version(rows[0], rows[0][6], with_files=True) if rows else None

    def knows(self, content_hash: str) -> bool:
        """Whether a version with this content was ever published (pruned ones included)."""
        return bool(self.db.query("SELECT 1 FROM knowledge_versions WHERE hash = ? LIMIT 1", (content_hash,)))

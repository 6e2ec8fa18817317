"""``jetbot versions`` (list, or one version's diff) and ``jetbot rollback REF``.

A rollback from the command line checks that the version still loads, publishes it in the store as
a new version (by ``cli``) and writes its YAML into ``--intents``/``--knowledge`` atomically; every
running ``jetbot serve`` on the same store takes it within a couple of seconds (the one on this
host also through its file watcher).
"""
from __future__ import annotations

import argparse
import contextlib
import tempfile
import time
from pathlib import Path
from typing import Iterator, TextIO

from bot.core.snapshot import unified_diff
from bot.settings import Settings
from bot.storage.stores import Stores, open_stores
from bot.versions.folders import write_snapshot
from bot.versions.publisher import loads


def add_arguments(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    """The ``versions`` and ``rollback`` subcommands."""
    versions = sub.add_parser("versions", parents=[common], help="the knowledge versions that went live")
    versions.add_argument("--diff", metavar="REF", help="show what version REF (#number or hash) changed")
    versions.add_argument("--limit", type=int, default=50, help="how many versions to list (default 50)")
    rollback = sub.add_parser("rollback", parents=[common], help="make an earlier knowledge version live again")
    rollback.add_argument("ref", metavar="HASH", help="the version's hash (or a prefix), or #number")


@contextlib.contextmanager
def _opened_stores(settings: Settings, out: TextIO, command: str) -> Iterator[Stores | None]:
    """The stores ``jetbot serve`` uses, closed afterwards; ``None`` (and a message) when the SQLite file
    does not exist (opening it would create an empty one)."""
    if not (settings.storage.database_url or Path(settings.storage.db_path).exists()):
        out.write(f"jetbot {command}: no store at {settings.storage.db_path} (set JETBOT_DB_PATH or DATABASE_URL to "
                  "the one jetbot serve uses)\n")
        yield None
        return
    stores = open_stores(settings.storage)
    try:
        yield stores
    finally:
        stores.close()


def run_versions(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    """``jetbot versions``: newest first; ``--diff REF``: one version's unified diff."""
    with _opened_stores(settings, out, "versions") as stores:
        if stores is None:
            return 1
        versions = stores.versions
        if args.diff:
            version = versions.find(args.diff)
            if version is None:
                out.write(f"jetbot versions: no version {args.diff!r}\n")
                return 1
            previous = versions.before(version.id)
            out.write(f"#{version.id} {version.hash} by {version.by}: {version.changes.summary()}\n")
            if version.snapshot is None or (previous is not None and previous.snapshot is None):
                out.write("(YAML pruned: no diff)\n")
            else:
                out.write(unified_diff(previous.snapshot if previous else None, version.snapshot))
            return 0
        history = versions.history(args.limit)
        if not history:
            out.write("no knowledge version recorded yet (jetbot serve records them)\n")
        for n, v in enumerate(history):
            when = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(v.at))
            mark = "  (live)" if n == 0 else ("" if v.has_yaml else "  (YAML pruned)")
            note = f" [{v.note}]" if v.note else ""
            out.write(f"#{v.id:<4d} {v.hash}  {when} UTC  {v.by:<10s} {v.changes.summary()}{note}{mark}\n")
        return 0


def run_rollback(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    """``jetbot rollback REF``: 0 when published, 1 when there is no such version or it does not load."""
    with _opened_stores(settings, out, "rollback") as stores:
        if stores is None:
            return 1
        versions = stores.versions
        version = versions.find(args.ref)
        if version is None:
            out.write(f"jetbot rollback: no version {args.ref!r} (see jetbot versions)\n")
            return 1
        if version.snapshot is None:
            out.write(f"jetbot rollback: version #{version.id} ({version.hash}) no longer has its YAML\n")
            return 1
        head = versions.latest()
        if head is not None and head[1] == version.hash:
            out.write(f"version {version.hash} is already the published version (#{head[0]})\n")
            return 0
        with tempfile.TemporaryDirectory(prefix="jetbot-rollback-") as scratch:
            errors = loads(version.snapshot, Path(scratch))
        if errors:
            out.write(f"jetbot rollback: version #{version.id} does not load with this code:\n" + "\n".join(errors) + "\n")
            return 1
        published = versions.publish(version.snapshot, "cli", f"rollback to #{version.id} ({version.hash})")
        write_snapshot(version.snapshot, args.intents, args.knowledge)
        number = f"#{published.id}" if published else "the published version"
        out.write(f"rolled back to #{version.id} ({version.hash}) as {number}; running servers take it within seconds\n")
        return 0

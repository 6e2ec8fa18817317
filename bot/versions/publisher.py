"""Knowledge versions over the reloader: each version that goes live is published in the store,
rollbacks go live through the reload, and every host follows the published version.

- **Recording**: whenever a reload makes new knowledge live (file watcher, ``SIGHUP``, ``/admin``,
  a triage edit, an import, a rollback…) the folder's snapshot is published in the store
  (:class:`bot.storage.knowledge_versions.KnowledgeVersions`), by the reload's trigger, unless it
  already is the published version (another host's edit arriving here).
- **Rollback**: the version's YAML is written into this host's folders (atomically, under the
  reload lock) and reloaded; it goes live as a new version. If it no longer loads, the files
  that were there are put back and the live knowledge never changes.
- **Following** (``follow=True``, ``jetbot serve``): every ``poll`` seconds the published version's
  hash is read (one small query); when another host published a newer one, its YAML is written
  here and reloaded. YAML this host cannot load is refused once and not tried again: the last
  good knowledge keeps answering.
- **Start-up** (:func:`reconcile`): a disk holding an older published version takes the newest;
  a disk holding files the store has never seen (a deploy, an edit made while stopped) is
  published as the newest version.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
from pathlib import Path
from typing import AsyncIterator

from bot.core.knowledge_model import KnowledgeError
from bot.core.knowledge import load_knowledge
from bot.core.snapshot import KnowledgeSnapshot
from bot.reload import Reloader, ReloadResult
from bot.storage.knowledge_versions import KnowledgeVersion, KnowledgeVersions
from bot.versions.folders import read_snapshot, write_snapshot

log = logging.getLogger(__name__)
POLL = 1.0  # seconds between looks at the published version
FOLLOW = "published"  # the trigger of reloads that take the published version


def loads(snapshot: KnowledgeSnapshot, scratch: Path) -> list[str]:
    """The ``file:line`` errors of ``snapshot`` when loaded in ``scratch`` (empty: it loads)."""
    write_snapshot(snapshot, scratch / "intents", scratch / "knowledge")
    try:
        load_knowledge(scratch / "intents", scratch / "knowledge")
    except KnowledgeError as exc:
        return [str(e) for e in exc.errors]
    return []


def publish_if_new(versions: KnowledgeVersions, disk: KnowledgeSnapshot, by: str) -> bool:
    """Publish ``disk`` if the store has never seen these files (or has no version yet)."""
    if versions.knows(disk.version):
        return False
    versions.publish(disk, by, "the files on disk at start-up")
    return True


def reconcile(versions: KnowledgeVersions, intents_dir: Path, knowledge_dir: Path, by: str = "startup") -> str:
    """Bring the folders and the store into step before the knowledge is loaded; says what it did.

    Published and on disk alike: nothing. The disk holds an older published version: the newest
    is written to the folders (if it loads). The store has never seen the disk's files (or has
    no version yet): they are published."""
    import tempfile

    disk = read_snapshot(intents_dir, knowledge_dir)
    head = versions.latest()
    if head is not None and head[1] == disk.version:
        return f"knowledge {disk.version} is the published version"
    if publish_if_new(versions, disk, by):
        return f"knowledge {disk.version} on disk published"
    assert head is not None
    newest = versions.get(head[0])
    if newest is None or newest.snapshot is None:
        return f"knowledge {disk.version} kept: the published version has no YAML"
    with tempfile.TemporaryDirectory(prefix="jetbot-check-") as scratch:
        errors = loads(newest.snapshot, Path(scratch))
    if errors:
        log.error("the published knowledge %s does not load here; keeping %s:\n%s", newest.hash, disk.version,
                  "\n".join(errors))
        return f"knowledge {disk.version} kept: the published {newest.hash} does not load here"
    write_snapshot(newest.snapshot, intents_dir, knowledge_dir)
    return f"knowledge {newest.hash} (published #{newest.id}) written over the older {disk.version}"


class KnowledgePublisher:
    """See the module docstring; one per web process, wired to its :class:`Reloader`."""

    def __init__(self, reloader: Reloader, versions: KnowledgeVersions, *, follow: bool = False,
                 poll: float = POLL) -> None:
        self.reloader = reloader
        self.versions = versions
        self.follow = follow
        self.poll = poll
        self.folders = reloader.folders
        self.live: str | None = None                 # snapshot hash of the files live here
        self.started = False                         # start() done (the store may be down at first)
        self._note: str | None = None                # for the version being made live now
        self._unpublished: tuple[KnowledgeSnapshot, str] | None = None   # the store was down
        self._refused: set[str] = set()              # published hashes this host cannot load
        self._busy = asyncio.Lock()                  # one rollback or sync at a time
        reloader.on_live(self._record)

    def status(self) -> dict[str, object]:
        """For ``/healthz`` (admins): the content hash live here, and whether this host follows the store."""
        return {"recorded": True, "live": self.live, "following": self.follow, "refused": sorted(self._refused)}

    async def _record(self, result: ReloadResult) -> None:
        snapshot = await asyncio.to_thread(read_snapshot, *self.folders)
        self.live = snapshot.version
        note, self._note = self._note, None
        if result.trigger == FOLLOW:  # another host's version; a newer one may be published already
            return
        try:
            published = await asyncio.to_thread(self.versions.publish, snapshot, result.trigger, note)
        except Exception:
            self._unpublished = (snapshot, result.trigger)   # published on the next poll
            raise
        if published is not None:
            log.info("knowledge version #%d (%s) published by %s: %s", published.id, published.hash,
                     published.by, published.changes.summary())

    async def _apply(self, snapshot: KnowledgeSnapshot, trigger: str, note: str | None = None) -> ReloadResult:
        """Write ``snapshot`` into the folders and reload; put the old files back if it is rejected."""
        backup: list[KnowledgeSnapshot] = []

        def write() -> None:  # under the reload lock
            backup.append(read_snapshot(*self.folders))
            write_snapshot(snapshot, *self.folders)
            self._note = note

        result = await self.reloader.reload(trigger, prepare=write)
        self._note = None
        if result.status == "unchanged":
            self.live = snapshot.version
        elif result.status == "rejected" and backup:
            await self.reloader.reload(f"{trigger} undone", prepare=lambda: write_snapshot(backup[0], *self.folders))
        return result

    async def rollback(self, version: KnowledgeVersion, by: str = "rollback") -> ReloadResult:
        """Make ``version``'s YAML live again, as a new version (``version`` must carry its snapshot)."""
        if version.snapshot is None:
            raise ValueError(f"version #{version.id} ({version.hash}) no longer has its YAML")
        async with self._busy:
            return await self._apply(version.snapshot, by, f"rollback to #{version.id} ({version.hash})")

    async def start(self) -> None:
        """Start-up: publish the files on disk if the store does not know them, or take the newest."""
        disk = await asyncio.to_thread(read_snapshot, *self.folders)
        await asyncio.to_thread(publish_if_new, self.versions, disk, "startup")
        self.live = disk.version
        self.started = True
        if self.follow:
            await self.catch_up()

    async def catch_up(self) -> bool:
        """Publish what could not be published, then take the published version if it is newer."""
        if self._unpublished is not None:
            snapshot, by = self._unpublished
            await asyncio.to_thread(self.versions.publish, snapshot, by, "published late (the store was down)")
            self._unpublished = None
        head = await asyncio.to_thread(self.versions.latest)
        if head is None or head[1] == self.live or head[1] in self._refused:
            return False
        async with self._busy:
            version = await asyncio.to_thread(self.versions.get, head[0])
            if version is None or version.snapshot is None:
                return False
            result = await self._apply(version.snapshot, FOLLOW)
            if result.status == "rejected":
                self._refused.add(version.hash)
                log.error("published knowledge #%d (%s) does not load here; still serving %s", version.id,
                          version.hash, result.version)
            return result.status == "loaded"

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[None]:
        """Lifespan helper: reconcile at start, then follow the published version until exit."""
        try:
            await self.start()
        except Exception:  # the store is down: serve the disk, retry in the loop
            log.exception("knowledge versions: start-up check failed")
        stop = asyncio.Event()
        task = asyncio.create_task(self._follow(stop), name="knowledge versions") if self.follow else None
        try:
            yield
        finally:
            stop.set()
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task

    async def _follow(self, stop: asyncio.Event) -> None:
        failing = False
        while not stop.is_set():
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(stop.wait(), self.poll)
            try:
                await (self.catch_up() if self.started else self.start())
                failing = False
            except Exception:  # the store is away: keep serving what is live, say so once
                if not failing:
                    log.exception("knowledge versions: could not read the published version")
                failing = True

"""Hot reload of ``intents/`` and ``knowledge/`` while the web process runs.

Three triggers end in :meth:`Reloader.reload`: the file watcher and ``SIGHUP``
(:mod:`bot.reload.watching`) and ``POST /admin/reload``. A reload builds a whole new knowledge base in a worker
thread (``load_kb`` validates while it loads), then swaps it in on the event
loop; requests already running keep the knowledge base they started with. An
invalid edit is rejected: its ``file:line`` errors are logged and shown in
``/healthz`` (``engine.last_rejected``) while the last good version stays live.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Awaitable, Callable

from bot.core.index_cache import load_or_build
from bot.engine import Engine
from bot.core.knowledge_base import KnowledgeBase
from bot.core.knowledge_model import KnowledgeError
from bot.reload.watching import Fingerprint, fingerprint, running as run_triggers, watch as watch_files
from bot.validate import Finding, validate

log = logging.getLogger(__name__)

FINDINGS_WAIT = 2.0  # seconds a page waits for ``validate`` (it builds the whole index) before it says "checking"


@dataclass(frozen=True)
class ReloadResult:
    """What one reload did: ``loaded`` (swapped in), ``unchanged`` or ``rejected``."""

    status: str
    trigger: str
    version: str
    errors: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (the ``POST /admin/reload`` body)."""
        return {"status": self.status, "trigger": self.trigger, "version": self.version,
                "errors": list(self.errors)}


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


class Reloader:
    """Validates and swaps in edited YAML; see the module docstring for the triggers."""

    def __init__(self, engine: Engine, intents_dir: Path, knowledge_dir: Path, *, watch: bool = False,
                 sighup: bool = False, quiet: float = 0.5, step_ms: int = 200, tick_ms: int = 1000,
                 cache_dir: Path | None = None,
                 loader: Callable[[Path, Path], KnowledgeBase] | None = None,
                 checker: Callable[[Path, Path], list[Finding]] = validate) -> None:
        self.engine = engine
        self.folders = (Path(intents_dir), Path(knowledge_dir))
        self.watch_enabled, self.sighup_enabled = watch, sighup
        self.quiet, self.step_ms, self.tick_ms = quiet, step_ms, tick_ms
        self._seen = fingerprint(*self.folders)  # the files as of the last load
        # through the index cache (``cache_dir``): an edit is built once, then shared by workers
        self._loader = loader or (lambda intents, knowledge: load_or_build(intents, knowledge, cache_dir).kb)
        self._lock = asyncio.Lock()
        self._tasks: set[asyncio.Task[Any]] = set()
        self._findings: tuple[Fingerprint, list[Finding]] | None = None
        self._checker = checker
        self._checking: tuple[Fingerprint, asyncio.Task[list[Finding]]] | None = None
        self.watching = False
        self.sighup_installed = False
        self.last: ReloadResult | None = None
        self._on_loaded: list[Callable[[ReloadResult], None]] = []
        self._publishers: list[Callable[[ReloadResult], Awaitable[None]]] = []

    async def reload(self, trigger: str, prepare: Callable[[], None] | None = None) -> ReloadResult:
        """Load the files now; swap them in if valid, else keep the live version and record why.

        ``prepare`` runs first (in a thread, holding the reload lock), e.g. to write a published
        version into the folders: no other reload sees its files half written."""
        async with self._lock:
            if prepare is not None:
                await asyncio.to_thread(prepare)
            for _ in range(3):
                before = self._seen = fingerprint(*self.folders)
                kb, errors = await self._load()
                if fingerprint(*self.folders) == before:
                    break
                await asyncio.sleep(self.quiet)  # being written right now: let the writer finish
            else:
                kb, errors = None, ["the files kept changing while they were being loaded; try again"]
            self.last = self._apply(trigger, kb, errors)
            if self.last.status == "loaded":
                for publish in self._publishers:  # under the lock: the files are the ones just loaded
                    try:
                        await publish(self.last)
                    except Exception:  # e.g. the store is down: the knowledge is live all the same
                        log.exception("recording the knowledge version failed")
                for callback in self._on_loaded:
                    try:
                        callback(self.last)
                    except Exception:  # a listener's bug must not undo or hide the reload
                        log.exception("a reload listener failed")
            return self.last

    def on_live(self, publish: Callable[[ReloadResult], Awaitable[None]]) -> None:
        """Await ``publish`` each time a new version goes live, before the reload lock is let go."""
        self._publishers.append(publish)

    def on_loaded(self, callback: Callable[[ReloadResult], None]) -> None:
        """Call ``callback`` (on the event loop) each time a new version goes live."""
        self._on_loaded.append(callback)

    async def _load(self) -> tuple[KnowledgeBase | None, list[str]]:
        try:
            return await asyncio.to_thread(self._loader, *self.folders), []
        except KnowledgeError as exc:
            return None, [str(e) for e in exc.errors]
        except OSError as exc:  # e.g. a file renamed away between listing and reading
            return None, [f"could not read the YAML: {exc}"]
        except Exception as exc:  # a loader bug tripped by this edit: reject it, keep serving
            log.exception("loading the YAML failed")
            return None, [f"could not load the YAML ({type(exc).__name__}: {exc})"]

    def _apply(self, trigger: str, kb: KnowledgeBase | None, errors: list[str]) -> ReloadResult:
        live = self.engine.kb.version
        if kb is None:
            self.engine.last_rejected = {"at": _now(), "trigger": trigger, "errors": errors}
            log.error("reload (%s) rejected; still serving knowledge %s:\n%s", trigger, live, "\n".join(errors))
            return ReloadResult("rejected", trigger, live, tuple(errors))
        if kb.version == live:
            self.engine.last_rejected = None
            log.info("reload (%s): knowledge %s unchanged", trigger, live)
            return ReloadResult("unchanged", trigger, live)
        self.engine.swap(kb)
        log.info("reload (%s): knowledge %s is live (was %s), %d intents", trigger, kb.version, live,
                 len(kb.intents))
        return ReloadResult("loaded", trigger, kb.version)

    async def findings(self, wait: float = FINDINGS_WAIT) -> list[Finding] | None:
        """``bot.validate`` findings for the files on disk now, cached until they change; ``None`` when
        the check has not finished within ``wait`` seconds (it goes on: a later call gets it)."""
        current = fingerprint(*self.folders)
        if self._findings is not None and self._findings[0] == current:
            return self._findings[1]
        if self._checking is None or self._checking[0] != current:
            self._checking = (current, asyncio.get_running_loop().create_task(self._check(current)))
        task = self._checking[1]
        done, _ = await asyncio.wait({task}, timeout=wait)
        return task.result() if done else None

    async def _check(self, current: Fingerprint) -> list[Finding]:
        found = await asyncio.to_thread(self._checker, *self.folders)
        self._findings = (current, found)
        return found

    def status(self) -> dict[str, Any]:
        """How edits reach the live version (for ``/healthz``)."""
        return {"watching": self.watching, "sighup": self.sighup_installed,
                "last": self.last.to_dict() if self.last else None}

    def request(self, trigger: str) -> None:
        """Start a reload in the background (signal handlers cannot await)."""
        task = asyncio.get_running_loop().create_task(self.reload(trigger))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def cancel_pending(self) -> None:
        """Cancel the reloads :meth:`request` started that have not finished (at shutdown)."""
        for task in list(self._tasks):
            task.cancel()

    def changed_since_load(self) -> bool:
        """Whether the YAML on disk differs from the files of the last load."""
        return fingerprint(*self.folders) != self._seen

    async def watch(self, stop: asyncio.Event) -> None:
        """Reload after each burst of YAML edits until ``stop`` is set (:mod:`bot.reload.watching`)."""
        await watch_files(self, stop)

    def running(self) -> contextlib.AbstractAsyncContextManager[None]:
        """Lifespan helper: start the watcher and the SIGHUP handler, stop them on exit."""
        return run_triggers(self)

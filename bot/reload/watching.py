"""How edits reach the :class:`~bot.reload.reloader.Reloader` without a request: the file watcher
(``watchfiles``, debounced, then held until the files stop changing) and ``SIGHUP``, started and stopped
with the web process (:func:`running`)."""
from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
from pathlib import Path
from typing import Any, AsyncIterator, Protocol

from watchfiles import Change, awatch

log = logging.getLogger(__name__)

YAML_SUFFIXES = (".yaml", ".yml")
Fingerprint = tuple[tuple[str, int, int], ...]


class Reloader(Protocol):
    """What the triggers need of :class:`bot.reload.reloader.Reloader`."""

    folders: tuple[Path, ...]
    quiet: float  # seconds the files must stay unchanged before a reload
    step_ms: int
    tick_ms: int
    watch_enabled: bool
    sighup_enabled: bool
    watching: bool
    sighup_installed: bool

    def changed_since_load(self) -> bool: ...
    async def reload(self, trigger: str) -> Any: ...
    def request(self, trigger: str) -> None: ...
    def cancel_pending(self) -> None: ...


def fingerprint(*folders: Path) -> Fingerprint:
    """Name, size and modification time of every YAML file: cheap "did anything change?"."""
    items: list[tuple[str, int, int]] = []
    for folder in folders:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.name.endswith(YAML_SUFFIXES):
                with contextlib.suppress(OSError):
                    stat = entry.stat()
                    items.append((entry.path, stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(items))


def _yaml_only(change: Change, path: str) -> bool:
    return path.endswith(YAML_SUFFIXES)


async def _settle(reloader: Reloader, stop: asyncio.Event) -> None:
    """Return once the YAML has not changed for ``quiet`` seconds (or on stop)."""
    while not stop.is_set():
        before = fingerprint(*reloader.folders)
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(stop.wait(), reloader.quiet)
        if fingerprint(*reloader.folders) == before:
            return


async def watch(reloader: Reloader, stop: asyncio.Event) -> None:
    """Reload after each burst of YAML edits until ``stop`` is set.

    Every ``tick_ms`` without events the files are also compared with the last load, so
    an event missed (at start-up, or a watcher queue overflow) is caught on the next tick.
    """
    folders = [str(f) for f in reloader.folders if f.is_dir()]
    while folders and not stop.is_set():
        try:
            async for changes in awatch(*folders, watch_filter=_yaml_only, step=reloader.step_ms,
                                        rust_timeout=reloader.tick_ms, yield_on_timeout=True,
                                        stop_event=stop):
                reloader.watching = True
                if not changes and not reloader.changed_since_load():
                    continue
                await _settle(reloader, stop)
                if not stop.is_set():
                    await reloader.reload("watch")
        except Exception:  # keep serving; try to watch again shortly
            log.exception("file watcher failed; restarting it")
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(stop.wait(), 1.0)
        finally:
            reloader.watching = False


@contextlib.asynccontextmanager
async def running(reloader: Reloader) -> AsyncIterator[None]:
    """Lifespan helper: start the watcher and the SIGHUP handler, stop them on exit."""
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    watcher = loop.create_task(watch(reloader, stop)) if reloader.watch_enabled else None
    if reloader.sighup_enabled and hasattr(signal, "SIGHUP"):
        try:
            loop.add_signal_handler(signal.SIGHUP, reloader.request, "sighup")
            reloader.sighup_installed = True
        except (NotImplementedError, RuntimeError, ValueError) as exc:
            log.warning("SIGHUP reload unavailable here: %s", exc)
    try:
        yield
    finally:
        if reloader.sighup_installed:
            loop.remove_signal_handler(signal.SIGHUP)
            reloader.sighup_installed = False
        stop.set()
        if watcher is not None:
            try:
                await asyncio.wait_for(watcher, 5.0)
            except asyncio.TimeoutError:
                log.warning("file watcher did not stop in time")
        reloader.cancel_pending()

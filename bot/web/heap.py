"""The garbage collector in the long-running processes (``jetbot serve`` and its answer workers)."""
from __future__ import annotations

import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.reload import Reloader


def freeze_loaded_objects() -> None:
    """Exempt what start-up loaded (the knowledge, the libraries) from the collector's full passes.

    They live as long as the process, yet each full pass walked all of them: at 1,000 intents a pause
    of the event loop of 50-250 ms (≈ 200,000 objects), every few seconds under a LINE load (each
    event's loading-indicator wait lives long enough to be counted towards the next full pass). After
    this a full pass walks only what came later (a few ms). Call it once, when start-up is done.
    """
    gc.collect()
    gc.freeze()


def freeze_reloaded_objects() -> None:
    """After a reload put new knowledge live: freeze it too, as start-up's was.

    Unfrozen first, so that one full pass can free what only the old version used (frozen objects
    in reference cycles are never collected); that pass is the one pause a reload costs."""
    gc.unfreeze()
    freeze_loaded_objects()


def freeze_after_reloads(reloader: Reloader) -> None:
    """Call :func:`freeze_reloaded_objects` each time ``reloader`` puts a new version live."""
    reloader.on_loaded(lambda _result: freeze_reloaded_objects())

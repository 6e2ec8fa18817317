"""The garbage collector in the long-running processes (``jetbot serve`` and its answer workers)."""
from __future__ import annotations

import gc


def freeze_loaded_objects() -> None:
    """Exempt what start-up loaded (the knowledge, the libraries) from the collector's full passes.

    They live as long as the process, yet each full pass walked all of them: at 1,000 intents a pause
    of the event loop of 50-250 ms (≈ 200,000 objects), every few seconds under a LINE load (each
    event's loading-indicator wait lives long enough to be counted towards the next full pass). After
    this a full pass walks only what came later (a few ms). Call it once, when start-up is done.
    """
    gc.collect()
    gc.freeze()

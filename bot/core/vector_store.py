"""Example embeddings kept across builds, keyed by each example's content hash.

A build looks every example up here first and encodes only the texts it does not find, so an
edit to a few intents (or new code, which invalidates the index cache) re-encodes only what
changed instead of every example (the encoder is most of a cold build). The file,
``vectors-<encoder key>.npz`` in the index cache folder, holds the compact rows
(:mod:`bot.core.compact`) of the last builds: sorted keys, int8 rows, scales. It is written
atomically; a damaged or foreign file is ignored (the build then encodes everything).
"""
from __future__ import annotations

import logging
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bot.core.cache_files import atomic_write

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StoredVectors:
    """Compact embeddings by content hash: ``keys`` sorted and unique, one row of ``q``/``scales`` each."""

    keys: np.ndarray
    q: np.ndarray
    scales: np.ndarray

    def find(self, keys: np.ndarray) -> np.ndarray:
        """For each key, its row here, or -1 when it is not stored."""
        if not len(self.keys):
            return np.full(len(keys), -1, dtype=np.int64)
        at = np.minimum(np.searchsorted(self.keys, keys), len(self.keys) - 1)
        return np.where(self.keys[at] == keys, at, -1)

    def merged(self, other: "StoredVectors", limit: int) -> "StoredVectors":
        """``other``'s rows plus as many of these (not in ``other``) as fit in ``limit`` rows."""
        extra = np.flatnonzero(other.find(self.keys) < 0)[: max(0, limit - len(other.keys))]
        keys = np.concatenate([other.keys, self.keys[extra]])
        order = np.argsort(keys, kind="stable")
        return StoredVectors(keys[order], np.concatenate([other.q, self.q[extra]])[order],
                             np.concatenate([other.scales, self.scales[extra]])[order])


def empty(dimensions: int = 512) -> StoredVectors:
    """A store with nothing in it."""
    return StoredVectors(np.zeros(0, np.uint64), np.zeros((0, dimensions), np.int8), np.zeros(0, np.float32))


def store_path(folder: Path, encoder_key: str) -> Path:
    """Where the embeddings of ``encoder_key`` are kept in ``folder``."""
    return folder / f"vectors-{encoder_key}.npz"


def read(folder: Path | None, encoder_key: str) -> StoredVectors:
    """The stored embeddings (an empty store when there is none or it cannot be read)."""
    if folder is None:
        return empty()
    path = store_path(folder, encoder_key)
    try:
        # opened here, not by np.load: it leaves its file open when the archive is damaged
        with open(path, "rb") as file, np.load(file, allow_pickle=False) as data:
            stored = StoredVectors(data["keys"], data["q"], data["scales"])
    except FileNotFoundError:
        return empty()
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, EOFError) as exc:
        log.warning("stored embeddings %s ignored: %s", path, exc)
        return empty()
    ok = (stored.keys.dtype == np.uint64 and stored.q.dtype == np.int8 and stored.q.ndim == 2
          and len(stored.keys) == len(stored.q) == len(stored.scales) and bool(np.all(np.diff(stored.keys) > 0)))
    return stored if ok else empty()


def write(folder: Path, encoder_key: str, stored: StoredVectors) -> None:
    """Replace the stored embeddings atomically (readers see the old file or the new one)."""
    with atomic_write(store_path(folder, encoder_key)) as out:
        np.savez(out, keys=stored.keys, q=stored.q, scales=stored.scales)

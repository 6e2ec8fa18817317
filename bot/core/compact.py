"""Compact sentence vectors: int8 components with one float scale per row.

A unit-length 512-dimension embedding takes 512 bytes instead of 1,024 (float16) or 2,048
(float32). With ``scale = max|x| / 127`` each component is off by at most ``scale / 2``, so a
cosine computed from the compact row is off by at most ``scale / 2 * ||q||_1`` (about 0.005
for these embeddings), far below the gaps the matcher's weights can see.
"""
from __future__ import annotations

import hashlib
from typing import Iterable

import numpy as np

LEVELS = 127


def quantize(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(q, scales)``: int8 rows and float32 scales with ``q[i] * scales[i] ≈ rows[i]``."""
    rows = np.asarray(rows, dtype=np.float32)
    peaks = np.abs(rows).max(axis=1) if rows.size else np.zeros(len(rows), dtype=np.float32)
    scales = np.where(peaks > 0, peaks / LEVELS, 1.0).astype(np.float32)
    q = np.clip(np.rint(rows / scales[:, None]), -LEVELS, LEVELS).astype(np.int8)
    return q, scales


def restore(q: np.ndarray, scales: np.ndarray) -> np.ndarray:
    """The float32 rows a compact matrix stands for."""
    return q.astype(np.float32) * scales[:, None]


def text_keys(texts: Iterable[str]) -> np.ndarray:
    """A 64-bit content hash per text (uint64): the key an embedding is reused under."""
    return np.array([int.from_bytes(hashlib.blake2b(t.encode("utf-8"), digest_size=8).digest(), "little")
                     for t in texts], dtype=np.uint64)

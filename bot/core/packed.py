"""Many short strings packed into arrays instead of one Python object each.

The matcher keeps every example's normalized text for fuzzy scoring but reads only the
shortlisted intents' per question (:class:`PackedGroups`); the speller looks a few keys up in
a deletion index per question (:class:`PackedMapping`). As Python objects they took ~10 and
~20 MB of each worker's private memory at 10,000 intents; as arrays the index cache stores
them raw and workers map them (shared, and only the pages actually read become resident).
"""
from __future__ import annotations

import hashlib
import itertools
from typing import Iterable, Iterator, Mapping, Sequence

import numpy as np


def spans(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """The positions ``starts[k]..ends[k]`` for every ``k``, one span after another (one array)."""
    sizes = ends - starts
    return np.arange(int(sizes.sum())) + np.repeat(starts - (np.cumsum(sizes) - sizes), sizes)


class PackedGroups(Sequence[tuple[str, ...]]):
    """``groups[i]`` gives back the ``i``-th group of strings as a tuple (decoded on each access)."""

    def __init__(self, groups: Sequence[Sequence[str]]) -> None:
        encoded = [text.encode("utf-8") for group in groups for text in group]
        self.data = np.frombuffer(b"".join(encoded), dtype=np.uint8).copy()
        self.offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        self.offsets[1:] = np.cumsum([len(e) for e in encoded])
        self.starts = np.zeros(len(groups) + 1, dtype=np.int64)  # group i: strings starts[i]..starts[i+1]
        self.starts[1:] = np.cumsum([len(group) for group in groups])
        self.lengths = np.array([len(text) for group in groups for text in group], dtype=np.int32)  # in characters

    def __len__(self) -> int:
        return len(self.starts) - 1

    def __getitem__(self, index: int) -> tuple[str, ...]:  # type: ignore[override]
        first, last = self.starts[index:index + 2].tolist()
        start, end = self.offsets[[first, last]].tolist()
        text = self.data[start:end].tobytes().decode("utf-8")  # the whole group at once, then cut
        out, at = [], 0
        for length in self.lengths[first:last].tolist():
            out.append(text[at:at + length])
            at += length
        return tuple(out)

    def many(self, indices: Iterable[int]) -> list[tuple[str, ...]]:
        """Several groups at once, as ``[self[i] for i in indices]`` (one decoding for all of them; read
        through memoryviews: numpy's calls cost more than they save on a few hundred short strings)."""
        starts, offsets = memoryview(self.starts), memoryview(self.offsets)
        lengths, data = memoryview(self.lengths), memoryview(self.data)
        groups = [(starts[i], starts[i + 1]) for i in indices]
        text = b"".join([data[offsets[first]:offsets[last]] for first, last in groups]).decode("utf-8")
        cuts = [0, *itertools.accumulate(itertools.chain.from_iterable(
            [lengths[first:last].tolist() for first, last in groups]))]
        strings = [text[a:b] for a, b in zip(cuts, cuts[1:])]
        bounds = [0, *itertools.accumulate(last - first for first, last in groups)]
        return [tuple(strings[a:b]) for a, b in zip(bounds, bounds[1:])]

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        return (self[i] for i in range(len(self)))

    def string(self, position: int) -> str:
        """The ``position``-th string of all the groups, counted across groups."""
        start, end = self.offsets[position:position + 2].tolist()
        return self.data[start:end].tobytes().decode("utf-8")


def _key_hash(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


class PackedMapping:
    """A read-only ``str -> tuple[str, ...]`` mapping held as arrays (keys found through a 64-bit hash,
    then compared in full): a dict of ~130,000 short keys took ~20 MB per worker; this takes a few
    MB, mapped from the index cache."""

    def __init__(self, mapping: Mapping[str, Iterable[str]]) -> None:
        keys = sorted(mapping, key=lambda k: (_key_hash(k), k))
        self.values = tuple(sorted({v for k in keys for v in mapping[k]}))
        position = {v: i for i, v in enumerate(self.values)}
        self.hashes = np.array([_key_hash(k) for k in keys], dtype=np.uint64)
        self.keys = PackedGroups([keys])
        rows = [sorted(position[v] for v in mapping[k]) for k in keys]
        self.value_ptr = np.zeros(len(keys) + 1, dtype=np.int64)
        self.value_ptr[1:] = np.cumsum([len(r) for r in rows])
        self.value_ids = np.fromiter((v for r in rows for v in r), dtype=np.int32, count=int(self.value_ptr[-1]))

    def __len__(self) -> int:
        return len(self.hashes)

    def get(self, key: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:
        """The values of ``key`` (in sorted order), or ``default``."""
        wanted = np.uint64(_key_hash(key))
        at = int(np.searchsorted(self.hashes, wanted))
        while at < len(self.hashes) and self.hashes[at] == wanted:
            if self.keys.string(at) == key:
                start, end = self.value_ptr[at:at + 2].tolist()
                return tuple(self.values[i] for i in self.value_ids[start:end].tolist())
            at += 1
        return default

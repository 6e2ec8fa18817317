"""BM25 over an inverted index: one field (example words, answer words or reading bigrams) of the matcher.

Term counts are held as arrays, not as a dict per document: a :class:`Vocabulary` numbers the
terms once, :class:`Counts` keeps each document's term ids and counts in two flat arrays (CSR,
one row per document) and a :class:`Field` keeps its postings the same way (one row per term).
At 10,000 intents the dicts took ~40 MB of each worker's private memory; the arrays take a few
MB, and the index cache stores the large ones raw so that workers map them (shared) instead.
"""
from __future__ import annotations

import math
from collections import Counter
from typing import Iterable, Sequence

import numpy as np

from bot.core.packed import spans

# k1 above the usual 1.2: an intent's example field joins all its examples, and a word several of them
# repeat says more about what the intent is about than one mention does before it saturates
K1, B = 1.5, 0.75


class Vocabulary:
    """The terms of one or more fields, numbered (``words[i]`` has id ``i``)."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = list(dict.fromkeys(words))
        self.ids = {word: i for i, word in enumerate(self.words)}

    def __len__(self) -> int:
        return len(self.words)

    def __contains__(self, word: object) -> bool:
        return word in self.ids

    def __getstate__(self) -> tuple[list[str]]:
        return (self.words,)  # the ids are rebuilt on load

    def __setstate__(self, state: tuple[list[str]]) -> None:
        self.__init__(state[0])  # type: ignore[misc]


class Counts:
    """Term counts per document as arrays: row ``i`` is ``ids[indptr[i]:indptr[i + 1]]`` (sorted
    term ids) and the matching ``counts``; ``counts[i]`` gives it back as a ``Counter``."""

    def __init__(self, docs: Sequence[Counter[str]], vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        rows = [sorted((vocabulary.ids[t], c) for t, c in doc.items() if c) for doc in docs]
        self.indptr = np.zeros(len(docs) + 1, dtype=np.int64)
        self.indptr[1:] = np.cumsum([len(r) for r in rows])
        self.ids = np.fromiter((t for r in rows for t, _ in r), dtype=np.int32, count=int(self.indptr[-1]))
        self.counts = np.fromiter((c for r in rows for _, c in r), dtype=np.int32, count=int(self.indptr[-1]))

    def __len__(self) -> int:
        return len(self.indptr) - 1

    def __getitem__(self, doc: int) -> Counter[str]:
        """One document's term counts (made on demand: a few microseconds)."""
        start, end = self.indptr[doc:doc + 2].tolist()
        row: Counter[str] = Counter.__new__(Counter)  # an empty Counter without Counter.__init__'s Python code
        dict.update(row, zip(map(self.vocabulary.words.__getitem__, self.ids[start:end].tolist()),
                             self.counts[start:end].tolist()))  # dict's own update: Counter's is Python code
        return row

    def count(self, doc: int, term: str) -> int:
        """How often ``term`` occurs in document ``doc``."""
        tid = self.vocabulary.ids.get(term)
        if tid is None:
            return 0
        start, end = self.indptr[doc:doc + 2].tolist()
        at = start + int(np.searchsorted(self.ids[start:end], tid))
        return int(self.counts[at]) if at < end and self.ids[at] == tid else 0

    def rows(self, docs: Sequence[int], terms: Iterable[str]) -> list["Row"]:
        """The counts of ``terms`` in each of ``docs``, looked up for all of them at once (a shortlist:
        a few numpy calls instead of a ``Counter`` per document); each reads like ``counts[doc]``."""
        ids = self.vocabulary.ids
        asked = frozenset(terms)
        wanted = np.fromiter(sorted({ids[t] for t in asked if t in ids}), dtype=np.int32)
        found: list[dict[str, int]] = [{} for _ in docs]
        if len(wanted) and len(docs):
            at = np.asarray(docs, dtype=np.intp)
            starts, ends = self.indptr[at], self.indptr[at + 1]
            cells = spans(starts, ends)  # the documents' rows, one after another
            owner = np.repeat(np.arange(len(docs)), ends - starts)  # which document each cell is in
            row_ids = self.ids[cells]
            table = np.zeros(len(self.vocabulary), dtype=bool)  # np.isin sorts: several times slower here
            table[wanted] = True
            hit = table[row_ids]
            words = self.vocabulary.words
            for k, tid, count in zip(owner[hit].tolist(), row_ids[hit].tolist(), self.counts[cells[hit]].tolist()):
                found[k][words[tid]] = count
        return [Row(self, doc, counts, asked) for doc, counts in zip(docs, found)]

    def lengths(self) -> np.ndarray:
        """Each document's length (the sum of its counts), as float32."""
        running = np.concatenate([[0], np.cumsum(self.counts, dtype=np.int64)])
        return (running[self.indptr[1:]] - running[self.indptr[:-1]]).astype(np.float32)

    def document_frequency(self) -> np.ndarray:
        """For each term id, in how many documents it occurs."""
        return np.bincount(self.ids, minlength=len(self.vocabulary))


class Row:
    """One document's counts of the terms asked for in :meth:`Counts.rows` (any other term is looked up
    in the arrays when asked): ``get`` and ``in`` answer as on the ``Counter`` of ``counts[doc]``."""

    __slots__ = ("_counts", "_doc", "_found", "_asked")

    def __init__(self, counts: Counts, doc: int, found: dict[str, int], asked: frozenset[str]) -> None:
        self._counts, self._doc, self._found, self._asked = counts, doc, found, asked

    @property
    def found(self) -> dict[str, int]:
        """The asked terms the document uses, with their counts (reads like the row for those terms)."""
        return self._found

    def get(self, term: str, default: int | None = None) -> int | None:
        """The term's count, or ``default`` when the document does not use it."""
        if term in self._asked:
            return self._found.get(term, default)
        return self._counts.count(self._doc, term) or default

    def __contains__(self, term: object) -> bool:
        return bool(self.get(term)) if isinstance(term, str) else False


def documents_using(*fields: Counts) -> np.ndarray:
    """For each term id of their shared vocabulary, how many documents use it in any of ``fields``."""
    size = len(fields[0].vocabulary)
    pairs = np.concatenate([np.repeat(np.arange(len(f), dtype=np.int64), np.diff(f.indptr)) * size + f.ids
                            for f in fields])
    return np.bincount(np.unique(pairs) % size, minlength=size) if size else np.zeros(0, np.int64)


class Field:
    """An inverted index for one field: per term id, the documents that use it and their BM25 weights."""

    def __init__(self, counts: Counts) -> None:
        self.vocabulary = counts.vocabulary
        self.n = len(counts)
        lengths = counts.lengths()
        self.lengths = lengths
        self.avgdl = float(lengths.mean()) if self.n and lengths.sum() else 1.0
        df = counts.document_frequency()
        self.df = df.astype(np.int32)
        self.idf = np.array([math.log(1 + (self.n - c + 0.5) / (c + 0.5)) if c else 0.0 for c in df.tolist()],
                            dtype=np.float64)
        # document ids as intp: numpy converts any other index type on every fancy index (4x slower)
        docs = np.repeat(np.arange(self.n, dtype=np.intp), np.diff(counts.indptr))
        order = np.argsort(counts.ids, kind="stable")  # by term, documents ascending within a term
        self.post_ptr = np.zeros(len(df) + 1, dtype=np.int64)
        self.post_ptr[1:] = np.cumsum(df)
        self.post_docs = docs[order]
        tf = counts.counts[order].astype(np.float64)
        length = lengths[self.post_docs].astype(np.float64)
        # the arithmetic of :meth:`weight`, step for step, so the weights are bit for bit the same
        norm = K1 * (1 - B + B * length / self.avgdl)
        self.post_weights = (self.idf[counts.ids[order]] * tf * (K1 + 1) / (tf + norm)).astype(np.float32)
        self._idf = self.idf.tolist()

    def __getstate__(self) -> dict[str, object]:
        return {name: value for name, value in vars(self).items() if name != "_idf"}

    def __setstate__(self, state: dict[str, object]) -> None:
        vars(self).update(state)
        self._idf = self.idf.tolist()  # Python floats: read for every question word and candidate

    def idf_of(self, term: str) -> float | None:
        """The term's IDF in this field, or ``None`` when no document of the field uses it."""
        tid = self.vocabulary.ids.get(term)
        return (self._idf[tid] or None) if tid is not None else None  # an IDF is > 0 wherever df > 0

    def weight(self, term: str, tf: float, length: float) -> float:
        """BM25 contribution of ``term`` occurring ``tf`` times in a document of ``length``."""
        if tf <= 0:
            return 0.0
        norm = K1 * (1 - B + B * length / self.avgdl)
        return (self.idf_of(term) or 0.0) * tf * (K1 + 1) / (tf + norm)

    def add_scores(self, scores: np.ndarray, terms: Iterable[str], factor: float) -> None:
        ids = self.vocabulary.ids
        for term in terms:
            tid = ids.get(term)
            if tid is None:
                continue
            start, end = self.post_ptr[tid:tid + 2].tolist()
            if end > start:  # documents are unique within a posting: no np.add.at needed
                weights = self.post_weights[start:end]
                scores[self.post_docs[start:end]] += weights if factor == 1.0 else weights * factor

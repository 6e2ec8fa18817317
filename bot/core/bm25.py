"""BM25 over an inverted index: one field (example words, answer words or reading bigrams) of the matcher."""
from __future__ import annotations

import math
from collections import Counter
from typing import Iterable, Sequence

import numpy as np

K1, B = 1.2, 0.75


class Field:
    """An inverted index for one field: term -> (doc indices, BM25 weights)."""

    def __init__(self, docs: Sequence[Counter[str]]) -> None:
        self.n = len(docs)
        lengths = np.array([sum(d.values()) for d in docs], dtype=np.float32)
        self.lengths = lengths
        self.avgdl = float(lengths.mean()) if self.n and lengths.sum() else 1.0
        df: Counter[str] = Counter()
        for doc in docs:
            df.update(doc.keys())
        self.idf = {t: math.log(1 + (self.n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
        postings: dict[str, tuple[list[int], list[float]]] = {}
        for i, doc in enumerate(docs):
            for term, tf in doc.items():
                ids, weights = postings.setdefault(term, ([], []))
                ids.append(i)
                weights.append(self.weight(term, tf, float(lengths[i])))
        self.postings = {t: (np.array(i, dtype=np.int32), np.array(w, dtype=np.float32))
                         for t, (i, w) in postings.items()}

    def weight(self, term: str, tf: float, length: float) -> float:
        """BM25 contribution of ``term`` occurring ``tf`` times in a document of ``length``."""
        if tf <= 0:
            return 0.0
        norm = K1 * (1 - B + B * length / self.avgdl)
        return self.idf.get(term, 0.0) * tf * (K1 + 1) / (tf + norm)

    def add_scores(self, scores: np.ndarray, terms: Iterable[str], factor: float) -> None:
        for term in terms:
            hit = self.postings.get(term)
            if hit is not None:
                scores[hit[0]] += hit[1] * factor  # ids are unique within a posting: no np.add.at needed

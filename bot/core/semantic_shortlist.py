"""The sentence encoder's part in a ranking: intents to add to a short lexical shortlist, and how
close each shortlisted intent's examples are to the question in meaning."""
from __future__ import annotations

import numpy as np

from bot.core.example_vectors import ExampleVectors

# An intent whose two nearest examples both come close beats one whose single example is close by chance
# (the semantic signal blends them; the best blend of the shortlist is scaled to its best cosine).
SECOND_EXAMPLE = 0.5
# A question whose words few intents share (English against Japanese answers, "Who runs it?") gets
# a short lexical shortlist: the semantically nearest intents fill it. A product over every example
# vector, so only for knowledge bases up to this many examples (this one: ~550; a 1,800-entry FAQ
# with one example each fits; 1,000 intents of 10 examples do not: ~10 ms per question under load).
SEMANTIC_FILL_MAX = 4000


def fills(vectors: ExampleVectors | None, examples: int) -> bool:
    """Whether the semantically nearest intents complete a short shortlist (see :data:`SEMANTIC_FILL_MAX`)."""
    return vectors is not None and examples <= SEMANTIC_FILL_MAX


def nearest(vectors: ExampleVectors, intents: int, vector: np.ndarray, taken: set[int], count: int,
            exclude: tuple[int, int] | None) -> list[int]:
    """The ``count`` intents (of ``intents``) outside ``taken`` whose examples are semantically nearest
    the question; ``exclude=(intent, example)`` keeps a hidden example hidden (leave-one-out)."""
    rest = [i for i in range(intents) if i not in taken]
    sims = vectors.best_of(vector, rest)
    if exclude is not None and exclude[0] not in taken:
        sims[rest.index(exclude[0])] = vectors.best(vector, exclude[0], exclude[1])
    order = np.argsort(-np.asarray(sims, dtype=np.float32))[:count]
    return [rest[int(k)] for k in order if sims[int(k)] > 0]


def semantics(vectors: ExampleVectors | None, top: list[int], vector: np.ndarray | None,
              exclude: tuple[int, int] | None) -> dict[int, float]:
    """Per shortlisted intent, how close its examples are to the question: the nearest example's cosine
    blended with the second nearest (:data:`SECOND_EXAMPLE`), scaled so that the best blend of the
    shortlist counts as its best single cosine, and never above the intent's own nearest example
    (a hidden example left out). One matrix product for the shortlist."""
    if vector is None or vectors is None or not top:
        return {}
    first, second = vectors.nearest_two(vector, top, exclude)
    blend = (1 - SECOND_EXAMPLE) * first.astype(np.float64) + SECOND_EXAMPLE * second
    scale = float(first.max()) / float(blend.max()) if blend.max() > 0 else 1.0
    # Python floats first (as float() of each item gives): iterating the arrays makes a numpy scalar per item
    return {i: max(0.0, min(near, b * scale)) for i, near, b in zip(top, first.tolist(), blend.tolist())}

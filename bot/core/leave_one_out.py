"""Leave-one-out: rank as if one example of one intent were not in the index.

``Matcher.rank(query, exclude=(intent, example))`` hides that example (evaluation, ``jetbot eval
--cross-validate`` and ``jetbot validate``): its BM25 score, its fuzzy comparison, its word and
reading-bigram counts and its sentence vector all leave the intent's index. Only the hidden example is
re-analysed; the rest of the index is read as built.
"""
from __future__ import annotations

from collections import Counter
from typing import NamedTuple, Sequence

from bot.core.ranking_index import RankingIndex



class Hidden(NamedTuple):
    """One intent's examples without the hidden one: their normalized texts, word and bigram counts."""

    norms: list[str]
    vocab: Counter[str]
    grams: Counter[str]


def hidden_example(m: RankingIndex, intent: int, exclude: tuple[int, int] | None,
                   norms: Sequence[str]) -> Hidden | None:
    """Intent ``intent``'s examples without the hidden one (None unless ``exclude`` hides one of its)."""
    if exclude is None or exclude[0] != intent:
        return None
    hidden = m.example_analysis(intent, exclude[1])
    return Hidden([n for j, n in enumerate(norms) if j != exclude[1]],
                  m.ex_docs[intent] - Counter(hidden.terms), m.rd_docs[intent] - Counter(hidden.grams))


def bm25_without(m: RankingIndex, exclude: tuple[int, int], terms: list[str], grams: list[str],
                 weights: dict[str, float], quoted: bool = False) -> float:
    """The BM25 score of intent ``exclude[0]`` with example ``exclude[1]`` taken out of its example and
    reading fields (its answer is unchanged); ``weights``: the field weights of the ranking."""
    doc, example = exclude
    hidden = m.example_analysis(doc, example)
    total = 0.0
    for name, query_terms, hidden_terms, factor in (
        ("ex", terms, Counter(hidden.terms), weights["ex"]),
        ("rd", grams, Counter(hidden.grams), weights["rd"] * (len(terms) + 1) / (len(grams) + 1)),
    ):
        field = m.fields[name]
        counts = (m.ex_docs if name == "ex" else m.rd_docs)[doc] - hidden_terms
        length = sum(counts.values())
        total += factor * sum(field.weight(t, counts.get(t, 0), length) for t in query_terms)
    if quoted:
        return total
    field, answer = m.fields["ans"], m.ans_docs[doc]
    total += weights["ans"] * sum(field.weight(t, answer.get(t, 0), float(field.lengths[doc])) for t in terms)
    return total

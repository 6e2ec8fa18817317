"""BM25 fields held as arrays score exactly like the textbook formula over dicts of term counts."""
from __future__ import annotations

import math
import pickle
from collections import Counter

import numpy as np

from bot.core.bm25 import B, K1, Counts, Field, Vocabulary, documents_using

DOCS = [
    Counter({"住民票": 2, "写し": 1, "窓口": 1}),
    Counter({"ALT": 1, "任用": 2, "期間": 1, "年": 3}),
    Counter(),  # an intent whose answer has no words
    Counter({"CIR": 1, "任用": 1, "住民票": 1}),
    Counter({"窓口": 4}),
]


def textbook_scores(docs: list[Counter[str]], query: list[str]) -> list[float]:
    """BM25 written out over the dicts, as the matcher computed it before term counts became arrays."""
    n = len(docs)
    lengths = [sum(d.values()) for d in docs]
    avgdl = sum(lengths) / n
    df = Counter(t for d in docs for t in d)
    out = []
    for doc, length in zip(docs, lengths):
        total = 0.0
        for term in query:
            tf = doc.get(term, 0)
            if tf:
                idf = math.log(1 + (n - df[term] + 0.5) / (df[term] + 0.5))
                total += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / avgdl))
        out.append(total)
    return out


def field() -> Field:
    return Field(Counts(DOCS, Vocabulary(t for d in DOCS for t in d)))


def test_scores_equal_the_textbook_formula_over_dicts() -> None:
    query = ["住民票", "任用", "窓口", "unknown"]
    scores = np.zeros(len(DOCS), dtype=np.float32)
    field().add_scores(scores, query, 1.0)
    assert np.allclose(scores, textbook_scores(DOCS, query), rtol=1e-6)
    assert scores[2] == 0.0 and scores.argmax() == 0  # the document with two of the words, one twice


def test_each_document_gives_back_its_counts() -> None:
    counts = Counts(DOCS, Vocabulary(t for d in DOCS for t in d))
    assert [counts[i] for i in range(len(DOCS))] == DOCS
    assert counts.count(1, "年") == 3 and counts.count(1, "窓口") == 0 and counts.count(0, "unknown") == 0
    assert counts.lengths().tolist() == [4, 7, 0, 3, 4]


def test_idf_only_for_terms_the_field_uses() -> None:
    vocabulary = Vocabulary(["住民票", "only-in-another-field"])
    f = Field(Counts([Counter({"住民票": 1}), Counter()], vocabulary))
    assert f.idf_of("only-in-another-field") is None and f.idf_of("unknown") is None
    assert f.idf_of("住民票") == math.log(1 + (2 - 1 + 0.5) / (1 + 0.5))
    assert f.weight("住民票", 1, 1.0) > 0 and f.weight("住民票", 0, 1.0) == 0.0


def test_documents_using_counts_each_document_once_across_fields() -> None:
    vocabulary = Vocabulary(["a", "b", "c"])
    examples = Counts([Counter({"a": 2}), Counter({"a": 1, "b": 1})], vocabulary)
    answers = Counts([Counter({"a": 1, "c": 1}), Counter()], vocabulary)
    assert documents_using(examples, answers).tolist() == [2, 1, 1]


def test_a_pickled_field_scores_the_same() -> None:
    original = field()
    copy = pickle.loads(pickle.dumps(original))
    a, b = np.zeros(len(DOCS), np.float32), np.zeros(len(DOCS), np.float32)
    original.add_scores(a, ["任用", "年"], 0.5)
    copy.add_scores(b, ["任用", "年"], 0.5)
    assert a.tolist() == b.tolist() and copy.vocabulary.ids == original.vocabulary.ids


def test_rows_of_a_shortlist_read_like_the_counters_of_its_documents() -> None:
    counts = Counts(DOCS, Vocabulary(t for d in DOCS for t in d))
    docs = [3, 0, 2, 1, 3]
    rows = counts.rows(docs, ["住民票", "任用", "unknown"])
    for doc, row in zip(docs, rows):
        full = counts[doc]
        for term in ["住民票", "任用", "unknown", "窓口", "年"]:  # the last two were not asked: looked up then
            assert row.get(term) == full.get(term) and (term in row) == (term in full)
    assert counts.rows([], ["住民票"]) == [] and counts.rows([0], [])[0].get("窓口") == 1

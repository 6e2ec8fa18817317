"""Rank intents for a question: BM25 over an inverted index picks candidates, fine scorers decide.

Fields per intent: example words (weight 1), answer words (lower weight) and kana-reading bigrams of the
examples (lowest). The shortlist is scored in :mod:`bot.core.candidate`, completed and read in meaning by
:mod:`bot.core.semantic_shortlist`; :mod:`bot.core.leave_one_out` hides one example for evaluation.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np

from bot.core import asked_kind, candidate, leave_one_out, semantic_shortlist
from bot.core.bm25 import Counts, Field as _Field, Vocabulary, documents_using
from bot.core.memo import Memo
from bot.core.packed import PackedGroups
from bot.core.example_vectors import ExampleVectors
from bot.core.analysis import Analysis
from bot.core.text import Analyzer
from bot.core.orthography import is_english

FIELD_WEIGHTS = {"ex": 1.0, "ans": 0.35, "rd": 0.2}
SHORTLIST = 20
RANKINGS_KEPT = 32  # a long message ranks the same reading again (its whole text, the gap checks): kept, not redone
ENTITY_SHARE = 0.3         # a name more than this share of intents mention weighs too little to penalise
# a name at most this common (総務省, a third of the intents; not JET or ALT, half of them) marks what an intent is
# about (at 0.5, one intent more made ALT a rival, and every ALT question named against the CIR casebook lost 15 %)
RIVAL_SHARE = 0.42
NAMED_SHARE = 0.8          # … and more than this share is the general subject (JET), not a named thing


@dataclass(frozen=True)
class Scored:
    """One ranked intent with the signals behind its score (for ``jetbot explain``)."""

    index: int
    intent_id: str
    score: float
    bm25: float
    coverage: float
    fuzzy: float
    semantic: float = 0.0
    penalty: float = 1.0


@dataclass(frozen=True)
class IntentText:
    """What the matcher indexes for one intent."""

    intent_id: str
    examples: Sequence[str]
    answer: str = ""
    keywords: Sequence[str] = ()


class Matcher:
    """Built once per knowledge version; ``rank`` is pure and thread-safe."""

    def __init__(self, items: Sequence[IntentText], analyzer: Analyzer,
                 vectors: ExampleVectors | None = None, entities: Iterable[str] = ()) -> None:
        self.analyzer = analyzer
        self.vectors = vectors
        self.ids = [item.intent_id for item in items]
        self._position = {intent_id: i for i, intent_id in enumerate(self.ids)}
        # Per example only its normalized text is kept (fuzzy scoring; a left-out example is analysed
        # again): keeping every Analysis cost ~270 MB at 10,000 intents.
        self.example_texts: list[tuple[str, ...]] = [tuple(item.examples) for item in items]
        norms: list[tuple[str, ...]] = []
        self._example_count = sum(len(item.examples) for item in items)
        ex_docs, ans_docs, rd_docs = [], [], []
        for item in items:
            analyses = [analyzer.analyse(e) for e in item.examples]
            extra = [analyzer.analyse(k) for k in item.keywords]
            norms.append(tuple(a.normalized for a in analyses))
            ex_docs.append(Counter(t for a in analyses + extra for t in a.terms))
            rd_docs.append(Counter(g for a in analyses for g in a.grams))
            ans_docs.append(Counter(analyzer.analyse(item.answer).terms))
        # term counts as arrays (bot.core.bm25): examples and answers share one vocabulary
        words = Vocabulary(t for docs in (ex_docs, ans_docs) for doc in docs for t in doc)
        self.ex_docs, self.ans_docs = Counts(ex_docs, words), Counts(ans_docs, words)
        self.rd_docs = Counts(rd_docs, Vocabulary(g for doc in rd_docs for g in doc))
        del ex_docs, ans_docs, rd_docs
        self.example_norms = PackedGroups(norms)  # decoded per shortlisted intent
        # intents written in Japanese only: an English question's words in their answers are quoted names
        self.japanese_only = np.array([not any(is_english(t) for t in (*item.examples, *item.keywords))
                                       for item in items], dtype=bool)
        self.fields = {"ex": _Field(self.ex_docs), "ans": _Field(self.ans_docs), "rd": _Field(self.rd_docs)}
        self.max_idf = math.log(1 + (len(items) + 0.5) / 0.5)
        self._mentions = documents_using(self.ex_docs, self.ans_docs)  # by term id of ``words``
        self.named = frozenset(e for e in entities if 0 < self.mentioned_by(e) <= NAMED_SHARE * len(items))
        self.entities = frozenset(e for e in self.named if self.mentioned_by(e) <= ENTITY_SHARE * len(items))
        self.rivals = frozenset(e for e in self.named - self.entities if self.mentioned_by(e) <= RIVAL_SHARE * len(items))
        self._ranked: Memo[list[Scored]] = Memo(RANKINGS_KEPT)

    def mentioned_by(self, term: str) -> int:
        """How many intents use ``term`` in their examples, keywords or answer."""
        tid = self.ex_docs.vocabulary.ids.get(term)
        return int(self._mentions[tid]) if tid is not None else 0

    def example_analysis(self, intent: int, example: int) -> Analysis:
        """The analysis of one example (recomputed: only leave-one-out evaluation needs it)."""
        return self.analyzer.analyse(self.example_texts[intent][example])

    def analyse(self, text: str) -> Analysis:
        """The analysis of a question, as the matcher sees it."""
        return self.analyzer.analyse(text)

    def knows(self, term: str) -> bool:
        """Whether any example, keyword or answer uses ``term``."""
        return term in self.ex_docs.vocabulary

    def mentions(self, intent_id: str, term: str) -> bool:
        """Whether an intent's examples, keywords or answer use ``term``."""
        i = self._position[intent_id]
        return bool(self.ex_docs.count(i, term)) or bool(self.ans_docs.count(i, term))

    def says(self, intent_id: str, term: str) -> bool:
        """Whether an intent's answer uses ``term`` (an office's name, a staff member's surname it prints)."""
        return bool(self.ans_docs.count(self._position[intent_id], term))

    def asks_of(self, intent_id: str, term: str) -> bool:
        """Whether an intent's examples or keywords use ``term`` (what it is asked about, not a word its
        answer uses in passing)."""
        return bool(self.ex_docs.count(self._position[intent_id], term))

    def about(self, intent_id: str) -> frozenset[str]:
        """The named things (roles, offices) an intent's examples or keywords name."""
        i = self._position[intent_id]
        return frozenset(e for e in self.named if self.ex_docs.count(i, e))

    def example_coverage(self, query: Analysis, intent_id: str) -> float:
        """How much of the question's word weight one intent's examples and keywords cover (0-1)."""
        return candidate.coverage(candidate.weighted_words(query, self.term_weight, self.knows),
                                  self.ex_docs[self._position[intent_id]], Counter())

    def share(self, term: str) -> float:
        """The share of intents whose examples, keywords or answer use ``term``."""
        return self.mentioned_by(term) / max(len(self.ids), 1)

    def vocabulary(self) -> set[str]:
        """Every word an example, keyword or answer uses."""
        return set(self.ex_docs.vocabulary.words)

    def term_weight(self, term: str) -> float:
        """Rarity of a question word; words the knowledge never uses weigh the most."""
        idf = self.fields["ex"].idf_of(term) or self.fields["ans"].idf_of(term)
        return idf if idf is not None else self.max_idf

    def prime(self, queries: Sequence[Analysis]) -> None:
        """Encode several readings of one message in one batch (cheaper per sentence than one by
        one); :meth:`encode` then finds them."""
        if self.vectors is not None and len(queries) > 1:
            self.vectors.encoder.encode_many([q.original for q in queries])

    def encode(self, query: Analysis) -> np.ndarray | None:
        """The sentence vector of a question (None without the semantic re-ranker)."""
        return self.vectors.query(query.original) if self.vectors is not None else None

    def rank(self, query: Analysis, limit: int = 5, exclude: tuple[int, int] | None = None,
             vector: np.ndarray | None = None) -> list[Scored]:
        """Best intents for ``query``; ``exclude=(intent, example)`` hides one example (leave-one-out);
        ``vector``: the question's sentence vector when the caller already has it (one encoding per question).
        A ranking asked again with the same words and meaning is read from the few last ones kept."""
        if not self.ids or not (query.terms or query.grams):
            return []
        if vector is None and self.vectors is not None:
            vector = self.vectors.encoder.primed(query.original)  # a reading of this message: encoded already
        if vector is None:  # encoded below only if a candidate is found, as before
            return self._rank(query, limit, exclude, None)
        key = (query, limit, exclude, vector.tobytes())
        ranked = self._ranked.get(key)
        if ranked is None:
            ranked = self._rank(query, limit, exclude, vector)
            self._ranked.put(key, ranked)
        return list(ranked)  # the caller's own list: the kept one never changes

    def _rank(self, query: Analysis, limit: int, exclude: tuple[int, int] | None,
              vector: np.ndarray | None) -> list[Scored]:
        terms = list(dict.fromkeys(query.terms))
        grams = list(dict.fromkeys(query.grams))
        scores = np.zeros(len(self.ids), dtype=np.float32)
        self.fields["ex"].add_scores(scores, terms, FIELD_WEIGHTS["ex"])
        quoted = candidate.quoting(self, query)
        if quoted is None:
            self.fields["ans"].add_scores(scores, terms, FIELD_WEIGHTS["ans"])
        else:
            answers = np.zeros(len(self.ids), dtype=np.float32)
            self.fields["ans"].add_scores(answers, terms, FIELD_WEIGHTS["ans"])
            answers[quoted] = 0.0
            scores += answers
        self.fields["rd"].add_scores(scores, grams, FIELD_WEIGHTS["rd"] * (len(terms) + 1) / (len(grams) + 1))
        if exclude is not None:
            scores[exclude[0]] = leave_one_out.bm25_without(self, exclude, terms, grams, FIELD_WEIGHTS,
                                                            quoted is not None and bool(quoted[exclude[0]]))
        count = min(SHORTLIST, len(scores))
        top = np.argpartition(-scores, count - 1)[:count] if count < len(scores) else np.arange(len(scores))
        top = [i for i, s in zip(top.tolist(), scores[top].tolist()) if s > 0]
        fills = semantic_shortlist.fills(self.vectors, self._example_count)
        if vector is None and (top or fills):
            vector = self.encode(query)
        if len(top) < count and vector is not None and fills:
            assert self.vectors is not None
            top += semantic_shortlist.nearest(self.vectors, len(self.ids), vector, set(top), count - len(top), exclude)
        if not top:
            return []
        bm25 = scores[top].tolist()
        best = max(bm25) or 1.0
        specifics, entities, rivals, named = candidate.asked(self, query, terms)
        semantic = semantic_shortlist.semantics(self.vectors, top, vector, exclude)
        shortlist = candidate.fetch(self, top, query, named)
        ranked = [candidate.score(self, i, query, score / best, exclude, semantic.get(i, 0.0), specifics, entities,
                                  rivals, fetched, quoted is not None and bool(quoted[i]))
                  for i, fetched, score in zip(top, shortlist, bm25)]
        ranked = asked_kind.weigh(ranked, asked_kind.asked(query), [f.norms if f is not None else self.example_norms[i]
                                                              for i, f in zip(top, shortlist)], exclude)
        ranked.sort(key=lambda s: (-s[2], -s[3]))
        return [Scored(*signals) for signals in ranked[:limit]]  # made for the few returned only

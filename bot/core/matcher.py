"""Rank intents for a question: BM25 over an inverted index picks candidates, fine scorers decide.

Fields per intent: example words (weight 1), answer words (lower weight) and
kana-reading bigrams of the examples (lowest). The few best candidates are then
scored 0-100 from how much of the question's rare-word weight the intent
covers, how close the question is to its nearest example (rapidfuzz), and the
BM25 score relative to the best.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, NamedTuple, Sequence, Union

import numpy as np
from rapidfuzz import fuzz, process

from bot.core.bm25 import Counts, Field as _Field, Row, Vocabulary, documents_using
from bot.core.packed import PackedGroups
from bot.core.semantic import ExampleVectors
from bot.core.text import Analysis, Analyzer, fold_kana, is_english

FIELD_WEIGHTS = {"ex": 1.0, "ans": 0.35, "rd": 0.2}
SIGNAL_WEIGHTS = (0.45, 0.10, 0.15, 0.30)  # coverage, fuzzy, BM25, semantic (with the sentence encoder)
# An English question against an intent written in Japanese only: the words they share are names (JET, ALT),
# the letters fuzzy matching compares are not the same script, so the sentence encoder reads the meaning.
ACROSS_WEIGHTS = (0.45, 0.0, 0.05, 0.50)
# An intent whose two nearest examples both come close beats one whose single example is close by chance
# (the semantic signal blends them; the best blend of the shortlist is scaled to its best cosine).
SECOND_EXAMPLE = 0.5
SHORTLIST = 20
# A question whose words few intents share (English against Japanese answers, "Who runs it?") gets
# a short lexical shortlist: the semantically nearest intents fill it. A product over every example
# vector, so only for knowledge bases up to this many examples (this one: ~550; a 1,800-entry FAQ
# with one example each fits; 1,000 intents of 10 examples do not: ~10 ms per question under load).
SEMANTIC_FILL_MAX = 4000
STRANGER_LENGTH = 4  # characters of a noun the knowledge wholly lacks that make it a name of something else
SPECIFIC_PENALTY = 0.7     # per year / number / name no intent mentions
ELSEWHERE_PENALTY = 0.85   # per one that other intents mention, but not this one
ENTITY_PENALTY = 0.85      # per named thing (ALT, CIR, MOFA…) the question names and the intent never mentions
ENTITY_SHARE = 0.3         # a name more than this share of intents mention weighs too little to penalise
RIVAL_SHARE = 0.5          # a name at most this common (総務省, not JET or ALT) marks what an intent is about
NAMED_SHARE = 0.8          # … and more than this share is the general subject (JET), not a named thing
ANSWER_CREDIT = 0.8   # a question word found only in the answer counts this much
ENTITY_ANSWER_CREDIT = 0.3
PART_CREDIT = 0.8     # a compound covered only through its parts counts this much
Terms = Union[Counter[str], Row]  # an intent's term counts: ``get`` and ``in``
# a question word: (word, weight, is a named thing, its parts, their weights, their sum)
_Weighted = tuple[str, float, bool, tuple[str, ...], tuple[float, ...], float]
_Signals = tuple[int, str, float, float, float, float, float, float]  # a Scored's fields, in order


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
        # Per example only its normalized text is kept (fuzzy scoring); a left-out example's
        # full analysis is recomputed when needed (evaluation only). Keeping every Analysis
        # cost ~270 MB at 10,000 intents.
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
        self.named = frozenset(e for e in entities if 0 < self._mentioned(e) <= NAMED_SHARE * len(items))
        self.entities = frozenset(e for e in self.named if self._mentioned(e) <= ENTITY_SHARE * len(items))
        self.rivals = frozenset(e for e in self.named - self.entities if self._mentioned(e) <= RIVAL_SHARE * len(items))

    def _mentioned(self, term: str) -> int:
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

    def about(self, intent_id: str) -> frozenset[str]:
        """The named things (roles, offices) an intent's examples or keywords name."""
        i = self._position[intent_id]
        return frozenset(e for e in self.named if self.ex_docs.count(i, e))

    def example_coverage(self, query: Analysis, intent_id: str) -> float:
        """How much of the question's word weight one intent's examples and keywords cover (0-1)."""
        return self._coverage(query, self.ex_docs[self._position[intent_id]], Counter())

    def share(self, term: str) -> float:
        """The share of intents whose examples, keywords or answer use ``term``."""
        return self._mentioned(term) / max(len(self.ids), 1)

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
        ``vector``: the question's sentence vector when the caller already has it (one encoding per question)."""
        if not self.ids or not (query.terms or query.grams):
            return []
        terms = list(dict.fromkeys(query.terms))
        grams = list(dict.fromkeys(query.grams))
        scores = np.zeros(len(self.ids), dtype=np.float32)
        self.fields["ex"].add_scores(scores, terms, FIELD_WEIGHTS["ex"])
        quoted = self._quoting(query)
        if quoted is None:
            self.fields["ans"].add_scores(scores, terms, FIELD_WEIGHTS["ans"])
        else:
            answers = np.zeros(len(self.ids), dtype=np.float32)
            self.fields["ans"].add_scores(answers, terms, FIELD_WEIGHTS["ans"])
            answers[quoted] = 0.0
            scores += answers
        self.fields["rd"].add_scores(scores, grams, FIELD_WEIGHTS["rd"] * (len(terms) + 1) / (len(grams) + 1))
        if exclude is not None:
            scores[exclude[0]] = self._bm25_without(exclude, terms, grams, quoted is not None and quoted[exclude[0]])
        count = min(SHORTLIST, len(scores))
        top = np.argpartition(-scores, count - 1)[:count] if count < len(scores) else np.arange(len(scores))
        top = [i for i, s in zip(top.tolist(), scores[top].tolist()) if s > 0]
        if vector is None and (top or self._fills()):
            vector = self.encode(query)
        if len(top) < count and vector is not None and self._fills():
            top += self._nearest(vector, set(top), count - len(top), exclude)
        if not top:
            return []
        bm25 = scores[top].tolist()
        best = max(bm25) or 1.0
        # an English capitalised word counts only when the knowledge never uses it (Hokkaido, not Basic Plan)
        names = [n for n in query.names if not n.isascii() or not self.knows(n)] + self._strangers(query)
        specifics = tuple(dict.fromkeys([t for t in terms if _is_specific_number(t)] + names))
        entities = tuple(self.entities.intersection(terms))
        rivals = tuple(self.rivals.intersection(terms))
        semantic = self._semantics(top, vector, exclude)
        # the rival check below looks at every named thing the examples use
        named = specifics + entities + (rivals + tuple(self.rivals | self.entities) if rivals else ())
        shortlist = self._prefetch(top, query, named)
        ranked = [self._fine(i, query, score / best, exclude, semantic.get(i, 0.0), specifics, entities,
                             rivals, fetched, quoted is not None and bool(quoted[i]))
                  for i, fetched, score in zip(top, shortlist, bm25)]
        ranked.sort(key=lambda s: (-s[2], -s[3]))
        return [Scored(*signals) for signals in ranked[:limit]]  # made for the few returned only

    def _quoting(self, query: Analysis) -> np.ndarray | None:
        """For an English question, the intents written in Japanese only (None when there are none): the
        English words of their answers are names and titles quoted in a Japanese text
        (「正式な英語名はALT＝Assistant Language Teacher…」), not an answer in English, and count for
        nothing; their examples and the sentence encoder still do."""
        if not is_english(query.original or query.normalized) or not self.japanese_only.any():
            return None
        return self.japanese_only

    def _strangers(self, query: Analysis) -> list[str]:
        """Long Japanese nouns no part of which the knowledge uses (技能実習生, ワーキングホリデー): the name of
        something else, like a place or a person the knowledge does not know."""
        return [w for w, weight, parts in query.units if weight == 1.0 and len(w) >= STRANGER_LENGTH
                and not w.isascii() and not self.knows(w) and not any(self.knows(p) for p in parts)]

    def _coverage(self, query: Analysis, vocab: Terms | dict[str, int], answer: Terms | dict[str, int],
                  weighted: list[_Weighted] | None = None) -> float:
        """Share of the question's word weight that the intent covers (parts of compounds count partly);
        ``weighted``: :meth:`_weighted` of the question when the caller already has it.

        A word of the examples counts fully; one found only in the answer counts :data:`ANSWER_CREDIT`, or
        :data:`ENTITY_ANSWER_CREDIT` for a declared synonym (総務省, CIR…: an intent is about what its
        examples name; the same word in its answer alone is a weak sign)."""
        total = covered = 0.0
        has, said = vocab.get, answer.__contains__  # looked up ~100 times per candidate: no method per word
        for word, weight, entity, parts, weights, parts_weight in weighted or self._weighted(query):
            credit = 1.0 if has(word) else (ENTITY_ANSWER_CREDIT if entity else ANSWER_CREDIT) if said(word) else 0.0
            if credit < 1.0 and parts:
                part_credit = sum(w * (1.0 if has(p) else ANSWER_CREDIT if said(p) else 0.0)
                                  for p, w in zip(parts, weights)) / parts_weight
                credit = max(credit, PART_CREDIT * part_credit)
            total += weight
            covered += weight * credit
        return covered / total if total else 0.0

    def _weighted(self, query: Analysis) -> list[_Weighted]:
        """The question's words with their weights, whether each is a named thing, and their parts' weights
        (the same for every candidate: computed once per ranking)."""
        entities = {fold_kana(canonical) for _, canonical in query.synonyms_applied}
        out = []
        for word, unknown_factor, parts in query.units:
            weight = self.term_weight(word) * (1.0 if self.knows(word) else unknown_factor)
            weights = tuple(self.term_weight(p) for p in parts)
            out.append((word, weight, word in entities, parts, weights, sum(weights)))
        return out

    def _prefetch(self, top: list[int], query: Analysis, named: tuple[str, ...]) -> list[_Fetched]:
        """For each shortlisted intent, its example norms and the counts of the question's words (and of
        ``named``) in its examples and answer, read from the arrays for the whole shortlist at once."""
        asked = [t for word, _, parts in query.units for t in (word, *parts)] + list(named)
        weighted = self._weighted(query)
        return [_Fetched(norms, vocab, answer, weighted) for norms, vocab, answer in zip(
            self.example_norms.many(top), self.ex_docs.rows(top, asked), self.ans_docs.rows(top, asked))]

    def _gram_coverage(self, grams: Sequence[str], doc: Counter[str]) -> float:
        field = self.fields["rd"]
        weights = [(field.idf_of(g) or self.max_idf, g in doc and doc[g] > 0) for g in dict.fromkeys(grams)]
        total = sum(w for w, _ in weights)
        return sum(w for w, hit in weights if hit) / total if total else 0.0

    def _bm25_without(self, exclude: tuple[int, int], terms: list[str], grams: list[str],
                      quoted: bool = False) -> float:
        doc, example = exclude
        hidden = self.example_analysis(doc, example)
        total = 0.0
        for name, query_terms, hidden_terms, factor in (
            ("ex", terms, Counter(hidden.terms), FIELD_WEIGHTS["ex"]),
            ("rd", grams, Counter(hidden.grams),
             FIELD_WEIGHTS["rd"] * (len(terms) + 1) / (len(grams) + 1)),
        ):
            field = self.fields[name]
            counts = (self.ex_docs if name == "ex" else self.rd_docs)[doc] - hidden_terms
            length = sum(counts.values())
            total += factor * sum(field.weight(t, counts.get(t, 0), length) for t in query_terms)
        if quoted:
            return total
        field, answer = self.fields["ans"], self.ans_docs[doc]
        total += FIELD_WEIGHTS["ans"] * sum(
            field.weight(t, answer.get(t, 0), float(field.lengths[doc])) for t in terms)
        return total

    def _fills(self) -> bool:
        return self.vectors is not None and self._example_count <= SEMANTIC_FILL_MAX

    def _nearest(self, vector: np.ndarray, taken: set[int], count: int,
                 exclude: tuple[int, int] | None) -> list[int]:
        """The ``count`` intents outside ``taken`` whose examples are semantically nearest the question."""
        assert self.vectors is not None
        rest = [i for i in range(len(self.ids)) if i not in taken]
        sims = self.vectors.best_of(vector, rest)
        if exclude is not None and exclude[0] not in taken:  # leave-one-out: the hidden example stays hidden
            sims[rest.index(exclude[0])] = self.vectors.best(vector, exclude[0], exclude[1])
        order = np.argsort(-np.asarray(sims, dtype=np.float32))[:count]
        return [rest[int(k)] for k in order if sims[int(k)] > 0]

    def _semantics(self, top: list[int], vector: np.ndarray | None,
                   exclude: tuple[int, int] | None) -> dict[int, float]:
        """Per shortlisted intent, how close its examples are to the question: the nearest example's cosine
        blended with the second nearest (:data:`SECOND_EXAMPLE`), scaled so that the best blend of the
        shortlist counts as its best single cosine, and never above the intent's own nearest example
        (a hidden example left out). One matrix product for the shortlist."""
        if vector is None or self.vectors is None or not top:
            return {}
        first, second = self.vectors.nearest_two(vector, top, exclude)
        blend = (1 - SECOND_EXAMPLE) * first.astype(np.float64) + SECOND_EXAMPLE * second
        scale = float(first.max()) / float(blend.max()) if blend.max() > 0 else 1.0
        return {i: max(0.0, min(float(near), float(b) * scale)) for i, near, b in zip(top, first, blend)}

    def _fine(self, i: int, query: Analysis, bm25_rel: float, exclude: tuple[int, int] | None,
              semantic: float, specifics: tuple[str, ...], entities: tuple[str, ...],
              rivals: tuple[str, ...] = (), fetched: _Fetched | None = None, quoted: bool = False) -> _Signals:
        """The fields of the intent's :class:`Scored`; ``fetched``: what :meth:`_prefetch` read for this intent (else read here); ``quoted``: an English
        question against an intent written in Japanese only (:meth:`_quoting`)."""
        norms: Sequence[str] = fetched.norms if fetched is not None else self.example_norms[i]
        hidden = self.example_analysis(i, exclude[1]) if exclude is not None and exclude[0] == i else None
        vocab: Terms
        if hidden is not None and exclude is not None:
            norms = [n for j, n in enumerate(norms) if j != exclude[1]]
            vocab = self.ex_docs[i] - Counter(hidden.terms)
        else:
            vocab = fetched.vocab if fetched is not None else self.ex_docs[i]
        answer: Terms = fetched.answer if fetched is not None else self.ans_docs[i]
        if fetched is not None and hidden is None:  # the counts read for the question's words, as dicts
            coverage = self._coverage(query, fetched.vocab.found, _NOTHING if quoted else fetched.answer.found,
                                      fetched.weighted)
        else:
            coverage = self._coverage(query, vocab, _NOTHING if quoted else answer)
        if query.kana_only:  # a misread kana question still shares its sounds with the examples
            grams = self.rd_docs[i]
            if hidden is not None:
                grams = grams - Counter(hidden.grams)
            coverage = max(coverage, self._gram_coverage(query.grams, grams))
        nearest = process.extractOne(query.normalized, norms, scorer=fuzz.ratio) if norms else None
        fuzzy = nearest[1] / 100 if nearest else 0.0
        score = combine(coverage, fuzzy, bm25_rel, semantic, self.vectors is not None, quoted)
        # A year, a number or a name the intent never mentions (令和7年度, 札幌市) means the question
        # is about something it does not hold: strongly so when no intent knows it at all.
        penalty = 1.0
        for term in specifics:
            if not vocab.get(term) and term not in answer:
                penalty *= SPECIFIC_PENALTY if not self.knows(term) else ELSEWHERE_PENALTY
        for term in entities:
            if not vocab.get(term) and term not in answer:
                penalty *= ENTITY_PENALTY
        # a commoner name (総務省) counts when the intent's examples name another one instead (外務省の担当者)
        for term in rivals:
            if not vocab.get(term) and term not in answer and any(
                    vocab.get(other) for other in self.rivals | self.entities if other not in query.terms):
                penalty *= ENTITY_PENALTY
        return i, self.ids[i], round(score * penalty, 1), bm25_rel, coverage, fuzzy, semantic, penalty


class _Fetched(NamedTuple):
    """What :meth:`Matcher._fine` reads about one shortlisted intent, read for the whole shortlist at once."""

    norms: tuple[str, ...]
    vocab: Row
    answer: Row
    weighted: list[_Weighted]


_NOTHING: Counter[str] = Counter()


def _is_specific_number(term: str) -> bool:
    """Years (令和7, 2025年) and numbers of two digits or more; "4年目" or "1人" are too generic."""
    digits = sum(c.isdigit() for c in term)
    return digits >= 2 or (digits >= 1 and not term.isdigit())


def combine(coverage: float, fuzzy: float, bm25_rel: float, semantic: float, has_semantic: bool,
            across: bool = False) -> float:
    """The 0-100 score from the signals (weights calibrated on held-out questions); ``across``: an English
    question against an intent written in Japanese only (:data:`ACROSS_WEIGHTS`)."""
    if not has_semantic:
        return 100 * (0.55 * coverage + 0.25 * fuzzy + 0.20 * bm25_rel)
    wc, wf, wb, ws = ACROSS_WEIGHTS if across else SIGNAL_WEIGHTS
    return 100 * (wc * coverage + wf * fuzzy + wb * bm25_rel + ws * semantic)

"""The score of one shortlisted intent: word coverage, fuzzy closeness, BM25 and meaning, then penalties.

:func:`score` turns what :class:`bot.core.matcher.Matcher` read about one candidate into the fields of its
:class:`bot.core.matcher.Scored`: how much of the question's rare-word weight the intent covers
(:func:`coverage`), how close the question is to its nearest example (rapidfuzz), the BM25 score relative
to the best of the shortlist and the semantic closeness, blended by :func:`combine`, then lowered for
every year, number or name the question asks about and the intent never mentions.
"""
from __future__ import annotations

from collections import Counter
from typing import Callable, NamedTuple, Sequence, Union

import numpy as np
from rapidfuzz import fuzz, process

from bot.core.bm25 import Field, Row
from bot.core.leave_one_out import hidden_example
from bot.core.ranking_index import RankingIndex
from bot.core.analysis import Analysis
from bot.core.orthography import fold_kana, is_english

SIGNAL_WEIGHTS = (0.45, 0.10, 0.15, 0.30)  # coverage, fuzzy, BM25, semantic (with the sentence encoder)
# An English question against an intent written in Japanese only: the words they share are names (JET, ALT),
# the letters fuzzy matching compares are not the same script, so the sentence encoder reads the meaning.
ACROSS_WEIGHTS = (0.45, 0.0, 0.05, 0.50)
SPECIFIC_PENALTY = 0.7     # per year / number / name no intent mentions
ELSEWHERE_PENALTY = 0.85   # per one that other intents mention, but not this one
ENTITY_PENALTY = 0.85      # per named thing (ALT, CIR, MOFA…) the question names and the intent never mentions
ANSWER_CREDIT = 0.8   # a question word found only in the answer counts this much
ENTITY_ANSWER_CREDIT = 0.3
PART_CREDIT = 0.8     # a compound covered only through its parts counts this much
STRANGER_LENGTH = 4  # characters of a noun the knowledge wholly lacks that make it a name of something else
Terms = Union[Counter[str], Row]  # an intent's term counts: ``get`` and ``in``
# a question word: (word, weight, is a named thing, its parts, their weights, their sum)
Weighted = tuple[str, float, bool, tuple[str, ...], tuple[float, ...], float]
Signals = tuple[int, str, float, float, float, float, float, float]  # a Scored's fields, in order
NOTHING: Counter[str] = Counter()


class Fetched(NamedTuple):
    """What :func:`score` reads about one shortlisted intent, read for the whole shortlist at once."""

    norms: tuple[str, ...]
    vocab: Row
    answer: Row
    weighted: list[Weighted]


class Asked(NamedTuple):
    """What the question asks about that a candidate must mention (the same for every candidate)."""

    specifics: tuple[str, ...]  # years, numbers and names
    entities: tuple[str, ...]   # named things few intents mention (ALT, CIR…)
    rivals: tuple[str, ...]     # commoner named things (総務省)
    named: tuple[str, ...]      # every term whose counts the penalties read


def quoting(m: RankingIndex, query: Analysis) -> np.ndarray | None:
    """For an English question, the intents written in Japanese only (None when there are none): the
    English words of their answers are names and titles quoted in a Japanese text
    (「正式な英語名はALT＝Assistant Language Teacher…」), not an answer in English, and count for
    nothing; their examples and the sentence encoder still do."""
    if not is_english(query.original or query.normalized) or not m.japanese_only.any():
        return None
    return m.japanese_only


def asked(m: RankingIndex, query: Analysis, terms: list[str]) -> Asked:
    """The years, numbers, names and named things of the question that :func:`score` penalises a
    candidate for never mentioning."""
    # an English capitalised word counts only when the knowledge never uses it (Hokkaido, not Basic Plan)
    names = [n for n in query.names if not n.isascii() or not m.knows(n)] + _strangers(m, query)
    specifics = tuple(dict.fromkeys([t for t in terms if is_specific_number(t)] + names))
    entities = tuple(m.entities.intersection(terms))
    rivals = tuple(m.rivals.intersection(terms))
    # the rival check looks at every named thing the examples use
    return Asked(specifics, entities, rivals,
                 specifics + entities + (rivals + tuple(m.rivals | m.entities) if rivals else ()))


def _strangers(m: RankingIndex, query: Analysis) -> list[str]:
    """Long Japanese nouns no part of which the knowledge uses (技能実習生, ワーキングホリデー): the name of
    something else, like a place or a person the knowledge does not know."""
    return [w for w, weight, parts in query.units if weight == 1.0 and len(w) >= STRANGER_LENGTH
            and not w.isascii() and not m.knows(w) and not any(m.knows(p) for p in parts)]


def fetch(m: RankingIndex, top: list[int], query: Analysis, named: tuple[str, ...]) -> list[Fetched]:
    """For each shortlisted intent, its example norms and the counts of the question's words (and of
    ``named``) in its examples and answer, read from the arrays for the whole shortlist at once."""
    words = [t for word, _, parts in query.units for t in (word, *parts)] + list(named)
    weighted = weighted_words(query, m.term_weight, m.knows)
    return [Fetched(norms, vocab, answer, weighted) for norms, vocab, answer in zip(
        m.example_norms.many(top), m.ex_docs.rows(top, words), m.ans_docs.rows(top, words))]


def weighted_words(query: Analysis, term_weight: Callable[[str], float], knows: Callable[[str], bool]) -> list[Weighted]:
    """The question's words with their weights, whether each is a named thing, and their parts' weights
    (the same for every candidate: computed once per ranking)."""
    entities = {fold_kana(canonical) for _, canonical in query.synonyms_applied}
    out = []
    for word, unknown_factor, parts in query.units:
        weight = term_weight(word) * (1.0 if knows(word) else unknown_factor)
        weights = tuple(term_weight(p) for p in parts)
        out.append((word, weight, word in entities, parts, weights, sum(weights)))
    return out


def coverage(weighted: list[Weighted], vocab: Terms | dict[str, int], answer: Terms | dict[str, int]) -> float:
    """Share of the question's word weight that the intent covers (parts of compounds count partly).

    A word of the examples counts fully; one found only in the answer counts :data:`ANSWER_CREDIT`, or
    :data:`ENTITY_ANSWER_CREDIT` for a declared synonym (総務省, CIR…: an intent is about what its
    examples name; the same word in its answer alone is a weak sign)."""
    total = covered = 0.0
    has, said = vocab.get, answer.__contains__  # looked up ~100 times per candidate: no method per word
    for word, weight, entity, parts, weights, parts_weight in weighted:
        credit = 1.0 if has(word) else (ENTITY_ANSWER_CREDIT if entity else ANSWER_CREDIT) if said(word) else 0.0
        if credit < 1.0 and parts:
            part_credit = sum(w * (1.0 if has(p) else ANSWER_CREDIT if said(p) else 0.0)
                              for p, w in zip(parts, weights)) / parts_weight
            credit = max(credit, PART_CREDIT * part_credit)
        total += weight
        covered += weight * credit
    return covered / total if total else 0.0


def gram_coverage(grams: Sequence[str], doc: Counter[str], field: Field, max_idf: float) -> float:
    """Share of the question's reading-bigram weight found in one intent's examples."""
    weights = [(field.idf_of(g) or max_idf, g in doc and doc[g] > 0) for g in dict.fromkeys(grams)]
    total = sum(w for w, _ in weights)
    return sum(w for w, hit in weights if hit) / total if total else 0.0


def score(m: RankingIndex, i: int, query: Analysis, bm25_rel: float, exclude: tuple[int, int] | None,
          semantic: float, specifics: tuple[str, ...], entities: tuple[str, ...],
          rivals: tuple[str, ...] = (), fetched: Fetched | None = None, quoted: bool = False) -> Signals:
    """The fields of intent ``i``'s :class:`Scored`; ``fetched``: what :func:`fetch` read for
    this intent (else read here); ``quoted``: an English question against an intent written in Japanese
    only (:func:`quoting`)."""
    norms: Sequence[str] = fetched.norms if fetched is not None else m.example_norms[i]
    hidden = hidden_example(m, i, exclude, norms)
    vocab: Terms
    if hidden is not None:
        norms, vocab = hidden.norms, hidden.vocab
    else:
        vocab = fetched.vocab if fetched is not None else m.ex_docs[i]
    answer: Terms = fetched.answer if fetched is not None else m.ans_docs[i]
    if fetched is not None and hidden is None:  # the counts read for the question's words, as dicts
        covered = coverage(fetched.weighted, fetched.vocab.found, NOTHING if quoted else fetched.answer.found)
    else:
        covered = coverage(weighted_words(query, m.term_weight, m.knows), vocab, NOTHING if quoted else answer)
    if query.kana_only:  # a misread kana question still shares its sounds with the examples
        grams = m.rd_docs[i] if hidden is None else hidden.grams
        covered = max(covered, gram_coverage(query.grams, grams, m.fields["rd"], m.max_idf))
    nearest = process.extractOne(query.normalized, norms, scorer=fuzz.ratio) if norms else None
    fuzzy = nearest[1] / 100 if nearest else 0.0
    blended = combine(covered, fuzzy, bm25_rel, semantic, m.vectors is not None, quoted)
    penalty = _penalty(m, query, vocab, answer, specifics, entities, rivals)
    return i, m.ids[i], round(blended * penalty, 1), bm25_rel, covered, fuzzy, semantic, penalty


def _penalty(m: RankingIndex, query: Analysis, vocab: Terms, answer: Terms, specifics: tuple[str, ...],
             entities: tuple[str, ...], rivals: tuple[str, ...]) -> float:
    # A year, a number or a name the intent never mentions (令和7年度, 札幌市) means the question
    # is about something it does not hold: strongly so when no intent knows it at all.
    penalty = 1.0
    for term in specifics:
        if not vocab.get(term) and term not in answer:
            penalty *= SPECIFIC_PENALTY if not m.knows(term) else ELSEWHERE_PENALTY
    for term in entities:
        if not vocab.get(term) and term not in answer:
            penalty *= ENTITY_PENALTY
    # a commoner name (総務省) counts when the intent's examples name another one instead (外務省の担当者)
    for term in rivals:
        if not vocab.get(term) and term not in answer and any(
                vocab.get(other) for other in m.rivals | m.entities if other not in query.terms):
            penalty *= ENTITY_PENALTY
    return penalty


def is_specific_number(term: str) -> bool:
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

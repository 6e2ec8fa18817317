"""A loaded knowledge base: the facts, the composed answers and the matcher built over them."""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping

from bot.core.compose import ComposedAnswer, compose
from bot.core.composed import ComposedAnswers
from bot.core.figures import Figure, figures_of
from bot.core.knowledge_model import Intent, Knowledge
from bot.core.knowledge import load_knowledge
from bot.core.matcher import IntentText, Matcher
from bot.core.example_vectors import ExampleVectors
from bot.core.semantic import SentenceEncoder, shared_encoder
from bot.core.spelling import Speller, build_speller
from bot.core.text import Analyzer
from bot.core.orthography import clean, fold_kana
from bot.core.years import normalise as normalise_years, years_in
from bot.core.types import Language
from bot.core.vector_store import StoredVectors


@dataclass(frozen=True)
class KnowledgeBase:
    """Immutable: a reload builds a new one and swaps it in whole."""

    knowledge: Knowledge
    matcher: Matcher
    intents: dict[str, Intent]
    answers: Mapping[str, Mapping[Language, ComposedAnswer]]  # composed on demand (bot.core.composed)
    topic_terms: dict[str, frozenset[str]] = field(default_factory=dict)
    loaded_at: float = 0.0
    speller: Speller | None = None
    intent_years: dict[str, frozenset[int]] = field(default_factory=dict)  # years each answer names (if any)
    figure_years: dict[str, frozenset[int]] = field(default_factory=dict)  # intents giving head counts: for which fiscal years
    # keywords that only honest "not held" intents use (住民税, 国別), and the intents declaring each; the
    # compounds the analyser cuts (都道府県別) are found as written
    not_held_words: dict[str, frozenset[str]] = field(default_factory=dict)
    not_held_phrases: dict[str, frozenset[str]] = field(default_factory=dict)
    figures: tuple[Figure, ...] = ()  # the printed figures as numbers, for the sums people ask of them
    # the intents whose answer gives one office's card ({contact:…}), with that card, and those giving several (the
    # list of every office's staff): where a staff member's surname is printed (bot.core.staff_office)
    office_cards: dict[str, str] = field(default_factory=dict)
    office_lists: tuple[str, ...] = ()

    @property
    def version(self) -> str:
        """Content hash of the YAML this was built from."""
        return self.knowledge.version


def build_kb(knowledge: Knowledge, encoder: SentenceEncoder | None = None,
             on_progress: Callable[[int, int], None] | None = None,
             reuse: StoredVectors | None = None) -> KnowledgeBase:
    """Compose every answer and index every intent (the slow part of start-up; ``on_progress(done, total)``
    follows the examples being encoded; ``reuse``: embeddings of earlier builds, by content hash)."""
    analyzer = Analyzer(knowledge.synonyms)
    encoder = encoder or shared_encoder()
    intents = {i.id: i for i in knowledge.intents}
    answers: dict[str, dict[Language, ComposedAnswer]] = {}  # for indexing; served answers are composed on demand
    for intent in knowledge.intents:
        ja = compose(intent, knowledge, "ja", intents)
        answers[intent.id] = {"ja": ja, "en": compose(intent, knowledge, "en", intents) if intent.answer_en else ja}
    items = [
        IntentText(i.id, i.examples, answers[i.id]["ja"].text + "\n" + (answers[i.id]["en"].text if i.answer_en else ""),
                   i.keywords + tuple(t for t in (i.title, i.title_en) if t))
        for i in knowledge.intents
    ]
    topic_terms = {
        c.id: frozenset(t for topic in c.get("topics", []) for t in analyzer.analyse(topic).terms)
        for c in knowledge.table("contacts").values()
    }
    vectors = ExampleVectors(encoder, [i.examples for i in knowledge.intents], on_progress, reuse)
    vectors.warm()
    matcher = Matcher(items, analyzer, vectors, _entities(knowledge))
    texts = [t for item in items for t in (*item.examples, item.answer, *item.keywords)]
    speller = build_speller([k for item in items for k in item.keywords], knowledge.synonyms, matcher.vocabulary(),
                            texts, analyzer.reading)
    distinct: dict[frozenset[int], frozenset[int]] = {}  # one object per set of years: pickled (and loaded) once
    years = {i: distinct.setdefault(found, found) for i, a in answers.items()
             if (found := frozenset(years_in(clean(a["ja"].text))))}
    figures = {i: frozenset(y for sentence in a["ja"].text.split("。") if _HEADCOUNT.search(sentence)
                            for y in years_in(clean(sentence), fiscal_only=True))
               for i, a in answers.items() if _HEADCOUNT.search(a["ja"].text) and not intents[i].fallback}
    cards = {i: intent.contacts[0] for i, intent in intents.items()
             if len(intent.contacts) == 1 and "{contact:" in intent.answer}
    lists = tuple(i for i, intent in intents.items() if len(intent.contacts) > 1 and "{contact:" in intent.answer)
    return KnowledgeBase(knowledge, matcher, intents, ComposedAnswers(knowledge, intents), topic_terms, time.time(),
                         speller, years, figures, *_not_held_words(knowledge, matcher, items), figures_of(knowledge),
                         cards, lists)


def _not_held_words(knowledge: Knowledge, matcher: Matcher, items: list[IntentText]
                    ) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """The keywords of ``fallback: true`` intents that no answering intent uses, each with the intents declaring
    it: the words the matcher indexes, and the Japanese compounds it cuts (no answering intent writes them)."""
    honest = [i for i in knowledge.intents if i.fallback]
    answers = {i.id for i in knowledge.intents if not i.fallback}
    answering = [fold_kana(clean(" ".join((*t.examples, t.answer, *t.keywords)))) for t in items if t.intent_id in answers]
    words: dict[str, set[str]] = {}
    phrases: dict[str, set[str]] = {}
    for intent in honest:
        for word in {fold_kana(clean(k)) for k in intent.keywords}:
            used = matcher.mentioned_by(word)
            if 0 < used == sum(matcher.mentions(i.id, word) for i in honest):
                words.setdefault(word, set()).add(intent.id)
            elif not used and len(word) >= MIN_PHRASE and not word.isascii() and not any(word in t for t in answering):
                phrases.setdefault(word, set()).add(intent.id)
    return ({w: frozenset(ids) for w, ids in words.items()}, {p: frozenset(ids) for p, ids in phrases.items()})


_ORGANISATION = re.compile(r"(?:省|庁|協会|委員会|室|局|交流員|助手)$")
# What a question asks for, as a synonym group's first word: a why-question wants an intent that gives reasons.
# Not a topic: 「その理由は？」 after a CIR answer asks CIR's reasons (the topic stays).
ASKED = frozenset({"理由"})
MIN_PHRASE = 3  # characters of a compound keyword found as written
_HEADCOUNT = re.compile(r"\d[\d,]*(?:人|か国)")


def _entities(knowledge: Knowledge) -> set[str]:
    """Named things -- roles and organisations (ALT, CIR, 総務省, 自治体国際化協会…) -- as the matcher sees them."""
    return {fold_kana(normalise_years(clean(group[0]))) for group in knowledge.synonyms
            if re.fullmatch(r"[A-Z]{2,6}", str(group[0])) or _ORGANISATION.search(str(group[0]))
            or str(group[0]) in ASKED}


def load_kb(intents_dir: Path, knowledge_dir: Path) -> KnowledgeBase:
    """Load, validate and index; raises ``KnowledgeError`` with every ``file:line`` problem."""
    return build_kb(load_knowledge(intents_dir, knowledge_dir))

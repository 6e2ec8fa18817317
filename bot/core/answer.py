"""The pure core: ``answer(message, kb, context, now) -> Reply``. No I/O, no clock, no globals."""
from __future__ import annotations

import itertools
import re
from dataclasses import replace
from typing import Sequence

from bot.core.knowledge_base import ASKED, KnowledgeBase
from bot.core.matcher import Scored
from bot.core.narrow import ATTRIBUTES, contact_fields, kind_of, named_things, narrow, off_topic
from bot.core.gaps import find_gap
from bot.core.reasons import topic_of_why
from bot.core.replies import (GREETING_INTENT, HELP_INTENT, candidates, fallback_reply, gap_reply, help_reply,
                              intent_reply, suggestion, unique, unsure_reply, with_corrections, with_latest)
from bot.core.text import MAX_CHARS, Analysis, clean, fold_kana, is_english
from bot.core.types import Candidate, Context, IncomingMessage, Language, Reply
from bot.core.understand import sentences, understand
from bot.core.years import ERA_YEAR, normalise as normalise_years, years_in

__all__ = ["answer", "ranking", "help_reply", "intent_reply", "language_of", "Context", "THRESHOLD", "MARGIN",
           "LOW_CONFIDENCE", "UNSURE_BAND", "CONTEXT_TTL", "HELP_INTENT", "GREETING_INTENT"]

THRESHOLD = 50.0   # below: not answered (calibrated with tools/calibrate.py)
UNSURE_BAND = 40.0  # from here up to the threshold: "not sure, is it one of these?"
MARGIN = 6.0       # runner-up within this many points: offer "did you mean"
LOW_CONFIDENCE = THRESHOLD + 10  # answers scored below this are worth an admin's look (report, /admin)
CONTEXT_TTL = 600.0  # seconds a conversation's last topic completes a follow-up
LEANING_MARGIN = 10.0  # an elliptical question keeps the context unless alone it scores this much better
# a follow-up whose words the previous topic's examples cover this much less than another intent's
# (「職種別では？」 after the 2023 head count, "And MOFA?" after the contact list) asks something new:
# it moves on to that intent when the topic ranks it this close
NEW_ASPECT = 0.3
NEW_ASPECT_MARGIN = 25.0


def language_of(text: str) -> Language:
    """English when the question is written in Latin letters only."""
    return "en" if is_english(text) else "ja"


def _confident(ranked: list[Scored]) -> bool:
    return bool(ranked) and ranked[0].score >= THRESHOLD


def _ambiguous(ranked: list[Scored]) -> bool:
    """The best two are close, or the question's words fit the runner-up just as well."""
    if len(ranked) < 2:
        return False
    best, second = ranked[0], ranked[1]
    return best.score - second.score < MARGIN or (best.coverage > 0 and second.coverage >= best.coverage)


_FOLLOW_UP = re.compile(
    r"^(?:and|so|then|also|what about|how about|ほかに|他に)(?![a-z])|"
    r"(?<![a-z])(?:them|they|it|its|their|those|these)(?![a-z])|(?:その|それ|そちら|そこ|これ|この)(?!ぞれ)|"
    r"^\S{1,12}(?:は|って|の場合|だと|も)[？?]?$|^[a-z ]{1,20}\?$", re.IGNORECASE)


def follow_up_form(text: str) -> bool:
    """An elliptical or anaphoric question (「令和元年度は？」, "And SEA?", "How many of them…"): it leans on the context."""
    return bool(_FOLLOW_UP.search(text.strip()))


def _other_of_the_same_kind(kb: KnowledgeBase, query: Analysis, ranked: list[Scored], previous: str) -> bool:
    """The question names no office (role) but alone finds another office's (role's) intent than the previous
    topic's: 「担当者は誰？」 after MOFA's contact asks MOFA's staff, not MIC's."""
    if not ranked:
        return False
    was, found = kb.matcher.about(previous), kb.matcher.about(ranked[0].intent_id)
    named = {kind_of(n) for n in kb.matcher.named.intersection(query.terms)}
    return any(kind is not None and kind not in named and {n for n in found if kind_of(n) == kind}
               and not {n for n in found if kind_of(n) == kind} & was for kind in map(kind_of, was))


def _new_topic(kb: KnowledgeBase, query: Analysis) -> bool:
    """A noun the knowledge never uses: a new topic, not a follow-up."""
    return any(weight == 1.0 and not kb.matcher.knows(word) for word, weight, _ in query.units)


def _with_topic(kb: KnowledgeBase, query: Analysis, text: str, context: Context) -> str:
    """The question read with the conversation's previous topic (for an incomplete question)."""
    previous = kb.intents[context.intent_id]
    anchor = previous.title or previous.examples[0]
    if years_in(clean(text)):  # 「令和元年度は？」 after a 令和5年度 answer: the new year replaces the old one
        anchor = ERA_YEAR.sub("", normalise_years(clean(anchor)))
    named = kb.matcher.named - ASKED
    if named.intersection(query.terms):  # "MIC?" after a MEXT answer: the new office replaces the old one
        anchor, applied = kb.matcher.analyzer.apply_synonyms(clean(anchor))
        for _, canonical in applied:
            if fold_kana(canonical) in named and fold_kana(canonical) not in query.terms:
                anchor = anchor.replace(canonical, " ")
    return f"{anchor} {text}"


def _with_context(kb: KnowledgeBase, query: Analysis, ranked: list[Scored], context: Context | None,
                  text: str) -> tuple[Analysis, list[Scored], str]:
    """Re-rank an incomplete question with the previous topic; a complete question wins."""
    if context is None or context.intent_id not in kb.intents:
        return query, ranked, text
    elsewhere = _other_of_the_same_kind(kb, query, ranked, context.intent_id)
    leaning = follow_up_form(text) or elsewhere
    if _confident(ranked) and not _ambiguous(ranked) and len(set(query.terms)) > 1 and not leaning:
        return query, ranked, text
    if _new_topic(kb, query):
        return query, ranked, text
    combined_text = _with_topic(kb, query, text, context)
    combined_query = kb.matcher.analyse(combined_text)
    combined = kb.matcher.rank(combined_query)
    if not _confident(combined):
        return query, ranked, text
    # an elliptical question leans on the context unless it is clearly a new topic on its own
    if (not _confident(ranked) or combined[0].score > ranked[0].score
            or (leaning and combined[0].score >= ranked[0].score - LEANING_MARGIN)):
        moved = combined if elsewhere else _moving_on(kb, context.intent_id, query, ranked, combined)
        return combined_query, moved, combined_text
    return query, ranked, text


def _moving_on(kb: KnowledgeBase, previous: str, query: Analysis, alone: list[Scored],
               combined: list[Scored]) -> list[Scored]:
    """A follow-up rarely wants the same answer again: when the previous topic pulls the question back to
    the answer just given (「そのうち学校での事例は？」 after the casebook), the intent the question alone
    finds wins if the topic ranks it close too -- less close when the follow-up's own words are ones the
    previous topic's examples do not cover (a breakdown, another office)."""
    if not combined or combined[0].intent_id != previous or not _confident(alone):
        return combined
    found = alone[0].intent_id
    if found == previous or kb.intents[found].fallback:
        return combined
    margin = LEANING_MARGIN
    if alone[0].coverage - kb.matcher.example_coverage(query, previous) >= NEW_ASPECT:
        margin = NEW_ASPECT_MARGIN
    for s in combined[1:4]:
        if s.intent_id == found and combined[0].score - s.score <= margin:
            return [s] + [r for r in combined if r is not s]
    return combined


def _decide(kb: KnowledgeBase, query: Analysis, ranked: list[Scored], language: Language) -> Reply:
    """Answer, offer close topics when unsure, or apologise."""
    if not _confident(ranked):
        close = [s for s in ranked[:3] if s.score >= UNSURE_BAND and not kb.intents[s.intent_id].fallback]
        if close:
            return unsure_reply(kb, language, ranked, close)
        return fallback_reply(kb, query, language, ranked)
    best = ranked[0]
    reply = intent_reply(kb, best.intent_id, language, best.score, candidates(ranked))
    if _ambiguous(ranked):
        close = [s for s in ranked[1:4] if best.score - s.score < MARGIN or s.coverage >= best.coverage]
        alternatives = [suggestion(kb, s.intent_id, reply.language) for s in close]
        reply = replace(reply, kind="clarify",
                        suggestions=unique(alternatives + list(reply.suggestions), skip=best.intent_id))
    return reply


def ranking(kb: KnowledgeBase, text: str, top: int = 5) -> tuple[Candidate, ...]:
    """The best ``top`` intents for a question as the bot reads it (slips corrected, the question sentence
    of a long message found), without conversation context: for ``jetbot ask --top`` and ranking measures."""
    understood = understand(kb, text[:MAX_CHARS])  # noise too is ranked here: the reply is the help text
    return candidates(kb.matcher.rank(understood.analysis, limit=top, vector=understood.vector), top)


def prepare(messages: Sequence[IncomingMessage], kb: KnowledgeBase,
            contexts: Sequence[Context | None] = (), now: float = 0.0) -> None:
    """Encode the questions of several messages in one batch before they are answered one by one
    (:func:`answer` then finds their sentence vectors: about a fifth of the encoder's cost per question
    at a batch of 16); the answers are the same as without it. ``contexts`` (one per message): each
    question read with its conversation's previous topic is encoded too, as :func:`answer` needs it
    when the question alone is not clear."""
    matcher, queries = kb.matcher, []
    for message, context in itertools.zip_longest(messages, contexts[:len(messages)]):
        text = message.text[:MAX_CHARS]
        if message.kind != "message" or message.choice or not text.strip():
            continue
        readings = sentences(matcher, text)
        queries += readings
        if context is not None and now - context.at <= CONTEXT_TTL and context.intent_id in kb.intents \
                and not _new_topic(kb, readings[0]):
            queries.append(matcher.analyse(_with_topic(kb, readings[0], text, context)))
    if len(queries) > 1:
        matcher.prime(queries)


def answer(message: IncomingMessage, kb: KnowledgeBase, context: Context | None = None,
           now: float = 0.0) -> Reply:
    """Answer one message. ``context`` is the conversation's last topic (ignored when stale)."""
    text = message.text[:MAX_CHARS]
    language = language_of(text)
    if message.choice:
        if message.choice in kb.intents:
            return intent_reply(kb, message.choice, language_of(message.text) if text.strip() else "ja")
        return help_reply(kb, language)
    if context is not None and now - context.at > CONTEXT_TTL:
        context = None
    if not text.strip():
        return help_reply(kb, language)
    understood = understand(kb, text)
    if understood.noise:  # keyboard mashing, a lone digit, symbols: help in the conversation's language
        return replace(help_reply(kb, context.language if context is not None else "ja"), fallback=True)
    query, ranked, asked = _with_context(kb, understood.analysis, understood.ranked, context, understood.text)
    vector = understood.vector if query is understood.analysis else None
    ranked = topic_of_why(kb, query, ranked, THRESHOLD, vector)
    reading = find_gap(kb, clean(asked), query, ranked, vector, understood.analysis, text)
    if reading.gap is not None:
        reply = gap_reply(kb, reading.gap, query, language, reading.ranked)
    else:
        reply = _decide(kb, query, reading.ranked, language)
        if reading.latest is not None and reply.intent_id in kb.figure_years:
            reply = with_latest(kb, reply, reading.latest)
        if reply.intent_id is not None and not reply.fallback:
            asked = (kb.matcher.named | ATTRIBUTES).intersection(query.terms)
            reply = replace(reply, text=narrow(reply.text, text, asked, named_things(kb.matcher.analyzer.apply_synonyms)),
                            contacts=contact_fields(reply.contacts, text, asked),
                            suggestions=tuple(s for s in reply.suggestions if not query.names or not off_topic(
                                kb.matcher.analyse(s.label).names, query.names, reply.text)))
    return with_corrections(reply, understood.corrections)

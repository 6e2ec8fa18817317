"""The pure core: ``answer(message, kb, context, now) -> Reply``. No I/O, no clock, no globals."""
from __future__ import annotations

from dataclasses import replace

from bot.core.knowledge_base import KnowledgeBase
from bot.core.matcher import Scored
from bot.core.replies import (GREETING_INTENT, HELP_INTENT, candidates, fallback_reply, help_reply,
                              intent_reply, suggestion, unique, unsure_reply, with_corrections)
from bot.core.text import MAX_CHARS, Analysis, is_english
from bot.core.types import Context, IncomingMessage, Language, Reply
from bot.core.understand import understand

__all__ = ["answer", "help_reply", "intent_reply", "language_of", "Context", "THRESHOLD", "MARGIN",
           "LOW_CONFIDENCE", "UNSURE_BAND", "CONTEXT_TTL", "HELP_INTENT", "GREETING_INTENT"]

THRESHOLD = 50.0   # below: not answered (calibrated with tools/calibrate.py)
UNSURE_BAND = 40.0  # from here up to the threshold: "not sure, is it one of these?"
MARGIN = 6.0       # runner-up within this many points: offer "did you mean"
LOW_CONFIDENCE = THRESHOLD + 10  # answers scored below this are worth an admin's look (report, /admin)
CONTEXT_TTL = 600.0  # seconds a conversation's last topic completes a follow-up


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


def _with_context(kb: KnowledgeBase, query: Analysis, ranked: list[Scored], context: Context | None,
                  text: str) -> list[Scored]:
    """Re-rank an incomplete question with the previous topic; a complete question wins."""
    if context is None or context.intent_id not in kb.intents:
        return ranked
    if _confident(ranked) and not _ambiguous(ranked) and len(set(query.terms)) > 1:
        return ranked
    if any(weight == 1.0 and not kb.matcher.knows(word) for word, weight, _ in query.units):
        return ranked  # a noun the knowledge never uses: a new topic, not a follow-up
    previous = kb.intents[context.intent_id]
    anchor = previous.title or previous.examples[0]
    combined = kb.matcher.rank(kb.matcher.analyse(f"{anchor} {text}"))
    if _confident(combined) and (not _confident(ranked) or combined[0].score > ranked[0].score):
        return combined
    return ranked


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
        return help_reply(kb, context.language if context is not None else "ja")
    query = understood.analysis
    ranked = _with_context(kb, query, understood.ranked, context, understood.text)
    return with_corrections(_decide(kb, query, ranked, language), understood.corrections)

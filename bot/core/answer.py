"""The pure core: ``answer(message, kb, context) -> Reply``. No I/O, no clock, no globals."""
from __future__ import annotations

from dataclasses import replace

from bot.core import messages
from bot.core.compose import contact_of, label
from bot.core.knowledge_base import KnowledgeBase
from bot.core.matcher import Scored
from bot.core.menu import menu_suggestions
from bot.core.text import MAX_CHARS, Analysis, is_english
from bot.core.types import Candidate, Context, IncomingMessage, Language, Reply, Suggestion

THRESHOLD = 50.0   # below: fallback (calibrated with tools/calibrate.py)
MARGIN = 6.0       # runner-up within this many points: offer "did you mean"
LOW_CONFIDENCE = THRESHOLD + 10  # answers scored below this are worth an admin's look (report, /admin)
CONTEXT_TTL = 600.0  # seconds a conversation's last topic completes a follow-up
HELP_INTENT, GREETING_INTENT = "help", "greeting"


def language_of(text: str) -> Language:
    """English when the question is written in Latin letters only."""
    return "en" if is_english(text) else "ja"


def intent_reply(kb: KnowledgeBase, intent_id: str, language: Language, score: float = 100.0,
                 candidates: tuple[Candidate, ...] = ()) -> Reply:
    """The full reply for one intent."""
    intent = kb.intents[intent_id]
    if language == "en" and not intent.answer_en:
        language = "ja"
    composed = kb.answers[intent_id][language]
    reply = Reply(text=composed.text, kind="fallback" if intent.fallback else "answer", language=language,
                  intent_id=intent_id, score=score, fallback=intent.fallback,
                  links=composed.links, contacts=composed.contacts, suggestions=composed.suggestions,
                  candidates=candidates or (Candidate(intent_id, score),), source=composed.source)
    return with_menu(kb, reply) if intent_id == HELP_INTENT else reply


def with_menu(kb: KnowledgeBase, reply: Reply) -> Reply:
    """``reply`` offering the menu's main topics as its suggestions (unchanged when there is no menu)."""
    if not kb.knowledge.menu:
        return reply
    return replace(reply, suggestions=menu_suggestions(kb.knowledge.menu, reply.language))


def help_reply(kb: KnowledgeBase, language: Language, kind: str = "help") -> Reply:
    """Short help with example questions (used for empty input and follow events), offering the
    menu's main topics; the greeting also points to the menu (the LINE rich menu)."""
    special = HELP_INTENT if kind == "help" else GREETING_INTENT
    if special in kb.intents:
        reply = replace(intent_reply(kb, special, language), kind=kind, score=0.0, candidates=())
    else:
        text = messages.text(messages.HELP if kind == "help" else messages.GREETING, language)
        topics = [i for i in kb.knowledge.intents if i.id not in (HELP_INTENT, GREETING_INTENT)][:6]
        if kind == "help":
            text += "\n" + "\n".join(f"・{i.examples[0]}" for i in topics[:3])
        suggestions = tuple(Suggestion(label(i, language), i.id) for i in topics)
        reply = Reply(text=text, kind=kind, language=language, suggestions=suggestions)
    if kind == "greeting" and kb.knowledge.menu:
        reply = replace(reply, text=reply.text + "\n" + messages.text(messages.MENU_HINT, reply.language))
    return with_menu(kb, reply)


def _fallback(kb: KnowledgeBase, query: Analysis, language: Language, ranked: list[Scored]) -> Reply:
    contact = _best_contact(kb, query)
    text = messages.text(messages.FALLBACK, language)
    if contact is not None:
        text += "\n" + messages.text(messages.FALLBACK_CONTACT, language)
    near = [s for s in ranked[:3] if s.score >= THRESHOLD * 0.7]
    suggestions = tuple(Suggestion(label(kb.intents[s.intent_id], language), s.intent_id) for s in near)
    if suggestions:
        text += "\n" + messages.text(messages.DID_YOU_MEAN, language)
    return Reply(text=text, kind="fallback", language=language, fallback=True,
                 score=ranked[0].score if ranked else 0.0,
                 contacts=(contact_of(contact, language),) if contact else (),
                 suggestions=suggestions, candidates=_candidates(ranked))


def _best_contact(kb: KnowledgeBase, query: Analysis):  # -> Record | None
    contacts = kb.knowledge.table("contacts")
    terms = set(query.terms)
    best = max(contacts.values(), key=lambda c: len(terms & kb.topic_terms.get(c.id, frozenset())), default=None)
    if best is not None and terms & kb.topic_terms.get(best.id, frozenset()):
        return best
    return next((c for c in contacts.values() if c.get("default")), None)


def _candidates(ranked: list[Scored]) -> tuple[Candidate, ...]:
    return tuple(Candidate(s.intent_id, s.score) for s in ranked[:5])


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


def answer(message: IncomingMessage, kb: KnowledgeBase, context: Context | None = None,
           now: float = 0.0) -> Reply:
    """Answer one message. ``context`` is the conversation's last topic (ignored when stale)."""
    text = message.text[:MAX_CHARS]
    language = language_of(text)
    if message.choice:
        if message.choice in kb.intents:
            return intent_reply(kb, message.choice, language_of(message.text) if text.strip() else "ja")
        return help_reply(kb, language)
    if not text.strip():
        return help_reply(kb, language)
    if context is not None and now - context.at > CONTEXT_TTL:
        context = None
    query = kb.matcher.analyse(text)
    ranked = kb.matcher.rank(query)
    ranked = _with_context(kb, query, ranked, context, text)
    if not _confident(ranked):
        return _fallback(kb, query, language, ranked)
    best = ranked[0]
    reply = intent_reply(kb, best.intent_id, language, best.score, _candidates(ranked))
    if _ambiguous(ranked):
        close = [s for s in ranked[1:4] if best.score - s.score < MARGIN or s.coverage >= best.coverage]
        alternatives = tuple(Suggestion(label(kb.intents[s.intent_id], reply.language), s.intent_id) for s in close)
        reply = replace(reply, kind="clarify", suggestions=alternatives + reply.suggestions)
    return reply

"""The replies the core builds: an intent's answer, help, the "not sure" band, the plain apology."""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from bot.core import messages
from bot.core.compose import contact_of, label
from bot.core.knowledge_base import KnowledgeBase
from bot.core.menu import menu_suggestions
from bot.core.staff_office import staff_office
from bot.core.matcher import Scored
from bot.core.analysis import Analysis
from bot.core.types import Candidate, Correction, Language, Reply, Suggestion

HELP_INTENT, GREETING_INTENT = "help", "greeting"
THRESHOLD_NEAR = 35.0  # a related topic is offered as a choice from this score
TOP_CANDIDATES = 5


def candidates(ranked: list[Scored], top: int = TOP_CANDIDATES) -> tuple[Candidate, ...]:
    """The best ``top`` intents with their scores."""
    return tuple(Candidate(s.intent_id, s.score) for s in ranked[:top])


def suggestion(kb: KnowledgeBase, intent_id: str, language: Language) -> Suggestion:
    """A button for one intent."""
    return Suggestion(label(kb.intents[intent_id], language), intent_id)


def unique(suggestions: tuple[Suggestion, ...] | list[Suggestion], skip: str | None = None) -> tuple[Suggestion, ...]:
    """Suggestions without repeats (same intent or same label), and without ``skip``."""
    seen: set[str] = {skip} if skip else set()
    out = []
    for s in suggestions:
        if s.intent_id in seen or s.label in seen:
            continue
        seen.update((s.intent_id, s.label))
        out.append(s)
    return tuple(out)


def intent_reply(kb: KnowledgeBase, intent_id: str, language: Language, score: float = 100.0,
                 ranked: tuple[Candidate, ...] = ()) -> Reply:
    """The full reply for one intent."""
    intent = kb.intents[intent_id]
    if language == "en" and not intent.answer_en:
        language = "ja"
    composed = kb.answers[intent_id][language]
    kind = "fallback" if intent.fallback else "greeting" if intent.small_talk else "answer"
    reply = Reply(text=composed.text, kind=kind, language=language,
                  intent_id=intent_id, score=score, fallback=intent.fallback,
                  links=composed.links, contacts=composed.contacts,
                  suggestions=unique(composed.suggestions, skip=intent_id),
                  candidates=ranked or (Candidate(intent_id, score),), source=composed.source)
    return with_menu(kb, reply) if intent_id == HELP_INTENT else reply


def with_menu(kb: KnowledgeBase, reply: Reply) -> Reply:
    """``reply`` offering the menu's main topics as its suggestions (unchanged when there is no menu)."""
    if not kb.knowledge.menu:
        return reply
    return replace(reply, suggestions=menu_suggestions(kb.knowledge.menu, reply.language))


def help_reply(kb: KnowledgeBase, language: Language, kind: str = "help") -> Reply:
    """Short help with example questions (empty input, noise, follow events), offering the menu's main
    topics; the greeting also points to the menu (the LINE rich menu)."""
    special = HELP_INTENT if kind == "help" else GREETING_INTENT
    if special in kb.intents:
        reply = replace(intent_reply(kb, special, language), kind=kind, score=0.0, candidates=())
    else:
        text = messages.text(messages.HELP if kind == "help" else messages.GREETING, language)
        topics = [i for i in kb.knowledge.intents if i.id not in (HELP_INTENT, GREETING_INTENT)][:6]
        if kind == "help":
            text += "\n" + "\n".join(f"・{i.examples[0]}" for i in topics[:3])
        reply = Reply(text=text, kind=kind, language=language,
                      suggestions=tuple(Suggestion(label(i, language), i.id) for i in topics))
    if kind == "greeting" and kb.knowledge.menu:
        reply = replace(reply, text=reply.text + "\n" + messages.text(messages.MENU_HINT, reply.language))
    return with_menu(kb, reply)


def courtesy_reply(kb: KnowledgeBase, ranked: Sequence[Scored], threshold: float, language: Language,
                   talking: bool = False) -> Reply:
    """A message of nothing but greetings and self-introductions: the small talk it is when that is clear
    (「ありがとうございます」: thanks), else the greeting that invites the question; in a conversation under way
    (``talking``), a short 「はい、どうぞ」."""
    if ranked and ranked[0].score >= threshold and kb.intents[ranked[0].intent_id].small_talk:
        return intent_reply(kb, ranked[0].intent_id, language, ranked[0].score)
    if talking:
        return Reply(text=messages.text(messages.GO_AHEAD, language), kind="greeting", language=language)
    return help_reply(kb, language, "greeting")


def best_contact(kb: KnowledgeBase, query: Analysis):  # -> Record | None
    """The contact of the office printing a staff member the question names, else the contact whose topics the
    question names, else the default contact."""
    contacts = kb.knowledge.table("contacts")
    office = staff_office(kb, query)
    if office is not None:
        return contacts[office]
    terms = set(query.terms)
    best = max(contacts.values(), key=lambda c: len(terms & kb.topic_terms.get(c.id, frozenset())), default=None)
    if best is not None and terms & kb.topic_terms.get(best.id, frozenset()):
        return best
    return next((c for c in contacts.values() if c.get("default")), None)


def fallback_reply(kb: KnowledgeBase, query: Analysis, language: Language, ranked: list[Scored]) -> Reply:
    """The plain apology for a question the knowledge does not answer, with the contact to ask."""
    contact = best_contact(kb, query)
    text = messages.text(messages.FALLBACK, language)
    if contact is not None:
        text += "\n" + messages.text(messages.FALLBACK_CONTACT, language)
    return Reply(text=text, kind="fallback", language=language, fallback=True,
                 score=ranked[0].score if ranked else 0.0,
                 contacts=(contact_of(contact, language),) if contact else (), candidates=candidates(ranked))


def more_reply(kb: KnowledgeBase, intent_id: str, language: Language) -> Reply | None:
    """「ほかには？」 after an answer: the related topics it offers, to choose from, and its links (where there is
    more: the full casebook after two of its cases); ``None`` if it offers none."""
    previous = intent_reply(kb, intent_id, language)
    if not previous.suggestions:
        return None
    text = messages.text(messages.MORE, language) + "\n" + "\n".join(f"・{s.label}" for s in previous.suggestions)
    return Reply(text=text, kind="clarify", language=language, suggestions=previous.suggestions, links=previous.links)


def unsure_reply(kb: KnowledgeBase, language: Language, ranked: list[Scored], close: list[Scored]) -> Reply:
    """Below the threshold but close: say so honestly and offer the best few topics to choose from."""
    offered = unique([suggestion(kb, s.intent_id, language) for s in close])
    lines = "\n".join(f"・{s.label}" for s in offered)
    text = messages.text(messages.UNSURE, language) + "\n" + lines + "\n" + messages.text(messages.UNSURE_END, language)
    return Reply(text=text, kind="clarify", language=language, fallback=True, score=ranked[0].score,
                 suggestions=offered, candidates=candidates(ranked))


def with_corrections(reply: Reply, corrections: tuple[Correction, ...]) -> Reply:
    """The reply, led by a line saying how a mistyped word was read."""
    if not corrections:
        return reply
    template = messages.text(messages.UNDERSTOOD, reply.language)
    notes = [template.format(wrong=c.wrong, right=c.right) for c in corrections]
    return replace(reply, text="\n".join(notes) + "\n" + reply.text, corrections=corrections + reply.corrections)

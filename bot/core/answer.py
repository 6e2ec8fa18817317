"""The pure core: ``answer(message, kb, context, now) -> Reply``. No I/O, no clock, no globals."""
from __future__ import annotations

import itertools
import re
from dataclasses import replace
from typing import Sequence

from bot.core import focus, messages
from bot.core.amounts import AMOUNT_WORD, asks_the_pay_itself
from bot.core.follow_up import close_call, sure, with_context
from bot.core.follow_up_picks import picked, the_list_again
from bot.core.follow_up_topic import about_the_topic, has_topic, new_topic, with_topic
from bot.core.follow_up_forms import more_asked, names_asked, office_answered, without_sources
from bot.core.language_asked import language_asked, language_wanted
from bot.core.knowledge_base import KnowledgeBase
from bot.core.matcher import Scored
from bot.core.place_asked import asked_of_a_cases_alt
from bot.core.part_asked import contact_fields, field_first, held_for_others_only, office_field_missing
from bot.core.other_ask import with_other_ask
from bot.core.premise import asked_plainly, printed_phones
from bot.core.narrow import ATTRIBUTES, lead_with, named_things, narrow, off_topic, roles_among
from bot.core.declared import declared_asked
from bot.core.figure_reply import computed, names_remembered
from bot.core.gaps import find_gap
from bot.core.reasons import only_why, topic_of_why
from bot.core.siblings import office_named, offices_named, overview_of_a_tie, staff_named
from bot.core.replies import (GREETING_INTENT, HELP_INTENT, candidates, courtesy_reply, fallback_reply, gap_reply,
                              help_reply, intent_reply, more_reply, suggestion, unique, unsure_reply, with_corrections,
                              with_latest)
from bot.core.analysis import Analysis
from bot.core.orthography import MAX_CHARS, clean, language_of
from bot.core.stop_words import EN_STOP
from bot.core.types import Candidate, Context, IncomingMessage, Language, Reply
from bot.core.understand import Understanding, sentences, understand

__all__ = ["answer", "ranking", "help_reply", "intent_reply", "language_of", "Context", "THRESHOLD", "MARGIN",
           "LOW_CONFIDENCE", "UNSURE_BAND", "CONTEXT_TTL", "HELP_INTENT", "GREETING_INTENT", "threshold_for"]

THRESHOLD = 50.0   # below: not answered (calibrated with tools/calibrate.py)
# A message this long with a background around its question sentence (a LINE message) is answered from a lower
# score: the background's words dilute the question's, so the same evidence scores lower (development sets: +8 in
# scope, -1 out of scope; docs/matching.md, round 12)
LONG_MESSAGE = 60  # characters
LONG_THRESHOLD = 45.0
UNSURE_BAND = 40.0  # from here up to the threshold: "not sure, is it one of these?"
STAFF_FLOOR = 30.0  # a printed surname names its office from this score (「桒田主査って文科省の人だっけ」 scores 40 at most)
MARGIN = 6.0       # runner-up within this many points: offer "did you mean"
LOW_CONFIDENCE = THRESHOLD + 10  # answers scored below this are worth an admin's look (report, /admin)
CONTEXT_TTL = 600.0  # seconds a conversation's last topic completes a follow-up


def threshold_for(text: str, parts: focus.MessageParts | None = None) -> float:
    """The score from which a message is answered: :data:`LONG_THRESHOLD` for a long one with a background
    around its question sentence, or in it before the question's clause (「資料を作っておりまして、…確認させてください」;
    a long question alone is judged as any question); ``parts``: its parts."""
    if len(text) < LONG_MESSAGE:
        return THRESHOLD
    parts = parts or focus.parts(text)
    return LONG_THRESHOLD if parts.background or any(not alone for _, _, alone in parts.alternatives) else THRESHOLD


def _ambiguous(ranked: list[Scored]) -> bool:
    return close_call(ranked, MARGIN)


def _decide(kb: KnowledgeBase, query: Analysis, ranked: list[Scored], language: Language, message: str,
            threshold: float) -> Reply:
    """Answer, offer close topics when unsure, or apologise; an honest "not held" intent that declares a word
    of the message (解雇 in a long message) says so, as sure or not (its reply answers nothing)."""
    if ranked and ranked[0].score >= UNSURE_BAND and not sure(ranked, threshold) \
            and declared_asked(kb, ranked[0].intent_id, query, message):
        return intent_reply(kb, ranked[0].intent_id, language, ranked[0].score, candidates(ranked))
    staff = staff_named(kb, ranked, query) if ranked and ranked[0].score >= STAFF_FLOOR else None
    if staff is not None:  # 「橋口さんに連絡を取りたい」: the office printing that name, however sure
        return intent_reply(kb, staff, language, ranked[0].score, candidates(ranked))
    if not sure(ranked, threshold):
        close = [s for s in ranked[:3] if s.score >= UNSURE_BAND and not kb.intents[s.intent_id].fallback]
        if close:
            return unsure_reply(kb, language, ranked, close)
        return fallback_reply(kb, query, language, ranked)
    best = ranked[0]
    overview = overview_of_a_tie(kb, ranked, query, message) or office_named(kb, ranked, query) \
        or offices_named(kb, ranked, query)
    if overview is not None:
        return intent_reply(kb, overview, language, best.score, candidates(ranked))
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
    text = text[:MAX_CHARS]
    parts = focus.parts(text)
    understood = understand(kb, text, threshold_for(text, parts), parts)  # noise too is ranked here: the reply is the help text
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
                and not new_topic(kb, readings[0]):
            queries.append(matcher.analyse(with_topic(kb, readings[0], text, context)))
    if len(queries) > 1:
        matcher.prime(queries)


def _words_language(text: str) -> Language:
    """English for a message of English words only ("What do they do?"), Japanese for anything else (mashing)."""
    words = re.findall(r"[a-z']+", text.casefold())
    return "en" if len(words) > 1 and all(w in EN_STOP for w in words) else "ja"


def _corrected(text: str, understood: Understanding) -> str:
    """The message with its slips corrected (「JETプログラムの創説は？」: 創設 is no subject the knowledge lacks)."""
    if not understood.corrections:
        return text
    fixed = clean(text)
    for correction in understood.corrections:
        fixed = fixed.replace(correction.wrong, correction.right)
    return fixed


def answer(message: IncomingMessage, kb: KnowledgeBase, context: Context | None = None,
           now: float = 0.0) -> Reply:
    """Answer one message. ``context`` is the conversation's last topic (ignored when stale)."""
    text = message.text[:MAX_CHARS]
    if message.choice:
        if message.choice in kb.intents:
            return intent_reply(kb, message.choice, language_of(message.text) if text.strip() else "ja")
        return help_reply(kb, language_of(text))  # a button of a knowledge since changed
    if context is not None and now - context.at > CONTEXT_TTL:
        context = None
    wanted, text = language_wanted(text)  # 「ALTの人数を英語で教えて」: the question, answered in English
    language = wanted or language_of(text, context.language if context is not None else None)
    # 「2番目は？」 after a list (the attachments, the offices); a figure checked is asked (「ALTって6,000人だっけ？」)
    pick = picked(kb, text, context)
    text = pick or asked_plainly(
        text, kb.figures, printed_phones(kb.knowledge.table("contacts").values()))
    if not text.strip():
        return help_reply(kb, language)
    switched = language_asked(text)
    if switched is not None and context is not None and has_topic(kb, context) and switched != context.language:
        # "English please?" after a Japanese answer: that answer again (in English already, "In English?" asks
        # whether there is an English version of what was talked about)
        return replace(intent_reply(kb, context.intent_id, switched), names=context.names)
    if more_asked(text) and (not has_topic(kb, context) or context.intent_id not in kb.figure_years):
        # 「ほかには？」: the related topics, not the answer again (no topic: what the bot answers); after a role's
        # count 「ほかは？」 asks for the other roles'
        return (has_topic(kb, context) and more_reply(kb, context.intent_id, language)) or help_reply(kb, language)
    parts = focus.parts(text)  # found once: the threshold and the reading of the message both need them
    if parts.courtesy == "topic":  # 「SEAの件でご相談です」: asked as 「SEAについて」, nothing else of it read
        # (a topic of its own: "One more question about CIRs." after what ALTs do is not "about CIRs?" of that topic;
        # after a count it stays a count, so a sum asked next adds both)
        text, parts = parts.question, focus.parts(parts.question)
        context = context if context is not None and context.intent_id in kb.figure_years else None
    threshold = threshold_for(text, parts)
    understood = understand(kb, text, threshold, parts)
    if parts.courtesy in ("greeting", "announcement"):  # an opening line sent before the question (「○○市の田中です。」)
        return courtesy_reply(kb, understood.ranked if parts.courtesy == "greeting" else [], threshold, language,
                              talking=has_topic(kb, context))
    if understood.noise and not about_the_topic(kb, understood.analysis, text, context):
        # keyboard mashing, a lone digit, symbols: help in the conversation's language
        # ("What do they do?" with nothing talked about: English words, help in English)
        language = context.language if context is not None else _words_language(text)
        return replace(help_reply(kb, language), fallback=True)
    whole = (_corrected(text, understood),) if len(text) < LONG_MESSAGE else ()  # 「事例の割合 %で。ざっくりでOK」
    figured = computed(kb, (understood.text, *whole), language, context)
    if figured is not None:  # 「R1→R5で何人増えた？」: computed from the printed figures, with the sum shown
        remembered = names_remembered(kb, text, context, ())  # (the conversation's role stays: 「新規の割合は？」 next)
        return with_corrections(replace(figured, names=remembered), understood.corrections)
    own, own_ranked, own_text = understood.analysis, understood.ranked, understood.text
    if asks_the_pay_itself(text):  # 「ALTの給料は？」, "What's a CIR paid?" (after a count too): how much it is
        own_text = f"{own_text} {AMOUNT_WORD}"
        own = kb.matcher.analyse(own_text)
        own_ranked = kb.matcher.rank(own)
    query, ranked, asked = with_context(kb, own, own_ranked, context, own_text, threshold, MARGIN)
    if pick is not None and the_list_again(kb, pick, context, ranked, own_ranked, threshold):  # 「3番目は？」: 参考資料3 alone
        query, ranked, asked = own, own_ranked, own_text
    read = asked  # the question as read (with the conversation's topic: "And CIRs?" after a year's count)
    asked_of = names_asked(kb.matcher.named, query.terms, clean(text))  # the roles asked about, and one office
    vector = understood.vector if query is understood.analysis else None
    if query is understood.analysis and only_why(query):  # "Why?" with no topic to ask it about
        return replace(help_reply(kb, language), fallback=True)
    ranked = topic_of_why(kb, query, ranked, threshold, vector)
    reading = find_gap(kb, clean(asked), query, ranked, vector, understood.analysis, _corrected(text, understood),
                       threshold)
    lacking = office_field_missing(kb, query, reading.ranked, text, language) if reading.gap is None else None
    if lacking is not None and not lacking[1]:  # 「総務省の住所は？」: not printed, with the office's card
        reading = replace(reading, gap=lacking[0])
    person = asked_of_a_cases_alt(kb, text, reading.ranked, context and context.intent_id, language) \
        if reading.gap is None and lacking is None else None
    if person is not None:  # 「柏崎市のALTは何歳？」: no case prints it (not an applicant's age limits)
        reading = replace(reading, gap=person)
    if reading.gap is not None:
        reply = gap_reply(kb, reading.gap, query, language, reading.ranked)
    elif lacking is not None:  # 「文科省の住所と電話番号」: the card, said to lack the address
        office, fields = lacking[0].detail
        score = next(s.score for s in reading.ranked if s.intent_id == lacking[0].topic)
        found = intent_reply(kb, lacking[0].topic, language, score, candidates(reading.ranked))
        note = messages.text(messages.FIELD_NOTE, language).format(thing=office, detail=fields)
        reply = replace(found, text=f"{note}\n{found.text}")
    else:
        reply = _decide(kb, query, reading.ranked, language, text, threshold)
        if reading.latest is not None and reply.intent_id in kb.figure_years:
            reply = with_latest(kb, reply, reading.latest)
        if reply.intent_id is not None and not reply.fallback:
            asked = (kb.matcher.named | ATTRIBUTES).intersection(query.terms)
            names = named_things(kb.matcher.analyzer.apply_synonyms)
            gap = held_for_others_only(kb, reply, text, asked, names, understood.analysis, context and context.intent_id,
                                       context.names if context is not None else ())
            if gap is not None:  # 「SEAの新規は何人」: new participants are counted for ALT and CIR only
                shown = gap_reply(kb, gap, query, language, reading.ranked)
                # the topic stays (「CIRは？」 next: CIR's new participants); an office's card is shown (「では電話番号は？」)
                shown = replace(shown, intent_id=reply.intent_id,
                                contacts=reply.contacts if gap.kind == "field" else shown.contacts)
                return with_corrections(replace(shown, names=asked_of), understood.corrections)
            led = lead_with(narrow(reply.text, read, asked, names), read, asked, names)
            reply = replace(reply, text=field_first(led, reply.contacts, text, asked, reply.language),
                            contacts=contact_fields(reply.contacts, text, asked),
                            suggestions=tuple(s for s in reply.suggestions if not query.names or not off_topic(
                                kb.matcher.analyse(s.label).names, query.names, reply.text)))
            if not reply.contacts:  # (an answer with an office's card: its office is the card's)
                first = kb.matcher.analyse(without_sources(reply.text.split("\n")[0])).terms
                asked_of = office_answered(kb.matcher.named, asked_of, first)
    if reply.intent_id in kb.figure_years:  # what was counted stays counted (「差は？」 after the countries)
        asked_of = names_remembered(kb, text, context, roles_among(asked_of))
    reply = with_other_ask(kb, replace(reply, names=asked_of), parts.asks,
                           lambda ask, topic: answer(IncomingMessage(ask), kb, topic, now), now)
    return with_corrections(reply, understood.corrections)

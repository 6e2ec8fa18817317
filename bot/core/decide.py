"""How sure the core must be: the thresholds, and the choice between an answer, "is it one of these?" and an apology."""
from __future__ import annotations

import re
from dataclasses import replace

from bot.core import focus
from bot.core.case_excluded import case_named
from bot.core.analysis import Analysis
from bot.core.declared import declared_asked
from bot.core.follow_up import close_call, sure
from bot.core.knowledge_base import KnowledgeBase
from bot.core.matcher import Scored
from bot.core.narrow import kind_of
from bot.core.orthography import clean
from bot.core.romaji import is_romaji
from bot.core.replies import candidates, fallback_reply, intent_reply, suggestion, unique, unsure_reply
from bot.core.staff_office import staff_office
from bot.core.siblings import (no_office_named, office_beside, office_card, office_named, offices_named,
                               overview_of_a_tie, staff_named, topic_beside_office)
from bot.core.types import Language, Reply

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


def threshold_for(text: str, parts: focus.MessageParts | None = None) -> float:
    """The score from which a message is answered: :data:`LONG_THRESHOLD` for a long one with a background
    around its question sentence, or in it before the question's clause (「資料を作っておりまして、…確認させてください」;
    a long question alone is judged as any question); ``parts``: its parts."""
    if len(text) < LONG_MESSAGE:
        return THRESHOLD
    parts = parts or focus.parts(text)
    return LONG_THRESHOLD if parts.background or any(not alone for _, _, alone in parts.alternatives) else THRESHOLD


_LATIN_WORD = re.compile(r"[a-z]+")
# a number or an address asked, which the card prints (not the hours calls are taken, nor a call in English)
_NUMBER_OR_MAIL = re.compile(r"番号|何番|電話|メール|メアド|アドレス|連絡先|(?<![a-z])(?:number|phone|call|e-?mail|contact)",
                             re.IGNORECASE)
# … nor which office to ask, checked ("…, I should call MOFA, right?": the offices' parts answer it)
_NOT_ON_A_CARD = re.compile(r"何時|時間|受け?付|英語|日本語|ですよね|でしたっけ|で(?:合|あ)って|"
                            r"(?<![a-z])(?:hours|open|english|japanese|right|correct)(?![a-z])", re.IGNORECASE)
_TWO_QUESTIONS = re.compile(r"[?？](?=.*\S)", re.DOTALL)  # a question mark before the end: two questions asked


def _unknown_asked(kb: KnowledgeBase, query: Analysis, message: str) -> bool:
    """An English word of the question no intent answering uses (birthday; "live" only in what is not held), besides
    a staff member's name: something about that person the notice does not print. Japanese words are no guide (読む,
    漢字, 一人: how a name reads, its kanji, the others printed beside it), nor romaji ("nante yomu", -san)."""
    romaji = [word for word in _LATIN_WORD.findall(message.lower()) if is_romaji(word)]
    return any(term.isascii() and len(term) >= 4 and not any(word.startswith(term) for word in romaji)
               and not any(kb.matcher.mentions(i, term) for i, intent in kb.intents.items() if not intent.fallback)
               for term in query.terms)  # (a term is a stem: nante's is nant)


def decide(kb: KnowledgeBase, query: Analysis, ranked: list[Scored], language: Language, message: str,
           threshold: float, talked_of: str | None = None) -> Reply:
    """Answer, offer close topics when unsure, or apologise; an honest "not held" intent that declares a word
    of the message (解雇 in a long message) says so, as sure or not (its reply answers nothing). ``talked_of``:
    the conversation's topic (a follow-up naming no office after one office's contact is about that office).
    What is not held of a staff member named ("Can I get Kuwata-san's direct line?") shows that person's office."""
    reply = _decided(kb, query, ranked, language, message, threshold, talked_of)
    office = staff_office(kb, query) if reply.fallback and len(reply.contacts) > 1 else None
    if office is None:
        return reply
    return replace(reply, contacts=tuple(c for c in reply.contacts if c.id == office) or reply.contacts)


def _decided(kb: KnowledgeBase, query: Analysis, ranked: list[Scored], language: Language, message: str,
             threshold: float, talked_of: str | None = None) -> Reply:
    # (a staff member named, from a lower score: "Higo-san's mobile number please" is the staff's details not held)
    floor = STAFF_FLOOR if ranked and ranked[0].score < UNSURE_BAND and staff_office(kb, query) else UNSURE_BAND
    if ranked and ranked[0].score >= floor and not sure(ranked, threshold) \
            and declared_asked(kb, ranked[0].intent_id, query, message):
        return intent_reply(kb, ranked[0].intent_id, language, ranked[0].score, candidates(ranked))
    staff = staff_named(kb, ranked, query) if ranked and ranked[0].score >= STAFF_FLOOR else None
    if staff is not None:  # 「橋口さんに連絡を取りたい」: the office printing that name, however sure
        # … unless what is asked of that person is declared not held ("How old is Mizutani at MOFA?": an age; not
        # in a LINE message, whose background names a topic of its own: 「選考のことで外務省に…部署と電話番号を」)
        personal = None if len(message) >= LONG_MESSAGE else next(
            (s.intent_id for s in ranked[:3] if kb.intents[s.intent_id].fallback
             and declared_asked(kb, s.intent_id, query, message, besides=staff)), None)
        if personal is None and len(message) < LONG_MESSAGE and _unknown_asked(kb, query, message):
            return fallback_reply(kb, query, language, ranked)  # "What's Hashiguchi-san's birthday?": that office
        return intent_reply(kb, personal or staff, language, ranked[0].score, candidates(ranked))
    if not sure(ranked, threshold):
        if ranked and ranked[0].score >= UNSURE_BAND and case_named(kb, ranked[0].intent_id, clean(message)):
            return intent_reply(kb, ranked[0].intent_id, language, ranked[0].score, candidates(ranked))
        office = office_card(kb, query, message) if ranked and ranked[0].score >= STAFF_FLOOR \
            and _NUMBER_OR_MAIL.search(message) and not _NOT_ON_A_CARD.search(message) else None
        if office is not None and office in (s.intent_id for s in ranked[:2]):
            # "A town's board of education wants to ask MEXT about ALTs in classes. What number should they call?":
            # the office named, a contact detail asked, that office's card among the best two
            return intent_reply(kb, office, language, ranked[0].score, candidates(ranked))
        close = [s for s in ranked[:3] if s.score >= UNSURE_BAND and not kb.intents[s.intent_id].fallback]
        if close:
            return unsure_reply(kb, language, ranked, close)
        return fallback_reply(kb, query, language, ranked)
    best = ranked[0]
    overview = overview_of_a_tie(kb, ranked, query, message) or office_named(kb, ranked, query) \
        or offices_named(kb, ranked, query) or (None if _about_an_office(kb, talked_of) else
                                                 no_office_named(kb, ranked, query, message))
    if overview is not None:
        return intent_reply(kb, overview, language, best.score, candidates(ranked))
    topic = topic_beside_office(kb, ranked, message)
    if topic is not None:  # "What does MOFA do in JET?": its part in JET, with its card
        card = intent_reply(kb, best.intent_id, language).contacts
        found = intent_reply(kb, topic, language, best.score, candidates(ranked))
        return replace(found, contacts=card + tuple(c for c in found.contacts if c not in card))
    asked_of_office = office_card(kb, query, message)
    if asked_of_office is not None and kb.intents[best.intent_id].fallback and not _TWO_QUESTIONS.search(message):
        # 「配置要望調査のことで総務省に確認したい。電話番号は」: the office's phone, not the survey's dates not held
        # (「…締切はいつ？電話番号も」 asks both: what is not held is said, the office's card beside)
        return intent_reply(kb, asked_of_office, language, best.score, candidates(ranked))
    reply = intent_reply(kb, best.intent_id, language, best.score, candidates(ranked))
    card = asked_of_office or office_beside(kb, best.intent_id, query) \
        if not kb.intents[best.intent_id].contacts else None
    if card is not None:  # 「JETで総務省が担当してるのって何？電話番号も」, "Why is MIC involved?": the office's card beside
        reply = replace(reply, contacts=intent_reply(kb, card, language).contacts)
    if close_call(ranked, MARGIN):
        close = [s for s in ranked[1:4] if best.score - s.score < MARGIN or s.coverage >= best.coverage]
        alternatives = [suggestion(kb, s.intent_id, reply.language) for s in close]
        reply = replace(reply, kind="clarify",
                        suggestions=unique(alternatives + list(reply.suggestions), skip=best.intent_id))
    return reply


def _about_an_office(kb: KnowledgeBase, topic: str | None) -> bool:
    return topic in kb.intents and any(kind_of(t) == "office" for t in kb.matcher.about(topic))

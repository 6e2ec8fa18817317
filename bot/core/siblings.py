"""Offices' intents and the overview listing them: which one answers when they compete.

「電話番号は？」 names no office: MOFA's, MIC's and MEXT's contacts score alike, and the best of them by a point
is no answer to the question; the list of all three (whose follow-ups they are) is. The question must name
nothing that tells the two apart (「外務省の電話番号」 is MOFA's); two intents told apart by no named thing (the
figures of two years) are no siblings of this kind. The other way round, a question naming one office gets that
office's own intent over a close overview that lists it ("And MOFA, do they have an e-mail address?" is MOFA's
contact, not the e-mail addresses of all). An office named beside a topic is not always asked for its card: "What
does MOFA do in JET?" asks its part (:func:`topic_beside_office`)."""
from __future__ import annotations

import re

from bot.core import asked_kind
from bot.core.analysis import Analysis
from bot.core.knowledge_base import KnowledgeBase
from bot.core.matcher import Scored
from bot.core.follow_up_forms import office_contact_asked
from bot.core.narrow import kind_of
from bot.core.orthography import clean


# two offices' intents a question names neither of may score this far apart on words that tell nothing
# (「担当者の名前は？」: MOFA's 83, MIC's 77)
MARGIN = 10.0
RARE = 3  # intents at most using a word that names one thing (a staff member's surname: the office, the list…)


def overview_of_a_tie(kb: KnowledgeBase, ranked: list[Scored], query: Analysis, message: str) -> str | None:
    """The answered overview (not an honest "not held" intent) of the two best answered intents when both are
    within :data:`MARGIN` of the best, each is about an office the other is not, and neither the question
    (``query``, as read) nor the whole ``message`` names one of those (or uses a rare word only one of them uses),
    nor asks which office it is; else None."""
    answered = [s for s in ranked if not kb.intents[s.intent_id].fallback][:2]
    if len(answered) < 2 or ranked[0].score - answered[1].score >= MARGIN:
        return None
    pair = {s.intent_id for s in answered}
    first, second = ({t for t in kb.matcher.about(i) if kind_of(t) == "office"} for i in pair)
    if not (first - second and second - first) or "party" in asked_kind.asked(query):
        return None  # ("Which ministry handles funding?": one of the two is the answer)
    terms = set(query.terms) | set(kb.matcher.analyse(message).terms)
    if kb.matcher.named.intersection(terms) & (first ^ second):  # (「…外務省にも確認したい…。担当の窓口と電話番号を」)
        return None
    one, other = pair
    # a rare word only one of the two uses tells them apart too (「澤浦補佐の連絡先」: the staff MEXT's answer prints)
    if any(kb.matcher.mentioned_by(t) <= RARE and kb.matcher.mentions(one, t) != kb.matcher.mentions(other, t)
           for t in terms):
        return None
    overviews = [i for i, intent in kb.intents.items() if not intent.fallback and pair <= set(intent.follow_ups)]
    return overviews[0] if len(overviews) == 1 else None


def no_office_named(kb: KnowledgeBase, ranked: list[Scored], query: Analysis, message: str) -> str | None:
    """The answered overview of the offices' contacts when the best is one office's contact and neither the question
    nor the whole ``message`` names an office or a word that tells it apart from the others listed (人物交流室, 国際室, a
    staff member's surname, schools): 「JETの問い合わせ先」, 「JETについての電話番号」 are all three, not MOFA's whose
    example asks "about JET"; else None."""
    if not ranked or not _one_office(kb, ranked[0].intent_id) \
            or not any(kind_of(t) == "office" for t in kb.matcher.about(ranked[0].intent_id)):
        return None  # (not 参考資料2, whose answer sends to MIC: a document, no office's contact)
    best = ranked[0].intent_id
    card = set(kb.intents[best].contacts)
    overviews = [i for i, intent in kb.intents.items() if best in intent.follow_ups
                 and _contact_intent(kb, i) and card < set(intent.contacts)]  # (not the e-mails: MOFA prints none)
    if not overviews:
        return None
    overview = max(overviews, key=lambda i: len(kb.intents[i].contacts))
    others = [i for i in kb.intents[overview].follow_ups if i != best and i in kb.intents]
    terms = set(query.terms) | set(kb.matcher.analyse(message).terms)
    if any(kind_of(t) == "office" for t in kb.matcher.named.intersection(terms)) or any(
            _tells_apart(kb, best, others, t) for t in terms):
        return None
    return overview


def _tells_apart(kb: KnowledgeBase, office: str, others: list[str], term: str) -> bool:
    """Whether ``term`` is one only ``office``'s intent uses among ``others`` (its answer: 人物交流室, a surname; its
    examples: the schools MEXT is asked about), other than a word asking for a contact (連絡, 電話)."""
    def used(intent: str) -> bool:
        return kb.matcher.says(intent, term) or kb.matcher.asks_of(intent, term)
    # (not a named thing of all, JET: MOFA's example asks "about JET")
    return used(office) and term not in kb.matcher.named and not _OFFICE_ASKED.search(term) \
        and not any(used(o) for o in others)


def office_named(kb: KnowledgeBase, ranked: list[Scored], query: Analysis) -> str | None:
    """The intent about the one office the question names, when the best is an answered overview listing it among
    its follow-ups (and not about that office) and it scores within :data:`MARGIN`; else None."""
    offices = {t for t in kb.matcher.named.intersection(query.terms) if kind_of(t) == "office"}
    if len(offices) != 1 or not ranked or offices <= kb.matcher.about(ranked[0].intent_id) \
            or kb.intents[ranked[0].intent_id].fallback:  # (「総務省の担当者の携帯番号」: not held, said so)
        return None
    listed = set(kb.intents[ranked[0].intent_id].follow_ups)
    return next((s.intent_id for s in ranked[1:] if s.intent_id in listed and offices <= kb.matcher.about(s.intent_id)
                 and ranked[0].score - s.score < MARGIN), None)


# what asks an office for itself: its contact, its staff, its name or place (not "What does MOFA do in JET?")
_OFFICE_ASKED = re.compile(r"連絡|れんらく|問い?合わ?せ|といあわせ|窓口|まどぐち|電話|でんわ|メール|めーる|メアド|担当|たんとう|部署|誰|だれ"
                           r"|どなた|どこ|どちら|番号|ばんごう|アドレス|住所|所在|名称|名前|正式|情報|[課室局]|(?:人|ひと|方|かた)(?=$|[はっ?？])"
                           r"|(?<![a-z])(?:contacts?|phone|call|e-?mail|mail|reach|who|whom|charge|number|address"
                           r"|ask|talk|speak|department|division|office|bureau|section|where|staff|names?|official|full)"
                           r"(?![a-z])")
TOPIC_MARGIN = 15.0  # how far below one office's card the intent of the topic asked beside it may rank
TOPIC_WORDS = 4  # words beside the office, at most (a long message's many words share one with some intent)
_WHY = frozenset({"理由", "why"})  # a why alone beside an office (the synonyms' canonical word and English)
_TAKING_PART = frozenset({"関係", "関ワル", "関与", "involv", "part", "role"})  # … or why it takes part


def topic_beside_office(kb: KnowledgeBase, ranked: list[Scored], message: str) -> str | None:
    """The intent of a topic asked beside an office that asks nothing of the office itself ("What does the foreign
    ministry people do in the JET Programme?", 「JETって文科省だけの事業じゃないの？」: the organisers' roles, not MOFA's
    or MEXT's card), when the best is the office's card: the best answered intent within :data:`TOPIC_MARGIN` that
    mentions the office and whose examples use a word of the question other than the office and the roles (a few
    words: :data:`TOPIC_WORDS`); else None."""
    if not ranked or not _one_office(kb, ranked[0].intent_id) or _OFFICE_ASKED.search(clean(message)):
        return None
    own = kb.matcher.analyse(message)  # the message's own words (「総務省は？」 after a topic asks the office)
    offices = {t for t in kb.matcher.named.intersection(own.terms) if kind_of(t) == "office"}
    contacts = kb.knowledge.table("contacts")
    card = "".join(str(contacts[c].get("name", "")) for c in kb.intents[ranked[0].intent_id].contacts)
    words = [w for w, _, _ in own.units
             if w not in offices and w not in card and not any(o.startswith(w) for o in offices)]
    if not offices or not 0 < len(words) <= TOPIC_WORDS:
        return None
    # (「外務省のSEA」 asks nothing of the office but about SEA; "Why MOFA?", 「外務省はなんで関係あるの」 why the
    # office takes part: the intent asked of the office itself, its part in JET)
    topic = [w for w in words if kind_of(w) != "role" and w not in _WHY]
    # (a role: its reasons; 「なぜ総務省が財政？」: the topic's own answer)
    why = not _WHY.isdisjoint(words) and len(topic) == len(words) - 1 and set(topic) <= _TAKING_PART
    return next((s.intent_id for s in ranked[1:5] if ranked[0].score - s.score <= TOPIC_MARGIN
                 and not _contact_intent(kb, s.intent_id) and not kb.intents[s.intent_id].fallback
                 and all(kb.matcher.mentions(s.intent_id, office) for office in offices)
                 and (any(kb.matcher.asks_of(s.intent_id, w) for w in topic)
                      or why and all(kb.matcher.asks_of(s.intent_id, office) for office in offices))), None)


def office_card(kb: KnowledgeBase, query: Analysis, message: str) -> str | None:
    """The intent of the one office's card a message asks a contact detail of (「JETで総務省が担当してるのって何？
    電話番号も」: MIC's; ``query``: the reading answered, naming the office), else None."""
    if not any(kind_of(t) == "office" for t in kb.matcher.named.intersection(query.terms)) \
            or not _OFFICE_ASKED.search(clean(message)):
        return None
    terms = kb.matcher.analyse(message).terms  # (the whole message: the reading answered may leave the ask out)
    if not office_contact_asked(kb.matcher.named, terms, message):
        return None
    offices = {t for t in kb.matcher.named.intersection(terms) if kind_of(t) == "office"}
    return next((i for i in kb.intents if _one_office(kb, i) and offices <= kb.matcher.about(i)), None)


def office_beside(kb: KnowledgeBase, intent_id: str, query: Analysis) -> str | None:
    """The intent of the one office's card a question names, when the intent answered (carrying no card of its own)
    is asked about the offices ("Why is MIC involved in JET?", 「どうして外務省がJETに関わっているの？」: the
    organisers' roles, with that office's card), else None."""
    offices = {t for t in kb.matcher.named.intersection(query.terms) if kind_of(t) == "office"}
    if len(offices) != 1 or not kb.matcher.asks_of(intent_id, next(iter(offices))):
        return None
    return next((i for i in kb.intents if _one_office(kb, i) and offices <= kb.matcher.about(i)), None)


def offices_named(kb: KnowledgeBase, ranked: list[Scored], query: Analysis) -> str | None:
    """The answered overview listing the offices' intents when the question names two offices or more and the best
    is one office's contact ("phone numbers for MEXT and MIC": both, not MEXT's alone); else None."""
    offices = {t for t in kb.matcher.named.intersection(query.terms) if kind_of(t) == "office"}
    if len(offices) < 2 or not ranked or not _one_office(kb, ranked[0].intent_id):
        return None
    named = {i for i in kb.intents if _one_office(kb, i) and kb.matcher.about(i) & offices}
    overviews = [i for i, intent in kb.intents.items() if not intent.fallback and len(named) >= 2
                 and named <= set(intent.follow_ups)]
    return overviews[0] if len(overviews) == 1 else None


def staff_named(kb: KnowledgeBase, ranked: list[Scored], query: Analysis) -> str | None:
    """「澤浦補佐に連絡したい」: a rare Japanese word of the question (a staff member's surname as printed) that the best
    office's intent never uses and exactly one other office's intent among the best five prints in its answer names
    that office (or the best office itself, when its answer prints it), whatever office the question names (「橋口さんは
    総務省？外務省？」, 「久我係長って外務省でしたっけ？」: the office printing the name); else None."""
    if not ranked:
        return None
    best = ranked[0].intent_id
    if kb.intents[best].fallback:  # (「比護補佐の携帯番号」: not held, said so)
        return None
    if not _contact_intent(kb, best):  # 「水谷さんはどこの省庁？」 (best: who issued the notice): a surname one office declares
        declared = [s.intent_id for s in ranked[1:5] if _one_office(kb, s.intent_id)
                    and any(_declares(kb, s.intent_id, t) for t in query.terms
                            if _rare(kb, t) and not kb.matcher.mentions(best, t))]
        return declared[0] if len(declared) == 1 else None
    listing = len(kb.intents[best].contacts) > 1  # the contact list prints every office's staff
    offices = [s.intent_id for s in ranked[1:5] if _one_office(kb, s.intent_id)]
    for term in query.terms:
        rare = _rare(kb, term)
        if rare and not listing and _one_office(kb, best) and _printed(kb, best, term):
            return best  # (「久我係長に連絡したい」 when that office is the best, though not sure)
        if rare and (listing or not kb.matcher.mentions(best, term)):
            owners = [i for i in offices if _printed(kb, i, term)]
            if len(owners) == 1:
                return owners[0]
    return None


def _rare(kb: KnowledgeBase, term: str) -> bool:
    """A Japanese word few intents use (a surname, an office's section)."""
    return not term.isascii() and 0 < kb.matcher.mentioned_by(term) <= RARE


def _declares(kb: KnowledgeBase, intent_id: str, term: str) -> bool:
    """A word among the intent's keywords (an office's staff surnames are declared there)."""
    return term in {t for k in kb.intents[intent_id].keywords for t in kb.matcher.analyse(k).terms}


def _printed(kb: KnowledgeBase, intent_id: str, term: str) -> bool:
    """A word the office's answer prints (its staff) or its keywords declare (a surname, so that a slip in it is
    corrected), not a word it is merely asked in (「送りたい」 of MEXT's example)."""
    matcher = kb.matcher
    return matcher.mentions(intent_id, term) and (not matcher.asks_of(intent_id, term) or _declares(kb, intent_id, term))


def _one_office(kb: KnowledgeBase, intent_id: str) -> bool:
    """An answered intent about one office's contact (see :func:`_contact_intent`)."""
    return len(kb.intents[intent_id].contacts) == 1 and _contact_intent(kb, intent_id)


def _contact_intent(kb: KnowledgeBase, intent_id: str) -> bool:
    """An answered intent about contacts: its answer gives the card (「窓口は{contact:mofa.name}です」), not a topic
    that only shows a card beside it."""
    intent = kb.intents[intent_id]
    return bool(intent.contacts) and not intent.fallback and "{contact:" in intent.answer

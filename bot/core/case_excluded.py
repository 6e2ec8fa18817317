"""A casebook town named to be left out (「柏崎市以外の事例は？」, "any cases other than Tateyama?", 「立山以外は？」
after Tateyama's case): the other cases the knowledge holds, not the one named.

The town's name is the strongest word of such a question, so without this reading it finds that town's case, the
one thing the user said they do not want.
"""
from __future__ import annotations

import re
from dataclasses import replace

from bot.core.gap_cases import COMMUNITY_INTENT, SCHOOL_INTENT, case_intents, case_places
from bot.core.knowledge_base import KnowledgeBase
from bot.core.replies import intent_reply
from bot.core.types import Language, Reply

# 「柏崎市以外の」, 「柏崎のほかに」, 「新潟県を除いて」; "other than Kashiwazaki", "besides Tateyama"
_LEFT_OUT_JA = r"(?:以外|のほか|の他|じゃなく|ではなく|でなく|を除(?:いて|く|いた))(?:て|に|の|で|は|だと|では)?"
_LEFT_OUT_EN = r"\b(?:other than|besides|apart from|aside from|except(?: for)?|excluding|beyond) (?:the )?"
_ITS_CASE = r"(?:の(?:事例|例|ケース|取り?組み?))?"  # 「柏崎市の事例以外に」
_LEAVING_OUT = re.compile(_LEFT_OUT_JA + "|" + _LEFT_OUT_EN)
# the question asks for cases (「事例」, 「例」, "examples"); 「柏崎市以外は？」 alone asks so only right after a case
_CASES = re.compile(r"事例|例|取り?組|(?<![a-z])(?:cases?|examples?|stor(?:y|ies)|towns?|cit(?:y|ies))(?![a-z])")
# a field of the casebook left out (「学校以外の事例は？」, "cases other than the school ones"): groups 1 and 3 the school
_FIELD_LEFT_OUT = re.compile(r"(?:(学校)|(地域))(?:での|の)?(?:事例|活動|もの|ほう|分野)?(?:以外|のほか|の他|じゃなく|ではなく)|"
                             r"\b(?:other than|besides|apart from|aside from|except(?: for)?|excluding|beyond) (?:the )?"
                             r"(?:(school)|(community))\b")
_OTHER_FIELD = re.compile(r"地域|(?<![a-z])communit(?:y|ies)(?![a-z])")
_LEAD = {"ja": "{place}以外では、{other}の事例が報道で紹介されています。ほかの事例は事例集の全体版でご覧ください。",
         "en": "Besides {place}, the press report describes the {other} case; the other cases are in the full casebook."}


def _name(kb: KnowledgeBase, intent_id: str, language: Language) -> str:
    """The town of a case's intent as its answer names it (柏崎市; Kashiwazaki)."""
    intent = kb.intents[intent_id]
    if language == "en" and intent.title_en:
        return intent.title_en.removesuffix(" case")
    return str(kb.knowledge.table("cases")[intent.cases[0]].get("municipality", ""))


def case_named(kb: KnowledgeBase, best: str, text: str) -> bool:
    """Whether a cleaned question names one case's town (or prefecture) only, and that case is ``best`` (「立山町の
    ALTは英語以外の授業にも入ってる？」: its other words dilute the score, the town says which case is asked)."""
    named = [i for i in case_intents(kb) if any(place in text for place, _ in case_places(kb, i))]
    return named == [best]


def case_left_out(kb: KnowledgeBase, text: str, talked_about: str | None = None) -> tuple[str, str] | None:
    """The intent of the case a cleaned question asks to leave out and the place named (in full), or ``None``; the
    question must ask for cases, or follow a case's answer (「立山以外は？」)."""
    cases = case_intents(kb)
    after_cases = talked_about in kb.intents and bool(cases) and kb.intents[talked_about].file == kb.intents[cases[0]].file
    if not (_CASES.search(text) or after_cases):  # (「柏崎市以外は？」 after the casebook or one of its cases)
        return None
    named = [i for i in cases if any(place in text for place, _ in case_places(kb, i))]
    if len(named) != 1:  # 「柏崎市と立山町以外の事例は？」: no other case is held (read as written)
        return None
    for place, full in case_places(kb, named[0]):
        if re.search(re.escape(place) + _ITS_CASE + _LEFT_OUT_JA, text) or re.search(_LEFT_OUT_EN + re.escape(place), text):
            return named[0], full
    return None


def other_cases_reply(kb: KnowledgeBase, text: str, language: Language, talked_about: str | None = None
                      ) -> Reply | None:
    """The other case the knowledge holds when a cleaned question leaves one out, led by what it is; ``None`` when
    no case is left out, or when more than one other is held (the question is then read as written)."""
    if not _LEAVING_OUT.search(text):  # (most messages leave nothing out: no scan of the intents for them)
        return None
    field = _FIELD_LEFT_OUT.search(text)
    if field is not None and _CASES.search(text):  # 「学校以外の事例は？」: the other field's cases
        other = COMMUNITY_INTENT if field.group(1) or field.group(3) else SCHOOL_INTENT
        return intent_reply(kb, other, language) if other in kb.intents else None
    found = case_left_out(kb, text, talked_about)
    if found is None:
        return None
    if _OTHER_FIELD.search(text):  # 「柏崎市以外に地域での活動事例は？」: the community cases (none named in the sources)
        return intent_reply(kb, COMMUNITY_INTENT, language) if COMMUNITY_INTENT in kb.intents else None
    left_out, named = found
    others = [i for i in case_intents(kb) if i != left_out]
    if len(others) != 1:
        return None
    reply = intent_reply(kb, others[0], language)
    place = _name(kb, left_out, "en") if reply.language == "en" or named.isascii() else named
    lead = _LEAD[reply.language].format(place=place, other=_name(kb, others[0], reply.language))
    return replace(reply, text=f"{lead}\n{reply.text}",
                   suggestions=tuple(s for s in reply.suggestions if s.intent_id != left_out))

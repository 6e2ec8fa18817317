"""A case on a subject the sources never name (「事例集に部活動の事例ってある？」, 「特別支援学校での活用事例は載ってる？」,
"any case about disaster drills in the casebook?"): the sources describe two of the casebook's thirty cases, so
whether it holds one on another subject or from another place is not known.

Without this reading the casebook's general answer (or a town's case that shares a word) comes as if it answered;
:func:`case_subject_missing` finds the subject so that the reply can say what is not known, which cases the
sources describe, and where the full casebook is.
"""
from __future__ import annotations

import re

from bot.core.analysis import Analysis
from bot.core.knowledge_base import KnowledgeBase
from bot.core.matcher import Scored

# the casebook's two fields: the community cases are not named in the sources, so no case held is one of them
COMMUNITY_INTENT = "casebook_community_cases"
SCHOOL_INTENT = "casebook_school_cases"
COUNT_INTENT = "casebook_count"  # optional: its answer says how many cases there are, in which fields
CASEBOOK_INTENT = "casebook_what"  # optional: its file holds the casebook's intents, its links the full casebook
CASE_FIRST = 55.0  # points: a case the sources describe found this well is what the question describes…
CASE_NEAR = 50.0  # … and so is one this close among the first three (「児童がALTと1対1で話す取組の例」)
# a case asked for (事例, 取り組み例) and whether the casebook holds one (ある, 載ってる, 「ないかな」)
_CASE_JA = re.compile(r"事例|取り?組み?(?:例|の例)|活用例|実践例")
_HELD_JA = re.compile(r"ある|あり|載|のって|掲載|入って|ない(?:か|の|で|です|[？?])|紹介され")
# "is there a case about…", "any examples involving…": what follows the preposition is the subject
_CASE_ON_EN = re.compile(r"(?<![a-z])(?:cases?|examples?|stor(?:y|ies))(?: in the casebook)? (?:about|on|of|involving|with|"
                         r"where|related to|for|in which|featuring) ", re.IGNORECASE)
_HELD_EN = re.compile(r"^(?:is|are) there|(?<![a-z])any(?![a-z])|(?<![a-z])(?:have|has|include|includes|contain|contains|"
                      r"feature|features|mention|mentions)(?![a-z])", re.IGNORECASE)
# a count of the cases (「観光の事例は何件？」: the count reply says what is held of that)
_COUNT = re.compile(r"何件|いくつ|何個|何事例|何例|(?<![a-z])(?:how many|number of)(?![a-z])", re.IGNORECASE)
# how good a case is says nothing of its subject (成功事例, 先進的な事例, "a unique case"); nor does a question word
# (何県), a count, a share or a breakdown (生徒数, 地域別)
_NO_SUBJECT = re.compile(r"^(?:成功|先進|先駆|優良|好|代表|模範|有名|人気|最新|新し|ユニーク|面白|おもしろ|参考|具体|実際|詳細|何|"
                         r"good|best|success|great|uniqu|interest|recent|latest|famous|real|"
                         # … nor who takes part (「児童がALTと1対1で話す取組の例」: Kashiwazaki's, by what is done)
                         r"児童|生徒|子ども|子供|こども|kid|child|pupil|student)|(?:数|別|率|件)$")
_INSTITUTION = re.compile(r"(?:学校|学園|校|園|所|館|施設|school|nurser|kindergarten)$", re.IGNORECASE)  # a kind of school or place
_NOUN = re.compile(r"^[\u4e00-\u9fff\u30a0-\u30ffA-Za-z0-9ー]{2,}$")
# the subject and the case in one clause (「部活動でALTが活躍した事例」, not 「先日の会議で、…事例集には」)
_CLAUSE_GAP = r"[^、。？?,]{0,24}?"


def case_places(kb: KnowledgeBase, intent_id: str) -> list[tuple[str, str]]:
    """The names a case's intent is asked by, each with the name it stands for: its towns and prefectures (with and
    without 市/町/県) and the English name of its title ("Kashiwazaki case")."""
    intent = kb.intents[intent_id]
    names: list[tuple[str, str]] = []
    for case in (kb.knowledge.table("cases")[c] for c in intent.cases):
        for name in (str(case.get("municipality", "")), str(case.get("prefecture", ""))):
            names += [(name, name), (name[:-1], name)] if len(name) > 2 else [(name, name)] if name else []
    if intent.title_en and intent.title_en.endswith(" case"):
        english = intent.title_en.removesuffix(" case")
        names.append((english.lower(), english))
    return names


def _as_written(word: str, text: str) -> str | None:
    """The word as the question writes it: itself, or (English, stemmed) the whole token it begins."""
    if word.isascii():  # (stemmed: "nurseri" is written "nursery"; a verb's form is no subject: "visiting")
        found = re.search(rf"(?<![a-z]){re.escape(word.lower().removesuffix('i'))}[a-z]*", text.lower())
        written = text[found.start():found.end()] if found else None
        if written is None or re.search(r"(?:ing|ed)$", written):
            return None
        return written.upper() if len(written) <= 3 and not text.isascii() else written  # (ICT, PR in Japanese)
    return word if word in text else None


def case_subject_missing(kb: KnowledgeBase, text: str, analysis: Analysis, ranked: list[Scored]) -> tuple[str, ...]:
    """The subjects (or places) that a question whether the casebook holds such a case names and no intent knows,
    as written, when the candidate found is one of the casebook's; empty otherwise. ``text``: the cleaned question,
    ``analysis`` its own words."""
    if CASEBOOK_INTENT not in kb.intents or not ranked or _COUNT.search(text) \
            or kb.intents[ranked[0].intent_id].file != kb.intents[CASEBOOK_INTENT].file:
        return ()
    cases = case_intents(kb)
    if any(place in text for i in cases for place, _ in case_places(kb, i)):
        return ()  # (「柏崎の事例で子ども1人あたり何分？」: a case described is asked about)
    case_first = any(s.intent_id in cases and s.score >= CASE_NEAR for s in ranked[:3]) or (
        ranked[0].intent_id in cases and ranked[0].score >= CASE_FIRST)
    english = _CASE_ON_EN.search(text)
    if english is not None:
        asked = text[english.end():] if _HELD_EN.search(text) else ""
    else:
        asked = text if _CASE_JA.search(text) and _HELD_JA.search(text) else ""
    words = [_as_written(w, asked) for w, _, _ in analysis.units if not kb.matcher.knows(w)]
    subjects = [w for w in words if w and _NOUN.match(w) and not _NO_SUBJECT.search(w.lower())
                and (english is not None or re.search(re.escape(w.lower()) + _CLAUSE_GAP + _CASE_JA.pattern, asked))]
    if case_first and not all(_INSTITUTION.search(w) for w in subjects):
        return ()  # (「ALTと会話する事例は載ってる？」: Kashiwazaki's, in other words than its own; not 特別支援学校)
    return tuple(dict.fromkeys(subjects))


def case_intents(kb: KnowledgeBase) -> list[str]:
    """The intents about one case each (a town's case), in the knowledge's order."""
    return [i.id for i in kb.knowledge.intents if len(i.cases) == 1 and not i.fallback]


def cases_described(kb: KnowledgeBase) -> tuple[str, str]:
    """The towns of the cases the sources describe, in Japanese and in English (新潟県柏崎市・富山県立山町;
    Kashiwazaki and Tateyama)."""
    held = [kb.intents[i] for i in case_intents(kb)]
    table = kb.knowledge.table("cases")
    ja = [f"{table[i.cases[0]].get('prefecture', '')}{table[i.cases[0]].get('municipality', '')}" for i in held]
    en = [(i.title_en or "").removesuffix(" case") for i in held]
    return "・".join(ja), " and ".join(n for n in en if n)

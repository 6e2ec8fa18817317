"""What is asked of a place the knowledge names only as a casebook town (「柏崎市のALTは何人？」, 「その学校の名前は？」):
the figures are national and the cases name no school or person, so it is not held; the town's case is offered and
stays the topic."""
from __future__ import annotations

import re

from bot.core.gaps import Gap
from bot.core.knowledge_base import KnowledgeBase
from bot.core.narrow import kind_of, label
from bot.core.orthography import clean
from bot.core.knowledge_model import Intent
from bot.core.matcher import Scored

_HEADS = re.compile(r"何人|人数|何名|(?:alt|cir|sea|参加者|jet)の?数(?!値)|"
                    r"(?<![a-z])(?:how many|number of) (?:jet |the )?(?:alts?|cirs?|seas?|jets?|participants|people)(?![a-z])")
# ("How many ALTs are there?" asks how many there are, not how many are there)
_THERE = re.compile(r"そこ|その(?:町|市|村|自治体|まち)|同(?:町|市)|(?<!are )(?<!is )(?<!were )(?<!was )(?<![a-z])there(?![a-z])|"
                    r"th(?:at|is) (?:town|city|place)")
_PREFECTURE = re.compile(r"[\u4e00-\u9fff]{2,3}[都道府県](?!庁)|[A-Za-z]+ [Pp]refecture")
_NAMES = re.compile(r"名前|なまえ|氏名|学校名|校名|どこの(?:小|中)?学校|(?:何|なん)(?:(?:という|ていう|て)(?:小|中|高等?)?|小|中|高等?)学校|(?:which|what) school|"
                    # (not the verb: "Any concrete examples you can name?", "Can you name a case?")
                    r"(?<![a-z])(?<!can )(?<!could )(?<!you )(?<!to )(?<!please )names?(?![a-z])(?! (?:a|an|any|some|one|a few)\b)")
_PUPILS = re.compile(r"(?:生徒|児童|子ども|子供|学生)(?:の)?(?:数|人数|は何人|が何人|何人)|全校(?:生徒|児童)|学校の規模|"
                     r"(?<![a-z])(?:(?:how many|number of) (?:students|pupils|children|kids)|how (?:big|large) is (?:the|that|this) "
                     r"school|size of (?:the|that|this) school)(?![a-z])")
_SCHOOL = re.compile(r"学校|校名|school")
# 「その学校の連絡先は？」: how to reach the case's school (the casebook summary prints no school's contact)
_CONTACT = re.compile(r"連絡|電話|住所|メール|問い合わせ|contact|phone|e-?mail|address|reach")
# the name of a document (「事例集の名前は？」), not of someone in it (「事例集に載っている柏崎市のALTの名前は？」), or of
# the cases' towns, which their titles give ("Any town names?")
_DOCUMENT = re.compile(r"(?:事例集|資料|通知)の?(?:名前|なまえ|名称)|自治体名|市町村名|町名|市名|地名|"
                       r"(?<![a-z])(?:(?:casebook|notice|document)'?s? (?:full |official )?names?|"
                       r"(?:full |official )?names? of the (?:casebook|notice|document)|"
                       r"(?:town|city|place|municipality) names?|names? of (?:the )?(?:towns?|cit(?:y|ies)|places?|"
                       r"municipalit(?:y|ies)))(?![a-z])")
# what is asked of the case's ALT as a person (「立山町のALTはどこの国の出身？」, 「何歳の方？」): no case prints it
_PERSON = re.compile(r"何歳|年齢|歳は|出身|国籍|どこの国(?:の人|から)?|(?<![a-z])(?:how old|age|nationality|where (?:is|are|was|were) "
                     r"(?:he|she|they|(?:the|that|this) (?:[a-z]+ )?(?:alt|cir|sea|person))"
                     r"(?: (?:in|of) (?:the |that |this )?[a-z]+(?: case)?)?(?: originally)? from|"
                     r"which country)(?![a-z])")
# the ALT of the case just shown (「そのALTに連絡とりたい」, "that ALT"); 「ALTの名前は？」 alone is the role's name
_THE_PERSON = re.compile(r"その(?:alt|cir|sea|人|方)|(?<![a-z])th(?:at|is|e) (?:alt|cir|sea|person|teacher)(?![a-z])")
_SHORT = 20  # characters of a short follow-up: naming nothing else, it asks about the case just shown
_NAME_LABEL = {"ja": {"school": "{case}の学校名", "person": "{case}のALTなどの名前",
                      "pupils": "{case}の学校の児童・生徒の数", "contact": "{case}の学校の連絡先",
                      "details": "{case}のALTの年齢や出身などの個人の情報", "reach": "{case}のALTの連絡先"},
               "en": {"school": "The name of the school in the {case}",
                      "person": "The name of the ALT (or anyone else) in the {case}",
                      "pupils": "The number of pupils at the school in the {case}",
                      "contact": "Contact information for the school in the {case}",
                      "details": "Any personal detail (age, home country…) of the ALT in the {case}",
                      "reach": "Contact information for the ALT in the {case}"}}
_TOWN_LABEL = {"ja": "{place}の{role}の人数", "en": "The number of {role}s in {place}"}


def about_the_cases_school(text: str) -> bool:
    """A short question about the school of the case just shown (「その学校の生徒数は？」, 「学校名は？」): the case is
    the topic asked about, whatever else its words find."""
    cleaned = clean(text)
    return len(cleaned) <= (2 * _SHORT if cleaned.isascii() else _SHORT) and bool(
        _PUPILS.search(cleaned) or (_NAMES.search(cleaned) or _CONTACT.search(cleaned)) and _SCHOOL.search(cleaned))


def asked_of_a_case_town(kb: KnowledgeBase, intent_id: str, language: str, text: str, topic: str | None = None
                         ) -> Gap | None:
    """A head count asked of a town whose casebook case is the answer (「柏崎市には今ALTが何人いるんですか？」), or
    of "there" after it (「そこのALTは何人？」), or a name or a school's size the case does not print (「その学校の名前は？」,
    "What's the ALT's name there?", 「その学校の生徒数は？」): the knowledge counts participants nationally only and names no school or person of a case;
    the case is offered, and stays the topic. ``intent_id``: the answer found; ``language``: the reply's."""
    cleaned = clean(text)
    school = bool(_SCHOOL.search(cleaned))
    pupils = bool(_PUPILS.search(cleaned))
    heads = bool(_HEADS.search(cleaned)) and not pupils
    contact = school and bool(_CONTACT.search(cleaned)) and len(cleaned) <= 2 * _SHORT  # (not a long message's 問い合わせ)
    the_person = bool(_THE_PERSON.search(cleaned))
    details = bool(_PERSON.search(cleaned)) and not school
    reach = the_person and bool(_CONTACT.search(cleaned)) and not school and len(cleaned) <= 2 * _SHORT
    names = (bool(_NAMES.search(cleaned)) and not _DOCUMENT.search(cleaned)  # (「事例集の名前は？」: the casebook's)
             or pupils or contact or details or reach)
    intent = kb.intents[intent_id]
    # 「学校名は？」 after the case is its school's; 「ALTの名前は？」 only pointing at the town (or that ALT) is its ALT's
    pointing = _THERE.search(cleaned) or names and (school or pupils or the_person) and len(cleaned) <= 2 * _SHORT
    if not intent.cases and topic in kb.intents and kb.intents[topic].cases and pointing:
        intent = kb.intents[topic]
    if not intent.cases or not (heads or names):
        return None
    place = (intent.title_en or "").removesuffix(" case") if language == "en" else intent.title.removesuffix("の事例")
    if names and not heads:
        # the case as its title names it (「柏崎市の事例」, 「学校での活動事例」; "Kashiwazaki case", "school cases")
        case = intent.title if language == "ja" else \
            re.sub(r"^[A-Z](?=[a-z]+ cases$)", lambda m: m.group(0).lower(), intent.title_en or "")
        said = _NAME_LABEL[language]["pupils" if pupils else "contact" if contact else "school" if school else
                                           "reach" if reach else "details" if details else "person"].format(case=case)
        return Gap("count", related=(intent.id,), topic=intent.id, detail=(place, said))
    roles = sorted({t for t in kb.matcher.analyse(text).terms if kind_of(t) == "role"})
    role = label(roles[0]) if len(roles) == 1 else ("JET participant" if language == "en" else "JETプログラム参加者")
    named = _PREFECTURE.search(text)  # 「富山県のALTは何人？」: the prefecture asked, not the case's town
    if named and place.lower().rstrip("町市村") not in text.lower():
        place = named.group(0).title() if language == "en" else named.group(0)
    said = _TOWN_LABEL[language].format(place=place, role=role)
    return Gap("count", related=(intent.id,), topic=intent.id, detail=(place, said))


def asked_of_a_cases_alt(kb: KnowledgeBase, text: str, ranked: list[Scored], topic: str | None, language: str
                         ) -> Gap | None:
    """What no case prints of its ALT as a person, asked of a case's town (「柏崎市のALTは何歳？」) or of the case just
    shown (「そのALTの国籍は？」, "How old is the ALT there?"), whatever intent its words find (an applicant's age
    limits, the countries): said not held, the case offered."""
    cleaned = clean(text)
    named = _NAMES.search(cleaned) or _CONTACT.search(cleaned)
    person = _PERSON.search(cleaned) or _THE_PERSON.search(cleaned) and named
    if not person or _SCHOOL.search(cleaned):
        return None
    case = next((s.intent_id for s in ranked[:3] if kb.intents[s.intent_id].cases
                 and any(p in cleaned for p in _places(kb.intents[s.intent_id]))), None)
    if case is None and topic in kb.intents and kb.intents[topic].cases and (_THE_PERSON.search(cleaned)
                                                                             or _THERE.search(cleaned)):
        case = topic
    return asked_of_a_case_town(kb, case, language, text, topic) if case is not None else None


def _places(intent: Intent) -> tuple[str, ...]:
    """A case's town as users write it: 柏崎 (of 柏崎市の事例), "kashiwazaki" (of "Kashiwazaki case"); none for the
    cases of a field (学校での活動事例)."""
    ja = (intent.title or "").removesuffix("の事例")
    en = (intent.title_en or "").lower().removesuffix(" case")
    return tuple(p for p in (ja.rstrip("市町村"), en) if p and ja != intent.title and " " not in p)

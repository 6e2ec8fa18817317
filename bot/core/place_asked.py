"""A head count asked of a place the knowledge names only as a casebook town (「柏崎市のALTは何人？」): the figures are
national, so that count is not held; the town's case is offered and stays the topic."""
from __future__ import annotations

import re

from bot.core.gaps import Gap
from bot.core.knowledge_base import KnowledgeBase
from bot.core.narrow import kind_of, label
from bot.core.orthography import clean
from bot.core.types import Reply

_HEADS = re.compile(r"何人|人数|何名|(?:alt|cir|sea|参加者|jet)の?数(?!値)|(?<![a-z])(?:how many|number of) (?:jet |the )?(?:alts?|cirs?|seas?|jets?|participants|people)(?![a-z])")
# ("How many ALTs are there?" asks how many there are, not how many are there)
_THERE = re.compile(r"そこ|その(?:町|市|村|自治体|まち)|同(?:町|市)|(?<!are )(?<!is )(?<!were )(?<!was )(?<![a-z])there(?![a-z])|"
                    r"th(?:at|is) (?:town|city|place)")
_PREFECTURE = re.compile(r"[\u4e00-\u9fff]{2,3}[都道府県](?!庁)|[A-Za-z]+ [Pp]refecture")
_TOWN_LABEL = {"ja": "{place}の{role}の人数", "en": "The number of {role}s in {place}"}


def heads_of_a_case_town(kb: KnowledgeBase, reply: Reply, text: str, topic: str | None = None) -> Gap | None:
    """A head count asked of a town whose casebook case is the answer (「柏崎市には今ALTが何人いるんですか？」), or
    of "there" after it (「そこのALTは何人？」): the knowledge counts participants nationally only; the case is
    offered."""
    intent = kb.intents[reply.intent_id]
    if not intent.cases and topic in kb.intents and kb.intents[topic].cases and _THERE.search(clean(text)):
        intent = kb.intents[topic]
    if not intent.cases or not _HEADS.search(clean(text)):
        return None
    roles = sorted({t for t in kb.matcher.analyse(text).terms if kind_of(t) == "role"})
    role = label(roles[0]) if len(roles) == 1 else ("JET participant" if reply.language == "en" else "JETプログラム参加者")
    place = (intent.title_en or "").removesuffix(" case") if reply.language == "en" else intent.title.removesuffix("の事例")
    named = _PREFECTURE.search(text)  # 「富山県のALTは何人？」: the prefecture asked, not the case's town
    if named and place.lower().rstrip("町市村") not in text.lower():
        place = named.group(0).title() if reply.language == "en" else named.group(0)
    return Gap("count", related=(intent.id,), topic=intent.id, detail=(place, _TOWN_LABEL[reply.language].format(place=place,
                                                                                                       role=role)))

"""A ranking among the roles (「一番多い職種は？」, "Which role has the most participants?") is answered by the figures
held for each role, not said to be a ranking the knowledge lacks."""
from __future__ import annotations

import re

from bot.core.analysis import Analysis
from bot.core.gap_patterns import OPINION
from bot.core.knowledge_base import KnowledgeBase
from bot.core.matcher import Scored
from bot.core.narrow import kind_of
from bot.core.years import years_in

_AMONG_ROLES = re.compile(r"職種|(?<![a-z])(?:roles?|types?|positions?|categor(?:y|ies))(?![a-z])", re.IGNORECASE)
_BY_NUMBER = re.compile(r"多い|少ない|おおい|すくない|(?<![a-z])(?:most|least|fewest|largest|smallest|biggest)(?![a-z])", re.IGNORECASE)
BY_ROLE = "職種別の人数"
# 「どこの国の人が多い？」 after a role's count: a ranking by another grouping, which the figures by role do not give
_BY_OTHER = re.compile(r"国|県|都道府県|市町村|自治体|地域|学校|出身|(?<![a-z])(?:countr(?:y|ies)|prefectures?|"
                       r"cit(?:y|ies)|municipalit(?:y|ies)|regions?|schools?|nationalit(?:y|ies))(?![a-z])",
                       re.IGNORECASE)


def ranking_of_the_roles(kb: KnowledgeBase, text: str, analysis: Analysis, own: str = "") -> list[Scored]:
    """「一番多い職種は？」, "Which role has the most participants?": the roles are compared by the figures held for
    each (the figures by role, ranked first), not a ranking the knowledge lacks; [] for any other ranking (``own``:
    the question's own words, when ``text`` is read with the conversation's topic)."""
    if _BY_OTHER.search(own or text):
        return []
    roles = {t for t in kb.matcher.named.intersection(analysis.terms) if kind_of(t) == "role" and t != "jet"}
    if not (_AMONG_ROLES.search(text) or len(roles) >= 2) or not _BY_NUMBER.search(text) or OPINION.search(text):
        return []  # 「ALT、CIR、SEAのうちどれが一番おすすめ？」 asks for advice
    # (the figures by role of the year asked: the question's other words find the roles' other topics, "the three
    # JET roles" what they are)
    years = " ".join(f"{year}年度" for year in sorted(years_in(text)))
    ranked = kb.matcher.rank(kb.matcher.analyse(f"{years} {BY_ROLE}".strip()))
    return ranked if ranked and ranked[0].intent_id in kb.figure_years else []

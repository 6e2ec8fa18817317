"""Follow-ups that name nothing but another role (office): 「CIRは？」, "What about SEAs?", 「SEAだったら？」.

After a topic about one role, such a follow-up asks the same of the other one: the reasons for CIRs after
the reasons for ALTs, the CIR's head count after the ALT's, and -- what is not held being not held for any
role -- the CIR's eligibility not held after the ALT's. Alone, a role's name finds what that role is.
"""
from __future__ import annotations

import re
from collections import defaultdict

from bot.core.follow_up_forms import asks_what_it_is
from bot.core.follow_up_topic import analyse_with_topic, roles_carried
from bot.core.gap_patterns import FIGURE
from bot.core.knowledge_base import ASKED, KnowledgeBase
from bot.core.matcher import Scored
from bot.core.narrow import kind_of, label, roles_among
from bot.core.reasons import reasons_for_adopting
from bot.core.analysis import Analysis
from bot.core.orthography import clean, fold_kana
from bot.core.types import Context


_ROLES = ("alt", "cir", "sea")


def _only_named(kb: KnowledgeBase, query: Analysis) -> frozenset[str]:
    """The roles (offices) a follow-up names when it names nothing else (「CIRは？」), else none."""
    named = (kb.matcher.named - ASKED).intersection(query.terms)
    return frozenset() if {w for w, _, _ in query.units} - named - ASKED else frozenset(named)


def reasons_of_another_role(kb: KnowledgeBase, query: Analysis, text: str,
                             context: Context) -> tuple[Analysis, list[Scored], str] | None:
    """「CIRは？」 or "And CIRs?" after the reasons for ALTs: the reasons for that role (as "why a CIR?"), not
    the ALT's reasons again. Only for a follow-up that names nothing but another role (office)."""
    before = kb.matcher.about(context.intent_id)
    roles = _only_named(kb, query)
    # (a count is no reason: 「ALTは？」 after the cumulative total, whose keywords include its "basis", asks a count)
    if not ASKED & before or not roles or roles <= before or kb.figure_years.get(context.intent_id):
        return None
    return _reasons_read_as(kb, f"{text} 理由")


def _reasons_read_as(kb: KnowledgeBase, why_text: str) -> tuple[Analysis, list[Scored], str] | None:
    """``why_text`` read as a why-question about adopting the role it names: that role's reasons first."""
    why = kb.matcher.analyse(why_text)
    found = reasons_for_adopting(kb, why)
    if found is None:
        return None
    return why, [found] + [s for s in kb.matcher.rank(why) if s.intent_id != found.intent_id], why_text


def reasons_of_the_role_asked(kb: KnowledgeBase, query: Analysis, text: str,
                              context: Context) -> tuple[Analysis, list[Scored], str] | None:
    """「その活用を勧めてる理由は？」 after the three roles' names, 「なぜ？」 after a role's head count, in a conversation
    asking about one role (SEA): the reasons the notice gives for that role, not the answer just given again
    (nor a head count of 'reasons' said not to be held)."""
    roles = frozenset(roles_among(context.names))
    if not roles or ASKED & kb.matcher.about(context.intent_id) or (kb.matcher.named - ASKED).intersection(query.terms):
        return None
    # an answer about the roles themselves (their figures, their names), not a topic of its own: 「その理由は？」
    # after 「CIRの任期は？」 asks why the term is what it is, not why CIRs are recommended
    answer = kb.answers[context.intent_id]["ja"].text.lower()
    if len({r for r in _ROLES if r in answer}) < 2:
        return None
    return _reasons_read_as(kb, f"{' '.join(sorted(map(label, roles)))} {text}")


def count_of_the_role_asked(kb: KnowledgeBase, query: Analysis, text: str,
                            context: Context) -> tuple[Analysis, list[Scored], str] | None:
    """「何人いるの？」, "How many were there in 2023?" after what an SEA is: the SEA's head count, the
    conversation's role carried into a count question that names none (not the programme's total)."""
    roles = roles_carried(kb, query, text, context)
    if not roles or not FIGURE.search(clean(text).lower()):
        return None
    carried = f"{' '.join(roles)} {text}"
    read = kb.matcher.analyse(carried)
    ranked = kb.matcher.rank(read)
    return (read, ranked, carried) if ranked and ranked[0].intent_id in kb.figure_years else None


def same_for_another(kb: KnowledgeBase, query: Analysis, text: str, context: Context,
                      threshold: float) -> tuple[Analysis, list[Scored], str] | None:
    """「CIRは？」 / "What about SEAs?" after a topic about another role (office), or after something not held:
    the same topic for that one (the ALT's eligibility or interview not held -> the CIR's is not held either;
    the ALT's head count -> the CIR's), when the topic read with it is sure and is not held for another role
    only (else what the question finds alone)."""
    named = _only_named(kb, query)
    kinds = {kind_of(n) for n in named}
    before = kb.matcher.about(context.intent_id) - named
    # after something not held, only another role asks the same (「総務省は？」 asks for MIC, 「SEAとは？」 what SEAs are)
    not_held_before = kb.intents[context.intent_id].fallback and kinds == {"role"} and not asks_what_it_is(text)
    # … and after a year's figures, a role alone asks that role's figure of the year (「CIRは？」 after 令和元年度)
    figures_before = bool(kb.figure_years.get(context.intent_id)) and kinds == {"role"}
    if not named or not (not_held_before or figures_before or any(kind_of(b) in kinds for b in before)):
        return None
    combined_text, combined_query = analyse_with_topic(kb, query, text, context)
    combined = kb.matcher.rank(combined_query)
    if not combined or combined[0].score < threshold:
        return None
    # what is not held is not held for any role; a topic held for another role only is no answer for this one
    about, not_held = kb.matcher.about(combined[0].intent_id), kb.intents[combined[0].intent_id].fallback
    if not not_held and not named <= about and any(kind_of(a) in kinds for a in about):
        old = frozenset(a for a in kb.matcher.about(context.intent_id) if kind_of(a) == "role") - named
        return _asked_of_another_role(kb, context.intent_id, old, named, threshold) if kinds == {"role"} else None
    return combined_query, combined, combined_text


def _asked_of_another_role(kb: KnowledgeBase, previous: str, old: frozenset[str], new: frozenset[str],
                           threshold: float) -> tuple[Analysis, list[Scored], str] | None:
    """The previous topic's examples that name its role, that name replaced by the role asked about now
    (「CIRの活用事例集はどこ」 -> 「ALTの活用事例集はどこ」): the intent they find most (top three of each ranking,
    summed), when it is not the topic itself and one of them finds it first and sure. For a topic whose title
    names its role only through a word of its own (参考資料1, the CIR casebook), which the topic read with the
    question cannot swap."""
    forms = sorted((v for role in old for v in kb.matcher.analyzer.variants(role)), key=len, reverse=True)
    if not forms or not old:
        return None
    pattern = re.compile("|".join(rf"(?<![a-z]){re.escape(v)}(?![a-z])" if v.isascii() else re.escape(v)
                                  for v in forms))
    name = " ".join(sorted(new))
    totals: dict[str, float] = defaultdict(float)
    firsts: dict[str, tuple[Analysis, list[Scored], str]] = {}
    for example in kb.intents[previous].examples:
        written = clean(example)
        pieces, last = [], 0
        for match in pattern.finditer(fold_kana(written)):  # folding keeps positions
            pieces += [written[last:match.start()], name]
            last = match.end()
        if not pieces:
            continue
        text = "".join(pieces) + written[last:]
        query = kb.matcher.analyse(text)
        ranked = kb.matcher.rank(query)
        for s in ranked[:3]:
            totals[s.intent_id] += s.score
        top = ranked[0] if ranked else None
        if top is not None and top.score >= threshold and (
                top.intent_id not in firsts or top.score > firsts[top.intent_id][1][0].score):
            firsts[top.intent_id] = (query, ranked, text)
    found = max((i for i in totals if i != previous), key=totals.__getitem__, default=None)
    return firsts.get(found) if found is not None else None

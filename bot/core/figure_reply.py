"""The reply to a computed figure: the sum with its operands, then the facts it is computed from."""
from __future__ import annotations

import re

from typing import Sequence

from bot.core.compose import source_line, source_links
from bot.core.figure_asked import (NOT_HEADS, OF_ALL_ONLY, REMEMBERED, a_years_count, counts_asked, counts_named,
                                   names_its_own, of_a_roles_whole, of_another_role, operands_named, operation_asked,
                                   people_asked, roles_named, together)
from bot.core.figure_all_roles import all_roles_summed, total_asked
from bot.core.figure_sentence import sentence
from bot.core.follow_up_forms import of_those
from bot.core.figure_limits import derive_limits
from bot.core.figures import Derivation, derive
from bot.core.knowledge_base import KnowledgeBase
from bot.core.narrow import roles_among
from bot.core.orthography import clean
from bot.core.references import facts_stated
from bot.core.types import Context, Language, Reply
from bot.core.years import years_in


def computed(kb: KnowledgeBase, readings: Sequence[str], language: Language, context: Context | None) -> Reply | None:
    """A sum asked of the printed figures, answered; ``None`` when none is asked or not all its operands are held.
    ``readings``: the question as read (its question sentence; a short message whole). A question that does not
    name what it counts and of what is read with the conversation's topic when that gives figures (「継続は？」
    after the new ALTs' count, 「どっちが多い？」 after the casebook's fields)."""
    if not kb.figures:
        return None
    topic = _figures_topic(kb, context)
    synonyms = kb.matcher.analyzer.apply_synonyms
    remembered = roles_among(n.removeprefix(EARLIER) for n in topic[1]) if topic is not None else ()
    topic_years = _years_of(kb, topic, context)
    for text in readings:
        question = "合計は？" if remembered and total_asked(clean(text)) else synonyms(clean(text))[0]
        summed = all_roles_summed(kb.figures, question, remembered, language, topic_years,
                                  topic is not None and any(n.removeprefix(EARLIER) == "新規" for n in topic[1]))
        if summed is not None:  # 「SEAも入れると合計は？」 after the ALTs' and the CIRs': all three roles, one sum
            return _stated(kb, summed[0], tuple(dict.fromkeys(f.fact for f in summed[1])), language)
        tries = [question]
        if topic is not None and names_its_own(question):  # 「CIRと比べて何人多い？」 after the ALTs' count: ALT too
            tries += [f"{role} {question}" for role in _compared_with(question, topic[1])]
        if topic is not None and not names_its_own(question):
            title, names = topic
            earlier = tuple(n[len(EARLIER):] for n in names if n.startswith(EARLIER))
            names = tuple(n for n in names if not n.startswith(EARLIER))
            both = operation_asked(f"{question} headcount") in ("sum", "difference", "ratio") or together(question)
            if earlier and both and not years_in(question) and not _ALL_OF_THEM.search(question):
                # 「合わせると？」 after the ALTs', then the CIRs' count: both (a difference or a ratio: the last two)
                summed = operation_asked(f"{question} headcount") == "sum"
                names = (earlier if summed else earlier[:1]) + names
            if people_asked(clean(text)):  # 「その差は何人？」 after the countries: heads, not what was counted
                names = tuple(n for n in names if n not in NOT_HEADS)
            if of_those(question) and "新規" in names and operands_named(question, years=False):
                continue  # 「そのうちCIRは何%？」 after the new ones: they are not counted for every role
            # the roles the conversation named (「CIRとの比は？」 after the ALTs' count: ALT to CIR, their totals), or
            # without any, the topic's title (「差は？」 after the casebook's fields, 「2019年からどれくらい増えた？」
            # after the cumulative total)
            # … and what it counted, in the topic's year (「差は？」 after 「R1は？」 after the countries' count)
            # (a title naming none, 「職種別の人数」: the one year its figures are of, not another year's sum)
            of_topic = years_in(clean(title)) or kb.figure_years.get(context.intent_id, frozenset())
            one_year = counts_named(" ".join(names)) and len(of_topic) == 1
            years = " ".join(f"{y}年度" for y in sorted(of_topic)) if one_year else ""
            with_topic = [f"{' '.join(names)} {question} {years} headcount" if names
                          else f"{question} {synonyms(clean(title))[0]}"]
            # a question naming a role, a part or what it counts is read first as it is (「ALTの割合は？」 after the
            # counts by type, 「何か国減った？」); one naming a year only, or nothing, is the topic's (「2019年と比べて
            # 増えた？」 after the new CIRs: not all participants)
            # … and one naming a role's whole, of the topic's count (「CIR全体に対して何%？」 after the new CIRs, 「ALTの
            # 何%？」 after the CIRs'; 「そのうち新規は何%？」: of the ALTs)
            alone = (operands_named(question, years=False) or counts_named(question, heads=False)) \
                and not of_those(question) and not of_a_roles_whole(question) and not of_another_role(question)
            # (a count named alone is the topic's first: 「新規の割合は？」 after the CIRs' count is the CIRs')
            # … and only the topic's when the conversation counted a role (「SEAの人数」→「新規の比率は？」: SEA's new
            # ones are not held, and everyone's of another year is no answer)
            tries = ([question, *with_topic] if operands_named(question, years=False) else
                     with_topic if roles_among(names) else [*with_topic, question]) if alone else with_topic
        for asked in tries:
            # (「令和元年度の参加国数と累計の差は？」: the countries, not the participants since 1987)
            derived = derive_limits(kb.figures, asked) or derive(kb.figures, asked)
            if derived is not None and not _another_year(derived, question, topic_years):
                return figure_reply(kb, derived, language)
    return None


def _another_year(derived: Derivation, question: str, held: frozenset[int]) -> bool:
    """A figure of another year than the one the conversation's figures are of (``held``), when the question names
    none (「新規の割合は？」 after 2023's CIRs: not 2019's share of everyone, the only year whose new ones are all
    printed; 「合計は？」 after 2019's SEAs and ALTs: not 2023's sum, 2019 has no figures by role)."""
    years = {derived.first.year, derived.second.year} - {None}
    return len(held) == 1 and bool(years) and not years & held and not years_in(question)


def _figures_topic(kb: KnowledgeBase, context: Context | None) -> tuple[str, tuple[str, ...]] | None:
    """The conversation's topic when it states a figure: its title and the roles the conversation named. (The title
    says what the topic counts: 「令和元年度の参加者数」 is participants, though its answer gives countries too; the
    computed sentence names what it compared.)"""
    if context is None or context.intent_id not in kb.intents:
        return None
    intent = kb.intents[context.intent_id]
    stated = facts_stated(intent)
    if intent.fallback or not any(f.fact in stated for f in kb.figures):
        return None
    return intent.title or "", context.names


def _years_of(kb: KnowledgeBase, topic: tuple[str, tuple[str, ...]] | None, context: Context | None) -> frozenset[int]:
    """The years the conversation's figures are of: its title's (「令和元年度の参加者数」), else those of its answer."""
    if topic is None or context is None:
        return frozenset()
    return frozenset(years_in(clean(topic[0]))) or kb.figure_years.get(context.intent_id, frozenset())


def _compared_with(question: str, names: tuple[str, ...]) -> tuple[str, ...]:
    """The conversation's one role, when a comparison naming no year names one other role only."""
    roles, named = roles_among(names), roles_named(question)
    compared = operation_asked(question) in ("sum", "difference", "ratio") and not years_in(question)
    return roles if compared and len(roles) == 1 and len(named) == 1 and roles[0] not in named else ()


EARLIER = "前:"  # marks the role a conversation counted before the one it counts now (前:alt)
# 「全部足すと？」 after three roles counted in turn: all of them, which two remembered roles are not
_ALL_OF_THEM = re.compile(r"全部|全て|すべて|三つ|3つ|(?<![a-z])all(?![a-z])")


def names_remembered(kb: KnowledgeBase, text: str, context: Context | None, roles: tuple[str, ...]
                     ) -> tuple[str, ...]:
    """The roles asked and what a question about figures counted other than heads, for its follow-ups
    (「令和5年度の参加国数は？」 then 「令和元年度との差は？」 compares countries). One naming no count, head count nor
    role keeps the conversation's count (「R1は？」); countries and cumulative totals are of no role (「参加国数は？」
    after the CIRs' count, then 「令和元年度は？」: the countries of that year)."""
    question = kb.matcher.analyzer.apply_synonyms(clean(text))[0]
    counted = counts_asked(question)
    # (a bare role, 「CIRは？」 after the new ALTs, asks the same count of that role)
    if not counted and context is not None and (not operands_named(question, years=False) or not counts_named(question)):
        heads = people_asked(clean(text))  # (「令和5年度の参加者は？」 after the countries counts heads again)
        counted = tuple(n for n in context.names if n in REMEMBERED and not (heads and n in NOT_HEADS))
    if not roles and context is not None and not operands_named(question, years=False):
        # 「全体に占める割合」 after the CIRs' count: still the CIRs; 「合計は？」 after the ALTs' and the CIRs': both
        roles = tuple(dict.fromkeys(roles_among(n.removeprefix(EARLIER) for n in context.names)))
    if operation_asked(question) == "continuing":  # 「じゃあ継続組は？」 after the new ones: the continuing ones now
        counted = tuple(c for c in counted if c != "新規") + ("継続",)
    if roles and "累計" in counted and a_years_count(question):  # "FY2023 CIR total?": the CIRs of that year
        counted = tuple(c for c in counted if c != "累計")
    if set(counted) & OF_ALL_ONLY:
        roles = ()
    # the one role counted just before another (「ALTは何人？」 then 「CIRは？」): a sum or a difference asked next is of both
    # … and the ones counted before it in turn (「SEAは？」 after the ALTs' and the CIRs': 「合計は？」 adds all three)
    before = roles_among(context.names) if context is not None else ()
    chain = roles_among(n.removeprefix(EARLIER) for n in context.names if n.startswith(EARLIER)) if before else ()
    earlier = tuple(EARLIER + r for r in dict.fromkeys(before + chain)
                    if len(before) == 1 and len(roles) == 1 and r not in roles)
    return roles + counted + earlier


def topic_of(kb: KnowledgeBase, fact: str) -> str | None:
    """The answering intent that states a fact (the conversation's topic after a computed figure)."""
    placeholder = f"{{fact:{fact}}}"
    return next((i.id for i in kb.intents.values() if not i.fallback and (placeholder in i.answer or fact in i.facts)),
                None)


def figure_reply(kb: KnowledgeBase, d: Derivation, language: Language) -> Reply:
    """The computed figure, then the facts it comes from, their sources and links."""
    return _stated(kb, sentence(d, language), d.facts, language)


def _stated(kb: KnowledgeBase, line: str, fact_ids: Sequence[str], language: Language) -> Reply:
    """A computed figure's sentence, then the facts it comes from (the first is the topic), their sources and links."""
    facts = [kb.knowledge.table("facts")[f] for f in fact_ids]
    field = "text_en" if language == "en" else "text"
    lines = [line] + [str(f.get(field) or f.get("text")) for f in facts]
    return Reply(text="\n".join(lines), language=language, intent_id=topic_of(kb, fact_ids[0]), score=100.0,
                 links=tuple(source_links(kb.knowledge, facts, language)), source=source_line(kb.knowledge, facts, language))

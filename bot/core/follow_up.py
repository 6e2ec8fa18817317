"""Follow-ups: a short or anaphoric question read with the conversation's previous topic. :func:`with_context`
decides whether a question leans on the previous topic (「令和元年度は？」, "And MOFA?", 「その理由は？」,
「いつ公表された？」) and re-ranks it read with that topic; a complete question on another topic keeps its own."""
from __future__ import annotations

import re
from dataclasses import replace

from bot.core.declared import FALLBACK_FLOOR, declared_asked, not_held_first
from bot.core.figure_asked import operation_asked
from bot.core.knowledge_base import ASKED, KnowledgeBase
from bot.core.gap_patterns import WHEN_ASKED
from bot.core.follow_up_forms import (asks_what_it_is, follow_up_form, in_the_case_of, inside_it, of_those,
                                     office_contact_asked, with_the_role_for_they)
from bot.core.follow_up_roles import count_of_the_role_asked, reasons_of_another_role, reasons_of_the_role_asked, \
    same_for_another
from bot.core.follow_up_dates import (date_of_it, in_that_year, of_the_same_year, role_count_of_that_year,
                                      when_of_another, year_before)
from bot.core.follow_up_topic import (analyse_with_topic, asks_about_it, contact_of_the_topic, contact_only,
                                     has_topic, new_topic, shown_again)
from bot.core.follow_up_others import others_of_the_kind
from bot.core.matcher import Scored
from bot.core.narrow import ATTRIBUTES, kind_of, roles_among
from bot.core.reasons import asks_why, reasons_first
from bot.core.analysis import Analysis
from bot.core.orthography import is_english
from bot.core.types import Context

LEANING_MARGIN = 10.0  # an elliptical question keeps the context unless alone it scores this much better
# a follow-up whose words the previous topic's examples cover this much less than another intent's
# (「職種別では？」 after the 2023 head count, "And MOFA?" after the contact list) asks something new:
# it moves on to that intent when the topic ranks it this close
NEW_ASPECT = 0.3
NEW_ASPECT_MARGIN = 25.0


def sure(ranked: list[Scored], threshold: float) -> bool:
    """The best intent scores at least ``threshold``."""
    return bool(ranked) and ranked[0].score >= threshold


def close_call(ranked: list[Scored], margin: float) -> bool:
    """The best two are within ``margin``, or the question's words fit the runner-up just as well."""
    if len(ranked) < 2:
        return False
    best, second = ranked[0], ranked[1]
    return best.score - second.score < margin or (best.coverage > 0 and second.coverage >= best.coverage)


def _other_of_the_same_kind(kb: KnowledgeBase, query: Analysis, ranked: list[Scored], previous: str,
                            margin: float) -> bool:
    """The question names no office (role) but alone finds another office's (role's) intent than the previous
    topic's, first or within ``margin`` of the first: 「担当者は誰？」 after MOFA's contact asks MOFA's staff, not
    MIC's; 「担当者の名前も」 after MEXT's contact (alone: the refusal of personal details, MOFA's contact close)."""
    was = kb.matcher.about(previous)
    named = {kind_of(n) for n in kb.matcher.named.intersection(query.terms)}
    for found in (kb.matcher.about(s.intent_id) for s in ranked[:3] if ranked[0].score - s.score <= margin):
        if any(kind is not None and kind not in named and {n for n in found if kind_of(n) == kind}
               and not {n for n in found if kind_of(n) == kind} & was for kind in map(kind_of, was)):
            return True
    return False


def with_context(kb: KnowledgeBase, query: Analysis, ranked: list[Scored], context: Context | None,
                 text: str, threshold: float, margin: float) -> tuple[Analysis, list[Scored], str]:
    """Re-rank an incomplete question with the previous topic; a complete question wins."""
    short = (in_the_case_of(text) or date_of_it(kb, text, context) or when_of_another(kb, text, context)
             or year_before(kb, text, context) or of_the_same_year(kb, text, context)
             or in_that_year(kb, text, context) or role_count_of_that_year(kb, text, context)) if context else None
    if short is not None:
        text, query = short, kb.matcher.analyse(short)
        ranked = kb.matcher.rank(query)
    if context is None or not has_topic(kb, context) or office_contact_asked(kb.matcher.named, query.terms, text):
        return query, ranked, text
    if (others := others_of_the_kind(kb, query, ranked, text, context)) is not None:
        # 「他にも名前が出ているところは？」 after one case: not that case again; the only other of the kind is the
        # answer (「ほかに事例の自治体名わかる？」 after Kashiwazaki: the school cases, was "not sure" at 49)
        read, found, asked = others
        return (read, [replace(found[0], score=max(found[0].score, threshold))], asked) if len(found) == 1 else others
    if (office := contact_of_the_topic(kb, context, text, query)) is not None:
        read = kb.matcher.analyse(office)  # a contact asked after one office's part: that office's, complete
        return read, kb.matcher.rank(read), office
    # "they" read as the role asked about still makes a follow-up ("What do they do there?" after a town's case),
    # and that role is the topic's word, not the question's own
    written, own_terms = text, query.terms
    if (resolved := with_the_role_for_they(text, context.names)) is not None:
        text, query = resolved, kb.matcher.analyse(resolved)
        ranked = kb.matcher.rank(query)
    # the previous answer again, read with its topic: it shows its sources (and the links of a document or a list
    # of them); after an honest "not held" reply, where to see "it" is the document its facts come from (参考資料2
    # after the amounts). Before "what is …?": "What is the source?" asks where the answer just given comes from.
    shown = shown_again(kb, text, context.intent_id)
    if shown is not None:
        combined_text, combined_query = analyse_with_topic(kb, query, text, replace(context, intent_id=shown))
        same = [s for s in kb.matcher.rank(combined_query) if s.intent_id == shown]
        if same:  # asked of the answer just given, and of nothing else: no other topic is offered
            return combined_query, [replace(same[0], score=max(same[0].score, threshold))], combined_text
    # 「SEAとは？」 after anything: what SEAs are (not 「そこにALTのことは書いてある？」: what the document says of it)
    if asks_what_it_is(text) and sure(ranked, threshold) and not inside_it(text):
        return query, ranked, text
    if sure(ranked, threshold) and declared_asked(kb, ranked[0].intent_id, query) and not asks_about_it(kb, query, text):
        return query, ranked, text  # 「国別の人数の内訳は？」 after the year's total: what is not held, said plainly
    honest = not_held_first(kb, query, ranked)  # 「久我係長の内線番号は？」 after MEXT's contact: not held either
    if honest and honest[0] is not ranked[0] and honest[0].score >= FALLBACK_FLOOR:
        return query, ranked, text
    swapped = reasons_of_another_role(kb, query, text, context) or reasons_of_the_role_asked(kb, query, text, context) \
        or count_of_the_role_asked(kb, query, text, context) or same_for_another(kb, query, text, context, threshold)
    if swapped is not None:
        return swapped
    about_it = asks_about_it(kb, query, text)
    if about_it and is_english(text) and WHEN_ASKED.search(text):  # "when" is an English stop word: read as いつ
        text, written = f"{text} いつ", f"{written} いつ"
        query = kb.matcher.analyse(text)
        ranked = kb.matcher.rank(query)
    if about_it and _complete_after_not_held(kb, query, ranked, context.intent_id, threshold, margin):
        return query, ranked, text
    elsewhere = _other_of_the_same_kind(kb, query, ranked[:1], context.intent_id, 0.0)
    near_elsewhere = elsewhere or _other_of_the_same_kind(kb, query, ranked, context.intent_id, margin)
    leaning = follow_up_form(written) or near_elsewhere or about_it or of_those(text) or inside_it(text)
    if sure(ranked, threshold) and not close_call(ranked, margin) and len(set(query.terms)) > 1 and not leaning:
        return query, ranked, text
    if new_topic(kb, query, 2 if about_it else 1):  # 「どこで手に入る？」: 手 is no new topic
        return query, ranked, text
    # (read with the topic as written: "how many of them are new?" after the ALTs' count carries ALT)
    combined_text, combined_query = analyse_with_topic(kb, query if written == text else kb.matcher.analyse(written),
                                                       written, context)
    combined = kb.matcher.rank(combined_query)
    # "who do I contact?" after 'no signatory is printed': not that reply again (but "Email?" after CLAIR's details
    # not held, 「なぜ？」 after the amounts: asked of it)
    if combined and combined[0].intent_id == context.intent_id and not asks_why(query) \
            and not ATTRIBUTES.intersection(query.terms) \
            and _complete_after_not_held(kb, query, ranked, context.intent_id, threshold, None, shortest=1):
        return query, ranked, text
    if combined and not kb.intents[combined[0].intent_id].fallback and not kb.intents[context.intent_id].contacts \
            and contact_only(kb, query):
        return query, ranked, text  # 「電話番号は？」 after what an ALT is: the offices' numbers, not the answer again
    if ranked and kb.intents[ranked[0].intent_id].fallback and combined \
            and (sure(ranked, threshold) or declared_asked(kb, ranked[0].intent_id, query)) \
            and not any(kb.matcher.mentions(combined[0].intent_id, t) for t in own_terms if t not in kb.matcher.named) \
            and not (combined[0].intent_id in kb.figure_years and operation_asked(text)):
        # "What's their average salary?": not held, and no word of the topic's answer but the role or office both
        # name ("the average salary of an SEA" after the SEAs' count); 「継続は？」 after the new
        # participants is computed from the topic's figures: total − new)
        return query, ranked, text
    if not sure(combined, threshold) and not about_it:
        return query, ranked, text
    if not sure(combined, threshold):  # 「何のための資料？」 after the CIR casebook: not the bot's own sources
        return combined_query, combined, combined_text
    # an elliptical question leans on the context unless it is clearly a new topic on its own
    # a short who / when / where / why question has no topic of its own: what it finds alone (「誰が作ったの？」
    # -> why the casebook was made, 「何のための資料？」 -> the bot's sources) competes only as a close second
    # … and one that alone finds another office's (role's) intent is about the topic's office, however close
    if (not sure(ranked, threshold) or combined[0].score > ranked[0].score or about_it or near_elsewhere
            or (leaning and combined[0].score >= ranked[0].score - LEANING_MARGIN)
            # the same topic read with the role the conversation asks about (「令和元年度は？」 after the CIR's count)
            or (roles_among(context.names) and combined[0].intent_id == ranked[0].intent_id)):
        moved = combined if elsewhere or inside_it(text) else _moving_on(kb, context.intent_id, query, ranked,
                                                                              combined, threshold, not about_it,
                                                                              _of_those(kb, text, query))
        if asks_why(query):
            moved = reasons_first(kb, moved, LEANING_MARGIN)
        return combined_query, moved, combined_text
    return query, ranked, text


def _complete_after_not_held(kb: KnowledgeBase, query: Analysis, ranked: list[Scored], previous: str,
                             threshold: float, margin: float | None, shortest: int = 2) -> bool:
    """A question of at least ``shortest`` words that one answer covers whole, sure (and clear of the runner-up by
    ``margin``, unless None), after a "not held" reply: complete on its own ("ok, who runs the programme then?"
    after "Who chairs CLAIR?": the organisers, not the refusal of staff details again)."""
    return (kb.intents[previous].fallback and sure(ranked, threshold)
            and (margin is None or not close_call(ranked, margin))
            and ranked[0].coverage >= 1.0 and len(set(query.terms)) >= shortest
            and not kb.intents[ranked[0].intent_id].fallback)


def _of_those(kb: KnowledgeBase, text: str, query: Analysis) -> bool:
    """「そのうち学校での活動は？」: a part of what was just answered, not one of the things it names (「そのうち外務省
    は？」 after the three ministries' roles asks for MOFA's part of that answer, which narrowing gives)."""
    return of_those(text) and not (kb.matcher.named - ASKED).intersection(query.terms)


def _moving_on(kb: KnowledgeBase, previous: str, query: Analysis, alone: list[Scored],
               combined: list[Scored], threshold: float, own_topic: bool = True, of_those: bool = False
               ) -> list[Scored]:
    """A follow-up rarely wants the same answer again: when the previous topic pulls the question back to
    the answer just given (「そのうち学校での事例は？」 after the casebook), the intent the question alone
    finds wins if the topic ranks it close too -- less close when the follow-up's own words are ones the
    previous topic's examples do not cover (a breakdown, another office). ``own_topic``: the question is
    no short who / when / where / why about "it"; ``of_those``: it asks for a part of what was just answered
    (「そのうち学校での活動は？」), which the intent it alone finds surely answers however the topic ranks it."""
    if not combined or combined[0].intent_id != previous:
        return combined
    aspect = _new_aspect_of_the_topic(kb, previous, query, combined, threshold) if own_topic else None
    if aspect is not None:
        return [aspect] + [r for r in combined if r is not aspect]
    if not sure(alone, threshold):
        return combined
    if own_topic and alone[0].coverage >= 1.0 and _BARE_TOPIC.match(query.original.strip()) \
            and _another_topic_alone(kb, previous, query, alone):
        return alone  # 「費用は？」 after the survey: the costs, a word the survey never uses
    found = alone[0].intent_id
    if found == previous or kb.intents[found].fallback:
        return combined
    margin = LEANING_MARGIN
    new_aspect = alone[0].coverage - kb.matcher.example_coverage(query, previous) >= NEW_ASPECT
    if new_aspect:
        margin = NEW_ASPECT_MARGIN
    for s in combined[1:4]:  # (never to one the topic leaves unsure: 「どこで見られる？」 after the CIR casebook)
        if s.intent_id == found and of_those:  # as sure as the question alone finds it
            return [alone[0]] + [r for r in combined if r is not s]
        if s.intent_id == found and combined[0].score - s.score <= margin and s.score >= threshold:
            return [s] + [r for r in combined if r is not s]
    # 「学校での事例は？」 after what the casebook is: a question of two or more words that one other intent
    # covers whole, and the previous topic's examples not, is complete on its own (the topic's title only
    # pulls it back to the answer just given)
    # … and so is one the question alone finds at least as well as the topic (「学校での事例は？」 after the
    # casebook's count: the count lists the kinds of cases, the follow-up asks for the cases)
    before = next((s.score for s in alone if s.intent_id == previous), 0.0)
    if own_topic and (new_aspect or before <= alone[0].score) and alone[0].coverage >= 1.0 \
            and len(set(query.terms)) > 1:
        return alone
    return combined


SPECIFIC = 4  # intents at most using a word that makes a short follow-up a topic of its own (経費, 予算)
# a bare topic asked after another (「費用は？」, 「じゃあ予算は？」, "and the costs?"; not 「どんな取組してるの」 about the
# case just answered, nor 「それって新潟県でしたっけ？」)
_BARE_TOPIC = re.compile(r"^(?:じゃあ|では|で、?)?[^\s、。？?]{1,10}(?:は|って)[？?]?$|"
                         r"^(?:and |what about |how about )(?:the )?[a-z]+(?: [a-z]+)?\??$|"
                         r"^(?:and |so )?(?:what|how much) (?:does|do|will|would) (?:it|that|this) cost\??$",
                         re.IGNORECASE)


def _another_topic_alone(kb: KnowledgeBase, previous: str, query: Analysis, alone: list[Scored]) -> bool:
    """Whether the question's key words, all of them, are ones the previous topic never uses and the intent the
    question alone finds (surely) declares as its keywords, and few others use, none close to it: a topic of its own
    however short (「費用は？」 after the survey; not 「電話番号は？」, 「リンクは？」: what many topics have; nor 「年齢は？」
    after what a CIR is: the staff's age and the participants' both)."""
    found = alone[0].intent_id
    keys = [w for w, weight, _ in query.units if weight >= 1.0 and kb.matcher.knows(w)]
    if not keys or kb.intents[found].fallback or any(kb.matcher.mentions(previous, w) for w in keys) \
            or not all(w not in ATTRIBUTES and kb.matcher.mentioned_by(w) <= SPECIFIC for w in keys) \
            or any(kb.matcher.asks_of(s.intent_id, w) for s in alone[1:3] for w in keys):
        return False
    # … and a word the intent declares as its own (経費 of the costs; not 対象, 場所: what any topic has)
    declared = set(kb.matcher.analyse(" ".join(kb.intents[found].keywords)).terms)
    return all(w in declared for w in keys)


def _new_aspect_of_the_topic(kb: KnowledgeBase, previous: str, query: Analysis, combined: list[Scored],
                             threshold: float) -> Scored | None:
    """「どんな事例がある？」 after what a CIR is: the follow-up's key words are ones the previous topic never
    uses; the close intent that uses them, read with the topic (the CIR casebook), answers it."""
    keys = [w for w, weight, _ in query.units if weight >= 1.0 and kb.matcher.knows(w)]
    if not keys or any(kb.matcher.mentions(previous, w) for w in keys):
        return None
    return next((s for s in combined[1:4] if s.score >= threshold and not kb.intents[s.intent_id].fallback
                 and all(kb.matcher.mentions(s.intent_id, w) for w in keys)), None)



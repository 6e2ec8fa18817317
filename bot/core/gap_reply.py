"""The reply when the specific thing asked is not held (a gap): said plainly, with what is held beside it and the
related topics as choices; and an answer of figures led by the year they are for."""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from bot.core import messages
from bot.core.analysis import Analysis
from bot.core.compose import contact_of
from bot.core.gap_cases import COUNT_INTENT
from bot.core.gaps import Gap
from bot.core.knowledge_base import KnowledgeBase
from bot.core.matcher import Scored
from bot.core.replies import THRESHOLD_NEAR, best_contact, candidates, suggestion, unique
from bot.core.types import Language, Reply
from bot.core.year_topics import opens_with_its_year
from bot.core.years import era_label

WORTH_FACT = "programme_evaluation"  # optional: what the notice says of the programme's worth
WORTH_RELATED = ("jet_why", "about_jet")  # optional: … and the topics it is offered with
FIGURES_INTENT = "figures_not_held"  # optional: its answer says where newer figures are published (links)


def _figures_note(kb: KnowledgeBase, language: Language) -> tuple[str, tuple]:
    if FIGURES_INTENT not in kb.intents:
        return "", ()
    composed = kb.answers[FIGURES_INTENT][language if kb.intents[FIGURES_INTENT].answer_en else "ja"]
    return composed.text, composed.links


def _years_named(years: Sequence[int], language: Language) -> str:
    names = [era_label(y) if language == "ja" else f"fiscal {y}" for y in years]
    return "、".join(names) if language == "ja" else ", ".join(names)


def gap_reply(kb: KnowledgeBase, gap: Gap, query: Analysis, language: Language, ranked: list[Scored]) -> Reply:
    """The specific thing asked is not held: say so plainly and offer the related topics as choices."""
    scores = {s.intent_id: s.score for s in ranked}
    related = [i for i in gap.related if i in kb.intents and not kb.intents[i].fallback
               and (scores.get(i, 0.0) >= THRESHOLD_NEAR or i in kb.figure_years)]
    lines = []
    links: tuple = ()
    if gap.kind == "year" and gap.year is not None:
        label = era_label(gap.year) if language == "ja" else f"fiscal {gap.year}"
        if gap.relative:
            label = messages.text(messages.NEXT_YEAR, language).format(year=label)
        if gap.detail:  # the year's figures are held, but not for the role asked
            things = "・".join(gap.detail) if language == "ja" else " and ".join(gap.detail)
            lines.append(messages.text(messages.YEAR_LACKS, language).format(year=label, things=things))
            if gap.topic in kb.figure_years:  # … what is held for that year, shown (「R1の新規は？」 after ALTs: 2,091 in all)
                held_text = kb.answers[gap.topic][language if kb.intents[gap.topic].answer_en else "ja"]
                lines.append(held_text.text.split("\n")[0])  # (its first paragraph: that year's own figures)
                links, related = held_text.links, [i for i in related if i != gap.topic]
        else:
            lines.append(messages.text(messages.GAP["year"], language).format(year=label))
        held = sorted({y for years in kb.figure_years.values() for y in years}, reverse=True)
        topic = next(iter(gap.related), None) if not gap.detail else None
        if topic in kb.intent_years and topic not in kb.figure_years and opens_with_its_year(kb, topic):
            # 「令和8年度分の要望調査」: what is held on the topic is of its own year (the survey for 2024), no head count
            lines.append(messages.text(messages.HELD_TOPIC_YEARS, language).format(
                topic=suggestion(kb, topic, language).label,
                years=_years_named(sorted(kb.intent_years[topic]), language)))
        else:
            if held and not gap.detail:
                lines.append(messages.text(messages.HELD_YEARS, language).format(years=_years_named(held, language)))
            note, note_links = _figures_note(kb, language)
            if note:
                lines.append(note)
                links = tuple(dict.fromkeys(links + note_links))
    elif gap.kind in ("detail", "field", "count", "attachment", "edition", "breakdown", "place", "case", "total", "cited") \
            and gap.detail:
        thing, detail = gap.detail[2:] if gap.kind in ("edition", "case", "total") and language == "en" else gap.detail[:2]
        if gap.kind == "attachment" and language == "en":  # 参考資料1〜4: reference materials 1–4
            detail = detail.replace("〜", "–").replace("・", ", ")
        lines.append(messages.text(messages.GAP[gap.kind], language).format(thing=thing, detail=detail))
        if gap.kind == "case" and gap.topic in kb.intents:  # where the full casebook is, and how its cases divide
            links = kb.answers[gap.topic][language].links
            if COUNT_INTENT in kb.intents:
                lines.append(kb.answers[COUNT_INTENT][language if kb.intents[COUNT_INTENT].answer_en else "ja"].text)
        if gap.kind in ("detail", "count", "cited") and len(gap.detail) > 2 and gap.detail[2]:
            lines.append(gap.detail[2])  # what is held of it (SEA's head count when its new ones are asked)
    elif gap.kind == "worth":  # 「JETって意味ある？」: no judgement, what the notice says of it beside
        lines.append(messages.text(messages.GAP["worth"], language))
        related = [i for i in WORTH_RELATED if i in kb.intents]  # (a question this short finds no topic of its own)
        said = kb.knowledge.table("facts").get(WORTH_FACT)
        if said is not None:
            lines[-1] += ("" if language == "ja" else " ") + str(said.get("text_en" if language == "en" else "text") or said.get("text"))
    elif gap.kind == "date" and gap.topic in kb.intents:  # 「CIRの事例集はいつ？」: the material named
        label = suggestion(kb, gap.topic, language).label
        lines.append(messages.text(messages.GAP["date_of"], language).format(thing=label))
    else:
        lines.append(messages.text(messages.GAP[gap.kind], language))
    # the topic held beside it, with its source and links (「要望調査、代わりに出しといて」: the request's route)
    held = kb.answers[gap.topic]["en" if language == "en" and kb.intents[gap.topic].answer_en else "ja"] \
        if gap.kind in ("act", "total") and gap.topic in kb.intents else None
    if held is not None and gap.kind == "act":
        lines.append(held.text)
    offered = unique([suggestion(kb, i, language) for i in related], skip=gap.topic if held is not None else None)
    if offered:
        lines.append(messages.text(messages.RELATED, language) + "\n" + "\n".join(f"・{s.label}" for s in offered))
    contact = best_contact(kb, query)
    # (a request to act gets the topic's own card, if any: 「代わりに出しといて」 is not MIC's to take)
    cards = held.contacts if held is not None and (held.contacts or gap.kind == "act") else \
        (contact_of(contact, language),) if contact else ()
    return Reply(text="\n".join(lines), kind="fallback", language=language, fallback=True, intent_id=gap.topic,
                 score=ranked[0].score if ranked else 0.0, links=links or (held.links if held is not None else ()),
                 contacts=cards, suggestions=offered, candidates=candidates(ranked),
                 source=held.source if held is not None else None)


def with_latest(kb: KnowledgeBase, reply: Reply, year: int) -> Reply:
    """An answer with the newest figures held, led by the year they are for and where newer ones are."""
    label = era_label(year) if reply.language == "ja" else f"fiscal {year}"
    note, links = _figures_note(kb, reply.language)
    lead = messages.text(messages.LATEST, reply.language).format(year=label)
    extra = tuple(l for l in links if all(l.url != k.url for k in reply.links))
    return replace(reply, text=f"{lead}{note}\n{reply.text}" if reply.language == "ja" else f"{lead} {note}\n{reply.text}",
                   links=reply.links + extra)

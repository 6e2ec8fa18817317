"""The office of a staff member the notice prints, when a question names one (「はまおさんの誕生日は？」: MOFA's): what
is not held of that person is asked of that person's office, not of every office nor of the default one."""
from __future__ import annotations

from bot.core.analysis import Analysis
from bot.core.knowledge_base import KnowledgeBase

RARE_NAME = 3  # intents at most using a staff member's surname (the office's card, the list of all, what is not held)


def staff_office(kb: KnowledgeBase, query: Analysis) -> str | None:
    """The contact id of the one office whose card prints a staff member the question names (「はまおさんの誕生日は？」:
    mofa), else None."""
    matcher = kb.matcher
    # (a staff member's surname: on one office's card and in the list of every office's staff; not 住所)
    rare = [term for term in query.terms if not term.isascii() and 0 < matcher.mentioned_by(term) <= RARE_NAME
            and any(matcher.says(i, term) for i in kb.office_lists)]
    offices = [{card for i, card in kb.office_cards.items() if matcher.says(i, term)} for term in rare]
    named = {card for printing in offices if len(printing) == 1 for card in printing}  # (事務官: two offices print it)
    return named.pop() if len(named) == 1 else None

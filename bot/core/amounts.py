"""A pay asked as such is its amount: 「ALTの給料は？」, "What is a CIR's salary?".

The knowledge says how participants' pay is funded (local finance measures) and, honestly, that the
amounts are not held. A bare question for the pay itself asks how much it is, not how it is funded:
it is read with 「いくら」, so the honest "amounts not held" answer is found, the funding offered beside it.
A question that says what it wants to know about the pay (どこから, 国が, funded) keeps its own reading.
"""
from __future__ import annotations

import re

from bot.core.stop_words import POLITE

_PAY_JA = r"(?:お?給料|給与|報酬|賃金|月給|年収)"
_PAY_EN = r"(?:salary|salaries|pay|wage|wages)"
_BARE_PAY = re.compile(
    rf"^(?:\S{{1,20}}(?:の|って| ))?{_PAY_JA}(?:は|って|を教えて|について)?(?:[？?]|ですか[？?]?|を教えてください)?$|"
    rf"^(?:what(?:'s| is| are)|and|how about|what about)? ?(?:the |an? )?(?:[a-z]+(?:'s|s'|s)? )?{_PAY_EN}"
    rf"(?: (?:of|for) (?:an? |the )?[a-z]+s?)?"
    rf"(?: in (?:their|the|his|her) (?:first|1st|second|2nd|third|3rd) year)?[?.]?$|"
    rf"^(?:what(?:'s| is| are)|how much (?:is|are|do|does)) (?:an? |the )?[a-z]+s? (?:get )?paid[?.]?$", re.IGNORECASE)
AMOUNT_WORD = "いくら"


def asks_the_pay_itself(text: str) -> bool:
    """Whether the question asks for the pay and nothing about it (so: how much it is), whoever wants to know it
    ("Our team wants to know the salary of a CIR.")."""
    return bool(_BARE_PAY.match(re.sub(r"\s+", " ", POLITE.sub(" ", text.lower()).strip())))

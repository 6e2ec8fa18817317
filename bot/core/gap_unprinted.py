"""What a question asks of a document, of money or of people that no answer prints: a document's pages (「全体版は何ページ
くらい？」), an amount (「CLAIRの年間予算はいくら？」) and a head count of something no figure counts ("How many CIRs work on
inbound tourism?"), read by :func:`bot.core.gaps.find_gap`."""
from __future__ import annotations

import re

# an amount of money asked (「CLAIRの年間予算はいくら？」, "What is CLAIR's annual budget?"): no answer prints one unless it
# gives yen (not "Who pays the costs?", which the finance measures answer)
AMOUNT_ASKED = re.compile(r"いくら|金額|何円|予算額|年間予算|(?<![a-z])(?:how much(?! of| time| longer| later| earlier| more)|"
                          r"annual budget|(?:'s|total|yearly) budget|budget for (?:fy|fiscal|\d{4})|in yen)(?![a-z])",
                          re.IGNORECASE)
_AMOUNT_GIVEN = re.compile(r"\d[\d,]*\s*(?:万|億)?円|(?<![a-z])yen(?![a-z])|¥", re.IGNORECASE)


def amount_missing(text: str, answer: str) -> bool:
    """An amount of money asked (``text``) that ``answer`` does not give."""
    return AMOUNT_ASKED.search(text) is not None and _AMOUNT_GIVEN.search(answer) is None


# 「全体版は何ページくらい？」, "how many pages is the manual?": no document's pages are printed (not a web page: "which
# page of the CLAIR site"; 「通知の何ページに問い合わせ先が？」 asks what is on it: answered)
PAGES_ASKED = re.compile(r"何(?:ページ|頁)(?!目?に)|ページ数|頁数|ページ番号|(?<![a-z])(?:how many pages|page count|number of pages|"
                         r"page numbers?|pages long)(?![a-z])", re.IGNORECASE)


# a head count asked ("How many SEAs were placed for the Tokyo Olympics?", 「東京オリンピックのあとSEAは何人増えたの？」) of
# an answer that counts no one: the figures count participants by year and role only
_HEADS_ASKED = re.compile(r"何人|何名|(?<![a-z])how many (?:jet |new |more )?(?:alts?|cirs?|seas?|jets?|participants|people)"
                          r"(?![a-z])(?! (?:examples?|cases?|activit))", re.IGNORECASE)
_MORE_WANTED = re.compile(r"増やし|ふやし|増員|(?<![a-z])(?:increase|add more|hire more)(?![a-z])", re.IGNORECASE)  # (a plan)
_HEADS_GIVEN = re.compile(r"\d[\d,]*\s*(?:人|名|people|participants)|約\d|\d[\d,]*\s*(?:か国|countries)")


def heads_missing(text: str, answer: str) -> bool:
    """A head count asked (``text``) that ``answer`` does not give."""
    return _HEADS_ASKED.search(text) is not None and not _MORE_WANTED.search(text) and _HEADS_GIVEN.search(answer) is None

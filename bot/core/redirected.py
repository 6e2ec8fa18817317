"""A message that corrects the last answer (「いや、SEAのほうです」, "not MIC, MEXT", "No, I meant the phone number",
「CIRだけじゃなくて、令和元年度の新規全体の人数」): what the user meant is what follows the correction; the words
of what they did not mean (MIC, CIR) would otherwise lead back to the answer they turned down."""
from __future__ import annotations

import re

# "not MIC, MEXT", "No, not the new ones; the total", "I didn't mean MOFA, I meant MEXT", "no, I meant the phone"
# (not "I mean the total number of people, sorry" alone: a narrowing the topic reads, 「その年の」 after it)
_EN = re.compile(r"^(?:(?:no|nope|sorry)[,.!]?\s*)?(?:not|i (?:didn't|did not) mean) (?:the )?[^,;.?!]{1,40}?\s*[,;.]\s*"
                 r"(?:but |i meant |i mean |rather |instead )?|^(?:no|nope)[,.!]?\s*i meant ", re.IGNORECASE)
# 「いや、SEAのほうです」, 「そうじゃなくて令和元年度の数字」, 「CIRだけじゃなくて、…」 (a comma after it: not 「総務省じゃなくて
# 文科省の電話番号は？」, one question leaving an office out: bot.core.office_excluded)
_JA = re.compile(r"^(?:(?:いや|いえ|違います|ちがいます|ちがう|違う)[、,。!！\s]*)?(?:そう(?:じゃ|では)なくて[、,]?\s*|"
                 r"[^、,。？?\s]{1,20}?(?:じゃ|では|で)なくて[、,]\s*(?!別|ほか|他|違う|ちがう))|"
                 r"^(?:いや|いえ|違います|ちがいます)[、,。!！\s]+")
# (「外務省じゃなくて、別の窓口の連絡先は？」 leaves an office out: the others asked, bot.core.office_excluded)
MIN_MEANT = 2  # characters left: 「いや、違います」 alone corrects nothing yet


def what_is_meant(text: str) -> str:
    """``text`` without the correction that opens it (unchanged when none does, or nothing would be left)."""
    stripped = text.strip()
    for pattern in (_EN, _JA):
        found = pattern.match(stripped)
        if found is not None and len(stripped) - found.end() >= MIN_MEANT:
            return stripped[found.end():]
    return text

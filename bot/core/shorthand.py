"""Chat shorthand as ministry teams type it on Slack ("cir req jp lvl", "fy19 figs src url", "ppl listed",
"list of them w contacts"), spelled out before the knowledge's own words are looked for: the matcher's
English words are whole words, and a shorthand is none of them. Applied to a question already lower-cased and
NFKC-normalised (:func:`bot.core.orthography.clean`)."""
from __future__ import annotations

import re

# (whole words only, none of them a synonym's variant: DL and TEL are read there, in Japanese messages too; "jp"
# is read only outside an address, where ".go.jp" ends every one, "eng" only as a word, never inside "english")
_WORDS = {
    "src": "source", "srcs": "sources", "ref": "reference", "refs": "references",
    "wht": "what", "wat": "what", "wut": "what", "whats": "what is", "abt": "about", "bc": "because",
    "cuz": "because", "b4": "before", "thru": "through", "u": "you", "ur": "your", "pls": "please",
    "plz": "please", "ppl": "people", "req": "requirement", "reqs": "requirements", "reqd": "required",
    "lvl": "level", "jp": "japanese", "jpn": "japanese", "eng": "english", "fig": "figure", "figs": "figures", "stats": "figures",
    "num": "number", "nums": "numbers", "amt": "amount", "avg": "average", "approx": "approximately",
    "govt": "government", "gov": "government", "dept": "department", "depts": "departments",
    "org": "organisation", "orgs": "organisations", "addr": "address", "ph": "phone",
    "msg": "message", "mgr": "manager", "intl": "international", "pct": "percent", "mtg": "meeting", "hq": "headquarters",
    "prefs": "prefectures", "muni": "municipality", "munis": "municipalities",
    "w": "with", "w/": "with", "w/o": "without", "sth": "something", "smth": "something", "yr": "year", "fy": "fiscal year",
}
_SHORTHAND = re.compile(r"(?<![\w.@/'-])(" + "|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True))
                        + r")(?![\w@/'-]|\.\w)")


def spelled_out(text: str) -> str:
    """``text`` with its chat shorthand written as the words it stands for ("figs src" -> "figures source")."""
    return _SHORTHAND.sub(lambda m: _WORDS[m.group(1)], text)

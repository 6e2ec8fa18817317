"""A short follow-up asking how many of what the previous answer lists, or its figure, with no word of its own:
「全部で？」 after the casebook's contents (30 cases), 「合計は？」 after the reference materials (4), 「合計何か所？」 after
the contact points (3), 「数字で言うと？」 after the programme's scale (77,000 people), 「それ①と②どっち？」 after a case
(its field). The previous answer gives it: it is given again, rather than read alone as a new question (the roles'
sum, a figure not held, or the help text). 「例えば？」, "Name one" after the casebook's count asks one of its cases."""
from __future__ import annotations

import re

# how many in all (after a count of people, 「全部で？」 is every role's: bot.core.figure_reply adds them)
_TOTAL_OF_IT = re.compile(r"^(?:それ|その|これ|この)?(?:は|って)?(?:全部で|合計で?|総数|全部|ぜんぶで|ぜんぶ)(?:は|って)?"
                          r"(?:いくつ|何個|何件|何か所|何カ所|何ヶ所|何箇所|何種類|何点|何つ|何こ)?"
                          r"(?:ですか|でしょうか|なの|あるの|ある|になる)?\s*[？?。]*$|"
                          r"^(?:how many (?:in total|altogether|in all)|total|in total)\s*\??$", re.IGNORECASE)
# (a bare "How many?" after the CIR casebook asks its number of cases, which is not held: read as it is)
# its figure (「数字で言うと？」, "in numbers?")
_IN_NUMBERS = re.compile(r"^(?:それ|その規模|規模)?(?:を|は|って)?(?:数字|数値|具体的な数字)(?:で|は|だと)(?:言うと|いうと|言えば|表すと|いくつ)?"
                         r"(?:ですか|でしょうか)?\s*[？?。]*$|^(?:in numbers|as a number|what(?:'s| is) the number)\s*\??$",
                         re.IGNORECASE)
# which of the casebook's two fields (「それ①と②どっち？」)
_WHICH_FIELD = re.compile(r"^(?:それ|これ|その事例)?(?:は|って)?(?:[①②]と[①②](?:の)?(?:どっち|どちら)|(?:どっち|どちら|どこ)の"
                          r"(?:カテゴリー?|分類|分野|区分))(?:ですか|なの|に入る(?:の)?)?\s*[？?。]*$|"
                          r"^(?:which|what) (?:category|field)(?: is (?:it|that|this)(?: in)?)?\s*\??$", re.IGNORECASE)


# a count the previous answer gives (30事例, 4つ, 約77,000人, 78か国), or the field of a case (①)
_COUNT_GIVEN = re.compile(r"\d[\d,]*\s*(?:事例|件|つ|か所|カ所|人|か国|省|cases|people|countries)")


# 「例えば？」, 「1つ挙げて」, "Name one", "for example?": one of what was just counted
_EXAMPLE = re.compile(r"^(?:じゃあ|じゃ|では|で)?、?(?:例えば|たとえば|具体的には|具体例は|例は|一例は|どんなのがある|"
                      r"(?:1|一|ひと)つ(?:挙げて|あげて|教えて|紹介して))(?:は|って)?(?:ですか|ある)?\s*[？?。]*$|"
                      r"^(?:(?:and|so|ok)\W+)?(?:for (?:example|instance)|e\.?g\.?|an example|examples|like what|"
                      r"(?:can you |could you |please |pls )?(?:tell me about|describe|pick|show me|name|give me|gimme) "
                      r"(?:one|an example)(?: of them| of those| of the cases)?|one of them)(?:,? (?:please|pls|plz))?\W*$|"
                      r"^(?:その|そのうち|その中の|その中から)?(?:どれか)?(?:1つ|一つ|ひとつ)(?:だけ)?(?:詳しく|くわしく)?(?:教えて|紹介して)"
                      r"(?:ください|くれる|ほしい)?\s*[？?。]*$", re.IGNORECASE)


_CASES_COUNTED = re.compile(r"\d+\s*事例")


def example_asked(text: str, said: str) -> str | None:
    """The question a bare 「例えば？」 / "Name one" asks after an answer counting the casebook's cases (``said``):
    one of the cases, asked plainly in the language it was written in; None for any other text or answer."""
    if _EXAMPLE.match(text.strip()) is None or not _CASES_COUNTED.search(said):  # (not the CIR casebook: no count)
        return None
    return "give me one example case from the casebook" if text.isascii() else "その事例を1つ紹介して"


def asks_the_count_of_it(text: str, said: str, counted_by_role: bool) -> bool:
    """Whether ``text`` only asks how many of what was just said (``said``, the previous answer, gives it), its
    figure, or which field it is; ``counted_by_role``: the previous answer gave people's counts by role (「全部で？」
    then asks their sum)."""
    text = text.strip()
    if _WHICH_FIELD.match(text):
        return "①" in said or "②" in said
    return _COUNT_GIVEN.search(said) is not None and (_IN_NUMBERS.match(text) is not None or (
        not counted_by_role and _TOTAL_OF_IT.match(text) is not None))

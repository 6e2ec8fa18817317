"""What the writer's office wants, said in a self-introduction (「JETを新しく入れたい市です。」).

A self-introduction is dropped as no topic (:mod:`bot.core.focus`), but an office's wish is one: it is the
topic of a question that only asks what to do (「どうすればいい？」), and said alone it is the question.
"""
from __future__ import annotations

import re

# (not 「…入れたい市です。CLAIRへの要望はどういうルートで？」, a question of its own; nor 「ALTを減らしたい町です。」: a
# wish the notice says nothing of, which would read as taking more on)
_OFFICE_IS = r"(?:と(?:考えて|思って)(?:いる|おる))?(?:市|町|村|区|県|団体|自治体)です"  # (「…たいと考えている市です」)
_WANTING_OFFICE = re.compile(r"(?<!減らし)(?<!やめ)(?<!辞め)(?<!止め)(?<!中止し)(?<!打ち切り)(?<!断り)(?<!見学し)(?<!減員し)(?<!交代させ)(?<!入れ替え)"
                             r"(?<!替え)(?<!変え)(?<!移し)(?<!帰国させ)たい"
                             + _OFFICE_IS +
                             # 「CIRの導入を検討している町です」: taking JET on (not 「ALTを減らすことを検討している町です」)
                             r"|(?:導入|受け入れ|受入れ?|活用|増員|招致|配置|採用)(?:を|の)?"
                             r"検討(?:して(?:いる|おる)|中の)(?:市|町|村|区|県|団体|自治体)です")
_WHAT_IS_ASKED = "どうすればいい？"  # … the question a wish alone leaves unsaid
# … or the wish itself (「ALTの人数を知りたい市です」 asks the count; 市 is no topic of it)
_OFFICE_SAID = re.compile(_OFFICE_IS + r"[。.!！\s]*$")
# … a wish to take JET on or take more participants (「入れたい」 is no word of the knowledge): how to do that
_TAKING_ON = re.compile(r"入れ|増や|導入|受け入れ|受入|招致|迎え|雇|採用|活用")
_TAKING_ON_ASKED = "導入や増員をするには"
_WHAT_TO_DO = re.compile(r"^(?:まず|まずは)?(?:どうすれば|どうしたら|何をすれば|なにをすれば|何から|なにから)[^。？?]{0,12}[。？?]?$")


def is_wish(introduction: str) -> bool:
    """「ALTを入れたい市です」, 「CIRの導入を検討している町です」: a self-introduction saying what the office wants."""
    return _WANTING_OFFICE.search(introduction) is not None


def with_wish(wish: str, kept: list[str]) -> list[str]:
    """The sentences kept, read with the office's ``wish`` (a self-introduction for which :func:`is_wish` holds)."""
    taking_on = _TAKING_ON.search(wish) is not None  # (「ALTを入れたい市です」: how to take JET on or more)
    if kept and _WHAT_TO_DO.match(kept[-1]):
        return kept[:-1] + [wish, _TAKING_ON_ASKED + kept[-1] if taking_on else kept[-1]]
    if not kept:  # 「ALTを入れたい市です」 alone: how to do it is what the writer asks, not a greeting
        return [wish, _TAKING_ON_ASKED + _WHAT_IS_ASKED] if taking_on else [_OFFICE_SAID.sub("", wish)]
    return kept

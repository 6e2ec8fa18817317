"""A role said to be something it may not be (「CIRは学校で英語を教える人ですよね？」, "CIRs teach English in schools,
right?", "Is an SEA a PE teacher?"): the description is the user's guess, and its words (学校, 英語) lead to other
topics. The check is read as asking what the role does, so the reply gives the role as printed, whatever was guessed.

Only a description of a person or their work counts (人, 先生, 教える, 働く, teacher, works); a check that names a topic
of its own (the survey, the finance measures, a count, a name) is left to what it names.
"""
from __future__ import annotations

import re

_WORK_JA = r"(?:人|先生|教師|教員|職員|公務員|担当者|仕事|業務|教え|働|勤務|通訳|翻訳|コーチ)"
_TOPIC_JA = (r"(?:調査|要望|財政|交付税|事例|措置|通知|人数|何|略|名前|名称|英語名|日本語名|免許|資格|条件|応募|(?<!際)国(?!際)|言語|以外|"
             r"できる|でき(?:ます|ません)|お願い|必要|多い|少ない|\d|alt|cir|sea|jet)")
_ROLE_JA = re.compile(rf"^(alt|cir|sea)(?:って|は|とは|も)(?=[^?？。]*{_WORK_JA})(?![^?？。]*{_TOPIC_JA})[^?？。]{{2,40}}"
                      r"[?？。]*$")
_WORK_EN = (r"(?:teach|teaches|teacher|teachers|instructor|coach|coaches|interpret|interprets|interpreter|translat\w*|"
            r"works?|working|based|placed|assigned|staff|employees?|officials?|civil servants?)")
_TOPIC_EN = (r"(?:survey|request|financ\w*|tax|case|notice|how many|stand|short|abbreviat\w*|names?|title|count|"
             r"number|licen[cs]e|qualif\w*|languages?|countr\w*|need|needs|required|can|could|allowed|other|besides|"
             r"\d|alt|cir|sea|jet)")
_ROLE_EN = re.compile(rf"^(?:so |and |but )?(?:(?:is|are|isn't|aren't) )?(?:an? |the )?(alt|cir|sea)s?(?:'s)? "
                      rf"(?=.*\b{_WORK_EN}\b)(?!.*\b{_TOPIC_EN}\b).{{2,80}}$")


def role_guessed(sentence: str) -> str | None:
    """The question of what the role does, when ``sentence`` (cleaned: lower case, half-width) checks a
    description of ALT, CIR or SEA; None when it checks anything else."""
    ja = _ROLE_JA.match(sentence.strip())
    if ja:
        return f"{ja.group(1)}はどんな仕事をする人ですか"
    en = _ROLE_EN.match(sentence.strip())
    if en:
        return f"what does a {en.group(1)} do?"
    return None

"""The part of an answer a question asks about, put first: one role's figure of a list of every role's, the line
naming the thing whose name is asked, one office's part of the offices' roles (「外務省の役割は？」; "And recruitment
abroad?" after who handles funding: MOFA's part; "Who handles recruitment abroad, MEXT?": MOFA's, not the office
guessed). The answer itself stays whole after it (:mod:`bot.core.narrow` leaves items out instead)."""
from __future__ import annotations

import re
from typing import Iterable

from bot.core.narrow import COUNT_ASKED, SENTENCE, Names, kind_of, narrow_sentence
from bot.core.orthography import clean, fold_kana

_NAME_ASKED = re.compile(r"英語名|英語で|英名|英訳|英語表記|正式名|名称|何の略|略称|日本語で|日本語名|和名|(?<![a-z])(?:stand for|"
                         r"english name|official name|called|in japanese|japanese name)", re.IGNORECASE)
_ROLE_ASKED = re.compile(r"役割|担当|何をして|何をする|何してる|関係ある|関わ|(?<![a-z])(?:role|responsib|handles?|in charge|do(?:es)? in|"
                         r"what do(?:es)? \S+ do|involved)(?![a-z])",
                         re.IGNORECASE)
_WHY = re.compile(r"なんで|なぜ|どうして|(?<![a-z])why(?![a-z])")
_WHICH_OFFICE = re.compile(r"どの省|どこの省|省庁|どこが担当|どこの担当|(?<![a-z])(?:which (?:ministry|office)|who handles|"
                           r"who is responsible|who does)(?![a-z])", re.IGNORECASE)


def lead_with(text: str, question: str, asked: Iterable[str], names: Names, own: str | None = None) -> str:
    """``text`` with the sentences about the one role a count question names first, line by line (「令和5年度の
    CIRの人数」: the CIR's figure, then the year's total); the lines about the one thing whose name is asked
    first (「外務省の英語名は？」); the part about the one office whose role is asked first (「外務省の役割は？」).
    ``own``: a follow-up's own words (``question`` is then read with the topic): "And recruitment abroad?",
    「文科省は？」 after the offices' parts ask for one office's part, as the question before did."""
    named = {t for t in asked if kind_of(t) != "attribute" and t != "jet"}
    offices = {t for t in named if kind_of(t) == "office"}
    if own is not None:
        offices = {fold_kana(c) for _, c in names(clean(own)) if kind_of(fold_kana(c)) == "office"}
        led = _office_doing_it_first(text, clean(own), names) if not offices else text
        if led != text:
            return led
    if len(offices) == 1 and (own is not None or _ROLE_ASKED.search(clean(question))):  # 「外務省の役割は？」: its part first
        # ("Who handles recruitment abroad, MEXT?": the office doing what is asked leads, not the one guessed; not in
        # 「なんで外務省が問い合わせ先に？学校の話なのに」: why that office takes part)
        led = _office_doing_it_first(text, clean(own or question), names) \
            if not _WHY.search(clean(own or question)) else text
        if led != text:
            return led
        own = next((short for line in text.split("\n") for s in SENTENCE.split(line)
                    if (short := narrow_sentence(s, offices, names)) != s), None)
        return f"{own.strip()}\n{text}" if own else text
    if not offices and _WHICH_OFFICE.search(clean(question)):  # "Which ministry handles recruitment overseas?"
        return _office_doing_it_first(text, clean(question), names)
    if len(named) == 1 and _NAME_ASKED.search(clean(question)):  # 「CLAIRの英語名は？」: the line naming it first
        # (the line naming it most: "MIC in Japanese?" is the ministries' names, not the roles' "according to MIC")
        lines = text.split("\n")
        about = [sum(fold_kana(c) in named for _, c in names(line)) for line in lines]
        return "\n".join(line for _, line in sorted(zip(about, lines), key=lambda pair: -pair[0]))
    roles = {t for t in asked if kind_of(t) == "role"}
    if len(roles) != 1 or not COUNT_ASKED.search(clean(question)):
        return text
    return "\n".join(_lead_with(line, roles, names) for line in text.split("\n"))


def _office_doing_it_first(text: str, question: str, names: Names) -> str:
    """``text`` led by the part of a list of offices whose words the question uses (recruitment: MOFA's)."""
    # (an office the question names is one it leaves out: "other than MOFA, which office handles funding?")
    words = [w for w in re.findall(r"[a-z]{4,}|[\u3400-\u9fff]{2,}", question) if not _WHICH_OFFICE.search(w)
             and not any(kind_of(fold_kana(c)) == "office" for _, c in names(w))]
    for line in text.split("\n"):
        for sentence in SENTENCE.split(line):
            offices = {fold_kana(c) for _, c in names(sentence) if kind_of(fold_kana(c)) == "office"}
            if len(offices) < 2:
                continue
            parts = [narrow_sentence(sentence, {o}, names) for o in sorted(offices)]
            telling = [w for w in words if not all(w in p.lower() for p in parts)]  # ("handles" is in every part)
            doing = [p for p in parts if p != sentence and any(w in p.lower() for w in telling)]
            if len(doing) == 1:
                return f"{doing[0].strip()}\n{text}"
    return text


def _lead_with(line: str, things: set[str], names: Names) -> str:
    sentences = [s for s in SENTENCE.split(line) if s]
    about = [any(fold_kana(c) in things for _, c in names(s)) for s in sentences]
    if not any(about) or all(about) or about[0]:
        return line
    ordered = [s.rstrip() for s, a in zip(sentences, about) if a] + [s.rstrip() for s, a in zip(sentences, about) if not a]
    return "".join(s if s.endswith("。") or i == len(ordered) - 1 else s + " " for i, s in enumerate(ordered))

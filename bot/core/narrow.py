"""A question narrowed to one of several named things gets only that one's part of a list answer
(and no suggestions about another place).

「令和5年度の新規CIRの人数だけ知りたい」 is answered by the sentence that lists every role's figures
(「…職種別の人数はALT 5,355人（うち新規1,837人）、CIR 468人（うち新規154人）、SEA 8人です。」). When the
question names one role (or one office) and narrows (だけ, のみ, only, just) or asks for a number, the
items of such a list that name another thing of the same kind are left out:
「…職種別の人数はCIR 468人（うち新規154人）です。」 Sentences that are no such list stay as written.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

from bot.core.orthography import clean, fold_kana

# 「この通知って総務省だけが出してる？」: whether it is that one alone (the whole list answers), no narrowing to it
_ONLY_ONE_DOES = re.compile(r"だけが")
ONLY = re.compile(r"(?<!いた)(?<!頂)だけ(?!ど)|のみ|限定|(?<![a-z])(?:only|just)(?![a-z])", re.IGNORECASE)
_NAME_ASKED = re.compile(r"英語名|英語で|英名|英訳|英語表記|正式名|名称|何の略|略称|日本語で|日本語名|和名|(?<![a-z])(?:stand for|"
                         r"english name|official name|called|in japanese|japanese name)", re.IGNORECASE)
_ROLE_ASKED = re.compile(r"役割|担当|何をして|何をする|何してる|(?<![a-z])(?:role|responsib|handles?|in charge|do(?:es)? in|what do(?:es)? \S+ do)(?![a-z])",
                         re.IGNORECASE)
_WHICH_OFFICE = re.compile(r"どの省|どこの省|省庁|どこが担当|どこの担当|(?<![a-z])(?:which (?:ministry|office)|who handles|"
                           r"who is responsible|who does)(?![a-z])", re.IGNORECASE)
# (a role's figures asked the Slack way too: "new CIRs in 2023?", "cir new hires fy23", "alt numbers")
_COUNT = re.compile(r"何人|人数|者数|何名|合計|新規|(?<![a-z])(?:how many|headcount|total|count|numbers|figures|hires|newcomers)"
                    r"(?![a-z])|(?<![a-z])new (?=(?:alt|cir|sea)s?(?![a-z]))", re.IGNORECASE)
ATTRIBUTES = frozenset({"電話", "メール", "fax", "住所"})  # what is asked of a contact (synonym groups' first words)
ROLES = frozenset({"alt", "cir", "sea"})  # the roles' codes (any three letters are not: "running" is "run")
NOT_PRINTED = frozenset({"fax", "住所"})  # on no contact card: the notice prints no fax number or address
_SENTENCE = re.compile(r"(?<=。)|(?<=\. )(?=[A-Z])")
# list separators outside parentheses: 、 / ", " / " and "
_SEPARATOR = re.compile(r"、|, (?:and )?| and ")
_SEPARATOR_JA = re.compile(r"、")
_ENDINGS = r"(?:を担当しています|です|でした|となっています)?[。.]\s*$"  # what a list's items share at its end
_ENDING = re.compile(_ENDINGS)
_LIST_COUNT = re.compile(r"の[0-9一二三四五]+(?:か所|カ所|箇所|つ|省)(?=" + _ENDINGS + ")")  # 「…の3か所です」
# a clause that goes on (「…記載されており、メールアドレスの記載はありません」): the sentence is no list
_CLAUSE = re.compile(r"(?:り|て|が|ので|ため|ものの|けれど)、$")
Names = Callable[[str], list[tuple[str, str]]]  # a text's (surface, canonical) named things


def kind_of(name: str) -> str | None:
    """What sort of named thing a canonical is: a role code (alt, cir, sea) or an office (…省)."""
    if name in ATTRIBUTES:
        return "attribute"
    if name.endswith("省"):
        return "office"
    return "role" if name in ROLES else None


def _segments(sentence: str) -> list[str]:
    """The sentence cut at its list separators outside parentheses, separators kept at the segments' ends."""
    out, depth, start = [], 0, 0
    # a Japanese list is cut at 、 only: the English names in it have commas and "and" of their own
    # (「…＝Ministry of Education, Culture, Sports, Science and Technology（MEXT）、…」)
    separator = _SEPARATOR_JA if "、" in sentence else _SEPARATOR
    for i, ch in enumerate(sentence):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth -= 1
        elif depth == 0 and i > start:
            match = separator.match(sentence, i)
            if match:
                out.append(sentence[start:match.end()])
                start = match.end()
    out.append(sentence[start:])
    return [s for s in out if s]


def _narrow_sentence(sentence: str, asked: set[str], names: Names) -> str:
    parts = _segments(sentence)
    found = [[(s, fold_kana(c)) for s, c in names(part) if kind_of(fold_kana(c))] for part in parts]
    kinds = {kind_of(c) for c in asked}
    listed = {c for items in found for _, c in items if kind_of(c) in kinds}
    if len(parts) < 2 or not asked & listed or len(listed - asked) < 1 or any(map(_CLAUSE.search, parts[:-1])):
        return sentence
    kept: list[str] = []
    dropped = False
    for part, items in zip(parts, found):
        others = [(s, c) for s, c in items if c not in asked and kind_of(c) in kinds]
        # (a part naming nothing after one left out goes on with it: "MOFA handles recruitment and | selection")
        going_on = dropped and not items
        if (not others or any(c in asked for _, c in items)) and not going_on:
            kept.append(part)
            dropped = False
            continue
        dropped = True
        start = re.search(re.escape(others[0][0]), part, re.IGNORECASE) if others else None
        lead = part[:start.start()] if start else ""
        if lead.strip() and sum(lead.strip() in p for p in parts) == 1:  # 「…職種別の人数はALT 5,355人」: the lead-in
            # stays (not words each item has: "one at MIC, one at MOFA and one at MEXT" asked of MOFA is "one at MOFA")
            kept.append(lead)
        if part is parts[-1] and (ending := _ENDING.search(part)):
            kept.append(ending.group(0))
    text = "".join(kept)
    if text != sentence:  # 「…、文部科学省…の3か所です」 with one office left: no count of the list
        text = _LIST_COUNT.sub("", text)
    if sentence[:1].isupper():  # "Phone …, e-mail …" asked for the e-mail: "E-mail …"
        text = text[:1].upper() + text[1:]
    text = re.sub(r"(?:、|, (?:and )?| and )(?=" + _ENDINGS + ")", "", text)
    return re.sub(r"、(?=\s*$)", "", text)


def narrow(text: str, question: str, asked: Iterable[str], names: Names, only: bool = False) -> str:
    """``text`` with the list items about other named things of an asked kind left out, for each kind
    (role, office, contact attribute) of which the question (``question``: its text, ``asked``: the named
    things it names, as the matcher's words) names exactly one and narrows (``only``: as if it did); otherwise
    ``text`` unchanged."""
    question = clean(question)
    by_kind: dict[str, set[str]] = {}
    for thing in asked:
        if kind := kind_of(thing):
            by_kind.setdefault(kind, set()).add(thing)
    for kind, things in by_kind.items():
        narrows = ONLY.search(question) and not _ONLY_ONE_DOES.search(question)
        if len(things) == 1 and (only or narrows or kind != "attribute" and _COUNT.search(question)):
            text = "\n".join("".join(_narrow_sentence(s, things, names) for s in _SENTENCE.split(line))
                             for line in text.split("\n"))
    return text


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
        # ("Who handles recruitment abroad, MEXT?": the office doing what is asked leads, not the one guessed)
        led = _office_doing_it_first(text, clean(own or question), names)
        if led != text:
            return led
        own = next((short for line in text.split("\n") for s in _SENTENCE.split(line)
                    if (short := _narrow_sentence(s, offices, names)) != s), None)
        return f"{own.strip()}\n{text}" if own else text
    if not offices and _WHICH_OFFICE.search(clean(question)):  # "Which ministry handles recruitment overseas?"
        return _office_doing_it_first(text, clean(question), names)
    if len(named) == 1 and _NAME_ASKED.search(clean(question)):  # 「CLAIRの英語名は？」: the line naming it first
        # (the line naming it most: "MIC in Japanese?" is the ministries' names, not the roles' "according to MIC")
        lines = text.split("\n")
        about = [sum(fold_kana(c) in named for _, c in names(line)) for line in lines]
        return "\n".join(line for _, line in sorted(zip(about, lines), key=lambda pair: -pair[0]))
    roles = {t for t in asked if kind_of(t) == "role"}
    if len(roles) != 1 or not _COUNT.search(clean(question)):
        return text
    return "\n".join(_lead_with(line, roles, names) for line in text.split("\n"))


def _office_doing_it_first(text: str, question: str, names: Names) -> str:
    """``text`` led by the part of a list of offices whose words the question uses (recruitment: MOFA's)."""
    # (an office the question names is one it leaves out: "other than MOFA, which office handles funding?")
    words = [w for w in re.findall(r"[a-z]{4,}|[\u3400-\u9fff]{2,}", question) if not _WHICH_OFFICE.search(w)
             and not any(kind_of(fold_kana(c)) == "office" for _, c in names(w))]
    for line in text.split("\n"):
        for sentence in _SENTENCE.split(line):
            offices = {fold_kana(c) for _, c in names(sentence) if kind_of(fold_kana(c)) == "office"}
            if len(offices) < 2:
                continue
            parts = [_narrow_sentence(sentence, {o}, names) for o in sorted(offices)]
            telling = [w for w in words if not all(w in p.lower() for p in parts)]  # ("handles" is in every part)
            doing = [p for p in parts if p != sentence and any(w in p.lower() for w in telling)]
            if len(doing) == 1:
                return f"{doing[0].strip()}\n{text}"
    return text


def _lead_with(line: str, things: set[str], names: Names) -> str:
    sentences = [s for s in _SENTENCE.split(line) if s]
    about = [any(fold_kana(c) in things for _, c in names(s)) for s in sentences]
    if not any(about) or all(about) or about[0]:
        return line
    ordered = [s.rstrip() for s, a in zip(sentences, about) if a] + [s.rstrip() for s, a in zip(sentences, about) if not a]
    return "".join(s if s.endswith("。") or i == len(ordered) - 1 else s + " " for i, s in enumerate(ordered))


# a word worth checking: English, or two or more characters with a kanji or three or more (not 国 inside 国家,
# not うち of 「そのうち」)
_WORD = re.compile(r"^[a-z]{2,}$|^(?=.*[\u3400-\u9fff]).{2,}$|^.{3,}$")


def lost_in_narrowing(text: str, narrowed: str, words: Iterable[str]) -> str | None:
    """A word of the question that ``text`` says only of the other things ``narrow`` left out: 「SEAの新規は
    何人」 narrowed to 「…SEA 8人」 lost 新規, which the answer gives for ALT and CIR only -- the SEA's new
    participants are not held. ``words``: the question's words (as the matcher's)."""
    def said(word: str, where: str) -> bool:
        return re.search(rf"(?<![a-z]){re.escape(word)}", where) is not None if word.isascii() else word in where

    changed = [(fold_kana(clean(a)), fold_kana(clean(b))) for line, short in zip(text.split("\n"), narrowed.split("\n"))
               for a, b in zip(_SENTENCE.split(line), _SENTENCE.split(short)) if a != b]
    return next((w for w in words if not any(c.isdigit() for c in w) and _WORD.search(w)
                 and any(said(w, full) and not said(w, kept) for full, kept in changed)), None)


def roles_among(names: Iterable[str]) -> tuple[str, ...]:
    """The roles among a conversation's named things (it also remembers what a count was of: 参加国, 新規)."""
    return tuple(n for n in names if kind_of(n) == "role")


def label(name: str) -> str:
    """A named thing as shown in a reply: role codes in capitals (sea -> SEA), offices as they are."""
    return name.upper() if kind_of(name) == "role" else name


def off_topic(label_names: Iterable[str], asked_names: Iterable[str], answer: str) -> bool:
    """A suggestion naming a place neither the question (which names one) nor the answer names: after
    「新潟県の事例は？」 (answered with 柏崎市), 「立山町の事例」 is another place's, not a related question."""
    asked = set(asked_names)
    folded = fold_kana(clean(answer))
    return bool(asked) and any(n not in asked and n not in folded for n in label_names)


def named_things(apply_synonyms: Callable[[str], tuple[str, Iterable[tuple[str, str]]]]) -> Names:
    """The named things of a text through the analyser's synonym table."""
    return lambda text: list(apply_synonyms(clean(text))[1])

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
# (a role's figures asked the Slack way too: "new CIRs in 2023?", "cir new hires fy23", "alt numbers")
COUNT_ASKED = re.compile(r"何人|人数|者数|何名|合計|新規|(?<![a-z])(?:how many|headcount|total|count|numbers|figures|hires|newcomers)"
                    r"(?![a-z])|(?<![a-z])new (?=(?:alt|cir|sea)s?(?![a-z]))", re.IGNORECASE)
ATTRIBUTES = frozenset({"電話", "メール", "fax", "住所"})  # what is asked of a contact (synonym groups' first words)
ROLES = frozenset({"alt", "cir", "sea"})  # the roles' codes (any three letters are not: "running" is "run")
NOT_PRINTED = frozenset({"fax", "住所"})  # on no contact card: the notice prints no fax number or address
SENTENCE = re.compile(r"(?<=。)|(?<=\. )(?=[A-Z])")
# list separators outside parentheses: 、 / ", " / " and "
_SEPARATOR = re.compile(r"、|, (?:and )?| and ")
_SEPARATOR_JA = re.compile(r"、")
_ENDINGS = r"(?:を担当しています|です|でした|となっています)?[。.]\s*$"  # what a list's items share at its end
_ENDING = re.compile(_ENDINGS)
_LISTCOUNT_ASKED = re.compile(r"の[0-9一二三四五]+(?:か所|カ所|箇所|つ|省)(?=" + _ENDINGS + ")")  # 「…の3か所です」
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


def narrow_sentence(sentence: str, asked: set[str], names: Names) -> str:
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
        text = _LISTCOUNT_ASKED.sub("", text)
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
        if len(things) == 1 and (only or narrows or kind != "attribute" and COUNT_ASKED.search(question)):
            text = "\n".join("".join(narrow_sentence(s, things, names) for s in SENTENCE.split(line))
                             for line in text.split("\n"))
    return text


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
               for a, b in zip(SENTENCE.split(line), SENTENCE.split(short)) if a != b]
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

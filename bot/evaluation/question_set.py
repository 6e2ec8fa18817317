"""Question sets: load them, ask them, judge each reply.

A set is a YAML list. Each item is a single question or a dialogue::

    - {q: "総務省の電話番号", kind: focused, any: ["0352535527"], none: ["0355018143"]}
    - {q: "明日の天気", fallback: true}
    - dialogue:
        - {q: "CIRとは", any: ["国際交流"]}
        - {q: "その理由は？", any: ["デジタル田園都市"]}
      kind: followup

``any`` / ``all``: the reply (answer, source, links, contacts) contains one / every fact;
``none``: it contains none of these; ``fallback: true``: the bot must not answer (a fallback,
the help text, or "did you mean" choices without an answer). ``relevant: [intent ids]``: the
intents that answer it, for the ranking measures (P@1, top-5, MRR@5, nDCG@10, Recall@10 over
the bot's top ten candidates); an item may have only ``relevant``. Facts and replies are compared
after NFKC, lower-casing and removing spaces, commas and dashes; a date counts the same
written 2023年7月31日 or 2023-07-31. A dialogue's turns are asked
in one conversation, in order; every turn is judged like a single question.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

from bot.core.render import plain_text
from bot.core.types import IncomingMessage, Reply
from bot.core.yaml_source import read_yaml

_STRIP = re.compile(r"[\s,、，\-‐‑‒–—―−ー－]")
Ask = Callable[[IncomingMessage, bool], Reply]  # (message, remember the conversation)


_JAPANESE_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")


def _date(match: re.Match[str]) -> str:
    year, month, day = match.groups()
    return f"{year}{int(month):02d}{int(day):02d}"


def fold_fact(text: str) -> str:
    """How facts and replies are compared: NFKC, lower case, no spaces, commas or dashes, and a date
    written 2023年7月31日 or 2023-07-31 in one form."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = _ISO_DATE.sub(_date, _JAPANESE_DATE.sub(_date, text))
    return _STRIP.sub("", text)


@dataclass(frozen=True)
class Question:
    """One question to ask; ``dialogue`` numbers the conversation it belongs to (0: none)."""

    item: dict[str, Any]
    kind: str
    dialogue: int = 0

    @property
    def text(self) -> str:
        """The question as typed."""
        return str(self.item["q"])

    @property
    def in_scope(self) -> bool:
        """Whether the bot is expected to answer."""
        return not self.item.get("fallback")

    @property
    def judged(self) -> bool:
        """Whether the reply itself is judged (an item with only ``relevant`` measures the ranking alone)."""
        return any(key in self.item for key in ("any", "all", "none", "fallback"))


@dataclass(frozen=True)
class Result:
    """One question's outcome."""

    question: Question
    passed: bool
    intent: str | None
    score: float
    reply_kind: str
    expected: str


class QuestionSetError(ValueError):
    """A question file that cannot be run as written; the message names file and line."""


_JUDGED_BY = ("any", "all", "none", "fallback", "relevant")


def load_questions(path: Path) -> list[Question]:
    """Every question of the file, dialogues unrolled in order.

    Raises :class:`QuestionSetError` for a file that is not a list of questions, or a question with
    nothing to judge it by (it would be skipped silently and every figure would mislead)."""
    items, errors = read_yaml(path, str(path))
    if errors:
        raise QuestionSetError(str(errors[0]))
    if not isinstance(items, list):
        raise QuestionSetError(f"{path}:1: expected a list of questions")
    questions: list[Question] = []
    for number, (item, line) in enumerate(zip(items, items.item_lines), 1):
        turns = item.get("dialogue") if isinstance(item, dict) else None
        for turn in turns if isinstance(turns, list) else [item]:
            _check(turn, path, getattr(turn, "line", line))
        kind = str(item.get("kind") or "")
        if turns:
            questions += [Question(turn, kind or "followup", number) for turn in turns]
        else:
            questions.append(Question(item, kind))
    return questions


def _check(item: Any, path: Path, line: int) -> None:
    if not isinstance(item, dict) or "q" not in item:
        raise QuestionSetError(f"{path}:{line}: a question needs q: (or dialogue: a list of turns)")
    if not any(key in item for key in _JUDGED_BY):
        raise QuestionSetError(f"{path}:{line}: nothing to judge this question by: add any:, all:, none:, "
                               f"fallback: true (out of scope) or relevant:")
    if "out_of_scope" in str(item.get("kind") or "") and not item.get("fallback"):
        raise QuestionSetError(f"{path}:{line}: an out-of-scope question needs fallback: true "
                               f"(else it is judged as one the bot should answer)")


def answered(reply: Reply) -> bool:
    """Whether the reply answers the question (not a fallback, help text or a bare choice)."""
    return not reply.fallback and reply.kind not in ("help", "greeting")


def judge(question: Question, reply: Reply) -> Result:
    """Judge one reply against what the question set expects."""
    item = question.item
    if not question.in_scope:
        return Result(question, not answered(reply), reply.intent_id, reply.score, reply.kind, "fallback")
    shown = plain_text(reply)  # (a date as written is read too: 「7月31日」 is in 「2023年7月31日」)
    text = fold_fact(shown) + "\n" + _STRIP.sub("", unicodedata.normalize("NFKC", shown).lower())
    wanted = [str(f) for f in item.get("all") or item.get("any") or []]
    hits = [fold_fact(f) in text for f in wanted]
    unwanted = [str(f) for f in item.get("none") or [] if fold_fact(str(f)) in text]
    # (a courtesy turn, "thanks" at a dialogue's end, is right when the courtesy reply says what was expected)
    ok = (all(hits) if item.get("all") else any(hits)) and (answered(reply) or reply.kind == "greeting") \
        and not unwanted
    expected = ("all: " if item.get("all") else "any: ") + ", ".join(wanted)
    if unwanted:
        expected += " | but also: " + ", ".join(unwanted)
    return Result(question, ok, reply.intent_id, reply.score, reply.kind, expected)


def run(questions: list[Question], ask: Ask) -> Iterator[Result]:
    """Ask every question: singles without context, each dialogue in a conversation of its own."""
    for question in questions:
        conversation = f"eval-dialogue-{question.dialogue}" if question.dialogue else ""
        message = IncomingMessage(question.text, channel="eval", user_id="eval",
                                  conversation_id=conversation or "eval")
        yield judge(question, ask(message, bool(question.dialogue)))

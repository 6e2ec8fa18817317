"""The triage queue: what needs a person, grouped by similarity, with each group's status and nearest intents.

    groups = build_queue(store.needing_person(since, until), store.marks(), kb, make_key(kb.knowledge.synonyms))

Rows come from :meth:`bot.storage.triage.TriageStore.needing_person` (unanswered, unsure and low-scored
answers; answers rated not helpful once feedback joins there). Questions are grouped as ``jetbot report``
groups them (:func:`bot.reports.question_groups.group_questions`); a group's status comes from the decisions
kept per question (:data:`bot.storage.triage.OPEN` when none). Open groups come first, newest first.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Callable, Sequence

from bot.core.answer import answer, ranking
from bot.core.knowledge_base import KnowledgeBase
from bot.core.types import Candidate, IncomingMessage
from bot.reports.question_groups import group_questions, terms_key
from bot.storage.triage import DONE, OPEN, OUT_OF_SCOPE, Mark, QueueRow

NEAREST = 3
REASKED = 5
MAX_GROUPS = 100  # shown per status; each needs a ranking (and decided ones a few answers)


@dataclass(frozen=True)
class Reasked:
    """A question of the group asked again of the live knowledge: the intent it reaches and its score."""

    question: str
    intent_id: str | None
    score: float
    answered: bool


@dataclass(frozen=True)
class QueueGroup:
    """One group of similar questions and what has been decided about it."""

    status: str
    count: int
    questions: tuple[str, ...]          # distinct, most asked first
    latest: float                       # when one of them was last asked
    reasons: tuple[tuple[str, int], ...]  # ("unanswered", 3), ("low_score", 1)…
    nearest: tuple[Candidate, ...]      # the live ranking of the group's most asked question
    mark: Mark | None = None
    reasked: tuple[Reasked, ...] = ()   # for decided groups: the questions asked again now


def question_key(question: str) -> str:
    """What a decision is kept under: the question's content words (stable across synonym edits)."""
    return terms_key(question)


def reask(kb: KnowledgeBase, question: str) -> Reasked:
    """Ask ``question`` again of ``kb`` (no context, nothing logged)."""
    reply = answer(IncomingMessage(question, channel="admin", conversation_id="triage"), kb)
    answered = not reply.fallback and reply.intent_id is not None
    return Reasked(question, reply.intent_id if answered else None, float(reply.score), answered)


def build_queue(rows: Sequence[QueueRow], marks: dict[str, Mark], kb: KnowledgeBase,
                key: Callable[[str], str] = terms_key, limit: int = MAX_GROUPS) -> list[QueueGroup]:
    """Group the rows per status (open, done, out of scope), open first, then newest first (at most
    ``limit`` groups of each status)."""
    by_status: dict[str, list[QueueRow]] = {OPEN: [], DONE: [], OUT_OF_SCOPE: []}
    for row in rows:
        mark = marks.get(question_key(row.question))
        by_status[mark.status if mark else OPEN].append(row)
    queue = []
    for status, members in by_status.items():
        grouped = [[r for r in g.rows if isinstance(r, QueueRow)] for g in group_questions(members, key)]
        for group in sorted(grouped, key=lambda g: -max(r.at for r in g))[:limit]:
            questions = tuple(q for q, _ in Counter(r.question for r in group).most_common())
            mark = None if status == OPEN else _latest_mark(questions, marks)
            reasked = tuple(reask(kb, q) for q in questions[:REASKED]) if status == DONE else ()
            queue.append(QueueGroup(status, len(group), questions, max(r.at for r in group),
                                    tuple(Counter(r.reason for r in group).most_common()),
                                    ranking(kb, questions[0], NEAREST), mark, reasked))
    return queue


def _latest_mark(questions: Sequence[str], marks: dict[str, Mark]) -> Mark | None:
    found = [m for m in (marks.get(question_key(q)) for q in questions) if m is not None]
    return max(found, key=lambda m: m.at) if found else None

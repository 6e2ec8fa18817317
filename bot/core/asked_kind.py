"""What kind of thing a question asks for (a date, a party, a count, a phone number or e-mail address), read from
its question word.

The question word is mostly a stop word (who, when, いつ) or folded into a synonym (何人 → headcount),
so two intents about the same thing (the notice's date, the notice's issuers) share every word of
"Who issued this notice?" but the one that matters. Between close candidates, one whose examples
never ask that kind of thing while another shortlisted one does loses a little
(:data:`KIND_PENALTY`): enough to order two near ties, not to move a clear winner.
"""
from __future__ import annotations

import re
from typing import Iterable, Sequence

from bot.core.candidate import Signals
from bot.core.analysis import Analysis

# on normalised text (kana as katakana, synonyms applied: 何人 → headcount, なぜ → 理由)
KINDS = {
    "when": re.compile(r"(?<![ァ-ヶー])イツ|日付|\bwhen\b|\bwhat (?:date|day|year)s?\b"),  # not ドイツ
    "party": re.compile(r"誰|ダレ|ドナタ|ドコガ|ドコノ|ノハドコ|\bwho\b|\bwhom\b|\bwhich (?:ministr|office|organi[sz]ation|body|bodies)"),
    "count": re.compile(r"headcount|イクツ|何カ国|何か国|件数|how many|number of"),
    # a phone number or an e-mail address asked for (not 問い合わせ: 「…について外務省に問い合わせたいのですが」 is a
    # purpose; the number asked is what an answer must give)
    "contact": re.compile(r"電話|メール"),
}
KIND_PENALTY = 0.95


def kinds(text: str) -> frozenset[str]:
    """The kinds of answer ``text`` (normalised) asks for."""
    return frozenset(name for name, pattern in KINDS.items() if pattern.search(text))


def asked(query: Analysis) -> frozenset[str]:
    """The kinds of answer a question asks for: its own (:attr:`Analysis.asks`) or its text's."""
    return query.asks if query.asks is not None else kinds(query.normalized)


def asks(norms: Iterable[str], wanted: frozenset[str]) -> bool:
    """Whether any of an intent's example norms asks for one of the ``wanted`` kinds."""
    return any(KINDS[name].search(norm) for norm in norms for name in wanted)


def penalties(wanted: frozenset[str], norms_by_candidate: Sequence[Sequence[str]]) -> list[float]:
    """Per candidate, :data:`KIND_PENALTY` when its examples never ask what the question asks while
    another candidate's do (else 1.0: a kind no candidate asks orders nothing)."""
    if not wanted:
        return [1.0] * len(norms_by_candidate)
    hits = [asks(norms, wanted) for norms in norms_by_candidate]
    if not any(hits):
        return [1.0] * len(hits)
    return [1.0 if hit else KIND_PENALTY for hit in hits]


def weigh(ranked: list[Signals], wanted: frozenset[str], norms: Sequence[Sequence[str]],
          exclude: tuple[int, int] | None = None) -> list[Signals]:
    """The shortlist's signals (in shortlist order, ``norms`` its intents' example norms) with
    :func:`penalties` for the ``wanted`` kinds applied to the score and the penalty; ``exclude=(intent,
    example)``: that example is hidden (leave-one-out) and tells nothing of what its intent asks."""
    if not wanted:
        return ranked
    if exclude is not None:
        norms = [tuple(n for j, n in enumerate(group) if j != exclude[1]) if s[0] == exclude[0] else group
                 for s, group in zip(ranked, norms)]
    return [(*s[:2], round(s[2] * k, 1), *s[3:7], s[7] * k) if k != 1.0 else s
            for s, k in zip(ranked, penalties(wanted, norms))]

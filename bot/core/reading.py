"""Choose among the readings of a long message by what each one leaves out, not by its score alone.

A long polite message is read several ways (the whole text, its question sentence alone or with the
background's known words, the sentence before it…). The best score alone favours a sentence that matches
something generic (「手続きの流れを教えて」, 「JETと費用を比べたいです」) over a reading whose answer holds
what the message is about, or over the whole message whose words show that no answer holds it (解雇,
民間派遣会社のいくら). :func:`choose` takes from each reading's score the share of the message's topic
that the reading left out and its best intent never mentions.
"""
from __future__ import annotations

from typing import Sequence

from bot.core.matcher import Matcher, Scored
from bot.core.analysis import Analysis
from bot.core.orthography import fold_kana

LEFT_OUT_POINTS = 12.0  # points taken from a reading's score per share (0-1) of the message's topic it leaves out
# … among the readings that would be answered: a reading whose answer holds the message beats a generic
# sentence's far higher score (「ダウンロード先のURLを教えて」 81 for the casebook vs 55 for the manual it names)
ANSWERED_LEFT_OUT_POINTS = 80.0
LONG = 20  # characters: in a shorter message every sentence is the question (「この文書は通知？事務連絡？」)
# the synonym group of "whom to ask": the background then says what about, which no contact card mentions
CONTACT = fold_kana("問い合わせ")

# who writes (「市教委の村上です。…研修会で使いたい」, "I need to explain it to our board of education"): named in a
# background it says who asks, not what about
WRITERS = frozenset({"教育委員会"})

Reading = tuple[Analysis, list[Scored]]  # what was ranked, and its ranking (never empty)


def topic(matcher: Matcher, message: Sequence[Analysis]) -> dict[str, float]:
    """The known words of the message (its question sentence and background) and how much each says about
    its topic (rarity × how much it counts)."""
    weights: dict[str, float] = {}
    for word, factor, _ in (unit for analysis in message for unit in analysis.units):
        if not word.isdigit() and matcher.knows(word) and word not in WRITERS:
            weights[word] = max(weights.get(word, 0.0), matcher.term_weight(word) * factor)
    return weights


def left_out(matcher: Matcher, weights: dict[str, float], reading: Reading) -> float:
    """The share (0-1) of the topic's weight that the reading does not contain and its best intent never mentions."""
    total = sum(weights.values())
    if not total:
        return 0.0
    read, best = set(reading[0].terms), reading[1][0].intent_id
    return sum(w for word, w in weights.items() if word not in read and not matcher.mentions(best, word)) / total


def choose(matcher: Matcher, message: Sequence[Analysis], readings: Sequence[Reading], length: int,
           answered: float | None = None) -> int:
    """The number of the reading to answer from. ``message``: its question sentence first, then its background;
    ``length``: the message's without greetings and self-introductions, in characters; ``answered``: the score
    from which the bot answers.

    The intent is chosen by score less what is left out; when it would be answered, among the readings that
    would be answered what is left out weighs far more. Among the readings that rank the chosen intent first,
    the one that scores it best is kept (its score is what the threshold judges)."""
    def score(n: int) -> float:
        return readings[n][1][0].score

    if length < LONG or CONTACT in message[0].terms:
        return max(range(len(readings)), key=lambda n: (score(n), -n))
    weights = topic(matcher, message)
    left = [left_out(matcher, weights, r) for r in readings]
    best = max(range(len(readings)), key=lambda n: (score(n) - LEFT_OUT_POINTS * left[n], -n))
    if answered is not None and score(best) >= answered:
        best = max((n for n in range(len(readings)) if score(n) >= answered),
                   key=lambda n: (score(n) - ANSWERED_LEFT_OUT_POINTS * left[n], -n))
    chosen = readings[best][1][0].intent_id
    return max((n for n, (_, ranked) in enumerate(readings) if ranked[0].intent_id == chosen),
               key=lambda n: (score(n), -n))

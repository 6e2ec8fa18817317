"""The contract's two limits and the countries since 1987 are compared as printed figures, the sum shown."""
from __future__ import annotations

import pytest

from asking import talk
from bot.core.figure_limits import derive_limits
from bot.core.figures import Figure
from bot.engine import Engine

_FIGURES = (Figure("countries", 50, "50", "stats_2023", 2023), Figure("countries", 57, "57", "stats_2019", 2019),
            Figure("countries", 78, "78", "programme_size", part="since_start"),
            Figure("contract_years", 3, "3", "contract_length", part="usual"),
            Figure("contract_years", 5, "5", "contract_length", part="longest"))


def test_the_longest_contract_less_the_usual_limit() -> None:
    derived = derive_limits(_FIGURES, "通常の上限と 特に優秀 な場合の上限、何年違う?")
    assert derived is not None and (derived.first.value, derived.second.value, derived.result) == (5, 3, 2)


def test_the_countries_since_1987_less_the_year_named_or_the_latest() -> None:
    named = derive_limits(_FIGURES, "令和元年度 の 参加国 数と 累計 の差は?")
    latest = derive_limits(_FIGURES, "累計 の 参加国 数と単年の 参加国 数の差は?")
    assert named is not None and named.result == 21  # 78 − 57
    assert latest is not None and latest.result == 28  # 78 − 50, of the latest year held


@pytest.mark.parametrize("text", ["alt と cir の違いは?", "任期 は何年?", "令和5年度 の 参加国 数は?", "累計 参加者は?",
                                  "一番多い国は? 累計参加者数・国数 令和5年度"])  # (a ranking: was 78 − 50)
def test_nothing_computed_without_both_operands_and_a_difference(text: str) -> None:
    assert derive_limits(_FIGURES, text) is None


@pytest.mark.parametrize(("turns", "said"), [
    (("通常の上限と特に優秀な場合の上限、何年違う？",), "2年長いです（5 − 3 = 2）"),  # (was the contract's answer)
    (("JETの任用期間は？", "通常の上限より何年長い？"), "2年長いです（5 − 3 = 2）"),
    (("How many years longer is the maximum contract than the usual limit?",), "2 years longer (5 − 3 = 2)"),
    (("累計の参加国数と令和5年度の参加国数、何か国違う？",), "差は28か国です（78 − 50 = 28）"),  # (was 2023's figures)
    (("How many more countries since 1987 than in FY2023?",), "a difference of 28 (78 − 50 = 28)"),
])
def test_the_difference_is_computed_with_its_sum(repo_engine: Engine, turns: tuple[str, ...], said: str) -> None:
    reply = talk(repo_engine, *turns)
    assert said in reply.text and not reply.fallback

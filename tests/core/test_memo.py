"""The few recent results kept by key (rankings, analyses)."""
from __future__ import annotations

import pickle

from bot.core.memo import Memo


def test_the_least_recently_used_value_makes_room() -> None:
    memo: Memo[str] = Memo(2)
    memo.put("a", "A")
    memo.put("b", "B")
    assert memo.get("a") == "A"  # "b" is now the least recently used
    memo.put("c", "C")
    assert (memo.get("a"), memo.get("b"), memo.get("c")) == ("A", None, "C")


def test_a_memo_of_size_zero_keeps_nothing() -> None:
    memo: Memo[str] = Memo(0)
    memo.put("a", "A")
    assert memo.get("a") is None and len(memo) == 0


def test_a_pickled_memo_comes_back_empty_with_its_size() -> None:
    memo: Memo[str] = Memo(3)
    memo.put("a", "A")
    back = pickle.loads(pickle.dumps(memo))
    assert back.size == 3 and back.get("a") is None
    back.put("b", "B")
    assert back.get("b") == "B"

"""An analysis is a value: equal texts analyse equal, and it keys the rankings kept (bot.core.memo)."""
from __future__ import annotations

import dataclasses

import pytest

from bot.core.analysis import Analysis


def test_an_analysis_is_frozen_and_hashable() -> None:
    one = Analysis("cir ハ headcount", ("cir", "headcount"), ())
    assert one == Analysis("cir ハ headcount", ("cir", "headcount"), ()) and hash(one) == hash(dataclasses.replace(one))
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.terms = ()  # type: ignore[misc]

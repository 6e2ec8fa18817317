"""What start-up loaded is left out of the garbage collector's full passes; what comes later is not."""
from __future__ import annotations

import gc
from typing import Iterator

import pytest

from bot.web.heap import freeze_loaded_objects


@pytest.fixture
def unfrozen_afterwards() -> Iterator[None]:
    yield
    gc.unfreeze()   # the test process goes on collecting as before


def test_objects_loaded_at_start_up_are_no_longer_walked_but_later_ones_are(unfrozen_afterwards: None) -> None:
    loaded = [["intent", n] for n in range(1000)]
    freeze_loaded_objects()
    later = [["event", n] for n in range(10)]
    walked = {id(o) for o in gc.get_objects()}
    assert not any(id(o) in walked for o in loaded)
    assert all(id(o) in walked for o in later)

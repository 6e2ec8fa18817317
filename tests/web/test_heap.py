"""What start-up (and each reload) loaded is left out of the garbage collector's full passes; what comes
later is not."""
from __future__ import annotations

import gc
import shutil
import weakref
from pathlib import Path
from typing import Iterator

import pytest

from bot.engine import load_engine
from bot.reload import Reloader
from bot.web.heap import freeze_after_reloads, freeze_loaded_objects, freeze_reloaded_objects
from paths import FIXTURES


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


@pytest.mark.anyio
async def test_knowledge_a_reload_puts_live_is_frozen_too(
        tmp_path: Path, unfrozen_afterwards: None) -> None:
    kb_dir = Path(shutil.copytree(FIXTURES / "mini", tmp_path / "kb"))
    engine = load_engine(kb_dir / "intents", kb_dir / "knowledge")
    reloader = Reloader(engine, kb_dir / "intents", kb_dir / "knowledge")
    freeze_after_reloads(reloader)
    freeze_loaded_objects()
    k = kb_dir / "knowledge" / "k.yaml"
    k.write_text(k.read_text(encoding="utf-8").replace("計30事例", "計31事例"), encoding="utf-8")

    assert (await reloader.reload("test")).status == "loaded"

    walked = {id(o) for o in gc.get_objects()}
    # frozen objects are not among the collector's: the new knowledge was frozen (the count alone says
    # nothing in a whole-suite run: the collection that precedes the freeze frees other tests' garbage)
    assert id(engine.kb.matcher) not in walked and id(engine.kb.intents) not in walked


class _Node:
    def __init__(self) -> None:
        self.me = self


def test_what_a_reload_replaced_is_freed_even_in_reference_cycles(unfrozen_afterwards: None) -> None:
    old = _Node()
    replaced = weakref.ref(old)
    freeze_loaded_objects()
    del old
    freeze_reloaded_objects()
    assert replaced() is None

"""Two hosts on one store, in one process: an edit published by one reaches the other's folder and
answers; published YAML the other cannot load never replaces its live knowledge."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable

import pytest

from bot.core.snapshot import KnowledgeSnapshot
from bot.core.types import IncomingMessage
from bot.engine import Engine, load_engine
from bot.reload import Reloader
from bot.storage.stores import Stores
from bot.versions.folders import read_snapshot
from bot.versions.publisher import KnowledgePublisher, reconcile
from knowledge_edits import NEW_FACT, OLD_FACT, QUESTION, edit
from paths import FIXTURES

pytestmark = pytest.mark.anyio


def host(folder: Path, stores: Stores) -> tuple[Engine, KnowledgePublisher]:
    shutil.copytree(FIXTURES / "mini", folder)
    engine = load_engine(folder / "intents", folder / "knowledge", None)
    reloader = Reloader(engine, folder / "intents", folder / "knowledge", quiet=0.1)
    return engine, KnowledgePublisher(reloader, stores.versions, follow=True)


def asks(engine: Engine) -> str:
    return engine.answer(IncomingMessage(QUESTION, channel="test", conversation_id="t"), remember=False).text


async def test_an_edit_on_one_host_goes_live_on_the_other(tmp_path: Path,
                                                          open_test_stores: Callable[..., Stores]) -> None:
    engine_a, a = host(tmp_path / "a", open_test_stores())
    engine_b, b = host(tmp_path / "b", open_test_stores())
    await a.start()
    await b.start()
    edit(tmp_path / "a" / "knowledge" / "k.yaml", OLD_FACT, NEW_FACT)
    assert (await a.reloader.reload("admin")).status == "loaded"
    assert await b.catch_up()
    assert NEW_FACT in asks(engine_b)
    assert read_snapshot(tmp_path / "b" / "intents", tmp_path / "b" / "knowledge") == \
        read_snapshot(tmp_path / "a" / "intents", tmp_path / "a" / "knowledge")
    assert [v.by for v in a.versions.history()] == ["admin", "startup"], "taking a version publishes nothing"
    assert not await b.catch_up() and not await a.catch_up()


async def test_published_yaml_a_host_cannot_load_leaves_it_answering_as_before(
        tmp_path: Path, open_test_stores: Callable[..., Stores]) -> None:
    engine_b, b = host(tmp_path / "b", open_test_stores())
    await b.start()
    before = read_snapshot(tmp_path / "b" / "intents", tmp_path / "b" / "knowledge")
    broken = KnowledgeSnapshot.of({**before.as_dict(), "intents/mini.yaml": "intents: [\n"})
    b.versions.publish(broken, "other-host")
    assert not await b.catch_up()
    assert OLD_FACT in asks(engine_b)
    assert read_snapshot(tmp_path / "b" / "intents", tmp_path / "b" / "knowledge") == before
    assert b.reloader.engine.last_rejected is None or "mini.yaml" in str(b.reloader.engine.last_rejected)
    assert not await b.catch_up(), "refused once, not tried again every second"


def test_at_start_up_an_older_disk_takes_the_published_version_and_an_unknown_one_is_published(
        tmp_path: Path, open_test_stores: Callable[..., Stores]) -> None:
    versions = open_test_stores().versions
    folders = []
    for name in ("a", "b"):
        shutil.copytree(FIXTURES / "mini", tmp_path / name)
        folders.append((tmp_path / name / "intents", tmp_path / name / "knowledge"))
    assert "published" in reconcile(versions, *folders[0])
    edit(tmp_path / "a" / "knowledge" / "k.yaml", OLD_FACT, NEW_FACT)
    assert "published" in reconcile(versions, *folders[0])            # an edit made while stopped
    assert "written over the older" in reconcile(versions, *folders[1])  # b restarts with the old files
    assert NEW_FACT in (tmp_path / "b" / "knowledge" / "k.yaml").read_text(encoding="utf-8")
    assert "is the published version" in reconcile(versions, *folders[1])


async def test_a_host_taking_a_version_never_publishes_it_over_a_newer_one(
        tmp_path: Path, open_test_stores: Callable[..., Stores]) -> None:
    engine_a, a = host(tmp_path / "a", open_test_stores())
    engine_b, b = host(tmp_path / "b", open_test_stores())
    await a.start()
    await b.start()
    edit(tmp_path / "a" / "knowledge" / "k.yaml", OLD_FACT, NEW_FACT)
    await a.reloader.reload("admin")
    newer = KnowledgeSnapshot.of({**read_snapshot(tmp_path / "a" / "intents", tmp_path / "a" / "knowledge").as_dict(),
                                  "knowledge/extra.yaml": "facts: []\n"})
    fetch = b.versions.get

    def fetch_then_another_host_publishes(number: int):  # type: ignore[no-untyped-def]
        found = fetch(number)
        a.versions.publish(newer, "admin")   # while B is still taking the version before it
        return found

    b.versions.get = fetch_then_another_host_publishes  # type: ignore[method-assign]
    assert await b.catch_up()
    assert a.versions.latest()[1] == newer.version, "B published the older version over the newer one"  # type: ignore[index]
    b.versions.get = fetch  # type: ignore[method-assign]
    assert await b.catch_up()
    assert (tmp_path / "b" / "knowledge" / "extra.yaml").exists()

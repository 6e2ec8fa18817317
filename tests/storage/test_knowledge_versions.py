"""The knowledge versions in the store (SQLite and PostgreSQL): published once, found, pruned."""
from __future__ import annotations

from typing import Callable

from bot.core.snapshot import KnowledgeSnapshot
from bot.storage.knowledge_versions import KnowledgeVersions
from bot.storage.stores import Stores


def snap(n: int) -> KnowledgeSnapshot:
    return KnowledgeSnapshot.of({"intents/a.yaml": f"intents:\n  - id: i{n}\n    examples: [q{n}]\n    answer: a\n"})


def test_publishing_records_a_version_once_with_what_changed(open_test_stores: Callable[..., Stores]) -> None:
    versions = open_test_stores().versions
    first = versions.publish(snap(1), "startup")
    assert first is not None and versions.latest() == (first.id, snap(1).version)
    assert versions.publish(snap(1), "watch") is None, "the published version again is no new version"
    other_process = open_test_stores().versions
    second = other_process.publish(snap(2), "admin", "edited")
    assert second is not None and second.changes.intents_added == ("i2",) and second.changes.intents_removed == ("i1",)
    assert [v.by for v in versions.history()] == ["admin", "startup"]
    found = versions.find(snap(1).version[:6])
    assert found is not None and found.id == first.id and found.snapshot == snap(1)
    assert versions.find(f"#{second.id}").snapshot == snap(2)  # type: ignore[union-attr]
    assert versions.before(second.id).id == first.id  # type: ignore[union-attr]
    assert versions.find("zz%") is None and versions.find("#999") is None


def test_only_the_newest_versions_keep_their_yaml_but_every_hash_stays_known(
        open_test_stores: Callable[..., Stores]) -> None:
    stores = open_test_stores()
    versions = KnowledgeVersions(stores.db, keep=3)
    for n in range(6):
        versions.publish(snap(n), "admin")
    history = versions.history()
    assert [v.has_yaml for v in history] == [True, True, True, False, False, False]
    assert versions.knows(snap(0).version) and not versions.knows(snap(9).version)
    assert versions.find(snap(0).version).snapshot is None  # type: ignore[union-attr]

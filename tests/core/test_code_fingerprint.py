"""The code fingerprint of the index cache: the modules that build an index count, the web does not."""
from __future__ import annotations

from bot.core import index_cache, knowledge_base
from bot.core.code_fingerprint import code_modules, source_fingerprint


def test_fingerprint_covers_the_modules_that_build_the_index() -> None:
    names = {m.__name__ for m in code_modules(knowledge_base, index_cache)}
    assert {"bot.core.knowledge_base", "bot.core.knowledge", "bot.core.matcher", "bot.core.text", "bot.core.compose",
            "bot.core.index_cache"} <= names
    assert "bot.web.app" not in names


def test_the_fingerprint_changes_with_the_salt_and_the_package_versions_not_by_itself() -> None:
    same = source_fingerprint([index_cache], ["numpy"], "format 1")
    assert same == source_fingerprint([index_cache], ["numpy"], "format 1") and len(same) == 16
    assert same != source_fingerprint([index_cache], ["numpy"], "format 2")
    assert same != source_fingerprint([index_cache], ["numpy", "no-such-package-here"], "format 1")


def test_fingerprint_covers_a_module_that_only_holds_constants() -> None:
    """The stop words are imported as a frozenset, which names no module: a change to them must still count
    (an index built with other stop words was loaded from the cache)."""
    names = {m.__name__ for m in code_modules(knowledge_base, index_cache)}
    assert "bot.core.stop_words" in names

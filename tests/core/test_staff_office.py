"""A staff member the notice prints names that person's office; a title two offices print, or no name, names none."""
from __future__ import annotations

import pytest

from bot.core.staff_office import staff_office
from bot.engine import Engine


@pytest.mark.parametrize(("question", "office"), [
    ("橋口事務官は何歳ですか", "mic"),       # 事務官 is printed by MIC and MEXT; 橋口 by MIC alone
    ("濱尾補佐の携帯番号", "mofa"),
    ("板橋さんの自宅", "mext"),
])
def test_a_printed_surname_names_its_office(repo_engine: Engine, question: str, office: str) -> None:
    kb = repo_engine.kb
    assert staff_office(kb, kb.matcher.analyse(question)) == office


@pytest.mark.parametrize("question", ["事務官の携帯番号は？", "外務省の住所は？", "ALTの人数は？"])
def test_no_surname_names_no_office(repo_engine: Engine, question: str) -> None:
    kb = repo_engine.kb
    assert staff_office(kb, kb.matcher.analyse(question)) is None

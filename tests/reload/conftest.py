"""Fixtures of the reload tests."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from paths import FIXTURES



@pytest.fixture
def kb_dir(tmp_path: Path) -> Path:
    """A private copy of the mini fixture (intents/ and knowledge/) to edit."""
    return Path(shutil.copytree(FIXTURES / "mini", tmp_path / "kb"))

"""Shared fixtures: the repo's own knowledge base, loaded once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Engine, load_engine
from bot.settings import REPO_ROOT

INTENTS = REPO_ROOT / "intents"
KNOWLEDGE = REPO_ROOT / "knowledge"


@pytest.fixture(scope="session")
def repo_engine() -> Engine:
    """An engine over the repo's real intents/ and knowledge/ (no conversation carried between tests)."""
    return load_engine(INTENTS, KNOWLEDGE)


def write(path: Path, text: str) -> Path:
    """Write a file, creating folders; returns the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def anyio_backend() -> str:
    """Async tests run on asyncio, the web process's one concurrency style."""
    return "asyncio"

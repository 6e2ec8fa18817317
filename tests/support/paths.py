"""Where the tests' own YAML lives, and the repo's."""
from pathlib import Path

from bot.settings import REPO_ROOT

FIXTURES = REPO_ROOT / "tests" / "fixtures"
INTENTS = REPO_ROOT / "intents"
KNOWLEDGE = REPO_ROOT / "knowledge"


def write(path: Path, text: str) -> Path:
    """Write a file, creating folders; returns the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path

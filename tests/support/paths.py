"""Where the tests' own YAML lives, and the repo's."""
from pathlib import Path

from bot.settings import REPO_ROOT

FIXTURES = REPO_ROOT / "tests" / "fixtures"
INTENTS = REPO_ROOT / "intents"
KNOWLEDGE = REPO_ROOT / "knowledge"

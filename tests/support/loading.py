"""What an admin reads when the YAML does not load: every error as ``file:line: message``."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.knowledge import load_knowledge
from bot.core.knowledge_model import KnowledgeError


def load_errors(intents: Path, knowledge: Path) -> list[str]:
    """The loader's errors for these folders (the load must fail)."""
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(intents, knowledge)
    return [str(e) for e in caught.value.errors]

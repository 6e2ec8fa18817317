"""Shared by the versions tests: the app over an editable copy of the mini knowledge, and edits to it."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.applications import Starlette

from bot.engine import load_engine
from bot.reload import Reloader
from bot.settings import Settings
from bot.storage.stores import Stores
from bot.web.app import create_app

TOKEN = "versions-test-token-5d1e"
BEARER = {"Authorization": f"Bearer {TOKEN}"}
QUESTION = "事例集には何件載っていますか"
OLD_FACT = "事例集には計30事例が掲載されています。"
NEW_FACT = "事例集には計31事例が掲載されています。"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def make_app(kb_dir: Path, stores: Stores, **options: Any) -> Starlette:
    """The app over ``kb_dir`` and ``stores``, with a reloader that does not watch (reloads are explicit)."""
    settings = Settings(intents_dir=kb_dir / "intents", knowledge_dir=kb_dir / "knowledge", admin_token=TOKEN,
                        cache_dir=None, web_chat_per_minute=6000)
    engine = load_engine(settings.intents_dir, settings.knowledge_dir, None)
    reloader = Reloader(engine, settings.intents_dir, settings.knowledge_dir, quiet=0.1)
    return create_app(settings, engine, stores, reloader=reloader, **options)

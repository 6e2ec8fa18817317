"""A hash of the code behind a cached artefact: the source of some modules and of every ``bot`` module they
reach, and the versions of the packages whose data it holds."""
from __future__ import annotations

import hashlib
import importlib.metadata
import sys
from pathlib import Path
from types import ModuleType
from typing import Iterable


def code_modules(*roots: ModuleType) -> list[ModuleType]:
    """``roots`` and every ``bot`` module they use, directly or not, in name order."""
    seen: dict[str, ModuleType] = {}
    todo = list(roots)
    while todo:
        module = todo.pop()
        if module.__name__ in seen:
            continue
        seen[module.__name__] = module
        for value in vars(module).values():
            name = value.__name__ if isinstance(value, ModuleType) else getattr(value, "__module__", None)
            if isinstance(name, str) and name.startswith("bot.") and name in sys.modules:
                todo.append(sys.modules[name])
    return [seen[name] for name in sorted(seen)]


def source_fingerprint(roots: Iterable[ModuleType], packages: Iterable[str], salt: str) -> str:
    """16 hex digits over ``salt``, the installed versions of ``packages`` and the source of :func:`code_modules`."""
    digest = hashlib.sha256(salt.encode())
    for name in packages:
        try:
            version = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"\0{name}={version}".encode())
    for module in code_modules(*roots):
        source = Path(module.__file__ or "")
        digest.update(b"\0" + module.__name__.encode() + b"\0" + (source.read_bytes() if source.is_file() else b""))
    return digest.hexdigest()[:16]

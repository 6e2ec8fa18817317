"""A hash of the code behind a cached artefact: the source of some modules and of every ``bot`` module they
reach, and the versions of the packages whose data it holds."""
from __future__ import annotations

import hashlib
import importlib.metadata
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Iterable

# (top-level imports only: a module imported inside a function may not be loaded yet, and the fingerprint must not
# depend on what a process happened to import)
_IMPORT = re.compile(rb"^(?:from|import)[ \t]+(bot(?:\.\w+)+)", re.MULTILINE)


def code_modules(*roots: ModuleType) -> list[ModuleType]:
    """``roots`` and every ``bot`` module they use, directly or not, in name order: the modules their names come
    from, and the modules their source imports from (a table of constants such as the stop words carries no
    module of its own: changing it must change the fingerprint too)."""
    seen: dict[str, ModuleType] = {}
    todo = list(roots)
    while todo:
        module = todo.pop()
        if module.__name__ in seen:
            continue
        seen[module.__name__] = module
        names = [value.__name__ if isinstance(value, ModuleType) else getattr(value, "__module__", None)
                 for value in vars(module).values()]
        for name in [*names, *_imported(module)]:
            if isinstance(name, str) and name.startswith("bot.") and name in sys.modules:
                todo.append(sys.modules[name])
    return [seen[name] for name in sorted(seen)]


def _imported(module: ModuleType) -> list[str]:
    """The ``bot`` modules ``module``'s source imports from (``from bot.core.x import Y``, ``import bot.y``); not a
    package (``from bot.core import x``: its attributes are every submodule some code happened to load; ``x``
    itself is found by its value)."""
    source = Path(module.__file__ or "")
    names = [name.decode() for name in _IMPORT.findall(source.read_bytes())] if source.is_file() else []
    return [name for name in names if not hasattr(sys.modules.get(name), "__path__")]


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

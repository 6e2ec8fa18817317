"""The house rules, checked on the code: the core loads no web, platform or database library; arrows
point one way (cli → web → adapters / workflows → storage → core); no import cycle anywhere."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from bot.settings import REPO_ROOT

HEAVY = {"starlette", "uvicorn", "aiohttp", "slack_bolt", "slack_sdk", "linebot", "sqlite3", "psycopg"}
# Each room may import the rooms listed for it (and itself); anything first-party not listed is a wrong arrow.
MAY_IMPORT = {
    "bot.core": set(),
    "bot.settings": {"bot.core"},
    "bot.storage": {"bot.core", "bot.settings"},
    "bot.engine": {"bot.core", "bot.storage", "bot.settings"},
    "bot.conversation": {"bot.core", "bot.storage", "bot.settings", "bot.engine"},
    "bot.escalation": {"bot.core", "bot.storage", "bot.settings", "bot.engine", "bot.conversation"},
    "bot.reload": {"bot.core", "bot.settings", "bot.engine", "bot.validate"},
    "bot.validate": {"bot.core"},
    "bot.reports": {"bot.core", "bot.storage", "bot.settings"},
    "bot.versions": {"bot.core", "bot.storage", "bot.settings", "bot.engine", "bot.reload"},
    "bot.evaluation": {"bot.core", "bot.engine", "bot.settings"},
    "bot.triage": {"bot.core", "bot.storage", "bot.settings", "bot.validate", "bot.reports"},
    "adapters": {"bot.core", "bot.storage", "bot.settings", "bot.engine", "bot.conversation", "bot.escalation"},
    "bot.web": {"bot.core", "bot.storage", "bot.settings", "bot.engine", "bot.conversation", "bot.escalation",
                "bot.reload", "bot.validate", "bot.reports", "bot.triage", "bot.versions", "adapters"},
    "bot.cli": {"bot.core", "bot.storage", "bot.settings", "bot.engine", "bot.web", "bot.reports", "bot.validate",
                "bot.evaluation", "bot.triage", "bot.versions"},
}


def modules() -> dict[str, Path]:
    found = {}
    for top in ("bot", "adapters"):
        for path in (REPO_ROOT / top).rglob("*.py"):
            parts = path.relative_to(REPO_ROOT).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports(path: Path, known: dict[str, Path]) -> set[str]:
    """First-party modules ``path`` imports, at any depth of the file (function-level imports too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{alias.name}" for alias in node.names] + [node.module]
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name and name.split(".")[0] in ("bot", "adapters"):
                found.add(name)
    return found


def room(module: str) -> str:
    return next(r for r in sorted(MAY_IMPORT, key=len, reverse=True) if module == r or module.startswith(r + "."))


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(path, known) - {name} for name, path in known.items()}


def test_importing_the_core_loads_no_web_platform_or_database_library() -> None:
    code = ("import bot.core, sys, pkgutil, importlib\n"
            "for m in pkgutil.iter_modules(bot.core.__path__): importlib.import_module('bot.core.' + m.name)\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & %r))" % HEAVY)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_every_arrow_points_the_allowed_way() -> None:
    wrong = [f"{source} -> {target}" for source, targets in graph().items() for target in targets
             if room(target) != room(source) and room(target) not in MAY_IMPORT[room(source)]]
    assert wrong == []


def test_there_is_no_import_cycle() -> None:
    edges = graph()
    state: dict[str, int] = {}   # 1: on the current path, 2: done
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                cycles.append(path[path.index(target):] + [target] if target in path else [node, target])
            elif target not in state:
                visit(target, path + [target])
        state[node] = 2

    for start in sorted(edges):
        if start not in state:
            visit(start, [start])
    assert cycles == []


def test_bot_has_about_a_dozen_modules_at_its_top_level() -> None:
    top = [p for p in (REPO_ROOT / "bot").iterdir() if p.suffix == ".py" and p.name != "__init__.py"]
    assert len(top) <= 12, sorted(p.name for p in top)

"""A host's YAML folders as a :class:`~bot.core.snapshot.KnowledgeSnapshot`, read and written.

:func:`write_snapshot` replaces each file atomically (a temporary file in the same folder, ``fsync``,
``os.replace``) and then removes the YAML files the snapshot does not have, so a reader sees every
file either whole-old or whole-new. Temporary files do not end in ``.yaml``: the file watcher and
the loader ignore them.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from bot.core.knowledge import yaml_files
from bot.core.snapshot import KnowledgeSnapshot


def read_snapshot(intents_dir: Path, knowledge_dir: Path) -> KnowledgeSnapshot:
    """Every YAML file of both folders (UTF-8, as the loader reads them)."""
    files = {f"{role}/{path.name}": path.read_bytes().decode("utf-8")
             for role, folder in (("knowledge", knowledge_dir), ("intents", intents_dir))
             for path in yaml_files(Path(folder))}
    return KnowledgeSnapshot.of(files)


def _write_atomically(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(text.encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        with contextlib.suppress(OSError):  # keep the admin's permissions
            os.chmod(temporary, path.stat().st_mode & 0o7777 if path.exists() else 0o644)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def write_snapshot(snapshot: KnowledgeSnapshot, intents_dir: Path, knowledge_dir: Path) -> int:
    """Make both folders hold exactly ``snapshot``'s YAML; returns how many files were written or removed."""
    folders = {"intents": Path(intents_dir), "knowledge": Path(knowledge_dir)}
    wanted = snapshot.as_dict()
    touched = 0
    for name, text in wanted.items():
        role, _, file_name = name.partition("/")
        if role not in folders or not file_name or "/" in file_name or file_name.startswith("."):
            raise ValueError(f"not a knowledge file name: {name!r}")
        path = folders[role] / file_name
        path.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError, UnicodeDecodeError):
            if path.read_bytes().decode("utf-8") == text:
                continue
        _write_atomically(path, text)
        touched += 1
    for role, folder in folders.items():
        for path in yaml_files(folder):
            if f"{role}/{path.name}" not in wanted:
                path.unlink()
                touched += 1
    return touched

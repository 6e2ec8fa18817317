"""Writing intent YAML safely: find the file, check nothing changed since it was read, validate the
result, replace the file atomically, record the write.

    writer = KnowledgeWriter(intents_dir, knowledge_dir, audit=store.record_edit)
    base = writer.version()                      # what the admin saw (the knowledge's content hash)
    result = writer.add_examples("size", ["参加者は何人"], who="admin", base=base)

The running bot picks the new file up through the existing reload (the file watcher of ``jetbot serve``,
or ``Reloader.reload`` called by ``/admin`` right after the write).
"""
from __future__ import annotations

import os
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from bot.core.knowledge_model import KnowledgeError
from bot.core.knowledge import content_version, display_path, load_knowledge, yaml_files
from bot.core.orthography import clean, fold_kana
from bot.triage.yaml_edits import EditError, append_examples, append_intent, defined_intents
from bot.validate import validate

Audit = Callable[[str, str, str, str], None]  # (who, action, file, detail)


class StaleError(EditError):
    """The YAML changed since it was read: the edit is refused so nobody's change is overwritten."""


class InvalidEdit(EditError):
    """The edited file would not validate; ``errors`` are ``file:line: message`` lines."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        super().__init__("the edit was not saved, the result would not validate:\n" + "\n".join(errors))


@dataclass(frozen=True)
class WriteResult:
    """What a write did: the file, the questions added (for examples), the new knowledge version."""

    file: Path
    added: tuple[str, ...]
    version: str


class KnowledgeWriter:
    """Edits the files of ``intents_dir`` (``knowledge_dir`` is read to validate references)."""

    def __init__(self, intents_dir: Path, knowledge_dir: Path, audit: Audit | None = None) -> None:
        self.intents_dir, self.knowledge_dir = Path(intents_dir), Path(knowledge_dir)
        self._audit = audit
        self._lock = threading.Lock()  # two clicks at once: the second one sees the first one's file

    def version(self) -> str:
        """The content hash of the YAML on disk now (:func:`bot.core.knowledge.content_version`)."""
        return content_version(self.intents_dir, self.knowledge_dir)

    def file_of(self, intent_id: str) -> Path:
        """The intents file that defines ``intent_id``; :class:`EditError` if none does."""
        for path in yaml_files(self.intents_dir):
            if intent_id in defined_intents(path.read_text(encoding="utf-8")):
                return path
        raise EditError(f"unknown intent '{intent_id}': no file in {display_path(self.intents_dir)} defines it")

    def intent_files(self) -> list[Path]:
        """The intents files that have an ``intents:`` list (where a new intent can go)."""
        return [p for p in yaml_files(self.intents_dir) if defined_intents(p.read_text(encoding="utf-8"))]

    def add_examples(self, intent_id: str, questions: Iterable[str], who: str, base: str | None = None) -> WriteResult:
        """Append ``questions`` to the examples of ``intent_id``; :class:`EditError` if all are there already."""
        path = self.file_of(intent_id)
        text = path.read_text(encoding="utf-8")
        questions = [q.strip() for q in questions if q.strip()]
        self._refuse_taken(intent_id, questions)
        new, added = append_examples(text, intent_id, questions, display_path(path))
        if not added:
            raise EditError(f"'{questions[0] if len(questions) == 1 else 'these questions'}' "
                            f"{'is' if len(questions) == 1 else 'are'} already an example of '{intent_id}'")
        version = self.replace(path, text, new, who, "add-example", f"{intent_id}: " + " / ".join(added), base)
        return WriteResult(path, tuple(added), version)

    def _refuse_taken(self, intent_id: str, questions: list[str]) -> None:
        """A question that is already an example of another intent cannot be added (say where it is)."""
        try:
            knowledge = load_knowledge(self.intents_dir, self.knowledge_dir)
        except KnowledgeError:
            return  # the validation of the result reports the files' own errors
        taken = {fold_kana(clean(e)): (i, line) for i in knowledge.intents
                 for e, line in zip(i.examples, i.example_lines or (i.line,) * len(i.examples))}
        for question in questions:
            owner = taken.get(fold_kana(clean(question)))
            if owner and owner[0].id != intent_id:
                raise EditError(f"'{question}' is already an example of intent '{owner[0].id}' "
                                f"({owner[0].file}:{owner[1]}); an example belongs to one intent")

    def add_intent(self, file: Path, draft: str, who: str, base: str | None = None) -> WriteResult:
        """Append the intent written in ``draft`` to ``file`` (an intents file)."""
        path = self._inside(file)
        text = path.read_text(encoding="utf-8")
        new = append_intent(text, draft, display_path(path))
        added = [i for i in defined_intents(new) if i not in defined_intents(text)]
        version = self.replace(path, text, new, who, "new-intent", ", ".join(added) or "(draft)", base)
        return WriteResult(path, tuple(added), version)

    def replace(self, path: Path, old: str, new: str, who: str, action: str, detail: str,
                base: str | None = None) -> str:
        """Write ``new`` over ``path`` (which held ``old`` when read); see :meth:`replace_many`."""
        return self.replace_many({Path(path): (old, new)}, who, action, detail, base)

    def replace_many(self, changes: dict[Path, tuple[str | None, str]], who: str, action: str, detail: str,
                     base: str | None = None) -> str:
        """Write each file's new text (``path: (old, new)``; ``old`` is None for a new file) if nothing changed
        since ``base`` (or since ``old`` was read) and the result validates as a whole; record it; return the
        new knowledge version. Nothing is written when one check fails."""
        with self._lock:
            return self._replace_many({self._inside(path): texts for path, texts in changes.items()},
                                      who, action, detail, base)

    def _replace_many(self, changes: dict[Path, tuple[str | None, str]], who: str, action: str, detail: str,
                      base: str | None) -> str:
        for path, (old, _) in changes.items():
            current = path.read_text(encoding="utf-8") if path.exists() else None
            if (base is not None and self.version() != base) or current != old:
                raise StaleError(f"{display_path(path)} changed since it was read (someone else edited the YAML); "
                                 "nothing was written: reload and try again")
        errors = self.check({path: new for path, (_, new) in changes.items()})
        if errors:
            raise InvalidEdit(errors)
        for path, (_, new) in changes.items():
            _write_atomically(path, new)
        if self._audit is not None:
            self._audit(who, action, ", ".join(display_path(p) for p in changes), detail)
        return self.version()

    def check(self, texts: dict[Path, str]) -> list[str]:
        """The ``jetbot validate`` errors the folders would have with these files' texts in place."""
        with tempfile.TemporaryDirectory(prefix="jetbot-edit-") as tmp:
            intents, knowledge = Path(tmp) / "intents", Path(tmp) / "knowledge"
            shutil.copytree(self.intents_dir, intents)
            if self.knowledge_dir.is_dir():
                shutil.copytree(self.knowledge_dir, knowledge)
            for path, new in texts.items():
                (intents / path.name).write_text(new, encoding="utf-8")
            shown = {str(intents): display_path(self.intents_dir), str(knowledge): display_path(self.knowledge_dir)}
            errors = []
            for finding in validate(intents, knowledge, matcher_checks=False):
                if finding.level == "error":
                    line = str(finding)
                    for temp_name, real in shown.items():
                        line = line.replace(temp_name, real)
                    errors.append(line)
            return errors

    def _inside(self, path: Path) -> Path:
        path = Path(path)
        if path.parent.resolve() != self.intents_dir.resolve() or path.suffix not in (".yaml", ".yml"):
            raise EditError(f"{path} is not a YAML file of {display_path(self.intents_dir)}")
        return path


def _write_atomically(path: Path, text: str) -> None:
    """Write a temporary file beside ``path`` and rename it over: readers (and the reloader) see the old
    file or the new one, never half of it."""
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            shutil.copymode(path, temp)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise

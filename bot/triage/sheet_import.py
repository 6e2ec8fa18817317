"""``jetbot import FILE [--dry-run]``: what an edited spreadsheet changes, then (validated) the YAML edits.

Intents are compared field by field with the YAML; the changes are made in the admin's files with the
round-trip editor, so comments, key order and quoting stay as they were around what changed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from bot.core.knowledge_model import Intent, Knowledge
from bot.core.knowledge import load_knowledge, yaml_files
from bot.triage.spreadsheet import Row, SheetError, read_sheet
from bot.triage.writer import KnowledgeWriter
from bot.triage.yaml_edits import Document

NEW_FILE = "imported.yaml"
_FIELDS = ("title", "answer", "answer_en", "links", "contacts")


@dataclass
class Plan:
    """What the spreadsheet changes: intents added / changed (with the fields) / removed, synonym groups."""

    added: list[Row] = field(default_factory=list)
    changed: list[tuple[Row, Intent, list[str]]] = field(default_factory=list)
    removed: list[Intent] = field(default_factory=list)
    synonyms_added: list[tuple[str, ...]] = field(default_factory=list)
    synonyms_removed: list[tuple[str, ...]] = field(default_factory=list)

    def empty(self) -> bool:
        """Whether nothing would change."""
        return not (self.added or self.changed or self.removed or self.synonyms_added or self.synonyms_removed)

    def lines(self) -> list[str]:
        """The changes as the command prints them."""
        if self.empty():
            return ["no changes"]
        out = [f"intents: {len(self.added)} added, {len(self.changed)} changed, {len(self.removed)} removed"]
        out += [f"  + {r.id} ({r.file or NEW_FILE}): {len(r.examples)} example(s)" for r in self.added]
        for row, intent, fields in self.changed:
            out.append(f"  ~ {row.id} ({Path(intent.file).name}): {', '.join(fields)} changed")
            out += [f"      + example: {e}" for e in row.examples if e not in intent.examples]
            out += [f"      - example: {e}" for e in intent.examples if e not in row.examples]
        out += [f"  - {i.id} ({Path(i.file).name})" for i in self.removed]
        if self.synonyms_added or self.synonyms_removed:
            out.append(f"synonyms: {len(self.synonyms_added)} group(s) added, {len(self.synonyms_removed)} removed")
            out += [f"  + [{', '.join(g)}]" for g in self.synonyms_added]
            out += [f"  - [{', '.join(g)}]" for g in self.synonyms_removed]
        return out


def _values(intent: Intent) -> dict[str, object]:
    return {"title": intent.title or "", "answer": intent.answer, "answer_en": intent.answer_en or "",
            "links": intent.links, "contacts": intent.contacts}


def plan(rows: list[Row], synonyms: list[tuple[str, ...]] | None, knowledge: Knowledge) -> Plan:
    """Compare the sheet with the YAML."""
    result = Plan()
    current = {i.id: i for i in knowledge.intents}
    for row in rows:
        intent = current.get(row.id)
        if intent is None:
            result.added.append(row)
            continue
        fields = [f for f, v in _values(intent).items() if getattr(row, f) != v]
        if row.examples != intent.examples:
            fields.insert(0, "examples")
        if fields:
            result.changed.append((row, intent, fields))
    ids = {r.id for r in rows}
    result.removed = [i for i in knowledge.intents if i.id not in ids]
    if synonyms is not None:
        result.synonyms_added = [g for g in synonyms if g not in knowledge.synonyms]
        result.synonyms_removed = [g for g in knowledge.synonyms if g not in synonyms]
    return result


def _set(item: CommentedMap, name: str, value: str | tuple[str, ...]) -> None:
    if not value:
        item.pop(name, None)
    elif isinstance(value, tuple):
        seq = item.get(name)
        if not isinstance(seq, CommentedSeq):
            seq = item[name] = CommentedSeq()
            seq.fa.set_flow_style()
        del seq[:]
        seq.extend(value)
    elif "\n" in value or isinstance(item.get(name), LiteralScalarString):
        item[name] = LiteralScalarString(value)
    else:
        item[name] = value


def _new_intent(row: Row) -> CommentedMap:
    item = CommentedMap(id=row.id)
    if row.title:
        item["title"] = row.title
    item["examples"] = CommentedSeq(row.examples)
    for name in ("answer", "answer_en", "links", "contacts"):
        _set(item, name, getattr(row, name))
    return item


def _edit(item: CommentedMap, row: Row, fields: list[str]) -> None:
    for name in fields:
        if name != "examples":
            _set(item, name, getattr(row, name))
    examples = item["examples"]
    for i in reversed(range(len(examples))):
        if str(examples[i]).strip() not in row.examples:
            del examples[i]
    have = {str(e).strip() for e in examples}
    examples.extend(e for e in row.examples if e not in have)


def apply(the_plan: Plan, intents_dir: Path) -> dict[Path, tuple[str | None, str]]:
    """The new text of every file the plan touches: ``path: (old text or None, new text)``."""
    docs: dict[Path, tuple[str | None, Document]] = {}

    def doc(name: str) -> Document:
        path = intents_dir / Path(name).name
        if path not in docs:
            old = path.read_text(encoding="utf-8") if path.exists() else None
            docs[path] = (old, Document(old if old is not None else "intents: []\n", path.name))
            if old is None:
                docs[path][1].intents().fa.set_block_style()
        return docs[path][1]

    for row, intent, fields in the_plan.changed:
        _edit(doc(intent.file).intent(row.id), row, fields)
    for intent in the_plan.removed:
        seq = doc(intent.file).intents()
        del seq[[i for i, item in enumerate(seq) if item.get("id") == intent.id][0]]
    for row in the_plan.added:
        doc(row.file or NEW_FILE).intents().append(_new_intent(row))
    if the_plan.synonyms_added or the_plan.synonyms_removed:
        files = [p for p in yaml_files(intents_dir) if "synonyms:" in p.read_text(encoding="utf-8")]
        for path in files:
            seq = doc(path.name).data["synonyms"]
            for i in reversed(range(len(seq))):
                if tuple(str(w) for w in seq[i]) in the_plan.synonyms_removed:
                    del seq[i]
        target = doc(files[0].name if files else NEW_FILE)
        groups = target.data.setdefault("synonyms", CommentedSeq())
        for group in the_plan.synonyms_added:
            flow = CommentedSeq(group)
            flow.fa.set_flow_style()
            groups.append(flow)
    return {path: (old, d.text()) for path, (old, d) in docs.items()}


def run_import(writer: KnowledgeWriter, sheet: Path, dry_run: bool, who: str, out: TextIO) -> int:
    """Print what ``sheet`` changes; unless ``dry_run``, write it (only if the result validates)."""
    base = writer.version()
    knowledge = load_knowledge(writer.intents_dir, writer.knowledge_dir)
    try:
        rows, synonyms = read_sheet(sheet, knowledge)
    except SheetError as exc:
        out.write("\n".join(exc.errors) + "\nnothing was changed\n")
        return 1
    the_plan = plan(rows, synonyms, knowledge)
    out.write("\n".join(the_plan.lines()) + "\n")
    if dry_run or the_plan.empty():
        out.write("(dry run: nothing written)\n" if dry_run and not the_plan.empty() else "")
        return 0
    changes = apply(the_plan, writer.intents_dir)
    summary = "; ".join(the_plan.lines())
    version = writer.replace_many(changes, who, "import", f"{sheet.name}: {summary}", base)
    out.write(f"written: {', '.join(str(p) for p in changes)} (knowledge {version})\n")
    return 0

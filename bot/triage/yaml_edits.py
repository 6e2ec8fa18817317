"""Edits of intent YAML that keep the admin's file as written (comments, key order, quoting, blank lines).

ruamel.yaml's round-trip mode loads the file into commented containers and dumps it back unchanged;
only what an edit adds differs. Before editing, the file must survive an unchanged round trip with one of
the usual indentation styles, else the edit is refused rather than reformatting the file.
Text in, text out: reading and writing files is :mod:`bot.triage.writer`'s job.
"""
from __future__ import annotations

import io
from typing import Any, Iterable

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.tokens import CommentToken

# (mapping, sequence, offset): "  - id:" under "intents:" (this repo), and "- id:" flush with the key
_STYLES = ((2, 4, 2), (2, 2, 0), (4, 6, 4), (4, 4, 0))


class EditError(ValueError):
    """An edit that cannot be made; the message says why, for the admin."""


def _yaml(style: tuple[int, int, int]) -> YAML:
    yaml = YAML()  # round-trip mode
    yaml.preserve_quotes = True
    yaml.width = 1_000_000  # never fold a long line the admin wrote on one
    yaml.indent(mapping=style[0], sequence=style[1], offset=style[2])
    return yaml


class Document:
    """One YAML file loaded for editing; :meth:`text` dumps it back in the file's own style."""

    def __init__(self, text: str, name: str = "<yaml>") -> None:
        for style in _STYLES:
            try:
                data = _yaml(style).load(text)
            except YAMLError as exc:
                raise EditError(f"{name}: not valid YAML ({exc})") from None
            if _dump(_yaml(style), data) == text:
                self.data, self.style, self.name = data, style, name
                return
        raise EditError(f"{name}: cannot be edited without reformatting it (unusual indentation); edit it by hand")

    def text(self) -> str:
        """The document as YAML text."""
        return _dump(_yaml(self.style), self.data)

    def intents(self) -> CommentedSeq | None:
        """The ``intents:`` list, if the file has one."""
        seq = self.data.get("intents") if isinstance(self.data, CommentedMap) else None
        return seq if isinstance(seq, CommentedSeq) else None

    def intent(self, intent_id: str) -> CommentedMap | None:
        """The intent mapping with this id, if the file defines it."""
        for item in self.intents() or ():
            if isinstance(item, CommentedMap) and item.get("id") == intent_id:
                return item
        return None


def _dump(yaml: YAML, data: Any) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def defined_intents(text: str) -> list[str]:
    """The ids of the intents a file defines (for finding the file of an intent)."""
    try:
        data = _yaml(_STYLES[0]).load(text)
    except YAMLError:
        return []
    items = data.get("intents") if isinstance(data, dict) else None
    return [str(i["id"]) for i in items or () if isinstance(i, dict) and "id" in i]


def _move_trailing_comment(seq: CommentedSeq, old: int, new: int) -> None:
    """Comments and blank lines after a block sequence's last item belong to what follows the list, but
    ruamel keeps them on that item: give them to the new last item, keeping an end-of-line comment in place."""
    entry = seq.ca.items.get(old)
    if not entry or not isinstance(entry[0], CommentToken):
        return
    token = entry[0]
    head, newline, tail = token.value.partition("\n")
    if not tail:
        return
    if head.strip():
        token.value = head + newline
    else:
        del seq.ca.items[old]
    seq.ca.items[new] = [CommentToken("\n" + tail, token.start_mark, None), None, None, None]


def append_examples(text: str, intent_id: str, questions: Iterable[str], name: str = "<yaml>") -> tuple[str, list[str]]:
    """Add ``questions`` to the examples of ``intent_id``; returns the new text and the questions added
    (those already there are skipped). Raises :class:`EditError` if the file does not define the intent."""
    doc = Document(text, name)
    intent = doc.intent(intent_id)
    if intent is None:
        raise EditError(f"{name} does not define intent '{intent_id}'")
    examples = intent.get("examples")
    if not isinstance(examples, CommentedSeq):
        raise EditError(f"{name}: intent '{intent_id}' has no examples list to add to")
    have = {str(e).strip() for e in examples}
    added = []
    for question in questions:
        question = question.strip()
        if question and question not in have:
            have.add(question)
            added.append(question)
            examples.append(question)
            if not examples.fa.flow_style():
                _move_trailing_comment(examples, len(examples) - 2, len(examples) - 1)
    return doc.text(), added


def draft_intent(intent_id: str, questions: Iterable[str], title: str = "") -> str:
    """A new intent's YAML (one mapping) with ``questions`` as examples and an empty answer to write."""
    data = CommentedMap()
    data["id"] = intent_id
    data["title"] = title or intent_id
    data["examples"] = CommentedSeq(q.strip() for q in questions if q.strip())
    data["answer"] = ""
    data.yaml_add_eol_comment("write the answer: {fact:ID} for a fact of knowledge/; answer_en: for English", "answer")
    return _dump(_yaml(_STYLES[1]), data)


def append_intent(text: str, draft: str, name: str = "<yaml>") -> str:
    """Add the intent written in ``draft`` (one mapping) at the end of the file's ``intents:`` list."""
    doc = Document(text, name)
    seq = doc.intents()
    if seq is None:
        raise EditError(f"{name} has no 'intents:' list")
    try:
        item = _yaml(_STYLES[1]).load(draft)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise EditError(f"draft{line}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(item, CommentedMap) or "id" not in item:
        raise EditError("draft:1: an intent is a mapping with at least 'id', 'examples' and 'answer'")
    seq.append(item)
    if not seq.fa.flow_style():
        _move_trailing_comment(seq, len(seq) - 2, len(seq) - 1)
    return doc.text()

"""The intents as a spreadsheet (openpyxl for xlsx, the csv module for CSV), and reading one back.

One row per intent: ``id, title, examples`` (one per line in the cell), ``answer, answer_en`` (the
intent's answer *as written in its YAML*, ``{fact:ID}`` placeholders included: each fact is written once,
in ``knowledge/``, and is edited there, never through the sheet), ``links, contacts`` (ids, one per line),
``file`` (the intents file; empty for a new intent: ``imported.yaml``) and ``reads_as`` (the Japanese
answer as users read it, facts filled in -- for reference, ignored on import).
Synonyms: sheet ``synonyms`` of the xlsx, one group per row, one word per cell; with CSV the same
rows go to ``FILE.synonyms.csv`` beside it (left out, the synonyms are not changed).

Examples can be questions users typed (added from the triage queue), so no cell may run as a formula:
xlsx cells are written as text, and CSV cells that Excel would run get an apostrophe (removed on import).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.core.compose import compose
from bot.core.knowledge_model import Knowledge
from bot.core.knowledge import load_knowledge
from bot.reports.csv_export import csv_text, safe_cell

COLUMNS = ("id", "title", "examples", "answer", "answer_en", "links", "contacts", "file", "reads_as")
REQUIRED = COLUMNS[:7]
LISTS = ("examples", "links", "contacts")
SHEET, SYNONYMS = "intents", "synonyms"


class SheetError(ValueError):
    """The spreadsheet cannot be imported; ``errors`` are ``FILE:Sheet!A12: message`` lines."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass(frozen=True)
class Row:
    """One intent as the sheet gives it (``cell``: where its id stands, for messages)."""

    id: str
    title: str
    examples: tuple[str, ...]
    answer: str
    answer_en: str
    links: tuple[str, ...]
    contacts: tuple[str, ...]
    file: str
    cell: str


def synonyms_csv(path: Path) -> Path:
    """Where the synonyms of a CSV export go: ``FILE.synonyms.csv``."""
    return path.with_name(path.stem + ".synonyms.csv")


def intent_rows(knowledge: Knowledge) -> list[list[str]]:
    """The header and one row per intent, in file order."""
    rows = [list(COLUMNS)]
    for intent in knowledge.intents:
        rows.append([intent.id, intent.title or "", "\n".join(intent.examples), intent.answer,
                     intent.answer_en or "", "\n".join(intent.links), "\n".join(intent.contacts),
                     Path(intent.file).name, compose(intent, knowledge, "ja").text])
    return rows


def export(intents_dir: Path, knowledge_dir: Path, output: Path, fmt: str) -> list[Path]:
    """Write the spreadsheet (``fmt``: xlsx or csv); returns the files written."""
    knowledge = load_knowledge(intents_dir, knowledge_dir)
    rows = intent_rows(knowledge)
    groups = [list(g) for g in knowledge.synonyms]
    if fmt == "csv":
        output.write_text(csv_text(rows[0], rows[1:]), encoding="utf-8", newline="")
        with synonyms_csv(output).open("w", encoding="utf-8-sig", newline="") as handle:  # BOM: Excel reads UTF-8
            csv.writer(handle).writerows([[safe_cell(w) for w in group] for group in groups])
        return [output, synonyms_csv(output)]
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    for row in rows:
        sheet.append(row)
    _as_text(sheet)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column in sheet.iter_cols(min_row=2):
        for cell in column:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCDEFGHI", (24, 24, 48, 60, 60, 20, 16, 18, 60)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "B2"
    synonyms = book.create_sheet(SYNONYMS)
    for group in groups:
        synonyms.append(group)
    _as_text(synonyms)
    book.save(output)
    return [output]


def _as_text(sheet: Any) -> None:
    """openpyxl takes a string starting with '=' for a formula: keep every cell text."""
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).replace("\r\n", "\n").strip()
    return text[1:] if text.startswith("'") and safe_cell(text[1:]) != text[1:] else text  # our CSV's apostrophe


def _lines(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.splitlines() if part.strip())


def _grid(path: Path) -> tuple[dict[str, list[list[str]]], list[str]]:
    """Every sheet's cells as text (``synonyms`` may be missing), and errors such as merged cells."""
    name = path.name
    if not path.is_file():
        raise SheetError([f"{path}: no such file"])
    if path.suffix.lower() == ".csv":
        sheets = {}
        for sheet, source in ((SHEET, path), (SYNONYMS, synonyms_csv(path))):
            if source.exists():
                try:
                    with source.open(encoding="utf-8-sig", newline="") as handle:
                        sheets[sheet] = [[_text(v) for v in row] for row in csv.reader(handle)]
                except (UnicodeDecodeError, csv.Error) as exc:
                    raise SheetError([f"{source.name}: not a UTF-8 CSV file ({exc})"]) from None
        return sheets, []
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, data_only=True)
    except (InvalidFileException, OSError, KeyError, ValueError) as exc:
        raise SheetError([f"{name}: not a readable xlsx file ({exc})"]) from None
    errors, sheets = [], {}
    for sheet in book.worksheets:
        if sheet.title not in (SHEET, SYNONYMS):
            continue
        for merged in sorted(sheet.merged_cells.ranges, key=str):
            errors.append(f"{name}:{sheet.title}!{merged.coord.split(':')[0]}: merged cells ({merged.coord}) "
                          "cannot be read back one value per cell; unmerge them")
        sheets[sheet.title] = [[_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    return sheets, errors


def read_sheet(path: Path, knowledge: Knowledge) -> tuple[list[Row], list[tuple[str, ...]] | None]:
    """The rows and synonym groups (None: not in the file) of a spreadsheet; :class:`SheetError` with every
    problem (missing columns, empty or duplicate ids, unknown link or contact ids, merged cells)."""
    from openpyxl.utils import get_column_letter

    sheets, errors = _grid(path)
    name = path.name
    if SHEET not in sheets:
        raise SheetError(errors + [f"{name}: no sheet named '{SHEET}'"])
    grid = sheets[SHEET]
    header = [h.strip().lower() for h in (grid[0] if grid else [])]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise SheetError(errors + [f"{name}:{SHEET}!A1: missing column(s) {', '.join(missing)} "
                                   f"(the first row names the columns: {', '.join(COLUMNS)})"])
    col = {c: header.index(c) for c in COLUMNS if c in header}
    known = {"links": set(knowledge.table("links")), "contacts": set(knowledge.table("contacts"))}
    rows, first = [], {}
    for number, cells in enumerate(grid[1:], start=2):
        def at(column: str) -> str:
            return f"{name}:{SHEET}!{get_column_letter(col[column] + 1)}{number}"

        def value(column: str) -> str:
            i = col.get(column)
            return cells[i] if i is not None and i < len(cells) else ""

        if not any(value(c) for c in REQUIRED):
            continue  # an empty row
        intent_id = value("id")
        if not intent_id:
            errors.append(f"{at('id')}: empty id (every row needs the intent's id)")
            continue
        if intent_id in first:
            errors.append(f"{at('id')}: duplicate id '{intent_id}' (first in {first[intent_id]})")
            continue
        first[intent_id] = at("id").split("!")[1]
        for kind in ("links", "contacts"):
            for ref in _lines(value(kind).replace(",", "\n")):
                if ref not in known[kind]:
                    errors.append(f"{at(kind)}: unknown {kind[:-1]} id '{ref}' (not in knowledge/)")
        rows.append(Row(intent_id, value("title"), _lines(value("examples")), value("answer"), value("answer_en"),
                        _lines(value("links").replace(",", "\n")), _lines(value("contacts").replace(",", "\n")),
                        value("file"), at("id")))
    if errors:
        raise SheetError(errors)
    synonyms = None
    if SYNONYMS in sheets:
        synonyms = [tuple(w for w in row if w) for row in sheets[SYNONYMS]]
        synonyms = [g for g in synonyms if g]
    return rows, synonyms

"""CSV for people who open it in Excel: UTF-8 with a byte-order mark, and no cell Excel would run.

A question typed by a user can start with ``=HYPERLINK(…)``, ``+cmd|…``, ``@SUM(…)`` or ``-…``;
Excel (and LibreOffice) treat such a cell as a formula. Every cell that starts with ``= + - @``,
a tab or a carriage return is prefixed with an apostrophe, which the spreadsheet shows as text.
"""
from __future__ import annotations

import csv
import io
from typing import Any, Iterable, Sequence

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` as a cell that cannot be taken for a formula (numbers stay numbers)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """The rows as CSV text, starting with a BOM, every cell made safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return BOM + buffer.getvalue()

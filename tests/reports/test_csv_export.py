"""CSV an admin opens in Excel: a typed question never becomes a formula; Japanese survives."""
from __future__ import annotations

import csv
import io

import pytest

from bot.reports.csv_export import BOM, csv_text, safe_cell


@pytest.mark.parametrize("typed", ['=HYPERLINK("http://evil.example","click")', "+cmd|' /C calc'!A0",
                                   "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3", "\t=1+1", "\r=1+1"])
def test_cells_that_excel_would_run_are_shown_as_text(typed: str) -> None:
    text = csv_text(["question"], [[typed]])
    [row] = list(csv.reader(io.StringIO(text.removeprefix(BOM))))[1:]
    assert row == ["'" + typed]


def test_ordinary_cells_and_numbers_are_unchanged() -> None:
    assert safe_cell("総務省の電話番号") == "総務省の電話番号" and safe_cell(42) == 42 and safe_cell(-1) == -1
    text = csv_text(["count", "question"], [[3, "ALT は何人?"]])
    assert text.startswith(BOM) and text.endswith("3,ALT は何人?\r\n")
    assert text.encode("utf-8").startswith(b"\xef\xbb\xbf")

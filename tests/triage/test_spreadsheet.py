"""The spreadsheet round trip: export, edit in Excel, import what changed -- or a clear cell reference."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bot.cli import main
from paths import INTENTS, KNOWLEDGE


@pytest.fixture
def repo_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A copy of the repo's intents and knowledge, and a store, for the commands to change."""
    shutil.copytree(INTENTS, tmp_path / "intents")
    shutil.copytree(KNOWLEDGE, tmp_path / "knowledge")
    monkeypatch.setenv("JETBOT_DB_PATH", str(tmp_path / "jetbot.sqlite3"))
    monkeypatch.setenv("JETBOT_LOG_SECRET", "sheet-test-secret")
    return ["--intents", str(tmp_path / "intents"), "--knowledge", str(tmp_path / "knowledge")]


def files(args: list[str]) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in Path(args[1]).iterdir()}


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_export_then_import_of_an_unchanged_file_reports_no_changes(
        fmt: str, repo_copy: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / f"faq.{fmt}"
    assert main(["export", "--format", fmt, "-o", str(sheet), *repo_copy]) == 0
    before = files(repo_copy)
    capsys.readouterr()
    assert main(["import", str(sheet), *repo_copy]) == 0
    assert capsys.readouterr().out == "no changes\n"
    assert files(repo_copy) == before


def test_one_row_per_intent_with_examples_one_per_line_and_a_synonyms_sheet(repo_copy: list[str], tmp_path: Path) -> None:
    from bot.core.knowledge import load_knowledge

    knowledge = load_knowledge(Path(repo_copy[1]), Path(repo_copy[3]))
    assert main(["export", "-o", str(tmp_path / "faq.xlsx"), *repo_copy]) == 0
    book = load_workbook(tmp_path / "faq.xlsx")
    rows = list(book["intents"].iter_rows(values_only=True))
    assert rows[0][:7] == ("id", "title", "examples", "answer", "answer_en", "links", "contacts")
    assert [r[0] for r in rows[1:]] == [i.id for i in knowledge.intents]
    first = knowledge.intents[0]
    assert rows[1][2].split("\n") == list(first.examples) and rows[1][3] == first.answer  # {fact:ID} as written
    assert [tuple(r) for r in book["synonyms"].iter_rows(values_only=True)][0][:2] == knowledge.synonyms[0][:2]


def test_an_edited_sheet_shows_the_changes_then_writes_them_keeping_the_comments(
        repo_copy: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "faq.xlsx"
    main(["export", "-o", str(sheet), *repo_copy])
    book = load_workbook(sheet)
    rows = book["intents"]
    intent_id, examples = rows["A2"].value, rows["C2"].value
    rows["C2"] = examples + "\nスプレッドシートで足した質問"
    rows.append(["sheet_new", "新しい話題", "新しい話題の質問\nもう一つの聞き方", "{fact:notice_title}", "", "", "mic"])
    book.save(sheet)
    before = files(repo_copy)
    capsys.readouterr()
    assert main(["import", str(sheet), "--dry-run", *repo_copy]) == 0
    out = capsys.readouterr().out
    assert "intents: 1 added, 1 changed, 0 removed" in out
    assert f"~ {intent_id} " in out and "+ example: スプレッドシートで足した質問" in out and "+ sheet_new" in out
    assert files(repo_copy) == before  # a dry run writes nothing
    assert main(["import", str(sheet), *repo_copy]) == 0
    changed = [p for p, b in files(repo_copy).items() if before.get(p) != b]
    assert sorted(p.name for p in changed) == sorted([rows["H2"].value, "imported.yaml"])  # H: the intent's file
    edited = next(p for p in changed if p.name == rows["H2"].value)
    old, new = before[edited].decode().splitlines(), edited.read_text(encoding="utf-8").splitlines()
    assert [line for line in new if line not in old] == ["      - スプレッドシートで足した質問"]
    assert [line for line in old if line not in new] == []  # every comment and line kept
    capsys.readouterr()
    assert main(["import", str(sheet), *repo_copy]) == 0
    assert capsys.readouterr().out == "no changes\n"


def bad_sheet(tmp_path: Path, repo_copy: list[str], edit) -> Path:  # type: ignore[no-untyped-def]
    sheet = tmp_path / "faq.xlsx"
    main(["export", "-o", str(sheet), *repo_copy])
    book = load_workbook(sheet)
    edit(book["intents"])
    book.save(sheet)
    return sheet


@pytest.mark.parametrize("edit, message", [
    (lambda s: s.delete_cols(4), "faq.xlsx:intents!A1: missing column(s) answer"),
    (lambda s: s.__setitem__("G12", "mic\nno_such_office"), "faq.xlsx:intents!G12: unknown contact id 'no_such_office'"),
    (lambda s: s.merge_cells("C5:C6"), "faq.xlsx:intents!C5: merged cells (C5:C6)"),
    (lambda s: s.__setitem__("A12", None), "faq.xlsx:intents!A12: empty id"),
    (lambda s: s.__setitem__("A13", s["A3"].value), "faq.xlsx:intents!A13: duplicate id"),
])
def test_a_bad_sheet_names_the_cell_and_changes_nothing(edit, message: str, repo_copy: list[str],  # type: ignore[no-untyped-def]
                                                        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = bad_sheet(tmp_path, repo_copy, edit)
    before = files(repo_copy)
    capsys.readouterr()
    assert main(["import", str(sheet), *repo_copy]) == 1
    out = capsys.readouterr().out
    assert message in out and out.endswith("nothing was changed\n")
    assert files(repo_copy) == before


def test_a_sheet_whose_result_would_not_validate_writes_nothing(repo_copy: list[str], tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    sheet = bad_sheet(tmp_path, repo_copy, lambda s: s.__setitem__("D2", "{fact:no_such_fact}"))
    before = files(repo_copy)
    assert main(["import", str(sheet), *repo_copy]) == 1
    assert "{fact:no_such_fact} names unknown fact 'no_such_fact'" in capsys.readouterr().err
    assert files(repo_copy) == before


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_a_cell_that_looks_like_a_formula_stays_text_both_ways(
        fmt: str, repo_copy: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hostile = '=HYPERLINK("http://example.invalid","JETとは")'
    first = tmp_path / "first.xlsx"
    main(["export", "-o", str(first), *repo_copy])
    book = load_workbook(first)
    book["intents"]["B2"] = hostile  # a title that Excel would run
    book["intents"]["B2"].data_type = "s"
    book.save(first)
    assert main(["import", str(first), *repo_copy]) == 0
    sheet = tmp_path / f"faq.{fmt}"
    assert main(["export", "-o", str(sheet), *repo_copy]) == 0
    if fmt == "xlsx":
        cell = load_workbook(sheet)["intents"]["B2"]
        assert (cell.value, cell.data_type) == (hostile, "s")
    else:
        assert ",\"'=HYPERLINK(" in sheet.read_text(encoding="utf-8-sig")  # shown as text by Excel
    capsys.readouterr()
    assert main(["import", str(sheet), *repo_copy]) == 0
    assert capsys.readouterr().out == "no changes\n"

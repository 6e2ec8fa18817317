"""``jetbot report``: figures, grouping of unanswered questions, and the three output formats."""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Callable

import pytest

from bot.reports.period_report import add_arguments, period, run_report
from bot.reports.question_groups import group_questions, similarity
from bot.settings import REPO_ROOT, Settings
from bot.storage.inquiry_stats import LowRow
from bot.storage.retention import DAY
from bot.storage.stores import Stores, open_stores
from bot.core.types import Candidate, IncomingMessage, Reply
from databases import storage_at

NOW = 1_717_243_200.0  # 2024-06-01 12:00 UTC
TODAY = dt.date(2024, 6, 1)
SETTINGS = Settings()

VISA = ["ビザの申請方法を知りたい", "ビザ申請のやり方は？", "ビザの申請はどうやるの", "ビザの申請方法を知りたい"]
PARKING = ["駐車場はありますか", "駐車場ある？", "会場の駐車場について"]
LUNCH = ["ランチのおすすめは"]


def parse(argv: list[str]) -> argparse.Namespace:
    """The report's options as ``jetbot report`` has them (with the repo's YAML for synonyms)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--intents", type=Path, default=REPO_ROOT / "intents")
    parser.add_argument("--knowledge", type=Path, default=REPO_ROOT / "knowledge")
    add_arguments(parser)
    return parser.parse_args(argv)


def low(question: str, near: str | None = "visa", fallback: bool = True) -> LowRow:
    return LowRow(question, near, 30.0, fallback)


@pytest.fixture
def filled(open_test_stores: Callable[..., Stores]) -> Stores:
    """An inquiry log with a month of answered questions and some that were not answered."""
    store = open_test_stores(clock=lambda: NOW)

    def log(text: str, reply: Reply, days_ago: float) -> None:
        store.inquiries.record(IncomingMessage(text, channel="line", user_id="U1"), reply, "v1", NOW - days_ago * DAY)

    for n in range(6):
        log("JETプログラムとは", Reply(text="a", intent_id="overview", score=90.0,
                                    candidates=(Candidate("overview", 90.0),)), n)
    log("ALTの役割は", Reply(text="a", intent_id="alt_role", score=55.0, candidates=(Candidate("alt_role", 55.0),)), 1)
    for n, text in enumerate(VISA):
        log(text, Reply(text="?", kind="fallback", fallback=True, score=35.0,
                        candidates=(Candidate("visa" if n else "overview", 35.0),)), n)
    for text in PARKING:
        log(text + "（電話 03-1234-5678）", Reply(text="?", kind="fallback", fallback=True, score=20.0,
                                            candidates=(Candidate("venue", 20.0),)), 2)
    log("ランチのおすすめは", Reply(text="?", kind="fallback", fallback=True), 3)
    log("JETプログラムとは", Reply(text="a", intent_id="overview", score=90.0), 45)  # outside the period
    return store


def test_groups_paraphrases_and_orders_by_count() -> None:
    rows = [low(q) for q in VISA] + [low(q, "venue") for q in PARKING] + [low(q, None) for q in LUNCH]
    groups = group_questions(rows)
    assert [g.count for g in groups] == [4, 3, 1]
    assert set(groups[0].examples) <= set(VISA) and groups[0].examples[0] == "ビザの申請方法を知りたい"
    assert len(groups[0].examples) == 3
    assert set(groups[1].examples) == set(PARKING) and groups[1].nearest_intent == "venue"
    assert groups[2].examples == LUNCH and groups[2].nearest_intent is None


def test_one_shared_word_is_not_enough() -> None:
    assert similarity("alt", "alt 住宅 手配") < 70
    assert similarity("駐車場 駐車 場", "会場 駐車場 駐車 場") == 100
    rows = [low("ALT"), low("ALTの住宅は誰が用意しますか"), low("ALTの給与はいくらですか")]
    assert len(group_questions(rows)) == 3


def test_synonyms_from_the_knowledge_join_groups(filled: Stores) -> None:
    for text in ("ALTの給与はいくらですか", "ALTの給料について知りたい", "ALTの報酬額は"):
        filled.inquiries.record(IncomingMessage(text), Reply(text="?", kind="fallback", fallback=True), "v1", NOW)
    out = io.StringIO()
    run_report(parse(["--json", "--since", "2024-06-01", "--until", "2024-06-01"]), out, SETTINGS, stats=filled.stats)
    groups = json.loads(out.getvalue())["groups"]
    assert groups[0]["count"] == 3 and "ALTの報酬額は" in groups[0]["examples"]


def test_nearest_intent_is_the_most_common_top_candidate() -> None:
    rows = [low("駐車場はありますか", "venue"), low("駐車場ある？", "venue"), low("駐車場はある？", "access")]
    (group,) = group_questions(rows)
    assert group.nearest_intent == "venue"


def test_period_defaults_to_the_last_30_days() -> None:
    assert period(None, None, TODAY) == (dt.date(2024, 5, 3), TODAY)
    assert period(dt.date(2024, 5, 1), None, TODAY) == (dt.date(2024, 5, 1), TODAY)
    with pytest.raises(ValueError):
        period(dt.date(2024, 6, 2), dt.date(2024, 6, 1), TODAY)


def test_text_report(filled: Stores) -> None:
    out = io.StringIO()
    assert run_report(parse([]), out, SETTINGS, stats=filled.stats, today=TODAY) == 0
    text = out.getvalue()
    assert "2024-05-03 .. 2024-06-01" in text
    assert "questions: 15  answered: 7  fallback: 8 (53.3%)" in text
    assert text.index("overview") < text.index("alt_role")
    assert "9 question(s) in 4 group(s)" in text          # 8 fallbacks + the answer scored 55
    assert "ビザの申請方法を知りたい" in text and "nearest intent: visa" in text
    assert "03-1234-5678" not in text and "[電話番号]" in text


def test_json_report(filled: Stores) -> None:
    out = io.StringIO()
    run_report(parse(["--json", "--since", "2024-05-30", "--until", "2024-06-01"]), out, SETTINGS, stats=filled.stats)
    data = json.loads(out.getvalue())
    assert (data["questions"], data["answered"], data["fallbacks"]) == (10, 4, 6)
    assert data["top_intents"][0] == {"intent": "overview", "count": 3}
    assert [g["count"] for g in data["groups"]] == [3, 3, 1]
    assert [d["day"] for d in data["daily"]] == ["2024-05-30", "2024-05-31", "2024-06-01"]
    assert data["daily"][2] == {"day": "2024-06-01", "questions": 2, "fallbacks": 1, "fallback_rate": 0.5}


def test_csv_report(filled: Stores) -> None:
    out = io.StringIO()
    run_report(parse(["--csv", "--low", "50"]), out, SETTINGS, stats=filled.stats, today=TODAY)
    text = out.getvalue()
    assert text.startswith("\ufeff")   # UTF-8 with a BOM: Excel opens the Japanese as Japanese
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert [r["count"] for r in rows] == ["4", "3", "1"]
    assert rows[0]["nearest_intent"] == "visa" and rows[0]["example_1"] == "ビザの申請方法を知りたい"
    assert rows[2]["example_1"] == "ランチのおすすめは" and rows[2]["example_2"] == ""


def test_report_opens_the_database_itself(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    store = open_stores(storage_at(str(path)))
    store.inquiries.record(IncomingMessage("JETプログラムとは"), Reply(text="a", intent_id="overview", score=90.0), "v1")
    store.close()
    settings = Settings.from_env({"JETBOT_DB_PATH": str(path)})
    out = io.StringIO()
    assert run_report(parse(["--json"]), out, settings) == 0
    assert json.loads(out.getvalue())["questions"] == 1


def test_missing_log_is_an_error_not_an_empty_report(tmp_path: Path) -> None:
    out = io.StringIO()
    assert run_report(parse(["--db", str(tmp_path / "nothing.sqlite3")]), out, SETTINGS) == 1
    assert "no inquiry log at" in out.getvalue() and not (tmp_path / "nothing.sqlite3").exists()


def test_bad_period_exits_2() -> None:
    out = io.StringIO()
    assert run_report(parse(["--since", "2024-06-02", "--until", "2024-06-01"]), out, SETTINGS) == 2
    with pytest.raises(SystemExit):
        parse(["--since", "June"])

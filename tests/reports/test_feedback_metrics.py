"""Answer, feedback and resolution rates in ``jetbot report`` (text, CSV, JSON), from a small seeded log."""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
from typing import Callable

import pytest

from bot.core.types import Candidate, IncomingMessage, Reply
from bot.reports.period_report import run_report
from bot.storage.retention import DAY
from bot.storage.stores import Stores
from bot.cli import _parser
from bot.settings import Settings

NOW = 1_717_243_200.0  # 2024-06-01 12:00 UTC, a Saturday
TODAY = dt.date(2024, 6, 1)
SETTINGS = Settings()


def parse(argv: list[str]) -> argparse.Namespace:
    """The options as ``jetbot report`` reads them."""
    return _parser(SETTINGS).parse_args(["report", *argv])


@pytest.fixture
def rated(open_test_stores: Callable[..., Stores]) -> Stores:
    """9 questions: 6 answered (4 overview, 2 alt_role), 3 fallbacks; 5 answers rated (3 helpful, 2 not)."""
    store = open_test_stores(clock=lambda: NOW)

    def ask(text: str, reply: Reply, days_ago: float = 0.0, user: str = "U1") -> str:
        return store.inquiries.record(IncomingMessage(text, channel="line", user_id=user), reply, "v1",
                                      NOW - days_ago * DAY)

    def answer(intent: str) -> Reply:
        return Reply(text="a", intent_id=intent, score=80.0, candidates=(Candidate(intent, 80.0),))

    fallback = Reply(text="?", kind="fallback", fallback=True, score=20.0, candidates=(Candidate("visa", 20.0),))
    q1, q2, q3 = (ask("JETとは", answer("overview"), d, u) for d, u in ((0, "U1"), (0, "U2"), (1, "U3")))
    q4 = ask("JETとは", answer("overview"), 8)                                 # the week before
    alt, _ = ask("ALTの役割", answer("alt_role")), ask("ALTの仕事", answer("alt_role"))
    lost = ask("ビザは", fallback)
    ask("ビザの申請", fallback)
    ask("ランチ", Reply(text="?", kind="fallback", fallback=True))
    for ref, user, helpful in ((q1, "U1", True), (q2, "U2", False), (q3, "U3", True), (q3, "U3", False),
                               (q4, "U1", True), (alt, "U1", True), (lost, "U1", True)):
        assert store.feedback.vote(ref, user, "line", helpful, at=NOW) is not None
    return store


def report(store: Stores, *argv: str) -> str:
    out = io.StringIO()
    assert run_report(parse(list(argv)), out, SETTINGS, stats=store.stats, today=TODAY,
                      feedback=store.feedback_stats) == 0
    return out.getvalue()


def test_json_has_the_three_rates_and_the_votes_at_the_top(rated: Stores) -> None:
    data = json.loads(report(rated, "--json"))
    assert (data["questions"], data["answered"]) == (9, 6)
    assert data["answer_rate"] == pytest.approx(6 / 9)
    assert data["feedback_rate"] == pytest.approx(5 / 6)          # q1..q4 and one alt_role answer were rated
    assert data["resolution_rate"] == pytest.approx(3 / 5)        # q3 counts once, as its latest vote
    assert data["feedback"] == {"helpful": 3, "not_helpful": 2}   # the vote on a fallback is not an answer's
    intents = {r["intent"]: r for r in data["metrics"]["intents"]}
    assert (intents["overview"]["resolution_rate"], intents["alt_role"]["resolution_rate"]) == (0.5, 1.0)
    assert (intents["visa"]["questions"], intents["visa"]["answer_rate"]) == (2, 0.0)
    weeks = {w["week"]: (w["questions"], w["helpful"]) for w in data["metrics"]["weeks"]}
    assert weeks == {"2024-05-20": (1, 1), "2024-05-27": (8, 2)}
    assert set(data["metrics"]["meanings"]) == {"answer_rate", "feedback_rate", "resolution_rate", "not_helpful"}


def test_text_labels_each_rate_with_its_meaning(rated: Stores) -> None:
    text = report(rated)
    assert "answer rate: share of questions the bot answered with an intent" in text
    assert "feedback rate: share of answers the asker rated" in text
    assert "resolution rate: share of rated answers rated helpful (helpful ÷ rated)" in text
    period = next(line for line in text.splitlines() if line.strip().startswith("2024-05-03 .. 2024-06-01"))
    assert period.split()[3:] == ["9", "66.7%", "5", "83.3%", "3", "2", "60.0%"]
    overview = next(line for line in text.splitlines() if line.strip().startswith("overview "))
    assert overview.split()[1:] == ["4", "100.0%", "4", "100.0%", "2", "2", "50.0%"]


def test_csv_has_the_metrics_then_the_groups_for_excel(rated: Stores) -> None:
    text = report(rated, "--csv")
    assert text.startswith("\ufeff") and text.count("\ufeff") == 1
    metrics, groups = text.removeprefix("\ufeff").split("\r\n\r\n")
    rows = list(csv.DictReader(io.StringIO(metrics)))
    assert rows[0]["intent"] == "(all)" and rows[0]["period"] == "2024-05-03..2024-06-01"
    assert (rows[0]["questions"], rows[0]["rated"], rows[0]["not_helpful"]) == ("9", "5", "2")
    assert (rows[0]["answer_rate"], rows[0]["feedback_rate"], rows[0]["resolution_rate"]) == ("0.667", "0.833", "0.6")
    assert [r["period"] for r in rows[1:3]] == ["week of 2024-05-20", "week of 2024-05-27"]
    assert next(csv.reader(io.StringIO(groups)))[:2] == ["count", "nearest_intent"]


def test_a_rate_with_nothing_to_divide_by_shows_a_dash_not_zero(rated: Stores) -> None:
    visa = next(line for line in report(rated).splitlines() if line.strip().startswith("visa "))
    assert visa.split()[1:] == ["2", "0.0%", "0", "—", "0", "0", "—"]   # asked, never answered, never rated

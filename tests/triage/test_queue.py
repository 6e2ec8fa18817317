"""Building the queue: groups per status, newest first, nearest intents, decided groups asked again."""
from __future__ import annotations

from pathlib import Path

from bot.engine import load_engine
from bot.storage.triage import DONE, OPEN, OUT_OF_SCOPE, Mark, QueueRow
from bot.triage.queue import build_queue, question_key

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini"


def row(question: str, at: float, reason: str = "unanswered") -> QueueRow:
    return QueueRow(question, "size", 30.0, True, at, reason)


def test_similar_questions_form_one_group_open_first_and_newest_first() -> None:
    kb = load_engine(MINI / "intents", MINI / "knowledge", None).kb
    rows = [row("参加国のリストを見たい", 300), row("参加国のリストを見たいです", 200, "unsure"),
            row("明日の大阪の天気", 400), row("駐車場はありますか", 100)]
    marks = {question_key("駐車場はありますか"): Mark(OUT_OF_SCOPE, None, 50.0, "admin")}
    queue = build_queue(rows, marks, kb)
    assert [(g.status, g.questions) for g in queue] == [
        (OPEN, ("明日の大阪の天気",)), (OPEN, ("参加国のリストを見たい", "参加国のリストを見たいです")),
        (OUT_OF_SCOPE, ("駐車場はありますか",))]
    countries = queue[1]
    assert countries.count == 2 and countries.latest == 300
    assert dict(countries.reasons) == {"unanswered": 1, "unsure": 1}
    assert countries.nearest[0].intent_id == "size" and 0 < countries.nearest[0].score < 50
    assert queue[2].mark is not None and queue[2].mark.who == "admin"


def test_a_decided_group_shows_its_questions_asked_again_of_the_live_knowledge() -> None:
    kb = load_engine(MINI / "intents", MINI / "knowledge", None).kb
    marks = {question_key(q): Mark(DONE, "contact_mic", 10.0, "admin") for q in ("総務省の連絡先を教えて",)}
    (group,) = build_queue([row("総務省の連絡先を教えて", 5)], marks, kb)
    assert group.status == DONE
    (again,) = group.reasked
    assert again.answered and again.intent_id == "contact_mic" and again.score >= 50

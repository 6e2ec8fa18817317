"""``python -m tools.latency``: times a question set through the pure core and prints percentiles."""
from __future__ import annotations

from pathlib import Path

import pytest

from tools.latency import main, percentile


def test_percentiles_are_nearest_rank() -> None:
    assert percentile([5.0, 1.0, 3.0, 2.0, 4.0], 50) == 3.0
    assert percentile([5.0, 1.0, 3.0, 2.0, 4.0], 99) == 5.0


def test_a_question_set_is_timed_over_the_repo_knowledge(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    questions = tmp_path / "q.yaml"
    questions.write_text('- {q: "JETとは", any: ["JET"]}\n- {q: "総務省の電話番号", any: ["0352535527"]}\n',
                         encoding="utf-8")
    assert main([str(questions), "--repeats", "2"]) == 0
    assert capsys.readouterr().out.startswith("2 questions x 2: p50 ")

"""The `jetbot` command as an admin or a script uses it."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.settings import REPO_ROOT
from paths import write

MINI = ["--intents", str(REPO_ROOT / "tests/fixtures/mini/intents"),
        "--knowledge", str(REPO_ROOT / "tests/fixtures/mini/knowledge")]
JSON_FIELDS = {"question", "intent", "score", "fallback", "text", "links", "contacts", "suggestions", "candidates"}


def test_ask_prints_the_reply_as_a_person_reads_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", *MINI, "総務省の電話番号を教えてください"]) == 0
    out = capsys.readouterr().out
    assert "総務省の窓口は総務省自治行政局国際室です。" in out
    assert "電話: 03-5253-5527" in out and "メール: kokusai@soumu.go.jp" in out


def test_ask_json_has_the_documented_fields(capsys: pytest.CaptureFixture[str]) -> None:
    main(["ask", "--json", *MINI, "事例集には何件ありますか"])
    reply = json.loads(capsys.readouterr().out)
    assert JSON_FIELDS <= reply.keys()
    assert reply["intent"] == "casebook_count" and reply["fallback"] is False
    assert 0 <= reply["score"] <= 100
    assert "30事例" in reply["text"] and "soumu.go.jp/kokusai/kouryu_JET.html" in reply["text"]
    assert reply["candidates"][0] == {"intent": "casebook_count", "score": reply["score"]}
    assert len(reply["candidates"]) <= 5


def test_ask_json_out_of_scope_is_a_fallback_with_contact(capsys: pytest.CaptureFixture[str]) -> None:
    main(["ask", "--json", *MINI, "明日の大阪の天気"])
    reply = json.loads(capsys.readouterr().out)
    assert reply["fallback"] is True and reply["intent"] is None
    assert reply["contacts"][0]["phone"] == "03-5253-5527"


def test_ask_reads_questions_from_stdin_one_json_line_each_flushed() -> None:
    with subprocess.Popen([sys.executable, "-m", "bot.cli", "ask", "--json", *MINI],
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO_ROOT) as proc:
        assert proc.stdin and proc.stdout
        proc.stdin.write("JETの参加者数は\n")
        proc.stdin.flush()
        first = json.loads(proc.stdout.readline())  # arrives before stdin is closed: flushed per line
        assert first["intent"] == "size"
        proc.stdin.write("\n文科省のメール\n")
        proc.stdin.close()
        rest = [json.loads(line) for line in proc.stdout]
        assert proc.wait(timeout=60) == 0
    assert [r["intent"] for r in rest] == [None, "contact_mext"]
    assert rest[0]["fallback"] is False and rest[0]["kind"] == "help"  # empty line: help, not an error


def test_ask_is_stateless_unless_given_a_session(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JETBOT_DB_PATH", str(tmp_path / "cli.sqlite3"))
    main(["ask", "--json", *MINI, "文部科学省の電話番号"])
    main(["ask", "--json", *MINI, "メールアドレスは？"])
    stateless = [json.loads(l) for l in capsys.readouterr().out.splitlines()][1]
    main(["ask", "--json", "--session", "s1", *MINI, "文部科学省の電話番号"])
    main(["ask", "--json", "--session", "s1", *MINI, "メールアドレスは？"])
    with_session = [json.loads(l) for l in capsys.readouterr().out.splitlines()][1]
    assert with_session["intent"] == "contact_mext"
    assert stateless["intent"] != "contact_mext" or stateless["suggestions"]


def test_broken_yaml_exits_1_with_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "intents/a.yaml", "intents:\n  - id: a\n    examples: [x\n")
    code = main(["ask", "--intents", str(tmp_path / "intents"), "--knowledge", str(tmp_path / "k"), "x"])
    assert code == 1
    assert "a.yaml:4: YAML syntax error" in capsys.readouterr().err


def test_explain_shows_normalisation_synonyms_and_signals(capsys: pytest.CaptureFixture[str]) -> None:
    main(["explain", *MINI, "もんかしょうの電話"])
    out = capsys.readouterr().out
    assert "もんかしょう -> 文部科学省" in out
    assert "contact_mext" in out and "coverage" in out and "semantic" in out
    assert "decision:   answer contact_mext" in out


def test_eval_reports_figures_and_fails_below_minimum(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    questions = write(tmp_path / "q.yaml", """\
- {q: "JETの参加者は何人？", any: ["77,000"]}
- {q: "総務省の電話", any: ["0352535527"]}
- {q: "文科省のメールアドレス", any: ["nobody@example.com"]}
- {q: "明日の天気", fallback: true}
""")
    assert main(["eval", *MINI, str(questions)]) == 0
    out = capsys.readouterr().out
    assert "FAIL 文科省のメールアドレス" in out
    assert "in-scope: 2/3 = 66.7%" in out and "out-of-scope fallback: 1/1 = 100.0%" in out
    assert main(["eval", *MINI, str(questions), "--min", "in_scope=0.9"]) == 1
    assert "below minimum: in_scope 0.667 < 0.9" in capsys.readouterr().out


def test_eval_refuses_a_question_it_could_not_judge_naming_the_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    questions = write(tmp_path / "q.yaml", """\
- {q: "総務省の電話", any: ["0352535527"]}
- {q: "明日の天気", kind: out_of_scope}
""")
    assert main(["eval", *MINI, str(questions)]) == 2
    out = capsys.readouterr().out
    assert f"jetbot eval: {questions}:2: nothing to judge this question by" in out and "in-scope" not in out


def test_cross_validate_reports_leave_one_out(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "--cross-validate", *MINI]) == 0
    out = capsys.readouterr().out
    assert out.startswith("leave-one-out: 12 examples, top-1 ")


def test_ask_top_k_lists_that_many_candidates(capsys: pytest.CaptureFixture[str]) -> None:
    main(["ask", "--json", "--top", "1", *MINI, "総務省の電話番号"])
    assert len(json.loads(capsys.readouterr().out)["candidates"]) == 1
    main(["ask", "--json", "--top", "8", *MINI, "総務省の電話番号"])
    reply = json.loads(capsys.readouterr().out)
    assert reply["candidates"][0]["intent"] == "contact_mic" and len(reply["candidates"]) >= 2
    scores = [c["score"] for c in reply["candidates"]]
    assert scores == sorted(scores, reverse=True)


def test_eval_reports_ranking_measures_for_items_with_relevant_intents(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    questions = write(tmp_path / "q.yaml", """\
- {q: "総務省の電話", relevant: [contact_mic]}
- {q: "事例集の事例の数", relevant: [casebook_count]}
""")
    assert main(["eval", *MINI, str(questions), "--min", "p_at_1=1.0"]) == 0
    out = capsys.readouterr().out
    assert "ranking (2 questions with relevant intents): P@1 1.000  top-5 1.000  MRR@5 1.000" in out
    assert "nDCG@10 1.000  Recall@10 1.000" in out and "in-scope" not in out


def test_build_index_says_how_much_it_encoded_then_that_it_is_warm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("JETBOT_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["build-index", *MINI]) == 0
    first = capsys.readouterr().out
    assert "built (no cache file;" in first and "example(s) encoded" in first and " 0 example(s)" not in first
    assert main(["build-index", *MINI]) == 0
    assert ": warm," in capsys.readouterr().out

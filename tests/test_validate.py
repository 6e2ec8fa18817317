"""`jetbot validate`: what an admin sees before deploying an edit."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.validate import validate
from paths import write

GOOD_INTENTS = """\
intents:
  - id: contact_mic
    examples: [総務省の電話番号, 総務省の連絡先を教えて, そうむしょうのでんわ]
    answer: 窓口は{contact:mic.name}です。
    answer_en: The office is {contact:mic.name_en}.
    contacts: [mic]
  - id: size
    examples: [JETの参加者数は, 何か国から来ていますか, How many participants]
    answer: 約77,000人です。
"""
KNOWLEDGE = """\
sources:
  - {id: notice, title: 通知, kind: notice, url: "https://www.soumu.go.jp/kokusai/kouryu_JET.html"}
contacts:
  - {id: mic, name: 総務省国際室, name_en: MIC, phone: 03-5253-5527, email: kokusai@soumu.go.jp, source: notice}
"""


@pytest.fixture
def kb_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "intents/a.yaml", GOOD_INTENTS)
    write(tmp_path / "knowledge/k.yaml", KNOWLEDGE)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, list[str]]:
    code = main(["validate", "--intents", "intents", "--knowledge", "knowledge", *extra])
    return code, capsys.readouterr().out.splitlines()


def test_clean_yaml_passes_and_reports_missing_english_as_information(kb_dir: Path, capsys) -> None:
    code, lines = run(capsys)
    assert code == 0
    assert "intents/a.yaml:7: info: intent 'size' has no answer_en" in lines
    assert lines[-1] == "0 error(s), 0 warning(s)"


def test_malformed_phone_email_and_url_are_errors(kb_dir: Path, capsys) -> None:
    write(kb_dir / "knowledge/k.yaml", KNOWLEDGE.replace("03-5253-5527", "03-5253-552X")
          .replace("kokusai@soumu.go.jp", "kokusai@soumu").replace("https://www", "htps//www"))
    code, lines = run(capsys)
    assert code == 1
    assert "knowledge/k.yaml:4: error: contact 'mic': malformed phone number '03-5253-552X'" in lines
    assert "knowledge/k.yaml:4: error: contact 'mic': malformed e-mail address 'kokusai@soumu'" in lines
    assert "knowledge/k.yaml:2: error: source 'notice': malformed URL" in lines


def test_same_example_under_two_intents_is_an_error_naming_both(kb_dir: Path, capsys) -> None:
    write(kb_dir / "intents/b.yaml", "intents:\n  - id: other\n    examples: [ 総務省の電話番号 , x, y]\n    answer: z\n")
    code, lines = run(capsys)
    assert code == 1
    assert ("intents/b.yaml:3: error: example '総務省の電話番号' also belongs to intent 'contact_mic' "
            "(intents/a.yaml:3)") in lines


def test_near_duplicate_example_is_a_warning_with_the_matcher_score(kb_dir: Path, capsys) -> None:
    write(kb_dir / "intents/b.yaml", """\
intents:
  - id: mic_phone_again
    examples: [総務省の電話番号を教えてください, MICに電話したい, 総務省 電話]
    answer: 別の答え
    answer_en: another answer
""")
    code, lines = run(capsys)
    warnings = [l for l in lines if ": warning: " in l and "matches intent" in l]
    assert code == 0 and warnings
    assert any("intents/a.yaml:" in w and "/100" in w for w in warnings)
    strict_code, _ = run(capsys, "--strict")
    assert strict_code == 1


def test_too_few_examples_is_a_warning(kb_dir: Path, capsys) -> None:
    write(kb_dir / "intents/b.yaml", "intents:\n  - id: lonely\n    examples: [ひとつだけ]\n    answer: z\n    answer_en: z\n")
    code, lines = run(capsys)
    assert code == 0
    assert any(l.startswith("intents/b.yaml:2: warning: intent 'lonely' has only 1 example") for l in lines)


def test_schema_errors_come_through_with_file_and_line(kb_dir: Path, capsys) -> None:
    write(kb_dir / "intents/b.yaml", "intents:\n  - id: broken\n    examples: [x]\n    follow_ups: [nowhere]\n    answer: y\n")
    code, lines = run(capsys)
    assert code == 1
    assert "intents/b.yaml:2: error: intent 'broken' has unknown follow-up 'nowhere'" in lines


def test_the_repo_yaml_has_no_errors() -> None:
    from bot.settings import REPO_ROOT

    findings = validate(REPO_ROOT / "intents", REPO_ROOT / "knowledge")
    assert [str(f) for f in findings if f.level == "error"] == []

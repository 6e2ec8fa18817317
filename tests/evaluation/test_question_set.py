"""Judging a reply against a question set's item: facts found, facts that must not be there, fallbacks."""
from __future__ import annotations

from pathlib import Path

import pytest

from asking import ask
from bot.core.types import Reply
from bot.engine import Engine
from bot.evaluation.question_set import Question, QuestionSetError, fold_fact, judge, load_questions


def _question(**item: object) -> Question:
    return Question({"q": "質問", **item}, kind="test")


def test_facts_are_compared_without_spaces_commas_dashes_or_width() -> None:
    assert fold_fact("03-5253-5527") == fold_fact("0352535527")
    assert fold_fact("５，８３１人") == fold_fact("5831人")


def test_a_date_counts_the_same_in_japanese_and_iso_form() -> None:
    assert fold_fact("2023-07-31") in fold_fact("総務省の公表（2023年7月31日）によると")
    assert fold_fact("2023年7月31日") == fold_fact("2023-7-31")
    assert fold_fact("2023-07-31") not in fold_fact("2023年7月3日")


def test_a_day_without_its_year_is_found_in_a_full_date() -> None:
    reply = Reply(text="2023年7月31日に公表されました。", intent_id="casebook_published")  # (dev177: was a miss)
    assert judge(_question(any=["7月31日"]), reply).passed and judge(_question(any=["2023-07-31"]), reply).passed
    assert not judge(_question(any=["7月3日"]), reply).passed


def test_an_answer_with_a_wanted_fact_passes_and_one_with_an_unwanted_fact_fails() -> None:
    reply = Reply(text="電話は03-5253-5527です。", intent_id="contact_mic")
    assert judge(_question(any=["0352535527"]), reply).passed
    assert not judge(_question(any=["0352535527"], none=["5253"]), reply).passed
    assert not judge(_question(any=["kokusai@soumu.go.jp"]), reply).passed


def test_a_fallback_never_answers_an_in_scope_item_and_always_passes_an_out_of_scope_one() -> None:
    apology = Reply(text="03-5253-5527 にお問い合わせください。", kind="fallback", fallback=True)
    assert not judge(_question(any=["0352535527"]), apology).passed
    assert judge(_question(fallback=True), apology).passed
    assert not judge(_question(fallback=True), Reply(text="答え", intent_id="x")).passed


def test_small_talk_answers_no_question(repo_engine: Engine) -> None:
    # "thanks!!" written as out of scope by a blind writer: the bot replies, and answers nothing about the notice
    assert judge(_question(fallback=True), ask(repo_engine, "thanks!!")).passed
    assert judge(_question(fallback=True), ask(repo_engine, "おはようございます")).passed


def test_thanks_at_a_dialogues_end_passes_when_the_courtesy_reply_says_what_was_expected(repo_engine: Engine) -> None:
    # a blind writer's closing 「ありがとう」 with any: [どういたしまして] (failed: a greeting answers nothing)
    thanks = ask(repo_engine, "ありがとう")
    assert thanks.kind == "greeting"
    assert judge(_question(any=["どういたしまして"]), thanks).passed
    assert not judge(_question(any=["5,355"]), thanks).passed
    assert not judge(_question(any=["JETプログラム"]), ask(repo_engine, "asdfghjkl")).passed  # the help text: no


def test_a_question_set_file_unrolls_dialogues_in_order(tmp_path: Path) -> None:
    path = tmp_path / "set.yaml"
    path.write_text('- {q: "CIRとは", any: ["国際交流"]}\n'
                    '- dialogue: [{q: "ALTとは", any: ["外国語"]}, {q: "その理由は？", any: ["学習指導要領"]}]\n'
                    '- {q: "明日の天気", fallback: true}\n', encoding="utf-8")
    questions = load_questions(path)
    assert [q.text for q in questions] == ["CIRとは", "ALTとは", "その理由は？", "明日の天気"]
    assert [q.dialogue for q in questions] == [0, 2, 2, 0]
    assert [q.in_scope for q in questions] == [True, True, True, False]


@pytest.mark.parametrize("text, said", [
    ('- {q: "CIRとは", any: ["国際交流"]}\n- {q: "天気は？", kind: out_of_scope}\n', "set.yaml:2: nothing to judge"),
    ('- {q: "ALTとは", any: ["外国語"]}\n- dialogue:\n  - {q: "CIRとは", any: ["x"]}\n  - {q: "その理由は？"}\n',
     "set.yaml:4: nothing to judge"),
    ('- {question: "CIRとは", any: ["x"]}\n', "set.yaml:1: a question needs q:"),
    ('- {q: "天気は？", kind: out_of_scope, none: ["SEA"]}\n', "set.yaml:1: an out-of-scope question needs fallback"),
    ('q: "CIRとは"\n', "set.yaml:1: expected a list"),
    ('- {q: "CIRとは", any: ["x"]\n', "set.yaml:2: YAML syntax error"),
])
def test_a_question_the_file_cannot_judge_is_named_by_file_and_line_not_skipped(
        tmp_path: Path, text: str, said: str) -> None:
    path = tmp_path / "set.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(QuestionSetError, match=said):
        load_questions(path)

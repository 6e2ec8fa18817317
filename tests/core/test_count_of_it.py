"""A short follow-up asking how many of what was just said, its figure, or which field: the previous answer again."""
from __future__ import annotations

import pytest

from asking import talk
from bot.core.count_of_it import asks_the_count_of_it, example_asked
from bot.engine import Engine


SAID = "事例集には計30事例が掲載されています。①学校における活動…"


@pytest.mark.parametrize("text", ["全部で？", "合計は？", "合計何か所？", "数字で言うと？", "それ①と②どっち？", "how many in total?",
                                  "どっちのカテゴリ？", "which category is it in?"])
def test_how_many_of_it_its_figure_or_its_field_is_asked_of_what_was_said(text: str) -> None:
    assert asks_the_count_of_it(text, SAID, counted_by_role=False)


def test_only_what_the_previous_answer_counts_is_given_again() -> None:
    assert not asks_the_count_of_it("全部で？", "参考資料1はCIR活用事例集です。", counted_by_role=False)  # (no count)
    assert not asks_the_count_of_it("How many?", SAID, counted_by_role=False)  # (a bare count: read as it is)


def test_after_counts_by_role_the_total_is_their_sum_not_the_answer_again() -> None:
    counts = "ALT 5,355人、CIR 468人、SEA 8人"
    assert not asks_the_count_of_it("全部で？", counts, counted_by_role=True)  # (bot.core.figure_reply adds them)
    assert asks_the_count_of_it("数字で言うと？", counts, counted_by_role=True)


@pytest.mark.parametrize("text", ["全部で何人の参加者？", "合計の予算は？", "ALTの数は？", "事例集の数字は何年度？"])
def test_a_question_with_words_of_its_own_is_read_as_it_is(text: str) -> None:
    assert not asks_the_count_of_it(text, SAID, counted_by_role=False)


@pytest.mark.parametrize(("first", "then", "given"), [
    ("ALTの事例集、どんな活動が載ってる？", "全部で？", "30事例"),  # (was the roles' sum, 5,831 people)
    ("通知の参考資料って何がある？", "合計は？", "4つ"),  # (was the apology)
    ("JETプログラムの規模ってどのくらい？", "数字で言うと？", "77,000"),  # (was "figures not held")
    ("立山町の事例は？", "それ①と②どっち？", "①学校における活動"),  # (was the help text)
])
def test_the_count_or_field_of_what_was_said_is_its_answer_again(repo_engine: Engine, first: str, then: str,
                                                                 given: str) -> None:
    reply = talk(repo_engine, first, then)
    assert not reply.fallback and given in reply.text


def test_the_total_after_a_roles_count_is_still_every_roles_sum(repo_engine: Engine) -> None:
    assert "5,831" in talk(repo_engine, "ALTは何人？", "全部で？").text


@pytest.mark.parametrize(("text", "asked"), [("例えば？", "その事例を1つ紹介して"), ("具体的には？", "その事例を1つ紹介して"),
                                             ("Name one", "give me one example case from the casebook"),
                                             ("for example?", "give me one example case from the casebook"),
                                             ("Tell me about one of them.", "give me one example case from the casebook"),
                                             ("どれか1つ教えて", "その事例を1つ紹介して"),
                                             ("例えば令和元年度は？", None)])
def test_an_example_asked_after_the_cases_counted_is_one_case(text: str, asked: str | None) -> None:
    assert example_asked(text, "JET-ALT活動事例集には計30事例が掲載されています。") == asked


def test_an_example_asked_after_an_answer_counting_no_cases_is_read_as_it_is() -> None:
    # (the CIR casebook prints no cases: 「例えば？」 must not give the ALT casebook's)
    assert example_asked("例えば？", "参考資料1は「JETプログラム国際交流員（CIR）活用事例集」で、…") is None


@pytest.mark.parametrize("turns", [("How many cases are in the JET-ALT casebook?", "how many of those are school cases?",
                                    "Name one"), ("学校での事例は何件？", "例えば？"),
                                   ("how many cases r in the jet-alt casebook?", "give me one of those pls")])  # (dev212: help)
def test_one_case_is_named_after_the_count(repo_engine: Engine, turns: tuple[str, ...]) -> None:
    reply = talk(repo_engine, *turns)  # (was "what JET stands for is not given", and the count again)
    assert not reply.fallback and ("柏崎" in reply.text or "Kashiwazaki" in reply.text)

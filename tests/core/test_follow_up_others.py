"""「他に…は？」 after one office or one case: the others of the kind, not the answer just given; what else there is
after 「他にもある？」; the same office when the question names it again."""
from __future__ import annotations

import pytest

from asking import talk
from bot.engine import Engine


def test_other_cases_after_a_case_are_the_others_not_the_same_case_again(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "ALTが小学校に毎日いる事例ってある？", "それどこの県？", "他に学校での事例で名前が出てるところは？")
    assert "柏崎市" in reply.text and not reply.fallback
    assert talk(repo_engine, "柏崎市の事例", "他にも事例はある？").intent_id != "case_kashiwazaki"


def test_what_else_there_is_after_one_office_is_the_other_offices(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "総務省の窓口を知りたい", "他にもある？")  # (was the related topics to choose from)
    assert reply.text.startswith("総務省以外の問い合わせ先は") and {c.id for c in reply.contacts} == {"mofa", "mext"}


def test_other_ways_to_reach_the_same_office_stay_with_that_office(repo_engine: Engine) -> None:
    assert talk(repo_engine, "外務省の連絡先", "メールは？", "他に外務省へ連絡する方法は？").intent_id == "contact_mofa"


@pytest.mark.parametrize("turns", [("新潟の柏崎の事例ってどんなの", "他にも名前が出ているところは？"),
                                   ("総務省の連絡先", "他に問い合わせ先は？")])
def test_others_of_the_kind_after_one_of_them_are_not_that_one_again(repo_engine: Engine,
                                                                     turns: tuple[str, ...]) -> None:
    first, other = talk(repo_engine, turns[0]), talk(repo_engine, *turns)
    assert other.intent_id not in (None, first.intent_id) and not other.fallback


def test_other_offices_after_one_are_the_offices_not_another_topic(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "外国語教育推進室の電話", "他に学校関係で相談できる窓口は？")
    assert reply.candidates[0].intent_id == "contact_list"  # (was the course of study)


def test_other_cases_that_do_not_exist_give_the_one_case_again(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "新潟の事例ってあった？", "ほかにも新潟のってある？")
    assert reply.intent_id == "case_kashiwazaki" and not reply.fallback  # (was the apology)



@pytest.mark.parametrize(("turns", "intent"), [
    (("柏崎市の取り組みは？", "他に地域の国際化の事例はありますか"), "casebook_community_cases"),  # a topic of the same file
    (("柏崎市の事例", "他の事例も知りたい"), "casebook_school_cases"),
    (("外務省の連絡先", "別の省の担当者も知りたい"), "contact_list"),
])
def test_others_of_the_kind_in_other_words(repo_engine: Engine, turns: tuple[str, ...], intent: str) -> None:
    assert talk(repo_engine, *turns).intent_id == intent


def test_the_only_other_of_the_kind_is_answered(repo_engine: Engine) -> None:
    """(「ほかに事例の自治体名わかる？」 after Kashiwazaki was "not sure" at 49: one candidate, the school cases)"""
    reply = talk(repo_engine, "柏崎市の事例", "ほかに事例の自治体名わかる？")
    assert reply.kind == "answer" and "立山" in reply.text

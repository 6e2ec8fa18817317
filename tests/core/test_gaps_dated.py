"""A material whose date or pages are not printed, or an amount no answer gives: said not given, the material
named (not the JET-ALT casebook's day, 31 July 2023)."""
from __future__ import annotations

import pytest

from asking import talk
from bot.core.gap_patterns import WHEN_ASKED
from bot.engine import Engine


@pytest.mark.parametrize("question", ["CIR casebook date?", "casebook date", "notice date?"])
def test_a_terse_date_asks_when(question: str) -> None:
    assert WHEN_ASKED.search(question)


@pytest.mark.parametrize("question", ["is the casebook up to date?", "is it up-to-date", "dates of the survey are "
                                      "not printed, what else"])
def test_up_to_date_or_a_date_inside_a_sentence_asks_no_date(question: str) -> None:
    assert not WHEN_ASKED.search(question)


@pytest.mark.parametrize(("turns", "named"), [
    (("CIR casebook date?",), "CIR casebook (material 1)"),
    (("参考資料3はいつの資料？",), "JET活用マニュアル（参考資料3）"),
    # (was the JET-ALT casebook's day again: the follow-up swaps the material)
    (("JET-ALTの事例集はいつ公表？", "CIRの事例集のほうは？"), "CIR活用事例集（参考資料1）"),
    (("when was the JET-ALT casebook published?", "and the CIR casebook?"), "CIR casebook (material 1)"),
])
def test_the_material_whose_date_is_not_printed_is_named(repo_engine: Engine, turns: tuple[str, ...],
                                                          named: str) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.fallback and reply.text.startswith((named, f"No date (of publication or of writing) is given for the "
                                                            f"{named}"))
    assert "7月31日" not in reply.text and "31 July" not in reply.text


def test_the_cir_casebook_stays_the_topic_after_its_date_is_said_not_given(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "JET-ALTの事例集はいつ公表？", "CIRの事例集のほうは？", "リンクは？")
    assert "jetprogramme.org/ja/nin-katsuyo-m/" in reply.text


def test_a_material_named_by_its_number_after_a_date_is_not_asked_its_date(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "事例集はいつ公表？", "参考資料4は？")  # (the casebook's summary: the same casebook)
    assert not reply.fallback


def test_the_notice_whose_date_is_not_printed_says_so_itself(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "notice date?")
    assert reply.intent_id == "notice_date" and "prints no date" in reply.text


@pytest.mark.parametrize(("turns", "topic"), [(("全体版は何ページくらい？",), "casebook_what"),
                                              (("参考資料３のJET活用マニュアルは何ページある？",), "ref3_manual"),
                                              (("事例集は？", "全体版は何ページ？"), "casebook_what")])
def test_a_documents_pages_are_said_not_printed_and_it_stays_the_topic(repo_engine: Engine, turns: tuple[str, ...],
                                                                       topic: str) -> None:
    reply = talk(repo_engine, *turns)  # (was the document's answer, as if its pages were given)
    assert reply.fallback and reply.text.startswith("ページ数やページ番号は") and reply.intent_id == topic


def test_which_page_of_a_site_is_no_page_count(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "Which page of the CLAIR site is for municipalities?")
    assert not reply.fallback and "jetprogramme.org" in reply.text + " ".join(link.url for link in reply.links)


def test_a_materials_date_names_the_material_not_the_list_of_them(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "参考資料3っていつ作られた資料ですか？")  # (review 150: 「参考資料の一覧の日付」)
    assert reply.text.startswith("JET活用マニュアル（参考資料3）の日付")


@pytest.mark.parametrize("question", ["JET活用マニュアルの発行日は？", "事例集の公表日は？"])
def test_a_day_of_issue_asks_when(repo_engine: Engine, question: str) -> None:
    reply = talk(repo_engine, question)  # (the manual's was its download link; the casebook's day is printed)
    assert ("2023年7月31日" in reply.text) != reply.fallback


@pytest.mark.parametrize("question", ["What is CLAIR's annual budget?", "JETの予算はいくら？"])
def test_an_amount_no_answer_prints_is_said_not_given(repo_engine: Engine, question: str) -> None:
    reply = talk(repo_engine, question)  # ("What is CLAIR's annual budget?" was what CLAIR does)
    assert reply.fallback and ("金額" in reply.text or "amount" in reply.text)


@pytest.mark.parametrize("turns", [("Who pays the costs?",), ("How much of the casebook is about schools?",),
                                   ("ALTの給料は？", "文科省は？")])
def test_costs_without_an_amount_or_an_office_after_pay_ask_no_amount(repo_engine: Engine,
                                                                      turns: tuple[str, ...]) -> None:
    reply = talk(repo_engine, *turns)
    assert "The amount you ask about" not in reply.text and "お尋ねの金額" not in reply.text

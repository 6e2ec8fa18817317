"""Another role after a topic: 「CIRは？」 asks the same of the CIR, what is not held stays not held."""
from __future__ import annotations

import pytest

from asking import talk
from bot.core.render import plain_text
from bot.engine import Engine


@pytest.mark.parametrize("first, then, said", [
    ("ALTの応募資格は？", "CIRは？", "応募資格"),
    ("ALTの勤務時間は？", "CIRの場合は？", "勤務時間"),
    ("ALTの有給休暇は何日？", "SEAだったら？", "休暇"),
    ("ALTの採用面接のコツは？", "CIRは？", "面接"),
    ("国別のALTの人数は？", "CIRは？", "国別"),
    ("What are the eligibility requirements for ALTs?", "What about SEAs?", "eligibility"),
])
def test_another_role_after_something_not_held_is_not_held_either(
        repo_engine: Engine, first: str, then: str, said: str) -> None:
    reply = talk(repo_engine, first, then)
    assert reply.fallback and said in plain_text(reply)
    assert "高い日本語能力" not in reply.text and "スポーツ振興" not in reply.text  # not what the role is


def test_another_role_after_the_pay_says_its_amount_is_not_held_either(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "ALTの給料は？", "SEAは？")
    assert reply.fallback and "具体的な金額" in reply.text


@pytest.mark.parametrize("first, then, expected", [
    ("令和5年度のALTの人数は？", "SEAは？", "SEA 8人"),
    ("CIRの英語名は？", "SEAは？", "Sports Exchange Advisor"),
    ("CIRの任期は？", "SEAは？", "1年"),
])
def test_another_role_after_a_held_topic_gets_that_roles_part(
        repo_engine: Engine, first: str, then: str, expected: str) -> None:
    reply = talk(repo_engine, first, then)
    assert not reply.fallback and expected in plain_text(reply)


@pytest.mark.parametrize("first", ["ALTとは？", "ALTの地域での活動は？"])
def test_a_role_after_a_topic_only_about_another_role_gets_what_that_role_is(repo_engine: Engine,
                                                                            first: str) -> None:
    reply = talk(repo_engine, first, "CIRは？")
    assert reply.intent_id == "cir_role"


@pytest.mark.parametrize("first, then, expected", [
    ("ALTの応募資格は？", "SEAって何？", "sea_role"),
    ("ALTの応募資格は？", "SEAとは？", "sea_role"),
    ("What are the eligibility requirements for ALTs?", "What is a CIR?", "cir_role"),
    ("ALTの給料は？", "総務省は？", "contact_mic"),  # an office after something not held asks for that office
    ("ALTの給料は？", "文科省は？", "contact_mext"),
])
def test_what_a_role_is_or_an_office_after_something_not_held_is_answered(
        repo_engine: Engine, first: str, then: str, expected: str) -> None:
    reply = talk(repo_engine, first, then)
    assert reply.intent_id == expected and not reply.fallback


@pytest.mark.parametrize("first, then, expected, not_expected", [
    ("CIRの活用事例集ってどこにある？", "ALTのほうは？", "kouryu_JET", "nin-katsuyo-m"),  # the ALT casebook
    ("ALTの活動事例集はどこで見られる？", "CIRは？", "nin-katsuyo-m", "kouryu_JET"),  # the CIR casebook
])
def test_another_role_after_a_document_of_one_role_gets_that_roles_document(
        repo_engine: Engine, first: str, then: str, expected: str, not_expected: str) -> None:
    reply = talk(repo_engine, first, then)  # the title names its role through a word of its own (参考資料1)
    assert not reply.fallback and expected in plain_text(reply) and not_expected not in plain_text(reply)


@pytest.mark.parametrize("first, then, intent", [
    ("SEAって正式には何て言うの？", "その活用を勧めてる理由は？", "sea_role"),  # was how to use the casebook
    ("SEAって正式には何て言うの？", "その理由は？", "sea_role"),  # was the three roles' names again
    ("令和5年度のALTの人数は？", "なぜ？", "alt_why"),  # was 'the ALT's figures are not held' (they are)
    ("令和5年度のCIRの人数は？", "その理由は？", "digiden_policy"),  # was 'the head count of 理由 is not held'
    ("How many SEAs were there in FY2023?", "Why?", "sea_role"),
])
def test_why_after_an_answer_about_the_role_asked_gives_that_roles_reasons(
        repo_engine: Engine, first: str, then: str, intent: str) -> None:
    reply = talk(repo_engine, first, then)
    assert reply.intent_id == intent and not reply.fallback
    assert "理由の人数" not in reply.text


def test_why_after_a_topic_of_its_own_is_not_the_roles_reasons(repo_engine: Engine) -> None:
    # 「その理由は？」 after the CIR's term asks why the term is what it is: it got why CIRs are recommended
    reply = talk(repo_engine, "CIRの任期は？", "その理由は？")
    assert reply.intent_id != "digiden_policy" and "デジタル田園都市" not in reply.text


@pytest.mark.parametrize("first, then, said", [
    ("SEAとは", "何人いるの？", "SEA 8人"),  # was every role's count
    ("SEAとは", "令和5年度は何人？", "SEA 8人"),  # was the programme's total first
    ("What is an SEA?", "How many were there in 2023?", "SEA 8 people"),
])
def test_a_count_after_what_a_role_is_is_that_roles_count(repo_engine: Engine, first: str, then: str, said: str) -> None:
    reply = talk(repo_engine, first, then)
    assert not reply.fallback and said in reply.text.split("。")[0] + reply.text.split(". ")[0]


def test_the_whole_after_a_roles_count_is_every_roles_count_again(repo_engine: Engine) -> None:
    text = talk(repo_engine, "SEAとは", "何人いるの？", "全体では？").text
    assert "ALT 5,355人" in text and "SEA 8人" in text


def test_what_if_especially_excellent_after_the_term_is_the_term_again(repo_engine: Engine) -> None:
    # the term says up to five years for those judged especially excellent: not 'how that is judged is not held'
    reply = talk(repo_engine, "任期は？", "特に優秀だと？")
    assert not reply.fallback and "通算5年" in reply.text


def test_a_role_alone_after_a_years_figures_asks_that_roles_figure_of_the_year(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "令和元年度の参加者数は？", "CIRは？")
    assert reply.fallback and "令和元年度（2019年度）のCIRの人数は" in reply.text


def test_a_role_alone_after_the_cumulative_total_is_no_question_of_reasons(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "累計参加者数は？", "ALTは？")
    assert reply.intent_id != "alt_why"

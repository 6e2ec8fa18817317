"""The things asked in one message are found, each as written."""
from __future__ import annotations

import pytest

from bot.core.asks import added, numbered, two_asked, without_added_contact, without_list_marks
from bot.core.focus import parts


@pytest.mark.parametrize(("message", "asks"), [
    ("CIR count in FY2023 and MOFA's phone number?", ("CIR count in FY2023", "MOFA's phone number?")),
    ("Which year is the survey for, and what year was the notice issued?",
     ("Which year is the survey for", "what year was the notice issued?")),
    ("事例集はいつ公表？事例はどんな分野？", ("事例集はいつ公表？", "事例はどんな分野？")),
    ("CLAIRのページは？あとCLAIRの正式名称も", ("あとCLAIRの正式名称も",)),
    ("What do ALTs and CIRs do?", ()),  # one question of two roles
    ("ALTとCIRの人数は？", ()),
])
def test_the_things_asked_are_found(message: str, asks: tuple[str, ...]) -> None:
    assert parts(message).asks == asks


@pytest.mark.parametrize(("sentence", "two"), [
    ("ALTの人数と、問い合わせ先を教えて", ("ALTの人数", "問い合わせ先を教えて")),
    ("CIR numbers + MOFA phone?", ("CIR numbers", "MOFA phone?")),
    ("ALTとCIRの人数は？", ()),
])
def test_two_things_in_one_sentence(sentence: str, two: tuple[str, ...]) -> None:
    assert two_asked(sentence) == two


@pytest.mark.parametrize(("sentence", "is_added"), [("また、メールアドレスも教えてください", True),
                                                    ("Also, what's reference material 2 about?", True),
                                                    ("それとも総務省？", False), ("メールアドレスは？", False)])
def test_a_question_added_to_the_one_before(sentence: str, is_added: bool) -> None:
    assert added(sentence) is is_added


def test_only_a_contact_detail_added_after_the_question_is_kept_out_of_its_focus() -> None:
    assert without_added_contact("what's the survey for? and MEXT's email", ("and MEXT's email",)) == \
        "what's the survey for? "
    added_count = "あと令和5年度のCIRの人数も教えてください"
    assert without_added_contact("マニュアルはいつの？" + added_count, (added_count,)) == "マニュアルはいつの？" + added_count


@pytest.mark.parametrize(("sentence", "items"), [
    ("①SEAの正式な日本語名 ②令和5年度のSEAの人数", ("SEAの正式な日本語名", "令和5年度のSEAの人数")),
    ("(1)CIRの人数 (2)MOFAの電話番号", ("CIRの人数", "MOFAの電話番号")),
    ("Two questions: 1) how many CIRs in 2023 2) MOFA phone", ("how many CIRs in 2023", "MOFA phone")),
    ("SEAについて①正式名称②人数", ("SEAについて 正式名称", "SEAについて 人数")),  # (the topic before the list kept)
    ("ALTは①学校②地域のどっち？", ()),  # which of the two: one question
    ("参考資料1.の中身は？", ()),
    ("JETは1.5倍？", ()),
])
def test_a_numbered_list_asks_each_item(sentence: str, items: tuple[str, ...]) -> None:
    assert numbered(sentence) == items


def test_a_numbered_list_is_what_is_asked_even_after_a_request_sentence() -> None:
    found = parts("2点教えてください。①SEAの正式な日本語名 ②令和5年度のSEAの人数")
    assert found.listed and found.asks == ("SEAの正式な日本語名", "令和5年度のSEAの人数")


def test_a_lists_marks_are_no_figures_checked() -> None:
    assert "2" not in without_list_marks("SEAについて①正式名称②人数")
    assert without_list_marks("SEAは2人ですか？") == "SEAは2人ですか？"

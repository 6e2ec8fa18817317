"""The things asked in one message are found, each as written."""
from __future__ import annotations

import pytest

from bot.core.asks import added, two_asked
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

"""A message that corrects the last answer is read as what the user meant."""
from __future__ import annotations

import pytest

from asking import talk
from bot.core.redirected import what_is_meant
from bot.engine import Engine


@pytest.mark.parametrize(("text", "meant"), [
    ("not MIC, MEXT", "MEXT"),
    ("No, I meant the phone number", "the phone number"),
    ("I didn't mean MOFA, I meant MEXT", "MEXT"),
    ("いや、SEAのほうです", "SEAのほうです"),
    ("そうじゃなくて令和元年度の数字", "令和元年度の数字"),
    ("CIRだけじゃなくて、令和元年度の新規全体の人数", "令和元年度の新規全体の人数"),
])
def test_the_correction_that_opens_a_message_is_dropped(text: str, meant: str) -> None:
    assert what_is_meant(text) == meant


@pytest.mark.parametrize("text", ["総務省じゃなくて文科省の電話番号は？",  # one question leaving an office out
                                  "外務省じゃなくて、別の窓口の連絡先は？",
                                  "Is it not MIC?", "notice date?", "いや"])
def test_a_message_without_an_opening_correction_stays(text: str) -> None:
    assert what_is_meant(text) == text


@pytest.mark.parametrize(("turns", "fact", "not_said"), [
    # (dev181: were who runs JET, and the answer turned down)
    (("What's the phone number of the MIC contact in the notice?", "not MIC, MEXT"), "03-6734-3480", "03-5253-5527"),
    (("MOFA contact", "no, I meant MEXT"), "03-6734-3480", "03-5501-8143"),
    (("令和5年度の新規CIRは何人？", "CIRだけじゃなくて、令和元年度の新規全体の人数"), "2,091", "154"),
])
def test_the_corrected_question_gets_what_was_meant(repo_engine: Engine, turns: tuple[str, ...], fact: str,
                                                    not_said: str) -> None:
    reply = talk(repo_engine, *turns)
    assert not reply.fallback and fact in reply.text and not_said not in reply.text

"""The e-mail address asked of one office is that office's card; an address written asks whose it is."""
from __future__ import annotations

import pytest

from asking import talk
from bot.engine import Engine


@pytest.mark.parametrize(("question", "office", "other"), [
    # (was every office's address: MEXT's too, as the second sentence 「アドレスは？」 read alone)
    ("総務省にメールで問い合わせたいです。アドレスは？", "総務省自治行政局国際室", "josui@mext.go.jp"),
    ("文科省にメールで問い合わせたいです。アドレスを教えてください。", "文部科学省", "kokusai@soumu.go.jp"),
    # an address written: whose it is (was answered in English, about every office)
    ("kokusai@soumu.go.jpはどこのアドレス？", "総務省自治行政局国際室", "josui@mext.go.jp"),
    ("kokusai@soumu.go.jp - whose address?", "International Affairs Office", "josui@mext.go.jp"),  # (was "not sure")
])
def test_one_office_asked_gets_its_card_alone(repo_engine: Engine, question: str, office: str, other: str) -> None:
    reply = talk(repo_engine, question)
    assert office in reply.text and other not in reply.text
    assert len(reply.contacts) == 1


def test_the_addresses_asked_of_no_office_are_all_of_them(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "メールで問い合わせできますか")
    assert "kokusai@soumu.go.jp" in reply.text and "josui@mext.go.jp" in reply.text


def test_another_question_in_the_message_is_still_answered(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "総務省にメールで問い合わせたいです。アドレスと、SEAの人数は？")
    assert "kokusai@soumu.go.jp" in reply.text and "8人" in reply.text and "josui@mext.go.jp" not in reply.text


def test_each_item_of_a_list_gets_its_offices_address(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "2点教えてください。①JET全般のことで総務省にメールで問い合わせる場合のアドレス、"
                              "②学校の授業関係で文部科学省に聞く場合のアドレスです。")
    assert "kokusai@soumu.go.jp" in reply.text and "josui@mext.go.jp" in reply.text  # (② alone was "not sure")


@pytest.mark.parametrize(("turns", "address"), [
    (("総務省の窓口は？", "メールアドレスを教えてください。"), "kokusai@soumu.go.jp"),  # (was every office's)
    (("総務省の窓口は？", "電話のほか、メールでも照会できますか。アドレスを教えてください。"), "kokusai@soumu.go.jp"),  # (was CLAIR's)
    # the name before the @ names its office, whichever card came before
    (("文科省の窓口のメアド、kokusai@mext.go.jp で合ってます？", "じゃあ kokusai@ はどこのアドレス？"), "kokusai@soumu.go.jp"),
])
def test_the_address_asked_after_one_offices_card_is_that_offices(repo_engine: Engine, turns: tuple[str, ...],
                                                                  address: str) -> None:
    reply = talk(repo_engine, *turns)
    assert address in reply.text and "josui@mext.go.jp" not in reply.text and not reply.fallback

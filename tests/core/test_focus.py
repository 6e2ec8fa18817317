"""Long polite messages: greetings and self-introductions are dropped, the question sentence found."""
from __future__ import annotations

from bot.core.answer import answer
from bot.core.focus import parts
from bot.core.types import IncomingMessage
from bot.engine import Engine


def test_greeting_and_self_introduction_are_dropped() -> None:
    found = parts("お世話になっております。○○市教育委員会学校教育課の田中です。ALTを増やしたいと考えています。"
                  "どこに要望を出せばよいでしょうか。")
    assert found.question == "どこに要望を出せばよいでしょうか。"
    assert found.background == "ALTを増やしたいと考えています。" and found.dropped


def test_a_short_question_is_left_as_it_is() -> None:
    found = parts("CIRとはどんな人ですか")
    assert found.question == "CIRとはどんな人ですか" and not found.background and not found.dropped


def test_the_last_question_sentence_is_the_question() -> None:
    found = parts("うちの市でもSEAを受け入れられるんでしょうか？どういう活動をする人ですか")
    assert found.question == "どういう活動をする人ですか" and "SEA" in found.background


def test_a_long_line_message_is_answered_from_its_question(repo_engine: Engine) -> None:
    reply = answer(IncomingMessage(
        "お世話になっております。○○市役所観光課の中村です。インバウンド対策を強化したく、外国出身の人材を採用できないかと"
        "上司から相談を受けました。JETのCIRはそういった業務も担当できるのでしょうか。"), repo_engine.kb)
    assert not reply.fallback and "インバウンド" in reply.text

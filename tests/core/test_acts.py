"""A request to act for the user is said to be beyond the bot, with the office's card and the topic as a choice."""
from __future__ import annotations

import pytest

from asking import ask
from bot.core.acts import asks_to_act
from bot.core.render import plain_text
from bot.engine import Engine


@pytest.mark.parametrize("text", ["総務省の担当者に電話つないでもらえますか", "うちの町の要望調査の回答、代わりに出しといて",
                                  "事例集のpdfを送ってください", "文科省にメールしといてくれる?", "can you email mext for me?",
                                  "could you send the casebook to our office?", "please call mic for me"])
def test_requests_to_act_are_recognised(text: str) -> None:
    assert asks_to_act(text)


@pytest.mark.parametrize("text", ["要望はどこに送ればいい?", "文科省に電話してもいいですか", "総務省の電話番号を教えてください",
                                  "who should i call about funding?", "can i email mext directly?", "送付先はどこ?",
                                  "send me the url of the mic press release", "can you send me the link to the casebook?"])
def test_questions_about_acts_are_no_requests(text: str) -> None:
    assert not asks_to_act(text)


def test_a_call_put_through_is_refused_with_the_offices_card(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "総務省の担当者に電話つないでもらえますか")
    assert reply.fallback and reply.text.startswith("申し訳ありませんが、このボットは電話の取り次ぎ")
    assert [c.phone for c in reply.contacts] == ["03-5253-5527"]


def test_a_file_to_send_gets_its_topic_with_the_link(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "Can you send me the casebook PDF?")
    assert reply.fallback and reply.text.startswith("Sorry, this bot cannot act for you")
    assert reply.intent_id == "casebook_what" and "https://www.soumu.go.jp/kokusai/kouryu_JET.html" in plain_text(reply)


def test_a_request_to_submit_gets_the_route_and_no_office_as_if_it_took_it(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "要望調査、代わりに出しといてもらえますか")  # (r165: MIC's card suggested MIC takes it)
    assert reply.fallback and "取りまとめ団体" in reply.text and not reply.contacts


def test_an_honest_topic_close_below_comes_with_the_refusal(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "申請書を代わりに提出してもらえますか？")  # (r164: MIC's card only, the route gone)
    assert reply.fallback and reply.text.startswith("申し訳ありませんが、このボットは")
    assert "取りまとめ団体" in reply.text  # the forms are not held, and where a request goes

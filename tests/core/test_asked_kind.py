"""The kind of thing a question asks for (a date, a party, a count) orders two near-tied topics."""
from __future__ import annotations

import pytest

from asking import after, ask
from bot.core.asked_kind import KIND_PENALTY, kinds, penalties, weigh
from bot.engine import Engine


def test_question_words_are_read_on_normalised_text() -> None:
    assert kinds("who issued this 通知") == {"party"}
    assert kinds("コノ 通知 ハ イツ 出サレタモノ") == {"when"}
    assert kinds("cir ハ headcount") == {"count"}
    assert kinds("jet ノ 運営 ハ") == frozenset()
    assert kinds("担当部署ト 電話 ヲ教エテ") == {"contact"} and kinds("メール ハ") == {"contact"}
    assert kinds("調査ヲ実施スルノハドコナノ") == {"party"}, "…のはどこ asks who"


def test_only_candidates_lacking_a_kind_another_candidate_asks_lose() -> None:
    dates, issuers = ("通知 ガ出タノハ イツ",), ("誰ガ出シタ 通知 ナノ",)
    assert penalties(frozenset({"party"}), [dates, issuers]) == [KIND_PENALTY, 1.0]
    # no shortlisted intent asks "how many": nothing is ordered by it
    assert penalties(frozenset({"count"}), [dates, issuers]) == [1.0, 1.0]
    assert penalties(frozenset(), [dates, issuers]) == [1.0, 1.0]


def test_who_issued_the_notice_gets_the_issuers_not_its_date(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "Who issued this notice?")
    assert reply.intent_id == "notice_issuers"
    assert "MOFA" in reply.text and "no date" not in reply.text


def test_when_it_was_issued_still_gets_the_date(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "When was this notice issued?")
    assert reply.intent_id == "notice_date"


def test_a_hidden_example_tells_nothing_of_what_its_intent_asks() -> None:
    ranked = [(0, "issuers", 80.0, 1.0, 1.0, 1.0, 1.0, 1.0), (1, "date", 81.0, 1.0, 1.0, 1.0, 1.0, 1.0)]
    norms = [("誰ガ出シタ 通知 ナノ", "発出者 省庁"), ("通知 ガ出タノハ イツ",)]
    assert [s[2] for s in weigh(ranked, frozenset({"party"}), norms)] == [80.0, round(81.0 * KIND_PENALTY, 1)]
    # leave-one-out hides the only "who" example: no candidate asks it any more
    assert weigh(ranked, frozenset({"party"}), norms, exclude=(0, 0)) == ranked


def test_a_follow_up_asks_its_own_kind_not_its_topics(repo_engine: Engine) -> None:
    # read with the topic's title 「通知の日付」, 「なんのため？」 asked for a date and got the date again
    reply = ask(repo_engine, "なんのため？", after("notice_date"))
    assert "導入や更なる有効な活用" in reply.text


def test_a_question_word_inside_another_word_is_none() -> None:
    assert kinds("ドイツ カラ ノ 参加者") == frozenset()  # イツ of ドイツ
    assert kinds("what daycare") == frozenset()


def test_a_phone_number_asked_beside_an_offices_work_gets_that_offices_contact(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "お世話になっております。○○市国際課の担当です。海外での募集や選考の流れについて外務省に"
                             "問い合わせたいのですが、担当部署と電話番号を教えてください。")
    assert reply.intent_id == "contact_mofa" and "03-5501-8143" in reply.text


@pytest.mark.parametrize("question", ["この通知ってそもそも誰あてですか？うち町の教委なんですけど関係あります？", "この通知は誰宛てですか",
                                      "Who was the notice sent to?"])  # (was who issued it: "sent" read as issued)
def test_whom_the_notice_is_written_to_is_not_who_wrote_it(repo_engine: Engine, question: str) -> None:
    # 誰 was read as 'who': the issuing ministries, or 'not sure'
    assert ask(repo_engine, question).intent_id == "notice_addressees"

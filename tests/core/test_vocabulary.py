"""Words users ask in that no example of the topic uses (intents/synonyms.yaml): each still finds its topic.

A word the knowledge does not know is read as a subject it does not hold (「JETプログラムの主催は？」 was the plain
apology, no candidate at all), so the everyday words for a topic must be in its vocabulary."""
from __future__ import annotations

import pytest

from asking import ask, talk
from bot.engine import Engine


@pytest.mark.parametrize(("question", "intent"), [
    ("JETプログラムの主催は？", "organisers"),
    ("JETの主催者は？", "organisers"),
    ("主催団体はどこ", "organisers"),
    ("who actually operates JET", "organisers"),  # (was the apology)
    ("what year was this notice sent", "notice_date"),  # (was who issued it)
    ("Which year is this notice from?", "notice_date"),  # (was the survey's year)
    ("JETを新しく入れたいんだけど、手続きの流れは？", "how_to_start"),  # 流れ was a subject not held: the apology
    ("Which ministry deals with the money side?", "contact_list"),  # (the apology: "side" a subject not held)
    ("学校でのALTの使い方について相談したい場合はどこの省？", "contact_list"),  # (not sure: the school cases)
    # (dev187/dev188: plain words and casual input; each was "not sure" or the apology)
    ("資金面を担当するのはどこの省？", "contact_list"),
    ("ALT事例集の事例の分け方は？", "casebook_count"),
    ("JET活用マニアルはどっからおとせる？", "ref3_manual"),
    ("外国人の英語の先生を町の中学校によびたいです", "how_to_start"),
    ("URLからダウンロードしてって書いてあるのは参考資料の何番？", "references_list"),
    ("柏崎しの事例どんなの", "case_kashiwazaki"),  # 市 typed in kana
    ("ALTってどこの学校で活動してるの", "alt_role"),  # (was "the school cases' school names are not given")
    ("Was the number of CIRs in FY2023 bigger than 500?", "size_2023"),  # (was the apology)  # (was material 2's, no URL)
])
def test_an_everyday_word_for_a_topic_finds_it(repo_engine: Engine, question: str, intent: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.intent_id == intent and not reply.fallback


@pytest.mark.parametrize("then", ["Can it go beyond that?", "Can it be extended?"])
def test_beyond_the_contract_is_its_extension(repo_engine: Engine, then: str) -> None:
    reply = talk(repo_engine, "How long is the contract?", then)  # 'beyond' was a subject not held: the apology
    assert reply.intent_id == "contract_length" and "up to 5 years" in reply.text


def test_max_is_maximum_after_the_contract_length(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "ALTの任期は？", "How many years max?")  # was the apology: 'max' was no word
    assert reply.intent_id == "contract_length" and "up to 5 years" in reply.text


@pytest.mark.parametrize(("question", "intent"), [
    ("ALTの事例集の全文はどこで見れますか？", "casebook_what"),  # 全文 was a subject the knowledge lacks: the apology
    ("where can I get reference 3?", "ref3_manual"),
])
def test_a_document_asked_in_other_words_is_that_document(repo_engine: Engine, question: str, intent: str) -> None:
    assert ask(repo_engine, question).intent_id == intent


def test_through_whom_to_ask_for_more_next_year_is_the_procedure(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "お世話になります。〇〇市国際交流協会の中村です。来年度からJETの配置人数を増やしたいと考えて"
                             "おります。通知によると、どこを通じて要望を出せばよいのでしょうか。")
    assert reply.intent_id == "how_to_start" and "取りまとめ団体" in reply.text  # (was next year's figures not held)


@pytest.mark.parametrize(("question", "intent"), [
    # whether the casebook was made before (the first of its kind): were what the casebook is
    ("こういうALTの事例集って前からあった？", "casebook_published"), ("has MIC done an ALT casebook like this before?",
                                                               "casebook_published"),
    # the three roles as users count them (were "not sure" or the apology)
    ("What are the three roles in the JET Programme?", "alt_vs_cir"), ("JETの3ｼｮｸｼｭってなに？ALT以外に", "alt_vs_cir"),
    ("JETって世界的に見て大きいプログラムなの？", "size_total"),  # its size (was "not sure")
    ("JETの運営って結局どこがやってるの", "organisers"),  # 結局 ("after all") is no topic (was "not sure")
])
def test_words_users_count_and_compare_with_find_the_topic(repo_engine: Engine, question: str, intent: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.intent_id == intent and not reply.fallback


@pytest.mark.parametrize(("question", "intent"), [("三種類の連絡先を教えて", "contact_list"),
                                                  ("参考資料の3種類目は何？", "references_list")])
def test_three_of_something_else_is_not_the_three_roles(repo_engine: Engine, question: str, intent: str) -> None:
    assert ask(repo_engine, question).intent_id == intent  # (a reviewer's: 3種類 read as the roles)

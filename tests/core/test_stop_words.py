"""Words that carry no topic: a pronoun pointing back at what was said, 「〜の点で」 ("in terms of")."""
from __future__ import annotations

import pytest

from asking import after, ask
from bot.core.text import Analyzer
from bot.engine import Engine


@pytest.mark.parametrize(("question", "not_a_word"), [
    ("そこでALTについて何が書かれている？", "ソコ"),
    ("ここでいうネイティブスピーカーとは？", "此処"),
    ("規模の点でどんなプログラムですか", "点"),
    ("配置要望調査ってもう始まってる？", "モウ"),  # chat's fillers and adverbs
    ("えーとCIRの人数って何人だっけ", "エート"),
])
def test_pronouns_and_point_are_no_words_of_the_question(question: str, not_a_word: str) -> None:
    analysis = Analyzer([]).analyse(question)
    assert not_a_word not in analysis.terms


def test_there_in_a_follow_up_points_back_at_the_document_just_answered(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "そこでALTについて何が書かれている？", after("education_plan"))
    assert reply.intent_id == "education_plan" and "ALT配置" in reply.text


def test_in_terms_of_size_gets_the_notices_words_for_the_programmes_size(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "いつもお世話になっております。○○市秘書課の長谷川です。市長挨拶の原稿にJETプログラムのことを"
                             "入れたいのですが、通知ではJETプログラムが規模の点でどんなプログラムだと紹介されていますか。")
    assert not reply.fallback and "世界最大規模" in reply.text


@pytest.mark.parametrize(("question", "not_a_word"), [
    ("Why shouldn't the cost be a burden?", "shouldn"), ("It isn't clear", "isn"), ("We don't know", "don"),
])
def test_an_english_negation_is_no_word_of_the_question(question: str, not_a_word: str) -> None:
    assert not_a_word not in Analyzer([]).analyse(question).terms


def test_why_the_cost_should_not_burden_a_small_town_is_the_local_finance_measures(repo_engine: Engine) -> None:
    # 'shouldn' counted as a word the knowledge never uses: the question scored 40, 'not sure'
    reply = ask(repo_engine, "Why shouldn't the cost of hiring JET participants be a big burden for a small town?")
    assert reply.intent_id == "local_finance" and not reply.fallback


def test_the_ending_left_by_a_verb_read_as_a_synonym_is_no_word(repo_engine: Engine) -> None:
    # 受け入れていますか: 受け入れ is read as 導入, and ていますか was left as a word (テイ) that no intent uses
    reply = ask(repo_engine, "これまでに累計で何か国から参加者を受け入れていますか。")
    assert not reply.fallback and "78か国" in reply.text


def test_a_reaction_to_the_figures_just_given_still_follows_them(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "そんなにいるんですか？", after("size_total"))
    assert not reply.fallback and "77,000" in reply.text


def test_examples_you_can_share_asks_for_examples_not_a_share(repo_engine: Engine) -> None:
    # "share" alone is a share of a total (割合): the casebook's count again
    reply = ask(repo_engine, "Any examples you can share?", after("casebook_count"))
    assert reply.intent_id == "casebook_school_cases" and ("Kashiwazaki" in reply.text or "柏崎" in reply.text)

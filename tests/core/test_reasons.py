"""A why-question about a known topic is answered with the topic, not offered as a guess."""
from __future__ import annotations

import pytest

from asking import ask
from bot.core.render import plain_text
from bot.engine import Engine


@pytest.mark.parametrize(("question", "expected"), [
    # the topic's examples have no why-word: without the rescue these fell to "not sure"
    ("ALTは先生の助手なのに、どうして地域の国際交流にも関わるんですか", "国際交流活動"),
    ("JETを入れても自治体の負担が重くならないと言われるのはなぜ？", "地方財政措置"),
    ("どうして外務省がJETに関わっているの？", "外務省が海外での募集・選考"),  # its part in JET (not its card)
    # the policy that gives a CIR's reasons, asked of as the reason's source ('not sure' before its example)
    ("政府がCIRをもっと使ってほしい理由として、どんな仕事が挙げられているの？", "インバウンド"),
    ("CIR増員の予算要求資料を作っていまして、CIRの一層の活用が書かれている政府の方針の名前と閣議決定日を確認したいです。",
     "デジタル田園都市国家構想基本方針"),
])
def test_a_why_question_about_a_known_topic_gets_the_topic(repo_engine: Engine, question: str,
                                                           expected: str) -> None:
    reply = ask(repo_engine, question)
    assert not reply.fallback
    assert expected in plain_text(reply)


def test_a_why_question_about_nothing_known_is_still_not_answered(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "なぜ空は青いのですか")
    assert reply.fallback
    assert "お答えできません" in reply.text


def test_a_why_question_naming_a_role_gets_that_roles_reasons_not_the_notices_summary(
        repo_engine: Engine) -> None:
    reply = ask(repo_engine, "Why does the notice encourage municipalities to use SEAs?")
    assert reply.intent_id == "sea_role"
    assert "Tokyo Olympic" in reply.text


@pytest.mark.parametrize("question", ["Why is the government pushing for more ALTs in schools?", "なぜ学校にALTをもっと入れるべきなの？"])
def test_why_more_of_a_role_in_schools_is_that_roles_reasons(repo_engine: Engine, question: str) -> None:
    # pushing / more / schools kept the question from reading as 'why adopt ALTs': digiden policy, or 'not sure'
    assert ask(repo_engine, question).intent_id == "alt_why"


@pytest.mark.parametrize("question", ["Why?", "なぜ？", "理由は？"])
def test_a_lone_why_with_no_topic_gets_the_help_text_not_some_topics_reasons(repo_engine: Engine,
                                                                            question: str) -> None:
    reply = ask(repo_engine, question)
    assert reply.kind == "help" and reply.fallback and reply.intent_id == "help"


@pytest.mark.parametrize(("question", "reason"), [
    ("Why should a town consider hiring a CIR?", "Digital Garden City"),  # not the steps to start
    ("なぜCIRを導入すべき？", "デジタル田園都市国家構想"),
    ("Why hire an SEA?", "Olympic"),
    ("CIRを置く利点は？", "デジタル田園都市国家構想"),  # 利点, メリット, benefits: what the reasons are for
    ("ALTを採用するメリットは？", "学習指導要領"),
    # the notice calling for a role (通知, 今回, 呼びかける) is no other topic than the role's reasons
    ("いつもありがとうございます。○○市スポーツ振興課の伊藤と申します。当課ではスポーツ国際交流員（SEA）の受け入れに"
     "関心を持っております。今回の通知では、SEAについてどのような経緯で活用が呼びかけられているのでしょうか。", "東京オリンピック"),
    ("Why does the notice call for CIRs?", "Digital Garden City"),
    # the ministry named is who asks for the role, not the topic (not its contact card)
    ("総務省はなぜCIRをもっと使ってほしいと言っているのですか", "デジタル田園都市国家構想"),
    ("文科省はなぜALTの配置を進めているの？", "教育振興基本計画"),
    ("文科省はなぜALTをもっと増やしてほしいと言うの？", "教育振興基本計画"),
    ("なぜ文科省はALTを重視するの？", "教育振興基本計画"),
])
def test_why_a_town_should_adopt_a_role_gets_that_roles_reasons(repo_engine: Engine, question: str,
                                                                 reason: str) -> None:
    reply = ask(repo_engine, question)
    assert not reply.fallback and reason in reply.text


def test_benefits_an_alt_gets_are_not_the_reasons_for_alts(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "What benefits do ALTs get?")  # perks (housing, insurance), not why ALTs
    assert reply.intent_id != "alt_why"
    assert ask(repo_engine, "What are the advantages of hiring an ALT?").intent_id == "alt_why"


def test_a_workload_lightened_is_no_question_about_local_finance(repo_engine: Engine) -> None:
    assert ask(repo_engine, "ALTの業務負担を軽減するには？").intent_id != "local_finance"


@pytest.mark.parametrize(("question", "intent"), [("文科省がALT配置を進めたがってる理由ってなに？", "alt_why"),
                                                  ("why is the notice suddenly talking up SEAs?", "sea_role")])
def test_why_an_office_or_the_notice_pushes_a_role_is_the_roles_reasons(repo_engine: Engine, question: str,
                                                                        intent: str) -> None:
    assert ask(repo_engine, question).intent_id == intent  # (were MEXT's card; "not sure")

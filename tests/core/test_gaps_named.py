"""An attachment, a plan's edition, a school level or a place the knowledge lacks, as the question names it."""
from __future__ import annotations

from asking import ask
from bot.core.gap_patterns import edition_missing, place_counted, school_level_counted
from bot.core.gaps_named import named_missing
from bot.core.orthography import clean
from bot.engine import Engine

CITED = [("第4期教育振興基本計画（令和5年6月16日閣議決定）には…", "The 4th Basic Plan for the Promotion of Education (…)")]


def test_an_edition_not_cited_is_named_with_the_one_cited_in_both_languages() -> None:
    assert edition_missing("第5期教育振興基本計画では？", str, lambda: CITED) == (
        "第5期教育振興基本計画", "第4期教育振興基本計画",
        "5th Basic Plan for the Promotion of Education", "4th Basic Plan for the Promotion of Education")
    assert edition_missing("the third basic plan?", str, lambda: CITED)[2].startswith("3rd Basic Plan")


def test_the_edition_cited_or_another_plan_is_no_gap() -> None:
    assert edition_missing("第4期教育振興基本計画では？", str, lambda: CITED) is None
    assert edition_missing("第6期科学技術基本計画とJET", str, lambda: CITED) is None  # another plan
    # an edition alone is of the plan the conversation (or the answer found) names
    assert edition_missing("第5期は？", lambda: "デジタル田園都市国家構想基本方針 第5期は？", lambda: CITED) is None
    assert edition_missing("第5期は？", lambda: "第4期教育振興基本計画 第5期は？", lambda: CITED) is not None


def test_a_school_level_is_asked_of_a_count_or_a_share_only() -> None:
    assert school_level_counted("中学校のaltは何人?") == "中学校"
    assert school_level_counted("高校に配置されているaltの割合は?") == "高校"
    assert school_level_counted("小学校でaltは何をするの?") is None  # no count asked
    assert school_level_counted("中学校に何人配置するにはどうすればいい?") is None  # how to act


def test_the_figures_offered_for_a_school_level_stay_the_topic(repo_engine: Engine) -> None:
    kb = repo_engine.kb
    text = clean("中学校のALTは何人？")
    kind, detail, figures = named_missing(kb, text, text, kb.matcher.rank(kb.matcher.analyse(text)),
                                          kb.matcher.analyse(text))
    assert (kind, detail) == ("breakdown", ("中学校", "")) and figures[0] in kb.figure_years
    assert named_missing(kb, clean("ALTの人数は？"), "ALTの人数は？", [], kb.matcher.analyse("ALTの人数は？")) is None


def test_a_place_is_asked_of_a_count_or_a_share_only() -> None:
    assert place_counted("東京都には何人のcirがいますか") == "東京都"
    assert place_counted("how many cirs work in tokyo?") == "tokyo"
    assert place_counted("愛知県のaltの割合は?") == "愛知県"
    assert place_counted("how many seas since the tokyo olympics?") is None  # the Games, no place counted
    assert place_counted("富山県のaltは何人?") is None  # a casebook town's prefecture: its case is offered
    assert place_counted("東京都のaltはどこで働くの?") is None  # no count asked


def test_a_count_of_a_place_is_said_not_held_the_figures_offered(repo_engine: Engine) -> None:
    for question, said in (("How many CIRs work in Tokyo?", "Numbers by place (Tokyo)"),
                           ("愛知県のALTの割合は？", "愛知県など地域ごとの数")):  # (were: 2023's figures, a share)
        reply = ask(repo_engine, question)
        assert reply.fallback and reply.text.startswith(said) and "468" not in reply.text and "%" not in reply.text
        assert reply.suggestions and reply.suggestions[0].intent_id in repo_engine.kb.figure_years

"""Japanese-aware preparation: width, kana, politeness and synonyms do not change the meaning."""
from __future__ import annotations

import pytest

from bot.core.text import Analyzer


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer([["総務省", "MIC", "そうむしょう"], ["外国語指導助手", "ALT"], ["スポーツ国際交流員", "SEA"]])


def test_full_and_half_width_are_the_same(analyzer: Analyzer) -> None:
    assert analyzer.analyse("ＪＥＴプログラム").terms == analyzer.analyse("JETプログラム").terms


def test_polite_phrasing_is_dropped(analyzer: Analyzer) -> None:
    polite = analyzer.analyse("総務省の連絡先を教えていただけますでしょうか")
    casual = analyzer.analyse("総務省の連絡先")
    assert set(polite.terms) == set(casual.terms)


def test_synonyms_map_to_one_word_in_any_script(analyzer: Analyzer) -> None:
    for variant in ("MIC", "ｍｉｃ", "そうむしょう", "ソウムショウ"):
        assert "総務省" in analyzer.analyse(f"{variant}の電話").terms, variant


def test_latin_synonym_does_not_fire_inside_a_word(analyzer: Analyzer) -> None:
    assert "スポーツ国際交流員" not in analyzer.analyse("overseas research").terms
    assert "スポーツ国際交流員" in analyzer.analyse("what does a SEA do").terms


def test_kana_only_question_shares_readings_with_kanji(analyzer: Analyzer) -> None:
    kana = set(analyzer.analyse("でんわばんごう").grams)
    kanji = set(analyzer.analyse("電話番号").grams)
    assert kana & kanji


def test_particles_and_auxiliaries_are_not_words(analyzer: Analyzer) -> None:
    terms = analyzer.analyse("ALTを受け入れたいのですが").terms
    assert "を" not in terms and "たい" not in terms and "です" not in terms


@pytest.mark.parametrize("text", ["", "   ", "🙂🙂", "？？？", "\x00\x01", "\ud800", "a\u202eb", "é" * 50, "x" * 100_000])
def test_odd_input_never_raises(analyzer: Analyzer, text: str) -> None:
    result = analyzer.analyse(text)
    assert len(result.normalized) <= 5000


def test_a_question_typed_in_kana_alone_reaches_the_encoder_with_its_known_words_written_out() -> None:
    analyzer = Analyzer([["ALT", "外国語指導助手", "えーえるてぃー"], ["headcount", "人数", "なんにん"]])
    assert analyzer.analyse("えーえるてぃーってなに").original == "altってなに"
    assert analyzer.analyse("えーえるてぃーはなんにん").original == "altは人数"  # internal tokens stay inside
    assert analyzer.analyse("ALTってなに").original == "altってなに"
    assert analyzer.analyse("外国語指導助手はなんにん？").original == "外国語指導助手はなんにん?"  # not kana alone


@pytest.mark.parametrize("question", ["What does the notice say about CIRs?", "according to the notice, what is a CIR"])
def test_an_english_frame_naming_the_notice_is_not_the_topic(analyzer: Analyzer, question: str) -> None:
    assert analyzer.analyse(question).terms == ("cir",)
    assert "notic" in analyzer.analyse("What is the notice about?").terms  # the notice itself asked about


def test_a_small_kana_is_not_the_full_one_of_a_synonym() -> None:
    analyzer = Analyzer([["いつ", "いつ頃"], ["JET", "ジェット"]])
    assert analyzer.analyse("どういった位置づけの方なのか").synonyms_applied == ()  # いっ is not いつ
    assert analyzer.analyse("締切はいつですか").synonyms_applied == (("いつ", "いつ"),)
    assert analyzer.analyse("じえっとって何").synonyms_applied  # a full kana typed for a small one still counts


def test_humble_verbs_of_a_staff_message_are_not_topic_words(analyzer: Analyzer) -> None:
    humble = analyzer.analyse("配置を検討しておりますが、どのような形がよろしいでしょうか")
    plain = analyzer.analyse("配置を検討。どのような形")
    assert set(humble.terms) == set(plain.terms)  # おる, よろしい weigh nothing


def test_which_one_is_a_question_word_not_a_topic(analyzer: Analyzer) -> None:
    assert set(analyzer.analyse("どちらの総務省").terms) == set(analyzer.analyse("総務省").terms)
    assert set(analyzer.analyse("こういう総務省").terms) == set(analyzer.analyse("総務省").terms)


def test_words_that_only_frame_a_question_are_not_topics(analyzer: Analyzer) -> None:
    assert set(analyzer.analyse("そもそも総務省とは").terms) == set(analyzer.analyse("総務省とは").terms)
    assert set(analyzer.analyse("general questions at MIC").terms) == set(analyzer.analyse("MIC").terms)
    assert set(analyzer.analyse("what does MIC usually do").terms) == set(analyzer.analyse("what does MIC do").terms)
    # 際 (…する際の) says when, like 時: no topic of its own
    assert set(analyzer.analyse("受け入れる際の手引き").terms) == set(analyzer.analyse("受け入れる手引き").terms)
    units = {word: factor for word, factor, _ in analyzer.analyse("ご存じでしたら教えてください").units}
    assert not units  # ご存じ: a polite verb


def test_the_vocabulary_of_polite_letters_counts_little_when_the_knowledge_does_not_use_it(analyzer: Analyzer) -> None:
    units = {word: factor for word, factor, _ in analyzer.analyse("先般の資料が手元になくご教示いただけますと幸いです").units}
    assert units["先般"] == units["手元"] == units["教示"] == 0.2
    assert {word: factor for word, factor, _ in analyzer.analyse("札幌の事例").units}["札幌"] == 1.0  # a place still counts


def test_who_asked_the_staff_member_is_background_not_topic(analyzer: Analyzer) -> None:
    units = {word: factor for word, factor, _ in analyzer.analyse("市長から1枚にまとめるよう指示を受けました").units}
    assert units["市長"] == units["指示"] == 0.2


def test_a_committee_is_not_the_role_whose_name_it_contains(repo_engine) -> None:
    matcher = repo_engine.kb.matcher
    assert "cir" in matcher.analyse("国際交流委員の任期").terms  # the common slip for 国際交流員
    assert "cir" not in matcher.analyse("市の国際交流委員会に相談したい").terms


def test_a_sentence_read_before_inside_a_longer_message_reads_as_on_its_own() -> None:
    groups = [["総務省", "MIC"], ["外国語指導助手", "ALT"]]
    fresh, used = Analyzer(groups), Analyzer(groups)
    used.analyse("ALTの任用について。総務省の窓口はどこですか。")
    for text in ("総務省の窓口はどこですか。", "ALTの任用について", "ALTの任用について。総務省の窓口はどこですか。"):
        assert used.analyse(text) == fresh.analyse(text)


def test_the_forms_that_stand_for_a_word_include_its_reading() -> None:
    analyzer = Analyzer([["CIR", "国際交流員", "Coordinator for International Relations"]])
    forms = analyzer.variants("cir")
    assert {"cir", "国際交流員", "coordinator for international relations"} <= set(forms)
    assert "コクサイコウリユウイン" in forms and analyzer.variants("alt") == ()


def test_every_reading_of_a_kanji_is_known(analyzer: Analyzer) -> None:
    assert {"セツ", "フシ"} <= analyzer.sounds("節") and "セツ" in analyzer.sounds("設")

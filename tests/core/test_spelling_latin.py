"""Slips in Latin letters are read as the knowledge's word; real words and known abbreviations stay."""
from __future__ import annotations

from bot.core.spelling_latin import english_slips, swapped_abbreviations

WORDS = ("coordinator", "costs", "language", "sports")


def test_a_dropped_or_swapped_letter_is_read_as_the_known_word() -> None:
    text = "cordinator for langauge"
    assert [(text[s:e], w) for s, e, w in english_slips(text, WORDS, frozenset(WORDS), lambda w: False)] == [
        ("cordinator", "coordinator"), ("langauge", "language")]


def test_another_first_letter_or_a_word_the_analyser_knows_is_no_slip() -> None:
    assert english_slips("which prefecture hosts most", WORDS, frozenset(WORDS), lambda w: False) == []
    assert english_slips("sport costs", WORDS, frozenset(WORDS), lambda w: w == "sport") == []


def test_an_abbreviation_with_two_letters_swapped() -> None:
    assert swapped_abbreviations("How many CRIs and ATLs? Ask MEXT", frozenset({"CIR", "ALT", "MEXT"})) == [
        ("cri", "cir"), ("atl", "alt")]


def test_a_shorter_word_is_reached_only_by_a_doubled_letter() -> None:
    words = ("hard", "role")
    assert english_slips("the rolle of an alt", words, frozenset(words), lambda w: False) == [(4, 9, "role")]
    assert english_slips("i heard about it", words, frozenset(words), lambda w: False) == []


def test_a_common_english_word_is_no_slip_of_a_word_the_knowledge_uses() -> None:
    words = ["three", "contract"]
    assert english_slips("are there any participants", words, frozenset(words), lambda w: False) == []  # (was 'three')
    assert english_slips("the contarct", words, frozenset(words), lambda w: False) == [(4, 12, "contract")]


def test_swapped_letters_in_lower_case_among_japanese_words() -> None:
    assert swapped_abbreviations("criの仕事内容", frozenset({"CIR"})) == [("cri", "cir")]
    assert swapped_abbreviations("the cri of a bird", frozenset({"CIR"})) == []  # (English alone: upper case only)


def test_a_real_abbreviation_one_swap_from_another_is_no_slip() -> None:
    assert swapped_abbreviations("altとjteの違い", frozenset({"ALT", "JET"})) == []
    assert swapped_abbreviations("ALTとJTEの違い", frozenset({"ALT", "JET"})) == []

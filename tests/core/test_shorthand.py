"""Slack shorthand is spelled out before the knowledge's words are looked for; addresses and codes are not."""
import pytest

from bot.core.shorthand import spelled_out


@pytest.mark.parametrize(("typed", "meant"), [
    ("cir req jp lvl", "cir requirement japanese level"),
    ("fy19 figs src url", "fy19 figures source url"),
    ("list of them w contacts", "list of them with contacts"),
    ("prefs asked to do wht", "prefectures asked to do what"),
    ("ur take - more alts or more cirs", "your take - more alts or more cirs"),
    ("eng org names", "english organisation names"),
    ("which fy is it for", "which fiscal year is it for"),  # (dev212: was the survey's route again)
])
def test_shorthand_becomes_the_words_it_stands_for(typed: str, meant: str) -> None:
    assert spelled_out(typed) == meant


@pytest.mark.parametrize("text", ["josui@mext.go.jp", "kokusai@soumu.go.jp whose?", "the u.s. count", "english",
                                  "どこでdl？", "tel/mail", "ref3", "fy2019 figures"])
def test_addresses_words_and_a_synonyms_own_short_forms_are_left_as_written(text: str) -> None:
    assert spelled_out(text) == text

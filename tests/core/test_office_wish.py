"""An office's wish said in a self-introduction is the topic of 「どうすればいい？」, or the question when said alone."""
import pytest

from bot.core.office_wish import is_wish, with_wish


@pytest.mark.parametrize("introduction", ["ALTを入れたい市です", "CIRの導入を検討している町です",
                                          "JETを活用したいと考えている村です"])
def test_an_office_wanting_something_is_a_wish(introduction: str) -> None:
    assert is_wish(introduction)


@pytest.mark.parametrize("introduction", ["ALTを減らしたい町です", "○○市国際課の田中です",
                                          "ALTを減らすことを検討している町です"])
def test_an_office_reducing_or_only_naming_itself_has_no_wish(introduction: str) -> None:
    assert not is_wish(introduction)


def test_a_wish_to_take_jet_on_asks_how_to_start() -> None:
    assert with_wish("ALTを入れたい市です", []) == ["ALTを入れたい市です", "導入や増員をするにはどうすればいい？"]
    assert with_wish("ALTを入れたい市です", ["どうすればいい？"])[-1] == "導入や増員をするにはどうすればいい？"


def test_a_wish_to_know_something_is_its_question() -> None:
    assert with_wish("ALTの人数を知りたい市です", []) == ["ALTの人数を知りたい"]


def test_a_question_of_its_own_is_kept_as_asked() -> None:
    assert with_wish("ALTを入れたい市です", ["CLAIRへの要望はどういうルートで？"]) == ["CLAIRへの要望はどういうルートで？"]

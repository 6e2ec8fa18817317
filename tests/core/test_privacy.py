"""Masking of personal data before storage, and pseudonymous user ids."""
from __future__ import annotations

import pytest

from bot.core.privacy import mask_personal_data, pseudonym


@pytest.mark.parametrize("text, expected", [
    ("03-1234-5678に電話しました", "[電話番号]に電話しました"),
    ("携帯 090-1234-5678 です", "携帯 [電話番号] です"),
    ("0312345678まで", "[電話番号]まで"),
    ("09012345678", "[電話番号]"),
    ("(03)1234-5678", "[電話番号]"),
    ("0120-123-456", "[電話番号]"),
    ("+81 3 1234 5678", "[電話番号]"),
    ("+81-90-1234-5678", "[電話番号]"),
    ("+81(0)3-1234-5678", "[電話番号]"),
    ("０９０－１２３４－５６７８", "[電話番号]"),          # full-width digits and hyphens
    ("０３ー１２３４ー５６７８", "[電話番号]"),             # long-vowel mark typed as a hyphen
    ("03-1234-5678 と 090-1234-5678", "[電話番号] と [電話番号]"),
])
def test_phone_numbers_are_masked(text: str, expected: str) -> None:
    assert mask_personal_data(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("taro.yamada+jet@soumu.go.jp に送りました", "[メール] に送りました"),
    ("メールはhanako@example.co.jpです", "メールは[メール]です"),
    ("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", "[メール]"),
])
def test_email_addresses_are_masked(text: str, expected: str) -> None:
    assert mask_personal_data(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("マイナンバーは123456789012です", "マイナンバーは[個人番号]です"),
    ("番号 1234-5678-9012", "番号 [個人番号]"),
    ("１２３４　５６７８　９０１２", "[個人番号]"),
])
def test_individual_numbers_are_masked(text: str, expected: str) -> None:
    assert mask_personal_data(text) == expected


@pytest.mark.parametrize("text", [
    "2024-04-01に着任します",
    "〒100-8926 東京都千代田区",
    "予算は1,000,000円、定員は120名",
    "令和6年度のJETプログラム",
    "1234567890123 (13桁の番号)",
])
def test_ordinary_numbers_are_kept(text: str) -> None:
    import unicodedata

    assert mask_personal_data(text) == unicodedata.normalize("NFKC", text)


def test_pseudonym_is_keyed_and_stable() -> None:
    user = "U4af4980629d1c2b3e5f60718293a4b5c"
    one = pseudonym(user, "secret", "line")
    assert one == pseudonym(user, "secret", "line")
    assert one != pseudonym(user, "other secret", "line")
    assert one != pseudonym(user, "secret", "slack")
    assert user not in one and len(one) == 32

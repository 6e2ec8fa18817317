"""Everyday words are read as the knowledge's own; a text with none is left as it is."""
from bot.core.everyday_words import in_the_knowledges_words


def test_everyday_words_become_the_knowledges_own() -> None:
    assert in_the_knowledges_words("総務省の担当の人は？") == "総務省の担当者は？"
    assert in_the_knowledges_words("参資3 何") == "参考資料3 何"
    assert in_the_knowledges_words("sea 8人") == "sea 8人"  # (nothing everyday: unchanged)

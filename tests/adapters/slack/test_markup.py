"""Slack markup: what people type in Slack, as plain text."""
from __future__ import annotations

import pytest

from adapters.slack.markup import to_plain


@pytest.mark.parametrize("raw, plain", [
    ("<@U123> 回答です", "回答です"),
    ("詳細は<https://example.jp/a?b=1&amp;c=2|こちら>", "詳細はこちら（https://example.jp/a?b=1&c=2）"),
    ("<https://example.jp>", "https://example.jp"),
    ("<mailto:a@example.jp|a@example.jp> まで", "a@example.jp まで"),
    ("<!here> 1 &lt; 2\n  <#C1|jet> を参照", "1 < 2\n#jet を参照"),
])
def test_thread_reply_markup_is_undone(raw: str, plain: str) -> None:
    assert to_plain(raw, all_mentions=True, link_urls=True, keep_lines=True) == plain


def test_unclosed_brackets_before_a_link_stay_as_typed() -> None:
    # (a link's text stops at the next "<": the old pattern took the brackets into the link, and read a text of
    # many unclosed "<" in quadratic time, which a property test found holding a worker for minutes)
    assert to_plain("<<<<<<https://x.jp|the page>") == "<<<<<the page"
    assert to_plain("<" * 50_000 + "<@U1>") == "<" * 50_000

"""Pure Slack translation: events in, Block Kit out (adapters/slack.py)."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from bot.core.limits import SLACK_BLOCKS, SLACK_BUTTON_LABEL, SLACK_SECTION
from adapters.slack.markup import to_plain
from adapters.slack.blocks import (action_target, action_to_message, event_to_message, reply_target, reply_to_blocks)
from bot.core.types import Contact, Link, Reply, Suggestion

BOT = "UBOT0001"


def mention(text: str, **extra: object) -> dict:
    return {"type": "app_mention", "user": "U1", "text": text, "ts": "1.000100", "channel": "C1", **extra}


def dm(text: str, **extra: object) -> dict:
    return {"type": "message", "channel_type": "im", "user": "U1", "text": text, "ts": "2.000200",
            "channel": "D1", **extra}


# --- events -> IncomingMessage -------------------------------------------------------------

def test_app_mention_strips_the_bot_mention_and_keys_the_thread() -> None:
    message = event_to_message(mention(f"<@{BOT}> 総務省の電話番号は？"), BOT)
    assert message is not None
    assert (message.text, message.channel, message.user_id) == ("総務省の電話番号は？", "slack", "U1")
    assert message.conversation_id == "C1:1.000100"
    assert message.choice is None


def test_mention_with_display_name_in_the_middle_and_other_users_kept() -> None:
    message = event_to_message(mention(f"<@U777> さんの質問です <@{BOT}|jetbot> 参加者数"), BOT)
    assert message is not None and message.text == "@U777 さんの質問です 参加者数"


def test_unknown_bot_id_removes_every_user_mention() -> None:
    message = event_to_message(mention(f"<@{BOT}> 参加者数"))
    assert message is not None and message.text == "参加者数"


def test_mention_in_a_thread_keeps_that_thread() -> None:
    event = mention(f"<@{BOT}> 続き", thread_ts="0.5")
    assert reply_target(event) == ("C1", "0.5")
    assert event_to_message(event, BOT).conversation_id == "C1:0.5"  # type: ignore[union-attr]
    assert reply_target(mention("x")) == ("C1", "1.000100")


def test_direct_message_is_answered_in_the_dm() -> None:
    message = event_to_message(dm("参加者数 &amp; 費用 &lt;概要&gt;"), BOT)
    assert message is not None
    assert message.text == "参加者数 & 費用 <概要>"
    assert message.conversation_id == "D1"
    assert reply_target(dm("x")) == ("D1", None)
    assert reply_target(dm("x", thread_ts="1.5")) == ("D1", "1.5")


def test_slack_markup_in_questions_is_undone() -> None:
    text = "<https://example.jp/a|資料> と <https://example.jp/b> <#C123|jet> <!here> 費用"
    assert to_plain(text, BOT) == "資料 と https://example.jp/b #jet 費用"


@pytest.mark.parametrize("event", [
    dm("hello", bot_id="B1", subtype="bot_message"),                 # bot message with subtype
    dm("hello", bot_id="B1"),                                        # bot message without subtype
    mention(f"<@{BOT}> hello", bot_id="B1"),                         # another bot mentioning us
    dm("hello", subtype="message_changed"),
    dm("hello", subtype="message_deleted"),
    dm("hello", subtype="channel_join"),
    dm("hello", subtype="file_share"),
    {**dm("hello"), "channel_type": "channel"},                      # channel chatter, no mention
    {**dm("hello"), "channel_type": "mpim"},
    {"type": "reaction_added", "user": "U1", "reaction": "+1"},
    {**dm("hello"), "user": None},
    {"type": "message", "subtype": "message_changed", "channel_type": "im", "channel": "D1",
     "message": {"user": "U1", "text": "edited"}},
])
def test_ignored_events(event: dict) -> None:
    assert event_to_message(event, BOT) is None


def test_button_click_becomes_a_choice_in_the_same_thread() -> None:
    body = {"user": {"id": "U9"}, "channel": {"id": "C1"},
            "container": {"type": "message", "channel_id": "C1", "thread_ts": "1.1", "is_ephemeral": False},
            "message": {"ts": "1.2", "thread_ts": "1.1"}, "response_url": "https://hooks/x"}
    action = {"action_id": "jetbot_suggest_1", "value": "programme_size",
              "text": {"type": "plain_text", "text": "JETの参加者数"}}
    message = action_to_message(body, action)
    assert (message.choice, message.text, message.user_id) == ("programme_size", "JETの参加者数", "U9")
    assert message.conversation_id == "C1:1.1"
    assert action_target(body) == ("C1", "1.1", None)
    ephemeral = {**body, "container": {"channel_id": "C1", "is_ephemeral": True}, "message": None}
    assert action_target(ephemeral) == ("C1", None, "https://hooks/x")


# --- Reply -> blocks ------------------------------------------------------------------------

FULL = Reply(
    text="総務省の窓口です。\n比較は a < b & c > d です。",
    language="ja", intent_id="contact_mic",
    links=(Link("事例集 <全体版> & 概要", "https://www.soumu.go.jp/x.html?a=1&b=2"),),
    contacts=(Contact("mic", "総務省自治行政局国際室", "03-5253-5527", "kokusai@soumu.go.jp"),),
    suggestions=(Suggestion("JETの参加者数", "programme_size"), Suggestion("x" * 120, "long_label")),
    source="出典: 通知「JET」",
)


def test_full_reply_renders_every_part() -> None:
    text, blocks = reply_to_blocks(FULL)
    assert text == "総務省の窓口です。\n比較は a &lt; b &amp; c &gt; d です。"
    kinds = [b["type"] for b in blocks]
    assert kinds == ["section", "section", "section", "context", "actions"]
    assert blocks[0]["text"] == {"type": "mrkdwn", "text": text}
    assert blocks[1]["text"]["text"] == (
        "*参考*\n• <https://www.soumu.go.jp/x.html?a=1&amp;b=2|事例集 &lt;全体版&gt; &amp; 概要>")
    assert blocks[2]["text"]["text"] == (
        "*問い合わせ先: 総務省自治行政局国際室*\n電話: 03-5253-5527\n"
        "メール: <mailto:kokusai@soumu.go.jp|kokusai@soumu.go.jp>")
    assert blocks[3]["elements"] == [{"type": "mrkdwn", "text": "出典: 通知「JET」"}]
    buttons = blocks[4]["elements"]
    assert [(b["action_id"], b["value"]) for b in buttons] == [
        ("jetbot_suggest_0", "programme_size"), ("jetbot_suggest_1", "long_label")]
    assert buttons[0]["text"] == {"type": "plain_text", "text": "JETの参加者数", "emoji": True}
    assert len(buttons[1]["text"]["text"]) == SLACK_BUTTON_LABEL and buttons[1]["text"]["text"].endswith("…")


def test_english_reply_uses_english_labels_and_names() -> None:
    reply = Reply(text="The MIC contact.", language="en",
                  contacts=(Contact("mic", "総務省", "03-1", None, name_en="MIC"),),
                  links=(Link("Casebook", "https://e.jp"),))
    _, blocks = reply_to_blocks(reply)
    assert blocks[1]["text"]["text"] == "*References*\n• <https://e.jp|Casebook>"
    assert blocks[2]["text"]["text"] == "*Contact: MIC*\nPhone: 03-1"


def test_mentions_and_broadcasts_in_answers_are_neutralised() -> None:
    text, blocks = reply_to_blocks(Reply(text="<!channel> <@U999> &"))
    assert text == blocks[0]["text"]["text"] == "&lt;!channel&gt; &lt;@U999&gt; &amp;"


def test_long_answer_is_split_into_sections_on_line_breaks() -> None:
    line = "あ" * 1000
    _, blocks = reply_to_blocks(Reply(text="\n".join([line] * 7)))
    assert [len(b["text"]["text"]) for b in blocks] == [2001, 2001, 2001, 1000]


def test_huge_answer_is_cut_to_fifty_blocks_with_an_ellipsis() -> None:
    text, blocks = reply_to_blocks(Reply(text="&" * 400_000, suggestions=(Suggestion("a", "b"),)))
    assert len(blocks) == SLACK_BLOCKS
    assert blocks[-1]["type"] == "actions"
    assert blocks[-2]["text"]["text"].endswith("&amp;…")
    assert all(len(b["text"]["text"]) <= SLACK_SECTION for b in blocks[:-1])
    assert len(text) <= SLACK_SECTION and text.endswith("&amp;…")


def test_many_suggestions_stay_within_one_actions_block() -> None:
    reply = Reply(text="q", suggestions=tuple(Suggestion(f"s{n}", f"i{n}") for n in range(40)))
    _, blocks = reply_to_blocks(reply)
    assert len(blocks[-1]["elements"]) == 25


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from("あ a&<>\n*_~|`") | st.characters(), max_size=9000),
       st.lists(st.text(min_size=1, max_size=200), max_size=8))
def test_any_reply_respects_slack_limits(text: str, labels: list[str]) -> None:
    reply = Reply(text=text, suggestions=tuple(Suggestion(l, f"i{n}") for n, l in enumerate(labels)),
                  links=(Link(text[:50], "https://e.jp/?q=" + text[:20]),), source=text[:100] or None)
    fallback, blocks = reply_to_blocks(reply)
    assert fallback and len(fallback) <= SLACK_SECTION
    assert len(blocks) <= SLACK_BLOCKS
    for block in blocks:
        if block["type"] == "section":
            assert 0 < len(block["text"]["text"]) <= SLACK_SECTION
        if block["type"] == "actions":
            assert all(0 < len(b["text"]["text"]) <= SLACK_BUTTON_LABEL for b in block["elements"])
    sections = [b["text"]["text"] for b in blocks if b["type"] == "section" and not
                b["text"]["text"].startswith("*参考*")]
    for section in sections:
        assert "<" not in section and ">" not in section
        assert not re.search(r"&(?!amp;|lt;|gt;)", section)
    squeezed = "".join(_unescape(s) for s in sections)
    assert re.sub(r"\s", "", squeezed) == re.sub(r"\s", "", text)

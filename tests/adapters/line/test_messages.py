"""How a reply looks in LINE: text within limits, links written out, quick replies, contact cards."""
from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
from hypothesis import given, settings, strategies as st
from linebot.v3.messaging import Message

from adapters.line.messages import contact_card, quick_reply, reply_to_messages, split_text, tel_uri, utf16_len
from bot.core.limits import LINE_QUICK_REPLIES, LINE_TEXT_UNITS
from bot.core.types import Action, Contact, Link, Reply, Suggestion

MIC = Contact(id="mic", name="総務省自治行政局国際室", phone="03-5253-5527",
              email="kokusai@soumu.go.jp", name_en="International Affairs Office, MIC")
CLAIR = Contact(id="clair", name="自治体国際化協会JET事業部", phone="03-5213-1729")


def as_json(reply: Reply) -> list[dict]:
    """The messages as sent to the API, checked against the SDK: its models read each one and write it
    back the same, key for key and in the same order (the JSON the SDK's own request would carry)."""
    messages = reply_to_messages(reply)
    assert json.dumps([Message.from_dict(m).to_dict() for m in messages]) == json.dumps(messages)
    return messages


def as_sdk_json(message: dict) -> dict:
    """``message`` once the SDK's models have read and written it (unchanged, see :func:`as_json`)."""
    assert json.dumps(Message.from_dict(message).to_dict()) == json.dumps(message)
    return message


def no_space(text: str) -> str:
    return re.sub(r"\s", "", text)


def test_short_answer_is_one_text_with_links_and_source_written_out():
    reply = Reply(text="JET-ALTの活動事例集は総務省のページで公開されています。",
                  links=(Link("JET-ALT活動事例集（全体版）",
                              "https://www.soumu.go.jp/kokusai/kouryu_JET.html"),),
                  source="出典: 通知「JETプログラムの一層の活用について（通知）」")
    [message] = as_json(reply)
    assert message["type"] == "text"
    assert message["text"] == (
        "JET-ALTの活動事例集は総務省のページで公開されています。\n\n"
        "出典: 通知「JETプログラムの一層の活用について（通知）」\n\n"
        "【関連リンク】\n"
        "JET-ALT活動事例集（全体版）\nhttps://www.soumu.go.jp/kokusai/kouryu_JET.html")
    assert "quickReply" not in message


def test_long_answer_is_split_at_paragraphs_within_5000_utf16_units():
    paragraphs = [f"第{i}段落。" + "交付税措置について説明します。" * 60 for i in range(12)]
    messages = as_json(Reply(text="\n\n".join(paragraphs)))
    assert 2 <= len(messages) <= 5
    assert all(utf16_len(m["text"]) <= LINE_TEXT_UNITS for m in messages)
    assert all(m["text"].endswith("説明します。") for m in messages)  # no paragraph cut in half
    assert no_space("".join(m["text"] for m in messages)) == no_space("".join(paragraphs))


def test_long_line_without_breaks_is_cut_between_characters_never_inside_a_surrogate_pair():
    text = "あ" + "😀" * 4000  # 8,001 UTF-16 units, no line break anywhere
    messages = as_json(Reply(text=text))
    assert [utf16_len(m["text"]) for m in messages] == [4999, 3002]
    assert "".join(m["text"] for m in messages) == text
    for m in messages:
        m["text"].encode("utf-16-le")  # a lone surrogate would raise here


def test_answer_too_long_for_five_messages_is_shortened_with_a_marker():
    text = "\n".join("ALTの配置に関する説明です。" * 20 for _ in range(200))
    messages = as_json(Reply(text=text))
    assert len(messages) == 5
    assert all(utf16_len(m["text"]) <= LINE_TEXT_UNITS for m in messages)
    assert messages[-1]["text"].endswith("…（長いため以下省略）")


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("あ亜a 。\n😀𠮷")), max_size=400),
       limit=st.integers(min_value=20, max_value=60), max_parts=st.integers(1, 5))
def test_split_text_respects_limits_for_any_text(text, limit, max_parts):
    parts = split_text(text, limit=limit, max_parts=max_parts, more="…")
    assert len(parts) <= max_parts
    assert all(0 < utf16_len(p) <= limit and p.strip() for p in parts)
    for p in parts:
        p.encode("utf-16-le")
    if not (parts and parts[-1].endswith("…")):  # not shortened
        assert no_space("".join(parts)) == no_space(text)  # nothing lost or reordered


def test_suggestions_become_postback_quick_replies_on_the_last_message():
    reply = Reply(text="総務省の窓口は総務省自治行政局国際室です。", contacts=(MIC,),
                  suggestions=(Suggestion("ALT配置の財政措置", "financial_support"),
                               Suggestion("JET-ALT活動事例集", "casebook")))
    messages = as_json(reply)
    assert [m["type"] for m in messages] == ["text", "flex"]
    assert "quickReply" not in messages[0]
    assert messages[-1]["quickReply"]["items"] == [
        {"type": "action", "action": {"type": "postback", "label": "ALT配置の財政措置",
                                      "data": "intent=financial_support",
                                      "displayText": "ALT配置の財政措置"}},
        {"type": "action", "action": {"type": "postback", "label": "JET-ALT活動事例集",
                                      "data": "intent=casebook",
                                      "displayText": "JET-ALT活動事例集"}},
    ]


def test_quick_replies_are_capped_at_13_with_labels_of_20_characters():
    long_label = "地方財政措置と普通交付税の算定方法について詳しく"  # 24 characters
    suggestions = tuple(Suggestion(f"{long_label}{i}", f"topic_{i}") for i in range(15))
    [message] = as_json(Reply(text="ご質問の分野を選んでください。", suggestions=suggestions))
    items = message["quickReply"]["items"]
    assert len(items) == 13
    first = items[0]["action"]
    assert first["label"] == long_label[:19] + "…" and len(first["label"]) == 20
    assert first["displayText"] == f"{long_label}0"  # the full label is what the user "says"
    assert [i["action"]["data"] for i in items] == [f"intent=topic_{i}" for i in range(13)]


def test_contact_card_has_tap_to_call_and_mail_buttons_and_readable_alt_text():
    card = as_sdk_json(contact_card(MIC))
    assert card["type"] == "flex"
    assert "03-5253-5527" in card["altText"] and "kokusai@soumu.go.jp" in card["altText"]
    bubble = card["contents"]
    assert bubble["type"] == "bubble"
    texts = [c["text"] for c in bubble["body"]["contents"]]
    assert texts == ["総務省自治行政局国際室", "電話: 03-5253-5527", "メール: kokusai@soumu.go.jp"]
    assert bubble["body"]["contents"][0]["weight"] == "bold"
    actions = [b["action"] for b in bubble["footer"]["contents"]]
    assert actions == [{"type": "uri", "label": "電話する", "uri": "tel:0352535527"},
                       {"type": "uri", "label": "メールする", "uri": "mailto:kokusai@soumu.go.jp"}]


def test_contact_without_email_gets_only_a_call_button():
    actions = [b["action"]["uri"] for b in as_sdk_json(contact_card(CLAIR))["contents"]["footer"]["contents"]]
    assert actions == ["tel:0352131729"]


def test_contact_with_neither_phone_nor_email_is_a_name_card_without_buttons():
    card = as_sdk_json(contact_card(Contact(id="x", name="都道府県の担当課")))
    assert "footer" not in card["contents"]
    assert card["altText"] == "都道府県の担当課"


def test_english_reply_uses_english_contact_name_and_labels():
    card = as_sdk_json(contact_card(MIC, "en"))
    assert card["contents"]["body"]["contents"][0]["text"] == "International Affairs Office, MIC"
    assert card["contents"]["footer"]["contents"][0]["action"]["label"] == "Call"


@pytest.mark.parametrize("printed, uri", [
    ("03-5253-5527", "tel:0352535527"),
    ("０３－５２５３－５５２７", "tel:0352535527"),
    ("(03) 5253-5527（内線 123）", "tel:0352535527"),
    ("+81-3-5253-5527", "tel:+81352535527"),
    ("電話なし", None),
])
def test_phone_numbers_as_printed_become_dialable_tel_uris(printed, uri):
    assert tel_uri(printed) == uri


def test_text_and_cards_together_never_exceed_five_messages():
    reply = Reply(text="\n\n".join("説明" * 2400 for _ in range(6)), contacts=(MIC, CLAIR),
                  suggestions=(Suggestion("総務省の問い合わせ先", "contact_mic"),))
    messages = as_json(reply)
    assert [m["type"] for m in messages] == ["text", "text", "text", "flex", "flex"]
    assert "quickReply" in messages[-1] and all("quickReply" not in m for m in messages[:-1])


def test_more_contacts_than_card_slots_are_written_out_in_the_text():
    contacts = tuple(Contact(id=f"c{i}", name=f"窓口{i}", phone=f"03-0000-000{i}")
                     for i in range(6))
    messages = as_json(Reply(text="問い合わせ先は次のとおりです。", contacts=contacts))
    assert [m["type"] for m in messages] == ["text", "flex", "flex", "flex", "flex"]
    assert "【問い合わせ先】\n窓口4\n電話: 03-0000-0004" in messages[0]["text"]
    assert "【問い合わせ先】\n窓口5\n電話: 03-0000-0005" in messages[0]["text"]
    assert "窓口3" not in messages[0]["text"]  # it has its card


def test_quick_reply_keeps_room_for_actions() -> None:
    reply = Reply(text="x", suggestions=tuple(Suggestion(f"話題{n}", f"topic_{n}") for n in range(20)),
                  actions=(Action("担当者に聞く", "escalate=ask&q=o"),))
    items = quick_reply(reply)["items"]
    assert len(items) == LINE_QUICK_REPLIES and items[-1]["action"]["data"] == "escalate=ask&q=o"
    first = quick_reply(replace(reply, actions=(Action("担当者に転送", "escalate=confirm&q=o", first=True),)))["items"]
    assert first[0]["action"]["label"] == "担当者に転送" and len(first) == LINE_QUICK_REPLIES
    assert len(quick_reply(replace(reply, actions=()))["items"]) == LINE_QUICK_REPLIES

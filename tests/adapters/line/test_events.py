"""What the bot reads from LINE events: questions, quick-reply taps, mentions in groups."""
from __future__ import annotations

import pytest
from linebot.v3.webhooks import Event

from adapters.line.events import event_to_message, intent_from_postback, is_group_chat, mentions_bot, to_inbound
from bot.core.types import IncomingMessage
from line_api_fake import (
    follow_event, group, media_event, postback_event, room, self_mention, text_event, user,
)


def parse(raw: dict) -> Event:
    return Event.from_dict(raw)


def test_text_from_one_to_one_chat_becomes_a_question():
    event = parse(text_event("総務省の連絡先は？", source=user("U-aoki")))
    assert event_to_message(event) == IncomingMessage(
        text="総務省の連絡先は？", channel="line", user_id="U-aoki", conversation_id="U-aoki")
    assert not is_group_chat(event)


@pytest.mark.parametrize("source, conversation", [
    (group("C-kyoiku", "U-sato"), "C-kyoiku"),
    (room("R-kaigi", "U-sato"), "R-kaigi"),
])
def test_group_and_room_questions_carry_the_chat_id(source, conversation):
    event = parse(text_event("@jetbot 事例集", source=source, mentions=[self_mention(0, 7)]))
    message = event_to_message(event)
    assert (message.user_id, message.conversation_id) == ("U-sato", conversation)
    assert is_group_chat(event)


def test_mention_of_the_bot_is_removed_from_the_question():
    event = parse(text_event("@JETbot 総務省の連絡先", source=group(),
                             mentions=[self_mention(0, 7)]))
    assert mentions_bot(event)
    assert event_to_message(event).text == "総務省の連絡先"


def test_mention_after_an_emoji_is_found_by_utf16_position():
    # "😀" is two UTF-16 units, so LINE puts the mention at index 3, not 2.
    text = "😀 @JETbot 事例集は？"
    event = parse(text_event(text, source=group(), mentions=[self_mention(3, 7)]))
    assert event_to_message(event).text == "😀  事例集は？"


def test_mention_of_someone_else_does_not_address_the_bot():
    other = {"type": "user", "index": 0, "length": 5, "isSelf": False, "userId": "U-x"}
    event = parse(text_event("@佐藤さん 事例集ありますか", source=group(), mentions=[other]))
    assert not mentions_bot(event)
    assert event_to_message(event).text == "@佐藤さん 事例集ありますか"


def test_mention_of_everyone_does_not_address_the_bot():
    everyone = {"type": "all", "index": 0, "length": 4}
    event = parse(text_event("@All 会議です", source=group(), mentions=[everyone]))
    assert not mentions_bot(event)


def test_quick_reply_tap_becomes_a_choice_of_intent():
    event = parse(postback_event("intent=contact_mic", source=user("U-aoki")))
    assert event_to_message(event) == IncomingMessage(
        text="", channel="line", user_id="U-aoki", conversation_id="U-aoki",
        choice="contact_mic")


@pytest.mark.parametrize("data, expected", [
    ("intent=casebook", "casebook"),
    ("v=1&intent=financial_support", "financial_support"),
    ("action=richmenu", None),
    ("intent=", None),
    ("", None),
])
def test_postback_data_is_read_as_a_query_string(data, expected):
    assert intent_from_postback(data) == expected


def test_postback_without_intent_is_an_action_not_a_question():
    message = event_to_message(parse(postback_event("action=richmenu")))
    assert message is not None and (message.kind, message.action, message.choice) == ("action", "action=richmenu", None)


@pytest.mark.parametrize("kind", ["sticker", "image", "video", "audio", "location", "file"])
def test_non_text_messages_are_not_questions(kind):
    assert event_to_message(parse(media_event(kind))).kind == "unsupported"
    assert to_inbound(parse(media_event(kind, source=group())), 0.0) is None   # nor answered in groups


def test_follow_is_not_a_question():
    assert event_to_message(parse(follow_event())).kind == "follow"


def test_group_messages_are_answered_only_when_they_mention_the_bot():
    assert to_inbound(parse(text_event("事例集", source=group())), 0.0) is None
    addressed = to_inbound(parse(text_event("@jetbot 事例集", source=group(), mentions=[self_mention(0, 7)])), 0.0)
    assert addressed is not None and addressed.message.text == "事例集"
    assert addressed.key.startswith("line:") and addressed.target["reply_token"]

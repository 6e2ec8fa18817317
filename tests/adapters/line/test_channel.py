"""What a municipal officer sees in LINE: answers, greetings, quick replies, contact cards.

Each test sends a signed webhook to the real app (real engine on the fixture
knowledge base, real line-bot-sdk) and reads what the bot POSTed to the
fake Messaging API.
"""
from __future__ import annotations

import json

import pytest
from linebot.v3.messaging import ReplyMessageRequest

from bot.core import messages
from line_api_fake import (
    TOKEN, deliver, follow_event, group, media_event, postback_event, room, self_mention, text_event, user,
)

pytestmark = pytest.mark.anyio

TOPICS = ["intent=casebook", "intent=financial_support", "intent=contacts_all"]  # the fixture's menu.yaml
GREETING = messages.GREETING["ja"] + "\n" + messages.MENU_HINT["ja"]  # points to the rich menu


def quick_reply_data(message: dict) -> list[str]:
    return [item["action"]["data"] for item in message["quickReply"]["items"]]


async def test_question_is_answered_with_text_contact_card_and_follow_ups(app, fake_api):
    fake_api.accept()
    response = await deliver(app, text_event("総務省の電話番号を教えてください",
                                             reply_token="token-abc"))
    assert response.status_code == 200
    [request] = fake_api.requests
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["User-Agent"].startswith("line-bot-sdk-python/")
    [reply] = fake_api.replies
    # byte for byte the body the SDK's own reply_message(ReplyMessageRequest(...)) sends
    assert request.get_data() == json.dumps(ReplyMessageRequest.from_dict(reply).to_dict()).encode()
    assert reply["replyToken"] == "token-abc" and reply["notificationDisabled"] is False
    text, card = reply["messages"]
    assert text == {"type": "text",
                    "text": "総務省の窓口は総務省自治行政局国際室です。\n\n出典: 通知「JETプログラムの一層の活用について（通知）」"}
    assert card["type"] == "flex"
    assert "03-5253-5527" in card["altText"] and "kokusai@soumu.go.jp" in card["altText"]
    uris = [b["action"]["uri"] for b in card["contents"]["footer"]["contents"]]
    assert uris == ["tel:0352535527", "mailto:kokusai@soumu.go.jp"]
    assert [i["action"]["displayText"] for i in card["quickReply"]["items"]] == [
        "ALT配置の財政措置", "JET-ALT活動事例集"]
    assert quick_reply_data(card) == ["intent=financial_support", "intent=casebook"]


async def test_answer_writes_out_links_and_source(app, fake_api):
    fake_api.accept()
    await deliver(app, text_event("活動事例集はどこで見られますか"))
    [message] = fake_api.replies[0]["messages"]
    assert "JET-ALT活動事例集（全体版）\nhttps://www.soumu.go.jp/kokusai/kouryu_JET.html" in message["text"]
    fake_api.server.clear_log()
    await deliver(app, text_event("ALTの配置に使える財政措置は"))
    [message] = fake_api.replies[0]["messages"]
    assert "出典: 通知「JETプログラムの一層の活用について（通知）」（前文）" in message["text"]


async def test_two_contacts_come_as_two_cards(app, fake_api):
    fake_api.accept()
    await deliver(app, text_event("問い合わせ先を全部教えて"))
    kinds = [m["type"] for m in fake_api.replies[0]["messages"]]
    assert kinds == ["text", "flex", "flex"]
    clair = fake_api.replies[0]["messages"][2]
    assert [b["action"]["uri"] for b in clair["contents"]["footer"]["contents"]] == ["tel:0352131729"]


async def test_adding_the_bot_as_friend_gets_a_greeting_with_topic_buttons(app, fake_api):
    fake_api.accept()
    await deliver(app, follow_event(reply_token="token-follow"))
    [reply] = fake_api.replies
    assert reply["replyToken"] == "token-follow"
    [message] = reply["messages"]
    assert message["text"] == GREETING
    assert [i["action"]["label"] for i in message["quickReply"]["items"]] == ["事例集", "財政措置", "窓口の一覧"]
    assert quick_reply_data(message) == TOPICS


async def test_tapping_a_quick_reply_answers_that_topic(app, fake_api):
    fake_api.accept()
    await deliver(app, postback_event("intent=casebook", reply_token="token-tap"))
    [reply] = fake_api.replies
    assert reply["replyToken"] == "token-tap"
    assert reply["messages"][0]["text"].startswith("JET-ALTの活動事例集は総務省のページで公開されています。")
    assert quick_reply_data(reply["messages"][-1]) == ["intent=contact_mic"]


@pytest.mark.parametrize("kind", ["sticker", "image", "video", "audio", "location", "file"])
async def test_stickers_and_media_get_a_request_to_type_the_question(app, fake_api, kind):
    fake_api.accept()
    await deliver(app, media_event(kind))
    [message] = fake_api.replies[0]["messages"]
    assert message["text"] == messages.NOT_TEXT["ja"]
    assert quick_reply_data(message) == TOPICS


async def test_several_events_in_one_delivery_are_each_answered(app, fake_api):
    fake_api.accept()
    await deliver(app, text_event("総務省の連絡先", source=user("U-a"), reply_token="t-a"),
                  follow_event(source=user("U-b"), reply_token="t-b"))
    assert sorted(r["replyToken"] for r in fake_api.replies) == ["t-a", "t-b"]


@pytest.mark.parametrize("source", [group(), room()], ids=["group", "room"])
async def test_in_a_group_the_bot_stays_quiet_unless_mentioned(app, fake_api, source):
    fake_api.accept()
    response = await deliver(app, text_event("総務省の連絡先", source=source),
                             media_event("sticker", source=source))
    assert response.status_code == 200
    assert fake_api.requests == []


@pytest.mark.parametrize("source", [group(), room()], ids=["group", "room"])
async def test_in_a_group_a_mention_is_answered_without_the_mention_text(app, fake_api, engine,
                                                                          source):
    fake_api.accept()
    await deliver(app, text_event("@JETbot 総務省の連絡先", source=source,
                                  mentions=[self_mention(0, 7)]))
    [message, _card] = fake_api.replies[0]["messages"]
    assert message["text"].startswith("総務省の窓口は総務省自治行政局国際室です。")


async def test_mention_alone_gets_the_greeting(app, fake_api):
    fake_api.accept()
    await deliver(app, text_event("@JETbot", source=group(), mentions=[self_mention(0, 7)]))
    assert fake_api.replies[0]["messages"][0]["text"] == GREETING


async def test_redelivered_event_is_answered_only_once(app, fake_api):
    fake_api.accept()
    first = text_event("総務省の連絡先", event_id="01HREDELIVERED", reply_token="t-1")
    again = {**first, "deliveryContext": {"isRedelivery": True}}
    assert (await deliver(app, first)).status_code == 200
    assert (await deliver(app, again)).status_code == 200
    assert [r["replyToken"] for r in fake_api.replies] == ["t-1"]


async def test_standby_mode_sends_nothing(app, fake_api):
    fake_api.accept()
    response = await deliver(app, text_event("総務省の連絡先", mode="standby"),
                             follow_event(mode="standby"))
    assert response.status_code == 200
    assert fake_api.requests == []

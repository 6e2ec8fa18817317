"""The escalation loop end to end, offline: signed LINE webhook in → Slack message out →
signed Slack interaction or thread reply in → LINE push out (with its retry key).

Real line-bot-sdk, slack-bolt and slack-sdk against local stand-ins; real engine on fixture YAML;
a real SQLite store (a restart is a new app and engine over the same file).
"""
from __future__ import annotations

import re
import uuid
from typing import Any

import pytest

from bot.storage.stores import Stores
from escalation_flows import (
    ANSWER, ASKER, EPHEMERAL, POST, UNANSWERABLE, UPDATE, VIEWS, Clock, assert_no_line_id, escalate, escalation_items, slack_text,
)
from escalation_harness import ADMIN, CHANNEL, KB, MEMBER, OTHER_MEMBER, OUTSIDER, Client, LinePlatform, \
    SlackPlatform, admin_command, button, submission, thread_reply
from line_api_fake import postback_event, text_event, user

pytestmark = pytest.mark.anyio


# --- the whole loop --------------------------------------------------------------------------

async def test_fallback_is_offered_posted_answered_in_the_modal_and_pushed(
        bot: Client, line: LinePlatform, slack: SlackPlatform, store: Stores) -> None:
    await bot.line(text_event(UNANSWERABLE, source=user(ASKER)))
    offer = line.last_reply()
    assert "担当者に転送" in offer[0]["text"] and "JETプログラム担当" in offer[0]["text"]
    [(label, data)] = escalation_items(offer)
    assert label == "担当者に転送" and re.fullmatch(r"escalate=confirm&q=[\w-]+", data) and len(data) <= 300
    assert UNANSWERABLE not in data                                # the question stays server side

    await bot.line(postback_event(data, source=user(ASKER)))
    assert line.last_reply()[0]["text"].startswith("JETプログラム担当に転送しました（受付番号 #1）")
    [posted] = slack.delivered(POST)
    assert posted["channel"] == CHANNEL and UNANSWERABLE in slack_text(posted)
    context = next(b for b in posted["blocks"] if b["type"] == "context")["elements"][0]["text"]
    assert f"`{store.pseudonyms.of(ASKER, 'line')[:12]}`" in context
    buttons = next(b for b in posted["blocks"] if b["type"] == "actions")["elements"]
    assert [(b["text"]["text"], b["value"]) for b in buttons] == [("回答する", "1"), ("FAQに追加", "1")]
    assert "casebook" in slack_text(posted)                        # the bot's best guess

    await bot.slack(button("jetbot_escalation_answer", 1))
    [opened] = slack.delivered(VIEWS)
    assert opened["trigger_id"].startswith("trig.") and opened["view"]["private_metadata"] == "1"

    response = await bot.slack(submission(1, ANSWER))
    assert response.status_code == 200 and response.text == ""    # the modal closes
    [(push, retry_key)] = line.pushes
    assert push["to"] == ASKER and uuid.UUID(retry_key)
    text = push["messages"][0]["text"]
    assert text.startswith("【JETプログラム担当からの回答】") and ANSWER in text and MEMBER not in text
    escalation = bot.desk.store.get(1)
    assert escalation.state == "delivered" and escalation.retry_key == retry_key and escalation.line_to is None
    final = slack.delivered(UPDATE)[-1]
    assert final["ts"] == bot.desk.store.get(1).slack_ts and f"<@{MEMBER}>" in slack_text(final) and "LINEへ送信済み" in slack_text(final)
    assert "回答する" not in slack_text(final)
    assert_no_line_id(slack, ASKER)


async def test_answered_question_offers_ask_then_confirm_or_cancel(bot: Client, line: LinePlatform,
                                                                   slack: SlackPlatform) -> None:
    await bot.line(text_event("総務省の電話番号を教えてください", source=user(ASKER)))
    answer = line.last_reply()
    assert answer[0]["text"].startswith("総務省の窓口は")
    items = answer[-1]["quickReply"]["items"]
    assert items[-1]["action"]["label"] == "担当者に聞く"
    assert [i["action"]["data"] for i in items[:-1]] == ["intent=financial_support", "intent=casebook"]

    ask = items[-1]["action"]["data"]
    await bot.line(postback_event(ask, source=user(ASKER)))
    [prompt] = line.last_reply()
    assert "総務省の電話番号を教えてください" in prompt["text"] and "よろしいですか" in prompt["text"]
    [(_, confirm), (_, cancel)] = escalation_items([prompt])
    await bot.line(postback_event(cancel, source=user(ASKER)))
    assert line.last_reply()[0]["text"].startswith("転送を取りやめました")
    await bot.line(postback_event(confirm, source=user(ASKER)))
    assert "受付期限が切れました" in line.last_reply()[0]["text"]   # a cancelled offer is gone
    assert slack.delivered(POST) == []

    await bot.line(text_event("総務省の電話番号を教えてください", source=user(ASKER)))
    await bot.line(postback_event(line.last_reply()[-1]["quickReply"]["items"][-1]["action"]["data"],
                                  source=user(ASKER)))
    [(_, confirm), _] = escalation_items(line.last_reply())
    await bot.line(postback_event(confirm, source=user(ASKER)))
    assert "受付番号 #1" in line.last_reply()[0]["text"]
    await bot.line(postback_event(confirm, source=user(ASKER)))           # tapped twice
    assert "転送済み" in line.last_reply()[0]["text"]
    assert len(slack.delivered(POST)) == 1
    assert "contact_mic" in slack_text(slack.delivered(POST)[0])


async def test_thread_reply_is_the_answer(bot: Client, line: LinePlatform, slack: SlackPlatform) -> None:
    await escalate(bot, line)
    ts = bot.desk.store.get(1).slack_ts
    await bot.slack(thread_reply(ts, "<@UTEAM0002> 確認しました。\n駐車場は<https://example.jp/p|こちら>をご覧ください &amp; 予約不要です。"),
                    form=False)
    [(push, _)] = line.pushes
    text = push["messages"][0]["text"]
    assert "確認しました。\n駐車場はこちら（https://example.jp/p）をご覧ください & 予約不要です。" in text
    assert "UTEAM" not in text
    assert bot.desk.store.get(1).answered_by == MEMBER
    assert "LINEへ送信済み" in slack_text(slack.delivered(UPDATE)[-1])
    assert_no_line_id(slack, ASKER)


async def test_a_second_answer_is_refused_with_a_note(bot: Client, line: LinePlatform, slack: SlackPlatform) -> None:
    await escalate(bot, line)
    ts = bot.desk.store.get(1).slack_ts
    await bot.slack(submission(1, ANSWER))
    response = await bot.slack(submission(1, "別の回答", user=OTHER_MEMBER))
    assert response.json()["response_action"] == "errors"
    assert "回答済み" in response.json()["errors"]["answer"]
    await bot.slack(thread_reply(ts, "私からも回答します", user=OTHER_MEMBER), form=False)
    [note] = slack.delivered(EPHEMERAL)
    assert note["user"] == OTHER_MEMBER and note["thread_ts"] == ts and f"<@{MEMBER}> が回答済み" in note["text"]
    await bot.slack(button("jetbot_escalation_answer", 1, user=OTHER_MEMBER))
    assert len(slack.delivered(EPHEMERAL)) == 2 and slack.delivered(VIEWS) == []
    assert len(line.pushes) == 1 and ANSWER in line.pushes[0][0]["messages"][0]["text"]


async def test_only_channel_members_can_answer(bot: Client, line: LinePlatform, slack: SlackPlatform) -> None:
    await escalate(bot, line)
    ts = bot.desk.store.get(1).slack_ts
    response = await bot.slack(submission(1, ANSWER, user=OUTSIDER))
    assert response.json()["response_action"] == "errors" and "メンバー" in response.json()["errors"]["answer"]
    await bot.slack(thread_reply(ts, "部外者の回答", user=OUTSIDER), form=False)
    await bot.slack(button("jetbot_escalation_answer", 1, user=OUTSIDER))
    notes = slack.delivered(EPHEMERAL)
    assert [n["user"] for n in notes] == [OUTSIDER, OUTSIDER] and all("メンバー" in n["text"] for n in notes)
    await bot.slack(button("jetbot_escalation_answer", 1, channel="COTHER001"))   # not from the channel
    assert line.pushes == [] and slack.delivered(VIEWS) == [] and bot.desk.store.get(1).state == "open"
    slack.members.add(OUTSIDER)                                   # joins: allowed after the cache refresh
    bot.desk.team._members_at -= 10
    await bot.slack(submission(1, ANSWER, user=OUTSIDER))
    assert len(line.pushes) == 1


async def test_faq_button_posts_a_snippet_after_the_answer(bot: Client, line: LinePlatform, slack: SlackPlatform,
                                                           tmp_path: Any) -> None:
    from bot.validate import validate
    import shutil

    await escalate(bot, line)
    await bot.slack(button("jetbot_escalation_faq", 1))
    [early] = slack.delivered(EPHEMERAL)
    assert "まだ回答がありません" in early["text"]
    await bot.slack(submission(1, ANSWER))
    await bot.slack(button("jetbot_escalation_faq", 1))
    [snippet] = [p for p in slack.delivered(POST) if p.get("thread_ts")]
    yaml_text = re.search(r"```\n(.*)\n```", snippet["text"], re.S).group(1)
    yaml_text = yaml_text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    intents = tmp_path / "intents"
    shutil.copytree(KB / "intents", intents)
    (intents / "zz_faq.yaml").write_text(yaml_text, encoding="utf-8")
    findings = validate(intents, KB / "knowledge")
    assert [f for f in findings if f.level == "error"] == []
    assert "id: faq_casebook_1" in yaml_text and f"- {UNANSWERABLE}" in yaml_text
    assert_no_line_id(slack, ASKER)


async def test_admin_lists_open_escalations_oldest_first(bot: Client, line: LinePlatform, clock: Clock) -> None:
    await escalate(bot, line)
    clock.now += 3600
    await escalate(bot, line, "ALTの住宅手当はいくらですか", asker="U-second")
    clock.now += 3600
    listing = (await bot.slack(admin_command("escalations", ADMIN))).text
    assert listing.index("#1") < listing.index("#2") and "2件" in listing and "2時間前" in listing
    await bot.slack(submission(1, ANSWER))
    listing = (await bot.slack(admin_command("escalations", ADMIN))).text
    assert "#1" not in listing and "#2" in listing
    refused = (await bot.slack(admin_command("escalations", MEMBER))).text
    assert refused.startswith("申し訳ありません") and "#2" not in refused
    usage = (await bot.slack(admin_command("frobnicate", ADMIN))).text
    assert "`/jet-admin escalations`" in usage


async def test_the_bots_own_message_in_the_thread_is_never_the_answer(
        bot: Client, line: LinePlatform, slack: SlackPlatform) -> None:
    from slack_api_fake import BOT_USER

    slack.members.add(BOT_USER)   # even as a member of the channel, and without a bot_id on the event
    await escalate(bot, line)
    await bot.slack(thread_reply(bot.desk.store.get(1).slack_ts, "ボット自身の投稿", user=BOT_USER), form=False)
    assert line.pushes == [] and bot.desk.store.get(1).state == "open"


async def test_a_long_question_is_marked_as_cut_and_posted_in_full_in_the_thread(
        bot: Client, line: LinePlatform, slack: SlackPlatform) -> None:
    question = "駐車場について。" + "来庁する際の駐車場の台数と利用時間、予約の要否を教えてください。" * 120
    await escalate(bot, line, question=question)
    [message] = [p for p in slack.delivered(POST) if not p.get("thread_ts")]
    rendered = slack_text(message)
    assert "…（以下省略）" in rendered and len(rendered) < len(question) + 2000
    thread = [p["text"] for p in slack.delivered(POST) if p.get("thread_ts") == bot.desk.store.get(1).slack_ts]
    assert thread and "".join(t.split("\n", 1)[1] for t in thread) == bot.desk.store.get(1).question

"""Personal data, end to end through the webhooks of a real ``jetbot serve`` (``proc.shared()``):
phone numbers, e-mail addresses and individual numbers (マイナンバー) are masked before the inquiry
log stores the question, and raw LINE/Slack user and chat ids never reach the SQLite file (its
bytes are scanned, WAL included), nor the process's log.

Unit tests of the masking rules are in tests/test_privacy.py and tests/test_store.py.
"""
from __future__ import annotations

import time
import uuid

import httpx

import line_api_fake
import slack_api_fake
from bot.core.privacy import EMAIL, INDIVIDUAL_NUMBER, PHONE
from proc import ADMIN_TOKEN, line_request, shared, slack_request, wait_for

PERSONAL = [
    # (what the user typed, what may never be stored, the placeholder expected)
    ("携帯は090-1234-5678です", ["090-1234-5678", "09012345678"], PHONE),
    ("０９０－８７６５－４３２１に電話ください", ["０９０－８７６５－４３２１", "090-8765-4321", "09087654321"], PHONE),
    ("代表 +81 3-5253-5111 まで", ["5253-5111", "352535111"], PHONE),
    ("メールは taro.yamada@city.example.lg.jp へ", ["taro.yamada", "city.example.lg.jp"], EMAIL),
    ("ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ に送って", ["ｈａｎａｋｏ", "hanako@"], EMAIL),
    ("マイナンバーは1234-5678-9012です", ["1234-5678-9012", "123456789012"], INDIVIDUAL_NUMBER),
    ("個人番号 2345 6789 0123 の件", ["2345 6789 0123", "234567890123"], INDIVIDUAL_NUMBER),
]


def test_personal_data_is_masked_and_raw_ids_never_stored() -> None:
    bot, stand_in = shared()
    t = uuid.uuid4().hex[:8].upper()
    line_user, line_group = f"U{uuid.uuid4().hex}", f"C{uuid.uuid4().hex}"
    slack_user, slack_channel = f"U{t}SLK", f"D{t}SLK"
    with httpx.Client(base_url=bot.url, timeout=10) as client:
        for n, (typed, _, _) in enumerate(PERSONAL):
            text = f"{typed} P{t}{n}"
            source = line_api_fake.user(line_user) if n % 2 else line_api_fake.group(line_group, line_user)
            mention = [line_api_fake.self_mention(0, 7)] if n % 2 == 0 else None
            body, headers = line_request(line_api_fake.text_event(("@jetbot " if mention else "") + text,
                                                                  source=source, mentions=mention,
                                                                  event_id=f"01HPII{t}{n:02d}"))
            assert client.post("/line/webhook", content=body, headers=headers).status_code == 200
            body, headers = slack_request(slack_api_fake.mention(f"<@{slack_api_fake.BOT_USER}> {text}",
                                                                 channel=slack_channel, user=slack_user),
                                          f"EvPII{t}{n:02d}")
            assert client.post("/slack/events", content=body, headers=headers).status_code == 200
        rows = wait_for(lambda: (found := bot.rows("SELECT channel, question, user_hash FROM inquiries "
                                                   "WHERE question LIKE ?", (f"% P{t}%",)))
                        and len(found) >= 2 * len(PERSONAL) and found, 20, "the questions logged")
        admin = client.get("/admin", headers={"Authorization": f"Bearer {ADMIN_TOKEN}"}).text
    time.sleep(0.3)
    assert len(rows) == 2 * len(PERSONAL)
    for n, (typed, raw_forms, placeholder) in enumerate(PERSONAL):
        stored = [q for _, q, _ in rows if q.endswith(f" P{t}{n}")]
        assert len(stored) == 2 and all(placeholder in q for q in stored), (typed, stored)
    database = bot.db_bytes()
    log = bot.log()
    for _, raw_forms, _ in PERSONAL:
        for raw in raw_forms:
            for encoded in {raw.encode("utf-8"), raw.encode("utf-16-le")}:
                assert encoded not in database, raw
            assert raw not in log and raw not in admin, raw
    for raw_id in (line_user, line_group, slack_user):
        assert raw_id.encode() not in database and raw_id.encode("utf-16-le") not in database, raw_id
        assert raw_id not in log, raw_id
    assert slack_channel.encode() not in database                          # conversation keys are hashed too
    assert {h for _, _, h in rows} and all(len(h) == 32 for _, _, h in rows)   # keyed hashes instead

"""The pure core: what a user gets back for good, odd and incomplete questions."""
from __future__ import annotations

import pytest

from bot.core.answer import Context, answer
from bot.core.knowledge_base import KnowledgeBase, load_kb
from bot.core.render import plain_text
from bot.settings import REPO_ROOT
from bot.core.types import IncomingMessage

MINI = REPO_ROOT / "tests/fixtures/mini"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb(MINI / "intents", MINI / "knowledge")


def ask(kb: KnowledgeBase, text: str, **kwargs):
    return answer(IncomingMessage(text), kb, **kwargs)


def test_answer_carries_fact_source_link_and_follow_up(kb: KnowledgeBase) -> None:
    reply = ask(kb, "JETの参加者は何人ですか？")
    assert reply.intent_id == "size" and not reply.fallback
    assert "77,000" in reply.text
    assert reply.source == "出典: 通知「JETプログラムの一層の活用について（通知）」（前文）"
    assert [s.intent_id for s in reply.suggestions] == ["casebook_count"]


def test_fact_with_official_source_links_to_it(kb: KnowledgeBase) -> None:
    reply = ask(kb, "事例集って何件あるの")
    assert reply.intent_id == "casebook_count"
    assert "https://www.soumu.go.jp/kokusai/kouryu_JET.html" in [l.url for l in reply.links]


def test_contact_card_is_given_not_copied(kb: KnowledgeBase) -> None:
    reply = ask(kb, "もんかしょうの電話番号")
    assert reply.intent_id == "contact_mext"
    assert reply.contacts[0].phone == "03-6734-3480"
    assert "03-6734-3480" in plain_text(reply)


def test_english_question_gets_english_answer_where_one_exists(kb: KnowledgeBase) -> None:
    reply = ask(kb, "How many people have taken part in JET?")
    assert reply.language == "en" and "About 77,000 people" in reply.text
    no_english = ask(kb, "how many cases are in the casebook?")
    assert no_english.intent_id == "casebook_count" and no_english.language == "ja"


@pytest.mark.parametrize("text", ["明日の大阪の天気", "Book me a hotel in Kyoto"])
def test_out_of_scope_falls_back_with_a_contact(kb: KnowledgeBase, text: str) -> None:
    reply = ask(kb, text)
    assert reply.fallback and reply.intent_id is None
    assert reply.contacts and reply.contacts[0].id == "mic"  # the default contact
    assert "お答えできません" in reply.text or "can't answer" in reply.text
    assert not reply.suggestions  # an unrelated question is not steered to an unrelated topic


@pytest.mark.parametrize("text", ["🙂🙂🙂", "？？？", "\x00\x07", "qwzxkj", "3", "ｗｗｗｗ", "あああ", "asdfghjkl"])
def test_noise_gets_the_short_help_in_japanese(kb: KnowledgeBase, text: str) -> None:
    reply = ask(kb, text)
    assert reply.kind == "help" and reply.intent_id is None and reply.language == "ja"
    assert "質問" in reply.text and reply.suggestions


@pytest.mark.parametrize("text", ["What do they do?", "Who are they?", "What is it?"])
def test_english_words_that_ask_nothing_get_the_help_in_english(kb: KnowledgeBase, text: str) -> None:
    # (with no conversation to complete them; the help was in Japanese)
    reply = ask(kb, text)
    assert reply.kind == "help" and reply.language == "en" and reply.text.startswith("I answer")


def test_a_real_word_the_knowledge_lacks_is_a_question_not_noise(kb: KnowledgeBase) -> None:
    reply = ask(kb, "駐車場はありますか")
    assert reply.kind == "fallback" and "お答えできません" in reply.text and reply.contacts


def test_noise_after_an_answer_is_not_read_as_a_follow_up(kb: KnowledgeBase) -> None:
    reply = ask(kb, "asdfghjkl", context=Context("contact_mic", at=1000.0), now=1010.0)
    assert reply.kind == "help" and reply.intent_id is None
    english = ask(kb, "qwerty", context=Context("size", at=1000.0, language="en"), now=1010.0)
    assert english.kind == "help" and english.language == "en"


def test_fallback_offers_the_contact_whose_topics_match(kb: KnowledgeBase) -> None:
    reply = ask(kb, "授業でタブレットを使う方法")
    assert reply.fallback and reply.contacts[0].id == "mext"


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_question_gets_help_with_examples(kb: KnowledgeBase, text: str) -> None:
    reply = ask(kb, text)
    assert reply.kind == "help" and not reply.fallback
    assert "例" in reply.text and reply.suggestions


def test_very_long_question_is_truncated_and_still_answered(kb: KnowledgeBase) -> None:
    reply = ask(kb, "総務省の電話番号を教えてください。" * 1000)  # 17,000 characters
    assert reply.intent_id == "contact_mic"
    assert ask(kb, "あ" * 100_000).kind in ("fallback", "answer", "help")  # any reply, no exception


def test_tapped_suggestion_answers_that_intent(kb: KnowledgeBase) -> None:
    reply = answer(IncomingMessage("", choice="casebook_count"), kb)
    assert reply.intent_id == "casebook_count" and reply.score == 100


def test_close_runner_up_is_offered_as_did_you_mean(kb: KnowledgeBase) -> None:
    reply = ask(kb, "電話番号")
    offered = {s.intent_id for s in reply.suggestions}
    assert reply.fallback or reply.kind == "clarify"
    assert {"contact_mic", "contact_mext"} <= offered | {reply.intent_id}


def test_follow_up_uses_recent_context_but_complete_question_wins(kb: KnowledgeBase) -> None:
    context = Context("contact_mext", at=1000.0)
    follow_up = ask(kb, "メールアドレスは？", context=context, now=1100.0)
    assert follow_up.intent_id == "contact_mext"
    complete = ask(kb, "総務省のメールアドレスは？", context=context, now=1100.0)
    assert complete.intent_id == "contact_mic"


def test_stale_context_is_ignored(kb: KnowledgeBase) -> None:
    stale = ask(kb, "メールアドレスは？", context=Context("contact_mext", at=0.0), now=5000.0)
    assert stale.intent_id != "contact_mext" or stale.kind == "clarify"


def test_candidates_are_ranked_best_first(kb: KnowledgeBase) -> None:
    reply = ask(kb, "総務省の電話番号")
    scores = [c.score for c in reply.candidates]
    assert reply.candidates[0].intent_id == "contact_mic" and scores == sorted(scores, reverse=True)
    assert all(0 <= s <= 100 for s in scores)


def test_context_never_turns_an_unrelated_question_into_a_follow_up(kb: KnowledgeBase) -> None:
    reply = ask(kb, "明日の天気は？", context=Context("contact_mic", at=1000.0), now=1010.0)
    assert reply.fallback


def test_a_long_line_message_whose_background_dilutes_its_question_is_still_answered(repo_engine) -> None:
    reply = answer(IncomingMessage(
        "お世話になっております。〇〇町議会事務局の林です。一般質問で『JETは国の事業なのに、なぜ町が費用を負担するのか』"
        "という質問通告がありました。国からの財源の手当ての考え方を教えていただけますか。よろしくお願いいたします。"),
        repo_engine.kb)
    assert reply.kind == "answer" and "地方財政措置" in reply.text  # (its score is about the threshold of a short one)



def test_a_button_of_a_topic_since_removed_gets_the_help_text(kb: KnowledgeBase) -> None:
    reply = answer(IncomingMessage("Removed topic", choice="no_such_intent"), kb)
    assert reply.kind == "help" and reply.language == "en"

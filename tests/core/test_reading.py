"""Long messages: the reading answered from is chosen by what it leaves out of the message, not by its score alone."""
from __future__ import annotations

from bot.core.answer import answer
from bot.core.render import plain_text
from bot.core.types import IncomingMessage
from bot.engine import Engine


def test_a_generic_question_sentence_does_not_answer_a_background_no_intent_holds(repo_engine: Engine) -> None:
    # 「手続きの流れを教えて」 alone finds how to start with JET; the message is about dismissing an ALT
    reply = answer(IncomingMessage(
        "お疲れ様です。市教育委員会の田中です。遅刻を繰り返すALTがおり、任期の途中で解雇することを考えています。"
        "手続きの流れを教えていただけますか。"), repo_engine.kb)
    assert reply.fallback and reply.intent_id != "how_to_start"


def test_a_generic_question_sentence_is_answered_about_the_backgrounds_topic(repo_engine: Engine) -> None:
    reply = answer(IncomingMessage(
        "お世話になっております。市観光課の山田です。インバウンド誘客や海外への物産販売を強化したいと考えております。"
        "CIRを受け入れた場合、そういった業務もお願いできるのでしょうか。"), repo_engine.kb)
    assert not reply.fallback and "インバウンド" in plain_text(reply)


def test_a_generic_question_sentence_scoring_far_higher_does_not_beat_the_reading_that_names_the_documents(
        repo_engine: Engine) -> None:
    # 「ダウンロード先のURLを教えて」 alone finds the ALT casebook's page (81); the background names the CIR
    # casebook and the JET manual, whose download page is answered too (55-59)
    reply = answer(IncomingMessage(
        "お世話になっております。県国際課の佐藤です。来月の研修でCIRの活用事例集とJET活用マニュアルを紹介したいと"
        "考えています。ダウンロード先のURLを教えていただけますか。"), repo_engine.kb)
    assert not reply.fallback
    assert "jetprogramme.org/ja/nin-katsuyo-m" in plain_text(reply) + "".join(link.url for link in reply.links)


def test_a_contact_question_keeps_the_contact_though_the_card_never_names_the_backgrounds_subject(
        repo_engine: Engine) -> None:
    reply = answer(IncomingMessage(
        "いつもお世話になっております。市教育委員会指導主事の佐藤と申します。小学校の外国語の授業におけるALTとの指導体制に"
        "ついて、国の担当部署に直接相談したいと考えております。学校教育の観点ではどちらの省庁のどの部署に連絡すればよいでしょうか。"),
        repo_engine.kb)
    assert not reply.fallback and "03-6734-3480" in plain_text(reply)


def test_in_a_short_message_each_sentence_is_the_question(repo_engine: Engine) -> None:
    reply = answer(IncomingMessage("この文書は通知？事務連絡？"), repo_engine.kb)
    assert "事務連絡" in plain_text(reply)


def test_the_writers_office_in_a_self_introduction_is_no_word_of_the_question(repo_engine: Engine) -> None:
    # read with 「県私学振興課です」, the message found what prefectures are asked to do
    reply = answer(IncomingMessage("お世話になっております。県私学振興課です。この通知は私立学校にも関係があるのでしょうか。"
                                   "私学担当として何かすべきことはありますか。"), repo_engine.kb)
    assert reply.intent_id == "private_schools" and "私立学校主管部局" in plain_text(reply)


def test_the_writers_board_of_education_in_a_purpose_sentence_is_not_what_is_asked(repo_engine: Engine) -> None:
    # the reading without 'board of education' left out the writer's own office and lost to the boards' request
    reply = answer(IncomingMessage("Why is the government pushing for more ALTs in schools? "
                                   "I need to explain it to our board of education."), repo_engine.kb)
    assert reply.intent_id == "alt_why" and not reply.fallback

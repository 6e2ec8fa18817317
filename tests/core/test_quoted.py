"""A phrase quoted from the notice is looked up where the knowledge states it: staff reading the notice on
paper ask about a phrase by quoting it, and its few words alone would not find the answer."""
from __future__ import annotations

import pytest

from asking import ask
from bot.core.quoted import intents_stating, printed_details, quoted_phrases, with_quoted
from bot.engine import Engine


@pytest.mark.parametrize(("text", "phrases"), [
    ("通知に「相互理解の増進」という言葉がありますが", ("相互理解の増進",)),
    ("「インバウンド対策」ってフレーズ、どこからの引用？", ("インバウンド対策",)),
    ("The notice says 'about 77,000' — is there an exact figure?", ("about77,000",)),
    ('What does "largest scale" refer to?', ("largestscale",)),
    ("『約７７，０００人』とは", ("約77,000人",)),
    ("「ALT」の給料は？", ()),                       # a name in quotation marks is no phrase of the notice
    ("I don't know what it's for", ()),             # apostrophes are no quotation marks
    ("ALTの人数は？", ()),
])
def test_quoted_phrases_are_found_in_any_quotation_marks(text: str, phrases: tuple[str, ...]) -> None:
    assert quoted_phrases(text) == phrases


def test_a_phrase_is_stated_by_the_intents_whose_facts_hold_it(repo_engine: Engine) -> None:
    assert "digiden_policy" in intents_stating(repo_engine.kb, "インバウンド対策")
    assert "size_total" in intents_stating(repo_engine.kb, "世界最大規模")
    assert intents_stating(repo_engine.kb, "記の3") == frozenset()
    # a name found in many facts says nothing about where one is reading
    assert intents_stating(repo_engine.kb, "jetプログラム") == intents_stating(repo_engine.kb, "国際交流員") == frozenset()


@pytest.mark.parametrize(("question", "shown"), [
    ("「インバウンド対策」ってフレーズ、どこからの引用？", "デジタル田園都市国家構想基本方針"),
    ("お世話になっております。□□市国際交流課の林と申します。通知に「相互理解の増進」という言葉がありますが、"
     "これは何の説明の中で出てくる言葉でしょうか。", "活動事例集"),
    ("お世話になります。県国際交流課の高橋です。通知の冒頭でJETプログラムが「世界最大規模」の何のプログラムだと"
     "書かれているのか、表現をそのまま教えていただけますか。", "人的交流プログラム"),
    ("The notice says 'about 77,000' — what does that count?", "since its founding"),
])
def test_a_quoted_phrase_finds_the_answer_stating_it(repo_engine: Engine, question: str, shown: str) -> None:
    reply = ask(repo_engine, question)
    assert not reply.fallback and shown.lower() in reply.text.lower()


def test_a_quoted_phrase_the_knowledge_lacks_changes_nothing(repo_engine: Engine) -> None:
    kb, question = repo_engine.kb, "「第9条の2」の意味は？"
    ranked = kb.matcher.rank(kb.matcher.analyse(question))
    assert ranked[0].score < 50 and with_quoted(kb, question, ranked, 50.0) == ranked


def test_a_sure_answer_is_not_moved_by_a_quotation(repo_engine: Engine) -> None:
    kb, question = repo_engine.kb, "「インバウンド対策」に活躍するCIRは何人？"
    ranked = kb.matcher.rank(kb.matcher.analyse(question))
    assert ranked[0].score >= 50 and with_quoted(kb, question, ranked, 50.0) == ranked


def test_phone_numbers_and_addresses_are_read_as_printed() -> None:
    assert printed_details("０３－６７３４－３４８０って誰？ josui@mext.go.jp") == {"0367343480", "josui@mext.go.jp"}
    assert printed_details("令和5年度は5,831人、2023-07-31") == frozenset()  # (figures and dates are no numbers to call)


@pytest.mark.parametrize(("question", "office"), [
    ("Whose number is 03-6734-3480?", "mext"), ("I'm at a board of education. Whose number is 03-6734-3480?", "mext"),
    ("０３－５５０１－８１４３って誰？", "mofa"), ("josui@mext.go.jpは何の部署？", "mext")])
def test_a_printed_phone_number_or_address_finds_its_office(repo_engine: Engine, question: str, office: str) -> None:
    reply = ask(repo_engine, question)  # (the English ones were a "not sure" below the threshold)
    assert not reply.fallback and [c.id for c in reply.contacts] == [office]


@pytest.mark.parametrize("question", ["文科省の番号は03-5253-5527ですよね？", "03-5253-5527は何時まで？"])
def test_a_number_beside_an_office_or_another_question_is_no_evidence_of_whose_it_is(repo_engine: Engine,
                                                                                     question: str) -> None:
    kb = repo_engine.kb  # (a reviewer's: MIC's card answered both, as if MEXT's number or the hours were given)
    ranked = kb.matcher.rank(kb.matcher.analyse(question))
    assert with_quoted(kb, question, ranked, 100.0) == ranked


@pytest.mark.parametrize(("question", "intent"), [
    # (dev191: a name quoted in a long message, asked what it means; was "not sure" at 50)
    ("お疲れさまです。県の国際課で取りまとめを担当している者です。通知にある「取りまとめ団体」というのは具体的にどこを"
     "指すのか、市町村から問い合わせが来ているので確認させてください。", "torimatome_role"),
])
def test_a_quoted_name_asked_what_it_is_finds_the_answer_titled_by_it(repo_engine: Engine, question: str,
                                                                       intent: str) -> None:
    reply = ask(repo_engine, question)
    assert not reply.fallback and reply.intent_id == intent and "都道府県・政令指定都市" in reply.text


def test_a_quoted_name_not_asked_what_it_is_is_no_evidence(repo_engine: Engine) -> None:
    kb, question = repo_engine.kb, "「取りまとめ団体」に出す書類の様式をください"
    ranked = kb.matcher.rank(kb.matcher.analyse(question))
    assert with_quoted(kb, question, ranked, 100.0) == ranked

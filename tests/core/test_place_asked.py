"""A head count of a casebook town (or its prefecture) is not held: the figures are national; the case is offered."""
from __future__ import annotations

import pytest

from asking import talk
from bot.engine import Engine


@pytest.mark.parametrize(("turns", "said"), [
    (("柏崎市には今ALTが何人いるんですか？",), "柏崎市のALTの人数は、通知にもこのボットの資料にも書かれていません"),
    (("How many ALTs does Kashiwazaki have?",), "The number of ALTs in Kashiwazaki is not given"),
    (("立山町の事例は？", "そこのALTは何人？"), "立山町のALTの人数は"),
    (("Tell me about the Kashiwazaki case", "How many ALTs work there?"), "The number of ALTs in Kashiwazaki"),
])
def test_a_head_count_of_a_case_town_is_not_held_and_the_case_is_offered(repo_engine: Engine, turns: tuple[str, ...],
                                                                        said: str) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.fallback and reply.text.startswith(said)
    assert "5,355" not in reply.text
    if len(turns) == 1:  # the case is offered (after it, it was just shown)
        assert reply.suggestions[0].intent_id.startswith("case_")


def test_how_many_there_are_after_a_case_town_is_the_national_count(repo_engine: Engine) -> None:
    assert "5,355" in talk(repo_engine, "Tell me about the Kashiwazaki case", "How many ALTs are there?").text


@pytest.mark.parametrize(("turns", "intent"), [(("柏崎市のALTは何人？", "事例の内容は？"), "case_kashiwazaki"),
                                               (("How many ALTs does Tateyama have?", "What do they do there?"),
                                                "case_tateyama")])
def test_the_town_stays_the_topic_after_its_head_count_is_said_not_held(repo_engine: Engine, turns: tuple[str, ...],
                                                                        intent: str) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.intent_id == intent and not reply.fallback


def test_a_prefecture_asked_is_named_in_the_reply_not_the_case_town(repo_engine: Engine) -> None:
    for question in ("富山県のALTは何人？", "新潟県内のALTの数は？"):
        reply = talk(repo_engine, question)
        assert reply.fallback and reply.text.startswith(question[:3] + "のALTの人数は")


@pytest.mark.parametrize(("turns", "said"), [
    (("柏崎市の事例を教えて", "その学校の名前は？"), "柏崎市の事例の学校名は、通知にもこのボットの資料にも書かれていません"),
    (("立山町の事例は？", "何ていう小学校？"), "立山町の事例の学校名は"),
    (("柏崎市の事例は何小学校の話ですか",), "柏崎市の事例の学校名は"),  # (dev192: was the case again)
    (("立山町の事例は？", "その町のALTの名前わかる？"), "立山町の事例のALTなどの名前は"),
    (("Tell me about the Tateyama case", "What's the ALT's name there?"), "The name of the ALT (or anyone else) in the "
                                                                         "Tateyama case is not given"),
])
def test_a_name_the_case_does_not_print_is_said_not_held(repo_engine: Engine, turns: tuple[str, ...],
                                                         said: str) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.fallback and reply.text.startswith(said)


@pytest.mark.parametrize(("turns", "intent"), [(("柏崎市の事例", "ALTの名前は？"), "japanese_names"),  # the role's name
                                              # which cases are named ("mentioned by name"), not a case's own name
                                              (("学校での事例は？", "学校での事例で名前が出てるところは？"),
                                               "casebook_school_cases"),
                                               (("柏崎市の事例", "事例集の名前は？"), None),
                                              (("Which places appear as examples in the ALT casebook? Any town names?",),
                                               None),
                                              (("Kashiwazaki case", "What's the casebook's full name?"), None)])
def test_names_of_other_things_after_a_case_are_not_the_cases(repo_engine: Engine, turns: tuple[str, ...],
                                                             intent: str | None) -> None:
    reply = talk(repo_engine, *turns)
    assert "名前は、通知にも" not in reply.text and "The name of the ALT" not in reply.text
    assert intent is None or reply.intent_id == intent


@pytest.mark.parametrize(("turns", "said"), [
    (("事例をひとつ教えて", "その学校の生徒数は？"), "学校での活動事例の学校の児童・生徒の数は、通知にも"),
    (("立山町の事例", "How many students are at that school?"), "The number of pupils at the school in the Tateyama case "
                                                                "is not given"),
    (("Tell me about the school cases", "What's the school's name?"), "The name of the school in the school cases is"),
    (("立山町の事例", "なんていう小学校？"), "立山町の事例の学校名は"),
    (("Tell me about the Tateyama case", "how big is the school?"), "The number of pupils at the school in the Tateyama"),
    (("柏崎の方は具体的にどんな活動ですか？", "その学校の連絡先は？"), "柏崎市の事例の学校の連絡先は、通知にも"),
    (("立山町の事例", "What's the school's phone number?"), "Contact information for the school in the Tateyama case"),
])
def test_a_schools_size_or_name_the_cases_do_not_print_is_said_not_held(repo_engine: Engine, turns: tuple[str, ...],
                                                                       said: str) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.fallback and reply.text.startswith(said)
    assert "30事例が掲載" not in reply.text  # (was the casebook's count of cases)


@pytest.mark.parametrize(("turns", "place"), [(("事例をひとつ教えて", "何県？"), "新潟県柏崎市"),
                                              (("立山町の事例は？", "それはどこの県？"), "富山県立山町"),
                                              (("柏崎市の事例", "何県の市ですか？"), "新潟県柏崎市"),
                                              (("Tell me about the Kashiwazaki case", "Which prefecture?"), "Niigata")])
def test_where_a_case_took_place_is_its_answer_again(repo_engine: Engine, turns: tuple[str, ...], place: str) -> None:
    reply = talk(repo_engine, *turns)
    assert not reply.fallback and place in reply.text  # (「何県？」 was the plain apology)


def test_where_after_another_answer_is_not_read_as_a_place(repo_engine: Engine) -> None:
    assert talk(repo_engine, "ALTとは", "どこ？").intent_id == "alt_role"


def test_the_name_of_the_towns_alt_in_kana_is_not_held(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "立山町の事例", "その町のALTのなまえは")
    assert reply.fallback and "名前" in reply.text  # (was the case again)


@pytest.mark.parametrize(("turns", "said"), [
    (("立山町の事例って何？", "そのALTの名前は？"), "立山町の事例のALTなどの名前は"),  # was the roles' Japanese names
    (("事例集に載っている柏崎市のALTの名前は？",), "柏崎市の事例のALTなどの名前は"),  # (a name in the casebook, not its own)
    (("立山町のALTはどこの国の出身ですか",), "立山町の事例のALTの年齢や出身などの個人の情報は"),  # was the case as the answer
    (("柏崎市の事例のALTは何歳の方ですか？",), "柏崎市の事例のALTの年齢や出身"),
    (("富山県の事例は？", "そのALTに連絡とりたいんだけど連絡先わかる？"), "立山町の事例のALTの連絡先は"),
    (("Tell me about the Tateyama case", "Where is that ALT from?"), "Any personal detail (age, home country…) of the ALT"),
    # whatever the words find alone (an applicant's age limits were the reply)
    (("柏崎市のALTは何歳？",), "柏崎市の事例のALTの年齢や出身"),
    (("立山町の事例", "そのALTの国籍は？"), "立山町の事例のALTの年齢や出身"),
    (("Tell me about the Kashiwazaki case", "How old is the ALT there?"), "Any personal detail (age, home country…)"),
    (("Where is the Kashiwazaki ALT from?",), "Any personal detail (age, home country…) of the ALT in the Kashiwazaki"),
    (("柏崎市の事例", "そのALTに連絡したい"), "柏崎市の事例のALTの連絡先は"),
])
def test_what_no_case_prints_of_its_alt_as_a_person_is_said_not_held(repo_engine: Engine, turns: tuple[str, ...],
                                                                     said: str) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.fallback and reply.text.startswith(said)


def test_where_alts_come_from_in_general_is_the_countries_not_a_case(repo_engine: Engine) -> None:
    assert talk(repo_engine, "立山町の事例", "ALTの出身国は？").intent_id == "participants_by_country"


def test_an_applicants_age_limit_is_no_cases_alt(repo_engine: Engine) -> None:
    assert talk(repo_engine, "ALTに年齢制限はある？").intent_id == "eligibility"


@pytest.mark.parametrize(("question", "case"), [("柏崎市のケースは？", "case_kashiwazaki"), ("立山町のケースを教えて", "case_tateyama")])
def test_a_case_is_also_a_ケース(repo_engine: Engine, question: str, case: str) -> None:
    reply = talk(repo_engine, question)  # (was the plain apology)
    assert not reply.fallback and reply.intent_id == case


@pytest.mark.parametrize("turns", [("What's this new JET-ALT casebook?", "Any concrete examples from it you can name?"),
                                   ("Can you name a concrete example from the casebook?",)])
def test_name_as_a_verb_asks_for_cases_not_a_persons_name(repo_engine: Engine, turns: tuple[str, ...]) -> None:
    reply = talk(repo_engine, *turns)  # (were: the casebook again; "the ALT's name is not given")
    assert not reply.fallback and "17 are school activities" in reply.text

"""The sentence encoder: questions encoded one at a time or several at once, and its per-token work done ahead."""
from __future__ import annotations

import numpy as np

from bot.core.example_vectors import ExampleVectors
from bot.core.semantic import SentenceEncoder, shared_encoder
from counting_encoder import CountingEncoder


def test_questions_primed_together_are_not_encoded_again(counting: CountingEncoder) -> None:
    counting.encode_many(["ALTの任期", "CIRとは", "ALTの任期"])
    assert counting.texts == ["ALTの任期", "CIRとは"], "one batch, each question once"
    primed = counting.query("CIRとは")
    assert counting.texts == ["ALTの任期", "CIRとは"]
    alone = shared_encoder().encode(["CIRとは"])[0]
    assert np.allclose(primed, alone, atol=1e-5), "a batch encodes each question as it would alone"
    counting.query("SEAとは")
    assert counting.texts[-1] == "SEAとは", "a question not primed is encoded on its own"


def test_only_a_primed_question_is_known_without_encoding(counting: CountingEncoder) -> None:
    counting.encode_many(["ALTの任期は", "CIRの仕事は"])
    counting.texts.clear()
    assert counting.primed("ALTの任期は") is not None and counting.primed("SEAとは") is None
    assert counting.texts == []  # looking encodes nothing


def test_the_tokens_texts_use_most_come_first(counting: CountingEncoder) -> None:
    sp = counting._model().sp
    school, teacher = (sp.encode(word, out_type=int, add_bos=False, add_eos=False) for word in ("school", "teacher"))
    assert len(school) == len(teacher) == 1, "each word one token of the encoder's vocabulary"
    common = counting.common_tokens(["school school school teacher", "school"])
    assert common.dtype == np.int32 and common[0] == school[0], "four times: first"
    assert teacher[0] in common[1:], "once: after it (with the sentence marks, twice each)"
    assert counting.common_tokens(["school school school teacher", "school"], limit=1).tolist() == school


def test_warming_does_the_per_token_work_once_and_embeds_as_before() -> None:
    encoder = SentenceEncoder()
    tokens = encoder.common_tokens(["国際交流員（CIR）の仕事を教えてください"])
    assert encoder.warm(tokens) == len(tokens) and encoder.warm(tokens) == 0, "each token's work done once"
    assert np.allclose(encoder.encode(["CIRの仕事"]), shared_encoder()._model().encode(["CIRの仕事"]), atol=1e-6)


def test_building_example_vectors_warms_the_tokens_their_examples_use(counting: CountingEncoder) -> None:
    vectors = ExampleVectors(counting, [["スポーツ国際交流員の配置"], ["スポーツ国際交流員とは"]])
    assert len(vectors.common) > 0 and vectors.warm() == 0, "done when built: nothing left on a second call"
    assert set(vectors.common.tolist()) <= set(counting._fast._slots)

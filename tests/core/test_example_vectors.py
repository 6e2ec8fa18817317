"""Example vectors: built once, reused by content, compact, and asked for the cosines a ranking needs."""
from __future__ import annotations

import numpy as np
import pytest

from bot.core.example_vectors import ExampleVectors
from bot.core.semantic import shared_encoder
from counting_encoder import CountingEncoder

EXAMPLES = [["ALTの任期は何年", "ALTは何年働けますか"], ["CIRの仕事内容", "国際交流員は何をする"], ["SEAとは"]]


def test_a_second_build_reuses_every_unchanged_example(counting: CountingEncoder) -> None:
    first = ExampleVectors(counting, EXAMPLES)
    assert first.encoded == 5 and len(counting.texts) == 5
    counting.texts.clear()
    edited = [EXAMPLES[0], ["CIRの仕事内容", "国際交流員の仕事は？"], EXAMPLES[2]]
    second = ExampleVectors(counting, edited, reuse=first.stored())
    assert counting.texts == ["国際交流員の仕事は？"] and second.encoded == 1
    assert np.array_equal(second.matrix[:3], first.matrix[:3]) and np.array_equal(second.scales[4:], first.scales[4:])
    fresh = ExampleVectors(shared_encoder(), edited)  # batched differently: equal up to float rounding
    assert np.abs(second.matrix.astype(int) - fresh.matrix).max() <= 1
    assert np.allclose(second.scales, fresh.scales, rtol=1e-4)


def test_the_same_text_twice_is_encoded_once(counting: CountingEncoder) -> None:
    vectors = ExampleVectors(counting, [["JETとは"], ["JETとは", "JETの目的"]])
    assert sorted(counting.texts) == ["JETとは", "JETの目的"]
    assert np.array_equal(vectors.matrix[0], vectors.matrix[1])


def test_compact_cosines_pick_the_right_intent() -> None:
    vectors = ExampleVectors(shared_encoder(), EXAMPLES)
    assert vectors.matrix.dtype == np.int8
    question = vectors.query("国際交流員の仕事について教えて")
    scores = vectors.best_of(question, [0, 1, 2])
    assert max(range(3), key=scores.__getitem__) == 1
    assert vectors.best(question, 1) == pytest.approx(scores[1], abs=1e-6)
    assert vectors.best(question, 2, skip=0) == 0.0


def test_the_best_cosines_of_several_intents_are_each_intents_own() -> None:
    vectors = ExampleVectors(shared_encoder(), [*EXAMPLES, []])  # the last intent has no examples
    question = vectors.query("ALTの任期について")
    order = [2, 0, 3, 1, 0]
    assert vectors.best_of(question, order) == pytest.approx([vectors.best(question, i) for i in order], abs=1e-6)
    assert vectors.best_of(question, [3]) == [0.0] and vectors.best_of(question, []) == []


def test_the_two_nearest_examples_of_each_intent() -> None:
    vectors = ExampleVectors(shared_encoder(), [*EXAMPLES, []])
    question = vectors.query("ALTは何年まで働けますか")
    order = [0, 2, 3, 1]
    first, second = vectors.nearest_two(question, order)
    each = [sorted((vectors.best(question, i, skip=k) for k in range(len(EXAMPLES[i]))), reverse=True)
            for i in (0, 1)]  # with two examples, hiding one leaves the other
    assert first == pytest.approx([vectors.best(question, i) for i in order], abs=1e-6)
    assert second[0] == pytest.approx(each[0][1], abs=1e-6) and second[3] == pytest.approx(each[1][1], abs=1e-6)
    assert second[1] == first[1], "one example: its cosine twice"
    assert first[2] == second[2] == 0.0, "no examples"
    hidden_first, hidden_second = vectors.nearest_two(question, order, skip=(0, 0))
    assert hidden_first[0] == hidden_second[0] == pytest.approx(vectors.best(question, 0, skip=0), abs=1e-6)
    assert hidden_first[1:] == pytest.approx(first[1:], abs=1e-6)

"""Fixtures shared by the core's tests."""
from __future__ import annotations

import pytest

from counting_encoder import CountingEncoder


@pytest.fixture
def counting() -> CountingEncoder:
    """An encoder that records what it encodes (``counting.texts``)."""
    return CountingEncoder()

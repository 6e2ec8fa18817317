"""An encoder that records what it is asked to encode (to see which examples a build encodes)."""
from __future__ import annotations

from typing import Sequence

import numpy as np

from bot.core.semantic import SentenceEncoder, shared_encoder


class CountingEncoder(SentenceEncoder):
    """The shared encoder (its weights and its token cache), counting every text it is asked to encode."""

    def __init__(self) -> None:
        super().__init__()
        shared = shared_encoder()
        self._backend, self._fast = shared._model(), shared._fast
        self.texts: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.texts.extend(texts)
        return shared_encoder().encode(texts)

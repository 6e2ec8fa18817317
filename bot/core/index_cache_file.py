"""The index cache's file format: a header, a pickle stream, and page-aligned raw arrays.

``save`` writes atomically; ``load`` checks the header, size and SHA-256 before anything
is unpickled, then memory-maps the large arrays (see :mod:`bot.core.index_cache` for when a
file is used). Objects holding process resources (the SudachiPy tokenizer inside
:class:`bot.core.text.Analyzer`, the sentence encoder) are stored as references and recreated
on load, once per process.
"""
from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import os
import pickle
import time
from pathlib import Path
from typing import Any, Callable

from bot.core.knowledge_base import KnowledgeBase
from bot.core.cache_files import atomic_write, map_sparse, read_ahead, read_small
from bot.core.semantic import SentenceEncoder, shared_encoder
from bot.core.text import Analyzer

FORMAT = 3  # 3: int8 example vectors with a scale per row and content keys
MAGIC = b"JETBOT-KB-CACHE\n"
HEADER_BYTES = 4096
PAGE = 4096
OUT_OF_BAND_BYTES = 1 << 20  # arrays this large are stored raw and memory-mapped on load


# --- process-wide resources are referenced, not pickled (see the module docstring) ----------------


class _Pickler(pickle.Pickler):
    def __init__(self, file: Any, synonyms: tuple[tuple[str, ...], ...],
                 buffer_callback: Callable[[pickle.PickleBuffer], bool] | None = None) -> None:
        super().__init__(file, protocol=5, buffer_callback=buffer_callback)
        self._synonyms = synonyms

    def persistent_id(self, obj: Any) -> Any:
        if isinstance(obj, Analyzer):
            return ("analyzer", self._synonyms)
        if isinstance(obj, SentenceEncoder):
            return ("encoder",)
        return None


class _Unpickler(pickle.Unpickler):
    def __init__(self, file: Any, buffers: list[memoryview] | None = None, folder: Path | None = None) -> None:
        super().__init__(file, buffers=buffers or ())
        self._folder = folder  # where the encoder's state file is mapped from
        self._analyzers: dict[tuple[tuple[str, ...], ...], Analyzer] = {}

    def persistent_load(self, pid: Any) -> Any:
        kind = pid[0]
        if kind == "analyzer":
            synonyms = tuple(tuple(group) for group in pid[1])
            if synonyms not in self._analyzers:
                self._analyzers[synonyms] = Analyzer(synonyms)
            return self._analyzers[synonyms]
        if kind == "encoder":
            return shared_encoder(self._folder)
        raise pickle.UnpicklingError(f"unknown resource {kind!r}")


# --- reading and writing ------------------------------------------------------------------------

class _HashingWriter:
    """A file writer that hashes and counts what goes through it."""

    def __init__(self, out: io.BufferedWriter) -> None:
        self._out = out
        self.digest = hashlib.sha256()
        self.size = 0

    def write(self, data: Any) -> int:
        view = memoryview(data).cast("B")
        self._out.write(view)
        self.digest.update(view)
        self.size += view.nbytes
        return view.nbytes

    def pad_to(self, boundary: int) -> None:
        """Zero-fill up to the next multiple of ``boundary`` (counted from the start of the data)."""
        if self.size % boundary:
            self.write(bytes(boundary - self.size % boundary))


def save(kb: KnowledgeBase, path: Path, code: str) -> None:
    """Write ``kb`` to ``path`` atomically (readers see the old file or the new one, never half).

    Layout: a 4 KiB header block (magic, JSON header, space padding), the pickle stream, then
    every large array's raw bytes at a page-aligned offset (pickle protocol 5 out-of-band
    buffers), which :func:`load` maps instead of copying.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(path) as out:
        out.write(bytes(HEADER_BYTES))
        writer = _HashingWriter(out)
        big: list[pickle.PickleBuffer] = []

        def out_of_band(buffer: pickle.PickleBuffer) -> bool:
            if buffer.raw().nbytes >= OUT_OF_BAND_BYTES:
                big.append(buffer)
                return False
            return True

        _Pickler(writer, kb.knowledge.synonyms, out_of_band).dump(kb)  # type: ignore[arg-type]
        pickle_size = writer.size
        spans = []
        for buffer in big:
            writer.pad_to(PAGE)
            raw = buffer.raw()
            spans.append([HEADER_BYTES + writer.size, raw.nbytes])
            writer.write(raw)
        header = json.dumps({
            "format": FORMAT, "code": code, "version": kb.version,
            "sha256": writer.digest.hexdigest(), "file_size": HEADER_BYTES + writer.size,
            "pickle_size": pickle_size, "buffers": spans,
            "written": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}).encode()
        block = MAGIC + header + b"\n"
        if len(block) > HEADER_BYTES:
            raise ValueError("index cache header too large")
        out.seek(0)
        out.write(block + b" " * (HEADER_BYTES - len(block)))


def load(path: Path, version: str, code: str) -> tuple[KnowledgeBase | None, str]:
    """The cached knowledge base at ``path``, or ``None`` and why it cannot be used.

    The checksum is verified (streaming) before anything is unpickled; large arrays are then
    memory-mapped read-only, so only the pages a question touches become resident, and
    worker processes share them through the page cache (read ahead into it, see
    :func:`bot.core.cache_files.read_ahead`). Cache files are only ever replaced
    (``os.replace``), never rewritten in place, so a mapping stays valid.
    """
    try:
        with open(path, "rb") as handle:
            block = handle.read(HEADER_BYTES)
            if not block.startswith(MAGIC):
                return None, "not a jetbot cache file"
            header = json.loads(block[len(MAGIC):].split(b"\n", 1)[0].decode())
            if header.get("format") != FORMAT or header.get("code") != code:
                return None, "written by another version of the code"
            if header.get("version") != version:
                return None, "for another version of the YAML"
            if os.fstat(handle.fileno()).st_size != header.get("file_size"):
                return None, "corrupt (wrong size)"
            digest = hashlib.sha256()
            read_small(handle)
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
            if digest.hexdigest() != header.get("sha256"):
                return None, "corrupt (checksum mismatch)"
            mapped = map_sparse(handle)
            view = memoryview(mapped)
            buffers = [view[start:start + size] for start, size in header.get("buffers", [])]
            for start, size in header.get("buffers", []):
                read_ahead(mapped, start, size)
            handle.seek(HEADER_BYTES)
            try:
                kb = _Unpickler(handle, buffers, path.parent).load()
            except Exception as exc:  # anything a damaged or foreign pickle can raise
                return None, f"corrupt ({type(exc).__name__})"
    except FileNotFoundError:
        return None, "no cache file"
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        return None, f"unreadable ({type(exc).__name__})"
    if not isinstance(kb, KnowledgeBase) or kb.version != version:
        return None, "corrupt (unexpected content)"
    if kb.matcher.vectors is not None:  # the encoder's work for the tokens the examples use most, done now
        kb.matcher.vectors.warm()
    return dataclasses.replace(kb, loaded_at=time.time()), "hit"

"""Files of the index cache folder: written atomically, mapped page by page.

:func:`atomic_write` gives a file that replaces ``path`` only once it is complete and on disk
(readers see the old file or the new one, never half; a mapping of the old one stays valid).

Read-only mappings (:func:`map_sparse`) become resident page by page, as they are used, with random
access advised (no read-ahead around a fault: a question reads a few rows here and there).

Large folios are what would make a mapping resident in bulk: touching one byte of a page cached in a
large folio maps the whole folio (up to megabytes), and pages a process writes, or reads through
with the usual read-ahead, are cached that way. So :func:`atomic_write` drops the pages it wrote,
and a file read through (the index cache for its checksum, the parts of the encoder's state that
every worker reads whole: :func:`cache_small`) is read with random access advised
(:func:`read_small`), which caches it one 4 KiB page at a time. Those pages are then kept: a first
touch of the mapping is a minor fault, not a disk read, and only the kernel's fault-around (the
cached neighbours of a faulting page, up to 64 KiB) is mapped with it -- shared, file-backed pages,
one copy in the page cache for every worker.

Before issue 15's branch perf2 each mapping dropped the file's cached pages instead: at 10,000
intents a fresh worker then read ~19 pages per question from the disk (major faults), ~1 ms of CPU
and more of wall-clock per question over its first few hundred questions, for a peak ~35 MB lower
(341 against 376 MB, all of it shared; private memory is the same). :func:`read_ahead` asks the
kernel to read ranges questions will use into the page cache in the background (the kernel reads at
most its read-ahead window per call).
"""
from __future__ import annotations

import contextlib
import mmap
import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator


@contextlib.contextmanager
def atomic_write(path: Path) -> Iterator[BinaryIO]:
    """A file to write that becomes ``path`` (``fsync``, ``os.replace``) when the block ends without error."""
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
            drop_cached(out.fileno())  # written pages sit in large folios: a mapping would take them whole
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def drop_cached(fd: int) -> None:
    """Drop the file's clean pages that no process maps from the page cache (Linux; elsewhere nothing)."""
    with contextlib.suppress(AttributeError, OSError):
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)


def read_small(handle: BinaryIO) -> None:
    """Have ``handle``'s reads bring pages into the page cache one by one, not in large folios that a
    later mapping would take whole (the index cache is read through once for its checksum)."""
    with contextlib.suppress(AttributeError, OSError):
        os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_RANDOM)


def cache_small(handle: BinaryIO, spans: Iterable[tuple[int, int]]) -> None:
    """Read the ``(start, size)`` spans of ``handle``'s file once, as :func:`read_small` (into the page
    cache, page by page), so that no first touch of their mapping waits for the disk: for the parts of
    a file that every worker reads whole (from the page cache this is a copy, ~1 ms per 5 MB)."""
    read_small(handle)
    buffer = memoryview(bytearray(1 << 20))
    for start, size in spans:
        handle.seek(start)
        while size > 0 and (got := handle.readinto(buffer[:min(size, len(buffer))])):
            size -= got


def map_sparse(handle: BinaryIO) -> mmap.mmap:
    """Map ``handle``'s whole file read-only, page by page on first use (see the module docstring)."""
    mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    with contextlib.suppress(AttributeError, OSError):
        mapped.madvise(mmap.MADV_RANDOM)
    return mapped


def read_ahead(mapped: mmap.mmap, start: int, size: int) -> None:
    """Have the kernel read ``size`` bytes at ``start`` of a :func:`map_sparse` mapping into the page cache."""
    low = start - start % mmap.PAGESIZE
    with contextlib.suppress(AttributeError, OSError, ValueError):  # not Linux: pages come on first use
        mapped.madvise(mmap.MADV_WILLNEED, low, size + start - low)

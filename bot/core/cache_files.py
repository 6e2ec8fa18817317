"""Files of the index cache folder: written atomically, mapped page by page.

:func:`atomic_write` gives a file that replaces ``path`` only once it is complete and on disk
(readers see the old file or the new one, never half; a mapping of the old one stays valid).

Read-only mappings (:func:`map_sparse`) become resident page by page, as they are used.

A file just written (or read through for its checksum) sits in the page cache in large
folios, and touching one byte of a mapping then maps the whole folio (up to megabytes):
a worker would count most of the index and encoder files as resident after a few hundred
questions. :func:`map_sparse` drops the file's unmapped cached pages first and advises random
access, so each fault reads and maps one 4 KiB page: resident memory is what questions use.
Pages another worker has mapped stay cached and are shared. :func:`read_ahead` then asks the
kernel to read the ranges questions will use back into the page cache in the background: a
first touch is then a minor fault instead of a 4 KiB disk read (~40 µs), and the page cache is
shared by every worker and not counted in any one's resident memory until it touches a page.
"""
from __future__ import annotations

import contextlib
import mmap
import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Iterator


@contextlib.contextmanager
def atomic_write(path: Path) -> Iterator[BinaryIO]:
    """A file to write that becomes ``path`` (``fsync``, ``os.replace``) when the block ends without error."""
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def map_sparse(handle: BinaryIO) -> mmap.mmap:
    """Map ``handle``'s whole file read-only, page by page on first use (see the module docstring)."""
    with contextlib.suppress(AttributeError, OSError):  # not Linux: a plain mapping
        os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
    mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    with contextlib.suppress(AttributeError, OSError):
        mapped.madvise(mmap.MADV_RANDOM)
    return mapped


def read_ahead(mapped: mmap.mmap, start: int, size: int) -> None:
    """Have the kernel read ``size`` bytes at ``start`` of a :func:`map_sparse` mapping into the page cache."""
    low = start - start % mmap.PAGESIZE
    with contextlib.suppress(AttributeError, OSError, ValueError):  # not Linux: pages come on first use
        mapped.madvise(mmap.MADV_WILLNEED, low, size + start - low)

"""Cache files are mapped page by page: reading ahead fills the page cache, not a worker's resident memory."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bot.core.cache_files import atomic_write, cache_small, map_sparse, read_ahead

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/status")


def resident_file_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("RssFile:"):
            return int(line.split()[1])
    raise AssertionError("no RssFile in /proc/self/status")


def test_reading_ahead_leaves_pages_unmapped_until_a_question_touches_them(tmp_path: Path) -> None:
    path = tmp_path / "index.bin"
    with atomic_write(path) as out:
        out.write(bytes(range(256)) * (64 * 1024))  # 16 MiB
    with open(path, "rb") as handle:
        mapped = map_sparse(handle)
        before = resident_file_kb()
        read_ahead(mapped, 12345, 16 * 1024 * 1024 - 12345)  # an unaligned start, as array offsets may be
        assert resident_file_kb() - before < 2048, "read ahead must not map the file into this process"
        assert mapped[12345] == 12345 % 256 and mapped[-1] == 255
        assert resident_file_kb() - before < 2048, "two touches map two pages, not the file"
        mapped.close()


def major_faults() -> int:
    return int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[9])


def test_a_file_read_into_the_page_cache_is_mapped_without_waiting_for_the_disk(tmp_path: Path) -> None:
    path = tmp_path / "encoder.bin"
    with atomic_write(path) as out:  # its pages are dropped once written
        out.write(bytes(range(256)) * (16 * 1024))  # 4 MiB
    with open(path, "rb") as handle:
        cache_small(handle, [(0, 2 * 1024 * 1024)])
        mapped = map_sparse(handle)
        before, resident = major_faults(), resident_file_kb()
        assert sum(mapped[at] for at in range(0, 2 * 1024 * 1024, 4096)) == 0  # every page of the span
        assert major_faults() == before, "the span read beforehand is in the page cache"
        assert resident_file_kb() - resident < 2048 + 512, "only the span's pages (and their neighbours) are mapped"
        mapped.close()

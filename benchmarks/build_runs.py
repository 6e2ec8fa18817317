"""The building measurements of :mod:`benchmarks.matcher_bench`: a cold build (``--mode cold``) and a rebuild
after 1 % of the intents were edited (``--mode rebuild``), each in the process that runs it."""
from __future__ import annotations

import time
from pathlib import Path

from benchmarks.process_memory import peak_rss_mb


def run_cold(kb_dir: Path, cache_dir: Path) -> dict:
    """Parse, build and write the index with an empty cache folder; each phase's seconds and the peak memory."""
    t_import = time.perf_counter()
    from bot.core import index_cache
    from bot.core.knowledge import load_knowledge
    imported = time.perf_counter()
    for old in cache_dir.iterdir():  # index files, stored embeddings, encoder state: a cold start has none
        if old.is_file():
            old.unlink()
    intents, knowledge_dir = kb_dir / "intents", kb_dir / "knowledge"
    started = time.perf_counter()
    version = index_cache.content_version(intents, knowledge_dir)
    knowledge = load_knowledge(intents, knowledge_dir)
    parsed = time.perf_counter()
    from bot.core.build_progress import Progress
    with Progress(None) as bar:
        kb = index_cache._build(knowledge, bar, None, cache_dir)
    built = time.perf_counter()
    path = index_cache.cache_path(cache_dir, version)
    index_cache.save(kb, path)
    saved = time.perf_counter()
    return {
        "mode": "cold", "intents": len(kb.intents), "examples": sum(len(i.examples) for i in knowledge.intents),
        "import_s": imported - t_import, "yaml_s": parsed - started, "build_s": built - parsed,
        "save_s": saved - built, "cold_load_s": saved - started, "cache_bytes": path.stat().st_size,
        "encoded": kb.matcher.vectors.encoded if kb.matcher.vectors is not None else 0, "peak_rss_mb": peak_rss_mb(),
    }


def edit_intents(source: Path, target: Path, share: float) -> int:
    """Copy the knowledge in ``source`` to ``target`` and rewrite every example of ``share`` of its
    intents (every k-th ``- id:`` block, with text no earlier run wrote); returns how many intents changed."""
    import shutil

    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target)
    step, seen, changed = max(1, round(1 / share)), 0, 0
    edit = f'      - "改めて（{time.time_ns() % 10**9}）、'  # new each run: the stored vectors never hold it
    for path in sorted((target / "intents").glob("*.yaml")):
        lines, editing = path.read_text(encoding="utf-8").splitlines(), False
        for at, line in enumerate(lines):
            if line.startswith("  - id: "):
                editing, seen = seen % step == 0, seen + 1
                changed += editing
            elif editing and line.startswith('      - "'):
                lines[at] = line.replace('      - "', edit, 1)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return changed


def run_rebuild(kb_dir: Path, cache_dir: Path, share: float) -> dict:
    """Build ``share`` of the intents edited over the cache of a cold run: what was encoded, what reused."""
    from bot.core import index_cache

    edited = kb_dir.parent / f"{kb_dir.name}-edited"
    changed = edit_intents(kb_dir, edited, share)
    started = time.perf_counter()
    result = index_cache.load_or_build(edited / "intents", edited / "knowledge", cache_dir, progress=False)
    elapsed = time.perf_counter() - started
    if result.hit:
        raise SystemExit(f"expected a rebuild in {cache_dir}, the cache already held the edited knowledge")
    examples = sum(len(i.examples) for i in result.kb.knowledge.intents)
    return {"mode": "rebuild", "intents": len(result.kb.intents), "changed_intents": changed, "examples": examples,
            "encoded": result.encoded, "reused_vectors": examples - result.encoded, "rebuild_s": elapsed,
            "peak_rss_mb": peak_rss_mb()}

"""The index cache: a warm load answers like a cold one; edits, damage and other code invalidate it."""
from __future__ import annotations

import io
import json
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.core import index_cache, index_cache_file as index_file
from bot.core.answer import answer
from bot.core.knowledge_model import KnowledgeError
from bot.core.knowledge import load_knowledge
from bot.core.types import IncomingMessage
from bot.core.example_vectors import ExampleVectors
from counting_encoder import CountingEncoder
from paths import FIXTURES

MINI = FIXTURES / "mini"
QUESTIONS = ["JETの参加者数は", "総務省の電話番号を教えて", "もんかしょうの問い合わせ先", "事例集には何件ありますか",
             "How many people have joined JET?", "明日の天気は？", "ラーメン"]


@pytest.fixture
def kb_dir(tmp_path: Path) -> Path:
    target = tmp_path / "kb"
    shutil.copytree(MINI, target)
    return target


def load(kb_dir: Path, cache: Path, **kw) -> index_cache.CacheResult:
    return index_cache.load_or_build(kb_dir / "intents", kb_dir / "knowledge", cache, progress=False, **kw)


def replies(kb) -> list:
    return [answer(IncomingMessage(q), kb) for q in QUESTIONS]


def test_version_is_the_loaders_content_hash(kb_dir: Path) -> None:
    knowledge = load_knowledge(kb_dir / "intents", kb_dir / "knowledge")
    assert index_cache.content_version(kb_dir / "intents", kb_dir / "knowledge") == knowledge.version


def test_warm_load_answers_exactly_like_cold(kb_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cold = load(kb_dir, cache)
    assert not cold.hit and cold.reason == "no cache file"
    assert cold.path is not None and cold.path.name == f"{cold.kb.version}.pkl" and cold.path.exists()
    warm = load(kb_dir, cache)
    assert warm.hit and warm.kb.version == cold.kb.version
    assert replies(warm.kb) == replies(cold.kb)
    assert [s for s in warm.kb.matcher.rank(warm.kb.matcher.analyse("総務省の連絡先"))] == \
        [s for s in cold.kb.matcher.rank(cold.kb.matcher.analyse("総務省の連絡先"))]
    assert warm.kb.loaded_at >= cold.kb.loaded_at
    assert not list(cache.glob("*.tmp")), "no temporary file is left behind"


def test_a_changed_yaml_file_invalidates_the_cache(kb_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = load(kb_dir, cache)
    path = kb_dir / "intents" / "mini.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "examples: [総務省の電話番号,", "examples: [総務省の電話番号, 総務省にファクスを送りたい,"), encoding="utf-8")
    second = load(kb_dir, cache)
    assert not second.hit and second.kb.version != first.kb.version
    assert "総務省にファクスを送りたい" in second.kb.intents["contact_mic"].examples
    assert load(kb_dir, cache).hit  # and the new version is cached in turn


def test_a_corrupt_cache_file_is_ignored_and_rebuilt(kb_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    good = load(kb_dir, cache)
    data = good.path.read_bytes()
    for damaged in (data[: len(data) // 2],                          # truncated
                    data[:-10] + bytes(b ^ 0xFF for b in data[-10:]),  # bytes flipped
                    b"garbage"):                                      # not a cache file at all
        good.path.write_bytes(damaged)
        again = load(kb_dir, cache)
        assert not again.hit and ("corrupt" in again.reason or "not a jetbot cache" in again.reason)
        assert replies(again.kb) == replies(good.kb)
        assert load(kb_dir, cache).hit, "the rebuilt file replaced the damaged one"


def test_a_pickle_that_does_not_match_its_checksum_is_never_unpickled(kb_dir: Path, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    good = load(kb_dir, cache)
    raw = good.path.read_bytes()
    other = pickle.dumps("something else")
    good.path.write_bytes(raw[:index_file.HEADER_BYTES] + other + bytes(len(raw) - index_file.HEADER_BYTES - len(other)))
    monkeypatch.setattr(index_file._Unpickler, "load", lambda self: pytest.fail("unpickled a damaged file"))
    kb, reason = index_cache.load(good.path, good.kb.version)
    assert kb is None and "checksum" in reason


def test_large_arrays_are_mapped_not_copied_and_answer_the_same(kb_dir: Path, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_file, "OUT_OF_BAND_BYTES", 1)  # every array goes out of band
    cache = tmp_path / "cache"
    cold = load(kb_dir, cache)
    warm = load(kb_dir, cache)
    assert warm.hit and replies(warm.kb) == replies(cold.kb)
    vectors = getattr(warm.kb.matcher, "vectors", None)
    if vectors is not None:
        assert not vectors.matrix.flags.writeable, "the mapped matrix is read-only"


def test_term_counts_postings_and_packed_texts_are_mapped_from_the_cache_on_a_warm_load(
        kb_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_file, "OUT_OF_BAND_BYTES", 1)  # the mini knowledge's arrays are small
    cache = tmp_path / "cache"
    cold = load(kb_dir, cache)
    warm = load(kb_dir, cache)
    assert warm.hit and replies(warm.kb) == replies(cold.kb)
    m, speller = warm.kb.matcher, warm.kb.speller
    arrays = {"example term ids": m.ex_docs.ids, "answer term counts": m.ans_docs.counts,
              "reading postings": m.fields["rd"].post_docs, "example weights": m.fields["ex"].post_weights,
              "example texts": m.example_norms.data, "speller keys": speller._index.hashes}
    for name, array in arrays.items():  # views of the one mapping every worker shares, not private copies
        assert not array.flags.owndata and not array.flags.writeable, name
    assert m.example_norms[0] == cold.kb.matcher.example_norms[0]


def test_a_cache_written_by_other_code_is_ignored(kb_dir: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    load(kb_dir, cache)
    monkeypatch.setattr(index_cache, "_fingerprint", "0123456789abcdef")
    other = load(kb_dir, cache)
    assert not other.hit and other.reason == "written by another version of the code"


def test_bad_yaml_raises_like_load_kb_and_caches_nothing(kb_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    (kb_dir / "intents" / "broken.yaml").write_text("intents:\n  - id: Bad Id\n", encoding="utf-8")
    with pytest.raises(KnowledgeError):
        load(kb_dir, cache)
    assert not list(cache.glob("*.pkl"))


def test_progress_only_when_asked_or_on_a_terminal(kb_dir: Path, tmp_path: Path) -> None:
    quiet = io.StringIO()
    index_cache.load_or_build(kb_dir / "intents", kb_dir / "knowledge", tmp_path / "a", stream=quiet)
    assert quiet.getvalue() == ""  # StringIO is not a terminal
    shown = io.StringIO()
    index_cache.load_or_build(kb_dir / "intents", kb_dir / "knowledge", tmp_path / "b", stream=shown, progress=True)
    assert "indexing" in shown.getvalue()
    warm = io.StringIO()
    index_cache.load_or_build(kb_dir / "intents", kb_dir / "knowledge", tmp_path / "b", stream=warm, progress=True)
    assert warm.getvalue() == "", "a warm load prints nothing"


def test_cache_can_be_switched_off(kb_dir: Path) -> None:
    result = index_cache.load_or_build(kb_dir / "intents", kb_dir / "knowledge", None, progress=False)
    assert not result.hit and result.path is None and result.reason == "cache disabled"


def test_an_unusable_cache_folder_only_costs_the_cache(kb_dir: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    result = load(kb_dir, blocker / "cache")
    assert not result.hit and result.path is None and result.reason == "cache folder unusable"
    assert replies(result.kb)[0].intent_id == "size"


def test_an_edit_re_encodes_only_the_examples_it_changed(kb_dir: Path, tmp_path: Path, counting: CountingEncoder) -> None:
    cache = tmp_path / "cache"
    first = load(kb_dir, cache, encoder=counting)
    examples = sum(len(i.examples) for i in first.kb.knowledge.intents)
    assert first.encoded == examples and len(counting.texts) == examples
    counting.texts.clear()
    path = kb_dir / "intents" / "mini.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "examples: [総務省の電話番号,", "examples: [総務省の電話番号, 総務省にファクスを送りたい,"), encoding="utf-8")
    second = load(kb_dir, cache, encoder=counting)
    assert not second.hit and counting.texts == ["総務省にファクスを送りたい"] and second.encoded == 1
    fresh = load(kb_dir, tmp_path / "empty")
    assert replies(second.kb) == replies(fresh.kb), "reused vectors answer like freshly encoded ones"


def test_new_code_reuses_the_stored_embeddings(kb_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               counting: CountingEncoder) -> None:
    cache = tmp_path / "cache"
    load(kb_dir, cache, encoder=counting)
    counting.texts.clear()
    monkeypatch.setattr(index_cache, "_fingerprint", "0123456789abcdef")
    other = load(kb_dir, cache, encoder=counting)
    assert not other.hit and other.reason == "written by another version of the code"
    assert counting.texts == [] and other.encoded == 0


WORKER = """
import json, sys, time
started = time.process_time()
from pathlib import Path
from bot.core import index_cache
from bot.core.answer import answer
from bot.core.types import IncomingMessage
kb_dir, cache = Path(sys.argv[1]), Path(sys.argv[2])
result = index_cache.load_or_build(kb_dir / "intents", kb_dir / "knowledge", cache, progress=False)
reply = answer(IncomingMessage("総務省の電話番号を教えて"), result.kb)
backend = result.kb.matcher.vectors.encoder._backend
print(json.dumps({"hit": result.hit, "intent": reply.intent_id, "cpu_seconds": time.process_time() - started,
                  "encoder_mapped": not backend.table.flags.owndata, "vectors_mapped": not result.kb.matcher.vectors.matrix.flags.owndata}))
"""


def test_a_worker_starts_from_a_warm_cache_with_everything_mapped(kb_dir: Path, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_file, "OUT_OF_BAND_BYTES", 1)  # the mini knowledge's vectors are small
    cache = tmp_path / "cache"
    cold = load(kb_dir, cache)
    # a fresh process, as a worker starts (its imports count: they are part of being ready)
    code = f"import bot.core.index_cache_file as f; f.OUT_OF_BAND_BYTES = 1\n{WORKER}"
    done = subprocess.run([sys.executable, "-c", code, str(kb_dir), str(cache)], capture_output=True, text=True,
                          timeout=120, check=True)
    worker = json.loads(done.stdout)
    assert worker["hit"] and worker["intent"] == answer(IncomingMessage("総務省の電話番号を教えて"), cold.kb).intent_id
    assert worker["encoder_mapped"] and worker["vectors_mapped"]
    assert worker["cpu_seconds"] < 5, "CPU time to the first answer (wall time varies with the machine's load)"


def test_a_warm_load_does_the_encoders_work_for_the_tokens_the_examples_use_most(
        kb_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load(kb_dir, tmp_path / "cache")
    warmed: list[list[int]] = []
    monkeypatch.setattr(ExampleVectors, "warm", lambda self: warmed.append(self.common.tolist()) or 0)
    warm = load(kb_dir, tmp_path / "cache")  # a new worker's load: nothing of the build's warm-up is left
    assert warm.hit and warmed == [warm.kb.matcher.vectors.common.tolist()] and warmed[0]

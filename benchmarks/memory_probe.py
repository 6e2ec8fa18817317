"""Where a warm serving process's memory goes (the breakdown in results.md).

    .venv/bin/python -m benchmarks.run --work DIR        # keeps DIR/kb10000, DIR/cache10000, DIR/code
    PYTHONPATH=DIR/code .venv/bin/python benchmarks/memory_probe.py DIR/kb10000 DIR/cache10000 10000 OUT.json

(``PYTHONPATH=DIR/code``: the run's copy of the code, so the cache's code fingerprint matches.) Prints resident
memory (private / file-backed, from /proc/self/status) after each step, then the size of each part
of the loaded knowledge base (``sys.getsizeof`` over its objects, each counted once; arrays
mapped from the cache count 112 bytes). Linux only.
``PROBE_EXTRA=1`` also loads a SudachiPy analyser and the encoder on their own first.
"""
import gc, json, sys, time
from pathlib import Path

def status():
    d = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        k, _, v = line.partition(":")
        if k in ("VmRSS", "RssAnon", "RssFile", "RssShmem", "VmHWM"):
            d[k] = int(v.split()[0]) / 1024
    return d

steps = []
def mark(name):
    s = status(); s["step"] = name; steps.append(s)
    print(f"{name:40s} RSS {s['VmRSS']:7.0f}  anon {s['RssAnon']:7.0f}  file {s['RssFile']:6.0f}  peak {s['VmHWM']:7.0f} MB", flush=True)

mark("interpreter")
import numpy, rapidfuzz  # noqa
mark("numpy+rapidfuzz")
from bot.core import index_cache
from bot.core.answer import answer
from bot.core.types import IncomingMessage
mark("bot imports")
kb_dir, cache_dir = Path(sys.argv[1]), Path(sys.argv[2])
import os
if os.environ.get("PROBE_EXTRA"):
    from bot.core.text import Analyzer
    a = Analyzer(()); a.analyse("住民票"); mark("SudachiPy Analyzer")
    from bot.core.semantic import shared_encoder
    e = shared_encoder(); mark("shared_encoder()")
    e.encode(["住民票の写し"]); mark("one encode")
t = time.perf_counter()
res = index_cache.load_or_build(kb_dir / "intents", kb_dir / "knowledge", cache_dir, progress=False)
assert res.hit, res.reason
kb = res.kb
mark(f"cache loaded ({time.perf_counter()-t:.1f} s)")
gc.collect(); mark("after gc")
answer(IncomingMessage("住民票の写しが欲しい"), kb); mark("first answer")
from benchmarks.question_mix import question_mix
for q in question_mix(int(sys.argv[3]), 300, 7):
    answer(IncomingMessage(q.text), kb)
mark("after 300 questions")

# deep sizes, shared objects counted once, in this order
import numpy as np
seen = set()
def deep(obj):
    total = 0; stack = [obj]
    while stack:
        o = stack.pop()
        if id(o) in seen: continue
        seen.add(id(o))
        if isinstance(o, np.ndarray):
            if o.base is None:
                total += sys.getsizeof(o)
            elif o.flags.writeable:  # loaded from the pickle stream (in band): a private copy
                total += 112 + o.nbytes
            else:  # a read-only view of the cache file's mapping: not heap
                total += 112
            continue
        if isinstance(o, (type, type(sys), memoryview)) or callable(o) and not hasattr(o, "__dict__"):
            continue
        total += sys.getsizeof(o)
        if isinstance(o, (str, bytes, int, float, bool)) or o is None: continue
        if isinstance(o, dict): stack.extend(o.keys()); stack.extend(o.values())
        elif isinstance(o, (list, tuple, set, frozenset)): stack.extend(o)
        if hasattr(o, "__dict__"): stack.append(vars(o))
        if hasattr(o, "__slots__"):
            for s in o.__slots__:
                if hasattr(o, s): stack.append(getattr(o, s))
    return total / 1e6
m = kb.matcher
seen.add(id(m.analyzer)); seen.add(id(m.vectors.encoder) if m.vectors is not None else 0)
parts = {}
if m.vectors is not None:
    v = m.vectors
    parts[f"vectors matrix {v.matrix.shape} {v.matrix.dtype} (mapped, file-backed)"] = v.matrix.nbytes / 1e6
    seen.add(id(v.matrix))
for name, value in vars(m).items():  # every part of the matcher, then of the knowledge base
    parts[f"matcher.{name}"] = deep(value)
import dataclasses
for f in dataclasses.fields(kb):
    if f.name != "matcher":
        parts[f"kb.{f.name}"] = deep(getattr(kb, f.name))
for k, v in parts.items():
    print(f"  {v:8.1f} MB  {k}")
print(f"  total deep {sum(v for k, v in parts.items() if 'mapped' not in k):.1f} MB (heap; mapped excluded)")
print(f"  gc objects {len(gc.get_objects())}")
json.dump({"steps": steps, "parts": parts}, open(sys.argv[4], "w"), indent=1)

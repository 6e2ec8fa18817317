"""The tables of ``benchmarks/results.md``: the matcher (latency, accuracy, start-up, memory) and the web."""
from __future__ import annotations

from typing import Any


def fmt(value: Any, digits: int = 1) -> str:
    """A number for a table cell (– for none)."""
    if value is None or (isinstance(value, float) and value != value):
        return "–"
    return f"{value:,.{digits}f}" if isinstance(value, float) else str(value)


def matcher_tables(summary: dict[str, dict[str, Any]]) -> list[str]:
    """Latency per question, accuracy per kind, start-up and memory."""
    f = fmt
    out = [
        "## Matcher: latency per question", "",
        "End to end through the pure core `bot.core.answer.answer(IncomingMessage(text), kb)`, one question at a "
        "time after 20 untimed warm-up questions. Baseline: `rapidfuzz.process.extractOne(question, all_examples, "
        "scorer=fuzz.WRatio)` on every k-th question of the same list in the same process; speed-up = baseline mean "
        "÷ our mean on exactly those questions. CPU time per question (`time.process_time`) beside the wall clock: "
        "it barely moves when other processes compete for the cores.", "",
        "| N | questions × repeats | p50 ms | p90 ms | p99 ms | CPU p50 / p99 ms | baseline p50 ms | speed-up (mean) | speed-up (p50) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, s in summary.items():
        w = s["warm"]
        out.append(f"| {int(n):,} | {w['questions']} × {w['repeats']} | {f(w['p50_ms'], 2)} | {f(w['p90_ms'], 2)} | "
                   f"{f(w['p99_ms'], 2)} | {f(w['cpu_p50_ms'], 2)} / {f(w['cpu_p99_ms'], 2)} | "
                   f"{f(w['baseline_p50_ms'])} | {f(w['speedup_mean'])}× | {f(w['speedup_p50'])}× |")
    out += ["", "By kind of question (top-1 accuracy: the expected intent answered, or a fallback for out-of-scope; "
            "the baseline counts a WRatio score ≥ 80 as an answer):", "",
            "| N | kind | p50 ms | p99 ms | accuracy | baseline accuracy |", "|---:|---|---:|---:|---:|---:|"]
    for n, s in summary.items():
        for kind, k in s["warm"]["kinds"].items():
            out.append(f"| {int(n):,} | {kind} | {f(k['p50_ms'], 2)} | {f(k['p99_ms'], 2)} | "
                       f"{f(100 * k['accuracy'])} % | {f(100 * s['warm']['baseline_accuracy'][kind])} % |")
    out += ["", "## Start-up and memory", "",
            "*Cold* = read the YAML, build everything, write the cache. *Rebuild* = build again over a folder that "
            "holds an earlier index (as after an edit, or new code): vectors of unchanged example texts are reused. "
            "*Warm* = a new process loading the cache: *loaded* counts from process start (imports included), "
            "*ready* adds the first answer. Peak = `ru_maxrss`; at the end of the run the resident memory is split "
            "into *private* (anonymous: this process's alone) and *shared* (file-backed: the index cache, the encoder "
            "state and the dictionary, mapped page by page; one copy in the page cache for every worker). *One more "
            "worker* = the `Private_*` memory (smaps) of a second process that loads the same cache and answers while "
            "the first still runs: what each extra worker adds.", "",
            "| N | cold s | of which YAML s | index s | rebuild s (vectors reused) | cache MB | peak MB building | "
            "warm: loaded s | ready s | peak MB serving | private + shared MB | one more worker MB |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for n, s in summary.items():
        c, r, w = s["cold"], s["rebuild"], s["warm"]
        out.append(f"| {int(n):,} | {f(c['cold_load_s'])} | {f(c['yaml_s'])} | {f(c['build_s'])} | "
                   f"{f(r['rebuild_s'])} ({f(r['reused_vectors'], 0)} of {f(r['examples'], 0)}) | "
                   f"{f(c['cache_bytes'] / 1e6)} | {f(c['peak_rss_mb'], 0)} | {f(w['process_to_loaded_s'], 2)} | "
                   f"{f(w['process_to_ready_s'], 2)} | {f(w['peak_rss_mb'], 0)} | "
                   f"{f(w['rss_private_mb'], 0)} + {f(w['rss_shared_mb'], 0)} | "
                   f"{f(w.get('second_worker_private_mb', float('nan')), 0)} |")
    return out + [""]


def web_tables(web: list[dict[str, Any]]) -> list[str]:
    """One row per web scenario."""
    f = fmt
    out = ["## Web: `jetbot serve` under signed webhooks", ""]
    skipped = [r for r in web if "skipped" in r]
    rows = [r for r in web if "skipped" not in r]
    if not rows:
        return out + ["Not measured in this run." + (f" ({skipped[0]['skipped']})" if skipped else ""), ""]
    out += [
        "`python -m bot.cli serve` as deployed (`Procfile`), configured by its environment only: the 1,000-intent "
        "knowledge with a warm index cache, `JETBOT_ANSWER_WORKERS` answer processes beside the web process, "
        "SQLite or PostgreSQL (a throw-away cluster on loopback). The platform APIs are played by "
        "`benchmarks/stub_api.py` (its own process; it counts the replies per event). The load generator "
        "(aiohttp) runs in the harness process on the same 2 cores. *open* = 300 requests/s offered, latency from "
        "each request's due time; *closed* = 64 requests in flight, as fast as acknowledged (a burst). 1 event in "
        "20 is delivered twice (LINE `isRedelivery`, Slack `X-Slack-Retry-Num`); in the PostgreSQL runs every event "
        "is delivered twice, the second time to the other host. *replies/s* = events answered ÷ (first request → "
        "last reply); *CPU ms* = CPU time of the web process per request and of the answer workers per reply "
        "(`/proc`); *missing* = events with no reply when the harness stopped waiting (10 s without a new reply); "
        "*twice* = fresh + redelivered events answered more than once; *logged* = rows of the run in the inquiry "
        "log.", "",
        "| run | store | hosts × answer workers | channel | load | requests / events | ack/s | ack p50 ms | ack p99 ms | "
        "non-200 / errors | replies/s | pushed | web CPU ms/request | worker CPU ms/reply | missing | twice | logged |",
        "|---|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        load = f"open {f(r['target_rate'], 0)}/s" if r["mode"] == "open" else f"closed {r['concurrency']}"
        store = r["store"] + (f", pool {r['pool']}" if r.get("pool") else "")
        non200 = sum(v for k, v in r["statuses"].items() if k != "200")
        workers = r["answer_workers"] // max(1, r["servers"])
        hosts = f"{r['servers']} × {workers}" + (" (1 core each)" if r.get("pinned") else "")
        out.append(f"| {r['run']} | {store} | {hosts} | {r['channel']} | {load} | "
                   f"{r['requests']} / {r['events']} | {f(r['ack_rps'], 0)} | {f(r['p50_ms'])} | {f(r['p99_ms'])} | "
                   f"{non200} / {r['errors']} | {f(r['replies_rps'], 0)} | {r['pushed']} | "
                   f"{f(r['web_cpu_ms_per_request'], 2)} | {f(r['worker_cpu_ms_per_reply'], 2)} | {r['missing']} | "
                   f"{r['answered_twice']} + {r['redelivered_answered_twice']} | {f(r['logged'])} |")
    if skipped:
        out += ["", f"Skipped: {skipped[0]['skipped']}"]
    return out + [""] + cpu_table(rows)


def cpu_table(rows: list[dict[str, Any]]) -> list[str]:
    """Where the CPU of each run went (runs measured with the CPU of every part)."""
    rows = [r for r in rows if "cpu_s" in r]
    if not rows:
        return []
    parts = list(dict.fromkeys(name for r in rows for name in r["cpu_s"]))
    out = ["### Where the CPU went", "",
           "CPU milliseconds per event of each process of the run (`/proc`, from the first request until the last "
           "reply; *harness* = the load generator and the polling), *cores busy* = all of it ÷ that time, *other "
           "processes' cores* = what the rest of the machine used meanwhile (`/proc/stat`). On 2 "
           "cores, a run whose one host keeps more than 2 ÷ 1.7 = 1.18 cores busy leaves too little for a second "
           "host to reach ×1.7; *replies per CPU-second* of the answer workers (and of everything) compare one host "
           "with two whatever the spare cores.", "",
           "| run | store | hosts | events | s | cores busy | other processes' cores | " + " | ".join(parts)
           + " | replies per CPU-s: workers | all |",
           "|---|---|---:|---:|---:|---:|---:|" + "---:|" * len(parts) + "---:|---:|"]
    for r in rows:
        per = " | ".join(fmt(1000 * r["cpu_s"].get(name, 0.0) / max(1, r["events"]), 2) for name in parts)
        hosts = f"{r['servers']}" + (" (1 core each)" if r.get("pinned") else "")
        out.append(f"| {r['run']} {r['channel']} | {r['store']} | {hosts} | {r['events']} | "
                   f"{fmt(r['window_s'])} | {fmt(r['cores_busy'], 2)} | {fmt(r.get('others_cores_busy'), 2)} | {per} | "
                   f"{fmt(r['replies_per_worker_cpu_s'], 0)} | {fmt(r['replies_per_cpu_s'], 0)} |")
    return out + [""]

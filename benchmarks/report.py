"""``benchmarks/results.md`` from one run's results: the targets met or missed, then every figure.

The figures come from ``results.json`` (written beside it); the judgement of what a miss means,
written by a person after looking at the run, comes from ``benchmarks/notes.md`` and is included
as it is. ``python -m benchmarks.run --render results.json`` rewrites the page alone.
"""
from __future__ import annotations

import datetime as dt
import statistics
from pathlib import Path
from typing import Any

from benchmarks.report_tables import fmt, matcher_tables, web_tables

TARGETS = {
    "latency": "p50 ≤ 5 ms and p99 ≤ 15 ms per question at 1,000 and at 10,000 intents, all signals on",
    "speedup": "≥ 50× the naive baseline at 10,000 intents",
    "memory": "serving peak < 400 MB at 10,000 intents, < 300 MB at 1,000",
    "startup": "a worker ready to answer < 1 s after start at 1,000 intents, warm cache",
    "cold": "cold builds: time reported; rebuilds reuse what did not change",
    "ack": "300 requests/s offered to one web process: acknowledgement p99 < 100 ms while answers queue up",
    "queue": "a reply too late for its LINE token is pushed (counted), never lost",
    "replies": "≥ 150 replies/s per core of answering",
    "scale": "two hosts on one PostgreSQL: every event answered once, the log complete, throughput ≥ 1.7× one",
    "pool": "a connection pool against one connection, shown",
    "duration": "`--quick` under 2 minutes, the full run under 15",
}


def median(values: list[float]) -> float:
    """The median of the numbers that are not NaN (NaN if none)."""
    values = [v for v in values if v == v]
    return statistics.median(values) if values else float("nan")


def summarize(matcher: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Medians over the repeats of each size: ``{N: {"warm": {...}, "cold": {...}, "rebuild": {...}}}``."""
    out: dict[str, dict[str, Any]] = {}
    for n, entry in matcher.items():
        runs = entry["warm"]
        warm = {k: median([r.get(k, float("nan")) for r in runs]) for k in (
            "process_to_loaded_s", "process_to_ready_s", "p50_ms", "p90_ms", "p99_ms", "cpu_p50_ms", "cpu_p99_ms",
            "baseline_p50_ms", "baseline_p99_ms", "peak_rss_mb", "rss_private_mb", "rss_shared_mb",
            "second_worker_private_mb")}
        warm["speedup_mean"] = median([r["baseline_mean_ms"] / r["ours_on_baseline_subset_mean_ms"] for r in runs])
        warm["speedup_p50"] = median([r["baseline_p50_ms"] / r["ours_on_baseline_subset_p50_ms"] for r in runs])
        warm.update(questions=runs[0]["questions"], repeats=len(runs))
        kinds = runs[0]["kinds"]
        warm["kinds"] = {k: {m: median([r["kinds"][k][m] for r in runs]) for m in ("p50_ms", "p99_ms", "accuracy")}
                         for k in kinds}
        warm["baseline_accuracy"] = {k: median([r["baseline_accuracy"].get(k, float("nan")) for r in runs])
                                     for k in kinds}
        cold = {k: median([r.get(k, float("nan")) for r in entry["cold"]]) for k in (
            "cold_load_s", "yaml_s", "build_s", "save_s", "cache_bytes", "peak_rss_mb")}
        cold["repeats"] = len(entry["cold"])
        rebuild = {k: median([r.get(k, float("nan")) for r in entry.get("rebuild", [])]) for k in (
            "rebuild_s", "reused_vectors", "examples")}
        out[n] = {"warm": warm, "cold": cold, "rebuild": rebuild}
    return out


def _ok(good: bool) -> str:
    return "MET" if good else "MISSED"


def _web(web: list[dict[str, Any]], run: str, pinned: bool | None = None, **match: Any) -> list[dict[str, Any]]:
    """The results of ``run`` matching ``match``; ``pinned``: only runs whose hosts were (or were not) held to
    one core each."""
    return [r for r in web if r.get("run") == run and "skipped" not in r
            and all(r.get(k) == v for k, v in match.items()) and (pinned is None or bool(r.get("pinned")) == pinned)]


def _exact(*runs: dict[str, Any]) -> bool:
    """Every event of these runs answered once, none twice (redelivered or not), each logged once."""
    return all(r["missing"] == 0 and r["answered_twice"] == 0 and r["redelivered_answered_twice"] == 0
               and r["logged"] == r["events"] for r in runs)


def _median_repeat(alone: list[dict[str, Any]], pair: list[dict[str, Any]]) -> tuple[int, list[float]]:
    """The repeat whose two-to-one ratio is the median (a repeat with no reply from one host ranks lowest)."""
    ratios = [p["replies_rps"] / a["replies_rps"] if a["replies_rps"] else float("nan") for a, p in zip(alone, pair)]
    order = sorted(range(len(ratios)), key=lambda k: ratios[k] if ratios[k] == ratios[k] else float("-inf"))
    return order[len(order) // 2], ratios


def _scale(one: dict[str, Any], two: dict[str, Any], cores: int, pinned: bool = False) -> tuple[str, str]:
    """Two hosts against one: exactly once, and the throughput ratio; when one host already kept more
    than ``cores`` ÷ 1.7 cores busy, ×1.7 cannot be reached on this machine, and the ratio of replies
    per CPU-second of answering (answer workers) says how well the answering itself scaled. ``pinned``:
    each host had one core of its own, so the whole machine's ceiling does not apply."""
    exact = _exact(one, two)
    ratio = two["replies_rps"] / one["replies_rps"] if one["replies_rps"] else float("nan")
    text = (f"exactly once and logged once: {'yes' if exact else 'NO'}; {fmt(one['replies_rps'], 0)} → "
            f"{fmt(two['replies_rps'], 0)} replies/s (×{fmt(ratio, 2)})")
    if "cores_busy" not in one:   # results saved before the CPU of each part was measured
        return _ok(exact and ratio >= 1.7), text
    per_cpu = two["replies_per_worker_cpu_s"] / one["replies_per_worker_cpu_s"] if one["replies_per_worker_cpu_s"] \
        else float("nan")
    ceiling = cores / one["cores_busy"] if one["cores_busy"] else float("nan")
    others = max(one.get("others_cores_busy", 0.0), two.get("others_cores_busy", 0.0))
    text += (f"; one host kept {fmt(one['cores_busy'], 2)} of {cores} cores busy (two: {fmt(two['cores_busy'], 2)}"
             + (f"; other processes of the machine up to {fmt(others, 2)}" if "others_cores_busy" in one else "")
             + ")"
             + ("" if pinned else f", so two can reach ×{fmt(ceiling, 2)} at most on an idle machine")
             + "; replies per CPU-second of answering "
             f"{fmt(one['replies_per_worker_cpu_s'], 0)} → {fmt(two['replies_per_worker_cpu_s'], 0)} (×{fmt(per_cpu, 2)}), "
             f"of everything {fmt(one['replies_per_cpu_s'], 0)} → {fmt(two['replies_per_cpu_s'], 0)}")
    if others > 0.3:
        text += " (other processes took cores meanwhile: the wall-clock ratio is not a scaling figure here)"
    if exact and ratio < 1.7 and ceiling < 1.7 and not pinned:
        return "NOT REACHABLE ON THIS MACHINE", text
    return _ok(exact and ratio >= 1.7), text


def verdicts(summary: dict[str, dict[str, Any]], web: list[dict[str, Any]], plan: str,
             elapsed: float, cores: int = 2) -> dict[str, tuple[str, str]]:
    """Each target: (MET / MISSED / NOT MEASURED, the evidence)."""
    v: dict[str, tuple[str, str]] = {key: ("NOT MEASURED", "") for key in TARGETS}
    w1, w10 = (summary.get(n, {}).get("warm") for n in ("1000", "10000"))
    sizes = [(n, w) for n, w in (("1,000", w1), ("10,000", w10)) if w]
    if sizes:
        v["latency"] = (_ok(all(w["p50_ms"] <= 5 and w["p99_ms"] <= 15 for _, w in sizes) and w10 is not None),
                        "; ".join(f"{n}: p50 {fmt(w['p50_ms'], 2)} ms, p99 {fmt(w['p99_ms'], 2)} ms" for n, w in sizes)
                        + ("" if w10 else " (10,000 not measured by --quick)"))
    if w10:
        v["speedup"] = (_ok(w10["speedup_mean"] >= 50), f"{fmt(w10['speedup_mean'])}× (mean), "
                        f"{fmt(w10['speedup_p50'])}× (p50)")
    if sizes:
        limits = {"1,000": 300, "10,000": 400}
        v["memory"] = (_ok(all(w["peak_rss_mb"] < limits[n] for n, w in sizes) and w10 is not None),
                       "; ".join(f"{n}: peak {fmt(w['peak_rss_mb'], 0)} MB (resident at the end: "
                                 f"{fmt(w['rss_private_mb'], 0)} MB private + {fmt(w['rss_shared_mb'], 0)} MB shared)"
                                 for n, w in sizes))
    if w1:
        v["startup"] = (_ok(w1["process_to_ready_s"] < 1), f"process start → first answer "
                        f"{fmt(w1['process_to_ready_s'], 2)} s (index loaded {fmt(w1['process_to_loaded_s'], 2)} s)")
    if summary:
        v["cold"] = ("MET", "; ".join(
            f"{int(n):,}: cold {fmt(s['cold']['cold_load_s'])} s" + (
                f", rebuild {fmt(s['rebuild']['rebuild_s'])} s" if s["rebuild"]["rebuild_s"] == s["rebuild"]["rebuild_s"]
                else "") for n, s in summary.items()))
    ack = _web(web, "ack", answer_workers=1)
    if ack:
        good = all(r["p99_ms"] < 100 and r["errors"] == 0 and r["statuses"].get("200") == r["requests"] for r in ack)
        v["ack"] = (_ok(good), "; ".join(f"{r['channel']}: {fmt(r['ack_rps'], 0)}/s, p99 {fmt(r['p99_ms'])} ms"
                                         for r in ack))
    ran = _web(web, "ack") + _web(web, "burst") + _web(web, "scale") + _web(web, "pool")
    if ran:
        lost = sum(r["missing"] for r in ran)
        v["queue"] = (_ok(lost == 0), f"{sum(r['events'] for r in ran):,} events, {lost} without a reply, "
                                      f"{sum(r.get('pushed', 0) for r in ran)} pushed")
    burst = _web(web, "burst") or _web(web, "scale", servers=1)
    if burst:
        per_core = max(1000 / r["worker_cpu_ms_per_reply"] for r in burst if r["worker_cpu_ms_per_reply"])
        v["replies"] = (_ok(per_core >= 150), f"{fmt(per_core, 0)} replies per CPU-second of answering; " + "; ".join(
            f"{r['answer_workers']} worker(s): {fmt(r['replies_rps'], 0)} replies/s" for r in burst))
    one, two = _web(web, "scale", False, servers=1), _web(web, "scale", False, servers=2)
    alone, pair = _web(web, "scale", True, servers=1), _web(web, "scale", True, servers=2)
    if alone and pair:   # judged on hosts of one core each (the repeat of median ratio); the whole machine's follow
        middle, ratios = _median_repeat(alone, pair)
        verdict, text = _scale(alone[middle], pair[middle], cores, pinned=True)
        failed = [k + 1 for k, (a, p) in enumerate(zip(alone, pair)) if not _exact(a, p)]
        if failed:
            verdict = "MISSED"
        repeats = (f" (the median of {len(ratios)} repeats in turn: " + ", ".join(f"×{fmt(r, 2)}" for r in ratios)
                   + (f"; NOT exactly once in repeat {', '.join(map(str, failed))}" if failed else "") + ")"
                   if len(ratios) > 1 else "")
        v["scale"] = (verdict, "each host held to one core of its own" + repeats + ": " + text + (
            "; on the whole machine (hosts not pinned): " + _scale(one[0], two[0], cores)[1] if one and two else ""))
    elif one and two:
        v["scale"] = _scale(one[0], two[0], cores)
    pool = _web(web, "pool")
    if pool and one:
        v["pool"] = ("MET", f"one connection: {fmt(pool[0]['ack_rps'], 0)} ack/s, p99 {fmt(pool[0]['p99_ms'])} ms, "
                            f"{fmt(pool[0]['replies_rps'], 0)} replies/s; pool: {fmt(one[0]['ack_rps'], 0)} ack/s, "
                            f"p99 {fmt(one[0]['p99_ms'])} ms, {fmt(one[0]['replies_rps'], 0)} replies/s")
    limit = 2 if plan == "quick" else 15
    v["duration"] = (_ok(elapsed / 60 < limit), f"this {plan} run: {elapsed / 60:.1f} minutes")
    return v


def write_report(path: Path, data: dict[str, Any]) -> None:
    """Write the markdown page for one run (``data`` as saved in results.json)."""
    summary = summarize(data["matcher"])
    info, load = data["machine"], data["load"]
    targets = verdicts(summary, data["web"], data["plan"], data["elapsed"], int(info.get("nproc") or 2))
    quick = " --quick" if data["plan"] == "quick" else ""
    lines = [
        "# jetbot benchmarks", "",
        f"Written by `.venv/bin/python -m benchmarks.run{quick}` ({data['plan']} run, {data['elapsed'] / 60:.1f} "
        "minutes). Every figure below is a median over the repeats; ratios use a baseline measured in the same "
        "run. Reproduce with `.venv/bin/python -m benchmarks.run` (`--quick`: a short run).", "",
        "## Machine", "",
        f"- date: {dt.datetime.fromtimestamp(data['started']).strftime('%Y-%m-%d %H:%M')} (local)",
        f"- nproc: {info['nproc']}; CPU: {info['cpu']}; memory: {info['memory']}",
        f"- Python {info['python']} on {info['platform']}",
        f"- code: {info['commit']}, copied at the start and measured from that copy "
        f"(index-cache fingerprint `{info.get('fingerprint', '?')}`)",
        f"- packages: {info['versions']}",
        f"- load average (1/5/15 min) at start: {load[0]}; at the end: {load[1]}; sampled during the run: "
        f"{', '.join(data.get('load_samples', [])) or '–'}. Above ~0.5 other processes shared the 2 cores: "
        "wall-clock figures are then pessimistic; the CPU-time figures much less so.", "",
        "## Targets", "", "| target | result |", "|---|---|",
    ]
    for key, text in TARGETS.items():
        verdict, evidence = targets[key]
        lines.append(f"| {text} | **{verdict}**{' — ' + evidence if evidence else ''} |")
    lines += [""] + matcher_tables(summary) + web_tables(data["web"])
    notes = path.parent / "notes.md"
    if notes.exists():
        lines += ["## What the figures mean, and what is left", "", notes.read_text(encoding="utf-8").strip(), ""]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

"""`make bench`: every measurement of the performance issue in one run, written to benchmarks/results.json.

    python -m benchmarks.run                 # 1k and 10k corpora (about 5–10 minutes on 2 cores)
    python -m benchmarks.run --large         # also the 100k corpus (BENCH_LARGE=1 in make)

Method: each measurement runs in a fresh process (cold caches of the pipeline, its own peak memory),
candidates take turns within a round so that machine noise hits them alike, and every figure is the
median over rounds; ratios are medians of per-round ratios. Peak RSS is the largest sum of resident
memory of the measured process and its workers, sampled every 20 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from benchmarks.corpus import PROJECT_ROOT, ensure_corpus

RESULTS_PATH = PROJECT_ROOT / "benchmarks" / "results.json"
PLOT_PATH = PROJECT_ROOT / "benchmarks" / "throughput.png"
BASE_SIZES = (1_000, 10_000)
LARGE_SIZE = 100_000
WORKER_COUNTS = (1, 2)
SAMPLE_SECONDS = 0.02
TARGETS = {"floor_ratio": 0.10, "spacy_ratio": 2.0, "peak_rss_mb_100k": 2048, "make_run_seeds_s": 20.0,
           "refresh_share": 0.05}


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


class TreeMemorySampler:
    """Peak of the summed RSS of a process and all its descendants, sampled in a thread."""

    def __init__(self, pid: int) -> None:
        self.process = psutil.Process(pid)
        self.peak_bytes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                tree = [self.process, *self.process.children(recursive=True)]
                total = 0
                for member in tree:
                    try:
                        total += member.memory_info().rss
                    except psutil.Error:
                        pass
                self.peak_bytes = max(self.peak_bytes, total)
            except psutil.Error:
                return
            self._stop.wait(SAMPLE_SECONDS)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak_bytes / 2**20


def probe(*args: object, env: dict[str, str] | None = None) -> dict[str, object]:
    """Run `benchmarks.probe` in a fresh interpreter; its JSON result plus wall seconds and sampled peak RSS."""
    command = [sys.executable, "-m", "benchmarks.probe", *map(str, args)]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, **(env or {})})
    sampler = TreeMemorySampler(process.pid)
    stdout, stderr = process.communicate()
    peak = sampler.stop()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{stderr[-4000:]}")
    result = json.loads(stdout.strip().splitlines()[-1])
    return {**result, "wall_seconds": time.perf_counter() - started, "peak_rss_mb": peak}


def dagster_cli(source: Path, data_root: Path, dagster_home: Path, workers: int) -> float:
    """Wall seconds of `make run`'s command (CLI start-up, definitions, every asset and check) on `source`."""
    dagster_home.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "DAGSTER_HOME": str(dagster_home), "PIPELINE_SOURCE_DIR": str(source),
           "PIPELINE_DATA_DIR": str(data_root), "PIPELINE_WORKERS": str(workers)}
    command = [str(Path(sys.executable).with_name("dagster")), "asset", "materialize", "--select", "*",
               "-m", "pipeline.definitions"]
    started = time.perf_counter()
    completed = subprocess.run(command, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if completed.returncode != 0:
        raise RuntimeError(f"dagster asset materialize on {source} failed:\n{completed.stderr[-4000:]}")
    return seconds


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def machine() -> dict[str, object]:
    """What the figures were measured on."""
    model = ""
    try:
        model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                      if line.startswith("model name")), "")
    except OSError:
        pass
    import polars as pl

    return {
        "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu": model, "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "os": platform.platform(terse=True), "python": platform.python_version(), "polars": pl.__version__,
        # other work on the machine slows every figure; the load average says how busy it was
        "load_average_1_5_15_min": [round(value, 2) for value in os.getloadavg()],
    }


def corpus_info(folder: Path) -> dict[str, float]:
    sizes = [entry.stat().st_size for entry in os.scandir(folder) if entry.is_file()]
    return {"documents": len(sizes), "megabytes": sum(sizes) / 1e6, "mean_bytes": sum(sizes) / max(len(sizes), 1)}


def throughput_rounds(folder: Path, scratch: Path, rounds: int, with_spacy: bool) -> dict[str, object]:
    """Floor, spaCy and the pipeline with 1 and 2 workers taking turns, `rounds` times."""
    candidates = ["floor", *(["spacy"] if with_spacy else []), *[f"pipeline_{w}" for w in WORKER_COUNTS]]
    runs: dict[str, list[dict[str, object]]] = {name: [] for name in candidates}
    for round_index in range(rounds):
        order = candidates[round_index % len(candidates):] + candidates[:round_index % len(candidates)]
        for name in order:
            if name.startswith("pipeline_"):
                workers = int(name.split("_")[1])
                result = probe("chain", folder, scratch / f"data-{workers}", workers)
            else:
                result = probe(name, folder)
            runs[name].append(result)
            log(f"{folder.name} round {round_index + 1}/{rounds} {name}: {result['seconds']:.2f} s, "
                f"peak {result['peak_rss_mb']:.0f} MB")
    return runs


def summarise_size(runs: dict[str, list[dict[str, object]]], info: dict[str, float]) -> dict[str, object]:
    """Medians, per-round ratios and per-stage rates of one corpus."""
    documents, megabytes = info["documents"], info["megabytes"]
    rate = {name: [documents / float(r["seconds"]) for r in results] for name, results in runs.items()}
    summary: dict[str, object] = {"corpus": info}
    for name in runs:
        summary[name] = {
            "docs_per_s": median(rate[name]), "mb_per_s": median(rate[name]) * megabytes / documents,
            "seconds": median([float(r["seconds"]) for r in runs[name]]),
            "peak_rss_mb": max(float(r["peak_rss_mb"]) for r in runs[name]), "rounds": len(runs[name]),
        }
    for workers in WORKER_COUNTS:
        name = f"pipeline_{workers}"
        entry = summary[name]
        entry["to_floor"] = median([p / f for p, f in zip(rate[name], rate["floor"])])
        if "spacy" in rate:
            entry["to_spacy"] = median([p / s for p, s in zip(rate[name], rate["spacy"])])
        stages = {}
        for stage in runs[name][0]["stages"]:
            seconds = median([float(r["stages"][stage]) for r in runs[name]])
            stages[stage] = {"seconds": seconds, "docs_per_s": documents / seconds if seconds else None,
                             "mb_per_s": megabytes / seconds if seconds else None}
        entry["stages"] = stages
        entry["rows"] = runs[name][0]["rows"]
    summary["speedup_1_to_2_workers"] = median([two / one for one, two in zip(rate["pipeline_1"], rate["pipeline_2"])])
    return summary


def linked_copy(folder: Path, target: Path) -> Path:
    """The corpus hard-linked into a private folder: refreshes add files there, never to the cached corpus."""
    target.mkdir(parents=True)
    for path in sorted(folder.iterdir()):
        (target / path.name).hardlink_to(path)
    return target


def dagster_measurements(corpora: dict[str, Path], built: tuple[Path, Path], scratch: Path, workers: int,
                         chain_seconds: dict[str, float], rounds: int, refreshes: int,
                         seconds_left: float) -> dict[str, object]:
    """`make run` wall time per corpus and Dagster's overhead over the same work outside Dagster; then one-document
    refreshes of the reference corpus in a warm process, on the data its pipeline run built (`built`: source, data).

    `make run` on a corpus whose build alone would not fit in `seconds_left` is skipped and reported as such.
    """
    cli: dict[str, dict[str, object]] = {}
    started = time.perf_counter()
    smallest = min((label for label in corpora if label != "seeds"), key=int)
    for label, folder in corpora.items():
        # seeds and the smallest corpus always run: two sizes at least show whether the overhead grows
        if label not in ("seeds", smallest) and chain_seconds[label] * 1.2 + 15 > seconds_left - (time.perf_counter() - started):
            cli[label] = {"skipped": "would not fit in the time budget", "pipeline_outside_dagster_seconds": chain_seconds[label]}
            log(f"make run on {label}: skipped (time budget)")
            continue
        repeats = rounds if label == "seeds" else 1
        cold = [dagster_cli(folder, scratch / f"data-{label}-{i}", scratch / "dagster_home", workers) for i in range(repeats)]
        entry: dict[str, object] = {"cold_seconds": median(cold), "runs": cold}
        if label == "seeds":
            # `make run` again over its own previous output: the everyday case on a warm environment
            entry["warm_seconds"] = median([dagster_cli(folder, scratch / "data-seeds-0", scratch / "dagster_home", workers)
                                            for _ in range(rounds)])
        entry["pipeline_outside_dagster_seconds"] = chain_seconds[label]
        entry["overhead_seconds"] = median(cold) - chain_seconds[label]
        cli[label] = entry
        log(f"make run on {label}: {entry['cold_seconds']:.2f} s (Dagster overhead {entry['overhead_seconds']:.2f} s)")
    source, data_root = built
    refresh = probe("refresh", source, data_root, workers, refreshes)
    log(f"refresh of one added document: {refresh['refresh_seconds']}")
    return {"cli": cli, "refresh": {**refresh, "workers": workers},
            "refresh_one_doc_s": median([float(s) for s in refresh["refresh_seconds"]])}


def quality_scores(scratch: Path) -> dict[str, object]:
    """Extraction quality on seeds and dev, so that speed work is seen not to change it."""
    from benchmarks.quality import scores

    return scores(scratch / "quality")


def log_log_slope(sizes: list[int], values: list[float]) -> float | None:
    """Growth exponent between the smallest and largest corpus: 1 is linear, below 1 sub-linear."""
    import math

    if len(sizes) < 2 or min(values) <= 0:
        return None
    return math.log(values[-1] / values[0]) / math.log(sizes[-1] / sizes[0])


def build_results(by_size: dict[int, dict[str, object]], reference_size: int, dagster: dict[str, object], quality: dict[str, object],
                  info: dict[str, object], rounds: int, workers: int, seconds: float) -> dict[str, object]:
    """The results document: the keys the issue asks for at the top, everything measured below."""
    reference = by_size[reference_size]
    sizes = sorted(by_size)
    rss = {str(size): max(by_size[size][f"pipeline_{w}"]["peak_rss_mb"] for w in WORKER_COUNTS) for size in sizes}
    cli = dagster["cli"]
    results: dict[str, object] = {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": info,
        "method": "medians over rounds; each measurement in a fresh process; ratios are medians of per-round ratios",
        "rounds": rounds,
        "reference_corpus_documents": reference_size,
        "floor_docs_per_s": reference["floor"]["docs_per_s"],
        "spacy_docs_per_s": reference["spacy"]["docs_per_s"] if "spacy" in reference else None,
        "pipeline_docs_per_s": {str(w): reference[f"pipeline_{w}"]["docs_per_s"] for w in WORKER_COUNTS},
        "pipeline_to_floor": {str(w): reference[f"pipeline_{w}"]["to_floor"] for w in WORKER_COUNTS},
        "pipeline_to_spacy": {str(w): reference[f"pipeline_{w}"].get("to_spacy") for w in WORKER_COUNTS},
        "speedup_1_to_2_workers": reference["speedup_1_to_2_workers"],
        "peak_rss_mb": rss,
        "peak_rss_growth_exponent": log_log_slope(sizes, [rss[str(s)] for s in sizes]),
        # a full rebuild = the whole pipeline from the raw files, outside Dagster, with the workers Dagster runs use
        "full_rebuild_s": reference[f"pipeline_{workers}"]["seconds"],
        # one added document through the real assets in a warm process (Dagster's per-step bookkeeping included)
        "refresh_one_doc_s": dagster["refresh_one_doc_s"],
        "refresh_share_of_rebuild": dagster["refresh_one_doc_s"] / reference[f"pipeline_{workers}"]["seconds"],
        "workers_of_dagster_runs": workers,
        # Dagster's fixed cost: `make run` minus the same work outside Dagster, on the largest corpus it ran on
        "dagster_overhead_s": [entry["overhead_seconds"] for entry in cli.values() if "overhead_seconds" in entry][-1],
        "dagster_overhead_s_by_corpus": {label: entry.get("overhead_seconds") for label, entry in cli.items()},
        "make_run_seeds_s": {"cold": cli["seeds"]["cold_seconds"], "warm": cli["seeds"]["warm_seconds"]},
        "quality": quality,
        "by_corpus": {str(size): by_size[size] for size in sizes},
        "dagster": dagster,
        "benchmark_seconds": seconds,
    }
    results["targets"] = target_verdicts(results, by_size)
    return results


def target_verdicts(results: dict[str, object], by_size: dict[int, dict[str, object]]) -> dict[str, object]:
    """Each target of the issue with the measured figure and whether it is met."""
    best_to_floor = max(results["pipeline_to_floor"].values())  # type: ignore[union-attr]
    spacy_ratios = [v for v in results["pipeline_to_spacy"].values() if v is not None]  # type: ignore[union-attr]
    overheads = [v for v in results["dagster_overhead_s_by_corpus"].values() if v is not None]  # type: ignore[union-attr]
    verdicts: dict[str, object] = {
        "pipeline_at_least_10pct_of_floor": {"value": best_to_floor, "met": best_to_floor >= TARGETS["floor_ratio"]},
        "pipeline_at_least_2x_spacy": {"value": max(spacy_ratios) if spacy_ratios else None,
                                       "met": bool(spacy_ratios) and max(spacy_ratios) >= TARGETS["spacy_ratio"]},
        "both_cores_used": {"value": results["speedup_1_to_2_workers"], "met": results["speedup_1_to_2_workers"] > 1.3},
        "make_run_seeds_under_20s_warm": {"value": results["make_run_seeds_s"]["warm"],  # type: ignore[index]
                                          "met": results["make_run_seeds_s"]["warm"] < TARGETS["make_run_seeds_s"]},  # type: ignore[index]
        "refresh_at_most_5pct_of_rebuild": {"value": results["refresh_share_of_rebuild"],
                                            "met": results["refresh_share_of_rebuild"] <= TARGETS["refresh_share"]},
        "dagster_overhead_flat": {"value": results["dagster_overhead_s_by_corpus"],
                                  # the overhead must not grow with the corpus: no larger corpus may cost more than the
                                  # seeds' overhead by over half of it plus a second (on a large corpus the figure is a
                                  # difference of two long, noisy runs and can even come out negative); one corpus
                                  # alone cannot show growth: no verdict then
                                  "met": all(o <= overheads[0] * 1.5 + 1.0 for o in overheads[1:])
                                  if len(overheads) > 1 else None},
    }
    if LARGE_SIZE in by_size:
        peak = float(results["peak_rss_mb"][str(LARGE_SIZE)])  # type: ignore[index]
        exponent = results["peak_rss_growth_exponent"]
        verdicts["peak_rss_100k_under_2gb_sublinear"] = {
            "value": {"peak_rss_mb": peak, "growth_exponent": exponent},
            "met": peak < TARGETS["peak_rss_mb_100k"] and exponent is not None and exponent < 1.0}
    else:
        verdicts["peak_rss_100k_under_2gb_sublinear"] = {"value": None, "met": None,
                                                         "note": "100k corpus not run (make bench BENCH_LARGE=1)"}
    return verdicts


def rounds_within_budget(cost_per_document: float, documents: int, wanted: int, seconds_left: float) -> int:
    """How many rounds of a corpus fit in the time left (at least one: every corpus asked for is measured)."""
    round_cost = cost_per_document * documents
    return max(1, min(wanted, int(seconds_left // max(round_cost, 1e-9))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--large", action="store_true", help="also the 100k-document corpus")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2, help="workers of the Dagster runs (default: 2 cores)")
    parser.add_argument("--budget-minutes", type=float, default=13.0,
                        help="fewer rounds (never fewer than one) on the larger corpora when the 1k rounds show "
                             "that all of them would not fit")
    parser.add_argument("--refreshes", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(BASE_SIZES),
                        help="corpus sizes always run (default 1000 10000; smaller ones for a quick check)")
    parser.add_argument("--output", type=Path, default=RESULTS_PATH)
    args = parser.parse_args()
    started = time.perf_counter()
    base_sizes = sorted(args.sizes)
    sizes = [*base_sizes, *([LARGE_SIZE] if args.large else [])]
    folders = {}
    for size in sizes:
        log(f"corpus of {size} documents")
        folders[size] = ensure_corpus(size)
    load_at_start = [round(value, 2) for value in os.getloadavg()]
    scratch = Path(tempfile.mkdtemp(prefix="bench-"))
    budget = args.budget_minutes * 60 + (0 if not args.large else 3600)
    try:
        by_size: dict[int, dict[str, object]] = {}
        cost_per_document = 0.0
        for size in sizes:
            large = size == LARGE_SIZE
            rounds = args.rounds
            if cost_per_document:
                # what is left after this corpus must still pay for `make run` on it once more and the refreshes
                left = budget - (time.perf_counter() - started) - cost_per_document * size * 0.5
                rounds = rounds_within_budget(cost_per_document, size, args.rounds, left)
            if large:
                rounds = 1
            if rounds < args.rounds:
                log(f"{size} documents: {rounds} round(s) to stay within the time budget")
            source = linked_copy(folders[size], scratch / f"sources-{size}")
            runs = throughput_rounds(source, scratch / f"rounds-{size}", rounds, with_spacy=not large)
            by_size[size] = summarise_size(runs, corpus_info(folders[size]))
            round_seconds = sum(by_size[size][name]["seconds"] for name in runs)
            cost_per_document = max(cost_per_document, round_seconds / size)
        seeds = PROJECT_ROOT / "seeds"
        seeds_chain = [float(probe("chain", seeds, scratch / "seeds-chain", args.workers)["seconds"]) for _ in range(args.rounds)]
        chain_seconds = {"seeds": median(seeds_chain),
                         **{str(size): float(by_size[size][f"pipeline_{args.workers}"]["seconds"]) for size in base_sizes}}
        reference = max(base_sizes)
        # the refresh starts from the staging and curated files the last pipeline run on the reference corpus wrote
        built = (scratch / f"sources-{reference}", scratch / f"rounds-{reference}" / f"data-{args.workers}")
        dagster = dagster_measurements({"seeds": seeds, **{str(size): folders[size] for size in base_sizes}}, built,
                                       scratch / "dagster", args.workers, chain_seconds, args.rounds, args.refreshes,
                                       budget - (time.perf_counter() - started))
        quality = quality_scores(scratch)
        results = build_results(by_size, max(base_sizes), dagster, quality,
                                {**machine(), "load_average_at_start": load_at_start}, args.rounds, args.workers,
                                time.perf_counter() - started)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    from benchmarks.plot import plot_results

    plot_results(results, PLOT_PATH)
    log(f"wrote {args.output} and {PLOT_PATH} in {time.perf_counter() - started:.0f} s")
    for name, verdict in results["targets"].items():
        log(f"target {name}: {verdict}")


if __name__ == "__main__":
    main()

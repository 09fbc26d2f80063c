"""The README's figure: throughput and peak memory against corpus size, log scales."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only: no display on a server or in CI

import matplotlib.pyplot as plt  # noqa: E402 - after choosing the backend

SERIES = (("floor", "floor (read + regex split)", "black", "--"),
          ("spacy", "spaCy blank + sentencizer + EntityRuler", "tab:orange", "-."),
          ("pipeline_1", "pipeline, 1 worker", "tab:blue", "-"),
          ("pipeline_2", "pipeline, 2 workers", "tab:green", "-"))


def plot_results(results: dict[str, object], path: Path) -> None:
    """Two panels from results.json: docs/s and peak RSS per corpus size, with the machine and date in the title."""
    by_corpus: dict[str, dict[str, dict[str, float]]] = results["by_corpus"]  # type: ignore[assignment]
    sizes = sorted(by_corpus, key=int)
    figure, (speed, memory) = plt.subplots(1, 2, figsize=(11, 4.4))
    for key, label, colour, style in SERIES:
        present = [s for s in sizes if key in by_corpus[s]]
        if not present:
            continue
        xs = [int(s) for s in present]
        speed.plot(xs, [by_corpus[s][key]["docs_per_s"] for s in present], style, color=colour, marker="o", label=label)
        memory.plot(xs, [by_corpus[s][key]["peak_rss_mb"] for s in present], style, color=colour, marker="o", label=label)
    memory.axhline(2048, color="red", linewidth=0.8, linestyle=":", label="2 GB target")
    for axis, ylabel in ((speed, "documents per second"), (memory, "peak RSS, MB (process + workers)")):
        axis.set_xscale("log")
        axis.set_yscale("log")
        axis.set_xlabel("corpus size, documents (~3 KB each)")
        axis.set_ylabel(ylabel)
        axis.grid(True, which="both", linewidth=0.3)
    speed.legend(fontsize=8)
    memory.legend(fontsize=8)
    info: dict[str, object] = results["machine"]  # type: ignore[assignment]
    figure.suptitle(f"{info['cores']} cores, {info['memory_gb']} GB RAM, {info['cpu'] or info['os']}; "
                    f"Python {info['python']}; {results['date']}; load average {info.get('load_average_at_start', ['?'])[0]} "
                    f"at start; medians of up to {results['rounds']} rounds", fontsize=9)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)

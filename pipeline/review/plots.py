"""Plots a person would rather look at than read, as PNG bytes: meetings per year by body, proposals by topic."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")  # files only: no display, no GUI toolkit

import matplotlib.pyplot as plt  # noqa: E402 - the backend must be chosen first
import polars as pl  # noqa: E402

from pipeline.extract.model import TOPICS  # noqa: E402

BODIES_SHOWN = 8
NO_BODY = "bilateral / unnamed"
OTHER_BODIES = "other bodies"


def _png(figure: plt.Figure) -> bytes:
    buffer = io.BytesIO()
    figure.tight_layout()
    figure.savefig(buffer, format="png", dpi=100, metadata={"Software": None})  # no version stamp: same data, same bytes
    plt.close(figure)
    return buffer.getvalue()


def _empty(figure: plt.Figure, axes: plt.Axes, message: str) -> bytes:
    axes.text(0.5, 0.5, message, ha="center", va="center", transform=axes.transAxes)
    axes.set_axis_off()
    return _png(figure)


def meetings_per_year_by_body(meetings: pl.DataFrame) -> pl.DataFrame:
    """Counts per (year, body): the BODIES_SHOWN most frequent bodies by name, the rest together, no body apart."""
    dated = meetings.filter(pl.col("date").is_not_null()).with_columns(
        pl.col("date").dt.year().alias("year"), pl.col("organization").fill_null(NO_BODY).alias("body"))
    top = (dated.filter(pl.col("body") != NO_BODY).group_by("body").len()
           .sort(["len", "body"], descending=[True, False]).head(BODIES_SHOWN).get_column("body").to_list())
    return (dated.with_columns(pl.when(pl.col("body").is_in(top + [NO_BODY])).then(pl.col("body"))
                               .otherwise(pl.lit(OTHER_BODIES)).alias("body"))
            .group_by("year", "body").len(name="meetings").sort("year", "body"))


def meetings_per_year_png(meetings: pl.DataFrame) -> bytes:
    """Stacked bars: meetings per year, one colour per body."""
    counts = meetings_per_year_by_body(meetings)
    figure, axes = plt.subplots(figsize=(8, 4.5))
    if counts.is_empty():
        return _empty(figure, axes, "no dated meetings")
    years = sorted(counts.get_column("year").unique().to_list())
    bodies = sorted(counts.get_column("body").unique().to_list(), key=lambda b: (b in (NO_BODY, OTHER_BODIES), b))
    bottom = [0] * len(years)
    for body in bodies:
        per_year = dict(counts.filter(pl.col("body") == body).select("year", "meetings").iter_rows())
        heights = [per_year.get(year, 0) for year in years]
        axes.bar([str(y) for y in years], heights, bottom=bottom, label=body)
        bottom = [b + h for b, h in zip(bottom, heights)]
    axes.set_ylabel("meetings")
    axes.set_title("Meetings per year by body")
    axes.legend(fontsize="small", ncols=2)
    axes.yaxis.get_major_locator().set_params(integer=True)
    return _png(figure)


def proposals_per_topic(proposals: pl.DataFrame) -> pl.DataFrame:
    """Proposals per topic (a proposal with two topics counts for both), in vocabulary order, zeros kept."""
    counts = dict(proposals.select(pl.col("topics").explode().alias("topic")).drop_nulls().group_by("topic").len().iter_rows())
    return pl.DataFrame({"topic": list(TOPICS), "proposals": [counts.get(t, 0) for t in TOPICS]},
                        schema={"topic": pl.String, "proposals": pl.Int64})


def proposals_by_topic_png(proposals: pl.DataFrame) -> bytes:
    """Horizontal bars: how many proposals touch each topic."""
    counts = proposals_per_topic(proposals)
    figure, axes = plt.subplots(figsize=(8, 4.5))
    if proposals.is_empty():
        return _empty(figure, axes, "no proposals")
    axes.barh(counts.get_column("topic").to_list()[::-1], counts.get_column("proposals").to_list()[::-1], color="#4a7bb7")
    axes.set_xlabel("proposals")
    axes.set_title("Proposals by topic")
    axes.xaxis.get_major_locator().set_params(integer=True)
    return _png(figure)

"""The charts of each view, assembled once for the pages and for every export."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from slugify import slugify

from analysis.charts import charts
from analysis.charts.export import Chart, file_slug
from analysis.charts.theme import SCREEN, ChartStyle
from analysis.report import tables
from analysis.report.compare import Comparison, compare
from analysis.types import ArticleResult


def overview(results: Sequence[ArticleResult], *, style: ChartStyle = SCREEN) -> list[Chart]:
    """Heat map, grouped bars and tone of every article shown."""
    profile = tables.frame_profile(results)
    tone = tables.tone(results)
    return [
        Chart("frame-heatmap_overview", "Frame profile (heat map)", charts.frame_heatmap(profile, style=style), profile),
        Chart("frame-bars_overview", "Frame shares by article", charts.frame_bars(profile, style=style), profile),
        Chart("tone_overview", "Tone", charts.tone_scatter(tone, style=style), tone),
    ]


def store_overview(means: pd.DataFrame, dominant: pd.DataFrame, grid: pd.DataFrame, *,
                   style: ChartStyle = SCREEN) -> list[Chart]:
    """The Overview of a corpus too large for one bar per article, drawn from the aggregates a store
    computed (`Store.frame_means` by kind, `Store.dominant_counts`, `Store.tone_grid`)."""
    profile = means.assign(article=[f"{k} ({n})" for k, n in zip(means["kind"], means["articles"])],
                           share=means["mean_share"])
    return [
        Chart("frame-means_by-kind", "Mean frame share by kind of article",
              charts.frame_bars(profile, style=style, title="Mean frame share by kind (number of articles)"),
              means),
        Chart("dominant-frame_counts", "Dominant frame: number of articles", charts.dominant_bars(dominant, style=style),
              dominant),
        Chart("tone_density", "Tone of the articles", charts.tone_density(grid, style=style), grid),
    ]


def comparisons(picked: Sequence[ArticleResult]) -> dict[str, Comparison]:
    """Each chosen article against the others (one-to-one when two are chosen)."""
    return {r.id: compare([r], [o for o in picked if o is not r]) for r in picked}


def compare_profile(picked: Sequence[ArticleResult], *, style: ChartStyle = SCREEN) -> Chart:
    """Frame profiles of the chosen articles on one 0–1 scale."""
    profile = tables.frame_profile(picked)
    fig = charts.frame_bars(profile, style=style, title="Frame profile (shared 0–1 scale)")
    return Chart(f"frame-profile_{'-vs-'.join(_slug(r) for r in picked)}", "Frame profile", fig, profile)


def _slug(result: ArticleResult) -> str:
    """An article's part of a file name: its id (kept distinct by file_slug) and a few title words."""
    words = slugify(" ".join(result.title.split()[:4]), max_length=40)
    return f"{file_slug(result.id)}-{words}" if words else file_slug(result.id)


def article_charts(result: ArticleResult, picked: Sequence[ArticleResult], comparison: Comparison,
                   *, style: ChartStyle = SCREEN) -> list[Chart]:
    """Frame flow and distinctive words of one article in a comparison (no word chart when
    no word passes z = Z_CHANCE: short texts rarely have any).

    Only the article's own side of the log-odds is drawn: the other side is what the
    other columns already show, so each column answers "what sets this one apart"."""
    flow = tables.flow(result)
    name = tables.short_label(result)
    out = [Chart(f"frame-flow_{_slug(result)}", f"Where frames appear: {name}",
                 charts.frame_flow(flow, style=style, title=f"Where frames appear: {name}"), flow)]
    terms = tables.distinctive(comparison)
    terms = terms[terms["z"] >= charts.Z_CHANCE]  # only words past the chart's own chance line
    if not terms.empty:
        others = "the rest" if len(picked) > 2 else next(tables.short_label(o) for o in picked if o is not result)
        other = "rest" if len(picked) > 2 else next(_slug(o) for o in picked if o is not result)
        slug = f"distinctive-terms_{_slug(result)}-vs-{other}"
        out.append(Chart(slug, f"Words typical of {name} (vs {others})",
                         charts.distinctive_bars(terms, names=(name, others), style=style), terms))
    return out


def compare_view(picked: Sequence[ArticleResult], *, style: ChartStyle = SCREEN) -> list[Chart]:
    """Every chart of the Compare page for these articles."""
    found = comparisons(picked)
    return [compare_profile(picked, style=style)] + [
        chart for r in picked for chart in article_charts(r, picked, found[r.id], style=style)
    ]

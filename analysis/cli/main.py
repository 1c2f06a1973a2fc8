"""Command line: `python -m analysis score|compare|keywords|evaluate|train|export ...`.

The group and the commands on articles live here; `gold.py` holds evaluate and train,
`export.py` the export of charts and reports, `common.py` what all of them share.
"""

from __future__ import annotations

import json
import sys
import textwrap
from contextlib import ExitStack
from dataclasses import asdict
from pathlib import Path
from typing import Any, TextIO

import click
import pandas as pd

from analysis.cli.common import (
    emit,
    finish,
    read_articles,
    score_articles,
    shared_options,
    store_target,
    stream_results,
)
from analysis.cli.export import export
from analysis.cli.gold import evaluate, train
from analysis.csvout import CsvWriter
from analysis.engines.parallel import default_jobs
from analysis.errors import FrameLensError
from analysis.outputs import replacing
from analysis.report.compare import Comparison
from analysis.report.compare import compare as compare_groups
from analysis.scoring.keywords import DEFAULT_ENGINE, ENGINES
from analysis.scoring.lexicons import load_lexicons, read_folder
from analysis.serialize import SCHEMA, article_rows, article_to_dict
from analysis.types import FRAMES, ArticleResult

class _ScoreOutput:
    """Writes `score` results one by one as they arrive, so memory does not grow with the corpus
    (only the table format, a few numbers per article, is printed at the end)."""

    def __init__(self, fmt: str, stream: TextIO) -> None:
        self.fmt, self.stream, self.count = fmt, stream, 0
        self._csv: CsvWriter | None = None
        self._rows: list[dict[str, Any]] = []

    def write(self, result: ArticleResult) -> None:
        if self.fmt == "json":
            entry = textwrap.indent(json.dumps(article_to_dict(result), ensure_ascii=False, indent=2), "    ")
            self.stream.write(("{\n  \"schema\": " + json.dumps(SCHEMA) + ",\n  \"articles\": [\n" if not self.count
                               else ",\n") + entry)
        elif self.fmt == "csv":
            (row,) = article_rows([result])
            if self._csv is None:
                self._csv = CsvWriter(self.stream, list(row))
            self._csv.row(row.values())
        else:
            self._rows.extend(article_rows([result]))
        self.count += 1

    def finish(self) -> None:
        if self.fmt == "json":
            self.stream.write("\n  ]\n}\n")
        elif self.fmt == "table":
            columns = ["id", "words", "sentences", "dominant", *(f"{f}_share" for f in FRAMES), "polarity"]
            self.stream.write(pd.DataFrame(self._rows)[columns].to_string(index=False) + "\n")


def _comparison_text(result: Comparison) -> str:
    """A plain-text report of a comparison, for the terminal."""
    frames = pd.DataFrame(
        [{"frame": d.frame, "share A": d.share_a, "share B": d.share_b, "A - B": d.share_diff,
          "per 1k A": d.per_1k_a, "per 1k B": d.per_1k_b} for d in result.frames]
    )
    terms = pd.DataFrame(
        [{"side": t.side.upper(), "term": t.term, "z": t.z, "count A": t.count_a, "count B": t.count_b}
         for t in result.distinctive],
        columns=["side", "term", "z", "count A", "count B"],
    )
    overlap = result.keywords
    return "\n".join([
        f"A: {', '.join(result.a)}    B: {', '.join(result.b)}",
        "",
        "Frame profile",
        frames.to_string(index=False),
        "",
        f"Keyword overlap (Jaccard {overlap.jaccard:.2f}): {', '.join(overlap.shared) or 'none shared'}",
        "",
        "Distinctive terms (weighted log-odds, z > 0: A, z < 0: B)",
        terms.to_string(index=False) if len(terms) else "none (texts too short)",
    ])


class _Group(click.Group):
    """Turn library errors into one-line messages instead of tracebacks."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except FrameLensError as error:
            raise click.ClickException(str(error)) from None
        except OSError as error:
            raise click.ClickException(f"{error.filename or ''}: {error.strerror}".lstrip(": ")) from None


@click.group(cls=_Group)
@click.version_option("0.1.0", prog_name="framelens")
def main() -> None:
    """FrameLens: how texts frame state-led technology drives.

    Exit codes: 0 ok, 1 error (nothing readable, bad option value), 2 usage error,
    3 some inputs were skipped and the rest were processed.
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "table"]), default="json",
              show_default=True, help="json: full evidence per sentence; csv/table: one row per article.")
@click.option("--top", type=click.IntRange(1, 100), default=20, show_default=True,
              help="Number of YAKE key phrases per article.")
@click.option("--jobs", type=click.IntRange(1, 64), default=default_jobs(), show_default="all cores",
              help="Processes that score in parallel; results are the same for any number.")
@click.option("--keyword-engine", type=click.Choice(list(ENGINES)), default=DEFAULT_ENGINE, show_default=True,
              help="yake-rust is about 5x faster than yake, the reference, and agrees with it (README, Speed).")
@click.option("--engine", "cluster", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: processes on this machine; dask: a Dask cluster (results are identical).")
@click.option("--scheduler", help="Dask scheduler address (tcp://host:8786); without it a local cluster starts.")
@click.option("--store", type=click.Path(path_type=Path), callback=store_target,
              help="Also save the scored corpus to this DuckDB file, to reopen it without rescoring "
                   "(python -m dashboard -- --store FILE).")
@click.option("--lexicons", "lexicon_folder", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="A folder of edited lexicon files (analogy.yaml, security.yaml, market.yaml, history.yaml; "
                   "any missing one stays packaged).")
@shared_options
def score(paths: tuple[str, ...], fmt: str, top: int, jobs: int, keyword_engine: str, cluster: str,
          scheduler: str | None, store: Path | None, lexicon_folder: Path | None, out: Path | None,
          no_cache: bool) -> None:
    """Score articles for the ANALOGY, SECURITY and MARKET frames and the HISTORY label.

    PATHS are .txt, .md, .html, .csv, .jsonl files, folders or .zip archives. Results are
    written as they are scored, in input order.

    Example: python -m analysis score seeds/ --format table
    """
    if scheduler and cluster != "dask":
        raise click.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")
    lexicons = load_lexicons(overrides=read_folder(lexicon_folder)) if lexicon_folder else None
    docs, rejected = read_articles(paths)
    results = stream_results(docs, use_cache=not no_cache, top=top, jobs=jobs, engine=keyword_engine, cluster=cluster,
                      scheduler=scheduler, lexicons=lexicons)
    with ExitStack() as stack:  # a failed or interrupted run leaves --out and --store as they were
        stream = sys.stdout
        if out:
            stream = stack.enter_context(stack.enter_context(replacing(out)).open("w", encoding="utf-8", newline=""))
        output = _ScoreOutput(fmt, stream)
        writer = None
        if store:  # DuckDB is loaded only when a store is written
            from analysis.corpus.store import Writer

            writer = stack.enter_context(Writer(store))
        for result in results:
            output.write(result)
            if writer:
                writer.add(result)
        output.finish()
    if store:
        click.echo(f"saved {writer.written} articles to {store}", err=True)
    if out:
        click.echo(f"wrote {out}", err=True)
    finish(rejected)


@main.command()
@click.argument("a")
@click.argument("b")
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="table", show_default=True)
@click.option("--top", type=click.IntRange(1, 100), default=15, show_default=True,
              help="Number of distinctive terms per side.")
@shared_options
def compare(a: str, b: str, fmt: str, top: int, out: Path | None, no_cache: bool) -> None:
    """Compare two articles or two groups (a folder, zip or CSV is a group).

    Shows the frame-profile difference, keyword overlap and distinctive terms
    (weighted log-odds with an informative Dirichlet prior, z-scores).

    Example: python -m analysis compare seeds/000_ad6036584162476c.txt seeds/004_1a43abaa497bbe52.txt
    """
    group_a, rejected_a = score_articles([a], use_cache=not no_cache)
    group_b, rejected_b = score_articles([b], use_cache=not no_cache)
    result = compare_groups(group_a, group_b, top=top)
    if fmt == "json":
        emit(json.dumps(asdict(result), ensure_ascii=False, indent=2), out)
    else:
        emit(_comparison_text(result), out)
    finish(rejected_a + rejected_b)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--top", type=click.IntRange(1, 100), default=20, show_default=True)
@shared_options
def keywords(paths: tuple[str, ...], top: int, out: Path | None, no_cache: bool) -> None:
    """List each article's YAKE key phrases (a lower score is more relevant).

    Example: python -m analysis keywords seeds/003_9e55cefab695ed52.txt --top 10
    """
    results, rejected = score_articles(paths, use_cache=not no_cache, top=top)
    rows = [
        {"id": r.id, "rank": rank, "phrase": k.phrase, "score": k.score}
        for r in results
        for rank, k in enumerate(r.keywords, start=1)
    ]
    emit(pd.DataFrame(rows, columns=["id", "rank", "phrase", "score"]).to_string(index=False), out)
    finish(rejected)


for command in (evaluate, train, export):
    main.add_command(command)

"""Command line: `python -m analysis score|compare|keywords|evaluate|train|export ...`.

The library raises its own errors; this module turns them into one-line messages and
exit codes, and owns everything printed.
"""

from __future__ import annotations

import json
import sys
import textwrap
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import asdict
from pathlib import Path
from typing import Any, TextIO

import click
import pandas as pd
from tqdm import tqdm

from analysis.cache import ResultCache
from analysis.compare import Comparison
from analysis.compare import compare as compare_groups
from analysis.csvout import CsvWriter
from analysis.errors import FrameLensError
from analysis.evaluate import Evaluation, read_gold
from analysis.evaluate import evaluate as run_evaluation
from analysis.export import FORMATS
from analysis.ingest import read_paths
from analysis.keywords import DEFAULT_ENGINE, ENGINES
from analysis.lexicons import Lexicons, load_lexicons, read_folder
from analysis.outputs import OutputError, check_file, check_folder, replacing, write_file
from analysis.parallel import default_jobs
from analysis.score import Settings, score_documents
from analysis.serialize import SCHEMA, article_rows, article_to_dict
from analysis.types import FRAMES, ArticleResult, Document

#: Exit code when some inputs were rejected but the others were scored.
EXIT_PARTIAL = 3


def _read(paths: Sequence[str]) -> tuple[list[Document], int]:
    """The readable articles; rejected inputs are reported on stderr and counted."""
    corpus = read_paths(paths)
    for rejected in corpus.rejected:
        click.echo(f"skipped: {rejected.source}: {rejected.message}", err=True)
    if not corpus.documents:
        raise click.ClickException("no readable article in the given paths")
    return list(corpus.documents), len(corpus.rejected)


def _stream(docs: Sequence[Document], *, use_cache: bool, top: int = 20, jobs: int = 1, engine: str = DEFAULT_ENGINE,
            cluster: str = "local", scheduler: str | None = None,
            lexicons: Lexicons | None = None) -> Iterator[ArticleResult]:
    """Results in input order as they are scored, with a progress bar on stderr."""
    cache = ResultCache() if use_cache else None
    with tqdm(total=len(docs), desc="scoring", unit="article", file=sys.stderr, disable=None, leave=False) as bar:
        yield from score_documents(
            docs,
            settings=Settings(keywords_top=top, keyword_engine=engine),
            lexicons=lexicons,
            cache=cache,
            progress=lambda _result: bar.update(1),
            jobs=jobs,
            engine=cluster,
            scheduler=scheduler,
        )


def _score(paths: Sequence[str], *, use_cache: bool, top: int = 20) -> tuple[list[ArticleResult], int]:
    """Read and score, for the commands that need every result at once."""
    docs, rejected = _read(paths)
    return list(_stream(docs, use_cache=use_cache, top=top)), rejected


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


def _emit(text: str, out: Path | None) -> None:
    if out is None:
        click.echo(text)
    else:
        write_file(out, (text + "\n").encode("utf-8"))
        click.echo(f"wrote {out}", err=True)


def _writable(_ctx: click.Context, _param: click.Parameter, path: Path | None) -> Path | None:
    """Option callback: an output file is checked before any work starts."""
    if path is not None:
        try:
            check_file(path)
        except OutputError as error:
            raise click.BadParameter(str(error)) from None
    return path


def _store_target(_ctx: click.Context, _param: click.Parameter, path: Path | None) -> Path | None:
    """Option callback: a store may only replace a store (DuckDB is loaded only for --store)."""
    if path is not None:
        from analysis.store import check_target

        try:
            check_target(path)
        except OutputError as error:
            raise click.BadParameter(str(error)) from None
    return path


def _finish(rejected: int) -> None:
    if rejected:
        sys.exit(EXIT_PARTIAL)


def _shared_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Options every command takes, written once."""
    command = click.option("--out", type=click.Path(path_type=Path), callback=_writable,
                           help="Write to FILE instead of standard output.")(command)
    command = click.option("--no-cache", is_flag=True,
                           help="Score from scratch; do not read or write the result cache.")(command)
    return command


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
@click.option("--store", type=click.Path(path_type=Path), callback=_store_target,
              help="Also save the scored corpus to this DuckDB file, to reopen it without rescoring "
                   "(streamlit run dashboard/app.py -- --store FILE).")
@click.option("--lexicons", "lexicon_folder", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="A folder of edited lexicon files (analogy.yaml, security.yaml, market.yaml, history.yaml; "
                   "any missing one stays packaged).")
@_shared_options
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
    docs, rejected = _read(paths)
    results = _stream(docs, use_cache=not no_cache, top=top, jobs=jobs, engine=keyword_engine, cluster=cluster,
                      scheduler=scheduler, lexicons=lexicons)
    with ExitStack() as stack:  # a failed or interrupted run leaves --out and --store as they were
        stream = sys.stdout
        if out:
            stream = stack.enter_context(stack.enter_context(replacing(out)).open("w", encoding="utf-8", newline=""))
        output = _ScoreOutput(fmt, stream)
        writer = None
        if store:  # DuckDB is loaded only when a store is written
            from analysis.store import Writer

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
    _finish(rejected)


@main.command()
@click.argument("a")
@click.argument("b")
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="table", show_default=True)
@click.option("--top", type=click.IntRange(1, 100), default=15, show_default=True,
              help="Number of distinctive terms per side.")
@_shared_options
def compare(a: str, b: str, fmt: str, top: int, out: Path | None, no_cache: bool) -> None:
    """Compare two articles or two groups (a folder, zip or CSV is a group).

    Shows the frame-profile difference, keyword overlap and distinctive terms
    (weighted log-odds with an informative Dirichlet prior, z-scores).

    Example: python -m analysis compare seeds/000_ad6036584162476c.txt seeds/004_1a43abaa497bbe52.txt
    """
    group_a, rejected_a = _score([a], use_cache=not no_cache)
    group_b, rejected_b = _score([b], use_cache=not no_cache)
    result = compare_groups(group_a, group_b, top=top)
    if fmt == "json":
        _emit(json.dumps(asdict(result), ensure_ascii=False, indent=2), out)
    else:
        _emit(_comparison_text(result), out)
    _finish(rejected_a + rejected_b)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--top", type=click.IntRange(1, 100), default=20, show_default=True)
@_shared_options
def keywords(paths: tuple[str, ...], top: int, out: Path | None, no_cache: bool) -> None:
    """List each article's YAKE key phrases (a lower score is more relevant).

    Example: python -m analysis keywords seeds/003_9e55cefab695ed52.txt --top 10
    """
    results, rejected = _score(paths, use_cache=not no_cache, top=top)
    rows = [
        {"id": r.id, "rank": rank, "phrase": k.phrase, "score": k.score}
        for r in results
        for rank, k in enumerate(r.keywords, start=1)
    ]
    _emit(pd.DataFrame(rows, columns=["id", "rank", "phrase", "score"]).to_string(index=False), out)
    _finish(rejected)


@main.command()
@click.option("--gold", "gold_path", required=True, type=click.Path(exists=True, dir_okay=False),
              help="Gold CSV: article_id,start,end,text,labels (see tests/data/GOLD.md).")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_shared_options
def evaluate(gold_path: str, paths: tuple[str, ...], fmt: str, out: Path | None, no_cache: bool) -> None:
    """Measure FrameLens's sentence labels against human coding.

    Prints per-frame precision, recall, F1 and Cohen's kappa, and a confusion table.
    Sentences are matched by character overlap, so small segmentation differences
    do not count as errors.

    Example: python -m analysis evaluate --gold tests/data/gold_seeds.csv seeds/
    """
    gold = read_gold(gold_path)
    results, rejected = _score(paths, use_cache=not no_cache)
    report = run_evaluation(gold, results)
    if fmt == "json":
        _emit(json.dumps(asdict(report), ensure_ascii=False, indent=2), out)
    else:
        _emit(_evaluation_text(report), out)
    _finish(rejected)


def _evaluation_text(report: Evaluation) -> str:
    """Scores and confusion counts as terminal tables."""
    scores = pd.DataFrame(
        [{"frame": s.frame, "precision": s.precision, "recall": s.recall, "F1": s.f1, "kappa": s.kappa,
          "support": s.support, "TP": s.tp, "FP": s.fp, "FN": s.fn} for s in report.scores.values()]
    ).round(3)
    confusion = pd.DataFrame(report.confusion).T.fillna(0).astype(int)
    lines = [
        f"{report.matched} gold sentences compared; {len(report.unmatched)} could not be matched.",
        "",
        scores.to_string(index=False),
        "",
        "Confusion (rows: gold label, columns: predicted label)",
        confusion.to_string(),
    ]
    return "\n".join(lines)


@main.command()
@click.option("--corpus", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Coded corpus: train/, dev/ and test/ folders and gold.csv  [default: tests/data/corpus]")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Model file to write  [default: analysis/model/frames.json]")
def train(corpus: Path | None, out: Path | None) -> None:
    """Fit the frame model on the coded corpus and print its dev figures.

    Measures the context rules alone and the model on the dev split, chooses the
    model's thresholds there, fits the weights on train, dev and the seed gold set,
    and writes the model file. Deterministic: the same data gives the same file.

    Example: python -m analysis train
    """
    from analysis import train as training

    info = training.train(corpus=corpus or training.CORPUS, out=out or training.MODEL)
    rows = [{"design": design, "label": label, **figures}
            for design in ("rules", "model") for label, figures in info["dev"][design].items()]
    click.echo(f"{info['trained_on']['sentences']} coded sentences; dev split: {info['dev']['sentences']} sentences")
    click.echo(pd.DataFrame(rows).fillna("").to_string(index=False))
    click.echo(f"thresholds: {info['thresholds']['shipped']} (cross-validated: {info['thresholds']['cross_validated']})")
    click.echo(f"wrote {out or training.MODEL}")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write the files into (created if missing).")
@click.option("--formats", default="png,svg,html,csv,pptx", show_default=True,
              help="Comma-separated: png, svg, html, csv, pptx.")
@click.option("--no-cache", is_flag=True, help="Score from scratch; do not read or write the result cache.")
def export(paths: tuple[str, ...], out_dir: Path, formats: str, no_cache: bool) -> None:
    """Export the dashboard's charts, their data, the evidence and a report.

    Writes the Overview charts (and, for 2 to 4 articles, the Compare charts) in each
    format, evidence.csv, an offline report.html, and slides.pptx when asked.

    Example: python -m analysis export seeds/000_ad6036584162476c.txt seeds/002_34f9efbbc7bac1e7.txt --out exports/
    """
    chosen = [f.strip().lower() for f in formats.split(",") if f.strip()]
    unknown = sorted(set(chosen) - {*FORMATS, "pptx"})
    if unknown:
        raise click.BadParameter(f"unknown format(s) {', '.join(unknown)}; valid: png, svg, html, csv, pptx",
                                 param_hint="--formats")
    from dashboard import (
        figures,  # the dashboard's own chart assembly, so exports match the app
    )
    from dashboard.report import bundle_files, slide_deck

    check_folder(out_dir)
    results, rejected = _score(paths, use_cache=not no_cache)
    charts = figures.overview(results) + (figures.compare_view(results) if 2 <= len(results) <= 4 else [])
    files, skipped = bundle_files(charts, results, title="FrameLens export", formats=[f for f in chosen if f != "pptx"])
    if "pptx" in chosen:
        files["slides.pptx"] = slide_deck(charts, results, title="FrameLens export")
    for name, data in files.items():
        write_file(out_dir / name, data)
    for problem in skipped:
        click.echo(f"note: {problem}", err=True)
    click.echo(f"wrote {len(files)} files to {out_dir}", err=True)
    _finish(rejected)

"""What every command shares: reading and scoring the inputs, writing the output, the
shared options and exit codes. The library raises its own errors; the command line turns
them into one-line messages and exit codes, and owns everything printed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from analysis.engines.cache import ResultCache
from analysis.engines.run import score_documents
from analysis.ingest.read import read_paths
from analysis.outputs import OutputError, check_file, write_file
from analysis.scoring.keywords import DEFAULT_ENGINE
from analysis.scoring.lexicons import Lexicons
from analysis.scoring.score import Settings
from analysis.types import ArticleResult, Document

#: Exit code when some inputs were rejected but the others were scored.
EXIT_PARTIAL = 3


def read_articles(paths: Sequence[str]) -> tuple[list[Document], int]:
    """The readable articles; rejected inputs are reported on stderr and counted."""
    corpus = read_paths(paths)
    for rejected in corpus.rejected:
        click.echo(f"skipped: {rejected.source}: {rejected.message}", err=True)
    if not corpus.documents:
        raise click.ClickException("no readable article in the given paths")
    return list(corpus.documents), len(corpus.rejected)


def stream_results(docs: Sequence[Document], *, use_cache: bool, top: int = 20, jobs: int = 1,
                   engine: str = DEFAULT_ENGINE, cluster: str = "local", scheduler: str | None = None,
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


def score_articles(paths: Sequence[str], *, use_cache: bool, top: int = 20) -> tuple[list[ArticleResult], int]:
    """Read and score, for the commands that need every result at once."""
    docs, rejected = read_articles(paths)
    return list(stream_results(docs, use_cache=use_cache, top=top)), rejected


def emit(text: str, out: Path | None) -> None:
    if out is None:
        click.echo(text)
    else:
        write_file(out, (text + "\n").encode("utf-8"))
        click.echo(f"wrote {out}", err=True)


def _checked(check: Callable[[Path], None], path: Path | None) -> Path | None:
    """A path checked before any work starts; a refusal is a usage error that names it."""
    if path is not None:
        try:
            check(path)
        except OutputError as error:
            raise click.BadParameter(str(error)) from None
    return path


def writable(_ctx: click.Context, _param: click.Parameter, path: Path | None) -> Path | None:
    """Option callback: an output file is checked before any work starts."""
    return _checked(check_file, path)


def store_target(_ctx: click.Context, _param: click.Parameter, path: Path | None) -> Path | None:
    """Option callback: a store may only replace a store (DuckDB is loaded only for --store)."""
    if path is None:
        return None
    from analysis.corpus.store import check_target

    return _checked(check_target, path)


def finish(rejected: int) -> None:
    if rejected:
        sys.exit(EXIT_PARTIAL)


def shared_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Options every command takes, written once."""
    command = click.option("--out", type=click.Path(path_type=Path), callback=writable,
                           help="Write to FILE instead of standard output.")(command)
    command = click.option("--no-cache", is_flag=True,
                           help="Score from scratch; do not read or write the result cache.")(command)
    return command

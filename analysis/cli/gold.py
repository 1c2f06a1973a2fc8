"""Commands on hand-coded gold files: `evaluate` (agreement with people) and `train`."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import click
import pandas as pd

from analysis.cli.common import emit, finish, score_articles, shared_options
from analysis.gold.evaluate import Evaluation, read_gold
from analysis.gold.evaluate import evaluate as run_evaluation


@click.command()
@click.option("--gold", "gold_path", required=True, type=click.Path(exists=True, dir_okay=False),
              help="Gold CSV: article_id,start,end,text,labels (see tests/data/GOLD.md).")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@shared_options
def evaluate(gold_path: str, paths: tuple[str, ...], fmt: str, out: Path | None, no_cache: bool) -> None:
    """Measure FrameLens's sentence labels against human coding.

    Prints per-frame precision, recall, F1 and Cohen's kappa, and a confusion table.
    Sentences are matched by character overlap, so small segmentation differences
    do not count as errors.

    Example: python -m analysis evaluate --gold tests/data/gold_seeds.csv seeds/
    """
    gold = read_gold(gold_path)
    results, rejected = score_articles(paths, use_cache=not no_cache)
    report = run_evaluation(gold, results)
    if fmt == "json":
        emit(json.dumps(asdict(report), ensure_ascii=False, indent=2), out)
    else:
        emit(_evaluation_text(report), out)
    finish(rejected)


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


@click.command()
@click.option("--corpus", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Coded corpus: train/, dev/ and test/ folders and gold.csv  [default: tests/data/corpus]")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Model file to write  [default: analysis/scoring/model/frames.json]")
def train(corpus: Path | None, out: Path | None) -> None:
    """Fit the frame model on the coded corpus and print its dev figures.

    Measures the context rules alone and the model (fitted on train and the seed gold
    set) on the dev split, fits the weights on train, dev and the seed gold set, with
    thresholds chosen on held-out views of those articles, and writes the model file.
    Deterministic: the same data gives the same file.

    Example: python -m analysis train
    """
    from analysis.gold import train as training

    info = training.train(corpus=corpus or training.CORPUS, out=out or training.MODEL)
    rows = [{"design": design, "label": label, **figures}
            for design in ("rules", "model") for label, figures in info["dev"][design].items()]
    click.echo(f"{info['trained_on']['sentences']} coded sentences; dev split: {info['dev']['sentences']} sentences")
    click.echo(pd.DataFrame(rows).fillna("").to_string(index=False))
    click.echo(f"thresholds: {info['thresholds']['shipped']} (chosen on held-out views: {info['thresholds']['held_out_all']})")
    click.echo(f"wrote {out or training.MODEL}")

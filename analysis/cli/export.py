"""`export`: the dashboard's charts, their data, the evidence, a report and slides, as files."""

from __future__ import annotations

from pathlib import Path

import click

from analysis.charts.export import FORMATS
from analysis.cli.common import finish, score_articles
from analysis.outputs import check_folder, write_file


@click.command()
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
    from analysis.charts import figures  # the same chart assembly as the dashboard, so exports match the app
    from analysis.charts.report import bundle_files, slide_deck

    check_folder(out_dir)
    results, rejected = score_articles(paths, use_cache=not no_cache)
    charts = figures.overview(results) + (figures.compare_view(results) if 2 <= len(results) <= 4 else [])
    files, skipped = bundle_files(charts, results, title="FrameLens export", formats=[f for f in chosen if f != "pptx"])
    if "pptx" in chosen:
        files["slides.pptx"] = slide_deck(charts, results, title="FrameLens export")
    for name, data in files.items():
        write_file(out_dir / name, data)
    for problem in skipped:
        click.echo(f"note: {problem}", err=True)
    click.echo(f"wrote {len(files)} files to {out_dir}", err=True)
    finish(rejected)

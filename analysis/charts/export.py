"""Chart and report exports: PNG, SVG, standalone HTML, CSV, zip bundles and slides.

Static images come from Plotly's kaleido, which drives a Chromium; where none is
installed, `static_export_problem()` says so in one line and every other format works.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import threading
import warnings
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import pandas as pd
import plotly.graph_objects as go
from slugify import slugify

from analysis.csvout import safe_csv
from analysis.errors import FrameLensError

Format = Literal["png", "svg", "html", "csv"]
FORMATS: tuple[Format, ...] = ("png", "svg", "html", "csv")
#: Pixel size of exported images before `SCALE`; SCALE 2 makes them sharp on a projector.
WIDTH, HEIGHT, SCALE = 1200, 700, 2
#: The one copy of plotly.js in a bundle, at its root; every HTML file of the bundle loads it from there.
PLOTLY_JS = "plotly.min.js"


class ExportUnavailable(FrameLensError):
    """A static image was asked for where no Chromium is installed."""


@dataclass(frozen=True)
class Chart:
    """One chart of a view: a file-name-ready name (ids in it go through `file_slug`), a title,
    the figure and its data."""

    name: str
    title: str
    figure: go.Figure
    data: pd.DataFrame


def file_slug(text: str) -> str:
    """A file-name-safe form of an article id (`nyt/2021/03/chips` -> `nyt-2021-03-chips-1a2b3c4d`).

    Ids are kept whole inside the files; names only need to be safe and distinct, so a short
    hash of the id is added whenever the slug differs from it (two ids never share a name).
    """
    slug = slugify(text, lowercase=False, max_length=60)
    if slug == text:
        return slug
    return f"{slug or 'article'}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:8]}"


@lru_cache(maxsize=1)
def static_export_problem() -> str | None:
    """Why PNG/SVG export cannot work here, in one line, or None when it can."""
    if os.environ.get("BROWSER_PATH") or any(shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")):
        return None
    return "PNG and SVG export needs Chromium, which is not installed (apt-get install chromium); HTML and CSV still work."


_kaleido_lock = threading.Lock()
_kaleido_users = 0
#: One image at a time: kaleido's shared server answers through one queue, so two threads asking
#: at once could each take the other's image; held too while the server starts or stops.
_image_lock = threading.Lock()


@contextmanager
def static_images() -> Iterator[None]:
    """One Chromium for every image made inside (by any thread), instead of one started per image,
    which takes seconds each. Kaleido's server is one per process, so it is shared and counted."""
    global _kaleido_users
    if static_export_problem():
        yield
        return
    import kaleido

    # plotly passes its (default) kaleido options on every call; the server already has them.
    warnings.filterwarnings("ignore", message="The kopts argument is ignored if using a server", category=UserWarning)
    with _kaleido_lock, _image_lock:
        if not _kaleido_users:
            kaleido.start_sync_server(silence_warnings=True)
        _kaleido_users += 1
    try:
        yield
    finally:
        with _kaleido_lock, _image_lock:
            _kaleido_users -= 1
            if not _kaleido_users:
                kaleido.stop_sync_server(silence_warnings=True)


def image(figure: go.Figure, fmt: Literal["png", "svg"]) -> bytes:
    """A static image of the figure at WIDTH × HEIGHT (PNG scaled by SCALE)."""
    problem = static_export_problem()
    if problem:
        raise ExportUnavailable(problem)
    try:
        with _image_lock:
            return figure.to_image(format=fmt, width=WIDTH, height=HEIGHT, scale=SCALE if fmt == "png" else 1)
    except Exception as error:  # kaleido reports a missing or broken browser in several exception types
        raise ExportUnavailable(f"static export failed: {error}".splitlines()[0]) from None


def plotly_js() -> bytes:
    """plotly.js as shipped in the installed plotly package (never fetched)."""
    from plotly.offline import get_plotlyjs

    return get_plotlyjs().encode("utf-8")


def standalone_html(figure: go.Figure, *, shared_js: bool = False) -> bytes:
    """An interactive page that works offline, no CDN: plotly.js embedded, or (`shared_js`, inside
    a bundle) loaded from the bundle's one PLOTLY_JS beside it, which saves 4.8 MB per chart."""
    return figure.to_html(include_plotlyjs="directory" if shared_js else True, full_html=True).encode("utf-8")


def chart_file(chart: Chart, fmt: Format, *, shared_js: bool = False) -> bytes:
    """One chart in one format."""
    if fmt == "csv":
        return safe_csv(chart.data)
    if fmt == "html":
        return standalone_html(chart.figure, shared_js=shared_js)
    return image(chart.figure, fmt)


def chart_files(charts: Sequence[Chart], formats: Sequence[Format], *,
                progress: Callable[[str], None] | None = None) -> tuple[dict[str, bytes], list[str]]:
    """File name → bytes for every chart and format, with PLOTLY_JS once for their HTML files, and
    the formats that had to be skipped. `progress` is told each chart before it is made."""
    files: dict[str, bytes] = {}
    skipped: list[str] = []
    with static_images():
        for i, chart in enumerate(charts, 1):
            made = [f for f in formats if not (f in ("png", "svg") and static_export_problem())]
            if len(made) < len(formats) and static_export_problem() not in skipped:
                skipped.append(static_export_problem())
            if progress:
                progress(f"Chart {i} of {len(charts)}: {chart.title} ({', '.join(f.upper() for f in made)})")
            for fmt in made:
                files[f"{chart.name}.{fmt}"] = chart_file(chart, fmt, shared_js=True)
    if "html" in formats:
        files[PLOTLY_JS] = plotly_js()
    return files, skipped


def zip_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()

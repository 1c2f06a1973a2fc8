"""`python -m dashboard [streamlit options] [-- --store FILE]`: the dashboard, ready for its
first visitor.

`streamlit run dashboard/app.py` loads a page's modules, scoring's libraries and lexicons,
and the parts of Plotly a chart needs, only when the first visitor arrives; most of that
visitor's wait for a chart was this loading (TextBlob imports NLTK, which imports SciPy).
This command loads them first, then starts the same server, so the loading happens while
the server starts, not while a class looks at an empty page. Arguments go to
`streamlit run` unchanged.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "dashboard" / "app.py"


def prepare() -> None:
    """Load the pages' modules, scoring and the charts, and freeze what is loaded."""
    import dashboard.data  # noqa: F401  (and through it, every page's data layer)
    import dashboard.widgets  # noqa: F401
    from analysis.charts import figures
    from analysis.scoring.score import warm

    figures.overview([warm()])  # Plotly and pandas, too, load much of themselves on first use
    # What is loaded now lives as long as the server: a full collection need not scan it each
    # time (about 0.1 s, holding every session), as in the scoring workers (analysis/engines/parallel.py).
    gc.freeze()


def main(argv: list[str]) -> None:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from streamlit.web import cli

    prepare()
    sys.argv = ["streamlit", "run", str(APP), *argv]
    cli.main()  # exits the process when the server stops


if __name__ == "__main__":
    main(sys.argv[1:])

"""`python -m dashboard [streamlit options] [-- --store FILE]`: the dashboard, ready for its
first visitor.

`streamlit run dashboard/app.py` loads a page's modules, and scoring its libraries and
lexicons, only when the first visitor arrives; most of that visitor's wait for a chart was
this loading (TextBlob imports NLTK, which imports SciPy). This command does it first, then
starts the same server, so the loading happens while the server starts, not while a class
looks at an empty page. Arguments go to `streamlit run` unchanged.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "dashboard" / "app.py"


def main(argv: list[str]) -> None:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from streamlit.web import cli

    import analysis.charts.figures  # noqa: F401  (the Overview's charts)
    import dashboard.data  # noqa: F401  (and through it, every page's data layer)
    import dashboard.widgets  # noqa: F401
    from analysis.scoring.score import warm

    warm()
    sys.argv = ["streamlit", "run", str(APP), *argv]
    cli.main()  # exits the process when the server stops


if __name__ == "__main__":
    main(sys.argv[1:])

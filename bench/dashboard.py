"""What a new user waits for in the browser: a fresh server on the seeds, timed in headless Chromium.

Starts the dashboard as the README does (`python -m dashboard`, which loads scoring before
the server listens) on a free port of 127.0.0.1 with an empty result cache, then measures
(a) the time from opening the Overview to its first drawn chart, beside the server's start
(from launch until it answers, loading included) and the time a fresh Python takes to
import what the page imports;
(b) "Download everything" on the Overview and on Compare (two seeds): time and zip size;
(c) the Compare slide deck: time and size. Targets on the 2-core reference machine: first
chart <= 5 s, download everything <= 8 s and <= 2 MB, slide deck <= 5 s.

Run: .venv/bin/python -m bench.dashboard
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

from bench.server import serve

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]
#: What the server imports before it can draw the Overview (streamlit, the app's modules, the page's).
IMPORTS = "import streamlit, dashboard.data, dashboard.state, dashboard.widgets, analysis.charts.figures"


def import_time() -> float:
    """Seconds a fresh interpreter takes for the server's imports (median of 3)."""
    code = f"import time; t = time.perf_counter(); {IMPORTS}; print(time.perf_counter() - t)"
    runs = sorted(float(subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                                       check=True).stdout) for _ in range(3))
    return runs[1]


def download(page, name: str, suffix: str, folder: Path, shot: Path | None = None) -> tuple[float, int]:
    """Seconds from the click on `name` (which builds the file, naming each step) to the saved
    `.suffix` file, and its size in bytes; `shot` is a screenshot taken while it builds."""
    button = page.get_by_role("button", name=name)
    expect(button).to_be_enabled(timeout=60_000)
    start = time.perf_counter()
    button.click()
    if shot:
        expect(page.get_by_text(re.compile(r"^(Chart|Slide) 1 of")).first).to_be_visible(timeout=60_000)
        page.screenshot(path=shot)
    save = page.get_by_role("button", name=re.compile(rf"^Save .*\.{suffix} "))
    expect(save).to_be_visible(timeout=180_000)
    with page.expect_download(timeout=60_000) as info:
        save.click()
    target = folder / info.value.suggested_filename
    info.value.save_as(target)
    return time.perf_counter() - start, target.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shots", type=Path, help="folder for screenshots of the downloads while they build")
    args = parser.parse_args()
    shot = (lambda name: args.shots / name) if args.shots else (lambda name: None)
    imports = import_time()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        folder = Path(tmp)
        started = time.perf_counter()
        process, url = serve(folder / "results.sqlite")
        server_start = time.perf_counter() - started
        try:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
            start = time.perf_counter()
            page.goto(url)
            expect(page.locator(".js-plotly-plot .main-svg").first).to_be_visible(timeout=120_000)
            first_chart = time.perf_counter() - start
            overview_zip = download(page, "Download everything (zip)", "zip", folder, shot("overview-zip.png"))
            page.goto(url + "/compare")
            expect(page.locator(".js-plotly-plot .main-svg").first).to_be_visible(timeout=120_000)
            compare_zip = download(page, "Download everything (zip)", "zip", folder)
            deck = download(page, "Slide deck (PPTX)", "pptx", folder, shot("compare-slides.png"))
            browser.close()
        finally:
            process.terminate()
            process.wait(timeout=20)
    mb = 1024 * 1024
    print(f"server start, launch to first answer:       {server_start:5.2f} s   (loads scoring before it listens)")
    print(f"page imports (fresh Python, median of 3):   {imports:5.2f} s")
    print(f"first Overview chart after opening:         {first_chart:5.2f} s   (target <= 5 s)")
    print(f"Download everything, Overview:              {overview_zip[0]:5.2f} s, {overview_zip[1] / mb:.2f} MB"
          "   (target <= 8 s, <= 2 MB)")
    print(f"Download everything, Compare (2 seeds):     {compare_zip[0]:5.2f} s, {compare_zip[1] / mb:.2f} MB"
          "   (target <= 8 s, <= 2 MB)")
    print(f"Slide deck, Compare (2 seeds):              {deck[0]:5.2f} s, {deck[1] / mb:.2f} MB   (target <= 5 s)")


if __name__ == "__main__":
    main()

"""A classroom at once: N browser sessions on the dashboard, each switching pages and filters.

Starts `streamlit run` on 127.0.0.1, opens N concurrent headless Chromium pages (default 30),
and has each one open the Overview, then the Compare page with its own filter. Reports
p50/p95 time to the first chart, errors, whether any session saw another's filter, and
the server's peak memory. Run: .venv/bin/python -m bench.load [--sessions 30]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.async_api import async_playwright

from bench.server import serve

ROOT = Path(__file__).resolve().parent.parent
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]
#: Each session filters by its own minimum share; the caption then says how many articles match.
MINIMUMS = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5]


def expected_matches() -> dict[float, int]:
    """How many seeds each minimum share keeps, from the analysis layer itself."""
    sys.path.insert(0, str(ROOT))
    from analysis.ingest.read import load_seeds
    from analysis.engines.run import score_documents
    from analysis.corpus.select import Filters, apply

    results = list(score_documents(load_seeds().documents))
    return {m: len(apply(results, Filters(min_share=m))) for m in MINIMUMS}


def _peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def _session(browser, url: str, index: int, expected: dict[float, int]) -> dict:
    minimum = MINIMUMS[index % len(MINIMUMS)]
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    page.set_default_timeout(300_000)
    page.set_default_navigation_timeout(300_000)
    outcome = {"first_chart": None, "error": None, "leak": False}
    try:
        start = time.perf_counter()
        await page.goto(url + "/")
        await page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=300_000)
        outcome["first_chart"] = time.perf_counter() - start
        await page.goto(f"{url}/?min={minimum}")
        caption = page.get_by_text("articles match the filters")
        await caption.wait_for(timeout=300_000)
        shown = int((await caption.inner_text()).split(" of ")[0])
        outcome["leak"] = shown != expected[minimum]
        await page.goto(f"{url}/compare?ids=000,003")
        await page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=300_000)
        if await page.locator('[data-testid="stException"]').count():
            outcome["error"] = "exception box"
    except Exception as error:  # a failed session is counted, not fatal to the benchmark
        outcome["error"] = str(error).splitlines()[0]
    finally:
        await context.close()
    return outcome


async def _run(url: str, sessions: int, expected: dict[float, int]) -> list[dict]:
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        try:
            return await asyncio.gather(*(_session(browser, url, i, expected) for i in range(sessions)))
        finally:
            await browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description="classroom load benchmark")
    parser.add_argument("--sessions", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        server, url = serve(Path(folder) / "cache.sqlite")
        try:
            start = time.perf_counter()
            outcomes = asyncio.run(_run(url, args.sessions, expected_matches()))
            wall = time.perf_counter() - start
            peak = _peak_rss_mib(server.pid)
        finally:
            server.terminate()
            server.wait(timeout=30)
    times = sorted(o["first_chart"] for o in outcomes if o["first_chart"] is not None)
    errors = [o["error"] for o in outcomes if o["error"]]
    leaks = sum(o["leak"] for o in outcomes)
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))] if times else float("nan")
    print(f"{args.sessions} concurrent sessions, {wall:.1f} s in all")
    print(f"time to first chart: p50 {statistics.median(times):.1f} s, p95 {p95:.1f} s" if times else "no chart drawn")
    print(f"failed sessions: {len(errors)}" + (f" ({errors[0]})" if errors else ""))
    print(f"sessions that saw another session's filter: {leaks}")
    print(f"server peak memory: {peak:.0f} MiB")
    sys.exit(1 if errors or leaks else 0)


if __name__ == "__main__":
    main()

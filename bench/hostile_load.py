"""Hostile uploads beside a student who is working: does anyone else notice?

    python -m bench.hostile_load [--rounds 8]

Starts `streamlit run` on a free port of 127.0.0.1 and opens two headless Chromium
browsers, one context each, as two students have, both at a lower CPU priority than the
server (in a class they run on the students' laptops). The *filter* context opens the Overview
with one minimum share after another (each a fresh page) and times each first chart: alone
(the baseline), then while the other context uploads, one by one on the Corpus page, first
ordinary files made from the seeds (a zip of five, a paste, a .md, a .txt, a zip with a
plain metadata.yaml), then the hostile files of `bench/hostile.py` of the same kinds (the
zip that expands to 45 MiB, a 22 MB paste, 5.7 KB of `[` as .md, a 2 MB single line, a
billion-laughs metadata.yaml in a zip), waiting for each one's message. All inputs are made
before any timing starts.

Reports the median time to first chart in each phase as a ratio to the baseline and to the
ordinary phase (and the median during each upload); the hostile uploads keep the other
context within its usual time when their median is no more than the slowest first chart
during ordinary uploads. Also reports whether `/_stcore/health` (polled throughout, 1 s
timeout) ever timed out, and how long the server takes to stop on SIGTERM sent while one
more hostile file (12 KB of `[`, most of a minute to read) is being read, with any worker
process left behind. Exits 1 when any of these fails. Every loop is bounded; the script
stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from playwright.async_api import Page, async_playwright

from bench import hostile
from bench.server import alive, descendants, serve

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]
#: Minimum shares the filter context cycles through (each keeps at least one seed, so a chart is drawn).
MINIMUMS = [0.0, 0.1, 0.2, 0.05, 0.15]
#: Longest the hostile context waits for one upload's message (the upload budget is 180 s).
UPLOAD_WAIT_MS = 240_000
#: Most filter rounds while the uploads run, so the loop ends even if an upload never does.
MAX_LOADED_ROUNDS = 400
#: Seconds after the server has stopped by which no process it started may still run.
LEFT_WAIT = 10.0


@dataclass
class Health:
    """Polls /_stcore/health with a 1 s timeout until stopped; counts the polls that failed."""

    url: str
    phase: str = "start"
    step: dict[str, str] = field(default_factory=dict)
    polls: int = 0
    failures: list[str] = field(default_factory=list)
    by_phase: dict[str, list[int]] = field(default_factory=dict)
    slowest: float = 0.0
    stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        while not self.stop.is_set():
            start = time.perf_counter()
            counts = self.by_phase.setdefault(self.phase, [0, 0])
            try:
                urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1).read()
            except OSError as error:
                self.failures.append(f"{self.phase} ({self.step.get('now', '-')}) "
                                     f"{time.strftime('%H:%M:%S')} {error}")
                counts[1] += 1
            self.polls += 1
            counts[0] += 1
            self.slowest = max(self.slowest, time.perf_counter() - start)
            self.stop.wait(0.25)


async def _first_chart(page: Page, url: str, minimum: float) -> float:
    """Seconds from opening the Overview with this minimum share to its first drawn chart."""
    start = time.perf_counter()
    await page.goto(f"{url}/?min={minimum:g}")
    await page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=120_000)
    return time.perf_counter() - start


async def _filtering(page: Page, url: str, rounds: int | None, done: asyncio.Event | None,
                     step: dict[str, str] | None = None) -> list[tuple[str, float]]:
    """First-chart times, for `rounds` filters or until `done` is set, each with the hostile
    step (`step["now"]`) under way when it started."""
    times: list[tuple[str, float]] = []
    for i in range(rounds or MAX_LOADED_ROUNDS):
        if done is not None and done.is_set():
            break
        now = step["now"] if step else "alone"
        times.append((now, await _first_chart(page, url, MINIMUMS[i % len(MINIMUMS)])))
    return times


async def _message(page: Page) -> str:
    """The first red or green message after an Add, its text cut to one line."""
    note = page.locator('[data-testid="stMain"] [data-testid="stAlert"]').first
    try:
        await note.wait_for(timeout=UPLOAD_WAIT_MS)
    except Exception:  # say where it stood, and carry on with the next input
        shown = " ".join((await page.locator('[data-testid="stMain"]').inner_text()).split())
        return f"no message within {UPLOAD_WAIT_MS / 1000:g} s; the page showed: {shown[:200]}"
    return " ".join((await note.inner_text()).split())[:160]


async def _upload(page: Page, url: str, name: str, mime: str, data: bytes) -> tuple[str, float, str]:
    await page.goto(f"{url}/corpus")
    await page.get_by_role("heading", name="Corpus", exact=True).wait_for(timeout=60_000)
    start = time.perf_counter()
    await page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        files=[{"name": name, "mimeType": mime, "buffer": data}])
    await page.get_by_role("button", name="Add uploaded files").click()
    return name, time.perf_counter() - start, await _message(page)


async def _paste(page: Page, url: str, text: str) -> tuple[str, float, str]:
    await page.goto(f"{url}/corpus")
    await page.get_by_role("heading", name="Corpus", exact=True).wait_for(timeout=60_000)
    start = time.perf_counter()
    await page.get_by_label("Paste an article", exact=True).fill(text)
    filled = time.perf_counter()
    await page.get_by_role("button", name="Add pasted text").click()
    message = await _message(page)
    return (f"paste of {len(text) / 1e6:.0f} MB ({filled - start:.1f} s to fill the box in the browser, "
            f"{time.perf_counter() - filled:.1f} s from Add to the message)"), time.perf_counter() - start, message


#: One input: its file name and type, and its bytes (a paste: name "paste", its text).
Input = tuple[str, str, bytes | str]


def _inputs() -> list[Input]:
    """The hostile inputs, made before any timing starts (the zip bomb takes seconds to compress)."""
    return [("bomb.zip", "application/zip", hostile.zip_bomb()),
            ("paste", "text/plain", hostile.huge_paste()),
            ("brackets.md", "text/markdown", hostile.brackets_markdown()),
            ("line.txt", "text/plain", hostile.long_line()),
            ("laughs.zip", "application/zip", hostile.laughs_zip())]


async def _uploads(page: Page, url: str, inputs: list[Input], done: asyncio.Event,
                   step: dict[str, str]) -> list[tuple[str, float, str]]:
    """Each input in turn, with how long its message took and what it said; `step` names the
    one under way."""
    outcomes = []
    try:
        for name, mime, data in inputs:
            step["now"] = name
            outcomes.append(await (_paste(page, url, data) if isinstance(data, str)
                                    else _upload(page, url, name, mime, data)))
    except Exception as error:  # reported, and the filtering context told to stop
        outcomes.append(("(uploading context failed)", float("nan"), str(error).splitlines()[0]))
    finally:
        done.set()
    return outcomes


def _lower_priority(server: int) -> None:
    """Runs the bench's browsers (every process below this one but the server's) at nice 10,
    below the server: they stand for students' laptops, which in a class do not take the
    server's cores. Chromium forks its later page processes from these, which keep the priority."""
    for pid in descendants(os.getpid()) - descendants(server) - {server}:
        try:
            os.setpriority(os.PRIO_PROCESS, pid, 10)
        except OSError:  # gone already
            pass


async def _run(url: str, server: int, rounds: int, health: Health) -> tuple[bool, tuple]:
    """Times first charts alone, during ordinary uploads and during hostile ones, and reports
    them; leaves one more hostile file reading, and returns Playwright and the browsers open,
    for the SIGTERM that follows.
    Each context has a browser of its own, as two students in a class have: one Chromium filling
    a 22 MB box would otherwise hold up the other context's pages in the browser, not the server."""
    inputs, ordinary = _inputs(), hostile.ordinary()
    p = await async_playwright().start()
    browsers = [await p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS) for _ in range(2)]
    _lower_priority(server)
    filters, attacker = [await (await b.new_context(viewport={"width": 1280, "height": 900})).new_page()
                         for b in browsers]
    for page in (filters, attacker):
        page.set_default_timeout(120_000)
        page.set_default_navigation_timeout(120_000)
    await _first_chart(filters, url, 0.0)  # warm: scores the seeds once, as any first visitor would
    health.phase = "baseline"
    baseline = [seconds for _, seconds in await _filtering(filters, url, rounds, None)]
    phases = {}
    for phase, made in [("ordinary", ordinary), ("hostile", inputs)]:
        done, step = asyncio.Event(), {"now": "start"}
        health.phase, health.step = phase, step
        phases[phase] = await asyncio.gather(_filtering(filters, url, None, done, step),
                                             _uploads(attacker, url, made, done, step))
    usual = _report_loads(baseline, phases)
    # One more slow file, left reading while the server is told to stop.
    await attacker.goto(f"{url}/corpus")
    await attacker.get_by_role("heading", name="Corpus", exact=True).wait_for(timeout=60_000)
    await attacker.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        files=[{"name": "brackets.md", "mimeType": "text/markdown", "buffer": hostile.brackets_markdown(12_000)}])
    await attacker.get_by_role("button", name="Add uploaded files").click()
    await asyncio.sleep(3)
    health.phase = "last"
    return usual, (p, browsers)


def _report_loads(baseline: list[float], phases: dict[str, tuple[list[tuple[str, float]], list]]) -> bool:
    """Printed as soon as the uploads are done, so a later failure does not lose them. Returns
    whether the first chart kept "its usual time" during the hostile uploads: the time it has
    while another student uploads ordinary files of the same kinds (a second user at work costs
    the first some time on a small server whatever they upload). The hostile median is within
    it when it is no more than the slowest first chart during the ordinary uploads."""
    base = statistics.median(baseline)
    print(f"time to first chart, other context: {base:.2f} s alone (median of {len(baseline)}, "
          f"{min(baseline):.2f} to {max(baseline):.2f} s)", flush=True)
    medians = {}
    for phase, (rounds, outcomes) in phases.items():
        print(f"{phase} inputs (time to their message, and the message):")
        for name, seconds, message in outcomes:
            print(f"  {name}: {seconds:.1f} s — {message}")
        times = [seconds for _, seconds in rounds]
        medians[phase] = statistics.median(times)
        print(f"  first chart during the {phase} uploads: {medians[phase]:.2f} s (median of {len(times)}, "
              f"max {max(times):.2f} s): {medians[phase] / base:.2f}x alone; by step (median, rounds): "
              + ", ".join(f"{name} {statistics.median(t for n, t in rounds if n == name):.2f} s "
                          f"({sum(n == name for n, _ in rounds)})" for name in dict.fromkeys(n for n, _ in rounds)),
              flush=True)
    slowest = max(seconds for _, seconds in phases["ordinary"][0])
    usual = medians["hostile"] <= slowest
    print(f"first chart during hostile uploads against ordinary ones: {medians['hostile'] / medians['ordinary']:.2f}x; "
          f"within its usual time (hostile median at most the slowest first chart during ordinary uploads, "
          f"{slowest:.2f} s): {'yes' if usual else 'NO'}; load average {_load()}", flush=True)
    return usual


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _name(pid: int) -> str:
    """The command line of `pid`, cut to fit a line."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " ")[:100]
    except OSError:
        return "?"


def main() -> None:
    parser = argparse.ArgumentParser(description="hostile uploads beside a working session")
    parser.add_argument("--rounds", type=int, default=8, help="baseline filter changes (default 8)")
    args = parser.parse_args()
    print(f"load average at the start: {_load()}", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        server, url = serve(Path(folder) / "cache.sqlite")
        health = Health(url)
        poller = threading.Thread(target=health.run, daemon=True)
        stop_seconds, left, names, left_seconds, usual = float("nan"), set(), {}, 0.0, False
        try:
            poller.start()
            loop = asyncio.new_event_loop()
            usual, (p, browsers) = loop.run_until_complete(_run(url, server.pid, args.rounds, health))
            health.stop.set()
            poller.join()
            below = descendants(server.pid)
            start = time.perf_counter()
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=30)
                stop_seconds = time.perf_counter() - start
            except subprocess.TimeoutExpired:
                pass
            gone = time.perf_counter()
            while (left := {pid for pid in below if alive(pid)}) and time.perf_counter() - gone < LEFT_WAIT:
                names = {pid: _name(pid) for pid in left}
                time.sleep(0.1)
            left_seconds = time.perf_counter() - gone
            for browser in browsers:
                loop.run_until_complete(browser.close())
            loop.run_until_complete(p.stop())
            loop.close()
        finally:
            health.stop.set()
            if server.poll() is None:
                server.kill()
                server.wait()
            for pid in left:  # a worker left behind is reported, then ended here
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
    print(f"/_stcore/health: {health.polls} polls, {len(health.failures)} timed out or failed, "
          f"slowest answer {health.slowest:.2f} s" + (f" (first: {health.failures[0]})" if health.failures else ""))
    print("  by phase (polls, timed out): " + ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in health.by_phase.items()))
    stopped = stop_seconds < 5
    print(f"SIGTERM during a hostile upload: server stopped in {stop_seconds:.2f} s "
          f"({'under' if stopped else 'NOT under'} 5 s); processes below it (forkserver, workers) all gone "
          f"{left_seconds:.1f} s after it; left running {LEFT_WAIT:g} s after it: {len(left)}"
          + "".join(f"\n  {pid}: {names.get(pid, '?')}" for pid in left))
    sys.exit(0 if usual and stopped and not health.failures and not left else 1)


if __name__ == "__main__":
    main()

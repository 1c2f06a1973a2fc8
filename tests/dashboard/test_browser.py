"""Real-browser tests: the app served by `streamlit run`, looked at in headless Chromium."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]
SHOTS = ROOT / "tests" / "artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (bash .ci/setup installs it)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def _serve(tmp_path_factory: pytest.TempPathFactory, *args: str) -> Iterator[str]:
    """`streamlit run dashboard/app.py [-- args]` on a free port of 127.0.0.1, until the test module ends."""
    port = _free_port()
    env = {**os.environ, "FRAMELENS_CACHE": str(tmp_path_factory.mktemp("cache") / "r.sqlite")}
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard/app.py", "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port), "--server.fileWatcherType", "none",
         *(["--", *args] if args else [])],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).status == 200:
                break
        except OSError:
            time.sleep(0.5)
    else:
        process.kill()
        pytest.fail("streamlit did not start within 60 s")
    yield url
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with _serve(tmp_path_factory) as url:
        yield url


@pytest.fixture(scope="module")
def store_server(tmp_path_factory: pytest.TempPathFactory, seed_results) -> Iterator[str]:
    """The app started on a store of 120 articles (the seeds' results under new ids)."""
    from analysis import store

    seeds = list(seed_results.values())
    path = tmp_path_factory.mktemp("store") / "class.duckdb"
    store.save((replace(seeds[i % 5], id=f"s{i:03d}") for i in range(120)), path)
    with _serve(tmp_path_factory, "--store", str(path)) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    yield page
    context.close()


def _open(page, url: str, title: str) -> None:
    page.goto(url)
    page.get_by_role("heading", name=title, exact=True).wait_for(timeout=60_000)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1500)


@pytest.mark.parametrize(
    ("path", "title", "charts"),
    [("/", "Overview", 3), ("/compare", "Compare", 5), ("/reader", "Reader", 0),
     ("/corpus", "Corpus", 0), ("/code", "Code it yourself", 0), ("/lexicons", "Lexicons", 0),
     ("/method", "Method", 0)],
)
def test_every_page_renders(server: str, page, path: str, title: str, charts: int) -> None:
    _open(page, server + path, title)
    if charts:
        page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=30_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator(".js-plotly-plot").count() == charts
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{path.strip('/') or 'overview'}.png"), full_page=True)


def test_charts_show_frame_names_and_values(server: str, page) -> None:
    _open(page, server + "/", "Overview")
    heatmap = page.locator(".js-plotly-plot").first
    heatmap.locator(".main-svg").first.wait_for()
    text = heatmap.inner_text()
    for frame in ("ANALOGY", "SECURITY", "MARKET", "HISTORY"):
        assert frame in text
    assert "0.86" in text  # the history article's HISTORY share


def test_shared_link_reopens_the_view(server: str, page) -> None:
    _open(page, server + "/compare?ids=000,003,004&min=0.1", "Compare")
    page.locator(".js-plotly-plot").first.wait_for()
    assert page.locator(".js-plotly-plot").count() == 7
    assert "ids=000%2C003%2C004" in page.url or "ids=000,003,004" in page.url


def test_presentation_mode_hides_sidebar(server: str, page) -> None:
    _open(page, server + "/?present=1", "Overview")
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    assert page.get_by_role("button", name="Exit presentation mode").is_visible()
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "overview-presentation.png"))


def test_reader_shows_hostile_article_as_text(server: str, page) -> None:
    _open(page, server + "/corpus", "Corpus")
    page.get_by_label("Title of the pasted text").fill("Hostile")
    page.get_by_label("Paste an article").fill(
        "Export controls hit chips. <script>alert('owned')</script> <img src=x onerror=alert(1)> The end."
    )
    page.get_by_role("button", name="Add pasted text").click()
    page.get_by_text("Added the pasted text as pasted.").wait_for(timeout=30_000)
    page.get_by_role("link", name="Reader").click()
    page.get_by_role("heading", name="Reader", exact=True).wait_for()
    page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').first.click()
    page.get_by_role("option", name="pasted · Hostile").click()
    reader = page.locator(".fl-reader")
    reader.get_by_text("<script>alert('owned')</script>", exact=False).wait_for(timeout=30_000)
    assert "<img src=x onerror=alert(1)>" in reader.inner_text()
    assert reader.locator("script, img").count() == 0
    assert page.dialogs == []


def test_a_stored_corpus_opens_with_summaries_and_its_articles_read(store_server: str, page) -> None:
    page.goto(f"{store_server}/?min=0.45")
    page.get_by_text("Dominant frame: number of articles").first.wait_for(timeout=60000)
    main = page.locator('[data-testid="stMain"]')
    assert "48 of 120 articles match the filters" in main.inner_text()
    titles = page.locator(".gtitle").all_text_contents()
    assert titles == ["Mean frame share by kind (number of articles)", "Dominant frame: number of articles",
                      "Tone of the articles (TextBlob)"]
    page.screenshot(path=str(SHOTS / "store-overview.png"))

    page.goto(f"{store_server}/reader?article=s117")
    reader = page.locator(".fl-reader")
    reader.wait_for(timeout=60000)
    assert "whole nation system" in reader.inner_text()  # s117 holds seed 002's result

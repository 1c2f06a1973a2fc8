"""Real-browser tests: the app served by `streamlit run`, looked at in headless Chromium."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from analysis.charts.export import zip_bytes
from analysis.limits import LIMITS

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]
SHOTS = ROOT / "tests" / "artifacts"
#: How long an upload or paste may take to be answered: the app's own budget for one, which a
#: busy machine can use up (the first one also starts the worker's forkserver).
INTAKE_MS = int(LIMITS.upload_seconds * 1000)
#: How long a page may take to draw: the first one of a fresh server scores the seeds, which on
#: a busy machine (two cores, other work beside) has taken over 60 s.
PAGE_MS = 180_000

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
    """`python -m dashboard [-- args]` (the README's command) on a free port of 127.0.0.1, until the
    test module ends."""
    port = _free_port()
    env = {**os.environ, "FRAMELENS_CACHE": str(tmp_path_factory.mktemp("cache") / "r.sqlite"),
           "FRAMELENS_DATA": str(tmp_path_factory.mktemp("articles"))}
    process = subprocess.Popen(
        [sys.executable, "-m", "dashboard", "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port), "--server.fileWatcherType", "none",
         *(["--", *args] if args else [])],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).status == 200:
                break
        except OSError:
            time.sleep(0.5)
    else:
        process.kill()
        pytest.fail("streamlit did not start within 120 s")
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
    from analysis.corpus import store

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
    expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible(timeout=PAGE_MS)


@pytest.mark.parametrize(
    ("path", "title", "charts"),
    [("/", "Overview", 3), ("/compare", "Compare", 3), ("/reader", "Reader", 0),
     ("/corpus", "Corpus", 0), ("/code", "Code it yourself", 0), ("/lexicons", "Lexicons", 0),
     ("/method", "Method", 0)],
)
def test_every_page_renders(server: str, page, path: str, title: str, charts: int) -> None:
    _open(page, server + path, title)
    expect(page.locator(".js-plotly-plot")).to_have_count(charts, timeout=30_000)
    if charts:
        expect(page.locator(".js-plotly-plot .main-svg").first).to_be_visible(timeout=30_000)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{path.strip('/') or 'overview'}.png"), full_page=True)


def test_charts_show_frame_names_and_values(server: str, page, seed_results) -> None:
    _open(page, server + "/", "Overview")
    heatmap = page.locator(".js-plotly-plot").first
    for frame in ("ANALOGY", "SECURITY", "MARKET", "HISTORY"):
        expect(heatmap).to_contain_text(frame, timeout=30_000)
    expect(heatmap).to_contain_text(f"{seed_results['004'].frames['HISTORY'].share:.2f}")  # the history article


def test_heat_map_reads_in_half_a_laptop_window(server: str, page, seed_results) -> None:
    """At 1366 px the heat map shares a row with the bars: every frame's name is drawn whole and
    level under its column, and no two of the values written in the cells overlap."""
    page.set_viewport_size({"width": 1366, "height": 768})
    _open(page, server + "/", "Overview")
    heatmap = page.locator(".js-plotly-plot").first
    ticks = heatmap.locator(".xtick text")
    expect(ticks).to_have_text(["ANALOGY", "SECURITY", "MARKET", "HISTORY"], timeout=30_000)
    for i in range(4):
        expect(ticks.nth(i)).to_be_visible()
        expect(ticks.nth(i)).not_to_have_attribute("transform", re.compile("rotate"))
    values = heatmap.locator(".heatmap-label text")
    expect(values).to_have_count(20)
    expect(values.nth(19)).to_have_text(f"{seed_results['004'].frames['HISTORY'].share:.2f}")  # the history article
    for row in ([ticks.nth(i) for i in range(4)], *([values.nth(r * 4 + i) for i in range(4)] for r in range(5))):
        boxes = [label.bounding_box() for label in row]
        assert all(a["x"] + a["width"] < b["x"] for a, b in zip(boxes, boxes[1:])), boxes


def test_bars_read_in_half_a_laptop_window(server: str, page) -> None:
    """At 1366 px the bars share a row with the heat map: every article's name is drawn level and
    whole beside its group, the names do not touch, and the legend lies between the title and the
    plot without touching either."""
    page.set_viewport_size({"width": 1366, "height": 768})
    _open(page, server + "/", "Overview")
    bars = page.locator(".js-plotly-plot").nth(1)
    expect(bars.locator(".gtitle")).to_have_text("Frame shares by article", timeout=30_000)
    names = bars.locator(".ytick text")
    expect(names).to_have_count(5)
    for name in ("000 · When MaoZedong was…", "004 · The GreatLeap Forward…"):  # two lines each, in tspans
        expect(names.filter(has_text=name)).to_have_count(1)
    chart = bars.bounding_box()
    boxes = []
    for i in range(5):
        expect(names.nth(i)).to_be_visible()
        expect(names.nth(i)).not_to_have_attribute("transform", re.compile("rotate"))
        boxes.append(names.nth(i).bounding_box())
    boxes.sort(key=lambda b: b["y"])
    assert all(chart["x"] <= b["x"] and b["x"] + b["width"] <= chart["x"] + chart["width"] for b in boxes), boxes
    assert all(a["y"] + a["height"] < b["y"] for a, b in zip(boxes, boxes[1:])), boxes
    items = bars.locator(".legend .traces")
    expect(items).to_have_count(4)
    title, legend, plot = (bars.locator(s).first.bounding_box() for s in (".gtitle", ".legend", ".nsewdrag"))
    assert title["y"] + title["height"] <= legend["y"] and legend["y"] + legend["height"] <= plot["y"], (title, legend, plot)


def test_shared_link_reopens_the_view(server: str, page) -> None:
    _open(page, server + "/compare?ids=000,003,004&min=0.1", "Compare")
    expect(page.locator(".js-plotly-plot")).to_have_count(7, timeout=60_000)
    expect(page).to_have_url(re.compile(r"ids=000(%2C|,)003(%2C|,)004"))


def test_presentation_mode_hides_sidebar(server: str, page) -> None:
    _open(page, server + "/?present=1", "Overview")
    expect(page.get_by_role("button", name="Exit presentation mode")).to_be_visible(timeout=30_000)
    expect(page.locator('[data-testid="stSidebar"]')).to_be_hidden(timeout=30_000)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "overview-presentation.png"))


def test_reader_shows_hostile_article_as_text(server: str, page) -> None:
    _open(page, server + "/corpus", "Corpus")
    page.get_by_label("Title of the pasted text").fill("Hostile")
    page.get_by_label("Paste an article", exact=True).fill(
        "Export controls hit chips. <script>alert('owned')</script> <img src=x onerror=alert(1)> The end."
    )
    page.get_by_role("button", name="Add pasted text").click()
    expect(page.get_by_text("Added the pasted text as pasted.")).to_be_visible(timeout=INTAKE_MS)
    page.get_by_role("link", name="Reader").click()
    expect(page.get_by_role("heading", name="Reader", exact=True)).to_be_visible(timeout=30_000)
    page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').first.click()
    page.get_by_role("option", name="pasted · Hostile").click()
    reader = page.locator(".fl-reader")
    expect(reader).to_contain_text("<script>alert('owned')</script>", timeout=30_000)
    expect(reader).to_contain_text("<img src=x onerror=alert(1)>")
    expect(reader.locator("script, img")).to_have_count(0)
    assert page.dialogs == []


def test_a_pasted_article_survives_a_reload_and_opens_from_the_link(server: str, browser) -> None:
    """The link names the added article's key: a reload, and a second browser, reopen it."""
    teacher = browser.new_context(viewport={"width": 1366, "height": 768}).new_page()
    _open(teacher, server + "/corpus", "Corpus")
    teacher.get_by_label("Title of the pasted text").fill("Chips for all")
    teacher.get_by_label("Paste an article", exact=True).fill(
        "Beijing's chip fund is a pipe dream. Subsidies breed waste and central planning fails. The end.")
    teacher.get_by_role("button", name="Add pasted text").click()
    expect(teacher.get_by_text("Added the pasted text as pasted.")).to_be_visible(timeout=120_000)
    expect(teacher).to_have_url(re.compile(r"added=[0-9a-f]{16}"), timeout=30_000)
    teacher.get_by_role("link", name="Reader").click()
    main = teacher.locator('[data-testid="stMain"]')
    main.locator('[data-testid="stSelectbox"]').first.click()
    teacher.get_by_role("option", name="pasted · Chips for all").click()
    expect(teacher).to_have_url(re.compile(r"article=pasted"), timeout=30_000)
    expect(teacher.locator(".fl-reader")).to_contain_text("pipe dream", timeout=30_000)
    link = teacher.url
    teacher.reload()
    expect(teacher.locator(".fl-reader")).to_contain_text("pipe dream", timeout=60_000)
    SHOTS.mkdir(exist_ok=True)
    teacher.screenshot(path=str(SHOTS / "added-article-reloaded.png"))
    student = browser.new_context(viewport={"width": 1366, "height": 768}).new_page()
    student.goto(link)
    expect(student.locator(".fl-reader")).to_contain_text("pipe dream", timeout=60_000)
    expect(student.get_by_role("combobox", name="Article")).to_have_value("pasted · Chips for all")
    student.screenshot(path=str(SHOTS / "added-article-student.png"))
    teacher.context.close()
    student.context.close()


def test_a_link_to_an_article_no_longer_kept_says_so(server: str, page) -> None:
    page.set_viewport_size({"width": 1366, "height": 768})
    _open(page, server + "/reader?added=0123456789abcdef&article=pasted", "Reader")
    expect(page.get_by_text(re.compile("no longer kept on this server \\(0123456789abcdef\\)"))).to_be_visible(timeout=30_000)
    expect(page.get_by_text("The link names article pasted, which is not in this corpus")).to_be_visible()
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "added-article-missing.png"))


def test_metadata_and_ids_are_shown_as_text_not_markdown(server: str, page) -> None:
    """An outlet or an id written as a Markdown image must not make the browser fetch it."""
    image = "![t](http://127.0.0.1:9/o.png)"
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url) if ":9/" in request.url else None)
    metadata = f"articles:\n  - file: a.txt\n    id: '{image}'\n    outlet: '{image}'\n".encode()
    _open(page, server + "/corpus", "Corpus")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        files=[{"name": "set.zip", "mimeType": "application/zip",
                "buffer": zip_bytes({"metadata.yaml": metadata, "a.txt": b"Export controls hit chips. The end."})}])
    page.get_by_role("button", name="Add uploaded files").click()
    main = page.locator('[data-testid="stMain"]')
    expect(main.get_by_text(f"Added 1 article(s): {image}")).to_be_visible(timeout=INTAKE_MS)
    expect(main.locator("img")).to_have_count(0)
    page.get_by_role("link", name="Reader").click()
    expect(page.get_by_role("heading", name="Reader", exact=True)).to_be_visible(timeout=30_000)
    main.locator('[data-testid="stSelectbox"]').first.click()
    page.get_by_role("option", name=re.compile("o.png")).click()
    expect(main.get_by_text(image).first).to_be_visible(timeout=60_000)
    expect(main.locator("img")).to_have_count(0)
    assert fetched == []


def test_no_request_leaves_the_machine(server: str, page) -> None:
    """Classrooms may be offline: the page, its icon and its fonts all come from the app."""
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    for path, title in (("/", "Overview"), ("/reader", "Reader"), ("/corpus", "Corpus")):
        _open(page, server + path, title)
        expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    page.wait_for_load_state("networkidle")
    outside = [u for u in urls if urlsplit(u).hostname not in ("127.0.0.1", None) and not u.startswith(("data:", "blob:"))]
    assert urls and outside == []


def test_a_stored_corpus_opens_with_summaries_and_its_articles_read(store_server: str, page) -> None:
    page.goto(f"{store_server}/?min=0.45")
    expect(page.get_by_text("Dominant frame: number of articles").first).to_be_visible(timeout=60_000)
    main = page.locator('[data-testid="stMain"]')
    expect(main).to_contain_text("48 of 120 articles match the filters")
    expect(page.locator(".gtitle")).to_have_text(["Mean frame share by kind (number of articles)",
                                                  "Dominant frame: number of articles",
                                                  "Tone of the articles"])
    page.screenshot(path=str(SHOTS / "store-overview.png"))

    page.goto(f"{store_server}/reader?article=s117")
    expect(page.locator(".fl-reader")).to_contain_text("whole nation system", timeout=60_000)  # seed 002's result

"""A lesson in headless Chromium on a laptop (1366x768) and a projector (1920x1080): what a
person in front of the screen sees, checked on bounding boxes and visible text."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.dashboard.test_browser import CHROMIUM, SHOTS, browser, server  # noqa: F401 (fixtures)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM or not __import__("pathlib").Path(CHROMIUM).exists(),
                       reason="Debian's chromium is not installed (bash .ci/setup installs it)"),
]
LAPTOP, PROJECTOR = (1366, 768), (1920, 1080)


def _page(browser, size: tuple[int, int]):  # noqa: F811
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    return context, context.new_page()


def _open(page, url: str, title: str) -> None:
    """Open a page; the first run of a fresh server scores the seeds, which is slow on a busy machine."""
    page.goto(url)
    expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible(timeout=180_000)


def _shot(page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def _charts_fit(page, fold: int) -> None:
    """Every chart, once scrolled to, is whole on the screen: its bottom edge above the fold."""
    plots = page.locator(".js-plotly-plot")
    expect(plots.first.locator(".main-svg").first).to_be_visible(timeout=60_000)
    # The first chart is whole without scrolling. Waited for, not read once: a rerun may still be
    # laying the page out when the chart first shows; a chart that never fits fails on the timeout.
    page.wait_for_function(
        "fold => { const r = document.querySelector('.js-plotly-plot').getBoundingClientRect();"
        " return r.height > 0 && r.bottom <= fold; }", arg=fold, timeout=30_000)
    for plot in plots.all():
        plot.scroll_into_view_if_needed()
        box = plot.bounding_box()
        # the page scrolls by whole pixels while layout has fractions: a chart scrolled to the bottom
        # edge may end up to one pixel past it
        assert box["y"] >= 0 and box["y"] + box["height"] <= fold + 1, box


@pytest.mark.parametrize(("path", "title"), [("/?present=1", "Overview"), ("/compare?present=1&ids=000,003", "Compare")])
def test_presentation_charts_fit_one_screen_and_pages_are_linked(server: str, browser, path: str, title: str) -> None:  # noqa: F811
    context, page = _page(browser, PROJECTOR)
    _open(page, server + path, title)
    nav = page.locator("header")
    for name in ("Overview", "Compare", "Reader", "Corpus", "Code it yourself", "Method"):
        expect(nav.get_by_role("link", name=name)).to_be_visible(timeout=30_000)
    _charts_fit(page, PROJECTOR[1])
    if title == "Compare":  # two articles stay side by side
        flows = page.locator(".js-plotly-plot", has_text="Where frames appear")
        expect(flows).to_have_count(2)
        left, right = flows.nth(0).bounding_box(), flows.nth(1).bounding_box()
        assert abs(left["y"] - right["y"]) < 2 and right["x"] > left["x"] + left["width"] - 1
    page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollTo(0, 0)")
    _shot(page, f"present-{title.lower()}-1920")
    context.close()


def test_page_links_keep_presentation_mode_and_the_view(server: str, browser) -> None:  # noqa: F811
    context, page = _page(browser, PROJECTOR)
    _open(page, server + "/compare?present=1&ids=000,003", "Compare")
    page.locator("header").get_by_role("link", name="Reader").click()
    expect(page.get_by_role("heading", name="Reader", exact=True)).to_be_visible(timeout=60_000)
    expect(page).to_have_url(re.compile(r"present=1"), timeout=30_000)
    expect(page.get_by_role("button", name="Exit presentation mode")).to_be_visible(timeout=30_000)
    expect(page.locator('[data-testid="stSidebar"]')).to_be_hidden(timeout=30_000)
    expect(page).to_have_url(re.compile(r"ids=000(%2C|,)003"))
    page.locator("header").get_by_role("link", name="Compare").click()
    expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=60_000)  # the profile, then one chart per part
    expect(page.locator('[data-testid="stMain"] [data-testid="stMultiSelect"]')).to_contain_text("003")
    context.close()


@pytest.mark.parametrize("size", [LAPTOP, PROJECTOR])
def test_reader_shows_labels_without_hover_and_a_tap_pins_a_cue(server: str, browser, size: tuple[int, int]) -> None:  # noqa: F811
    context, page = _page(browser, size)
    present = "&present=1" if size == PROJECTOR else ""
    _open(page, f"{server}/reader?article=002{present}", "Reader")
    reader = page.locator(".fl-reader")
    tag = reader.locator(".fl-tag").first
    expect(tag).to_be_visible(timeout=60_000)
    expect(tag).to_have_text("SECURITY")  # the headline's label, beside it
    cue = reader.locator("mark.fl-cue").first
    note = cue.locator(".fl-note")
    expect(note).to_be_hidden()
    cue.click()
    page.mouse.move(0, size[1] - 1)  # away from the cue: the note stays pinned by the click alone
    expect(note).to_be_visible()
    expect(note).to_contain_text("SECURITY: ")
    context_word = reader.locator("mark.fl-context", has_text="China").first
    expect(context_word).to_be_visible()
    assert context_word.evaluate("e => getComputedStyle(e).backgroundColor") == "rgba(0, 0, 0, 0)"
    expect(page.get_by_role("button", name=re.compile("Download the evidence"))).to_be_visible(timeout=60_000)
    _shot(page, f"reader-{size[0]}")
    context.close()


def test_laptop_overview_shows_whole_titles_and_the_columns_a_reader_needs(server: str, browser) -> None:  # noqa: F811
    context, page = _page(browser, LAPTOP)
    _open(page, server + "/", "Overview")
    titles = page.locator(".gtitle")
    expect(titles.first).to_contain_text("Frame profile", timeout=60_000)
    for title in titles.all():  # no chart title runs past its chart
        box, chart = title.bounding_box(), title.locator("xpath=ancestor::div[contains(@class,'js-plotly-plot')]").bounding_box()
        assert box["x"] + box["width"] <= chart["x"] + chart["width"], (title.inner_text(), box, chart)
    table = page.locator('[data-testid="stDataFrame"]:visible').first
    expect(table).to_be_visible(timeout=30_000)
    table.scroll_into_view_if_needed()
    box = table.bounding_box()
    assert box["x"] + box["width"] <= LAPTOP[0]
    scroller = table.locator(".dvn-scroller")
    expect(scroller).to_have_count(1)
    # every column (title, dominant, the four frames, tone) is on the screen: nothing to scroll sideways to
    assert scroller.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
    expect(page.get_by_text("More about each article")).to_be_visible()
    _shot(page, "overview-1366")
    context.close()


def test_upload_box_states_the_real_limit_and_the_count_follows_a_paste(server: str, browser) -> None:  # noqa: F811
    context, page = _page(browser, LAPTOP)
    _open(page, server + "/corpus", "Corpus")
    main = page.locator('[data-testid="stMain"]')
    expect(main.locator('[data-testid="stFileUploaderDropzone"]')).to_contain_text("10MB per file", timeout=30_000)
    expect(main).to_contain_text("5 articles in this session's corpus")
    page.get_by_label("Title of the pasted text").fill("Pasted")
    page.get_by_label("Paste an article", exact=True).fill("Export controls hit chips. The end.")
    page.get_by_role("button", name="Add pasted text").click()
    expect(main).to_contain_text("6 articles in this session's corpus", timeout=60_000)
    _shot(page, "corpus-1366")
    context.close()


@pytest.mark.parametrize("size", [LAPTOP, PROJECTOR])
def test_code_page_counts_only_coded_sentences(server: str, browser, size: tuple[int, int]) -> None:  # noqa: F811
    context, page = _page(browser, size)
    present = "?present=1" if size == PROJECTOR else ""
    _open(page, f"{server}/code{present}", "Code it yourself")
    main = page.locator('[data-testid="stMain"]')
    expect(main.get_by_text("1. ", exact=False).first).to_be_visible(timeout=60_000)
    main.locator('[data-testid="stButtonGroup"]').first.get_by_role("button", name="none").click()
    main.get_by_role("button", name="Check my coding").click()
    expect(main.get_by_text("On the 1 sentence(s) you coded", exact=False)).to_be_visible(timeout=60_000)
    expect(main.get_by_role("heading", name=re.compile(r"Sentences where you differ \(\d of the 1 you coded\)"))).to_be_visible()
    expect(main).to_contain_text("in plain words")
    _shot(page, f"code-{size[0]}")
    context.close()

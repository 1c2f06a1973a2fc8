"""Plain article text out of marked-up files: HTML pages and Markdown.

HTML goes to trafilatura, which finds the main text of a page and leaves out navigation,
scripts, comments and footers; Markdown is rendered by Python-Markdown and its text kept,
so that `#`, `*` and link syntax do not reach the frame rules or the reader.
"""

from __future__ import annotations

from html.parser import HTMLParser

import markdown

from analysis.errors import InputError


def html_article(markup: str, source: str) -> tuple[str, dict[str, str]]:
    """(main text, page metadata: title, date, url) of an HTML page.

    The date comes only from the page's own markup (meta tags, time elements): the
    "extensive" search would turn any year in the text into a publication date.
    """
    import trafilatura  # here, not at the top: it takes most of a second and only HTML needs it

    text = trafilatura.extract(markup, include_comments=False, include_tables=False, favor_precision=True)
    if not text or not text.strip():
        raise InputError(source, "no article text found in the HTML")
    found = trafilatura.extract_metadata(markup, extensive=False)
    page = {"title": found.title, "date": found.date, "url": found.url} if found else {}
    return text, {key: value for key, value in page.items() if value}


def markdown_text(text: str) -> str:
    """The text of a Markdown document without its syntax: blocks become paragraphs."""
    parser = _PlainText()
    parser.feed(markdown.markdown(text))
    parser.close()
    return "".join(parser.parts)


#: Elements that end a paragraph, and those that end a line, in rendered Markdown.
_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "hr", "table", "div"})
_LINES = frozenset({"li", "br", "tr", "dt", "dd"})
#: Raw HTML inside Markdown whose content is never text.
_SKIP = frozenset({"script", "style", "template"})


class _PlainText(HTMLParser):
    """Collects text nodes; block elements become paragraphs, list items and breaks lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag in _LINES:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skipping = max(0, self._skipping - 1)
        if tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        # The renderer puts a newline after tags: after a break it is nothing more, and
        # between inline elements it is a space.
        if self._skipping:
            return
        if self.parts and self.parts[-1].endswith("\n"):
            data = data.lstrip("\n")
        self.parts.append(" " if data.isspace() else data)

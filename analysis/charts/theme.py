"""One colour per frame everywhere, and the two display styles (screen, classroom).

Colours are from the Okabe-Ito palette, which stays distinguishable for the common
forms of colour blindness and on a washed-out projector.
"""

from __future__ import annotations

from dataclasses import dataclass

FRAME_COLORS: dict[str, str] = {
    "ANALOGY": "#E69F00",
    "SECURITY": "#0072B2",
    "MARKET": "#009E73",
    "HISTORY": "#CC79A7",
}
#: Pale versions for highlighting text, so dark text on them keeps its contrast.
FRAME_TINTS: dict[str, str] = {
    "ANALOGY": "#FBE3B0",
    "SECURITY": "#BFDDF2",
    "MARKET": "#B8E8DA",
    "HISTORY": "#F2D5E6",
}
INK = "#111111"


@dataclass(frozen=True)
class ChartStyle:
    """Font sizes and heights for charts; the classroom style is readable from the back row."""

    font_size: int = 14
    title_size: int = 18
    height: int = 420
    #: The most a chart that grows with its rows may take: in the classroom, one 1080-pixel screen.
    tallest: int = 2000
    present: bool = False


SCREEN = ChartStyle()
CLASSROOM = ChartStyle(font_size=24, title_size=32, height=600, tallest=820, present=True)

READER_CSS = """
<style>
.fl-reader {font-size: 1.05rem; line-height: 1.75; color: #111111;}
.fl-reader mark {padding: 0 .15em; border-radius: .2em; color: #111111;}
.fl-reader .fl-match {outline: 2px dashed #111111; outline-offset: 2px;}
.fl-reader .fl-sentence-head {font-size: .8em; color: #444444; margin-right: .4em;}
.fl-reader mark {position: relative; cursor: pointer;}
.fl-reader .fl-context {color: #111111;}
.fl-reader .fl-note {display: none; position: absolute; left: 0; top: 1.7em; z-index: 10; white-space: nowrap;
  background: #ffffff; border: 1px solid #111111; border-radius: .2em; padding: .1em .4em; font-size: .75em;}
.fl-reader mark:hover .fl-note, .fl-reader mark:focus .fl-note {display: block;}
.fl-reader .fl-tags {margin-right: .3em;}
.fl-reader .fl-tag {display: inline-block; font-size: .6em; line-height: 1.3; padding: 0 .35em; margin-right: .2em;
  border-radius: .2em; color: #111111; vertical-align: .15em; letter-spacing: .02em;}
.fl-legend span {display: inline-block; margin-right: 1em; padding: .1em .5em; border-radius: .2em; color: #111111;}
</style>
"""

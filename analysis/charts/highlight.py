"""Article text as escaped HTML with every frame cue highlighted in its frame's colour.

Article text is untrusted: every piece of it goes through html.escape before it is
placed in markup, so a `<script>` in an article is shown as text, never run.

Made for projectors and touch screens, where there is no hover: each labelled sentence
starts with small tags naming its frames, and a click or tap on a cue pins its details
(the cue can take focus, and CSS shows the note of the focused cue; no script).
"""

from __future__ import annotations

import html
from collections.abc import Collection, Iterable

from analysis.charts.theme import FRAME_COLORS, FRAME_TINTS
from analysis.types import FRAMES, ArticleResult, SentenceResult

#: Groups that only set the scene (SECURITY `domain`, the TOPIC words: "China", "tech", "companies"),
#: as the rules and the model name them: they let a cue count but are not the evidence, so they are drawn faintly.
CONTEXT_GROUPS = frozenset({"domain", "SECURITY domain", "TOPIC state", "TOPIC industry"})


def _marks(sentence: SentenceResult, frames: Collection[str]) -> list[tuple[int, int, list[tuple[str, str, str]]]]:
    """Non-overlapping segments of the sentence with the (frame, cue, role) that cover them."""
    cues = [(c.start, c.end, frame, c.text, c.role) for frame, hit in sentence.frames.items() if frame in frames for c in hit.cues]
    bounds = sorted({p for c in cues for p in (c[0], c[1])})
    segments = []
    for start, end in zip(bounds, bounds[1:]):
        covering = [(f, t, r) for a, b, f, t, r in cues if a <= start and end <= b]
        if covering:
            covering.sort(key=lambda item: FRAMES.index(item[0]))
            segments.append((start, end, covering))
    return segments


def sentence_html(text: str, sentence: SentenceResult, frames: Collection[str], *, match: bool = False) -> str:
    """One sentence, led by tags naming its frames, with its cues wrapped in <mark> (focusable,
    with a note "FRAME: cue (group)" shown on hover, click or tap). Lexicon cues are filled in
    their frame's tint; learned words get a light dotted underline and context words a faint
    grey one, so the lexicon cues stay the visible evidence."""
    out, cursor = [], sentence.start
    for start, end, covering in _marks(sentence, frames):
        out.append(html.escape(text[cursor:start]))
        frame = covering[0][0]
        note = html.escape("; ".join(f"{f}: {t} ({r})" for f, t, r in covering))
        roles = {r for _, _, r in covering}
        if roles == {"learned"}:
            kind, style = "fl-learned", f"background:none;border-bottom:2px dotted {FRAME_COLORS[frame]}"
        elif roles <= CONTEXT_GROUPS | {"learned"}:
            kind, style = "fl-context", "background:none;border-bottom:1px solid #BBBBBB"
        else:
            kind, style = "fl-cue", f"background:{FRAME_TINTS[frame]};border-bottom:3px solid {FRAME_COLORS[frame]}"
        out.append(f'<mark class="{kind} fl-{frame}" style="{style}" title="{note}" tabindex="0">'
                   f'{html.escape(text[start:end])}<span class="fl-note" role="note">{note}</span></mark>')
        cursor = end
    out.append(html.escape(text[cursor : sentence.end]))
    css = ' class="fl-match"' if match else ""
    return f"<span{css}>{tags_html(f for f in FRAMES if f in sentence.frames and f in frames)}{''.join(out)}</span>"


def tags_html(frames: Iterable[str]) -> str:
    """Small tags naming a sentence's frames, so its labels are seen without hovering."""
    tags = "".join(f'<span class="fl-tag" style="background:{FRAME_TINTS[f]};border-left:4px solid {FRAME_COLORS[f]}">'
                   f"{f}</span>" for f in frames)
    return f'<span class="fl-tags">{tags}</span>' if tags else ""


def article_html(
    result: ArticleResult,
    *,
    frames: Collection[str] = FRAMES,
    only_carrying: bool = False,
    matches: Collection[int] = (),
) -> str:
    """The article as HTML: whole text with paragraphs kept, or only the sentences carrying `frames`."""
    text = result.text
    if only_carrying:
        rows = [
            f'<p><span class="fl-sentence-head">#{i + 1}</span>{sentence_html(text, s, frames, match=i in matches)}</p>'
            for i, s in enumerate(result.sentences)
            if any(f in s.frames for f in frames)
        ]
        return f'<div class="fl-reader">{"".join(rows)}</div>'
    parts, cursor = [], 0
    for i, sentence in enumerate(result.sentences):
        parts.append(html.escape(text[cursor : sentence.start]).replace("\n", "<br>"))
        parts.append(sentence_html(text, sentence, frames, match=i in matches))
        cursor = sentence.end
    parts.append(html.escape(text[cursor:]).replace("\n", "<br>"))
    return f'<div class="fl-reader">{"".join(parts)}</div>'


def legend_html(frames: Collection[str] = FRAMES) -> str:
    """Colour key for the highlighted frames."""
    items = "".join(
        f'<span style="background:{FRAME_TINTS[f]};border-bottom:3px solid {FRAME_COLORS[f]}">{f}</span>'
        for f in FRAMES if f in frames
    )
    return f'<div class="fl-legend">{items}</div>'

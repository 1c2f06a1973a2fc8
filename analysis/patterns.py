"""Refuse regular expressions that can backtrack without end, before they ever run.

Python's `re` backtracks: a quantifier inside a repeated group, as in `(a+)+$` or
`(\\w+\\s?)+$`, tries every way of splitting a run of characters between the two, which
takes exponential time on a line that almost matches; a backreference has no linear-time
bound either. Lexicon cues written by hand (in a file or in the dashboard) are checked
here when the lexicon loads, so such a pattern is refused instead of freezing the server.
The check walks the parse tree of `re`'s own parser, so it sees the pattern exactly as
`re` will run it.
"""

from __future__ import annotations

import re._constants as sre
import re._parser as sre_parse
from collections.abc import Iterator

from analysis.errors import FrameLensError

_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_BACKREFERENCES = (sre.GROUPREF, sre.GROUPREF_EXISTS)


class UnsafePattern(FrameLensError):
    """A pattern that can take exponential time on some input."""


def check(pattern: str) -> None:
    """Raise UnsafePattern if `pattern` nests quantifiers or uses a backreference.

    A quantifier that repeats at most once (`?`, `{0,1}`) may hold others. The pattern
    must already compile; `re.error` is raised otherwise.
    """
    _walk(sre_parse.parse(pattern), repeated=False)


def _walk(items: sre_parse.SubPattern, *, repeated: bool) -> None:
    for op, av in items:
        if op in _BACKREFERENCES:
            raise UnsafePattern("backreference (\\1, (?P=name) or (?(1)...)): its matching time has no bound")
        if op in _REPEATS:
            _low, high, body = av
            many = high > 1
            if many and repeated:
                raise UnsafePattern("nested quantifiers (a repeated group that itself holds a repeat, "
                                    "as in (a+)+): exponential time on a near match")
            _walk(body, repeated=repeated or many)
        else:
            for sub in _subpatterns(av):
                _walk(sub, repeated=repeated)


def _subpatterns(value: object) -> Iterator[sre_parse.SubPattern]:
    """The sub-patterns inside an operand: groups, branches, look-arounds."""
    if isinstance(value, sre_parse.SubPattern):
        yield value
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _subpatterns(item)

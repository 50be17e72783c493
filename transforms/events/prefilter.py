"""Skip regexes that cannot match: a literal prefilter derived from the patterns themselves.

Python's ``re`` tries every branch of a large alternation at every position of the text, so most of the
time spent on the trigger and filter patterns went into sentences that contain none of their words. For
each pattern this module derives, from its parse tree, a set of lower-case literals of which *every* match
must contain one (``\\bshell(?:ed|ing|s)\\b|\\bartillery\\b`` → {"shell", "artillery"}); one Aho-Corasick
automaton over all those literals tells which patterns can possibly match a sentence, and only those run.
Patterns with no such literal always run. The filter is exact: it never changes a result, only skips work.
"""

from __future__ import annotations

import re

import ahocorasick

try:  # Python >= 3.11
    from re import _constants as _c
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)}


def required_literals(pattern: str | re.Pattern) -> frozenset[str] | None:
    """Lower-case strings of which every match of ``pattern`` contains at least one, or None if the pattern
    can match without any literal (then it must always run)."""
    if isinstance(pattern, re.Pattern):
        flags, pattern = pattern.flags, pattern.pattern
    else:
        flags = 0
    return _seq(list(_sre_parse.parse(pattern, flags)))


def _best(candidates: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective requirement: longest shortest literal, then fewest literals."""
    if not candidates:
        return None
    return max(candidates, key=lambda s: (min(map(len, s)), -len(s)))


def _seq(items: list) -> frozenset[str] | None:
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            candidates.append(frozenset({"".join(run)}))
            run.clear()

    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av).lower())
            continue
        if op in _ZERO_WIDTH:  # consumes nothing: the literal run around it stays contiguous
            continue
        flush()
        req = _item(op, av)
        if req is not None:
            candidates.append(req)
    flush()
    return _best(candidates)


def _item(op, av) -> frozenset[str] | None:
    if op is _c.SUBPATTERN:
        return _seq(list(av[-1]))
    if op is _c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            req = _seq(list(branch))
            if req is None:
                return None
            out |= req
        return frozenset(out)
    if op in _REPEATS:
        lo, _hi, sub = av
        return _seq(list(sub)) if lo >= 1 else None
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _seq(list(av))
    return None


class LiteralFilter:
    """Which of several patterns can match a text: ``candidates(text.lower())`` → set of pattern keys."""

    def __init__(self, patterns: dict):
        self.always: set = set()
        self._automaton = ahocorasick.Automaton()
        by_literal: dict[str, set] = {}
        for key, rx in patterns.items():
            req = required_literals(rx)
            if not req:
                self.always.add(key)
                continue
            for lit in req:
                by_literal.setdefault(lit, set()).add(key)
        for lit, keys in by_literal.items():
            self._automaton.add_word(lit, frozenset(keys))
        self._empty = not by_literal
        if not self._empty:
            self._automaton.make_automaton()

    def candidates(self, lowered: str) -> set:
        found = set(self.always)
        if not self._empty:
            for _end, keys in self._automaton.iter(lowered):
                found |= keys
        return found


class Prefiltered:
    """A compiled pattern whose ``search`` first checks its required literals (on lower-cased text)."""

    def __init__(self, rx: re.Pattern):
        self.rx = rx
        self._filter = LiteralFilter({0: rx})

    def search(self, text: str, lowered: str | None = None) -> re.Match | None:
        if not self._filter.candidates(text.lower() if lowered is None else lowered):
            return None
        return self.rx.search(text)

    def finditer(self, text: str, lowered: str | None = None):
        if not self._filter.candidates(text.lower() if lowered is None else lowered):
            return iter(())
        return self.rx.finditer(text)

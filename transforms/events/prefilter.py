"""Skip regex work that cannot match: a literal prefilter derived from the patterns themselves.

Python's ``re`` tries every branch of a large alternation at every position of the text, so most of the
time spent on the trigger and filter patterns went into sentences that contain none of their words. For
each top-level branch of each pattern this module derives, from its parse tree, a set of lower-case literals
of which *every* match must contain one (``\\bshell(?:ed|ing|s)\\b|\\bartillery\\b`` → {"shell"} and
{"artillery"}). One Aho-Corasick automaton over the literals of all patterns scans a text once and tells,
for every pattern, which of its branches can possibly match; a pattern then runs as the alternation of just
those branches, or not at all. A branch whose literals are absent cannot match anywhere in the text, so the
pruned alternation finds exactly the matches of the whole one: the filter never changes a result, it only
skips work. Branches with no such literal always run.
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


_CATEGORIES = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_SPACE: r"\s"}


def _first(items: list) -> set[str] | None:
    """Class items (escaped characters, ranges, categories) one of which starts every match of a sequence,
    or None when that cannot be told simply (an optional or empty start, any character, a negated class)."""
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is _c.LITERAL:
            return {re.escape(chr(av))}
        if op is _c.IN:
            out = set()
            for cop, cav in av:
                if cop is _c.LITERAL:
                    out.add(re.escape(chr(cav)))
                elif cop is _c.RANGE:
                    out.add(f"{re.escape(chr(cav[0]))}-{re.escape(chr(cav[1]))}")
                elif cop is _c.CATEGORY and cav in _CATEGORIES:
                    out.add(_CATEGORIES[cav])
                else:
                    return None
            return out
        if op is _c.SUBPATTERN:
            return _first(list(av[-1])) if av[-1].getwidth()[0] > 0 else None
        if op is _c.BRANCH:
            out = set()
            for branch in av[1]:
                sub = _first(list(branch))
                if sub is None:
                    return None
                out |= sub
            return out
        if op in _REPEATS and av[0] >= 1:
            return _first(list(av[2]))
        return None
    return None


def first_char_guarded(rx: re.Pattern) -> re.Pattern:
    """``rx`` behind a lookahead for the characters a match can start with, so that at the other positions
    re fails at once instead of trying every alternative (same matches, same groups)."""
    chars = _first(list(_sre_parse.parse(rx.pattern, rx.flags)))
    if not chars:
        return rx
    return re.compile(f"(?=[{''.join(sorted(chars))}])(?:{rx.pattern})", rx.flags)


_GLOBAL_FLAGS = re.compile(r"^\(\?[aiLmsux]+\)")


def _structure(pattern: str, start: int = 0):
    """(index, character, group depth after it) of each character of ``pattern`` from ``start`` that is not
    escaped and not inside a character class: the characters that shape groups and alternation."""
    depth, i = 0, start
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # skip the class: a ']' first in it (after an optional '^') is a literal
            i += 1 + (pattern[i + 1 : i + 2] == "^")
            i += pattern[i : i + 1] == "]"
            while i < len(pattern) and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
            i += 1
            continue
        depth += (c == "(") - (c == ")")
        yield i, c, depth
        i += 1


def top_level_branches(pattern: str) -> list[str]:
    """The alternatives of a pattern's outermost ``|`` (one item when it has none)."""
    cuts = [i for i, c, depth in _structure(pattern) if c == "|" and depth == 0]
    return [pattern[a + 1 : b] for a, b in zip([-1, *cuts], [*cuts, len(pattern)], strict=True)]


_ONE_WAY = {_c.LITERAL, _c.AT, _c.ASSERT, _c.ASSERT_NOT}  # ops that can match in at most one way


def _group_end(pattern: str, start: int) -> int:
    """Index of the ``)`` closing the group that opens at ``start``."""
    for i, c, depth in _structure(pattern, start):
        if c == ")" and depth == 0:
            return i
    raise ValueError(f"unbalanced group in {pattern!r}")


def alternatives(pattern: str, flags: int = 0) -> list[str]:
    """The pattern as a list of alternatives, each found in the same priority order: its top-level branches,
    and a branch ``X(?:A|B)Y`` whose ``X`` can match only one way (literals, ``\\b``, lookarounds) as
    ``XAY`` and ``XBY`` (``\\b(?:would|could)\\b`` → ``\\bwould\\b``, ``\\bcould\\b``)."""
    out: list[str] = []
    for branch in top_level_branches(pattern):
        at = branch.find("(?:")
        if at < 0 or branch[at - 1 : at] == "\\":
            out.append(branch)
            continue
        end = _group_end(branch, at)
        prefix, inner, suffix = branch[:at], branch[at + 3 : end], branch[end + 1 :]
        try:
            one_way = all(op in _ONE_WAY for op, _ in _sre_parse.parse(prefix, flags))
        except re.error:  # the group sits inside another construct (a lookbehind): leave the branch whole
            one_way = False
        if not one_way or suffix[:1] in ("?", "*", "+", "{") or len(top_level_branches(inner)) == 1:
            out.append(branch)
            continue
        out += [prefix + alt + suffix for alt in alternatives(inner, flags)]
    return out


class _Scanner:
    """One Aho-Corasick automaton over the required literals of every registered pattern branch; ``present``
    scans a lower-cased text once and returns, per pattern, the set of its branches that can match."""

    def __init__(self) -> None:
        self._literals: dict[str, set[tuple[int, int]]] = {}
        self._automaton: ahocorasick.Automaton | None = None
        self._last: tuple[str, dict[int, set[int]]] | None = None

    def register(self, pattern_id: int, branch: int, literals: frozenset[str]) -> None:
        for lit in literals:
            self._literals.setdefault(lit, set()).add((pattern_id, branch))
        self._automaton = None
        self._last = None

    def present(self, lowered: str) -> dict[int, set[int]]:
        last = self._last
        if last is not None and (last[0] is lowered or last[0] == lowered):  # asked again by the next pattern
            return last[1]
        if self._automaton is None:
            self._automaton = ahocorasick.Automaton()
            for lit, ids in self._literals.items():
                self._automaton.add_word(lit, tuple(ids))
            self._automaton.make_automaton()
        out: dict[int, set[int]] = {}
        if self._literals:
            for _end, ids in self._automaton.iter(lowered):
                for pid, b in ids:
                    out.setdefault(pid, set()).add(b)
        self._last = (lowered, out)
        return out


_SCANNER = _Scanner()


class Prefiltered:
    """A compiled pattern whose ``search`` / ``finditer`` run only the branches of its alternation that can
    match the text (given lower-cased as ``lowered``, or lower-cased here), behind a first-character guard
    (``first_char_guarded``). A pattern with capturing groups is filtered as a whole (dropping branches would
    renumber its groups)."""

    _count = 0

    def __init__(self, rx: re.Pattern):
        self.rx = rx
        self._id = Prefiltered._count
        Prefiltered._count += 1
        body = _GLOBAL_FLAGS.sub("", rx.pattern)  # the flags stay on rx.flags
        self._branches = alternatives(body, rx.flags) if rx.groups == 0 else [body]
        self._always: set[int] = set()
        for b, branch in enumerate(self._branches):
            req = required_literals(re.compile(branch, rx.flags))
            if req:
                _SCANNER.register(self._id, b, req)
            else:
                self._always.add(b)
        self._pruned: dict[frozenset[int], re.Pattern] = {}
        self._whole = first_char_guarded(rx)

    def _compiled(self, lowered: str) -> re.Pattern | None:
        branches = _SCANNER.present(lowered).get(self._id)
        if branches is None and not self._always:
            return None
        key = frozenset(self._always | branches) if branches else frozenset(self._always)
        rx = self._pruned.get(key)
        if rx is None:
            if len(key) == len(self._branches):
                rx = self._whole
            else:
                rx = first_char_guarded(
                    re.compile("|".join(self._branches[b] for b in sorted(key)), self.rx.flags)
                )
            self._pruned[key] = rx
        return rx

    def search(self, text: str, lowered: str | None = None) -> re.Match | None:
        rx = self._compiled(text.lower() if lowered is None else lowered)
        return rx.search(text) if rx is not None else None

    def finditer(self, text: str, lowered: str | None = None):
        rx = self._compiled(text.lower() if lowered is None else lowered)
        return rx.finditer(text) if rx is not None else iter(())

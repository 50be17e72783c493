"""The literal prefilter only skips patterns that cannot match: it never changes a result."""

import csv
import re

import pytest

from transforms.events import triggers
from transforms.events.prefilter import (
    Prefiltered,
    alternatives,
    first_char_guarded,
    required_literals,
    top_level_branches,
)
from transforms.ingest import clean_text
from transforms.nlp import split_sentences


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bshell(?:ed|ing|s)\b|\bartillery\b", {"shell", "artillery"}),
        (r"(?:shot|shoot(?:s|ing)?)\s+down", {"down"}),  # the longest required piece wins
        (r"drones?\b[^.]{0,40}\bstruck", {"struck"}),
        (r"a+b", {"a"}),
        (r"(?:ab)*c?", None),  # can match the empty string
        (r"\d+ killed|dead", {" killed", "dead"}),
        (r"(?i)KILLED", {"killed"}),  # lower-cased: the filter runs on lower-cased text
    ],
)
def test_required_literals(pattern, expected):
    got = required_literals(pattern)
    assert (set(got) if got is not None else None) == expected


def _sentences(text):
    return [text[a:b] for a, b in split_sentences(text)]


def _corpus(seed_text, shared=None):
    body = clean_text(seed_text)[0]
    out = _sentences(body) + _sentences(body.upper()) + ["", "Shot down.", "IEDs", "Kamikaze-drone attacks"]
    if shared is not None:
        with (shared / "acled_ukraine_dev.csv").open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                out += _sentences(row["notes"])
    return out


def _check_rules(sentences):
    for s in sentences:
        for rule, pattern in zip(triggers.RULES, triggers._RULE_PATTERNS, strict=True):
            assert [m.span() for m in pattern.finditer(s)] == [m.span() for m in rule[-1].finditer(s)], (
                s,
                rule[1],
            )


def test_every_trigger_rule_finds_what_the_whole_pattern_finds(seed_text):
    _check_rules(_corpus(seed_text))


def test_every_trigger_rule_finds_what_the_whole_pattern_finds_on_acled_notes(seed_text, shared_eval):
    _check_rules(_corpus(seed_text, shared_eval))


def _prefiltered_patterns():
    from transforms.events import dates, numbers

    return [v for mod in (triggers, dates, numbers) for v in vars(mod).values() if isinstance(v, Prefiltered)]


def test_prefiltered_search_equals_the_plain_search(seed_text):
    rx = re.compile(r"\b(?:months?|years?) ago\b|\bsince the war began\b", re.I)
    sentences = _corpus(seed_text) + [
        "It began MONTHS AGO.",
        "since the war began",
        "ago",
        "On Aug. 26, 12 drones",
    ]
    patterns = [Prefiltered(rx), *_prefiltered_patterns()]
    assert len(patterns) >= 9
    for pre in patterns:
        for s in sentences:
            assert bool(pre.search(s)) == bool(pre.rx.search(s)), (pre.rx.pattern[:40], s)
            assert [m.span() for m in pre.finditer(s)] == [m.span() for m in pre.rx.finditer(s)]


def test_top_level_branches_split_only_the_outermost_alternation():
    assert top_level_branches(r"\ba(?:b|c)\b|[|]x|\|y|z") == [r"\ba(?:b|c)\b", "[|]x", r"\|y", "z"]
    assert top_level_branches(r"[^]|]+|q") == [r"[^]|]+", "q"]
    assert top_level_branches("abc") == ["abc"]


def test_a_pattern_runs_only_the_branches_whose_words_occur():
    pre = Prefiltered(re.compile(r"\bshell(?:ed|ing)\b|\bartillery\b|\d+ drones", re.I))
    assert pre._compiled("they shelled the town") is not pre.rx  # one branch of three
    assert pre._compiled("artillery and shelling") is not pre.rx
    assert pre._compiled("nothing here") is None
    assert [m.group() for m in pre.finditer("Artillery shelled; 12 DRONES")] == [
        "Artillery",
        "shelled",
        "12 DRONES",
    ]
    grouped = Prefiltered(re.compile(r"(a)|(b)x"))  # groups would be renumbered: filtered as a whole
    assert grouped.search("bx").group(2) == "b"


def test_a_leading_group_is_distributed_only_where_the_order_of_matches_stays():
    assert alternatives(r"\b(?:would|could|(?-i:may))\b") == [r"\bwould\b", r"\bcould\b", r"\b(?-i:may)\b"]
    assert alternatives(r"\bx\b|\b(?:a (?:b|c)|d)\b") == [r"\bx\b", r"\ba b\b", r"\ba c\b", r"\bd\b"]
    assert alternatives(r"a*(?:b|c)") == [r"a*(?:b|c)"]  # a greedy prefix: (ab|ac) order would change
    assert alternatives(r"\b(?:x|y)?z") == [r"\b(?:x|y)?z"]  # an optional group
    assert alternatives(r"(?<!(?:a|b))c") == [r"(?<!(?:a|b))c"]  # inside a lookbehind


def test_a_first_character_guard_finds_the_same_matches_and_groups(seed_text, shared_eval):
    from transforms.events import numbers

    pairs = [(numbers._NUMBER_TOKEN, numbers._NUMBER_TOKEN_RX), (numbers._AGE, numbers._AGE_RX)]
    assert all(g is not rx for g, rx in pairs)
    texts = _corpus(seed_text, shared_eval) + [
        "Someone, 12,000 and TWENTY-ONE",
        "aged 40, a 5-year-old, 155mm",
    ]
    for guarded, rx in pairs:
        for s in texts:
            assert [(m.span(), m.groupdict()) for m in guarded.finditer(s)] == [
                (m.span(), m.groupdict()) for m in rx.finditer(s)
            ], s
    assert first_char_guarded(re.compile(r"(?:x )?y")).pattern == r"(?:x )?y"  # an optional start: unguarded

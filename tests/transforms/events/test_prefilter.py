"""The literal prefilter only skips patterns that cannot match: it never changes a result."""

import csv
import re

import pytest

from transforms.events import triggers
from transforms.events.prefilter import LiteralFilter, Prefiltered, required_literals
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
    flt = LiteralFilter({i: rule[-1] for i, rule in enumerate(triggers.RULES)})
    for s in sentences:
        possible = flt.candidates(s.lower())
        for i, rule in enumerate(triggers.RULES):
            if rule[-1].search(s):
                assert i in possible, (s, rule[1])


def test_every_trigger_rule_that_matches_is_a_candidate(seed_text):
    _check_rules(_corpus(seed_text))


def test_every_trigger_rule_that_matches_is_a_candidate_on_acled_notes(seed_text, shared_eval):
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

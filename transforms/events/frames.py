"""Sentence frames: one sentence can tell several events, each in a clause of its own — "The cities of A and B
came under attack, and Russia also said it struck areas around C and D with missiles"; "missile strikes around
A and shelling at B that killed two people". A clause is a frame when it has an event word and a place of its
own; a sentence with two or more such clauses is read clause by clause."""

from __future__ import annotations

import re
from itertools import pairwise

# where one clause ends and the next, with its own event, begins
_BREAK = re.compile(
    # not the last item of a list of names: "in Maryinka, Slovyansk, and Kramatorsk, and officials said"
    r",\s+(?:and|while|but|as|whereas|with)\s+(?!(?-i:[A-Z])[\w’'-]+(?:\s(?-i:[A-Z])[\w’'-]+)?"
    r"(?:\s+(?:regions|oblasts|provinces))?\s*(?:[.,;:”\"]|$))|;\s+|\s+while\s+|"
    # (not weapons counted together: "a total of 22 rockets and missiles over the region")
    r"(?<!rockets)(?<!missiles)(?<!drones)(?<!shells)(?<!bombs)"
    r"\s+and\s+(?=(?:[\w’'-]+\s+){0,2}(?:shelling|strikes?|fighting|attacks?|missiles?|drones?|explosions?|"
    r"artillery|rockets?|airstrikes?|clashes|battles?)\b)|"
    # a second predicate of the same subject with a strike verb of its own: "fired at A with X and hit B with Y"
    r"\s+and\s+(?=(?:also\s+)?(?:hit|struck|shelled|fired\s+at|attacked|targeted|bombed|encircled|surrounded)\s+(?-i:[A-Z])|fired\s+(?:[\w-]+\s+){0,2}?at\s)|"
    # ... or one that goes on with it: "fired missiles at A on Saturday and continued to bombard a plant in B"
    r"\s+and\s+(?=(?:continued|kept|went on)\s+(?:to\s+)?(?:bombard|shell|pound|strike|attack|hit|fire|storm)\w*\b)",
    re.IGNORECASE,
)


# a subordinate clause put first, the frame of the main clause after its comma: "As the port of Odesa is pounded
# by missiles, further north officials talk of having recaptured territory" (two events, each at its own place)
_FRONTED = re.compile(
    r"(?:As|When|While|Whereas|After|Before|Although|Though|"
    # "Hours after the flag went up in Velykyi Burluk, missiles slammed into Kharkiv"
    r"(?:Hours|Days|Minutes|Moments|Weeks|Shortly|Soon|Just|A\s+day|Two\s+days)\s+(?:after|before))"
    r"\s[^,;:.]{3,150}?(,\s+)"
)


def fronted_clause_end(sentence: str) -> int | None:
    """Where the main clause begins after a subordinate clause put first ("As the battle for X ground on, |Russia
    claimed ..."), or None."""
    m = _FRONTED.match(sentence)
    return m.end() if m is not None else None


def clause_spans(sentence: str) -> list[tuple[int, int]]:
    """(start, end) of the clauses of a sentence, in order, covering it."""
    spans, start = [], 0
    breaks = [(m.start(), m.end()) for m in _BREAK.finditer(sentence)]
    fronted = _FRONTED.match(sentence)
    if fronted is not None and not any(a < fronted.end() for a, _ in breaks):
        breaks.insert(0, fronted.span(1))
    for a, b in breaks:
        spans.append((start, a))
        start = b
    spans.append((start, len(sentence)))
    return [(a, b) for a, b in spans if sentence[a:b].strip()]


# where a description of something just named begins: "throughout Lugansk – part of the Donbas region where
# Ukrainian forces are fighting", "in Sievierodonetsk, where ..."
# the words that open a comment on what an event means: ", giving Moscow its biggest prize since ...", ", in what
# would be the biggest gain in Moscow's push to ..."
COMMENT_WORDS = r"(?:giving|handing|marking|in what (?:would be|was|is|could be))"
_ASIDE = re.compile(
    r"\s[–—]\s(?!(?:while|and|but|as|whereas)\b)|,\s+where\b|,\s+which\b(?!\s+(?:said|says|reported|added|claimed)\b)"
    # ... or a circumstance told after it: "struck the city, killing four, as the air force reported downing drones"
    r"|,\s+as\s+(?!(?:well|many|much|part|a result|of|if|though|soon|long|far|it|they|he|she)\b)"
    # ... or a comment on what the event means: ", in what would be the biggest gain in Moscow's push to ..."
    r"|,\s+" + COMMENT_WORDS + r"\s"
)


# ... but not a clause of "as" whose subject is a side's forces, doing something of their own at the same time:
# "glide bombs slammed into Zaporizhzhia, killing two, as Ukrainian troops fought to clear Kupiansk"
_AS_A_SIDES_FORCES_ACTED = re.compile(
    r",\s+as\s+(?:Ukrainian|Russian|Ukraine['’]s|Russia['’]s|Kyiv['’]s|Moscow['’]s)\s+(?:[\w-]+\s+)?"
    r"(?:troops|forces|soldiers|units|army)\s+(?:\w+ed|fought|struck|hit|shot|took|drove|beat|held|pushed)\b"
)
# an aside about a place, closed before the account goes on: ", which Ukrainian forces retook in November,"
CLOSED_ASIDE = re.compile(r",\s+(?:which|where)\s+[^,;:“”\"]{1,130},")


# the name a relative clause describes, right before it: "Balakliia", "the Kharkiv region"
_NAME_BEFORE = re.compile(
    r"(?-i:[A-Z])[\w’'-]+(?:[ -](?-i:[A-Z])[\w’'-]+)*(?:\s+(?:region|oblast|district))?$"
)


def told_in_an_aside(sentence: str, starts: list[int]) -> tuple[int, int] | None:
    """(start, end) of a name and the closed aside after it, when the aside alone tells the sentence's events
    ("described the pullback from Balakliia, which Kyiv said it had recaptured on Thursday, as a regrouping"): the
    event is the named place's, on the aside's day — not the main account's. None otherwise."""
    for m in CLOSED_ASIDE.finditer(sentence):
        # (an aside telling what happened where: "In Kharkiv, where a glide bomb hit a block on Friday, ..." is
        # the sentence's account, read whole)
        describes = m.group(0).lstrip(", ").startswith("which")
        if describes and starts and all(m.start() <= x < m.end() for x in starts):
            name = _NAME_BEFORE.search(sentence, 0, m.start())
            return (name.start(), m.end() - 1) if name is not None else None
    return None


def without_closed_asides(sentence: str) -> str:
    """The sentence with its closed asides blanked (same length): what the main account says of who acted."""
    return CLOSED_ASIDE.sub(lambda m: " " * len(m.group(0)), sentence)


def without_asides_about_names(sentence: str) -> str:
    """The sentence with its closed asides that describe a name just before them blanked (same length): "In
    Okhtyrka, which has come under fire almost daily, ..." — not an aside about a thing ("rocket systems, which
    are capable of striking targets 300km away, ...")."""
    return CLOSED_ASIDE.sub(
        lambda m: " " * len(m.group(0)) if _NAME_BEFORE.search(sentence, 0, m.start()) else m.group(0),
        sentence,
    )


def main_clause_first(sentence: str, starts: list[int]) -> list[bool]:
    """For event words at ``starts``: whether each is in the sentence's main account — not in an aside that
    describes a place or thing the sentence named, when the account itself has an event word (also an aside
    closed before the account goes on: "In Kherson, which Ukrainian forces retook in November, Russian shelling
    killed a woman")."""
    closed = [m.span() for m in CLOSED_ASIDE.finditer(sentence)]
    inside = [any(a <= x < b for a, b in closed) for x in starts]
    if any(inside) and not all(inside):
        rest = [x for x, i in zip(starts, inside, strict=True) if not i]
        keep = main_clause_first(sentence, rest)
        kept = {x for x, k in zip(rest, keep, strict=True) if k}
        return [x in kept for x in starts]
    aside = _ASIDE.search(sentence, min(starts)) if starts else None  # (a dateline's dash is no aside)
    if aside is None or not any(x < aside.start() for x in starts):
        return [True] * len(starts)
    if _AS_A_SIDES_FORCES_ACTED.match(sentence, aside.start()):
        # "..., as Ukrainian troops fought to clear Kupiansk": what they did at the same time, an event of its own
        return [True] * len(starts)
    return [x < aside.start() for x in starts]


# where one event's account ends and the next begins inside a clause: ", the port of X came under", " and the
# fighters in Y"
_BETWEEN_EVENTS = re.compile(r",\s+(?:and\s+)?|\s+and\s+")


def proximity_parts(
    sentence: str, events: list[tuple[int, int, object]], names: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """(start, end, where) of the parts of a sentence whose punctuation does not part its clauses but which
    tells events of different kinds (``events``: span and kind of each event word) each beside a name of its
    own (``names``: span and what each places the event in): each event word goes with the name nearest it,
    and the sentence is cut at the last comma or "and" between one word's name and the next's ("with Odesa
    coming under missile strikes and the fighters in Mariupol saying ... attacks continued"). [] when the
    words are of one kind, share a place, or nothing parts them."""
    if len({kind for _, _, kind in events}) < 2 or not names:
        return []
    groups: list[tuple[int, int, str]] = []  # (start, end, where) of the event words with their names
    for start, end, _ in sorted(events, key=lambda e: e[0]):
        a, b, where = min(names, key=lambda n: max(n[0] - end, start - n[1], 0))
        a, b = min(start, a), max(end, b)
        if groups and groups[-1][2] == where:
            groups[-1] = (min(groups[-1][0], a), max(groups[-1][1], b), where)
        else:
            groups.append((a, b, where))
    if len(groups) < 2 or any(g[1] > h[0] for g, h in pairwise(groups)):
        return []
    bounds = [0]
    for g, h in pairwise(groups):
        seps = list(_BETWEEN_EVENTS.finditer(sentence, g[1], h[0]))
        if not seps:
            return []
        bounds += [seps[-1].start(), seps[-1].end()]
    bounds.append(len(sentence))
    return [
        (a, b, g[2]) for (a, b), g in zip(zip(bounds[::2], bounds[1::2], strict=True), groups, strict=True)
    ]

"""Discourse: how a story distributes events over its sentences and places.

- **Lists of places**: one sentence telling an attack on "Maryinka, Slovyansk, and Kramatorsk" or "the regions
  of Chernihiv, north of Kyiv, and Zhytomyr and Lviv" tells one event per place (ACLED's unit is one place):
  ``coordinated_places`` finds the places coordinated with the one an event was placed at.
- **One event told in several sentences** is one row (ACLED's unit: one event type at one place on one day):
  ``merge_retold`` folds a later telling of the same event into the first.
- A clause right after a place of the list ("Cherkasy, where one person died, and the Kharkiv region") tells
  that place's own casualties: ``own_clause``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.names.resolve import Mention, region_id

_PLACE_TYPES = ("place", "region")
# what may stand between two places of one list: a comma or a conjunction, an article, a compass adjective, the
# kind of place ("and the north-eastern Kharkiv region", ", and the town of X"), and a relative clause that says
# what happened at the place before it (", where one person died,")
_GAP = re.compile(
    # (a place's kind may follow its name: "Kharkiv city and ..."; the preposition may be said again: "over
    # Hrakove and over Velykyi Burluk")
    r"^(?:\s+(?:city|town))?(?P<clause>,\s*where\b[^;:.]{0,100}?)?\s*(?P<sep>,|,?\s*\b(?:and|or)\b)\s*"
    r"(?:(?:in|over|near|at|around|outside)\s+)?"
    # a second thing hit, at a place of its own: "a school in Kharkiv and a hospital in Izium"
    r"(?:(?:a|an|the|two|three)\s+(?:[\w-]+\s+){0,4}?(?:in|near|at|outside)\s+)?(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|north-?eastern|north-?western|south-?eastern|south-?western|"
    r"northern|southern|eastern|western)\s+)?"
    # ("near Toretsk and the neighbouring settlement of Niu-York")
    r"(?:(?:neighbou?ring|nearby|adjacent)\s+)?(?:(?:city|town|village|settlement|region|oblast)s?\s+of\s+)?$",
    re.IGNORECASE,
)
# a place named only to locate the one before it: "Chernihiv, north of Kyiv, and Zhytomyr"
_REFERENCE = re.compile(
    # (... or what it is, then where: "Hrakove, a village southeast of Kharkiv, and Velykyi Burluk")
    r"^,?\s*(?:(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:village|town|city|settlement|suburb)\s+)?"
    r"(?:just\s+|some\s+|about\s+)?(?:\d+\s*(?:km|kilometres|kilometers|miles)\s+)?"
    r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_REGIONS_BEFORE = re.compile(r"\b(?:regions|oblasts|provinces)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_REGIONS_AFTER = re.compile(r"^\s+(?:regions|oblasts|provinces)\b", re.IGNORECASE)
# what an event's place has for itself: a clause right after it ("Cherkasy, where one person died")
_OWN_CLAUSE = re.compile(r"\s*,\s*where\b[^;:.]{0,100}?(?=,|\.|;|$)", re.IGNORECASE)


@dataclass(frozen=True)
class ListItem:
    mention: Mention
    as_region: bool  # "the regions of A and B", "the A and B regions": each item is the region of that name


# a sentence that opens by naming an event again, definite: "The strike on Wednesday ... also wounded 31 people",
# "Sunday's attack was the deadliest ..." — in the paragraph after the one that told it (wire copy's one-sentence
# paragraphs), it still tells that event
_NAMED_AGAIN = re.compile(
    r"^\W*(?:The|That|This|Its|[A-Z][a-z]+day['’]s)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:strike|attack|shelling|bombardment|barrage|blast|explosion|raid|assault|bombing|"
    # ... or by its weapon: "The bomb struck a two-storey building on Wednesday evening"
    r"bomb|missile|rocket|drone|shell)s?\b"
)


def names_the_event_again(sentence: str) -> bool:
    return _NAMED_AGAIN.match(sentence) is not None


def _places(mentions: list[Mention]) -> list[Mention]:
    """The places of a sentence that can be items of a list: those the gazetteer knows, and the settlements it
    lacks that the text tells as settlements."""
    return [m for m in mentions if m.entity_type in _PLACE_TYPES]


# a city's district told by its adjectival name, with no city or region after it: "in the Shevchenkivskyi
# district", "hits in the Kyivskyi and Saltivskyi districts", "the Shevchenkivskyi district of the city" (not "the
# Bakhmut district of Donetsk region")
_DISTRICTS_NAMED = re.compile(
    r"\b(?:[A-Z][\w’'-]*?(?:skyi|skyy|skiy|sky|ckyi)(?:,?\s+and\s+|,\s+|\s+(?=(?:districts?|raions?)\b)))+"
    r"(?:districts?|raions?)\b(?!\s+(?:of|in)\b(?!\s+the\s+city\b))"
)


def districts_named(sent: str) -> re.Match | None:
    """The city districts a sentence names by their adjectival names alone ("in the Solomianskyi and Pecherskyi
    districts"), or None."""
    return _DISTRICTS_NAMED.search(sent)


def place_lists(sentence: str, offset: int, mentions: list[Mention]) -> list[list[ListItem]]:
    """Every list of two or more coordinated places of a sentence (``offset``: the sentence's start in the
    text the mentions' offsets refer to) — not a city's districts named together, which are one place."""
    districts = districts_named(sentence)
    places = [
        m
        for m in _places(mentions)
        if districts is None or not districts.start() <= m.char_start - offset < districts.end()
    ]
    lists: list[list[Mention]] = []
    current: list[Mention] = []
    i = 0
    while i < len(places):
        m = places[i]
        if not current:
            current = [m]
            i += 1
            continue
        gap = sentence[current[-1].char_end - offset : m.char_start - offset]
        if _REFERENCE.match(gap) and i + 1 < len(places):
            after = sentence[m.char_end - offset : places[i + 1].char_start - offset]
            if _GAP.match(after):  # skip the reference: "Chernihiv, north of Kyiv, and Zhytomyr"
                current.append(places[i + 1])
                i += 2
                continue
        gap_match = _GAP.match(gap)
        if gap_match and _qualifies(sentence, offset, gap_match, m, places[i + 1 :]):
            # "Marinka, Donetsk": the region the place is in, not a second place
            if len(current) > 1:
                lists.append(current)
            current = []
            i += 1
            continue
        if gap_match:
            current.append(m)
        else:
            if len(current) > 1:
                lists.append(current)
            current = [m]
        i += 1
    if len(current) > 1:
        lists.append(current)
    return [_as_items(sentence, offset, chain) for chain in lists]


def _qualifies(sentence: str, offset: int, gap: re.Match, m: Mention, rest: list[Mention]) -> bool:
    """A place named after a bare comma that ends the list places the places before it ("Marinka, Donetsk",
    "Balaklava, Sevastopol", "Lysychansk, Rubizhne, Kreminna, Luhansk region"): an English list ends with "and"
    or goes on ("Kharkiv, Donetsk and Luhansk")."""
    if gap.group("sep").strip() != "," or gap.group("clause"):
        return False
    return not (rest and _GAP.match(sentence[m.char_end - offset : rest[0].char_start - offset]))


def _as_items(sentence: str, offset: int, chain: list[Mention]) -> list[ListItem]:
    before = sentence[max(0, chain[0].char_start - offset - 30) : chain[0].char_start - offset]
    after = sentence[chain[-1].char_end - offset : chain[-1].char_end - offset + 20]
    regions = bool(_REGIONS_BEFORE.search(before) or _REGIONS_AFTER.match(after))
    return [ListItem(m, regions and m.entity_type == "place") for m in chain]


def item_region(item: ListItem) -> str | None:
    """The first-level region an item of a list of regions names ("the regions of Chernihiv and Lviv")."""
    if item.mention.entity_type == "region":
        return item.mention.entity_id
    return region_id(item.mention.surface)


def own_clause(sentence: str, offset: int, mention: Mention) -> str:
    """The clause right after a place that tells what happened there (", where one person died"), or ''."""
    m = _OWN_CLAUSE.match(sentence, mention.char_end - offset)
    return m.group(0) if m else ""


def merge_retold(events: list, key, merge, loose=None, undated=None, vague=None) -> list:
    """The events of an article with every later telling of an event (same ``key``) folded into its first
    telling by ``merge(first, later)``; order kept. With ``loose`` (the key without the day) and ``undated``
    (the event's day is only the story's default): a telling whose day is a default is the same event as one
    of the same ``loose`` key told with its day ("seven missiles hit a shopping centre on Monday" ... "the
    chaos after seven missiles hit a shopping centre"). With ``vague`` (a key without the settlement, or None
    for an event told at one): a later telling known only by its region is the event told before at a
    settlement of that region ("a missile struck Lozova" ... "Zelenskiy condemned the strike in the Kharkiv
    region")."""
    first: dict = {}
    by_loose: dict = {}
    by_region: dict = {}
    out = []
    for e in events:
        k = key(e)
        lk = loose(e) if loose is not None else None
        vk = vague(e) if vague is not None else None
        if k in first:
            merge(first[k], e)
        elif lk is not None and lk in by_loose and (undated(e) or undated(by_loose[lk])):
            merge(by_loose[lk], e)
        elif vk is not None and vk[0] is None and vk[1:] in by_region:
            merge(by_region[vk[1:]], e)
        else:
            first[k] = e
            out.append(e)
            if lk is not None:
                by_loose.setdefault(lk, e)
            if vk is not None and vk[0] is not None:
                by_region.setdefault(vk[1:], e)
    return out


def fold_vague_tellings(events: list, vague, same, merge) -> list:
    """The events without each ``vague`` telling (``vague(e)``: explosions heard, a blast with no weapon and
    no harm) that a specific telling of the story is ``same(e, specific)`` as, folded into it by
    ``merge(specific, e)``: "Explosions were heard near the airfield in Dzhankoi ... drones had struck an
    air defence system at the airfield" is one drone strike. Order kept."""
    out = []
    for e in events:
        into = (
            next((o for o in events if o is not e and not vague(o) and same(e, o)), None)
            if vague(e)
            else None
        )
        if into is None:
            out.append(e)
        else:
            merge(into, e)
    return out

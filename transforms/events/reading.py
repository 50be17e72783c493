"""What the story reader passes between its stages: a sentence, its frame, the decision about it, and the
small lookups every stage uses."""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.events.actors import ACTOR_FORCES
from transforms.events.dates import EventDate
from transforms.events.draft import Draft
from transforms.events.places import in_a_speakers_title, is_unplaced, names_a_government
from transforms.events.triggers import Trigger
from transforms.names.keys import norm
from transforms.names.registry import load_registry
from transforms.names.resolve import Mention

TERRITORY_CHANGES = ("Government regains territory", "Non-state actor overtakes territory")


@dataclass
class Sentence:
    """One sentence of a story, with what the structure stage knows of it."""

    idx: int
    start: int
    end: int
    text: str
    low: str
    paragraph: int
    mentions: list[Mention]  # every resolved name in it
    own: list[Mention]  # the names that can place its events (not the dateline's, unless nothing else)
    filed_only: bool  # only the dateline places it
    filed_end: int = 0  # where the sentence's dateline ends in it (0: no dateline)

    @property
    def timed(self) -> str:
        """The text whose dates and time words are the sentence's: a dateline's date ("KYIV, Nov 17 (Reuters) -")
        is the day the story was filed, not the day of what the sentence tells (blanked, offsets kept)."""
        return " " * self.filed_end + self.text[self.filed_end :] if self.filed_end else self.text


@dataclass
class Frame:
    """What one sentence says happened: its event type, weapon, place, date, counts and side."""

    trig: Trigger
    sub: str
    weapon: str | None
    killed: int | None
    injured: int | None
    victims: str
    loc_id: str | None
    admin1_iso: str | None
    geo: int | None
    country: str | None
    date: EventDate
    quantity: int | None
    qty: tuple | None
    side: str | None
    owner: str | None  # the side whose weapon it was, when the sentence says so only indirectly
    place_word: str = ""  # the words that placed it, for `dateline explain`
    nationwide: bool = False  # "across Ukraine on Thursday": at the country's level

    @property
    def unplaced(self) -> bool:
        return is_unplaced(self.loc_id, self.admin1_iso)


@dataclass
class Decision:
    """What the reader made of one sentence (``dateline explain``)."""

    sentence_index: int
    start: int
    end: int
    outcome: str  # event, continues, local impact, rejected
    reason: str
    event: int | None = None  # index of the draft it made or joined


def narrows(prev: Draft, f: Frame) -> bool:
    """The frame's place is the event's place or lies within it: the same settlement, or any of the region when
    the event was placed only by its region or around a settlement ("fighting around Kharkiv")."""
    return f.loc_id == prev.location_id or prev.location_id is None or prev.geo_precision != 1


def region_of(m: Mention) -> str | None:
    """The first-level region of a place or region mention."""
    if m.entity_type not in ("place", "region"):
        return None
    ent = load_registry().entities.get(m.entity_id)
    return ent.admin1_iso if ent is not None else None


# weapons told before, after "of the": "the cruise missiles", "the drones"
WEAPONS_TOLD = r"(?:[\w-]+\s+){0,2}?(?:missiles|drones|rockets|UAVs)"

PARTITIVE = re.compile(
    r"\b(?:one|two|three|four|five|\d+|some|most|all|none)\s+of\s+(?:which|them|these|those)\b", re.I
)

# fighting along a front or across regions is not at one settlement; nor is it in a capital the story named
WIDE_FRONT = re.compile(r"\b(?:front|frontline|front line|regions|stretch|across|along)\b", re.IGNORECASE)


def side_of_actor(actor: str | None) -> str | None:
    """The side key of an ACLED forces actor (``Military Forces of Russia`` → Russia)."""
    return next((k for k, v in ACTOR_FORCES.items() if v == actor), None)


def regions_told(s: Sentence, placed: dict[str, tuple[str, str]]) -> set[str]:
    """The first-level regions a sentence's own places lie in (not a capital standing for its government, nor a
    place in a speaker's title) — where the story placed a name, there ("Klimovo in the Bryansk Region" is
    Bryansk's, not a Crimean namesake's)."""
    return {
        r
        for m in s.own
        if (r := placed.get(norm(m.surface), (None, region_of(m)))[1])
        and not names_a_government(m, s.text, s.start)
        and not in_a_speakers_title(m, s.text, s.start)
    }


# a sentence that goes on with the report told just before it, by the one who gave it: "It also claimed to have
# ...", "The ministry said", "It added that ..."
GOES_ON_WITH_THE_REPORT = re.compile(
    r"(?:It|He|She|They|The (?:ministry|military|army|statement|governor|command))\s+(?:\w+\s+)?"
    r"(?:claimed|claims|said|says|reported|added)\b"
)

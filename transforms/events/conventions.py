"""ACLED's coding conventions where they differ from what a text says.

A territory change is coded by who took the place, not by the verb ("liberated" by the other side is that side
overtaking territory).

An aircraft shot down: ACLED's own notes code the attack that downed it (shelling by ground fire, an armed
clash in the air); the codebook of the wire gold codes what the shoot-down disrupted — the aircraft's use —
as for drones and missiles (``Disrupted weapons use``, with the armed clash as the acceptable alternative).
``aircraft_downed_as`` reads a news story by the codebook and a coder's note (genre.py) by ACLED's practice.

Civilians evacuated or displaced: ACLED's notes code them (``Displacement:``, Strategic developments / Other,
by ``Civilians``); the codebook of the wire gold does not — its ``Other`` is a troop movement, and no gold row
of a story codes an evacuation its text tells. ``coded_in_a_story`` keeps a coder's note's evacuation and
drops a story's, unless those moved are troops (the evacuation of the wounded defenders of a besieged plant
is what a coder codes).

The events table codes what the story says: an event placed only by its region has no location (the
codebook of the wire gold, and what an analyst can check against the text), with the region as admin1 and the
region's coordinates, ``geo_precision`` 3. ACLED codes such an event at the region's administrative centre,
in the centre's own region (Kyiv region → Kyiv, Kyiv City); ``acled_place`` gives that reading, for the ACLED
export and for scoring against ACLED's rows.
"""

from __future__ import annotations

import re
from functools import lru_cache

from transforms.events.genre import NOTE
from transforms.names.registry import load_registry
from transforms.names.resolve import resolve_place_in


@lru_cache(maxsize=256)
def centre_region(region_iso: str) -> str:
    """The first-level region of a region's administrative centre: the region itself, except for an oblast
    around a city that is a region of its own (Kyiv oblast → Kyiv City, Moscow oblast → Moscow)."""
    centre = load_registry().get(region_iso).centre
    if not centre:
        return region_iso
    res = resolve_place_in(centre, region_iso)
    ent = load_registry().entities.get(res.entity_id)
    return ent.admin1_iso if ent is not None and ent.admin1_iso else region_iso


def acled_place(location, admin1_iso, geo_precision) -> tuple[str | None, str | None]:
    """(location, admin1_iso) as ACLED codes them: an event known only by its region is coded to the region's
    administrative centre, in the centre's region; any other event as it is."""
    has_location = isinstance(location, str) and bool(location)
    if has_location or not isinstance(admin1_iso, str) or not admin1_iso or geo_precision != 3:
        return (location if has_location else None), (admin1_iso if isinstance(admin1_iso, str) else None)
    region = load_registry().entities.get(admin1_iso)
    if region is None or not region.centre:
        return None, admin1_iso
    return region.centre, centre_region(admin1_iso)


_TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")


def territory_change(sub: str, taker: str | None, country: str | None) -> str:
    """ACLED's sub-type of a territory change by the side that took the place: the country's own government
    regains it, any other side overtakes it ("pro-Russian separatists said they had liberated Lyman" is Russia
    overtaking territory in Ukraine). Other sub-types, or no side or country known, as they are."""
    if sub not in _TERRITORY or not taker or not country:
        return sub
    return _TERRITORY[0] if taker == country else _TERRITORY[1]


def aircraft_downed_as(event_type: str, sub_event_type: str, kind: str) -> tuple[str, str]:
    """(event_type, sub_event_type) of an aircraft shot down, by the convention of the text's kind: ACLED's
    (as read: shelling, or an armed clash air-to-air) in a coder's note, the codebook's in a story."""
    if kind == NOTE:
        return event_type, sub_event_type
    return "Strategic developments", "Disrupted weapons use"


_EVACUATION = re.compile(r"\bevacuat(?:ed|ion|ing)\b|\bdisplaced\b", re.I)
_TROOPS = re.compile(r"\b(?:soldiers|troops|fighters|defenders|servicem[ae]n|marines|garrison)\b", re.I)


def coded_in_a_story(sub_event_type: str, sentence: str, kind: str) -> bool:
    """Whether a trigger of ``sub_event_type`` in ``sentence`` is coded in a text of this kind: a civilian
    evacuation is in a coder's note, not in a news story (module docstring); everything else is."""
    if sub_event_type != "Other" or kind == NOTE or not _EVACUATION.search(sentence):
        return True
    return bool(_TROOPS.search(sentence))

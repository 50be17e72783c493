"""Interceptions in a story: who shot down whose weapons, over which region or country."""

from __future__ import annotations

import re

from transforms.events.actors import ACTOR_FORCES, aircraft_side, interceptor_side, other_side
from transforms.events.genre import NOTE
from transforms.events.numbers import weapon_quantity
from transforms.events.places import says_after
from transforms.events.reading import (
    GOES_ON_WITH_THE_REPORT,
    PARTITIVE,
    WEAPONS_TOLD,
    Frame,
    Sentence,
    side_of_actor,
)
from transforms.events.triggers import tells_aircraft_downed
from transforms.names.registry import load_registry

# a further event of the same account: "also shot down four other cruise missiles"; or a part of the attack's
# weapons: "five cruise missiles were launched, one of which was intercepted"
_ADDITIVE = re.compile(r"\b(?:also|other|another|more)\b", re.I)

# a share of weapons told before: "37 of the missiles", "74 of the drones"
_OF_THE_WEAPONS = re.compile(
    rf"\b(?:\d+|[a-z]+)\s+of\s+(?:the|them|these|those)\b(?:\s+{WEAPONS_TOLD})?",
    re.I,
)

# ... or that ends by saying so: "Air defences shot down 102 of the missiles, it said."
_IT_SAID_AT_THE_END = re.compile(
    r",\s+(?:it|they|the (?:ministry|military|army|air force|statement|command))\s+(?:said|says|added|reported)\W*$"
)


class Interceptions:
    """Interceptions: weapons shot down over a region, a country or the lead attack's targets, whose defender
    and attacker the claim and the barrage tell — part of :class:`transforms.events.assemble.StoryReader`,
    reading its state."""

    def _of_the_barrage(self, f: Frame) -> bool:
        """A bare strike at a place after the story's lead attack is one of its strikes ("The strike on Starychi
        district in Lviv ..."): the lead's weapon and sub-type. True when the frame was made so."""
        b = self.barrage
        if b is None or f.trig.event_type != b.trigger.event_type or f.trig.strength < 0.6:
            return False  # "the attack", "an assault" name no strike of their own
        f.sub, f.weapon = b.trigger.sub_event_type, f.weapon or b.weapon
        f.side = f.side or side_of_actor(b.actor1)
        return True

    def _claimant(self, s: Sentence) -> str | None:
        """The state that claims what a sentence tells, when the sentence refers back to it ("Russia's defence
        ministry said ... It also claimed to have shot down two planes"): the state named as speaking in the
        sentence before."""
        if self.speaker is None or self.speaker[0] != s.idx - 1:
            return None
        if not (GOES_ON_WITH_THE_REPORT.match(s.text) or _IT_SAID_AT_THE_END.search(s.text)):
            return None
        return self.speaker[1]

    def _country_told_of(self) -> str | None:
        """The country of the regions the story has named most (where its places are), or None — in a story;
        a coder's note's unplaced interception is part of the event the note codes (one note, one event)."""
        if self.kind == NOTE:
            return None
        for region, _ in (self.regions_seen + self.regions_now).most_common(1):
            ent = load_registry().entities.get(region)
            return ent.country if ent is not None else None
        return None

    def _interception(self, s: Sentence, f: Frame) -> tuple[str | None, str | None] | None:
        """ACLED: actor1 is the side that disrupted the weapons, actor2 the side that used them."""
        f.country = f.country or self.last_country or self._country_told_of()
        f.weapon = f.weapon or self.weapon_context
        if f.quantity is None and s.idx > 0 and not f.qty:
            before = self.sentences[s.idx - 1]
            prev_qty = weapon_quantity(self.text[before[0] : before[1]])
            f.quantity = prev_qty[0] if prev_qty else None
        prev = self._told_just_before(s)
        if (
            f.unplaced
            and prev is not None
            and prev.trigger.event_type == "Explosions/Remote violence"
            and prev.admin1_iso
            and (
                _ADDITIVE.search(s.text)
                or (self.kind != NOTE and (PARTITIVE.search(s.text) or _OF_THE_WEAPONS.search(s.text)))
            )
        ):
            # "a missile hit a storage unit in the Odesa region. Ukraine said it had also shot down four other
            # cruise missiles": the attack's other weapons, downed over the region it struck (without "also" or
            # "other" a downing told after a strike is part of its account, as ACLED's notes tell it)
            f.admin1_iso, f.geo, f.country = prev.admin1_iso, 3, prev.country
        if f.unplaced and f.country is None and self.kind == NOTE:
            return None  # a coder's note's unplaced interception is part of the event the note codes
        owner = (
            aircraft_side(s.text)
            if f.weapon == "aircraft" or tells_aircraft_downed(s.text, f.trig.start)
            else None
        )
        # who downed the weapons: the side the sentence names as doing it, else the side whose officials report
        # it ("one of which was intercepted, Ukraine's air force said": sides report their own interceptions)
        at = s.start + f.trig.start
        # (a state that says so: not one that launched them, "... says Russia launched 84 missiles and air
        # defences shot down 45")
        here = [
            (abs(o - at), st) for o, st in self.speakers if s.start <= o < s.end and says_after(self.text, o)
        ]
        reported_by = min(here)[1] if here else None
        defender = (
            interceptor_side(s.text)
            or other_side(owner)
            or reported_by
            or (other_side(f.side) if f.side else None)
            or self._claimant(s)
            or self._defender_of_the_lead(s)
        )
        if defender not in ACTOR_FORCES and f.country not in (None, "Ukraine", "Russia"):
            # no side named as downing them (a third country that spoke last is none: "Turkey condemned the attack
            # ... Air defences shot down 41 drones over ten regions, it said"): over the country of the story's places
            f.country = self._country_told_of() or f.country
            defender = None
        defender = defender or f.country
        if f.unplaced and defender == "Ukraine":
            # Ukraine's air defence downs what comes at it over Ukraine, whoever launched it
            f.country = "Ukraine"
        elif f.unplaced and defender == "Russia" and f.country != "Ukraine" and self.kind != NOTE:
            # Russia's downs over Russia — unless the story is in Ukraine, where Russia downs what it downs at the
            # front — not over another country the story named last ("French-made", "Washington said")
            f.country = "Russia"
        if f.unplaced and f.country is None:
            return None
        return ACTOR_FORCES.get(defender or ""), ACTOR_FORCES.get(other_side(defender) or "")

    def _defender_of_the_lead(self, s: Sentence) -> str | None:
        """The side that downs a share of the weapons the story's lead attack launched ("Russia launched 88 missiles
        and 63 drones ... Air defences destroyed 37 of the missiles and 55 of the drones, it said"): the other side
        of the lead's attacker, or None."""
        if self.barrage is None or not _OF_THE_WEAPONS.search(s.text):
            return None
        return other_side(side_of_actor(self.barrage.actor1))

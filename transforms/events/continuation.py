"""The discourse stage of reading a story: one event told over several sentences is one row."""

from __future__ import annotations

import re
from dataclasses import replace

from transforms.events.actors import ACTOR_FORCES, acled_actor1, other_side
from transforms.events.dates import EventDate
from transforms.events.draft import Draft, larger_count
from transforms.events.genre import NOTE
from transforms.events.reading import TERRITORY_CHANGES, WEAPONS_TOLD, Frame, Sentence, narrows, side_of_actor
from transforms.events.roundup import debris_hit, force_on_protesters, hit_civilians, list_events
from transforms.events.triggers import FIRE_BACK

_FIRE_BACK = re.compile(FIRE_BACK, re.I)

# a share, not all, of the weapons told before: "two of them", "37 of the missiles", "some of which"
_SHARE = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+|some|several|half)\s+of\s+"
    rf"(?:which|them|these|those|the\s+{WEAPONS_TOLD})\b",
    re.I,
)

# a claim of its own, by another source: "Russian media reported that separatists had seized the city"
_REPORTED_BY = re.compile(r"\b(?:reported|claimed|said|says|announced)\s+(?:on\s+\w+\s+)?that\b", re.I)


def _another_day(prev: Draft, date: EventDate) -> bool:
    """Both tellings name their own day (not the day of a report) and the days differ."""
    return (
        date.explicit
        and not date.reported
        and prev.date_explicit
        and not prev.date_reported
        and date.date != prev.date
    )


class Continuation:
    """One event told in several sentences: a sentence that goes on telling the event before it (its toll, its
    interceptions, the clash's outcome, the same account retold) is absorbed into it, not a new row — the discourse
    stage of :class:`transforms.events.assemble.StoryReader`, reading its state."""

    def _continues(self, s: Sentence, f: Frame) -> bool:
        """The sentence goes on with the event told right before it (the clash it became, the territory it
        changed, its toll, its interception): that event absorbs it. True when it did."""
        prev = self._told_just_before(s)
        if prev is None:
            return False
        if (
            f.sub == "Armed clash"
            and f.unplaced
            and prev.trigger.event_type == "Explosions/Remote violence"
            and (_FIRE_BACK.search(s.text))
        ):
            # "Russian forces shelled Marinka. Ukrainian forces responded with fire.": fire both ways, a clash
            prev.trigger = replace(prev.trigger, event_type="Battles", sub_event_type="Armed clash")
            prev.actor2 = ACTOR_FORCES.get(f.side or "") or prev.actor2
        elif self._outcome_of_the_clash(prev, s, f):
            # "Ukrainian forces clashed with Russian forces in X. The village was liberated.": ACLED codes a
            # battle after which the place changed hands as the territory change — at the settlement that
            # changed hands ("counteroffensives around Kharkiv ... recaptured Pytomnyk, a village north of it")
            prev.trigger = replace(prev.trigger, event_type=f.trig.event_type, sub_event_type=f.sub)
            prev.actor1 = acled_actor1(f.trig.event_type, f.sub, f.side, prev.country) or prev.actor1
            if prev.actor2 == prev.actor1:  # the side that took the place fought the other one
                prev.actor2 = ACTOR_FORCES.get(other_side(side_of_actor(prev.actor1)) or "") or prev.actor2
            if not f.unplaced and f.loc_id is not None:
                prev.location_id, prev.geo_precision = f.loc_id, f.geo
        elif self._a_share_downed(prev, s, f):
            # "two of them were shot down": the interception is a row of its own, the strike stays
            return False
        elif self._harm_after_a_downing(prev, f):
            # "... two of them were shot down. The others hit an office building, killing 20 people": the strike is
            # a row of its own, at the place of the interception
            self._new_event(s, replace(f, loc_id=prev.location_id, admin1_iso=prev.admin1_iso,
                                       geo=prev.geo_precision, country=prev.country,
                                       side=f.side or side_of_actor(prev.actor2),
                                       place_word="the place of the interception told before"))  # fmt: skip
            return True
        elif self._same_account(prev, f):
            # "Odesa came under missile attack. One person was killed ... on Monday": the account's day
            prev.dated_by(f.date.date, f.date.precision, f.date.explicit, f.date.reported)
            self._absorb(prev, s, f)
            if prev.location_id is None and f.loc_id is not None and f.admin1_iso == prev.admin1_iso:
                # "Russian troops continued attacks in the Kharkiv region. The most intense fighting was near
                # Vovchansk and the village of Lyptsi": the region's event told at its settlements
                prev.location_id, prev.geo_precision = f.loc_id, f.geo
                self.drafts[-1:-1] = list_events(prev, s.text, s.start, s.own, self.regions_seen)
            self.carried, self.carried_at = prev.date, prev.admin1_iso
            self._decide(
                s.idx, s.start, s.end, "continues", "goes on with the event before", len(self.drafts) - 1
            )
            return True
        else:
            return False
        prev.extend(s.idx, s.end, s.text)
        self._decide(s.idx, s.start, s.end, "continues", f"makes the event before a {prev.trigger.sub_event_type}",
                     len(self.drafts) - 1)  # fmt: skip
        return True

    def _a_share_downed(self, prev: Draft, s: Sentence, f: Frame) -> bool:
        """A share of the weapons of a strike told just before was downed ("Russia fired four missiles at
        Vinnytsia, and two of them were shot down"): the rest may have struck — two events, two types (ACLED's
        unit), not the strike made an interception."""
        return (
            f.sub == "Disrupted weapons use"
            and prev.trigger.event_type == "Explosions/Remote violence"
            and self.kind != NOTE
            and bool(prev.admin1_iso)
            and bool(_SHARE.search(s.text))
        )

    @staticmethod
    def _harm_after_a_downing(prev: Draft, f: Frame) -> bool:
        """People killed or hurt by weapons told after an interception at a place ("The others hit an office
        building, killing 20"): what got through struck — a strike, not the interception's toll."""
        return (
            prev.trigger.sub_event_type == "Disrupted weapons use"
            and f.trig.event_type == "Explosions/Remote violence"
            and f.unplaced
            and bool(prev.admin1_iso)
            and bool(f.killed or f.injured)
        )

    def _outcome_of_the_clash(self, prev: Draft, s: Sentence, f: Frame) -> bool:
        """The territory change a sentence tells is the outcome of the clash told just before, at its place — not
        one told before it, reported by another source, or told on a day of its own ("fought for Soledar ...
        claimed Friday that its troops had completed the capture of the town")."""
        return (
            f.sub in TERRITORY_CHANGES
            and prev.trigger.sub_event_type == "Armed clash"
            and (f.unplaced or f.admin1_iso == prev.admin1_iso and narrows(prev, f))
            and not self._told_before(f)
            and not _REPORTED_BY.search(s.text)
            and not (f.date.explicit and f.date.date != prev.date)
        )

    def _told_before(self, f: Frame) -> bool:
        """The territory change a sentence tells was told before the clash right before it: the story tells
        the battle and the change apart, two rows (ACLED's unit: one event type at a place on a day)."""
        return any(
            d.trigger.sub_event_type == f.sub and f.loc_id is not None and d.location_id == f.loc_id
            for d in self.drafts[:-1]
        )

    @staticmethod
    def _same_account(prev: Draft, f: Frame) -> bool:
        if prev.nationwide and f.sub == "Disrupted weapons use":
            return False  # the barrage over the country and its interception tally are two rows (codebook)
        if _another_day(prev, f.date):
            return False  # "... killed one on Saturday. On Thursday, shelling of a border village ...": two events
        if f.nationwide and not prev.nationwide:
            return False  # "On Friday, December 29, Ukraine was hit by 122 missiles": the country's barrage, not Kyiv's
        # a weak clash with a toll ("killed 40 Ukrainian soldiers near A, B and C") right after an event is its toll;
        # fighting named at another settlement is fighting there ("the most intense fighting was near Vovchansk")
        weak_clash = f.trig.strength <= 0.6 and f.trig.event_type == "Battles" and bool(f.killed or f.injured)
        # another settlement of the same region struck anew is another event ("shelled Sloviansk ... also shelled
        # Bakhmut"); a toll told at a district or street of it is not ("one civilian was killed in Saltivskyi")
        elsewhere = (
            f.loc_id is not None
            and prev.location_id is not None
            and f.loc_id != prev.location_id
            and f.trig.strength > 0.6
            and not (f.killed or f.injured)
        )
        return (
            (f.unplaced or f.admin1_iso == prev.admin1_iso and not elsewhere or weak_clash)
            and (
                f.sub == prev.trigger.sub_event_type
                or f.trig.strength <= 0.6
                or f.sub == "Disrupted weapons use"
                and prev.quantity
            )
            and not (
                f.sub == "Disrupted weapons use" and prev.trigger.sub_event_type != f.sub and prev.admin1_iso
            )
        )

    @staticmethod
    def _absorb(prev: Draft, s: Sentence, f: Frame) -> None:
        if debris_hit(prev, s.text, f.victims):
            pass
        elif f.sub == "Disrupted weapons use" and prev.trigger.sub_event_type != f.sub:
            # "attacked with 70 drones ... most were shot down": the event is the interception
            prev.trigger = f.trig
            prev.actor1, prev.actor2 = ACTOR_FORCES.get(other_side(f.side) or "") or prev.actor2, prev.actor1
        elif force_on_protesters(prev, s.text):
            pass
        elif hit_civilians(prev, f.victims):
            # "... shelled Kherson. As a result of the shelling, 1 civilian was killed"
            prev.actor2 = f"Civilians ({prev.country})" if prev.country else "Civilians"
        prev.fatalities = larger_count(prev.fatalities, f.killed)
        prev.injuries = larger_count(prev.injuries, f.injured)
        prev.quantity = prev.quantity or f.quantity
        prev.extend(s.idx, s.end, s.text)

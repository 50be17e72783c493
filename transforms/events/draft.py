"""An event being assembled from one or more sentences, and how a later telling folds into the first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from transforms.events.triggers import Trigger


@dataclass
class Draft:
    """An event being assembled from one or more sentences."""

    trigger: Trigger
    sentence_index: int
    paragraph: int
    char_start: int
    char_end: int
    date: dt.date
    precision: int
    date_explicit: bool
    weapon: str | None
    location_id: str | None
    admin1_iso: str | None
    country: str | None
    geo_precision: int | None
    actor1: str | None
    actor2: str | None
    fatalities: int | None
    injuries: int | None
    quantity: int | None
    actor_explicit: bool
    notes: list[str] = field(default_factory=list)
    first_sentence: int = -1
    evidence: dict[str, str] = field(default_factory=dict)  # the words that decided each field
    merged_into: Draft | None = None  # the first telling of the same event, when this is a later one
    nationwide: bool = False  # one day's barrage over the whole country (its interception is another row)
    date_reported: bool = False  # the date is only the day the event was reported on ("said on Sunday")

    def dated_by(self, date: dt.date, precision: int, explicit: bool, reported: bool = False) -> None:
        """A telling that names the event's day dates it when its own day was only the story's default, or only
        the day it was reported on."""
        if explicit and (not self.date_explicit or (self.date_reported and not reported)):
            self.date, self.precision, self.date_explicit = date, precision, True
            self.date_reported = reported

    def extend(self, idx: int, end: int, sentence: str) -> None:
        """Add a later sentence of the same paragraph to this event's evidence."""
        self.sentence_index = idx
        self.char_end = end
        self.notes.append(sentence)


def larger_count(a: int | None, b: int | None) -> int | None:
    """The larger of two counts, either of which may be unknown (None)."""
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)


def event_key(d: Draft) -> tuple:
    """ACLED's unit: one event type at one place on one day (a place known only by its region is that
    region)."""
    return (d.trigger.event_type, d.trigger.sub_event_type, d.location_id, d.admin1_iso, d.country, d.date)


def fold(first: Draft, later: Draft) -> None:
    """A later telling of ``first``: its counts where larger, its evidence appended."""
    first.dated_by(later.date, later.precision, later.date_explicit, later.date_reported)
    first.fatalities = larger_count(first.fatalities, later.fatalities)
    first.injuries = larger_count(first.injuries, later.injuries)
    first.quantity = first.quantity or later.quantity
    first.actor2 = first.actor2 or later.actor2
    first.char_end = max(first.char_end, later.char_end)
    first.notes.extend(n for n in later.notes if n not in first.notes)
    later.merged_into = first

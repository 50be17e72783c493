"""How a later telling of an event folds into its first telling."""

import datetime as dt

from transforms.events.draft import Draft, fold, larger_count
from transforms.events.triggers import Trigger

_STRIKE = Trigger("Explosions/Remote violence", "Shelling/artillery/missile attack", None, 0, 8, 1.0)


def _draft(day: int, *, explicit: bool, reported: bool, killed: int | None = None) -> Draft:
    return Draft(
        trigger=_STRIKE,
        sentence_index=0,
        paragraph=0,
        char_start=0,
        char_end=40,
        date=dt.date(2024, 3, day),
        precision=1,
        date_explicit=explicit,
        weapon=None,
        location_id="UA-63:Kharkiv",
        admin1_iso="UA-63",
        country="Ukraine",
        geo_precision=1,
        actor1=None,
        actor2=None,
        fatalities=killed,
        injuries=None,
        quantity=None,
        actor_explicit=False,
        notes=[f"telling of the {day}th"],
        date_reported=reported,
    )


def test_a_second_report_day_does_not_replace_the_first_or_pass_for_the_event_own_day():
    # "the governor said on Tuesday ..." then "officials said on Wednesday ...": both days are only when it was
    # reported; the first stays and the event stays marked as dated by its report
    first, later = _draft(5, explicit=True, reported=True), _draft(6, explicit=True, reported=True)
    fold(first, later)
    assert first.date == dt.date(2024, 3, 5)
    assert first.date_reported is True


def test_a_telling_that_names_the_event_own_day_replaces_a_report_day():
    first, later = _draft(5, explicit=True, reported=True), _draft(4, explicit=True, reported=False)
    fold(first, later)
    assert first.date == dt.date(2024, 3, 4)
    assert first.date_reported is False


def test_an_own_day_is_not_replaced_by_a_later_report_day_and_counts_take_the_larger():
    first = _draft(4, explicit=True, reported=False, killed=2)
    later = _draft(6, explicit=True, reported=True, killed=3)
    fold(first, later)
    assert (first.date, first.date_reported, first.fatalities) == (dt.date(2024, 3, 4), False, 3)
    assert later.merged_into is first
    assert first.notes == ["telling of the 4th", "telling of the 6th"]


def test_larger_count_treats_unknown_as_no_count():
    assert larger_count(None, 4) == 4
    assert larger_count(7, None) == 7
    assert larger_count(None, None) is None
    assert larger_count(2, 0) == 2

import datetime as dt

import pytest

from transforms.events.dates import find_dates

PUB = dt.date(2024, 11, 2)  # a Saturday


@pytest.mark.parametrize(
    ("sentence", "date", "precision"),
    [
        ("missiles struck on Saturday night", "2024-11-02", 1),
        ("said in a message late Friday", "2024-11-01", 1),
        ("attacked Ukraine overnight", "2024-11-02", 1),
        ("On 10 August 2022, shelling hit the town", "2022-08-10", 1),
        ("On Aug. 26, drones hit", "2024-08-26", 1),
        ("Putin warned on September 12", "2024-09-12", 1),
        ("The administration said Thursday", "2024-10-31", 1),
        ("yesterday a drone hit", "2024-11-01", 1),
        ("fighting last week", "2024-10-21", 2),
        ("launched in October", "2024-10-01", 3),
        ("On December 30, x", "2023-12-30", 1),
    ],
)
def test_dates_resolve_against_the_published_date(sentence, date, precision):
    d = find_dates(sentence, PUB)[0]
    assert (d.date.isoformat(), d.precision, d.explicit) == (date, precision, True)


def test_later_that_day_takes_the_previous_event_date():
    assert find_dates("injured later that day", PUB, dt.date(2024, 10, 30))[0].date == dt.date(2024, 10, 30)


def test_future_dates_are_ignored():
    assert find_dates("On 3 November 2024 talks are planned", PUB) == []


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        ("drones attacked the port overnight into Thursday", ["2024-10-31"]),
        ("a shell hit the school two days ago", ["2024-10-31"]),
        ("the strike 3 days ago", ["2024-10-30"]),
    ],
)
def test_a_night_named_by_the_day_it_ran_into_and_days_counted_back(sentence, dates):
    assert [d.date.isoformat() for d in find_dates(sentence, PUB)] == dates


def test_a_week_of_a_named_month_is_that_week_and_not_last_week():
    (d,) = find_dates("In the last week of January, a student was taken from her home.", dt.date(2024, 2, 14))
    assert (d.date, d.precision) == (dt.date(2024, 1, 22), 2)
    (d,) = find_dates("In the first week of February the town was shelled.", dt.date(2024, 2, 14))
    assert (d.date, d.precision) == (dt.date(2024, 1, 29), 2)


def test_overnight_from_one_weekday_into_the_next_and_the_next_night():
    published = dt.date(2023, 7, 21)  # a Friday
    found = find_dates("Overnight from Monday into Tuesday, drones hit the port.", published)
    assert [d.date for d in found] == [dt.date(2023, 7, 17), dt.date(2023, 7, 18)]
    after = find_dates(
        "The next night, strikes hit the grain terminal.", published, previous=dt.date(2023, 7, 18)
    )
    assert [d.date for d in after] == [dt.date(2023, 7, 19)]

"""Event dates from sentence text, resolved against the published date, with ACLED time precision.

Absolute: "On 10 August 2022", "Aug. 26", "September 12", "2024-11-02". Relative: "on Saturday",
"late Friday", "Saturday night", "overnight", "yesterday", "today", "last week" (precision 2),
"in October" / "last month" (precision 3, coded by the month's first day; a week by its Monday), "later that
day" (the previous event's date).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass

from transforms.events.numbers import word_number
from transforms.events.prefilter import Prefiltered

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}

_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_DAY_MONTH = Prefiltered(
    re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"
    )
)
_MONTH_DAY = Prefiltered(
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d))?")
)
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
_WEEKDAY = Prefiltered(
    re.compile(
        r"\b(?P<mod>late|early|last|on|this|since)?\s*(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
        r"(?:\s+(?P<part>night|morning|evening|afternoon))?"
    )
)
# the words that count from the day the sentence before told (``previous``): its very day
SAME_DAY_AS_BEFORE = ("later that day", "later the same day", "the same day", "that day", "hours later",
                      "minutes later", "moments later")  # fmt: skip
# ... and the day after it
NEXT_DAY = ("the next day", "the following day", "the next night", "the following night")
_RELATIVE = Prefiltered(
    re.compile(
        r"\b(?P<rel>yesterday|today|tonight|overnight|this morning|this evening|last night|earlier today|"
        r"(?:(?:at|over|during) the |this (?:past )?|last |a |the )?weekend(?:['’]s)?|"
        r"last week(?!\s+of\b)|this week|last month|earlier this month|"
        + "|".join(SAME_DAY_AS_BEFORE + NEXT_DAY)
        + r"|the day before|a day earlier)\b",
        re.IGNORECASE,
    )
)
_MONTH_NAME = _MONTH.replace("(?P<month>", "(?:")
_INTO_A_DAY = re.compile(
    # "overnight into Sunday", "overnight from Monday into Tuesday"
    rf"\s+(?:from\s+(?:{'|'.join(WEEKDAYS)})\s+)?(?:into|to|on)\s+(?:(?:early|late)\s+)?(?:{'|'.join(WEEKDAYS)}|\d{{1,2}}\s+{_MONTH_NAME}|{_MONTH_NAME}\s+\d{{1,2}})\b",
    re.IGNORECASE,
)
_DAYS_AGO = re.compile(r"\b(?P<n>two|three|four|five|six|[2-6])\s+days\s+ago\b")
_NTH_WEEK = {"first": 0, "second": 1, "third": 2, "fourth": 3}
_WEEK_OF_MONTH = re.compile(
    rf"\b(?:the\s+)?(?P<nth>first|second|third|fourth|last|final)\s+week\s+of\s+{_MONTH}", re.IGNORECASE
)
_IN_MONTH = re.compile(
    rf"\b(?:[Ii]n|[Dd]uring|[Tt]hroughout|[Ss]ince)\s+(?:early\s+|mid-|late\s+)?{_MONTH}(?:\s+(?P<year>(?:19|20)\d\d))?\b"
)


@dataclass(frozen=True)
class EventDate:
    date: dt.date
    precision: int  # 1 day, 2 week, 3 month
    explicit: bool  # found in the sentence (not defaulted)
    start: int = -1
    # the day the event was reported ("said on Sunday"), the only day the sentence names
    reported: bool = False


def _year_for(month: int, day: int, published: dt.date, year: str | None) -> dt.date | None:
    try:
        if year:
            return dt.date(int(year), month, day)
        d = dt.date(published.year, month, day)
        return d if d <= published else dt.date(published.year - 1, month, day)
    except ValueError:
        return None


def _monday(d: dt.date) -> dt.date:
    """A week is coded by its Monday, a month by its first day (time_precision 2 and 3)."""
    return d - dt.timedelta(days=d.weekday())


def _month_num(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def find_dates(sentence: str, published: dt.date, previous: dt.date | None = None) -> list[EventDate]:
    """Every date expression in ``sentence``, in order of appearance."""
    found: list[EventDate] = []
    low = sentence.lower()
    for rx in (_DAY_MONTH, _MONTH_DAY):
        for m in rx.finditer(sentence, low):
            d = _year_for(_month_num(m.group("month")), int(m.group("day")), published, m.group("year"))
            if d:
                found.append(EventDate(d, 1, True, m.start()))
    for m in _ISO.finditer(sentence):
        with contextlib.suppress(ValueError):
            found.append(
                EventDate(dt.date(int(m["year"]), int(m["month"]), int(m["day"])), 1, True, m.start())
            )
    absolute = [d.start for d in found]
    for m in _WEEKDAY.finditer(sentence, low):
        if (m.group("mod") or "").lower() == "since":
            continue
        if any(0 < a - m.end() <= 2 for a in absolute):
            continue  # "Saturday 19 March", "Friday, March 4": the weekday of the date that follows
        target = WEEKDAYS[m.group("wd").lower()]
        delta = (published.weekday() - target) % 7
        if (m.group("mod") or "").lower() == "last" and delta == 0:
            delta = 7
        found.append(EventDate(published - dt.timedelta(days=delta), 1, True, m.start("wd")))
    for m in _RELATIVE.finditer(sentence, low):
        rel = m.group("rel").lower()
        if rel.endswith("weekend"):  # the last Saturday before the published date (or that day)
            found.append(
                EventDate(published - dt.timedelta(days=(published.weekday() - 5) % 7), 1, True, m.start())
            )
        elif rel in ("yesterday", "last night", "the day before", "a day earlier"):
            found.append(EventDate(published - dt.timedelta(days=1), 1, True, m.start()))
        elif rel in ("last week",):
            found.append(EventDate(_monday(published) - dt.timedelta(days=7), 2, True, m.start()))
        elif rel in ("this week",):
            found.append(EventDate(_monday(published), 2, True, m.start()))
        elif rel in ("last month",):
            first = published.replace(day=1) - dt.timedelta(days=1)
            found.append(EventDate(first.replace(day=1), 3, True, m.start()))
        elif rel in ("earlier this month",):
            found.append(EventDate(published.replace(day=1), 3, True, m.start()))
        elif rel in SAME_DAY_AS_BEFORE or rel in NEXT_DAY:
            if previous is None and rel.endswith(" later"):
                continue  # "Hours later," after nothing dated: later than what is not known
            base = previous or published
            if rel in NEXT_DAY:
                base = min(base + dt.timedelta(days=1), published)
            found.append(EventDate(base, 1, True, m.start()))
        elif rel == "overnight" and _INTO_A_DAY.match(low, m.end()):
            continue  # "overnight into Sunday": the weekday that follows dates it
        else:  # today, tonight, overnight, this morning, earlier today
            found.append(EventDate(published, 1, True, m.start()))
    for m in _DAYS_AGO.finditer(low):
        n = int(m["n"]) if m["n"].isdigit() else word_number(m["n"])
        found.append(EventDate(published - dt.timedelta(days=n), 1, True, m.start()))
    for m in _WEEK_OF_MONTH.finditer(sentence):  # "in the last week of January": that week, by its Monday
        month = _month_num(m.group("month"))
        year = published.year if month <= published.month else published.year - 1
        nth = m.group("nth").lower()
        if nth in ("last", "final"):
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            day = nxt - dt.timedelta(days=7)
        else:
            day = dt.date(year, month, 1) + dt.timedelta(days=7 * _NTH_WEEK[nth])
        found.append(EventDate(_monday(day), 2, True, m.start()))
    for m in _IN_MONTH.finditer(sentence):
        month = _month_num(m.group("month"))
        if any(f.start >= m.start() and f.start <= m.end() for f in found):
            continue
        year = (
            int(m.group("year"))
            if m.group("year")
            else (published.year if month <= published.month else published.year - 1)
        )
        found.append(EventDate(dt.date(year, month, 1), 3, True, m.start()))
    found.sort(key=lambda d: d.start)
    return [d for d in found if d.date <= published]

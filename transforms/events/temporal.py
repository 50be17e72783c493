"""Time: each sentence's own time expression and its status, and the date an event told in it gets.

A news story tells the news of its day among background: last month's battle, the start of the invasion, a
trial for a killing in February, a plan, a denial. ACLED codes an event on the day it happened, and a story's
background is not news: so a sentence's status decides whether its events are coded at all, and an event's
date comes from its own sentence, from the account it continues, or from the story's news day — never from a
background sentence told before it.

Statuses: ``news`` (today's or recent events: no date older than the news window), ``nationwide`` (one day's
barrage "across Ukraine": news, at the country's level), ``background`` (dated
before the window, or a background cue: "since the invasion", "months ago"), ``aggregate`` ("over the past
day across Ukraine", "as many as"), ``hypothetical`` (would, could, plans to, warned), ``demand`` (urged,
called for: only a protest's), ``denied`` ("denied that its plane crashed"), ``undated`` (no date, in a story with no news day:
``without_a_news_day``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from transforms.events.casualties import TOLL_NAMED, TOLL_UPDATED_ON
from transforms.events.dates import WEEKDAYS, EventDate, find_dates
from transforms.events.frames import CLOSED_ASIDE
from transforms.events.numbers import word_number
from transforms.events.prefilter import Prefiltered
from transforms.events.triggers import (
    RETOLD_OPENING,
    aggregate_only_by_habit,
    find_triggers,
    hypothetical_only_later,
    is_non_event,
    quoted_after,
)

# ACLED's unit is the day; the gold's tier 1 the last week. A story's events older than this are background.
NEWS_WINDOW = dt.timedelta(days=7)
_DENIED = re.compile(
    r"\b(?:denied|denies|deny|refuted|rejected (?:claims|reports)|dismissed (?:claims|reports))\b[^.]{0,40}?"
    r"\b(?:that|having|any|it|its|claims|reports)\b",
    re.IGNORECASE,
)

# a date expression that dates the report, not the event: "said on Monday", "told reporters Tuesday"
_REPORTED_ON = re.compile(
    r"\b(?:said|says|told(?: [\w-]+){0,2}|reported|announced|added|wrote|confirmed|aired|broadcast|published|posted)\s+"
    # ... or in the address, statement or post that reported it: "said in his nightly video address on Sunday"
    r"(?:in\s+(?:his|her|their|its|a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:address|statement|post|interview|briefing|"
    r"speech|message|update)\s+)?(?:on\s+|late\s+|early\s+)?$|"
    # ... or a statement opening the sentence: "In a statement on Friday morning, the ministry said ..."
    r"^\W*(?:In|in)\s+(?:a|an|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:statement|address|post|update|briefing|"
    r"report|message)\s+(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE,
)


def _dates_the_report(sentence: str, d: EventDate) -> bool:
    """A date expression of the report's day: "said on Monday", or a toll's new count's ("rose to 23 on
    Thursday")."""
    if _REPORTED_ON.search(sentence, max(0, d.start - 70), d.start):
        return True
    return (
        "to" in sentence
        and bool(TOLL_UPDATED_ON.search(sentence, max(0, d.start - 40), d.start))
        and bool(TOLL_NAMED.search(sentence, 0, d.start))
    )


_PAST_PERFECT = re.compile(r"\bhad\s+(?:been\s+)?\w+(?:ed|en|t|ne|wn)\b", re.IGNORECASE)


@dataclass(frozen=True)
class SentenceTime:
    status: str  # news, background, aggregate, hypothetical, demand, denied
    own: EventDate | None  # the first date expression of the sentence itself
    reason: str | None = None  # why the sentence is not news, in words (for `dateline explain`)

    @property
    def is_news(self) -> bool:
        return self.status in ("news", "demand", "nationwide")


def sentence_time(
    sentence: str,
    published: dt.date,
    previous: dt.date | None = None,
    dated: bool = True,
    cues: SentenceTime | None = None,
) -> SentenceTime:
    """The sentence's own date expression and its status (module docstring); ``dated=False`` reads only the
    cues (no date expressions: the cheap first look at a sentence that may tell no event), ``cues`` is that
    first look, whose cue words are then not read again."""
    low = sentence.lower()
    dates = find_dates(sentence, published, previous) if dated else []
    # "its biggest gain since it seized Bakhmut in May": a day in a since-clause is the yardstick, not the
    # event's day
    dates = [d for d in dates if not _SINCE_CLAUSE.search(sentence, max(0, d.start - 60), d.start)]
    # "In the southern city of Kherson, which Ukrainian forces retook in November, Russian shelling killed a woman
    # on Sunday": a day in a description of a place, between commas, is that place's history, not the event's day
    described = [m.span() for m in CLOSED_ASIDE.finditer(sentence)]
    if described and len(dates) > 1:
        dates = [d for d in dates if not any(a <= d.start < b for a, b in described)]
    # "said on Monday that strikes had hit the city over the weekend": the report's day is not the event's when
    # another date says so ("the ministry said on Friday" after "has taken control" is the news of that day)
    reported = [d for d in dates if _dates_the_report(sentence, d)]
    if reported and len(reported) < len(dates):
        dates = [d for d in dates if d not in reported]
    elif reported:
        # only the report's day: the event's day as far as the sentence tells (told in the past perfect, the
        # latest it can be: "said yesterday that forces had completed removing mines"), until a telling that
        # names the event's own day ("... had taken place at 6pm on Saturday") dates it
        dates = [replace(d, reported=True) if d in reported else d for d in dates]
    quote = quoted_after(sentence) if dates else None
    if quote is not None:
        dates = [d for d in dates if d.start < quote]
    own = dates[0] if dates else None
    cue = is_non_event(sentence, low) if cues is None else _CUE_OF.get(cues.status)
    if cue == "aggregate" and (cues is None or cues.status == "nationwide"):
        cue = _nationwide(sentence, own, dated, cue)
    if _one_day(own, published) and _cue_around_the_days_event(cue, sentence, own):
        cue = None
    if cue in ("aggregate", "background", "hypothetical"):
        return SentenceTime(cue, own, _CUE_REASONS[cue])
    if own is not None and published - own.date > NEWS_WINDOW + _slack(own):
        days = (published - own.date).days
        return SentenceTime(
            "background", own, f"dated {own.date.isoformat()}, {days} days before publication"
        )
    if own is None and dated and cue is None and _told_as_a_state(sentence):
        return SentenceTime("aggregate", None, "a place's state over time, not one event")
    if ("deni" in low or "refut" in low or "reject" in low or "dismiss" in low) and _DENIED.search(sentence):
        return SentenceTime("denied", own, "the event is denied")
    return SentenceTime(cue if cue in ("demand", "nationwide") else "news", own)


def _cue_around_the_days_event(cue: str | None, sentence: str, own: EventDate) -> bool:
    """The sentence names a day of the news window, and its cue word tells only of something around that day's
    event: a habit ("the attack took place at 6pm on Saturday, and was followed by a constant barrage"), a
    background ("forces had fired rockets at the bridge on Monday", in a region occupied "since the first days of
    the invasion"), or a possibility in a later clause ("killed 20 people, and Putin said the attack would not
    go unpunished")."""
    if cue == "aggregate":
        return aggregate_only_by_habit(sentence)
    if cue == "background":
        return not own.reported
    if cue == "hypothetical":
        return not own.reported and hypothetical_only_later(sentence)
    return False


_SINCE_CLAUSE = re.compile(r"\bsince\b[^,;:.()]*$", re.IGNORECASE)


def _one_day(own: EventDate | None, published: dt.date) -> bool:
    """An explicit day in the news window ("on Saturday", "on 7 May")."""
    return (
        own is not None
        and own.explicit
        and own.precision == 1
        and dt.timedelta(0) <= published - own.date <= NEWS_WINDOW
    )


# what a place has been through, told as its state: "Bakhmut, which has seen repeated airstrikes", "weeks of
# punishing shell fire", "under days of attack" (an undated sentence; a day named makes it news: "repeated
# missile strikes at the weekend")
_STATE = Prefiltered(
    re.compile(
        r"\brepeated(?:ly)?\s+(?:\w+\s+)?(?:strikes|airstrikes|attacks|shelling|bombing|bombardments?|shelled|bombed|attacked|struck|hit)\b|"
        r"\b(?:days|weeks|months) of (?:\w+\s+){0,2}?(?:shelling|fighting|bombardment|attacks?|shell ?fire|strikes|airstrikes|bombing)\b|"
        r"\bwhich (?:has|have|had) (?:seen|witnessed|endured|suffered|come under|been (?:subjected to|under))\s+"
        r"(?:\w+\s+){0,3}?(?:strikes|airstrikes|attacks?|shelling|bombing|bombardment|fire)\b|"
        r"\b(?:has|have) (?:seen|witnessed|endured|suffered)\s+(?:\w+\s+){0,2}?(?:strikes|airstrikes|attacks|shelling|bombing|fighting)\b|"
        # ... or lives with: "people in Avdiivka live with shelling as a kind of background noise"
        r"\b(?:live|lives|living|lived)\s+(?:with|under)\s+(?:\w+\s+){0,2}?(?:strikes|airstrikes|attacks|shelling|bombing|"
        r"fighting|shell ?fire|air raids|explosions)\b|"
        # the damage it bears: "buildings in ruins from shelling", "debris left behind by shelling", land
        # where mines "dot the landscape"
        r"\bin ruins (?:from|after|by)\b|\b(?:left behind|scarred|pockmarked|ravaged) by (?:\w+\s+){0,3}?"
        r"(?:shelling|strikes|airstrikes|attacks|bombing|bombardments?|fighting|shell ?fire)\b|"
        r"\bmines\s+(?:\w+\s+)?(?:dot|dots|litter|litters|cover|covers)\b|\b(?:littered|strewn|riddled|contaminated) with (?:\w+\s+){0,2}?mines\b",
        re.IGNORECASE,
    )
)


_ASIDE_START = re.compile(r",\s+(?:which|where)\b")


def _told_as_a_state(sentence: str) -> bool:
    """The sentence tells what a place has been through (``_STATE``) — in its main clause, or in an aside
    about a place when the main clause tells no event of its own ("Russia has taken control of most of
    Sievierodonetsk, which has come under intense shelling" is the news of the takeover)."""
    m = _STATE.search(sentence)
    if m is None:
        return False
    aside = _ASIDE_START.search(sentence, 0, m.end())
    return aside is None or not find_triggers(sentence[: aside.start()])


# one barrage over the whole country on one day is one event, not a roundup: "Russia fired three dozen missiles
# at infrastructure across Ukraine on Thursday"
_ACROSS_THE_COUNTRY = re.compile(r"\bacross (?:Ukraine|Russia|the country)\b", re.IGNORECASE)


def _nationwide(sentence: str, own: EventDate | None, dated: bool, cue: str) -> str:
    """ "nationwide" when the sentence is an aggregate only because it spans the country and (once dated) it
    names one day; else what the sentence is without that phrase."""
    m = _ACROSS_THE_COUNTRY.search(sentence)
    if m is None:
        return cue
    rest = is_non_event(sentence[: m.start()] + " " * (m.end() - m.start()) + sentence[m.end() :])
    if rest is not None:
        return rest
    if dated and (own is None or own.precision != 1 or not own.explicit):
        return cue
    return "nationwide"


# the cue a first look found, by the status it gave (a dated look re-reads only the date)
_CUE_OF = {
    "nationwide": "aggregate",
    "aggregate": "aggregate",
    "background": "background",
    "hypothetical": "hypothetical",
    "demand": "demand",
}


def _slack(d: EventDate) -> dt.timedelta:
    """A week or a month is news while any of its days is in the window."""
    return {2: dt.timedelta(days=6), 3: dt.timedelta(days=30)}.get(d.precision, dt.timedelta(0))


_CUE_REASONS = {
    "aggregate": "an aggregate over many places or days",
    "background": "background (a time before the news: since, ago, for months)",
    "hypothetical": "not a reported event (plan, warning, threat, possibility)",
}


def without_a_news_day(time: SentenceTime, carried: dt.date | None) -> SentenceTime:
    """In a story with no news day (a feature, an opinion piece or a retrospective: genre.py), an event told
    without a date of its own, and not in an account a dated sentence began, has no day: undated background,
    not the publication day's news."""
    if time.is_news and time.own is None and carried is None:
        return SentenceTime("undated", None, UNDATED)
    return time


UNDATED = "no date of its own, in a story with no news day (a feature, an opinion piece or a retrospective)"


def event_time(
    time: SentenceTime, carried: dt.date | None, published: dt.date, before_the_report: bool = False
) -> EventDate:
    """The date of an event told in a sentence: its own date expression, else the date of the account it
    continues (``carried``), else the story's news day (the published date), flagged not explicit — the day
    before it when the event is told as having happened before the report (``before_the_report``: "the
    governor said Russian forces had been repulsed")."""
    if time.own is not None:
        return time.own
    if carried is None and before_the_report:
        return EventDate(published - dt.timedelta(days=1), 1, False)
    return EventDate(carried or published, 1, False)


def told_before_the_report(sentence: str, at: int) -> bool:
    """The event word at ``at`` is in the past perfect ("had been repulsed", "had struck"): it happened
    before the report that tells it."""
    return bool(
        _PERFECT_BEFORE.search(sentence, max(0, at - 20), at) or _PAST_PERFECT.match(sentence, max(0, at - 9))
    )


_PERFECT_BEFORE = re.compile(r"\bhad\s+(?:been\s+|already\s+|also\s+)?$", re.IGNORECASE)


_SPOKEN = re.compile(r"\b(?:address|speech|statement|remarks|briefing|video message)\b", re.IGNORECASE)
_SPEECH_HINT = re.compile("ddress|peech|tatement|emarks|riefing|essage")  # a cheap look before _SPOKEN


def spoken_on(lead: str, published: dt.date) -> dt.date | None:
    """The day a speech was given, from the words that introduce it ("In Zelensky's address on Thursday
    evening, July 21, ...", "During his Monday night address, ..."): a date right after a word for a speech
    (the first after it in a reprint's lead) or right before it, within the news window; or None."""
    m = _SPOKEN.search(lead) if _SPEECH_HINT.search(lead) else None
    if m is None:
        return None
    dates = find_dates(lead[m.start() : m.end() + 30], published) or find_dates(
        lead[max(0, m.start() - 20) : m.start()], published
    )
    ok = [d for d in dates if d.precision == 1 and dt.timedelta(0) <= published - d.date <= NEWS_WINDOW]
    return ok[0].date if ok else None


def nearest_date(sentence: str, at: int, published: dt.date) -> EventDate | None:
    """The date expression nearest to offset ``at`` (an event word), within the news window: "It was a quiet
    weekend after Friday's missile attacks" dates the attacks Friday."""
    dates = [d for d in find_dates(sentence, published) if published - d.date <= NEWS_WINDOW]
    return min(dates, key=lambda d: abs(d.start - at), default=None)


_JUDICIAL = Prefiltered(
    re.compile(
        r"\b(?:court(?:room)?s?|tribunal|trial|sentenced|convicted|acquitted|pleaded (?:guilty|not guilty)|"
        r"charged with|wanted for|war crimes?|indicted|indictment|verdict|testified|defendant|in absentia|"
        r"(?:notice of |on |under )suspicion|suspected of|facing allegations|first hearing|"
        r"according to (?:the )?prosecut(?:ion|ors?))\b",
        re.IGNORECASE,
    )
)


def judicial(sentence: str, lowered: str | None = None) -> bool:
    """A sentence about a trial, a charge or a verdict: the event it concerns happened at another time and is
    coded from its own telling, not from the courtroom's (arrests are events of their own)."""
    return bool(_JUDICIAL.search(sentence, lowered))


_DAYS_AFTER = re.compile(
    r"\b(?:(?P<n>a|one|two|three|four|five|six)\s+days?|(?P<hours>(?:less than |barely |just |only |a few )?"
    r"(?:24 |few )?hours))\s+after\s+(?:[^.;:]{0,80}?)$",
    re.IGNORECASE,
)


def days_before_the_anchor(sentence: str, at: int) -> int:
    """How many days before the sentence's own day the event word at ``at`` happened, when it is told in a
    clause "N days after ..." ("Residents wept on Saturday, a day after Ukrainian forces entered the city": the
    entry was on Friday); 0 otherwise."""
    m = _DAYS_AFTER.search(sentence, max(0, at - 110), at)
    if m is None or m.group("hours"):
        return 0  # "hours after": the same day, as far as the day goes
    n = m.group("n").lower()
    return 1 if n == "a" else word_number(n) or 0


def after_a_retold_event(sentence: str, at: int) -> bool:
    """The event word at ``at`` is told in the time clause of a sentence about the event told before it ("The
    strike came hours after missiles hit Kremenchuk", "It came two days after ..."): its day is counted back from
    that event's day, not the sentence's."""
    return (
        opens_with_a_retold_event(sentence) and _DAYS_AFTER.search(sentence, max(0, at - 110), at) is not None
    )


def opens_with_a_retold_event(sentence: str) -> bool:
    """ "The strike came ...", "It came ...": the sentence names the event told before it again."""
    return bool(RETOLD_OPENING.match(sentence))


# a relative clause: "that" / "which" / "who" after a noun ("the counteroffensive that swept ..."), not the
# "that" of what is said ("said on Monday that ...", "claimed that ...")
_RELATIVE = re.compile(r"\b([A-Za-z]+)(,?)\s+(?:that|which|who)\b")
_NOT_A_NOUN = frozenset(
    ("said", "says", "say", "claimed", "claims", "reported", "reports", "announced", "added", "stated", "noted",
     "warned", "confirmed", "believed", "believes", "told", "wrote", "insisted", "denied", "so", "such", "now",
     "after", "before", "fact", "given", "day", "night", "morning", "evening", "afternoon", "week", "yesterday",
     "today", "and", "but", *WEEKDAYS)
)  # fmt: skip


# what an event answered, told after it: "calling the strikes retaliation for Monday's attack on the bridge"
_CAUSE = re.compile(r"\b(?:retaliation|revenge|response|reprisal|retribution)\s+(?:for|to)\b", re.I)


def in_a_later_relative_clause(sentence: str, event_end: int, date_start: int) -> bool:
    """The date lies in a relative clause that opens after the event word, about another thing: "had taken full
    control of the town, extending the counteroffensive that swept Russian troops out of the region earlier
    this month" — the month is the counteroffensive's, not the day the town was taken; or in what the event
    is said to answer ("calling the strikes retaliation for Monday's attack on the bridge")."""
    if date_start <= event_end:
        return False
    if _CAUSE.search(sentence, event_end, date_start):
        return True
    return any(
        m.group(1).lower() not in _NOT_A_NOUN for m in _RELATIVE.finditer(sentence, event_end, date_start)
    )


# an event told as going on as the story is written: "Russian forces are continuing their offensive", "fighting
# is ongoing" — the news day's, a day of its own, not a default that an earlier dated telling can absorb
_ONGOING = re.compile(
    r"\b(?:are|is)\s+(?:still\s+)?(?:continuing|fighting|advancing|attacking|storming|pushing|shelling|pounding)\b|"
    r"\b(?:fighting|battles?|clashes|assaults?)\s+(?:is|are)\s+(?:still\s+)?(?:ongoing|continuing|under\s?way|raging)\b",
    re.I,
)


def told_as_ongoing(sentence: str) -> bool:
    """The sentence tells its event as going on now, in the present."""
    return _ONGOING.search(sentence) is not None

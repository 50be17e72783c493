"""The time stage of reading a story: which day a sentence's event happened, given what the story told before."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from transforms.events.casualties import TOLL_UPDATE
from transforms.events.dates import NEXT_DAY, SAME_DAY_AS_BEFORE, EventDate, find_dates
from transforms.events.draft import Draft
from transforms.events.frames import clause_spans
from transforms.events.genre import LIVE, NEWS
from transforms.events.places import may_be_where_it_happened, names_a_government, unknown_settlement
from transforms.events.reading import (
    GOES_ON_WITH_THE_REPORT,
    PARTITIVE,
    WIDE_FRONT,
    Sentence,
    region_of,
    regions_told,
)
from transforms.events.structure import QUOTE_MARK
from transforms.events.temporal import (
    NEWS_WINDOW,
    SentenceTime,
    after_a_retold_event,
    days_before_the_anchor,
    event_time,
    in_a_later_relative_clause,
    opens_with_a_retold_event,
    sentence_time,
    spoken_on,
    told_before_the_report,
)
from transforms.events.triggers import Trigger, aggregate_only_by_the_past_day, find_triggers

# the words that date a sentence by the one before it
_SAME_DAY_AS_BEFORE = re.compile(rf"\b(?:{'|'.join(SAME_DAY_AS_BEFORE)})\b")

# an event told as part of the attack told before: "shot down six missiles during that attack"
_IN_THAT_ATTACK = re.compile(
    r"\b(?:during|in)\s+(?:that|this|the\s+same)\s+(?:attack|barrage|assault|strike|raid)\b", re.I
)

# a sentence that opens as so long after the one before it: "Weeks later, ...", "The following year, ..."
_LATER_THAN_BEFORE = re.compile(
    r"\W*(?:(?:Days|Weeks|Months|Years|A\s+(?:few\s+)?(?:days?|weeks?|months?|years?)|(?:Two|Three|Several|A\s+couple\s+of)\s+"
    r"(?:days|weeks|months|years))\s+later|The\s+following\s+(?:week|month|year|spring|summer|autumn|winter)|"
    r"Later\s+that\s+(?:week|month|year))\b"
)

# a paragraph that opens on the day after the account told before it: "The next night, strikes hit ..."
_OPENS_ON_THE_NEXT_DAY = re.compile(rf"\W*(?:{'|'.join(NEXT_DAY)})\b")

# how far an account of an earlier time goes on without a date of its own (sentences)
_PAST_SPAN = 2

# the present tense, which tells the news (not the past an account was about): "is getting heavily shelled",
# "have recaptured villages"
_PRESENT = re.compile(r"\b(?:is|are|has|have)\b")

# a day named in a clause about an earlier event: "Moscow has stepped up its air campaign after an attack on
# Belgorod on December 30" dates the attack, not the news
_DATES_AN_EARLIER_EVENT = re.compile(
    r"\b(?:after|since|before|following|in response to|(?:retaliation|revenge|reprisal|retribution) for)\b[^,;]*$",
    re.IGNORECASE,
)

_HARMFUL = ("Explosions/Remote violence", "Violence against civilians", "Battles")


class StoryTime:
    """When a sentence's event happened in the story: the day a quoted speech was given, the lead's and a
    country-wide barrage's day, a past paragraph, a day counted back from the one told before — the time stage
    of :class:`transforms.events.assemble.StoryReader`, reading its state."""

    def _spoken_day(self, s: Sentence) -> dt.date | None:
        """The day of a speech told in this sentence, or in the sentence right before it that this one goes on
        quoting (it has quotation marks), when that day is before the sentence's "now"."""
        day = spoken_on(s.text, self.published)
        if day is not None and day < self.published:
            self.speech = (s.paragraph, s.idx, day)
            return day
        if (
            self.speech is not None
            and self.speech[:2] == (s.paragraph, s.idx - 1)
            and QUOTE_MARK.search(s.text)
        ):
            self.speech = (s.paragraph, s.idx, self.speech[2])  # the quote goes on
            return self.speech[2]
        return self._said_in_the_report_before(s)

    def _said_in_the_report_before(self, s: Sentence) -> dt.date | None:
        """The day of the report the sentence before gave, when this one goes on with it ("Russia's Defense
        Ministry said on Thursday that ... It added that Russian aircraft had struck ..."), or None."""
        if s.idx == 0 or not GOES_ON_WITH_THE_REPORT.match(s.text):
            return None
        a, b = self.sentences[s.idx - 1]
        if "\n\n" in self.text[b : s.start]:
            return None  # (another paragraph)
        own = sentence_time(self.text[a:b], self.published).own
        return own.date if own is not None and own.reported and own.date < self.published else None

    def _later_than_the_background(self, s: Sentence, time: SentenceTime) -> SentenceTime:
        """The sentence's time, background when it opens as so long after the background sentence before it in its
        paragraph ("The roots go back to 2014, when Russia annexed Crimea. Weeks later, separatists seized
        buildings in Donetsk"); the sentence's status is noted for the next one."""
        if (
            time.is_news
            and time.own is None
            and self.last_status == (s.paragraph, s.idx - 1, "background")
            and _LATER_THAN_BEFORE.match(s.text)
        ):
            time = SentenceTime("background", None, "told as so long after the background before it")
        self.last_status = (s.paragraph, s.idx, time.status)
        return time

    def _retold(self) -> Draft:
        """The event a "The strike came ... after" sentence names again: the last one told in a main clause."""
        for d in reversed(self.drafts):
            b0, b1 = self.sentences[d.sentence_index]
            if not opens_with_a_retold_event(self.text[b0:b1]):
                return d
        return self.drafts[-1]

    def _day_before(self, s: Sentence) -> dt.date | None:
        """The day "hours later", "the same day" count from: the account's, else the day the sentence before
        it in its paragraph named ("Syrskyi announced early on Feb. 17 that troops were withdrawing. Hours
        later, Moscow claimed the town")."""
        if self.carried is None and _OPENS_ON_THE_NEXT_DAY.match(s.low) and self.drafts:
            last = self.drafts[-1]  # (across a paragraph break: the story goes on from its last account)
            return last.date if last.date_explicit and not last.date_reported else None
        if self.carried is not None or not _SAME_DAY_AS_BEFORE.search(s.low):
            return self.carried
        return self._day_named_before(s)

    def _day_named_before(self, s: Sentence) -> dt.date | None:
        """The first day the sentence right before this one, in its paragraph, named."""
        if s.idx == 0:
            return None
        b0, b1 = self.sentences[s.idx - 1]
        if "\n\n" in self.text[b0 : s.start]:
            return None
        days = [d for d in find_dates(self.text[b0:b1], self.published) if d.precision == 1]
        return days[0].date if days else None

    def _note_the_countrys_day(self, time: SentenceTime, triggers: list[Trigger]) -> None:
        """Keep the day of a barrage over the whole country (one day named, "across Ukraine"): the strikes told
        after it without a day of their own are its strikes ("In Kyiv, missiles landed during the morning rush
        hour"). A strike told on a day of its own ends it: what follows may be that day's."""
        if not any(t.event_type == "Explosions/Remote violence" for t in triggers):
            return
        if time.status == "nationwide" and time.own is not None:
            self.country_day = time.own
        elif (
            time.own is not None
            and time.own.explicit
            and self.country_day is not None
            and time.own.date != self.country_day.date
        ):
            self.country_day = None

    def _clause_time(self, s: Sentence, c: Sentence, time: SentenceTime) -> SentenceTime:
        """The time of a clause read apart from its sentence: its own date when it names one ("..., and the
        fighters in Mariupol said on Sunday that attacks continued"), else the sentence's."""
        if c.text == s.text or time.own is None:
            return time
        own = sentence_time(c.timed, self.published, self.carried, cues=time).own
        return replace(time, own=own) if own is not None and own.explicit else time

    def _note_the_leads_day(self, s: Sentence, time: SentenceTime) -> None:
        """A news story whose lead sentence names a recent day of its own reports that day: it is the news day. (A
        standfirst that dates an earlier event — "stepped up its air campaign after an attack on Belgorod on
        December 30" — is passed over for the sentence after it.)"""
        if self.lead_read or len(s.text.split()) < 6:
            return  # (a dateline alone, "BRYANSK, June 12.", is no lead)
        own = time.own
        earlier = own is not None and _DATES_AN_EARLIER_EVENT.search(s.text, 0, max(own.start, 0)) is not None
        # (a lead told from the reader's today — "Millions woke up on Thursday in cold flats after strikes the day
        # before" — leaves the attack's day to the sentence after it: "10 people were killed in Wednesday's strikes")
        today = own is not None and own.date == self.published and own.explicit
        self.lead_read = not (earlier or today) or self.lead_passed
        self.lead_passed = True
        if (
            self.kind == NEWS
            and not earlier
            and time.status in ("news", "aggregate")
            and own is not None
            and own.explicit
            and not own.reported
            and own.precision == 1
            and dt.timedelta(0) < self.published - own.date <= NEWS_WINDOW
        ):
            self.lead_day = own.date
            if self.barrage is not None and self.barrage.date == self.published:
                # the lead told today's: the lead's attack is of the day the story names next
                self.barrage.date, self.barrage.precision = own.date, 1

    def _toll_of(self, s: Sentence) -> Draft | None:
        """The event a toll update names again ("The number of dead rose to 29", "The death toll climbed to 12"):
        the last one told, in this paragraph or the one before, when it hurt people or can have; None otherwise."""
        if (
            not self.drafts
            or not TOLL_UPDATE.search(s.text)
            or any(m.entity_type == "country" for m in s.own)
        ):
            return None  # (a country's toll is a running total: "the UN civilian death toll in Ukraine rose to ...")
        last = self.drafts[-1]
        if s.paragraph - last.paragraph > 1 or last.trigger.event_type not in _HARMFUL:
            return None
        return last

    def _one_regions_day(self, s: Sentence) -> bool:
        """A count of the past day in one region ("Russian strikes on Zaporizhzhia Oblast killed two people over
        the past day") or at one settlement: that place's event of the day, not a roundup of many places."""
        if not aggregate_only_by_the_past_day(s.text) or WIDE_FRONT.search(s.text):
            return False
        regions = regions_told(s, self.placed)
        if not regions:
            # "over the past day, units ... prevented attempts to break through near the settlement of Tolpino": one
            # settlement the gazetteer lacks, named as one — that place's day
            return unknown_settlement(s.own, s.text, s.start) is not None
        if len(regions) == 1 or self._one_region_named_with_villages(s):
            return True
        if all(m.entity_type == "place" for m in s.own if region_of(m) in regions) and any(
            t.event_type == "Battles" for t in find_triggers(s.text, s.low)
        ):
            # ... or the fighting at each named settlement ("repelled attacks near Avdiivka and Kupiansk over the past
            # day"): a front's daily claim, sector by sector — not strikes on many places tallied together
            return True
        # ... or one region's day in each of its clauses ("its troops repelled attempts to break through near
        # Olgovka in the Kursk region over the past day, and struck Ukrainian reserves in the Sumy region")
        spans = clause_spans(s.text)
        return len(spans) >= len(regions) and all(
            len(regions_told(self._part(s, a, b), self.placed)) <= 1 for a, b in spans
        )

    def _one_region_named_with_villages(self, s: Sentence) -> str | None:
        """The one first-level region a sentence names as such, when its other places are villages — which many
        settlements' names are, so they are read there ("In the Kursk Region, ... near the settlement of Olgovka"
        is not Kherson's Olhivka); None otherwise."""
        named = {
            m.entity_id
            for m in s.own
            if m.entity_type == "region" and may_be_where_it_happened(m, s.text, s.start)
        }
        others = [m for m in s.own if m.entity_type == "place" and not names_a_government(m, s.text, s.start)]
        if len(named) != 1 or not all(self._a_village(m) or m.method == "provisional" for m in others):
            return None
        return next(iter(named))

    def _in_a_past_paragraph(self, s: Sentence, time: SentenceTime) -> SentenceTime:
        """A sentence dated before the news window ("Day 24: Saturday 19 March. Mariupol theatre struck ...")
        begins an account of that time: the undated sentences in the past tense told right after it in its
        paragraph, at no place it did not name, are background too, not the news day's; the present tense or
        another place returns to the news."""
        places = {m.entity_id for m in s.own if m.entity_type in ("place", "region")}
        if time.status == "background" and time.own is not None:
            self.past_paragraph = (s.paragraph, s.idx, places)
        elif (
            time.status == "news"
            and time.own is None
            and self.past_paragraph[0] == s.paragraph
            and s.idx - self.past_paragraph[1] <= _PAST_SPAN
            and not _PRESENT.search(s.text)
            and places <= self.past_paragraph[2]  # a place of its own: another item, not that account
        ):
            return SentenceTime("background", None, "told right after a sentence about an earlier time")
        return time

    def _date(
        self,
        s: Sentence,
        time: SentenceTime,
        trig: Trigger,
        sub: str,
        admin1_iso,
        effect_day: EventDate | None,
    ) -> EventDate:
        """The event's date: its sentence's own, else the day of the account it goes on with (in the same
        region), of the casualties told just before it, of the lead attack (an interception), or the news day
        (the day before when told in the past perfect of a report, or in a live blog)."""
        if (back := self._counted_back(s, time, trig)) is not None:
            return back
        if time.own is not None and in_a_later_relative_clause(s.text, trig.end, time.own.start):
            # "... had taken the town, extending the counteroffensive that swept them out earlier this month"
            time = replace(time, own=None)
        if time.own is not None:
            return time.own
        if effect_day is not None:
            return effect_day
        if (told := self._day_of_what_came_before(s, trig, sub)) is not None:
            return told
        # a date carries over the sentences of one account: not to an event in another region
        same_account = self.carried_at is None or admin1_iso is None or admin1_iso == self.carried_at
        return event_time(
            time,
            self.carried if same_account else None,
            self.lead_day or self.published,
            # a live blog's page is dated the day it opens, and what it tells without a day is mostly the day
            # and night before (its first entries, its "what we know" rundowns): of the dev gold's Guardian
            # tier-1 rows, 44 of 55 accept the day before, 39 the page's day, 12 only the day before, 7 only its day
            # (an entry stamped in the afternoon tells that day's news: "14:15 — A Russian drone struck a bus")
            self.lead_day is None
            and (
                told_before_the_report(s.text, trig.start)
                or self.kind == LIVE
                and not (self.entry_hour is not None and self.entry_hour >= 12)
            ),
        )

    def _counted_back(self, s: Sentence, time: SentenceTime, trig: Trigger) -> EventDate | None:
        """The day of an event told as so long before another ("a day after Ukrainian forces rolled into the
        city", "The strike came hours after ..."), or None."""
        if time.own is None and self.drafts and after_a_retold_event(s.text, trig.start):
            # "The strike came less than 24 hours after missiles hit Kremenchuk": back from the strike's day
            told = self._retold()
            shift = days_before_the_anchor(s.text, trig.start)
            return EventDate(told.date - dt.timedelta(days=shift), 1, told.date_explicit)
        if (shift := days_before_the_anchor(s.text, trig.start)) and (
            time.own is None or time.own.start < trig.start
        ):
            # "on Saturday, a day after Ukrainian forces rolled into the city": the day before the sentence's
            # (a day named after the event word is the event's own: "a day after a strike killed four early
            # Thursday")
            base = time.own or EventDate(self.published, 1, False)
            return EventDate(base.date - dt.timedelta(days=shift), 1, base.explicit, base.start)
        return None

    def _day_of_what_came_before(self, s: Sentence, trig: Trigger, sub: str) -> EventDate | None:
        """The day of an undated strike or interception that belongs to weapons told before it: the barrage over
        the country, the weapons the sentence before counted, the story's lead attack; or None."""
        if (
            self.carried is None
            and self.country_day is not None
            and (trig.event_type == "Explosions/Remote violence" or sub == "Disrupted weapons use")
        ):
            # one of the strikes of the barrage told before it, or its weapons downed over a place ("In Kyiv, air
            # defenses destroyed several incoming missiles in the morning")
            return replace(self.country_day, explicit=False)
        if sub == "Disrupted weapons use" and PARTITIVE.search(s.text) and (day := self._day_named_before(s)):
            # "Russia attacked with 16 drones overnight on Feb. 19 ... Fourteen of them were shot down"
            return EventDate(day, 1, True)
        if self.drafts and _IN_THAT_ATTACK.search(s.text):
            # "... said it had shot down six missiles and 21 drones during that attack": the attack told before
            last = self.drafts[-1]
            return EventDate(last.date, last.precision, last.date_explicit, reported=last.date_reported)
        if sub == "Disrupted weapons use" and self.barrage is not None:
            # "Air defences shot down 31 of them": the lead attack's weapons, on its day
            return EventDate(self.barrage.date, self.barrage.precision, self.barrage.date_explicit)
        return None

"""Sentences + resolved mentions → ACLED-style event rows with provenance.

One sentence can hold several events (different sub-types at different places); consecutive sentences in
a paragraph that continue one event ("one rocket struck a place where ...", "It said most were shot
down") are merged into it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from dataclasses import replace

from transforms.events.actors import (
    ACTOR_FORCES,
    CIVILIAN,
    PARTISANS,
    UNIDENTIFIED_FORCES,
    UNQUALIFIED_COMMAND,
    WITHDRAWER,
    acled_actor1,
    acled_actor2,
    attacker_side,
    forces_struck,
    interceptor_side,
    other_side,
    outlet_side,
    repelled_side,
    side_of,
    taker_side,
)
from transforms.events.casualties import casualties, toll_count
from transforms.events.continuation import Continuation
from transforms.events.conventions import aircraft_downed_as, coded_in_a_story, territory_change
from transforms.events.dates import EventDate, find_dates
from transforms.events.discourse import fold_vague_tellings, merge_retold
from transforms.events.draft import Draft, event_key, fold, larger_count
from transforms.events.frames import (
    clause_spans,
    fronted_clause_end,
    main_clause_first,
    proximity_parts,
    told_in_an_aside,
    without_closed_asides,
)
from transforms.events.genre import NEWS, NOTE, has_news_day, story_kind
from transforms.events.interception import Interceptions
from transforms.events.numbers import weapon_quantity
from transforms.events.places import (
    after_dateline,
    coherent,
    compared_with,
    describes_what_follows,
    in_a_speakers_title,
    is_unplaced,
    names_a_government,
    names_a_group,
    names_a_river,
    placed_against_the_gazetteer,
    referred_back,
    refers_back,
    says_after,
    site_of,
    speaking_authority,
    speaking_state,
)
from transforms.events.prefilter import Prefiltered
from transforms.events.reading import TERRITORY_CHANGES, Decision, Frame, Sentence, region_of, regions_told
from transforms.events.roundup import (
    DAMAGED,
    DEBRIS_DAMAGE,
    attach_follow_up,
    attack_by_weapon,
    become_clash,
    debris_hit,
    downed_per_region,
    force_on_protesters,
    lead_attack,
    list_events,
    local_impact,
    split_per_place,
)
from transforms.events.story_place import StoryPlace
from transforms.events.story_time import StoryTime
from transforms.events.structure import datelines, filed_on, is_quote, paragraphs, reprint_start, stamp_hour
from transforms.events.temporal import (
    UNDATED,
    SentenceTime,
    judicial,
    nearest_date,
    sentence_time,
    spoken_on,
    told_as_ongoing,
    without_a_news_day,
)
from transforms.events.triggers import (
    CAUSE_STATED,
    Trigger,
    aggregate_only_by_habit,
    aircraft_downed,
    counts_the_past_day,
    downed_by_aircraft,
    find_triggers,
    tells_aircraft_downed,
)
from transforms.names.keys import norm
from transforms.names.registry import load_registry
from transforms.names.resolve import Mention, region_id
from transforms.schema import EXTRACTOR_VERSION

# ACLED's first-level units where they differ from ISO 3166-2: Sevastopol is coded in Crimea
ACLED_ADMIN1 = {"UA-40": "UA-43"}


_WEAPON_WORD = re.compile(
    r"\b(?:drones?|UAVs?|Shaheds?|missiles?|rockets?|shells?|artillery|bombs?|munitions?|mortars?|weapons|"
    r"projectiles)\b",
    re.I,
)
_EVACUATED = re.compile(r"\bevacuat(?:ed|ion)\b|\bdisplace(?:d|ment)\b|\bfled\b", re.I)
_WITHDRAWAL = re.compile(
    r"\b(?:withdr(?:ew|awn|awal)|retreat(?:ed)?|departed|abandoned|left (?:the|their|its))\b", re.I
)
# a sentence opened by where it happened: "In Antonivka, ...", "In the village of Bilozerka, ..."
_OPENED_BY_A_PLACE = re.compile(
    r"(?:In|At|Near)\s+(?:the\s+(?:village|town|city|settlement)\s+of\s+)?(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)?,\s"
)
# a statement told before, continued: "The ministry also claimed that ..."
_ALSO_SAID = re.compile(r"\balso\s+(?:said|claimed|reported|stated|announced|wrote|added)\b", re.I)
# a withdrawal word where a territory change's trigger begins
_WITHDRAWN = re.compile(r"(?:(?:had|have|has)\s+)?(?:withdr|retreat|left|pulled|departed|abandoned)", re.I)
_NO_FIGHTING = re.compile(
    r"\bno information on whether fighting took place|\bwithout (?:a )?fight(?:ing)?\b", re.I
)
_FIGHTING = re.compile(
    r"\b(?:clash\w*|fight(?:s|ing)?|fought|battles?|assault\w*|storm\w*|shell\w*|(?:counter-?)?offensive\w*)\b",
    re.I,
)


# a story's lead: the sentences that tell its news; a lead attack is told there
LEAD_SENTENCES = 3
# the words a sentence counting casualties has (a local impact of the lead attack is read only then)
_COUNTS_PEOPLE = re.compile(r"kill|dead|died|death|injur|wound|hurt|bod(?:y|ies)")
# an attack aimed at a country as a whole: "air attacks on Ukraine's energy system", "a barrage against Ukraine"
_COUNTRY_TARGET = re.compile(
    r"\b(?:attacks?|strikes?|barrages?|bombardment|assault)\s+(?:on|against)\s+(Ukraine|Russia)(?:['’]s\b|\b)"
)


# what strikes on civilians hit
_CIVILIAN_TARGET = re.compile(
    r"\b(?:residential|homes|houses|apartment (?:blocks|buildings)|hospitals?|schools?|civilian (?:areas|infrastructure|objects|targets))\b",
    re.I,
)


# a sentence that may carry a date of its own (a month named: the cheap look before reading its dates)
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?)"
)
# a sentence that names a day: its date is read even when a cue word alone would make it no news ("in the
# region occupied since the first days of the invasion, forces fired rockets at the bridge on Monday")
_MAY_BE_DATED = Prefiltered(
    re.compile(
        rf"\b\d{{1,2}}\s+{_MONTHS}\b|\b{_MONTHS}\.?\s+\d|\b(?:in|since|during)\s+{_MONTHS}\b|"
        r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
    )
)


# civilians killed or hurt at a place with no event word of their own: a strike there, by a weapon not named
HARM_BY_AN_UNNAMED_WEAPON = Trigger(
    "Explosions/Remote violence", "Shelling/artillery/missile attack", None, 0, 0, 0.5
)


# a place named to locate the place before it: "Dergachi, on the outskirts of Kharkiv", "Irpin, near Kyiv"
_LOCATES_THE_PLACE_BEFORE = re.compile(
    r"\w,\s+(?:on the outskirts of|outside|near|just (?:north|south|east|west) of|"
    r"(?:\d+\s*(?:km|kilometres|kilometers|miles)\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of)\s+(?:the\s+)?(?:city\s+of\s+)?$"
)


# what people said or did at a meeting: a day of theirs, not the time of an account of the war
_SPOKEN_OR_MET = re.compile(
    r"\b(?:spoke|speaks|said|says|told|met|meets|visited|visits|announced|addressed|signed|arrived|held talks|"
    r"telephoned|called)\b",
    re.I,
)


class StoryReader(StoryTime, StoryPlace, Continuation, Interceptions):
    """Reads one article sentence by sentence: structure (paragraphs, datelines) → time → sentence frame →
    discourse (continuing, merging, splitting, a lead attack's local impacts) → ACLED's coding conventions.
    ``drafts`` are the events; ``trace`` says what became of every sentence.

    The stages that read the state kept here live in their own modules: the day of a sentence's event
    (:class:`StoryTime`), its place (:class:`StoryPlace`), a sentence that goes on telling the event before it
    (:class:`Continuation`) and interceptions (:class:`Interceptions`)."""

    def __init__(
        self,
        text: str,
        published: dt.date,
        sentences: list[tuple[int, int]],
        mentions: list[Mention],
        kind: str = NEWS,
        outlet: str | None = None,
    ):
        self.text, self.published, self.sentences, self.mentions = text, published, sentences, mentions
        self.outlet = outlet  # the side whose outlet published the story (actors.outlet_side), if any
        self.kind = kind  # news, live, feature, opinion, retrospective or note (genre.py)
        self.news_day = has_news_day(kind)  # an undated event is the story's news day's
        self.story_day = published  # the day the story itself was published
        # the day a news story's lead sentence names as its own ("On Tuesday, November 7, Russian troops fired on
        # the border areas 11 times" in a report published on the 8th): the news day of what it tells undated
        self.lead_day: dt.date | None = None
        self.lead_read = False
        self.lead_passed = False  # a standfirst about an earlier event was passed over
        # (paragraph, sentence, day) of the speech of an earlier day the story is telling or quoting
        self.speech: tuple[int, int, dt.date] | None = None
        self.drafts: list[Draft] = []
        self.trace: list[Decision] = []
        self.carried: dt.date | None = None  # the date of the account being told, within a paragraph
        self.paragraph_opened = 0  # the sentence that opened the paragraph being read
        self.carried_at: str | None = None  # and the region it is told at
        self.recent: list[tuple[int, Mention]] = []  # the settlements named so far, with their sentence
        # (paragraph, sentence, places) of the last sentence dated before the news window
        self.past_paragraph: tuple[int, int, set[str]] = (-1, -1, set())
        # the regions of the places the story named before this sentence, and in this one
        self.regions_seen: Counter = Counter()
        self.regions_now: Counter = Counter()
        self.barrage: Draft | None = None  # the story's lead attack, whose local impacts are told after it
        # the day of the last barrage over the whole country the story told ("On Monday, Russia fired 84 missiles
        # at cities across Ukraine"), which dates the undated strikes told after it
        self.country_day: EventDate | None = None
        self.weapon_context: str | None = None
        self.last_country: str | None = None
        self.speaker: tuple[int, str] | None = None  # (sentence, country) of the last state named as speaking
        self.last_status: tuple[int, int, str] | None = None  # (paragraph, sentence, time status) read last
        self.speakers: list[tuple[int, str]] = []  # (offset, country) of the states speaking in this sentence
        self.last_region: str | None = None  # the first-level region the story named last
        self.region_named_last: str | None = None  # the region of the place or region the story named last
        self.region_named_at = -1  # the sentence that named it
        self.filed_from: str | None = None  # the settlement of the story's first dateline
        self.entry_hour: int | None = None  # the hour of the live-blog entry being read, when stamped
        self.placed: dict[
            str, tuple[str, str]
        ] = {}  # norm(place name) -> (location, admin1) placed by region
        self.placeless_clash: tuple[int, int, str | None] | None = (
            None  # (paragraph, sentence, attacker side)
        )
        self.setting: tuple | None = (
            None  # the last sentence without an event: (paragraph, index, mentions, ...)
        )

    # ------------------------------------------------------------------------------ structure

    def read(self) -> list[Draft]:
        self.placed.update(self._the_storys_placements())
        for s in self._structure():
            self._read(s)
        drafts = fold_vague_tellings(self._without_counted_barrages(), _a_bare_blast, _the_blast_of, fold)
        return fold_vague_tellings(drafts, _came_under_fire, _the_attack_told_in_full, fold)

    def _without_counted_barrages(self) -> list[Draft]:
        """The events, without a barrage over the whole country whose places are told as events of their own
        after it: a country-level row besides them would count it twice (ACLED; the codebook's tier 2)."""
        out = []
        for i, b in enumerate(self.drafts):
            if b.nationwide and any(
                d.sentence_index > b.sentence_index
                and d.date == b.date
                and d.trigger.event_type == b.trigger.event_type
                for d in self.drafts
            ):
                self.trace = [
                    replace(x, outcome="rejected", reason="a barrage over the country, told by its places", event=None)
                    if x.event == i else x
                    for x in self.trace
                ]  # fmt: skip
            else:
                out.append(b)
        return out

    def _the_storys_placements(self) -> dict[str, tuple[str, str]]:
        """One sense of a place name per story: a settlement the story places in a region where the gazetteer's
        reading of the name does not lie is that region's wherever the story names it — also in a sentence that
        tells no event ("... in the settlement of Klimovo in the Bryansk Region over the past day" read as a
        round-up, then "an FPV drone attack on the settlement of Klimovo")."""
        out: dict[str, tuple[str, str]] = {}
        bounds = iter(self.sentences)
        s0, s1 = next(bounds, (0, 0))
        for m in self.mentions:
            while m.char_start >= s1 and (nxt := next(bounds, None)) is not None:
                s0, s1 = nxt
            if s0 <= m.char_start < s1 and (found := placed_against_the_gazetteer(m, self.text[s0:s1], s0)):
                out.setdefault(norm(m.surface), found)
        return out

    def _structure(self):
        """The sentences to read, with their paragraph and mentions (time stamps and bylines are skipped)."""
        paras = paragraphs(self.text)
        filed = datelines(self.text, paras)  # paragraph start -> end of its dateline
        reprint = reprint_start(self.text, paras)
        spoken = spoken_on(self.text[: reprint or 0], self.story_day)
        skipped = {p.start for p in paras if p.kind != "text"}
        stamps = {p.start for p in paras if p.kind == "timestamp"}
        paragraph, last_end, mi = 0, 0, 0
        for idx, (s0, s1) in enumerate(self.sentences):
            if spoken is not None and reprint is not None and s0 >= reprint:
                self.published = spoken  # a reprinted speech's "today" is the day it was given
            if "\n\n" in self.text[last_end:s0]:
                paragraph += 1
                self.weapon_context = self.carried = None
                self.paragraph_opened = idx
            last_end = s1
            if s0 in skipped:
                self.entry_hour = stamp_hour(self.text[s0:s1]) if s0 in stamps else self.entry_hour
                self._decide(idx, s0, s1, "rejected", "a time stamp, byline or caption")
                continue
            while mi < len(self.mentions) and self.mentions[mi].char_start < s0:
                mi += 1
            j = mi
            while j < len(self.mentions) and self.mentions[j].char_start < s1:
                j += 1
            mentions = self.mentions[mi:j]
            dateline_end = filed.get(s0, 0)
            own, filed_only = after_dateline(mentions, dateline_end)
            if dateline_end and self.filed_from is None:
                self.filed_from = next(
                    (
                        m.entity_id
                        for m in mentions
                        if m.char_start < dateline_end and m.entity_type == "place"
                    ),
                    None,
                )
            text = self.text[s0:s1]
            low = text.lower()
            self._context(idx, mentions, dateline_end, text, s0)
            filed_end = max(0, dateline_end - s0)
            yield Sentence(idx, s0, s1, text, low, paragraph, mentions, own, filed_only, filed_end)

    def _context(self, idx: int, mentions: list[Mention], dateline_end: int, text: str, s0: int) -> None:
        self.regions_seen.update(self.regions_now)
        self.regions_now = Counter()
        self.speakers = []
        before, named = None, len(self.recent)
        for m in mentions:
            if m.entity_type in ("country", "organization") and (state := speaking_state(m, text, s0)):
                if says_after(self.text, m.char_start) or self.speaker is None or self.speaker[0] != idx:
                    # "Russia's defence ministry said", "Russia claimed": who speaks — not a state named doing
                    # something after the one that speaks ("Ukraine's air force said Russia launched 117 drones")
                    self.speaker = (idx, state)
                self.speakers.append((m.char_start, state))
            elif state := speaking_authority(m, text, s0):  # "Kyiv's military administration said"
                self.speakers.append((m.char_start, state))
            elif m.entity_type == "country":
                if not describes_what_follows(m, text, s0):  # not "a US Stinger missile"
                    self.last_country = m.canonical_name
            elif m.entity_type in ("place", "region") and m.char_start >= dateline_end:
                if (
                    names_a_government(m, text, s0)
                    or names_a_river(m, text, s0)
                    or compared_with(m, text, s0)
                ):
                    before = m
                    continue  # a capital standing for its government ("held by Kyiv"), a river ("the Siverskyi
                    # Donets"), the standard of a comparison ("a complex officials compare to Mariupol's Azovstal")
                if region := region_of(m):
                    self.regions_now[region] += 1
                if m.entity_type == "region" and region:
                    self.last_region = region  # what "the region" refers back to
                if region:
                    # ... and "over the region" of an interception: a namesake settlement read in the story's
                    # regions ("the Klimovo district" in a story about the Bryansk region is Bryansk's)
                    self.region_named_last = coherent(m, (m.entity_id, region, 1), self.regions_seen)[1]
                    self.region_named_at = idx
                # not the region that places the place before it ("Mariupol, Donetsk"): "the city" is Mariupol
                qualifier = (
                    before is not None and 0 < m.char_start - before.char_end <= 2 and region_id(m.surface)
                )
                if (
                    m.entity_type == "place"
                    # a settlement the gazetteer lacks, once the story placed it ("the village of Robotyne in the
                    # Zaporizhzhia region ... the village had been liberated")
                    and (m.method != "provisional" or norm(m.surface) in self.placed)
                    and not qualifier
                    and not in_a_speakers_title(m, text, s0)
                    # not "the Azov regiment": a unit, not a place "the plant" is at
                    and not names_a_group(m, text, s0)
                    and not compared_with(m, text, s0)  # "As with Kyiv, the Russians attempted to storm ..."
                    # not "Dergachi, on the outskirts of Kharkiv": Kharkiv only locates Dergachi
                    and not _LOCATES_THE_PLACE_BEFORE.search(
                        text, max(0, m.char_start - s0 - 40), m.char_start - s0
                    )
                ):
                    self.recent.append((idx, m))
            before = m
        if len(self.recent) == named and (m := referred_back(text, self.recent, idx)) is not None:
            self.recent.append((idx, m))  # "the city" again: the story still talks of the same place
        low = text.lower()
        if "drone" in low or "shahed" in low or "uav" in low:
            self.weapon_context = "drone"
        elif "missile" in low or "rocket" in low:
            self.weapon_context = "missile"

    def _decide(self, idx: int, start: int, end: int, outcome: str, reason: str, event: int | None = None):
        if is_quote(self.text[start:end]):
            reason += " (somebody's words, in quotation marks)"
        self.trace.append(Decision(idx, start, end, outcome, reason, event))

    # ------------------------------------------------------------------------------ time and triggers

    def _read(self, s: Sentence) -> None:
        """Read a sentence at its own "now": the day a quoted speaker spoke, when the sentence tells or quotes
        a speech given on an earlier day ("During his Monday night address ... 'The most difficult situation
        today is in Donbas'"), else the story's."""
        spoken = self._spoken_day(s)
        if spoken is None:
            return self._read_now(s)
        base, self.published = self.published, spoken
        try:
            self._read_now(s)
        finally:
            self.published = base

    def _read_now(self, s: Sentence) -> None:
        time = sentence_time(s.timed, self.published, self.carried, dated=False)  # the cues first: cheap
        looked = time.is_news
        triggers = find_triggers(s.text, s.low) if looked else []
        lead = (
            self.barrage is None
            and s.idx < LEAD_SENTENCES
            and time.status in ("news", "aggregate", "nationwide")
        )
        impact = (
            self.barrage is not None
            and time.status == "news"
            and (_COUNTS_PEOPLE.search(s.low) is not None or DAMAGED.search(s.low) is not None)
        )
        habit = time.status == "aggregate" and aggregate_only_by_habit(s.text)  # a day named may make it news
        if triggers or lead or impact or habit or _MAY_BE_DATED.search(s.low, s.low):
            time = sentence_time(
                s.timed, self.published, self._day_before(s), cues=time
            )  # its date, where it matters
            time = self._in_a_past_paragraph(s, time)
            if not self.news_day:
                time = without_a_news_day(time, self.carried)
            if time.is_news and not looked:  # a habit word, and a day named: that day's event
                triggers = find_triggers(s.text, s.low)
            triggers = triggers if time.is_news else []
        if time.status == "aggregate" and self._one_regions_day(s):
            time = SentenceTime("news", time.own)  # one region's past day: that region's event of the day
            triggers = find_triggers(s.text, s.low)
        if (later := self._later_than_the_background(s, time)) is not time:
            time, triggers = later, []
        reason = None if time.status in ("news", "nationwide") else time.status
        self._note_the_leads_day(s, time)
        if not time.is_news:
            self.carried = None  # background does not date what is told after it
        if (
            time.own is None
            and self.lead_day is not None
            and self.published - self.lead_day > dt.timedelta(days=1)
            and counts_the_past_day(s.text)
            and not _ALSO_SAID.search(s.text)
        ):
            # "Meanwhile, the governor reported that over the past day Russian forces carried out 412 attacks ...",
            # after a lead about Saturday's strike in a Monday story: a report of the past day makes the report's
            # day the news day of the items told after it, not the lead's older day nor the account before (a
            # statement told before and continued — "The ministry also claimed ... over the past day" — keeps its day)
            self.carried, self.carried_at, self.lead_day = None, None, None
        if reason == "demand" and triggers and triggers[0].event_type != "Protests":
            triggers = []  # "urged", "called for" outside a protest: a statement, not an event
        if self.barrage is None and reason in (None, "aggregate") and s.idx < LEAD_SENTENCES:
            self.barrage = lead_attack(triggers or find_triggers(s.text, s.low), s.text, time, self.published)
        if (
            reason is None
            and not (triggers and triggers[0].sub_event_type == "Arrests")
            and judicial(s.text, s.low)
        ):
            reason, triggers = "judicial", []  # a trial tells of an event of its own time, told elsewhere
        if triggers and not coded_in_a_story(triggers[0].sub_event_type, s.text, self.kind):
            triggers = [t for t in triggers if t.sub_event_type != "Other"]
            reason = reason if triggers else "humanitarian"
        if not triggers:
            self._no_event(s, time, reason)
            return
        self._note_the_countrys_day(time, triggers)
        if time.own is None and _told_as_the_time(s.text, triggers):
            self._no_event(s, time, "as_a_time")  # "When the dam was blown up ..., he blamed Ukraine"
            return
        main = main_clause_first(s.text, [t.start for t in triggers])
        triggers = [t for t, keep in zip(triggers, main, strict=True) if keep]
        for c, c_triggers in self._clauses(s, triggers):
            frame = self._frame(c, self._clause_time(s, c, time), c_triggers)
            if not self._continues(c, frame):
                self._new_event(c, frame)

    def _clauses(self, s: Sentence, triggers: list[Trigger]) -> list[tuple[Sentence, list[Trigger]]]:
        """(the sentence, its triggers), or each of its clauses with theirs when two or more clauses tell an
        event at a place of their own (frames.py)."""
        if (aside := self._event_of_an_aside(s, triggers)) is not None:
            # "the pullback from Balakliia, which Kyiv said it had recaptured on Thursday, ...": the place the aside
            # describes, with what the aside tells of it
            a, b = aside
            return [(self._part(s, a, b), [replace(t, start=t.start - a, end=t.end - a) for t in triggers])]
        main = fronted_clause_end(s.text)
        if main is not None and all(t.start >= main for t in triggers):
            # "As the battle for Mariupol ground on, Russia claimed villages elsewhere": the main clause's event
            # is placed by the main clause, not by the frame put before it
            return [
                (
                    self._part(s, main, len(s.text)),
                    [replace(t, start=t.start - main, end=t.end - main) for t in triggers],
                )
            ]
        spans = clause_spans(s.text)
        harm = self._harm_apart(s, spans, triggers)
        parts = []
        for a, b in spans:
            own = [m for m in s.own if s.start + a <= m.char_start < s.start + b]
            found = [
                replace(t, start=t.start - a, end=t.end - a) for t in triggers if a <= t.start and t.end <= b
            ] or harm.get((a, b), [])
            fighting_there = (
                parts and found and found[0].sub_event_type == "Armed clash" and refers_back(s.text[a:b])
            )
            # a clause that names its place by referring back to a sentence before ("claimed Friday that its troops
            # had completed the capture of the town, but ... said Sunday that battles were still going on in
            # Soledar"): its own event, on its own day — not one referring to a clause before it in the sentence
            # ("withdrew from Kozacha Lopan, and Ukrainian forces took control of the village")
            referred = (
                bool(found)
                and bool(self.recent)
                and len(spans) > 1
                and not parts
                and refers_back(s.text[a:b])
            ) or (
                # "... said the block had been hit by fragments of a missile that had been shot down, and that air
                # defences had downed 22 rockets over the region": the cause of the harm told just before, placed
                # there, and the clause after it an event of its own
                bool(found)
                and len(spans) > 1
                and not parts
                and CAUSE_STATED.search(s.text, a, b) is not None
                and self._effect_told_first(s) is not None
            )
            if (
                not any(m.entity_type in ("place", "region") for m in own)
                and not fighting_there
                and not referred
            ):
                # a clause with no place of its own is read with its sentence — unless it tells fighting at the
                # place the clause before named ("took Lyman, with the governor saying there was heavy fighting
                # around the city"): the battle and the change of hands are two rows
                continue
            if found:
                parts.append((self._part(s, a, b), found))
        if len(parts) > 1:
            # a clause may itself tell events of different kinds each beside its own place ("intense fighting
            # raged in the east, Odesa came under bombardment again, and ...")
            return [q for part in parts for q in self._near(*part)]
        return self._near(s, triggers)

    def _harm_apart(
        self, s: Sentence, spans: list[tuple[int, int]], triggers: list[Trigger]
    ) -> dict[tuple[int, int], list[Trigger]]:
        """The clauses with no event word that count civilians killed or hurt in a region no clause with an event
        word names ("Two railway workers were killed in Dnipro, ... while in Kyiv, fragments of a downed missile
        damaged a building"): each its own strike, as ACLED codes harm by an unnamed weapon — {span: [trigger]}."""
        if len(spans) < 2 or self.kind == NOTE:
            return {}
        told, counted = set(), {}
        for a, b in spans:
            regions = regions_told(self._part(s, a, b), self.placed)
            if any(a <= t.start and t.end <= b for t in triggers):
                told |= regions
                continue
            killed, injured, victims = casualties(s.text[a:b])
            if regions and (killed or injured) and (CIVILIAN.search(victims) or "people" in victims):
                counted[(a, b)] = regions
        return {span: [HARM_BY_AN_UNNAMED_WEAPON] for span, regions in counted.items() if not regions & told}

    def _event_of_an_aside(self, s: Sentence, triggers: list[Trigger]) -> tuple[int, int] | None:
        """(start, end) of a place and the aside describing it (``frames.told_in_an_aside``) when the aside tells
        an event on a day of its own; None when it names no day, or when the sentence around it counts the harm
        it caused ("Two were killed in Kupiansk, which came under shelling on Monday": one event, read whole)."""
        aside = told_in_an_aside(s.text, [t.start for t in triggers])
        if aside is None or not any(
            d.explicit for d in find_dates(s.text[aside[0] : aside[1]], self.published)
        ):
            return None
        killed, injured, _ = casualties(s.text[: aside[0]] + s.text[aside[1] :])
        return aside if not (killed or injured) else None

    def _near(self, s: Sentence, triggers: list[Trigger]) -> list[tuple[Sentence, list[Trigger]]]:
        """The sentence (or clause) cut by ``_by_proximity``, else itself whole."""
        near = self._by_proximity(s, triggers) if self.kind != NOTE and len(triggers) > 1 else []
        return near or [(s, triggers)]

    def _by_proximity(self, s: Sentence, triggers: list[Trigger]) -> list[tuple[Sentence, list[Trigger]]]:
        """The parts ``frames.proximity_parts`` cuts a sentence into, with their event words, that have a place
        of their own (an account placed only by a country or area gives no row); [] when nothing parts it."""
        anchors = [
            (m.char_start - s.start, m.char_end - s.start, _where(m))
            for m in s.mentions
            if m.entity_type in ("place", "region", "country", "area")
            and m.char_start - s.start >= s.filed_end  # (a dateline's names: where the story was filed)
            and not names_a_government(m, s.text, s.start)  # "Moscow claimed": a speaker, not a place
            and not names_a_group(m, s.text, s.start)  # "Ukraine's army said": the actor
            and not in_a_speakers_title(m, s.text, s.start)
            and not compared_with(m, s.text, s.start)  # "... since they abandoned the area around Kyiv"
        ]
        strong = [(t.start, t.end, (t.event_type, t.sub_event_type)) for t in triggers if t.strength > 0.6]
        out = []
        for a, b, where in proximity_parts(s.text, strong, anchors):
            found = [
                replace(t, start=t.start - a, end=t.end - a) for t in triggers if a <= t.start and t.end <= b
            ]
            if found and where not in _NO_PLACE:
                out.append((self._part(s, a, b), found))
        return out

    @staticmethod
    def _part(s: Sentence, a: int, b: int) -> Sentence:
        """The clause ``s.text[a:b]`` of a sentence, as a sentence of its own with its own names."""
        text = s.text[a:b]
        mentions = [m for m in s.mentions if s.start + a <= m.char_start < s.start + b]
        own = [m for m in s.own if s.start + a <= m.char_start < s.start + b]
        filed_end = max(0, s.filed_end - a)
        return replace(
            s,
            start=s.start + a,
            end=s.start + b,
            text=text,
            low=text.lower(),
            mentions=mentions,
            own=own,
            filed_end=filed_end,
        )

    def _no_event(self, s: Sentence, time, reason: str | None) -> None:
        """A sentence with no event word of its own: a local impact of the lead attack, a follow-up of the event
        just told (its casualties), or the scene of the next."""
        prev = self.drafts[-1] if self.drafts else None
        follows = prev is not None and prev.paragraph == s.paragraph and s.idx - prev.sentence_index <= 2
        opens = (
            s.idx == self.paragraph_opened
            and time.own is not None
            and not time.own.reported
            # (not "The governor spoke to reporters on Tuesday": no account's time)
            and not _SPOKEN_OR_MET.search(s.text)
        )
        if (not self.news_day or opens) and reason is None and time.own is not None and time.own.explicit:
            # a story with no news day told by dated entries ("Day 97: Tuesday 31 May. Russia gaining ground
            # ..."), or a paragraph opened by its time ("The heaviest blow came on the night from Tuesday to
            # Wednesday."): that day dates the account that follows it in its paragraph
            self.carried = time.own.date
        if reason is None and (told := self._toll_of(s)) is not None:
            # "The number of dead rose to 29 by Sunday afternoon": the toll of the event the story just told, also
            # across a paragraph break
            killed, injured, _ = casualties(s.text)
            killed = killed or toll_count(s.text)
            told.fatalities = larger_count(told.fatalities, killed) if killed else told.fatalities
            told.injuries = larger_count(told.injuries, injured) if injured else told.injuries
            told.extend(s.idx, s.end, s.text)
            self._decide(s.idx, s.start, s.end, "continues", "the toll of the event told before",
                         self.drafts.index(told))  # fmt: skip
            return
        if reason is None and self.barrage is not None and not follows:
            impact = local_impact(self.barrage, s.text, s.start, s.idx, s.paragraph, s.own, self.placed, time)
            if impact is not None:  # "In the Ternopil region, a man was killed when debris fell on his house"
                self.drafts.append(impact)
                self.drafts[-1:-1] = list_events(impact, s.text, s.start, s.own, self.regions_seen)
                self._decide(s.idx, s.start, s.end, "local impact",
                             "casualties or damage at a place after the lead attack", len(self.drafts) - 1)  # fmt: skip
                return
        item = self._next_item(s, prev, time, reason) if follows else None
        if item is not None:
            # "In Beryslav, a man died when a shell hit his yard. In Antonivka, two were wounded."
            self.drafts.append(item)
            self._decide(s.idx, s.start, s.end, "local impact",
                         "casualties at a settlement of its own, the next item of a roundup", len(self.drafts) - 1)  # fmt: skip
            return
        elsewhere = self._casualties_elsewhere(s, prev, time, reason) if follows else None
        if elsewhere:  # "At least seven civilians were killed in the Luhansk region and in Mykolaiv"
            self.drafts.extend(elsewhere)
            self._decide(s.idx, s.start, s.end, "local impact",
                         "casualties at places of their own, not the event just told", len(self.drafts) - 1)  # fmt: skip
            return
        if elsewhere is None and attach_follow_up(self.drafts, s.idx, s.paragraph, s.end, s.text, reason):
            self._decide(
                s.idx,
                s.start,
                s.end,
                "continues",
                "part of the account of the event before",
                len(self.drafts) - 1,
            )
        else:
            self._decide(s.idx, s.start, s.end, "rejected", _REASONS.get(reason, reason or "no event word"))
        # read only if the next sentence tells an event without a place
        self.setting = (s.paragraph, s.idx, s.mentions, s.text, s.start, reason)

    def _next_item(self, s: Sentence, prev: Draft, time, reason: str | None) -> Draft | None:
        """A sentence opened by a settlement of its own ("In Antonivka, two residents sustained shrapnel wounds")
        that counts casualties right after a strike at another settlement: the next item of a roundup, a strike of
        the same kind there — not the toll of the strike before. None otherwise."""
        opened = _OPENED_BY_A_PLACE.match(s.text)
        if (
            opened is None
            or reason is not None
            or self.kind == NOTE
            or prev.trigger.event_type != "Explosions/Remote violence"
            or prev.location_id is None
        ):
            return None
        own = [m for m in s.own if m.char_start - s.start < opened.end() and m.entity_type == "place"]
        if len(own) != 1 or site_of(own[0].entity_id) == prev.location_id:
            return None
        killed, injured, victims = casualties(s.text)
        if not (killed or injured) or not (CIVILIAN.search(victims) or "people" in victims):
            return None
        return local_impact(prev, s.text, s.start, s.idx, s.paragraph, own, self.placed, time)

    def _casualties_elsewhere(self, s: Sentence, prev: Draft, time, reason: str | None) -> list[Draft] | None:
        """A count of casualties right after an event, at places of which one lies in another region than the
        event's: not that event's toll. Civilians killed or hurt there are each place's strike (ACLED codes harm
        to civilians by an unnamed weapon as remote violence): the events; [] when the count is nobody's event
        (no place to put it); None when the sentence may be the event's follow-up."""
        if reason is not None or prev.admin1_iso is None or self.kind == NOTE:
            return None
        regions = regions_told(s, self.placed)
        if not regions - {prev.admin1_iso}:
            return None
        killed, injured, victims = casualties(s.text)
        if not (killed or injured):
            return None
        if not CIVILIAN.search(victims) and "people" not in victims:
            return None  # soldiers counted along a front: the battle's toll, read as its follow-up
        strike = prev
        if prev.trigger.event_type != "Explosions/Remote violence":
            strike = replace(prev, trigger=HARM_BY_AN_UNNAMED_WEAPON, actor2=None)
        out = []
        for region in sorted(regions):  # one strike per region named; a toll told for them all is no one's
            own = [m for m in s.own if region_of(m) == region]
            impact = local_impact(strike, s.text, s.start, s.idx, s.paragraph, own, self.placed, time)
            if impact is not None and len(regions) > 1:
                impact.fatalities, impact.injuries = None, None
            out += [impact] if impact is not None else []
        return out

    # ------------------------------------------------------------------------------ the sentence frame

    def _frame(self, s: Sentence, time, triggers: list[Trigger]) -> Frame:
        first = triggers[0]
        if first.sub_event_type == "Attack" or (
            first.sub_event_type == "Looting/property destruction"
            and s.text[first.start : first.start + 4] == "set "
        ):
            # people killed, or buildings set on fire, by a strike the sentence names: remote violence
            first = next(
                (t for t in triggers if t.event_type == "Explosions/Remote violence" and t.strength >= 0.6),
                first,
            )
        trig, owner = refine_trigger(first, s.text, self.kind)
        weapon = trig.weapon or next((t.weapon for t in triggers if t.weapon), None)
        sub = trig.sub_event_type
        killed, injured, victims = casualties(s.text)
        if trig.strength <= 0.6 and trig.event_type == "Explosions/Remote violence":
            lead = self.barrage
            if weapon is None and lead is not None and killed and lead.fatalities == killed:
                # "Sixty people have been killed after a village school took a direct hit in a Russian air raid
                # ... As a result of a Russian strike on Bilohorivka, about 60 people were killed": the lead's
                # attack, told again with its place — armed as the lead armed it
                weapon, sub = lead.weapon, lead.trigger.sub_event_type
            weapon = weapon or self.weapon_context
            if weapon == "drone":
                sub = "Air/drone strike"
        effect = self._effect_told_first(s) if not (killed or injured) else None
        if effect is not None:  # "A driver was killed on Friday. They had come under fire near X."
            killed, injured = effect[:2]
            victims = casualties(self.setting[3])[2]  # who they were: told with the harm
        loc_id, admin1_iso, geo, country, word = self._place(s, trig, bool(killed or injured))
        date = self._date(s, time, trig, sub, admin1_iso, effect[2] if effect else None)
        qty = weapon_quantity(s.text)
        quantity = qty[0] if qty and qty[1] not in ("soldiers", "troops", "servicemen") else None
        if trig.sub_event_type == "Other" and qty:
            quantity = qty[0]
        side, sub = self._side(s, trig, sub, owner, country)
        target = _COUNTRY_TARGET.search(s.text) if s.filed_only else None
        if target is not None and trig.event_type == "Explosions/Remote violence":
            # "air attacks on Ukraine's energy system" under a "KYIV —" dateline: the whole country, not the
            # city the story was filed from
            loc_id, admin1_iso, geo, country = None, None, None, target.group(1)
        nationwide = (
            (time.status == "nationwide" or target is not None)
            and trig.event_type == "Explosions/Remote violence"
            and is_unplaced(loc_id, admin1_iso)
        )
        if nationwide:  # "after Friday's missile attacks across the country": the day told with the attack
            # the country the sentence names as struck, not the one that fired ("Ukraine was hit by 122 missiles",
            # "Russia fired three dozen missiles ... across Ukraine")
            named = [m.canonical_name for m in s.own if m.entity_type == "country"]
            struck = next((c for c in named if c in ("Ukraine", "Russia") and c != side), None)
            country = country or struck or self.last_country or "Ukraine"
            word = "the whole country ('across Ukraine')"
            date = nearest_date(s.text, trig.start, self.published) or date
        return Frame(trig, sub, weapon, killed, injured, victims, loc_id, admin1_iso, geo, country, date, quantity,
                     qty, side, owner, word, nationwide)  # fmt: skip

    def _side(self, s: Sentence, trig: Trigger, sub: str, owner: str | None, country: str | None):
        """(the side that acted, the sub-event type as that side makes it) of a sentence's event: the weapon's
        owner, the side named in the event word or acting, or the outlet's side for its unqualified ministry; for
        a territory change, the side that took the place (ACLED's sub-type by that side and the country)."""
        side = (
            owner
            or attacker_side(without_closed_asides(s.text), (trig.start, trig.end))
            or forces_struck(s.text)
        )
        # "The Defense Ministry reported ... had been liberated", in a TASS story: the outlet's side claims it
        claimant = (
            self.outlet
            if side is None and trig.event_type == "Battles" and UNQUALIFIED_COMMAND.search(s.text)
            else None
        )
        side = side or claimant
        if sub in TERRITORY_CHANGES:
            left = WITHDRAWER.search(s.text) if self.kind != NOTE else None
            taker = other_side(side_of(left)) if left else (taker_side(s.text, trig.start) or claimant)
            if not left and self.kind != NOTE and _WITHDRAWN.match(s.text, trig.start):
                # "Russia's defence ministry confirmed that its troops had left Lyman": the subject of a withdrawal
                # word gave the place up; the other side took it
                taker = other_side(taker)
            sub = territory_change(sub, taker, country)
            side = taker or side  # who took the place acts, not another side the sentence names after it
        return side, sub

    def _effect_told_first(self, s: Sentence) -> tuple[int | None, int | None, EventDate | None] | None:
        """(killed, injured, date) of the sentence right before, in this paragraph, that told casualties and no
        event, when this sentence tells their cause referring back to the victims ("A driver was killed and two
        reporters were wounded on Friday. They had come under fire while en route to X.") or naming what caused
        the harm ("... were killed when a section of an apartment building collapsed. They blamed a Ukrainian
        missile."): one event, told effect first. None otherwise."""
        if (
            self.setting is None
            or self.setting[:2] != (s.paragraph, s.idx - 1)
            or self.setting[5] is not None
            or self._told_just_before(s) is not None
            or not (_REFERS_TO_VICTIMS.match(s.text) or CAUSE_STATED.search(s.text))
        ):
            return None
        before = self.setting[3]
        killed, injured, _ = casualties(before)
        if not (killed or injured):
            return None
        own = sentence_time(before, self.published).own
        return killed, injured, own if own is not None and own.explicit else None

    def _unplaced_event(self, s: Sentence, f: Frame) -> None:
        """ACLED codes events at a place; a sentence with no place is context — of the event just told when it
        follows it ("... clashed in Melitopol. Russian forces hit a Ukrainian tank.")."""
        prev = self._told_just_before(s)
        # told over a wider area: "in Ukraine's south and east", "across the south of Ukraine" — not a country
        # named otherwise ("as Ukraine marked its independence", "since Russia's invasion")
        wider = any(
            m.entity_type in ("country", "area") and _OVER_AN_AREA.search(s.text, 0, m.char_start - s.start)
            for m in s.mentions
        )
        if prev is not None and not wider:
            if (
                f.sub == "Armed clash"
                and prev.trigger.event_type == "Explosions/Remote violence"
                and not (prev.actor2 or "").startswith("Civilians")
            ):
                # "... shelled near Kodema. They clashed with Ukrainian forces and were repelled." — but a strike
                # that hit civilians stays one: the clash told after it is between other actors
                become_clash(prev, None)
            if (
                prev.trigger.event_type == "Battles"
                and f.trig.event_type == "Explosions/Remote violence"
                and f.trig.strength > 0.6
                and _CIVILIAN_TARGET.search(s.text)
            ):
                # "Sievierodonetsk appears almost surrounded ... 'The Russians are pounding residential
                # neighbourhoods relentlessly'": strikes on civilians there are another row (other actors)
                self._new_event(s, replace(f, loc_id=prev.location_id, admin1_iso=prev.admin1_iso,
                                           geo=prev.geo_precision, country=prev.country,
                                           place_word="the place of the battle told before"))  # fmt: skip
                return
            debris_hit(prev, s.text, f.victims)
            attach_follow_up(self.drafts, s.idx, s.paragraph, s.end, s.text, None, always=True)
            self._decide(s.idx, s.start, s.end, "continues", "no place of its own: part of the event before",
                         len(self.drafts) - 1)  # fmt: skip
        else:
            if f.sub == "Armed clash" and f.trig.strength > 0.6 and not wider:
                # the shelling told next, at a place — not when the fighting is told over a wider area ("in
                # Ukraine's south and east"), which the next place is only part of
                self.placeless_clash = (s.paragraph, s.idx, f.side)
            self._decide(s.idx, s.start, s.end, "rejected", "no place (ACLED codes events at a place)")
        self.carried = (
            f.date.date if f.date.explicit else self.carried
        )  # "On 12 September, ..." dates what follows

    # ------------------------------------------------------------------------------ a new event

    def _new_event(self, s: Sentence, f: Frame) -> None:
        if f.sub == "Disrupted weapons use":
            actors = self._interception(s, f)
            if actors is None:
                self._decide(s.idx, s.start, s.end, "rejected", "an interception with no place or country")
                return
        else:
            if f.unplaced and not f.nationwide:
                self._unplaced_event(s, f)
                return
            if (
                f.trig.strength <= 0.6
                and f.trig.event_type == "Explosions/Remote violence"
                and not (f.killed or f.injured or f.killed is None or f.injured is None)
                and not _WEAPON_WORD.search(s.text)
                and not forces_struck(s.text)
            ) and not self._of_the_barrage(f):
                # "the attack on the school in Bilohorivka took place at 6pm on Saturday": the event told there
                if (told := self._told_there(f)) is not None:
                    told.dated_by(f.date.date, f.date.precision, f.date.explicit, f.date.reported)
                    told.notes.append(s.text)
                    self._decide(s.idx, s.start, s.end, "continues", "retells the event told at its place",
                                 self.drafts.index(told))  # fmt: skip
                    return
                self._decide(s.idx, s.start, s.end, "rejected",
                             "a bare attack word with no victims, no weapon and no military named")  # fmt: skip
                return
            actors = self._attack_actors(s, f)
        actor1, actor2 = actors
        d = f.date
        self.drafts.append(
            Draft(
                trigger=Trigger(f.trig.event_type, f.sub, f.weapon, f.trig.start, f.trig.end, f.trig.strength),
                sentence_index=s.idx, paragraph=s.paragraph, char_start=s.start, char_end=s.end, date=d.date,
                precision=d.precision, date_explicit=d.explicit, date_reported=d.reported, weapon=f.weapon,
                location_id=f.loc_id,
                admin1_iso=f.admin1_iso, country=f.country, geo_precision=f.geo, actor1=actor1, actor2=actor2,
                fatalities=f.killed, injuries=f.injured, quantity=f.quantity, actor_explicit=f.side is not None,
                notes=[s.text], first_sentence=s.idx, evidence=self._evidence(s, f), nationwide=f.nationwide,
            )
        )  # fmt: skip
        self._decide(s.idx, s.start, s.end, "event", f"{f.trig.event_type} / {f.sub}", len(self.drafts) - 1)
        self._split(s, f)

    def _told_there(self, f: Frame) -> Draft | None:
        """The event of this type the story told at this very place, which a bare "the attack" names again."""
        if f.loc_id is None:
            return None
        return next(
            (
                d
                for d in reversed(self.drafts)
                if d.location_id == f.loc_id and d.trigger.event_type == f.trig.event_type
            ),
            None,
        )

    def _attack_actors(self, s: Sentence, f: Frame) -> tuple[str | None, str | None]:
        sent, country = without_closed_asides(s.text), f.country
        # with no side named, the other side of the country attacks; partisans act against the occupiers
        home = (
            country
            if PARTISANS.search(sent) or f.sub == "Government regains territory"
            else other_side(country)
        )
        # (... except in a place retaken: the country's own side took it back)
        attacker = (repelled_side(sent) if f.trig.event_type == "Battles" else None) or f.side or home
        actor1 = acled_actor1(f.trig.event_type, f.sub, attacker, country)
        actor2 = acled_actor2(f.trig.event_type, f.victims, sent, country, attacker)
        territory = (
            f.sub == "Non-violent transfer of territory" or f.sub in TERRITORY_CHANGES and self.kind != NOTE
        )
        left = WITHDRAWER.search(sent) if territory else None
        if left:  # the side that took the place over is the actor, the side that left the other
            gone = side_of(left)
            actor1, actor2 = ACTOR_FORCES.get(other_side(gone) or ""), ACTOR_FORCES.get(gone or "")
        if PARTISANS.search(sent) and country == "Ukraine":
            # ACLED codes Ukrainian partisans as the communal militia of their town
            reg = load_registry()
            town = reg.get(f.loc_id).canonical_name if f.loc_id in reg.entities else f.loc_id
            actor1 = f"{town} Communal Militia (Ukraine)" if town else "Unidentified Armed Group (Ukraine)"
        elif f.sub == "Protest with intervention":
            actor2 = f"Police Forces of {country}" if country else None  # who detained the protesters
        elif f.sub == "Other" and _EVACUATED.search(sent):
            actor1 = f"Civilians ({country})" if country else "Civilians"  # the people displaced
        elif f.side is None and f.sub == "Remote explosive/landmine/IED":
            actor1 = UNIDENTIFIED_FORCES  # a mine or unexploded ordnance nobody is named as placing
        return actor1, actor2

    def _split(self, s: Sentence, f: Frame) -> None:
        """One sentence, several events: a count per place, a list of places; and a placeless clash before."""
        drafts = self.drafts
        force_on_protesters(drafts[-1], s.text)  # "police used tear gas to disperse a rally in Odesa"
        second = split_per_place(drafts[-1], s.text, s.start, s.mentions)
        if second is not None:  # "killed two people in Kostiantynivka and one in Pokrovsk": two events
            drafts.append(second)
        elif regions := downed_per_region(drafts[-1], s.text, s.start, s.mentions):
            # "destroyed 33 drones: 14 over the Bryansk Region, 11 over the Kursk Region": one row per region
            drafts.extend(regions)
        else:  # "shelling in Maryinka, Slovyansk, and Kramatorsk": one event per place of the list (the
            # first place's event stays last: casualties told next are read as the first place's)
            drafts[-1:-1] = list_events(drafts[-1], s.text, s.start, s.own, self.regions_seen)
        if (
            self.placeless_clash
            and self.placeless_clash[:2] == (s.paragraph, s.idx - 1)
            and drafts[-1].trigger.event_type == "Explosions/Remote violence"
        ):
            # "Russian forces attacked towards X, clashing with Ukrainian forces. They also shelled X, Donetsk.":
            # the fighting named first, without its region, and the shelling are one clash
            become_clash(drafts[-1], self.placeless_clash[2])
        if f.date.explicit:
            self.carried, self.carried_at = f.date.date, f.admin1_iso

    @staticmethod
    def _evidence(s: Sentence, f: Frame) -> dict[str, str]:
        """The words that decided each field, for `dateline explain`."""
        d = f.date
        return {
            "trigger": s.text[f.trig.start : f.trig.end],
            "date": s.text[d.start : d.start + 30].split(",")[0]
            if d.explicit and d.start >= 0
            else "the news day",
            "place": f.place_word,
            "counts": f.victims,
            "side": f.side or "(none named: the other side of the place's country)",
        }


_REASONS = {
    "background": "background (before the news window, or since/ago/for months)",
    "aggregate": "an aggregate over many places or days",
    "hypothetical": "not a reported event (plan, warning, threat, possibility)",
    "demand": "a call or demand, not an event",
    "denied": "the event is denied",
    "judicial": "a trial, charge or verdict (the event it concerns is told elsewhere)",
    "undated": UNDATED,
    "humanitarian": "a civilian evacuation: coded in ACLED's notes, not in a news story (conventions.py)",
    "as_a_time": "an earlier event named as the time of what the sentence tells ('When ..., he blamed')",
}


def _told_as_the_time(sentence: str, triggers: list[Trigger]) -> bool:
    """Every event word is in a "When ..." clause put first: an event the reader knows, named as the time of what
    the main clause tells ("When the Kakhovka dam was blown up, he blamed Ukraine")."""
    if not sentence.startswith("When "):
        return False
    main = fronted_clause_end(sentence)
    return main is not None and all(t.start < main for t in triggers)


# a place named as the area something is told over: "in Ukraine's south", "across the south of Ukraine"
_OVER_AN_AREA = re.compile(
    r"\b(?:in|across|over|throughout|around|along|of)\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,3}of\s+)?$", re.I
)
# a sentence that refers back to the people just said to be hurt: "They had come under fire ..."
_REFERS_TO_VICTIMS = re.compile(r"(?:They|He|She|The (?:\w+ )?(?:car|vehicle|bus|convoy|group|victims?))\b")


# an army holding ground not its own, or its men: before the detaining word, or as its agent after it
_OCCUPIER = (
    r"\b(?:(?:Russian|occupying|occupation)\s+(?:forces|troops|soldiers|servicemen|military|army|authorities)|"
    r"in\s+Russian\s+(?:military\s+)?uniforms?|(?:the\s+)?occupiers)\b"
)
_BY_AN_OCCUPIER = re.compile(_OCCUPIER)
_BY_AN_OCCUPIER_AFTER = re.compile(r"[^.,;]{0,40}?\bby\s+(?:the\s+)?" + _OCCUPIER)
_AT_A_PROTEST = re.compile(
    r"\b(?:protest(?:s|ers|ing|ed)?|demonstrat(?:ors|ions?|ed)|rall(?:y|ies|ied)|anti-war|marched|picket\w*|"
    r"(?:had |have )?gathered)\b",
    re.I,
)


_BLAST_WORD = re.compile(r"(?:explosions?|blasts?)", re.IGNORECASE)


# an attack told only as a place's coming under it: "The Khotin, Yunakivka and Bilopillia communities came under
# fire" (a round-up's summary before its item per place)
_UNDER_FIRE = re.compile(r"under\s+(?:[\w-]+\s+)?(?:fire|attack|shelling)", re.I)


def _came_under_fire(d: Draft) -> bool:
    return (
        d.trigger.event_type == "Explosions/Remote violence"
        and _UNDER_FIRE.fullmatch(d.evidence.get("trigger", "")) is not None
        and not d.fatalities
        and not d.injuries
        and d.location_id is not None
    )


def _the_attack_told_in_full(told: Draft, d: Draft) -> bool:
    """The attack a place's coming under fire is: one the story tells at that place within a day of it, with its
    own words ("Khotin community: the enemy dropped 2 explosive devices from a drone")."""
    return (
        d.trigger.event_type == told.trigger.event_type
        and d.location_id == told.location_id
        and abs((d.date - told.date).days) <= 1
    )


def _a_bare_blast(d: Draft) -> bool:
    """An explosion told by the bare word, with no harm ("explosions were heard", "called the explosion a
    terrorist attack") — not an attack told by its verb ("Russia struck Kyiv with missiles")."""
    return (
        d.trigger.event_type == "Explosions/Remote violence"
        and d.trigger.strength <= 0.6  # the bare word (a weapon it has is the story's, not its own)
        and _BLAST_WORD.fullmatch(d.evidence.get("trigger", "")) is not None
        and not d.fatalities
        and not d.injuries
        and d.admin1_iso is not None
    )


def _the_blast_of(blast: Draft, d: Draft) -> bool:
    """The attack a bare blast is: the one its paragraph tells at its place within a day of it, or — for a blast
    with neither a place nor a day of its own ("... called the explosion a terrorist attack") — one told
    before it at a settlement of its region."""
    if d.trigger.event_type != blast.trigger.event_type:
        return False
    if blast.location_id is None:
        return (
            not blast.date_explicit
            and d.location_id is not None
            and d.admin1_iso == blast.admin1_iso
            and d.sentence_index < blast.sentence_index
        )
    return (
        d.location_id == blast.location_id
        and d.paragraph == blast.paragraph
        and abs((d.date - blast.date).days) <= 1
    )


def refine_trigger(trig: Trigger, sent: str, kind: str = NEWS) -> tuple[Trigger, str | None]:
    """ACLED's reading of what the trigger found: a plane downed by a plane is a clash; an interception whose
    debris hit something is the attack, by the weapon's owner (returned as the second value); a place left
    without a fight changed hands peacefully; an abduction that killed is an attack."""
    owner = None
    if aircraft_downed(sent) and downed_by_aircraft(sent):
        trig = replace(trig, event_type="Battles", sub_event_type="Armed clash", weapon="aircraft")
    if tells_aircraft_downed(sent, trig.start):
        et, st = aircraft_downed_as(trig.event_type, trig.sub_event_type, kind)
        trig = replace(trig, event_type=et, sub_event_type=st)
    elif trig.sub_event_type == "Disrupted weapons use" and DEBRIS_DAMAGE.search(sent):
        trig = attack_by_weapon(sent, trig)
        owner = other_side(interceptor_side(sent))
    if (
        trig.sub_event_type in TERRITORY_CHANGES
        and kind == NOTE
        and (_WITHDRAWAL.search(sent) or _NO_FIGHTING.search(sent))
        and not _FIGHTING.search(_NO_FIGHTING.sub(" ", sent))
    ):
        trig = replace(
            trig, event_type="Strategic developments", sub_event_type="Non-violent transfer of territory"
        )
    elif trig.sub_event_type == "Non-violent transfer of territory" and kind != NOTE:
        # in a story, one side's withdrawal is the other side's gain, coded by who took the place, also when it
        # was taken without a fight (codebook: Russia taking Ukrainian ground overtakes it, Ukraine retaking it
        # regains it); a coder's note that codes the withdrawal itself keeps ACLED's non-violent transfer
        trig = replace(trig, event_type="Battles", sub_event_type="Non-state actor overtakes territory")
    if trig.sub_event_type == "Arrests" and _AT_A_PROTEST.search(sent):
        # "about 750 people were detained near Gostiny Dvor, where hundreds had gathered to protest": ACLED codes
        # a protest met with arrests as a protest with intervention
        trig = replace(trig, event_type="Protests", sub_event_type="Protest with intervention")
    elif trig.sub_event_type == "Arrests" and (
        _BY_AN_OCCUPIER.search(sent, max(0, trig.start - 60), trig.start)
        or _BY_AN_OCCUPIER_AFTER.match(sent, trig.end)
    ):
        # "armed men in Russian uniforms detained the deputy head of the council at his home": a civilian taken by
        # an occupying army is no arrest under a law but a forced disappearance (ACLED)
        trig = replace(
            trig, event_type="Violence against civilians", sub_event_type="Abduction/forced disappearance"
        )
    if trig.sub_event_type == "Abduction/forced disappearance" and re.search(r"\bkill(?:ed|ing)\b", sent):
        trig = replace(trig, event_type="Violence against civilians", sub_event_type="Attack", weapon=None)
    return trig, owner


_NO_PLACE = ("country", "area", "")


def _where(m: Mention) -> str:
    """What a name places an event in, for telling two accounts apart: a place's region, else its kind."""
    return (region_of(m) or "") if m.entity_type in ("place", "region") else m.entity_type


def extract_events(article: dict, sentences: list[tuple[int, int]], mentions: list[Mention]) -> list[dict]:
    """Event rows (schema ``events``) for one article."""
    return read_article(article, sentences, mentions)[0]


def read_article(
    article: dict, sentences: list[tuple[int, int]], mentions: list[Mention]
) -> tuple[list[dict], list[Draft], StoryReader]:
    """(event rows, their drafts in row order, the reader with its trace) for one article."""
    published = _published(article)
    today = filed_on(article["text"], published) or published  # a reprint's today is its dateline's day
    kind = story_kind(article.get("title"), article["text"], sentences, today)
    reader = StoryReader(
        article["text"], today, sentences, mentions, kind, outlet_side(article.get("source"))
    )
    drafts = merge_retold(
        reader.read(),
        event_key,
        fold,
        lambda d: event_key(d)[:-1],
        # a report's day is no day of the event's own; an event told as going on now, or as the past day's ("repelled
        # all attacks near Tyotkino over the past day"), is the day's own
        lambda d: (
            (not d.date_explicit or d.date_reported)
            and not (d.notes and (told_as_ongoing(d.notes[0]) or counts_the_past_day(d.notes[0])))
        ),
        lambda d: (d.location_id, d.trigger.event_type, d.admin1_iso, d.date) if d.admin1_iso else None,
    )
    return _rows(article, published, drafts), drafts, reader


def _published(article: dict) -> dt.date:
    published = article["published_at"]
    return published.date() if isinstance(published, dt.datetime) else published


def _rows(article: dict, published: dt.date, drafts: list[Draft]) -> list[dict]:
    reg = load_registry()
    rows = []
    for d in drafts:
        loc = reg.entities.get(d.location_id) if d.location_id else None
        region = reg.get(d.admin1_iso) if d.admin1_iso else None
        anchor = loc or region
        admin1_iso = d.admin1_iso
        acled_iso = ACLED_ADMIN1.get(admin1_iso, admin1_iso) if admin1_iso else None
        confidence = d.trigger.strength * (
            0.7 + 0.1 * (d.geo_precision == 1) + 0.1 * d.date_explicit + 0.1 * d.actor_explicit
        )
        key = f"{article['article_id']}|{d.sentence_index}|{d.trigger.sub_event_type}|{d.location_id or d.admin1_iso or d.country}"
        rows.append(
            {
                "event_id": hashlib.sha1(key.encode()).hexdigest()[:16],
                "article_id": article["article_id"],
                "source": article.get("source"),
                "published_at": published,
                "event_date": d.date,
                "time_precision": d.precision,
                "event_type": d.trigger.event_type,
                "sub_event_type": d.trigger.sub_event_type,
                "actor1": d.actor1,
                "actor2": d.actor2,
                # an event known only by its region has none (ACLED's centre: conventions.acled_place)
                "location": loc.canonical_name if loc else d.location_id,
                "admin1": reg.get(acled_iso).admin1 if acled_iso else None,
                "admin1_iso": acled_iso,
                "country": d.country or (anchor.country if anchor else None),
                "latitude": anchor.latitude if anchor else None,
                "longitude": anchor.longitude if anchor else None,
                "geo_precision": d.geo_precision,
                "fatalities": d.fatalities,
                "injuries": d.injuries,
                "weapon": d.weapon,
                "quantity": d.quantity,
                "notes": " ".join(d.notes),
                "sentence_index": d.first_sentence,
                "char_start": d.char_start,
                "char_end": d.char_end,
                "confidence": round(min(1.0, confidence), 3),
                "extractor_version": EXTRACTOR_VERSION,
            }
        )
    return rows

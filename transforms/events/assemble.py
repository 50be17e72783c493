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
from dataclasses import dataclass, replace

from transforms.events.actors import (
    ACTOR_FORCES,
    CIVILIAN,
    PARTISANS,
    UNIDENTIFIED_FORCES,
    UNQUALIFIED_COMMAND,
    WITHDRAWER,
    acled_actor1,
    acled_actor2,
    aircraft_side,
    attacker_side,
    forces_struck,
    interceptor_side,
    other_side,
    outlet_side,
    repelled_side,
    side_named,
    side_of,
    taker_side,
)
from transforms.events.casualties import TOLL_UPDATE, casualties, toll_count
from transforms.events.conventions import aircraft_downed_as, coded_in_a_story, territory_change
from transforms.events.dates import NEXT_DAY, SAME_DAY_AS_BEFORE, EventDate, find_dates
from transforms.events.discourse import (
    districts_named,
    fold_vague_tellings,
    merge_retold,
    names_the_event_again,
)
from transforms.events.draft import Draft, event_key, fold, larger_count
from transforms.events.frames import (
    clause_spans,
    fronted_clause_end,
    main_clause_first,
    proximity_parts,
    told_in_an_aside,
    without_closed_asides,
)
from transforms.events.genre import LIVE, NEWS, NOTE, has_news_day, story_kind
from transforms.events.numbers import weapon_quantity
from transforms.events.places import (
    CITY,
    PLURAL_REGIONS,
    TOWN,
    after_dateline,
    capital_meant,
    choose_location,
    coherent,
    compared_with,
    describes_what_follows,
    headed_for,
    in_a_speakers_title,
    is_unplaced,
    may_be_where_it_happened,
    named_as_a_settlement,
    names_a_government,
    names_a_group,
    names_a_river,
    placed_against_the_gazetteer,
    placed_by_region,
    referred_back,
    refers_back,
    refers_back_only_to_an_area,
    refers_there,
    says_after,
    scene_of,
    site_of,
    speakers_jurisdiction,
    speaking_authority,
    speaking_state,
    the_place_named,
    unknown_settlement,
)
from transforms.events.prefilter import Prefiltered
from transforms.events.roundup import (
    DAMAGED,
    DEBRIS_DAMAGE,
    attach_follow_up,
    attack_by_weapon,
    become_clash,
    debris_hit,
    downed_per_region,
    force_on_protesters,
    hit_civilians,
    lead_attack,
    list_events,
    local_impact,
    split_per_place,
)
from transforms.events.structure import (
    QUOTE_MARK,
    datelines,
    filed_on,
    is_quote,
    opens_a_section,
    paragraphs,
    reprint_start,
    stamp_hour,
)
from transforms.events.temporal import (
    NEWS_WINDOW,
    UNDATED,
    SentenceTime,
    after_a_retold_event,
    days_before_the_anchor,
    event_time,
    in_a_later_relative_clause,
    judicial,
    nearest_date,
    opens_with_a_retold_event,
    sentence_time,
    spoken_on,
    told_as_ongoing,
    told_before_the_report,
    without_a_news_day,
)
from transforms.events.triggers import (
    CAUSE_STATED,
    FIRE_BACK,
    Trigger,
    aggregate_only_by_habit,
    aggregate_only_by_the_past_day,
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
_TERRITORY_CHANGES = ("Government regains territory", "Non-state actor overtakes territory")


_WEAPON_WORD = re.compile(
    r"\b(?:drones?|UAVs?|Shaheds?|missiles?|rockets?|shells?|artillery|bombs?|munitions?|mortars?|weapons|"
    r"projectiles)\b",
    re.I,
)
_EVACUATED = re.compile(r"\bevacuat(?:ed|ion)\b|\bdisplace(?:d|ment)\b|\bfled\b", re.I)
_WITHDRAWAL = re.compile(
    r"\b(?:withdr(?:ew|awn|awal)|retreat(?:ed)?|departed|abandoned|left (?:the|their|its))\b", re.I
)
# a ground offensive told as opened, or as crossing the border
_GROUND_OFFENSIVE = re.compile(
    r"\bcrossed\s+(?:the\s+)?(?:state\s+)?border\b|"
    r"\b(?:launched|began|started|opened|mounted)\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,3}?(?:offensive|incursion|assault)\b|"
    r"\b(?:offensive|assault|incursion)\s+(?:began|started|opened|was\s+launched)\b",
    re.I,
)
# a sentence opened by where it happened: "In Antonivka, ...", "In the village of Bilozerka, ..."
_OPENED_BY_A_PLACE = re.compile(
    r"(?:In|At|Near)\s+(?:the\s+(?:village|town|city|settlement)\s+of\s+)?(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)?,\s"
)
# weapons on their way to "the capital"
_HEADED_FOR_THE_CAPITAL = re.compile(
    r"\b(?:flying|heading|headed|sent|launched|aimed|fired)\s+(?:towards?|at|for)\s+the\s+capital\b", re.I
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
_FIRE_BACK = re.compile(FIRE_BACK, re.I)


# a story's lead: the sentences that tell its news; a lead attack is told there
LEAD_SENTENCES = 3
# the words a sentence counting casualties has (a local impact of the lead attack is read only then)
_COUNTS_PEOPLE = re.compile(r"kill|dead|died|death|injur|wound|hurt|bod(?:y|ies)")
# an attack aimed at a country as a whole: "air attacks on Ukraine's energy system", "a barrage against Ukraine"
_COUNTRY_TARGET = re.compile(
    r"\b(?:attacks?|strikes?|barrages?|bombardment|assault)\s+(?:on|against)\s+(Ukraine|Russia)(?:['’]s\b|\b)"
)


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


@dataclass
class Sentence:
    """One sentence of a story, with what the structure stage knows of it."""

    idx: int
    start: int
    end: int
    text: str
    low: str
    paragraph: int
    mentions: list[Mention]  # every resolved name in it
    own: list[Mention]  # the names that can place its events (not the dateline's, unless nothing else)
    filed_only: bool  # only the dateline places it
    filed_end: int = 0  # where the sentence's dateline ends in it (0: no dateline)

    @property
    def timed(self) -> str:
        """The text whose dates and time words are the sentence's: a dateline's date ("KYIV, Nov 17 (Reuters) -")
        is the day the story was filed, not the day of what the sentence tells (blanked, offsets kept)."""
        return " " * self.filed_end + self.text[self.filed_end :] if self.filed_end else self.text


@dataclass
class Frame:
    """What one sentence says happened: its event type, weapon, place, date, counts and side."""

    trig: Trigger
    sub: str
    weapon: str | None
    killed: int | None
    injured: int | None
    victims: str
    loc_id: str | None
    admin1_iso: str | None
    geo: int | None
    country: str | None
    date: EventDate
    quantity: int | None
    qty: tuple | None
    side: str | None
    owner: str | None  # the side whose weapon it was, when the sentence says so only indirectly
    place_word: str = ""  # the words that placed it, for `dateline explain`
    nationwide: bool = False  # "across Ukraine on Thursday": at the country's level

    @property
    def unplaced(self) -> bool:
        return is_unplaced(self.loc_id, self.admin1_iso)


@dataclass
class Decision:
    """What the reader made of one sentence (``dateline explain``)."""

    sentence_index: int
    start: int
    end: int
    outcome: str  # event, continues, local impact, rejected
    reason: str
    event: int | None = None  # index of the draft it made or joined


# what strikes on civilians hit
_CIVILIAN_TARGET = re.compile(
    r"\b(?:residential|homes|houses|apartment (?:blocks|buildings)|hospitals?|schools?|civilian (?:areas|infrastructure|objects|targets))\b",
    re.I,
)

# how far an account of an earlier time goes on without a date of its own (sentences)
_PAST_SPAN = 2

# the present tense, which tells the news (not the past an account was about): "is getting heavily shelled",
# "have recaptured villages"
_PRESENT = re.compile(r"\b(?:is|are|has|have)\b")

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


# sentences: the dateline's city is still the story's when no other settlement was named since
_FILED_FOCUS = 15
_REGION_RECENT = 3  # sentences: a region named this recently is the one the story is in
_VILLAGE = 2_000  # inhabitants: below this a settlement's name is likely borne by others the gazetteer lacks


def _narrows(prev: Draft, f: Frame) -> bool:
    """The frame's place is the event's place or lies within it: the same settlement, or any of the region when
    the event was placed only by its region or around a settlement ("fighting around Kharkiv")."""
    return f.loc_id == prev.location_id or prev.location_id is None or prev.geo_precision != 1


# civilians killed or hurt at a place with no event word of their own: a strike there, by a weapon not named
HARM_BY_AN_UNNAMED_WEAPON = Trigger(
    "Explosions/Remote violence", "Shelling/artillery/missile attack", None, 0, 0, 0.5
)


def region_of(m: Mention) -> str | None:
    """The first-level region of a place or region mention."""
    if m.entity_type not in ("place", "region"):
        return None
    ent = load_registry().entities.get(m.entity_id)
    return ent.admin1_iso if ent is not None else None


# a further event of the same account: "also shot down four other cruise missiles"; or a part of the attack's
# weapons: "five cruise missiles were launched, one of which was intercepted"
_ADDITIVE = re.compile(r"\b(?:also|other|another|more)\b", re.I)
# a share of weapons told before: "37 of the missiles", "74 of the drones"
_WEAPONS_TOLD = r"(?:[\w-]+\s+){0,2}?(?:missiles|drones|rockets|UAVs)"  # "the cruise missiles", "the drones"
_OF_THE_WEAPONS = re.compile(
    rf"\b(?:\d+|[a-z]+)\s+of\s+(?:the|them|these|those)\b(?:\s+{_WEAPONS_TOLD})?",
    re.I,
)
# a share, not all, of the weapons told before: "two of them", "37 of the missiles", "some of which"
_SHARE = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+|some|several|half)\s+of\s+"
    rf"(?:which|them|these|those|the\s+{_WEAPONS_TOLD})\b",
    re.I,
)
_PARTITIVE = re.compile(
    r"\b(?:one|two|three|four|five|\d+|some|most|all|none)\s+of\s+(?:which|them|these|those)\b", re.I
)

# a claim of its own, by another source: "Russian media reported that separatists had seized the city"
_REPORTED_BY = re.compile(r"\b(?:reported|claimed|said|says|announced)\s+(?:on\s+\w+\s+)?that\b", re.I)

# fighting told as a state of things, not an act: "amid the heavy fighting", "battles are still raging"
_ONGOING_FIGHTING = re.compile(
    r"\b(?:heavy|fierce|intense|intensive|street|bitter|ongoing)\s+(?:fighting|battles?)\b|"
    r"\b(?:fighting|battles?)\s+(?:(?:has|have|had)\s+)?(?:continu\w*|(?:(?:is|are|was|were)\s+)?(?:still\s+)?raging)",
    re.IGNORECASE,
)

# ... or that ends by saying so: "Air defences shot down 102 of the missiles, it said."
_IT_SAID_AT_THE_END = re.compile(
    r",\s+(?:it|they|the (?:ministry|military|army|air force|statement|command))\s+(?:said|says|added|reported)\W*$"
)
# fighting along a front or across regions is not at one settlement; nor is it in a capital the story named
_WIDE_FRONT = re.compile(r"\b(?:front|frontline|front line|regions|stretch|across|along)\b", re.IGNORECASE)
_CAPITAL_REGIONS = {"UA-30", "RU-MOW"}
# a place named to locate the place before it: "Dergachi, on the outskirts of Kharkiv", "Irpin, near Kyiv"
_LOCATES_THE_PLACE_BEFORE = re.compile(
    r"\w,\s+(?:on the outskirts of|outside|near|just (?:north|south|east|west) of|"
    r"(?:\d+\s*(?:km|kilometres|kilometers|miles)\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of)\s+(?:the\s+)?(?:city\s+of\s+)?$"
)
# a sentence whose speaker is the one the sentence before named: "It also claimed to have ...", "The ministry said"
_CLAIMED_BY_IT = re.compile(
    r"(?:It|They|The (?:ministry|military|army|statement))\s+(?:\w+\s+)?(?:claimed|claims|said|says|reported|added)\b"
)


class StoryReader:
    """Reads one article sentence by sentence: structure (paragraphs, datelines) → time → sentence frame →
    discourse (continuing, merging, splitting, a lead attack's local impacts) → ACLED's coding conventions.
    ``drafts`` are the events; ``trace`` says what became of every sentence."""

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
        return None

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
        if not aggregate_only_by_the_past_day(s.text) or _WIDE_FRONT.search(s.text):
            return False
        regions = _regions_told(s, self.placed)
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
            len(_regions_told(self._part(s, a, b), self.placed)) <= 1 for a, b in spans
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
            regions = _regions_told(self._part(s, a, b), self.placed)
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
        if not self.news_day and reason is None and time.own is not None and time.own.explicit:
            # a story with no news day told by dated entries ("Day 97: Tuesday 31 May. Russia gaining ground
            # ..."): the entry's day dates the account that follows it in its paragraph
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
        regions = _regions_told(s, self.placed)
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
        if sub in _TERRITORY_CHANGES:
            left = WITHDRAWER.search(s.text) if self.kind != NOTE else None
            taker = other_side(side_of(left)) if left else (taker_side(s.text, trig.start) or claimant)
            if not left and self.kind != NOTE and _WITHDRAWN.match(s.text, trig.start):
                # "Russia's defence ministry confirmed that its troops had left Lyman": the subject of a withdrawal
                # word gave the place up; the other side took it
                taker = other_side(taker)
            sub = territory_change(sub, taker, country)
            side = taker or side  # who took the place acts, not another side the sentence names after it
        return side, sub

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
        if (
            sub == "Disrupted weapons use"
            and _PARTITIVE.search(s.text)
            and (day := self._day_named_before(s))
        ):
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

    def _where_heading(self, s: Sentence, own: list[Mention]):
        """(location, admin1, geo_precision) of where a sentence's weapons were heading ("all 13 drones sent toward
        Kyiv had been shot down"), or None: weapons downed on their way, with no other place named."""
        toward = [m for m in own if m.entity_type in ("place", "region") and headed_for(m, s.text, s.start)]
        if not toward:
            # "22 of them, flying towards the capital, had been shot down": the capital the story named
            capital = (
                capital_meant(s.text, self.text, s.start) if _HEADED_FOR_THE_CAPITAL.search(s.text) else None
            )
            return (*capital, 1) if capital else None
        loc_id, admin1_iso, geo = choose_location(toward, " " * len(s.text), s.start, placed=self.placed)
        return (site_of(loc_id), admin1_iso, geo) if admin1_iso else None

    def _place(self, s: Sentence, trig: Trigger, hurt: bool = False):
        """(location, admin1, geo_precision, country, the words that placed it) of the event a sentence tells."""
        reg = load_registry()
        own = s.own
        if trig.event_type == "Protests" and (gathered := _gathered_at(s, trig)):
            # "supporters of the fighters holed up in the Azovstal plant demonstrated in Kyiv": a protest is
            # where its people gathered, not the place of the cause they speak for
            own = gathered
        loc_id, admin1_iso, geo = choose_location(own, s.text, s.start, placed=self.placed)
        loc_id, word = site_of(loc_id), "its own place"
        if (
            admin1_iso is None
            and trig.sub_event_type == "Disrupted weapons use"
            and (heading := self._where_heading(s, own))
        ):
            (loc_id, admin1_iso, geo), word = heading, "where the weapons were heading"
        if (city := self._city_of_its_districts(s, loc_id)) is not None:
            (loc_id, admin1_iso, geo), word = city, "the city whose districts it names"
        chosen = next((m for m in s.own if m.entity_id == loc_id), None)
        if chosen is not None:
            beside = Counter(
                r
                for m in s.own
                if m is not chosen
                and may_be_where_it_happened(m, s.text, s.start)
                and (r := region_of(m))
                and not self._a_village(m)
            )
            # a village named beside places of one other region is a namesake there, known or not: "in the
            # Pokrovsk direction ... near Promin" is not the Promin of Mykolaiv (another village is no such
            # evidence: many villages share its name too — "Hatyshche and Lukiantsi, a day after Borysivka")
            keep = self._a_village(chosen) and len(beside) == 1
            around = beside if keep else self.regions_seen + beside
            village = named_as_a_settlement(chosen, s.text, s.start)
            loc_id, admin1_iso, geo = coherent(
                chosen, (loc_id, admin1_iso, geo), around, keep_name=keep, a_village=village
            )
        elif (
            any(m.method == "provisional" and m.surface == loc_id for m in own)
            and (region := self._one_region_named_with_villages(s)) is not None
            and region != admin1_iso
        ):
            # a settlement the gazetteer lacks, placed by a guess ("Sushany in the Klimovo district": the district
            # of a Crimean namesake village), in a sentence naming one region: that region's
            admin1_iso, geo = region, 2
        if loc_id is not None and s.filed_only:
            # only the dateline's city: where the story was filed, the least precise of guesses — and no guess
            # for fighting, which is at the front, nor for an interception, which is over the whole country
            nowhere = trig.event_type == "Battles" or trig.sub_event_type == "Disrupted weapons use"
            loc_id, admin1_iso, geo = (None, None, None) if nowhere else (loc_id, admin1_iso, 3)
            word = "the dateline"
        if placed_by_region(s.mentions, s.text, s.start, (loc_id, admin1_iso, geo)) or (
            admin1_iso and any(m.method == "provisional" and m.surface == loc_id for m in own)
        ):
            # placed by the region named after it, or a settlement the gazetteer lacks placed by what locates it:
            # later bare mentions of that name are this place
            name = reg.get(loc_id).canonical_name if loc_id in reg.entities else loc_id
            self.placed.setdefault(norm(name), (loc_id, admin1_iso))
        if is_unplaced(loc_id, admin1_iso) and (told := self._placed_by_the_story(s, trig, hurt)):
            (loc_id, admin1_iso, geo), word = told
        country = reg.get(admin1_iso).country if admin1_iso else None
        plural = PLURAL_REGIONS.search(s.text)
        if plural and plural.group("adj"):
            loc_id, admin1_iso, geo = None, None, None
            country = side_named(plural.group("adj"))
        return loc_id, admin1_iso, geo, country, word

    def _city_of_its_districts(self, s: Sentence, loc_id: str | None):
        """(location, admin1, 1) of the city the story is talking about when the sentence places its event only by
        districts named alone ("killed in the Shevchenkivskyi district", "hits in the Kyivskyi and Saltivskyi
        districts" in a story about Kharkiv: not a village called Kyivskyi); None otherwise. A district's name
        repeats from city to city, so the city is the story's: a city of 100k or more named in the last sentences."""
        named = districts_named(s.text)
        if named is None or any(m.entity_type in ("region", "country") for m in s.own):
            return None
        reg = load_registry()
        inside = [m for m in s.own if named.start() <= m.char_start - s.start < named.end()]
        chosen = next((m for m in s.own if site_of(m.entity_id) == loc_id), None) if loc_id else None
        if loc_id is not None and chosen not in inside:
            return None  # the sentence names the city or another place itself
        city = the_place_named(s.text, self.recent, s.idx, self.placed, window=3, anaphor=False, at=s.start)
        if city is None or city[0] not in reg.entities or reg.get(city[0]).population < CITY:
            return None
        if any(
            m.entity_type == "place"
            and (e := reg.get(m.entity_id)).population >= TOWN
            and e.admin1_iso != city[1]
            and not e.canonical_name.endswith("kyi")  # not a city district the gazetteer knows by that name
            for m in inside
        ):
            return None  # "the Kramatorskyi district" in a story about Kharkiv: the district around that town
        return city

    def _placed_by_the_story(self, s: Sentence, trig: Trigger, hurt: bool):
        """((location, admin1, geo_precision), the words that placed it) for an event its sentence does not
        place, from the story around it: the scene set just before, the settlement "the city" refers back to,
        the place the story is talking about (for ongoing fighting), the territory of the official who reports
        it; None when nothing places it."""
        prev = self.drafts[-1] if self.drafts else None
        if hurt and self._effect_told_first(s) is not None:
            # "... were killed when a section of an apartment building in Belgorod collapsed. They blamed a
            # Ukrainian missile.": where the harm told just before happened
            where = choose_location(self.setting[2], self.setting[3], self.setting[4], placed=self.placed)
            if not is_unplaced(where[0], where[1]):
                return (site_of(where[0]), where[1], where[2]), "the sentence before, which told the harm"
        if (
            (trig.strength > 0.6 or hurt)
            and self.setting is not None
            and self.setting[:2] == (s.paragraph, s.idx - 1)
            and self._told_just_before(s) is None
            and (scene := scene_of(*self.setting[2:]))
        ):
            # "... broke into a house in Khotimlia, Kharkiv region. They tortured the couple ...": an event told
            # right after the sentence that set the scene at a place (and told no event there) happened there
            return scene, "the sentence before, which set the scene"
        where = speakers_jurisdiction(s.mentions, s.text, s.start)
        if where is not None and where[2] == 1:
            # "the mayor of Mykolaiv reported explosions in the city": the mayor's city, named in the sentence,
            # is the nearest city "the city" can mean
            return where, "the place the official who reports it is in charge of"
        if (
            self.last_region
            and _ONGOING_FIGHTING.search(s.text, trig.start, trig.end)
            and _THE_REGION.search(s.text)
        ):
            # "Heavy fighting has been raging in the region for days": the region the story named last
            return (None, self.last_region, 3), "the region named before ('the region')"
        if (
            trig.sub_event_type == "Disrupted weapons use"
            and self.region_named_last
            and _OVER_THE_REGION.search(s.text)
        ):
            # "a rocket attack on the city of Belgorod ... air defences shot down 14 rockets over the region"
            return (None, self.region_named_last, 3), "the region named before ('over the region')"
        area_only = refers_back_only_to_an_area(s.text) and trig.event_type != "Battles"
        if not area_only and (named := the_place_named(s.text, self.recent, s.idx, self.placed, at=s.start)):
            # "Russian strikes hit a hospital in the city": the settlement the story named last
            return named, "a place named before ('the city')"
        if (referred := self._there_or_the_capital(s)) is not None:
            return referred
        if (
            _ONGOING_FIGHTING.search(s.text, trig.start, trig.end)
            and not (prev is not None and prev.sentence_index == s.idx - 1)
            and not _WIDE_FRONT.search(s.text)
            and not any(m.entity_type in ("country", "area") for m in s.mentions)
            and (focus := the_place_named(s.text, self.recent, s.idx, self.placed, window=2, anaphor=False))
            and focus[1] not in _CAPITAL_REGIONS
        ):
            # "The claims are hard to verify amid the heavy fighting": fighting with no place of its own is the
            # battle for the settlement the story has just been talking about
            return focus, "the place the story is talking about"
        if where is not None:
            return where, "the place the official who reports it is in charge of"
        if trig.event_type == "Battles" and self.last_region and _GROUND_OFFENSIVE.search(s.text):
            # "The ground assault started early Friday, when Russian troops crossed the border", "Moscow launched
            # the cross-border offensive on Friday": an offensive told with no place of its own is in the region
            # the story is about
            return (
                None,
                self.last_region,
                3,
            ), "the region the story named last (an offensive told without a place)"
        return self._where_the_story_is(s, hurt)

    def _there_or_the_capital(self, s: Sentence):
        """(place, the words that placed it) of an event its sentence places by "there" or "the capital"."""
        if (
            self.kind != NOTE  # a coder's note's "there" is in the one event it codes
            and refers_there(s.text)
            and (named := the_place_named(s.text, self.recent, s.idx, self.placed, at=s.start, anaphor=False))
        ):
            # "In the early hours of Sunday, missiles slammed into apartment blocks there": the settlement the
            # story is talking about
            return named, "a place named before ('there')"
        if not _WIDE_FRONT.search(s.text) and (capital := capital_meant(s.text, self.text, s.start)):
            # "In the capital itself, 11 people were injured": the capital the story named last, or its adjective's
            # (not "a quiet weekend in the capital after attacks across the country": the attacks' place is wider)
            return (*capital, 1), "the capital ('the capital')"
        return None

    def _where_the_story_is(self, s: Sentence, hurt: bool):
        """(place, the words that placed it) from where the story is when nothing else places the event: the city
        it is filed from and still talking about, or the region it has just named for a village it names."""
        if (
            hurt
            and self.filed_from is not None
            and (
                focus := the_place_named(
                    s.text, self.recent, s.idx, self.placed, window=_FILED_FOCUS, anaphor=False
                )
            )
            and focus[0] == site_of(self.filed_from)
        ):
            # "KHERSON, Ukraine — ... On Thursday afternoon, shells struck a neighbourhood near the river port,
            # killing a man": people hurt where a story filed from a city is still talking about that city
            return focus, "the city the story is filed from and talking about"
        if (
            self.region_named_last
            and (
                s.idx - self.region_named_at <= _REGION_RECENT
                or set(self.regions_seen)
                == {self.region_named_last}  # (the only region the story has been in)
            )
            and (v := unknown_settlement(s.own, s.text, s.start)) is not None
        ):
            # "shelling of the border village of Nekhoteyevka damaged a checkpoint", in a story about the Belgorod
            # region: a village the gazetteer lacks, named with nothing that locates it, lies in the region the
            # story has just named; later bare mentions of it are this place
            self.placed.setdefault(norm(v.surface), (v.surface, self.region_named_last))
            return (v.surface, self.region_named_last, 2), "the region the story named last"
        return None

    # ------------------------------------------------------------------------------ discourse

    @staticmethod
    def _a_village(m: Mention) -> bool:
        """A settlement the gazetteer holds as a village (many bear its name)."""
        ent = load_registry().entities.get(m.entity_id)
        return ent is not None and ent.entity_type == "place" and ent.population < _VILLAGE

    def _told_just_before(self, s: Sentence) -> Draft | None:
        """The last event, when the sentence right before this one, in its paragraph, told it — or in the
        paragraph before, when this one opens by naming it again ("The strike on Wednesday also wounded 31")."""
        prev = self.drafts[-1] if self.drafts else None
        if prev is None or prev.sentence_index != s.idx - 1 or opens_a_section(s.text):
            return None  # ("Background: On Friday, ...": a new account)
        if (
            prev.paragraph == s.paragraph
            or prev.paragraph == s.paragraph - 1
            and names_the_event_again(s.text)
        ):
            return prev
        return None

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
            f.sub in _TERRITORY_CHANGES
            and prev.trigger.sub_event_type == "Armed clash"
            and (f.unplaced or f.admin1_iso == prev.admin1_iso and _narrows(prev, f))
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
        if not (_CLAIMED_BY_IT.match(s.text) or _IT_SAID_AT_THE_END.search(s.text)):
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
                or (self.kind != NOTE and (_PARTITIVE.search(s.text) or _OF_THE_WEAPONS.search(s.text)))
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
            or f.country
        )
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
            f.sub == "Non-violent transfer of territory" or f.sub in _TERRITORY_CHANGES and self.kind != NOTE
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


_OVER_THE_REGION = re.compile(r"\b(?:over|above) the region\b(?! of)")
_THE_REGION = re.compile(
    r"\b(?:in|across|throughout|around) the (?:(?:eastern|southern|northern|western|border|front-line|frontline) )?region\b(?! of)"
)
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


# a day named in a clause about an earlier event: "Moscow has stepped up its air campaign after an attack on
# Belgorod on December 30" dates the attack, not the news
_DATES_AN_EARLIER_EVENT = re.compile(
    r"\b(?:after|since|before|following|in response to|(?:retaliation|revenge|reprisal|retribution) for)\b[^,;]*$",
    re.IGNORECASE,
)


_HARMFUL = ("Explosions/Remote violence", "Violence against civilians", "Battles")


def _another_day(prev: Draft, date: EventDate) -> bool:
    """Both tellings name their own day (not the day of a report) and the days differ."""
    return (
        date.explicit
        and not date.reported
        and prev.date_explicit
        and not prev.date_reported
        and date.date != prev.date
    )


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


def side_of_actor(actor: str | None) -> str | None:
    """The side key of an ACLED forces actor (``Military Forces of Russia`` → Russia)."""
    return next((k for k, v in ACTOR_FORCES.items() if v == actor), None)


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
        trig.sub_event_type in _TERRITORY_CHANGES
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


# where a protest gathered, right after its word: "demonstrated in Kyiv", "marched through central Lviv"
_GATHERED_IN = re.compile(
    r"\s*(?:(?<=\s)(?:(?-i:[a-z])\w*\s+){0,2}?(?:in|at|through|outside|on|across)\s+)?(?:the\s+)?(?:central\s+|downtown\s+|"
    r"(?:centre|center|streets|main square|square)\s+of\s+)?",
    re.IGNORECASE,
)


def _gathered_at(s: Sentence, trig: Trigger) -> list[Mention]:
    """The place named right after a protest's word, where its people gathered; [] when none is."""
    m = _GATHERED_IN.match(s.text, trig.end)
    if m is None:
        return []
    at = s.start + m.end()
    return [x for x in s.own if x.char_start == at and x.entity_type in ("place", "region")]


def _regions_told(s: Sentence, placed: dict[str, tuple[str, str]]) -> set[str]:
    """The first-level regions a sentence's own places lie in (not a capital standing for its government, nor a
    place in a speaker's title) — where the story placed a name, there ("Klimovo in the Bryansk Region" is
    Bryansk's, not a Crimean namesake's)."""
    return {
        r
        for m in s.own
        if (r := placed.get(norm(m.surface), (None, region_of(m)))[1])
        and not names_a_government(m, s.text, s.start)
        and not in_a_speakers_title(m, s.text, s.start)
    }


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
        # a report's day is no day of the event's own; an event told as going on now is the day's own
        lambda d: (not d.date_explicit or d.date_reported) and not (d.notes and told_as_ongoing(d.notes[0])),
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

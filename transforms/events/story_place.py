"""The place stage of reading a story: where a sentence's event happened, given what the story named before."""

from __future__ import annotations

import re
from collections import Counter

from transforms.events.actors import side_named
from transforms.events.discourse import districts_named, names_the_event_again
from transforms.events.draft import Draft
from transforms.events.genre import NOTE
from transforms.events.places import (
    CITY,
    PLURAL_REGIONS,
    TOWN,
    capital_meant,
    choose_location,
    coherent,
    headed_for,
    is_unplaced,
    may_be_where_it_happened,
    named_as_a_settlement,
    placed_by_region,
    refers_back_only_to_an_area,
    refers_there,
    scene_of,
    site_of,
    speakers_jurisdiction,
    the_place_named,
    unknown_settlement,
)
from transforms.events.reading import WIDE_FRONT, Sentence, region_of
from transforms.events.structure import opens_a_section
from transforms.events.triggers import Trigger
from transforms.names.keys import norm
from transforms.names.registry import load_registry
from transforms.names.resolve import Mention

# a ground offensive told as opened, or as crossing the border
_GROUND_OFFENSIVE = re.compile(
    r"\bcrossed\s+(?:the\s+)?(?:state\s+)?border\b|"
    r"\b(?:launched|began|started|opened|mounted)\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,3}?(?:offensive|incursion|assault)\b|"
    r"\b(?:offensive|assault|incursion)\s+(?:began|started|opened|was\s+launched)\b",
    re.I,
)

# weapons on their way to "the capital"
_HEADED_FOR_THE_CAPITAL = re.compile(
    r"\b(?:flying|heading|headed|sent|launched|aimed|fired)\s+(?:towards?|at|for)\s+the\s+capital\b", re.I
)

# sentences: the dateline's city is still the story's when no other settlement was named since
_FILED_FOCUS = 15

_REGION_RECENT = 3  # sentences: a region named this recently is the one the story is in

_VILLAGE = 2_000  # inhabitants: below this a settlement's name is likely borne by others the gazetteer lacks

# fighting told as a state of things, not an act: "amid the heavy fighting", "battles are still raging"
_ONGOING_FIGHTING = re.compile(
    r"\b(?:heavy|fierce|intense|intensive|street|bitter|ongoing)\s+(?:fighting|battles?)\b|"
    r"\b(?:fighting|battles?)\s+(?:(?:has|have|had)\s+)?(?:continu\w*|(?:(?:is|are|was|were)\s+)?(?:still\s+)?raging)",
    re.IGNORECASE,
)

_CAPITAL_REGIONS = {"UA-30", "RU-MOW"}

# a settlement said to be near the one told before: "the nearby village of Pishchane"
_NEARBY = re.compile(r"\bnearby\s+(?:(?:village|town|settlement|hamlet)s?\s+of\s+)?$", re.I)
# a district said to be the city's: "the city's Kyivskyi district", "the Kyivskyi district of the city"
_OF_THE_CITY = re.compile(r"\bthe city['’]s\s|\bdistricts?\s+of\s+the\s+city\b", re.I)
_OVER_THE_REGION = re.compile(r"\b(?:over|above) the region\b(?! of)")

_THE_REGION = re.compile(
    r"\b(?:in|across|throughout|around) the (?:(?:eastern|southern|northern|western|border|front-line|frontline) )?region\b(?! of)"
)

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


class StoryPlace:
    """Where a sentence's event happened in the story: the places its clause names, the city whose district it
    names, "there" and "the capital", the region or dateline the story is about — the place stage of
    :class:`transforms.events.assemble.StoryReader`, reading its state."""

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
            if (near := self._region_of_the_place_near(s, chosen)) is not None:
                keep, around = (
                    True,
                    Counter({near: 1}),
                )  # "the nearby village of Pishchane": near the last place
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

    def _region_of_the_place_near(self, s: Sentence, chosen: Mention) -> str | None:
        """The region of the settlement named last before ``chosen``, when the text says ``chosen`` is near it
        ("Kupiansk ... the nearby village of Pishchane"); None otherwise."""
        at = chosen.char_start - s.start
        if not _NEARBY.search(s.text, max(0, at - 40), at):
            return None
        before = [m for _, m in self.recent if m.char_start < chosen.char_start]
        return region_of(before[-1]) if before else None

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
        # "the city's Kyivskyi district", "the Kyivskyi district of the city": the story's city, however far back
        # it was named; a district named alone, a city named in the last sentences
        window = 12 if _OF_THE_CITY.search(s.text[max(0, named.start() - 12) : named.end() + 12]) else 3
        city = the_place_named(
            s.text, self.recent, s.idx, self.placed, window=window, anaphor=False, at=s.start
        )
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
            and not WIDE_FRONT.search(s.text)
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
        if not WIDE_FRONT.search(s.text) and (capital := capital_meant(s.text, self.text, s.start)):
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

"""Roundup: what a sentence adds to the event told before it.

- **A list of places, one row each**: a count per place in one sentence ("killed two people in Kostiantynivka
  and one in Pokrovsk") is one event per place, each with its own count (``split_per_place``); an event whose
  place belongs to a list of places is one event per place of the list, each with the casualties of its own
  clause (``list_events``).
- **A roundup's local impacts of the lead attack**: a story that leads with a barrage ("Russia launched a
  massive missile and drone attack overnight") and then counts casualties or tells damage at places of their
  own ("In the Volyn region, a power plant was damaged") tells that attack's local events (``lead_attack``,
  ``local_impact``).
- **Follow-up sentences giving casualties** ("Two people were killed, the governor said.") belong to the event
  just told (``attach_follow_up``); shelling with fighting on the ground told next is an armed clash
  (``become_clash``).
- **Debris of a downed drone** that hit something makes the interception the attack, by the weapon's owner
  (``debris_hit``).
- **Force on protesters** ("threw stun grenades at the protesters") makes a protest excessive force against
  them (``force_on_protesters``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import replace

from transforms.events.actors import ACTOR_FORCES, CIVILIAN, acled_actor2, attacker_side, other_side
from transforms.events.casualties import CODING_NOTES, casualties, says_coded
from transforms.events.discourse import own_clause, place_lists
from transforms.events.draft import Draft, larger_count
from transforms.events.numbers import parse_count, word_number
from transforms.events.places import choose_location, coherent, is_unplaced, item_place, site_of
from transforms.events.temporal import event_time
from transforms.events.triggers import Trigger
from transforms.names.keys import token_key
from transforms.names.registry import load_registry
from transforms.names.resolve import Mention, region_holding

DEBRIS_DAMAGE = re.compile(
    r"\b(?:debris|shrapnel|fragments|wreckage)\b[^.]{0,60}\b(?:hit|damag\w*|fell|struck|injur\w*|kill\w*|destroy\w*)|"
    r"\bcrashed (?:on|onto|into) (?:[\w-]+ ){0,2}(?:houses?|buildings?|homes?)",
    re.I,
)

_FORCE_ON_PROTESTERS = re.compile(
    r"\b(?:tear gas|stun grenades?|rubber bullets|water cannons?|batons)\b|"
    r"\b(?:fired|shot|opened fire)\s+(?:at|on)\s+(?:the\s+)?(?:protesters|demonstrators|crowd|rally)\b|"
    r"\b(?:beat|beaten|attacked)\s+(?:the\s+)?(?:protesters|demonstrators)\b|\bdispersed\b[^.]{0,40}\b(?:violently|by force|force)\b",
    re.I,
)

# what a lead attack did at a place with nobody counted: "In the Volyn region, a power plant was damaged"
DAMAGED = re.compile(
    r"\b(?:was|were|been) (?:badly |seriously |partly |heavily )?(?:damaged|destroyed|hit)\b"
)

_PLACE_NAME = r"[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?"
_PER_PLACE = re.compile(
    r"\b(?P<verb>kill(?:ed|ing)|wound(?:ed|ing)|injur(?:ed|ing))\s+(?P<a>[\w-]+)\s+(?:[\w-]+\s+)?in\s+"
    rf"(?P<pa>{_PLACE_NAME})\s*,?\s+and\s+(?P<b>[\w-]+)\s+(?:(?:more|other|others|people|civilians)\s+)?in\s+"
    rf"(?P<pb>{_PLACE_NAME})\b"
)


def attack_by_weapon(text: str, trig: Trigger) -> Trigger:
    """The attack an interception turned out to be (its debris hit something): a drone strike or a missile
    attack, by the weapon named."""
    if re.search(r"\b(?:drones?|UAVs?|Shaheds?)\b", text, re.I):
        return replace(
            trig, event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", weapon="drone"
        )
    return replace(
        trig,
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        weapon="missile",
    )


def split_per_place(d: Draft, sent: str, offset: int, mentions: list[Mention]) -> Draft | None:
    """A count per place in one sentence ("Russian shelling killed two people in Kostiantynivka and one in
    Pokrovsk") is one event per place, each with its own count: ``d`` keeps the first place and count, and the
    second place's event is returned (None when the sentence is not built that way)."""
    m = _PER_PLACE.search(sent)
    if m is None:
        return None
    at = {
        x.char_start - offset: x for x in mentions if x.entity_type == "place" and x.method != "provisional"
    }
    first, second = at.get(m.start("pa")), at.get(m.start("pb"))
    a, b = parse_count(m.group("a")), parse_count(m.group("b"))
    if first is None or second is None or first.entity_id != d.location_id or a is None or b is None:
        return None
    ent = load_registry().get(second.entity_id)
    if not ent.admin1_iso:
        return None
    other = replace(d, location_id=ent.entity_id, admin1_iso=ent.admin1_iso, notes=list(d.notes))
    if m.group("verb").startswith("kill"):
        d.fatalities, other.fatalities = a.value, b.value
    else:
        d.injuries, other.injuries = a.value, b.value
    return other


# a count of downed weapons told per region: "33 drones overnight: 14 over the Bryansk Region, 11 over the Kursk
# Region and eight over other regions"
# "14 drones were downed over the Bryansk Region, nine over the Kursk Region": a count, then where
_A_COUNT = re.compile(r"\b(?:\d+|[a-z]+)\b", re.I)
# (TASS: "17 over the territory of the Bryansk Region")
_DOWNED_HERE = re.compile(
    r"\s+(?:[a-z-]+\s+){0,4}?(?:over|above|in)\s+(?:the\s+)?(?:territory\s+of\s+(?:the\s+)?|skies\s+over\s+(?:the\s+)?)?",
    re.I,
)


# a tally over many regions, before its parts: "343 drones over 10 regions, including 74 over the Moscow region"
_OVER_MANY_REGIONS = re.compile(
    r"\b(?:over|across|above)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|"
    r"various)\s+(?:\w+\s+)?regions\b[^.;]{0,40}?,?\s+including\b",
    re.I,
)


def _count_downed_before(sent: str, at: int) -> int | None:
    """The number told just before a region in a tally ("14 drones were downed over the", "nine over the")."""
    window = max(0, at - 60)
    value = None
    for n in _A_COUNT.finditer(sent, window, at):
        word = n.group(0)
        count = int(word) if word.isdigit() else word_number(word.lower())
        if count is not None and _DOWNED_HERE.fullmatch(sent, n.end(), at):
            value = count
    return value


def downed_per_region(d: Draft, sent: str, offset: int, mentions: list[Mention]) -> list[Draft]:
    """An interception counted per region in one sentence is one interception per region, each with its own
    count, as ACLED codes a defence ministry's tally by region: ``d`` takes the first region and count, the
    others' events are returned ([] when the sentence does not count two regions)."""
    if d.trigger.sub_event_type != "Disrupted weapons use":
        return []
    reg = load_registry()
    counted = []
    for m in mentions:
        value = _count_downed_before(sent, m.char_start - offset)
        region = m.entity_id if m.entity_type == "region" else None
        if value is not None and region is not None and reg.get(region).country:
            counted.append((region, value))
    many = _OVER_MANY_REGIONS.search(sent)
    if (
        counted
        and many is not None
        and many.start() < min(m.char_start - offset for m in mentions if m.entity_id == counted[0][0])
    ):
        # "shot down 343 drones over 10 regions, including 74 over the Moscow region": the total is the
        # country's row, each part told after it its region's
        country = reg.get(counted[0][0]).country
        parts = [replace(d, location_id=None, admin1_iso=region, geo_precision=3, country=country, quantity=value,
                         notes=list(d.notes)) for region, value in counted]  # fmt: skip
        d.location_id, d.admin1_iso, d.geo_precision, d.country = None, None, None, country
        return parts
    if len(counted) < 2:
        return []
    out = []
    for region, value in counted[1:]:
        out.append(replace(d, location_id=None, admin1_iso=region, geo_precision=3,
                           country=reg.get(region).country, quantity=value, notes=list(d.notes)))  # fmt: skip
    d.location_id, d.admin1_iso, d.geo_precision = None, counted[0][0], 3
    d.country, d.quantity = reg.get(counted[0][0]).country, counted[0][1]
    return out


def lead_attack(triggers: list[Trigger], sent: str, time, published: dt.date) -> Draft | None:
    """The story's lead attack when this sentence tells one ("Russia launched a massive missile and drone
    attack overnight", "Dozens of Russian missiles struck targets across Ukraine"): a remote attack with its
    weapon named, as a template for the local impacts told after it."""
    trig = next(
        (t for t in triggers if t.event_type == "Explosions/Remote violence" and t.strength > 0.6), None
    )
    if trig is None:
        return None
    date = event_time(time, None, published)
    side = attacker_side(sent) or "Russia"
    return Draft(
        trigger=trig, sentence_index=-1, paragraph=-1, char_start=0, char_end=0, date=date.date,
        precision=date.precision, date_explicit=date.explicit, weapon=trig.weapon, location_id=None,
        admin1_iso=None, country=None, geo_precision=None, actor1=ACTOR_FORCES.get(side), actor2=None,
        fatalities=casualties(sent)[0] or None, injuries=None, quantity=None, actor_explicit=side is not None,
    )  # fmt: skip


def local_impact(
    barrage: Draft, sent: str, s0: int, idx: int, paragraph: int, own: list[Mention], placed: dict, time
) -> Draft | None:
    """A sentence that counts casualties or tells damage at a place of its own, with no event word, after the
    story's lead attack: a local event of that attack ("Two more people died in the Sumy region", "In the Volyn
    region, a power plant was damaged"). None when the sentence tells neither or places nothing."""
    killed, injured, victims = casualties(sent)
    if not (killed or injured or DAMAGED.search(sent)):
        return None
    loc_id, admin1_iso, geo = choose_location(own, sent, s0, placed=placed)
    loc_id = site_of(loc_id)
    if is_unplaced(loc_id, admin1_iso):
        return None
    date = time.own if time.own is not None else None
    country = load_registry().get(admin1_iso).country if admin1_iso else None
    return replace(
        barrage, sentence_index=idx, paragraph=paragraph, char_start=s0, char_end=s0 + len(sent),
        date=date.date if date else barrage.date, precision=date.precision if date else barrage.precision,
        date_explicit=date is not None or barrage.date_explicit, location_id=loc_id, admin1_iso=admin1_iso,
        country=country, geo_precision=geo, fatalities=killed, injuries=injured,
        actor2=f"Civilians ({country})" if CIVILIAN.search(victims) and country else None,
        notes=[sent], first_sentence=idx,
        evidence={"trigger": "(the story's lead attack)", "date": "its own" if date else "the lead attack's",
                  "place": "its own place", "counts": victims, "side": "the lead attack's"},
    )  # fmt: skip


def _among(mention: Mention, place: tuple, where: Counter, story: Counter) -> tuple:
    """A list item's place read among the list's other items (``where``: the list's regions) and the story's
    regions; kept by its name in the one region all the other items lie in, when the evidence is twofold."""
    others = where - Counter({place[1]: 1})
    if not others:
        return place
    if len(others) == 1 and story.get(next(iter(others)), 0) > story.get(place[1], 0):
        # the list's other places all lie in one region, the story told of it more than of this one's ("the
        # towns of Zolote and Kamyshevakha" in a story of Luhansk): the village of that region, even if the story
        # also told of the region the gazetteer's namesake lies in
        return coherent(mention, place, others, keep_name=True)
    evidence = others + story
    return coherent(
        mention, place, evidence, keep_name=len(others) == 1 and evidence.most_common(1)[0][1] >= 2
    )


def _places_of_a_list(
    d: Draft, items: list, sent: str, offset: int, region: str | None, story: Counter
) -> list[tuple[str | None, str | None, int | None]]:
    """(location, admin1, geo_precision) of each item of a list whose event the reader placed as ``d``: read in the
    region named right after the list ("the villages of Olgovka and Kremyanoye in Kursk region"), else the one
    region the sentence names; where the list's other settlements lie; a village the gazetteer lacks where all the
    others are ("took Hatyshche and Lukiantsi"), or, when it knows none of them, where the reader placed the event
    ("the villages of Pletenivka and Ohirtseve" in a story about the Kharkiv region)."""
    held = region_holding(sent, items[-1].mention.char_end - offset)
    places = [item_place(it, sent, offset, held or region) for it in items]
    # the item the reader placed the event at is where the reader placed it (a namesake the story's other places
    # chose: "Blahodatne and Neskuchne" in a story about the Donetsk region)
    ent = load_registry().entities.get(d.location_id or "")
    places = [
        (d.location_id, d.admin1_iso, d.geo_precision)
        if ent is not None
        and not it.as_region
        and token_key(ent.canonical_name) == token_key(it.mention.surface)
        else p
        for it, p in zip(items, places, strict=True)
    ]
    where = Counter(p[1] for it, p in zip(items, places, strict=True) if p[1] and not it.as_region)
    places = [
        p if it.as_region else _among(it.mention, p, where, story)
        for it, p in zip(items, places, strict=True)
    ]
    where = where or Counter([d.admin1_iso] if d.admin1_iso else [])
    return [
        (it.mention.surface, next(iter(where)), 1)
        if p[1] is None
        and len(where) == 1
        and it.mention.method == "provisional"
        and it.mention.entity_type == "place"
        else p
        for it, p in zip(items, places, strict=True)
    ]


def list_events(d: Draft, sent: str, offset: int, mentions: list[Mention], story: Counter) -> list[Draft]:
    """One event for each other place of a list the event's place belongs to (``discourse.place_lists``): each
    with the casualties of its own clause ("Cherkasy, where one person died"); ``d`` keeps the sentence's."""
    if is_unplaced(d.location_id, d.admin1_iso):
        return []
    regions = {m.entity_id for m in mentions if m.entity_type == "region"}
    region = next(iter(regions)) if len(regions) == 1 else None
    for items in place_lists(sent, offset, mentions):
        places = _places_of_a_list(d, items, sent, offset, region, story)
        # (a list of regions named by their centres' names: "Kyiv, Vinnytsia and Odesa oblasts" — the event the
        # reader placed in the city of Kyiv is the Kyiv region's)
        for it, p in zip(items, places, strict=True):
            if it.as_region and it.mention.entity_id == d.location_id and p[1]:
                d.location_id, d.admin1_iso, d.geo_precision = None, p[1], 3
        if (d.location_id, d.admin1_iso) not in [p[:2] for p in places] and not any(
            it.as_region and p[1] == d.admin1_iso for it, p in zip(items, places, strict=True)
        ):  # (how precisely the list places the event's own item is not what makes it the list's)
            continue
        out, anchor = [], None
        for it, (loc, iso, geo) in zip(items, places, strict=True):
            if iso is None:
                continue
            if (loc == d.location_id or it.as_region) and iso == d.admin1_iso:
                d.location_id, d.geo_precision = loc, geo  # a list of regions: the region, not its centre
                anchor = it
                continue
            clause = own_clause(sent, offset, it.mention)
            # a place of a list with no clause of its own: none counted when the sentence counts nobody, unknown
            # when it counts the whole list's
            tolled = d.fatalities != 0 or d.injuries != 0
            killed, injured, _ = casualties(clause) if clause else (None, None, "") if tolled else (0, 0, "")
            out.append(
                replace(
                    d, location_id=loc, admin1_iso=iso, geo_precision=geo, country=load_registry().get(iso).country,
                    fatalities=killed, injuries=injured, notes=list(d.notes),
                )
            )  # fmt: skip
        if out and anchor is not None and (d.fatalities or d.injuries):
            # a toll told for the whole list is no one place's ("struck Donetsk and Kharkiv, killing 170"): the
            # first place keeps only what its own clause says
            clause = own_clause(sent, offset, anchor.mention)
            d.fatalities, d.injuries = casualties(clause)[:2] if clause else (None, None)
        return out
    return []


def attach_follow_up(
    drafts: list[Draft],
    idx: int,
    paragraph: int,
    end: int,
    sent: str,
    reason: str | None,
    always: bool = False,
) -> bool:
    """Casualties reported in the next sentences of the same paragraph ("Two people were killed, the
    governor said.", "Unspecified fatalities coded as 10.") belong to the event just described. ``always``:
    the sentence is part of that event's account even when it counts nobody (the next one may). True when the
    sentence was read as part of that event."""
    if not drafts or reason in ("background", "aggregate", "judicial"):  # (a trial tells of its own time)
        return False
    prev = drafts[-1]
    coded = says_coded(sent) and any(rx.search(sent) for rx in CODING_NOTES)
    if prev.paragraph != paragraph or idx - prev.sentence_index > (5 if coded else 2):
        return False
    if coded:  # ACLED's note of the count it coded for the event replaces any count read before
        prev.fatalities = casualties(sent)[0]
        prev.extend(idx, end, sent)
        return True
    if force_on_protesters(prev, sent):
        always = True
    killed, injured, victims = casualties(sent)
    if not killed and not injured:
        if always:
            prev.extend(idx, end, sent)
        return always
    if prev.trigger.sub_event_type == "Disrupted weapons use" and not DEBRIS_DAMAGE.search(sent):
        # people are killed by the attack, not by its interception ("... struck Pavlohrad. Air defence
        # intercepted 5 drones. 1 civilian was killed."): the attack told just before in the paragraph
        attack = next(
            (
                d
                for d in reversed(drafts[:-1])
                if d.paragraph == paragraph and d.trigger.event_type == "Explosions/Remote violence"
            ),
            None,
        )
        prev = attack or prev
    prev.fatalities = larger_count(prev.fatalities, killed) if killed != 0 else prev.fatalities
    prev.injuries = larger_count(prev.injuries, injured) if injured != 0 else prev.injuries
    if killed and prev.trigger.sub_event_type == "Abduction/forced disappearance":
        # "... kidnapped the mayor. His body was found the next day.": the abduction was a killing (ACLED: Attack)
        prev.trigger = replace(prev.trigger, sub_event_type="Attack", weapon=None)
    if hit_civilians(prev, victims):
        prev.actor2 = f"Civilians ({prev.country})" if prev.country else "Civilians"  # the people it hit
    prev.extend(idx, end, sent)
    return True


def become_clash(d: Draft, attacker: str | None) -> None:
    """Shelling with fighting on the ground is an armed clash (ACLED): the attacker's forces (by default the
    side that shelled) against the other side's."""
    d.trigger = replace(d.trigger, event_type="Battles", sub_event_type="Armed clash")
    attacker = attacker or next((k for k, v in ACTOR_FORCES.items() if v == d.actor1), None)
    d.actor1 = ACTOR_FORCES.get(attacker or "") or d.actor1
    d.actor2 = ACTOR_FORCES.get(other_side(attacker) or "") or d.actor2


def debris_hit(prev: Draft, sent: str, victims: str) -> bool:
    """ "... was shot down. Debris of the drone hit residential buildings.": the interception is coded as the
    attack, by the weapon's owner. True when ``prev`` was changed."""
    if prev.trigger.sub_event_type != "Disrupted weapons use" or not DEBRIS_DAMAGE.search(sent):
        return False
    prev.trigger = attack_by_weapon(" ".join(prev.notes) + " " + sent, prev.trigger)
    prev.actor1, prev.actor2 = (
        prev.actor2,
        acled_actor2(prev.trigger.event_type, victims, sent, prev.country, None),
    )
    return True


def force_on_protesters(prev: Draft, sent: str) -> bool:
    """A protest met with force ("Russian forces ... threw stun grenades at the protesters"): ACLED codes it as
    excessive force, by the force (actor1) against the protesters (actor2). True when ``prev`` was changed."""
    if prev.trigger.event_type != "Protests" or not _FORCE_ON_PROTESTERS.search(sent):
        return False
    prev.trigger = replace(prev.trigger, sub_event_type="Excessive force against protesters")
    if prev.actor1 and prev.actor1.startswith("Protesters"):
        prev.actor2 = prev.actor1
    side = attacker_side(sent)
    police = f"Police Forces of {prev.country}" if prev.country else "Police Forces"
    prev.actor1 = ACTOR_FORCES.get(side or "") or police
    return True


def hit_civilians(prev: Draft, victims: str) -> bool:
    """A later sentence's victims are civilians, and the strike before named no one it hit."""
    return (
        prev.actor2 is None
        and prev.trigger.event_type == "Explosions/Remote violence"
        and bool(CIVILIAN.search(victims))
    )

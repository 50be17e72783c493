"""Sentences + resolved mentions → ACLED-style event rows with provenance.

One sentence can hold several events (different sub-types at different places); consecutive sentences in
a paragraph that continue one event ("one rocket struck a place where ...", "It said most were shot
down") are merged into it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field, replace

from transforms.events.actors import (
    ACTOR_FORCES,
    CIVILIAN,
    PARTISANS,
    UNIDENTIFIED_FORCES,
    WITHDRAWER,
    acled_actor1,
    acled_actor2,
    attacker_side,
    forces_struck,
    interceptor_side,
    other_side,
    repelled_side,
    side_named,
    side_of,
)
from transforms.events.casualties import (
    CODING_NOTES,
    casualties,
    says_coded,
)
from transforms.events.discourse import merge_retold, own_clause, place_lists
from transforms.events.numbers import parse_count, weapon_quantity
from transforms.events.places import (
    PLURAL_REGIONS,
    after_dateline,
    choose_location,
    is_unplaced,
    item_place,
    placed_by_region,
    scene_of,
    site_of,
    the_place_named,
)
from transforms.events.structure import datelines, paragraphs
from transforms.events.temporal import event_time, judicial, sentence_time
from transforms.events.triggers import (
    FIRE_BACK,
    Trigger,
    aircraft_downed,
    downed_by_aircraft,
    find_triggers,
)
from transforms.names.keys import norm
from transforms.names.registry import load_registry
from transforms.names.resolve import Mention
from transforms.schema import EXTRACTOR_VERSION

# ACLED's first-level units where they differ from ISO 3166-2: Sevastopol is coded in Crimea
ACLED_ADMIN1 = {"UA-40": "UA-43"}
_TERRITORY_CHANGES = ("Government regains territory", "Non-state actor overtakes territory")


_WEAPON_WORD = re.compile(
    r"\b(?:drones?|UAVs?|Shaheds?|missiles?|rockets?|shells?|artillery|bombs?|munitions?|mortars?)\b", re.I
)
_EVACUATED = re.compile(r"\bevacuat(?:ed|ion)\b|\bdisplace(?:d|ment)\b|\bfled\b", re.I)
_DEBRIS_DAMAGE = re.compile(
    r"\b(?:debris|shrapnel|fragments|wreckage)\b[^.]{0,60}\b(?:hit|damag\w*|fell|struck|injur\w*|kill\w*|destroy\w*)|"
    r"\bcrashed (?:on|onto|into) (?:[\w-]+ ){0,2}(?:houses?|buildings?|homes?)",
    re.I,
)
_TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")
_WITHDRAWAL = re.compile(
    r"\b(?:withdr(?:ew|awn|awal)|retreat(?:ed)?|departed|abandoned|left (?:the|their|its))\b", re.I
)
_NO_FIGHTING = re.compile(
    r"\bno information on whether fighting took place|\bwithout (?:a )?fight(?:ing)?\b", re.I
)
_FIGHTING = re.compile(
    r"\b(?:clash\w*|fight(?:s|ing)?|fought|battles?|assault\w*|storm\w*|shell\w*|(?:counter-?)?offensive\w*)\b",
    re.I,
)
_FIRE_BACK = re.compile(FIRE_BACK, re.I)
_FORCE_ON_PROTESTERS = re.compile(
    r"\b(?:tear gas|stun grenades?|rubber bullets|water cannons?|batons)\b|"
    r"\b(?:fired|shot|opened fire)\s+(?:at|on)\s+(?:the\s+)?(?:protesters|demonstrators|crowd|rally)\b|"
    r"\b(?:beat|beaten|attacked)\s+(?:the\s+)?(?:protesters|demonstrators)\b|\bdispersed\b[^.]{0,40}\b(?:violently|by force|force)\b",
    re.I,
)


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

    def extend(self, idx: int, end: int, sentence: str) -> None:
        """Add a later sentence of the same paragraph to this event's evidence."""
        self.sentence_index = idx
        self.char_end = end
        self.notes.append(sentence)


def _attack_by_weapon(text: str, trig: Trigger) -> Trigger:
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


def _article_events(
    article_id: str,
    text: str,
    published: dt.date,
    sentences: list[tuple[int, int]],
    mentions: list[Mention],
) -> list[Draft]:
    drafts: list[Draft] = []
    reg = load_registry()
    carried: dt.date | None = None  # the date of the account being told, within a paragraph
    carried_at: str | None = None  # and the region it is told at
    recent: list[tuple[int, Mention]] = []  # the settlements named so far, with their sentence
    barrage: Draft | None = None  # the story's lead attack, whose local impacts are told after it
    weapon_context: str | None = None
    paragraph = 0
    last_end = 0
    last_country: str | None = None
    placed: dict[str, tuple[str, str]] = {}  # norm(place name) -> (location, admin1) placed by its region
    placeless_clash: tuple[int, int, str | None] | None = None  # (paragraph, sentence, attacker side)
    setting: tuple | None = (
        None  # the last sentence without an event: (paragraph, index, mentions, text, ...)
    )
    filed = datelines(text)  # paragraph start -> end of its dateline
    skipped = {p.start for p in paragraphs(text) if p.kind != "text"}  # time stamps, bylines, captions
    mi = 0
    for idx, (s0, s1) in enumerate(sentences):
        if "\n\n" in text[last_end:s0]:
            paragraph += 1
            weapon_context = None
            carried = None
        last_end = s1
        dateline_end = filed.get(s0, 0)
        sent = text[s0:s1]
        if s0 in skipped:
            continue
        sent_mentions = []
        while mi < len(mentions) and mentions[mi].char_start < s0:
            mi += 1
        j = mi
        while j < len(mentions) and mentions[j].char_start < s1:
            sent_mentions.append(mentions[j])
            j += 1
        for m in sent_mentions:
            if m.entity_type == "country":
                last_country = m.canonical_name
            elif m.entity_type == "place" and m.method != "provisional" and m.char_start >= dateline_end:
                recent.append((idx, m))
        low = sent.lower()
        if "drone" in low or "shahed" in low or "uav" in low:
            weapon_context = "drone"
        elif "missile" in low or "rocket" in low:
            weapon_context = "missile"
        time = sentence_time(sent, published, carried)
        reason = None if time.status == "news" else time.status
        if not time.is_news:
            carried = None  # background does not date what is told after it
        triggers = find_triggers(sent, low) if reason in (None, "demand") else []
        if reason == "demand" and triggers and triggers[0].event_type != "Protests":
            triggers = []  # "urged", "called for" outside a protest: a statement, not an event
        if barrage is None and reason in (None, "aggregate"):
            barrage = _barrage(triggers or find_triggers(sent, low), sent, time, published)
        if reason is None and not (triggers and triggers[0].sub_event_type == "Arrests") and judicial(sent):
            reason, triggers = "judicial", []  # a trial tells of an event of its own time, told elsewhere
        if not triggers:
            impact = None
            prev = drafts[-1] if drafts else None
            follows = prev is not None and prev.paragraph == paragraph and idx - prev.sentence_index <= 2
            if reason is None and barrage is not None and not follows:
                own = after_dateline(sent_mentions, dateline_end)[0]
                impact = _local_impact(barrage, sent, s0, idx, paragraph, own, placed, time)
            if impact is not None:  # "In the Ternopil region, a man was killed when debris fell on his house"
                drafts.append(impact)
                continue
            _attach_follow_up(drafts, idx, paragraph, s1, sent, reason)
            # read only if the next sentence tells an event without a place
            setting = (paragraph, idx, sent_mentions, sent, s0, reason)
            continue
        trig = triggers[0]
        owner = None  # the side whose weapon it was, when the sentence says so only indirectly
        if aircraft_downed(sent) and downed_by_aircraft(sent):
            trig = replace(trig, event_type="Battles", sub_event_type="Armed clash", weapon="aircraft")
        elif trig.sub_event_type == "Disrupted weapons use" and _DEBRIS_DAMAGE.search(sent):
            # the debris of what was shot down hit something: ACLED codes the attack, by the weapon's owner
            trig = _attack_by_weapon(sent, trig)
            owner = other_side(interceptor_side(sent))
        if (
            trig.sub_event_type in _TERRITORY
            and (_WITHDRAWAL.search(sent) or _NO_FIGHTING.search(sent))
            and not _FIGHTING.search(_NO_FIGHTING.sub(" ", sent))
        ):
            # a place that changed hands as the other side left it, with no fighting named
            trig = replace(
                trig, event_type="Strategic developments", sub_event_type="Non-violent transfer of territory"
            )
        if trig.sub_event_type == "Abduction/forced disappearance" and re.search(r"\bkill(?:ed|ing)\b", sent):
            trig = replace(
                trig, event_type="Violence against civilians", sub_event_type="Attack", weapon=None
            )
        weapon = trig.weapon or next((t.weapon for t in triggers if t.weapon), None)
        sub = trig.sub_event_type
        if trig.strength <= 0.6 and trig.event_type == "Explosions/Remote violence":
            weapon = weapon or weapon_context
            if weapon == "drone":
                sub = "Air/drone strike"
        killed, injured, victims = casualties(sent)
        own, filed_only = after_dateline(sent_mentions, dateline_end)
        loc_id, admin1_iso, geo = choose_location(own, sent, s0, placed=placed)
        loc_id = site_of(loc_id)
        if loc_id is not None and filed_only:
            # only the dateline's city: where the story was filed, the least precise of guesses — and no guess
            # for fighting, which is at the front, not where reporters file from
            loc_id, admin1_iso, geo = (
                (None, None, None) if trig.event_type == "Battles" else (loc_id, admin1_iso, 3)
            )
        if placed_by_region(sent_mentions, sent, s0, (loc_id, admin1_iso, geo)):
            # placed by the region named after it: later bare mentions of that name are this place
            name = reg.get(loc_id).canonical_name if loc_id in reg.entities else loc_id
            placed.setdefault(norm(name), (loc_id, admin1_iso))
        prev = drafts[-1] if drafts else None
        if (
            is_unplaced(loc_id, admin1_iso)
            and trig.strength > 0.6
            and setting is not None
            and setting[:2] == (paragraph, idx - 1)
            and not (prev is not None and prev.paragraph == paragraph and prev.sentence_index == idx - 1)
            and (scene := scene_of(*setting[2:]))
        ):
            # "... broke into a house in Khotimlia, Kharkiv region. They tortured the couple ...": an event told
            # right after the sentence that set the scene at a place (and told no event there) happened there
            loc_id, admin1_iso, geo = scene
        elif is_unplaced(loc_id, admin1_iso) and (named := the_place_named(sent, recent, idx)):
            # "Russian strikes hit a hospital in the city": the settlement the story named last
            loc_id, admin1_iso, geo = named
        # a date carries over the sentences of one account: not to an event in another region
        same_account = carried_at is None or admin1_iso is None or admin1_iso == carried_at
        date = event_time(time, carried if same_account else None, published)
        country = None
        if admin1_iso:
            country = reg.get(admin1_iso).country
        plural = PLURAL_REGIONS.search(sent)
        if plural and plural.group("adj"):
            loc_id, admin1_iso, geo = None, None, None
            country = side_named(plural.group("adj"))
        unplaced = is_unplaced(loc_id, admin1_iso)
        qty = weapon_quantity(sent)
        quantity = qty[0] if qty and qty[1] not in ("soldiers", "troops", "servicemen") else None
        if trig.sub_event_type == "Other" and qty:
            quantity = qty[0]
        side = owner or attacker_side(sent) or forces_struck(sent)

        if (
            sub == "Armed clash"
            and unplaced
            and prev is not None
            and prev.paragraph == paragraph
            and prev.sentence_index == idx - 1
            and prev.trigger.event_type == "Explosions/Remote violence"
            and _FIRE_BACK.search(sent)
        ):
            # "Russian forces shelled Marinka. Ukrainian forces responded with fire.": fire both ways, a clash
            prev.trigger = replace(prev.trigger, event_type="Battles", sub_event_type="Armed clash")
            prev.actor2 = ACTOR_FORCES.get(side or "") or prev.actor2
            prev.extend(idx, s1, sent)
            continue
        if (
            sub in _TERRITORY_CHANGES
            and prev is not None
            and prev.paragraph == paragraph
            and prev.sentence_index == idx - 1
            and prev.trigger.sub_event_type == "Armed clash"
            and (unplaced or admin1_iso == prev.admin1_iso)
        ):
            # "Ukrainian forces clashed with Russian forces in X. The village was liberated.": ACLED codes a battle
            # after which the place changed hands as the territory change
            prev.trigger = replace(prev.trigger, event_type=trig.event_type, sub_event_type=sub)
            prev.actor1 = acled_actor1(trig.event_type, sub, side, prev.country) or prev.actor1
            prev.extend(idx, s1, sent)
            continue
        weak_clash = trig.strength <= 0.6 and trig.event_type == "Battles"
        continues = (
            prev is not None
            and prev.paragraph == paragraph
            and prev.sentence_index == idx - 1
            # a weak clash ("killed 40 Ukrainian soldiers near A, B and C") right after an event is its toll
            and (unplaced or admin1_iso == prev.admin1_iso or weak_clash)
            and (
                sub == prev.trigger.sub_event_type
                or trig.strength <= 0.6
                or sub == "Disrupted weapons use"
                and prev.quantity
            )
            and not (
                sub == "Disrupted weapons use" and prev.trigger.sub_event_type != sub and prev.admin1_iso
            )
        )
        if continues and prev is not None:
            if _debris_hit(prev, sent, victims):
                pass
            elif sub == "Disrupted weapons use" and prev.trigger.sub_event_type != sub:
                # "attacked with 70 drones ... most were shot down": the event is the interception
                prev.trigger = trig
                prev.actor1, prev.actor2 = (
                    ACTOR_FORCES.get(other_side(side) or "") or prev.actor2,
                    prev.actor1,
                )
            elif _force_on_protesters(prev, sent):
                pass
            elif _hit_civilians(prev, victims):
                # "... shelled Kherson. As a result of the shelling, 1 civilian was killed"
                prev.actor2 = f"Civilians ({prev.country})" if prev.country else "Civilians"
            prev.fatalities = _max(prev.fatalities, killed)
            prev.injuries = _max(prev.injuries, injured)
            prev.quantity = prev.quantity or quantity
            prev.extend(idx, s1, sent)
            carried, carried_at = prev.date, prev.admin1_iso
            continue

        if sub == "Disrupted weapons use":
            country = country or last_country
            weapon = weapon or weapon_context
            if quantity is None and idx > 0 and not qty:
                prev_qty = weapon_quantity(text[sentences[idx - 1][0] : sentences[idx - 1][1]])
                quantity = prev_qty[0] if prev_qty else None
            if unplaced and country is None:
                continue
            # ACLED: actor1 is the side that disrupted the weapons, actor2 the side that used them
            defender = interceptor_side(sent) or (other_side(side) if side else country)
            actor1 = ACTOR_FORCES.get(defender or "")
            actor2 = ACTOR_FORCES.get(other_side(defender) or "")
        else:
            if unplaced:
                # ACLED codes events at a place; a sentence with no place is context — of the event just told
                # when it follows it ("... clashed in Melitopol. Russian forces hit a Ukrainian tank.")
                if prev is not None and prev.paragraph == paragraph and prev.sentence_index == idx - 1:
                    if sub == "Armed clash" and prev.trigger.event_type == "Explosions/Remote violence":
                        # "... shelled near Kodema. They clashed with Ukrainian forces and were repelled."
                        _become_clash(prev, None)
                    _debris_hit(prev, sent, victims)
                    _attach_follow_up(drafts, idx, paragraph, s1, sent, None, always=True)
                elif sub == "Armed clash" and trig.strength > 0.6:
                    # the shelling told next, at a place, is this fight
                    placeless_clash = (paragraph, idx, side)
                # "On 12 September, ..." dates what follows
                carried = date.date if date.explicit else carried
                continue
            if (
                trig.strength <= 0.6
                and trig.event_type == "Explosions/Remote violence"
                and not (killed or injured or killed is None or injured is None)
                and not _WEAPON_WORD.search(sent)
                and not forces_struck(sent)
            ):
                continue  # a bare "attack"/"struck" with no victims, no weapon and no military named
            # with no side named, the other side of the country attacks; partisans act against the occupiers
            home = country if PARTISANS.search(sent) else other_side(country)
            attacker = (repelled_side(sent) if trig.event_type == "Battles" else None) or side or home
            actor1 = acled_actor1(trig.event_type, sub, attacker, country)
            actor2 = acled_actor2(trig.event_type, victims, sent, country, attacker)
            left = WITHDRAWER.search(sent) if sub == "Non-violent transfer of territory" else None
            if left:  # the side that took the place over is the actor, the side that left the other
                gone = side_of(left)
                actor1, actor2 = ACTOR_FORCES.get(other_side(gone) or ""), ACTOR_FORCES.get(gone or "")
            if PARTISANS.search(sent) and country == "Ukraine":
                # ACLED codes Ukrainian partisans as the communal militia of their town
                town = reg.get(loc_id).canonical_name if loc_id in reg.entities else loc_id
                actor1 = (
                    f"{town} Communal Militia (Ukraine)" if town else "Unidentified Armed Group (Ukraine)"
                )
            elif sub == "Other" and _EVACUATED.search(sent):
                actor1 = f"Civilians ({country})" if country else "Civilians"  # the people displaced
            elif side is None and sub == "Remote explosive/landmine/IED":
                actor1 = UNIDENTIFIED_FORCES  # a mine or unexploded ordnance nobody is named as placing
        drafts.append(
            Draft(
                trigger=Trigger(trig.event_type, sub, weapon, trig.start, trig.end, trig.strength),
                sentence_index=idx,
                paragraph=paragraph,
                char_start=s0,
                char_end=s1,
                date=date.date,
                precision=date.precision,
                date_explicit=date.explicit,
                weapon=weapon,
                location_id=loc_id,
                admin1_iso=admin1_iso,
                country=country,
                geo_precision=geo,
                actor1=actor1,
                actor2=actor2,
                fatalities=killed,
                injuries=injured,
                quantity=quantity,
                actor_explicit=side is not None,
                notes=[sent],
                first_sentence=idx,
            )
        )
        _force_on_protesters(drafts[-1], sent)  # "police used tear gas to disperse a rally in Odesa"
        second = _split_per_place(drafts[-1], sent, s0, sent_mentions)
        if second is not None:  # "killed two people in Kostiantynivka and one in Pokrovsk": two events
            drafts.append(second)
        else:  # "shelling in Maryinka, Slovyansk, and Kramatorsk": one event per place of the list (the
            # first place's event stays last: casualties told next are read as the first place's)
            drafts[-1:-1] = _list_events(drafts[-1], sent, s0, own)
        if (
            placeless_clash
            and placeless_clash[:2] == (paragraph, idx - 1)
            and drafts[-1].trigger.event_type == "Explosions/Remote violence"
        ):
            # "Russian forces attacked towards X, clashing with Ukrainian forces. They also shelled X, Donetsk.":
            # the fighting named first, without its region, and the shelling are one clash
            _become_clash(drafts[-1], placeless_clash[2])
        if date.explicit:
            carried, carried_at = date.date, admin1_iso
    return drafts


_PLACE_NAME = r"[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?"
_PER_PLACE = re.compile(
    r"\b(?P<verb>kill(?:ed|ing)|wound(?:ed|ing)|injur(?:ed|ing))\s+(?P<a>[\w-]+)\s+(?:[\w-]+\s+)?in\s+"
    rf"(?P<pa>{_PLACE_NAME})\s*,?\s+and\s+(?P<b>[\w-]+)\s+(?:(?:more|other|others|people|civilians)\s+)?in\s+"
    rf"(?P<pb>{_PLACE_NAME})\b"
)


def _split_per_place(d: Draft, sent: str, offset: int, mentions: list[Mention]) -> Draft | None:
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


def _barrage(triggers: list[Trigger], sent: str, time, published: dt.date) -> Draft | None:
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
        fatalities=None, injuries=None, quantity=None, actor_explicit=side is not None,
    )  # fmt: skip


def _local_impact(
    barrage: Draft, sent: str, s0: int, idx: int, paragraph: int, own: list[Mention], placed: dict, time
) -> Draft | None:
    """A sentence that counts casualties at a place of its own, with no event word, after the story's lead
    attack: a local event of that attack ("Two more people died in the Sumy region"). None when the sentence
    counts nobody or places nothing."""
    killed, injured, victims = casualties(sent)
    if not (killed or injured):
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
    )  # fmt: skip


def _list_events(d: Draft, sent: str, offset: int, mentions: list[Mention]) -> list[Draft]:
    """One event for each other place of a list the event's place belongs to (``discourse.place_lists``): each
    with the casualties of its own clause ("Cherkasy, where one person died"); ``d`` keeps the sentence's."""
    if d.trigger.sub_event_type == "Disrupted weapons use" or is_unplaced(d.location_id, d.admin1_iso):
        return []
    regions = {m.entity_id for m in mentions if m.entity_type == "region"}
    region = next(iter(regions)) if len(regions) == 1 else None
    for items in place_lists(sent, offset, mentions):
        places = [item_place(it, sent, offset, region) for it in items]
        if (d.location_id, d.admin1_iso, d.geo_precision) not in places and not any(
            it.as_region and p[1] == d.admin1_iso for it, p in zip(items, places, strict=True)
        ):
            continue
        out = []
        for it, (loc, iso, geo) in zip(items, places, strict=True):
            if iso is None:
                continue
            if (loc == d.location_id or it.as_region) and iso == d.admin1_iso:
                d.location_id, d.geo_precision = loc, geo  # a list of regions: the region, not its centre
                continue
            clause = own_clause(sent, offset, it.mention)
            killed, injured, _ = casualties(clause) if clause else (None, None, "")
            out.append(
                replace(
                    d, location_id=loc, admin1_iso=iso, geo_precision=geo, country=load_registry().get(iso).country,
                    fatalities=killed, injuries=injured, notes=list(d.notes),
                )
            )  # fmt: skip
        return out
    return []


def _attach_follow_up(
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
    if not drafts or reason in ("background", "aggregate"):
        return False
    prev = drafts[-1]
    coded = says_coded(sent) and any(rx.search(sent) for rx in CODING_NOTES)
    if prev.paragraph != paragraph or idx - prev.sentence_index > (5 if coded else 2):
        return False
    if coded:  # ACLED's note of the count it coded for the event replaces any count read before
        prev.fatalities = casualties(sent)[0]
        prev.extend(idx, end, sent)
        return True
    if _force_on_protesters(prev, sent):
        always = True
    killed, injured, victims = casualties(sent)
    if not killed and not injured:
        if always:
            prev.extend(idx, end, sent)
        return always
    if prev.trigger.sub_event_type == "Disrupted weapons use" and not _DEBRIS_DAMAGE.search(sent):
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
    prev.fatalities = _max(prev.fatalities, killed) if killed != 0 else prev.fatalities
    prev.injuries = _max(prev.injuries, injured) if injured != 0 else prev.injuries
    if killed and prev.trigger.sub_event_type == "Abduction/forced disappearance":
        # "... kidnapped the mayor. His body was found the next day.": the abduction was a killing (ACLED: Attack)
        prev.trigger = replace(prev.trigger, sub_event_type="Attack", weapon=None)
    if _hit_civilians(prev, victims):
        prev.actor2 = f"Civilians ({prev.country})" if prev.country else "Civilians"  # the people it hit
    prev.extend(idx, end, sent)
    return True


def _become_clash(d: Draft, attacker: str | None) -> None:
    """Shelling with fighting on the ground is an armed clash (ACLED): the attacker's forces (by default the
    side that shelled) against the other side's."""
    d.trigger = replace(d.trigger, event_type="Battles", sub_event_type="Armed clash")
    attacker = attacker or next((k for k, v in ACTOR_FORCES.items() if v == d.actor1), None)
    d.actor1 = ACTOR_FORCES.get(attacker or "") or d.actor1
    d.actor2 = ACTOR_FORCES.get(other_side(attacker) or "") or d.actor2


def _debris_hit(prev: Draft, sent: str, victims: str) -> bool:
    """ "... was shot down. Debris of the drone hit residential buildings.": the interception is coded as the
    attack, by the weapon's owner. True when ``prev`` was changed."""
    if prev.trigger.sub_event_type != "Disrupted weapons use" or not _DEBRIS_DAMAGE.search(sent):
        return False
    prev.trigger = _attack_by_weapon(" ".join(prev.notes) + " " + sent, prev.trigger)
    prev.actor1, prev.actor2 = (
        prev.actor2,
        acled_actor2(prev.trigger.event_type, victims, sent, prev.country, None),
    )
    return True


def _force_on_protesters(prev: Draft, sent: str) -> bool:
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


def _hit_civilians(prev: Draft, victims: str) -> bool:
    """A later sentence's victims are civilians, and the strike before named no one it hit."""
    return (
        prev.actor2 is None
        and prev.trigger.event_type == "Explosions/Remote violence"
        and bool(CIVILIAN.search(victims))
    )


def _max(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)


def _event_key(d: Draft) -> tuple:
    """ACLED's unit: one event type at one place on one day (a place known only by its region is that
    region)."""
    return (d.trigger.event_type, d.trigger.sub_event_type, d.location_id, d.admin1_iso, d.country, d.date)


def _fold(first: Draft, later: Draft) -> None:
    """A later telling of ``first``: its counts where larger, its evidence appended."""
    first.fatalities = _max(first.fatalities, later.fatalities)
    first.injuries = _max(first.injuries, later.injuries)
    first.quantity = first.quantity or later.quantity
    first.actor2 = first.actor2 or later.actor2
    first.char_end = max(first.char_end, later.char_end)
    first.notes.extend(n for n in later.notes if n not in first.notes)


def extract_events(article: dict, sentences: list[tuple[int, int]], mentions: list[Mention]) -> list[dict]:
    """Event rows (schema ``events``) for one article."""
    published = article["published_at"]
    if isinstance(published, dt.datetime):
        published = published.date()
    drafts = _article_events(article["article_id"], article["text"], published, sentences, mentions)
    drafts = merge_retold(drafts, _event_key, _fold)
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

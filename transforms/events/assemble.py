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

from transforms.events.discourse import ListItem, item_region, merge_retold, own_clause, place_lists
from transforms.events.numbers import parse_count, weapon_quantity, word_number
from transforms.events.structure import datelines, paragraphs
from transforms.events.temporal import event_time, judicial, sentence_time
from transforms.events.triggers import (
    FIRE_BACK,
    Trigger,
    aircraft_downed,
    downed_by_aircraft,
    find_triggers,
)
from transforms.names.keys import norm, token_key
from transforms.names.registry import Entity, load_registry
from transforms.names.resolve import Mention, region_span, resolve_name, resolve_place_in
from transforms.schema import EXTRACTOR_VERSION

# A city that is its own first-level region; "near" it means the surrounding region.
SURROUNDING_REGION = {"UA-30": "UA-32", "UA-40": "UA-43", "RU-MOW": "RU-MOS", "RU-SPE": "RU-LEN"}
# ACLED's first-level units where they differ from ISO 3166-2: Sevastopol is coded in Crimea
ACLED_ADMIN1 = {"UA-40": "UA-43"}
ACTOR_FORCES = {
    "Russia": "Military Forces of Russia",
    "Ukraine": "Military Forces of Ukraine",
    "North Korea": "Military Forces of North Korea",
    "Belarus": "Military Forces of Belarus",
    # the Russian-backed forces of the occupied Donetsk / Luhansk "republics", ACLED's umbrella actor
    "NAF": "NAF: United Armed Forces of Novorossiya",
}
UNIDENTIFIED_FORCES = "Unidentified Military Forces"
_SIDE_WORDS = {
    "russian": "Russia", "russia": "Russia", "moscow": "Russia", "kremlin": "Russia", "russians": "Russia",
    "ukrainian": "Ukraine", "ukraine": "Ukraine", "kyiv": "Ukraine", "kiev": "Ukraine", "ukrainians": "Ukraine",
    "north korean": "North Korea", "belarusian": "Belarus", "dpr": "NAF", "lpr": "NAF", "dnr": "NAF", "lnr": "NAF",
}  # fmt: skip
_SIDE = r"(?P<side>Russian|Ukrainian|North Korean|Belarusian|Russia|Ukraine|Moscow|Kyiv|Kiev|DPR|LPR|DNR|LNR)(?:['’]s)?"
_ATTACKER = re.compile(
    rf"\b{_SIDE}\s+(?:[\w-]+\s+){{0,2}}?(?:forces|troops|army|military|missiles?|drones?|shelling|strikes?|attacks?|"
    r"artillery|aircraft|jets|units|soldiers|servicemen|rockets?|bombs?|fire|offensive|air force|navy|occupiers|"
    r"invaders|aviation|UAVs?|Shaheds?|(?:land)?mines?|traps?|booby[- ]traps?|explosives?)\b"
    rf"|\b{_SIDE.replace('side', 'side2')}\s+(?:forces\s+)?(?:attacked|struck|shelled|launched|fired|hit|bombed|targeted)\b"
    rf"|\bby\s+(?:the\s+)?{_SIDE.replace('side', 'side3')}\b",
)
# a wire story's reporting clause between a unit and what it did: "Ukraine's air force said it shot down",
# "the military said Thursday that it had struck"
_SAID = r"(?:said|says|reported|claimed|announced)\s+(?:(?:on\s+)?\w+day\s+)?(?:that\s+)?"
_REPORTED = rf"(?:{_SAID}(?:it|they)\s+(?:had\s+|has\s+|have\s+)?)?"
_INTERCEPT_VERB = (
    r"(?:(?:shot|shoot(?:s|ing)?|gunned)\s+down|intercept(?:ed|s|ing)?|downed|destroyed|neutrali[sz]ed|repelled|"
    r"cleared|defused|demined)"
)
# who disrupted the weapons: "Ukrainian air defence shot down", "were intercepted by Russian forces"
_INTERCEPTOR = re.compile(
    rf"\b{_SIDE}\s+(?:[\w-]+\s+){{0,2}}?(?:forces|troops|military|army|air[ -]defen[cs]es?|air force|navy|units|"
    rf"servicemen|soldiers|border guards|defenders|anti-aircraft\s+\w+|police|sappers|deminers|minesweepers|pyrotechnicians)\s+"
    rf"(?:{_REPORTED}|{_SAID}(?:[\w-]+\s+){{1,6}}?(?:were|was|had\s+been|have\s+been)\s+)?(?:\w+ly\s+|have\s+|had\s+|also\s+)*"
    rf"{_INTERCEPT_VERB}\b"
    rf"|\b{_INTERCEPT_VERB}\s+(?:[\w-]+\s+){{0,8}}?by\s+(?:the\s+)?{_SIDE.replace('side', 'side2')}\b"
)
# the attacker of a clash named as the one repelled: "Russian forces repelled Ukrainian attacks near X"
_REPELLED = re.compile(
    r"\b(?:repelled|repulsed|fended off|thwarted|beat back|pushed back)\s+(?:an?\s+|the\s+|several\s+|\d+\s+)?"
    rf"{_SIDE}\s+(?:[\w-]+\s+)?(?:\w*attacks?|assaults?|offensives?|advances?|attempts?|offensive operations)\b"
)
_TERRITORY_CHANGES = ("Government regains territory", "Non-state actor overtakes territory")
# a named military as the subject of a strike verb: "Russian air and ground forces struck Ivanivka"
_FORCES_STRUCK = re.compile(
    rf"\b{_SIDE}\s+(?:[\w-]+\s+){{0,3}}?(?:forces|troops|army|military|aviation|air force)\s+{_REPORTED}"
    r"(?:\w+ly\s+|also\s+)?(?:struck|hit|attacked|targeted|bombed)\b"
)
_STRIKE_VERBS = ("struck", "hit", "attacked", "targeted", "bombed")


def _forces_struck(sentence: str) -> str | None:
    """The side of a named military that is the subject of a strike verb (``_FORCES_STRUCK``)."""
    if not any(v in sentence for v in _STRIKE_VERBS):  # the verbs it needs, before the scan
        return None
    return _side_of(_FORCES_STRUCK.search(sentence))


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
# who left: "Russian forces withdrew", "the retreat of Russian forces", "following Russian withdrawal"
_WITHDRAWER = re.compile(
    rf"\b{_SIDE}\s+(?:[\w-]+\s+){{0,2}}?(?:withdr(?:ew|awal)|retreat(?:ed)?|departed|abandoned|left)\b"
    rf"|\b(?:withdrawal|retreat) of (?:the )?{_SIDE.replace('side', 'side2')}\b"
)
_FIRE_BACK = re.compile(FIRE_BACK, re.I)
_PARTISANS = re.compile(r"\bpartisans?\b|\bresistance (?:movement|fighters|members)\b", re.I)
_KILL = re.compile(
    r"\b(?:kill(?:ed|ing|s)|dead|died|dies|perished|lost (?:their|his|her) li(?:ves|fe)|death of|bodies of|"
    r"behead(?:ed|ing)|murder(?:ed|ing)|slain|"
    r"execut(?:ed|ing)(?=\s+(?:[\w-]+\s+){0,3}?(?:prisoners?|POWs?|soldiers?|servicem[ae]n|civilians?|people|men|"
    r"women|residents?|hostages?|captives?|him|her|them)\b))\b",
    re.I,
)
_PRESUMED = re.compile(r"\b(?:presumed|feared|believed)\s+(?:to\s+(?:be|have\s+been)\s+)?$", re.I)
_BODY_FOUND = re.compile(
    r"\b(?:his|her)\s+(?:dead\s+)?body\b[^.]{0,80}?\b(?:was|had been)\s+(?:found|discovered|recovered)\b",
    re.I,
)
_INJURE = re.compile(r"\b(?:injur(?:ed|ing|es|ies)|wound(?:ed|ing|s)|hurt|hospitali[sz]ed)\b", re.I)
_AFTER_NP_END = re.compile(
    r"\s(?:on|in|at(?!\s+(?:least|most)\b)|after|when|while|as|during|near|from|by|according|said|says|officials|"
    r"local)\b|[;.:]|\s—"
    # a coordinated participle clause: "killing four people and knocking out power to hundreds of thousands"
    r"|,?\s+and\s+(?!(?:\w+\s+)?(?:injur|wound|hurt|kill|maim))\w+ing\b",
    re.I,
)
# where the noun phrase before a casualty verb begins: a clause boundary, or the end of the clause counting
# other casualties ("1 civilian was killed, 8 were injured": 8 injured, not 9)
_NP_START = re.compile(
    r"[.;:]\s|\b(?:after|when|while|that|said|and|but)\s|\b(?:killed|injured|wounded|dead|died|hurt),\s", re.I
)
_COORDINATED_VERB = re.compile(r"\s+(?:\w+ed|shot|beaten|taken)\s+(?:and|or)\s+$", re.I)
_DEATH_TOLL = re.compile(
    r"\bdeath toll\b[^.;]{0,80}?\b(?:rose|climbed|increased|reached|risen|grew|jumped|stands|stood|is|was|hit)\s+"
    r"(?:to\s+)?(?P<n>(?:at least\s+)?[\w,-]+)",
    re.I,
)
_BE_FORM = re.compile(r"\b(?:were|was|are|is|been|being)\b", re.I)
_PASSIVE_AUX = re.compile(r"\s*(?:(?:were|was|are|is|have|has|had|been|being|reportedly|also)\s+)+$", re.I)
_CIVILIAN = re.compile(
    r"\b(?:civilians?|residents?|wom[ae]n|m[ae]n|child(?:ren)?|kids?|boys?|girls?|people|elderly|pensioners?|"
    r"teen(?:ager)?s?|infants?|babies|volunteers?|journalists?|passengers?|farmers?|locals?|villagers?|persons?|"
    r"drivers?|workers?|employees?|engineers?|doctors?|nurses?|medics?|teachers?|students?)\b",
    re.I,
)
_POLICE = re.compile(r"\bpolice\b", re.I)
_FORCE_ON_PROTESTERS = re.compile(
    r"\b(?:tear gas|stun grenades?|rubber bullets|water cannons?|batons)\b|"
    r"\b(?:fired|shot|opened fire)\s+(?:at|on)\s+(?:the\s+)?(?:protesters|demonstrators|crowd|rally)\b|"
    r"\b(?:beat|beaten|attacked)\s+(?:the\s+)?(?:protesters|demonstrators)\b|\bdispersed\b[^.]{0,40}\b(?:violently|by force|force)\b",
    re.I,
)
# What armed forces own: struck, it makes their military the actor acted upon (ACLED: "shelled Ukrainian
# positions" → actor2 Military Forces of Ukraine; "shelled a village" leaves actor2 empty).
_MILITARY_NOUN = (
    r"(?:positions?|troops|soldiers|servicem[ae]n|forces|military|army|units?|tanks?|(?:armou?red\s+)?vehicles?|"
    r"equipment|aircraft|helicopters?|jets?|planes?|(?:Su|MiG)-\d+\w*|depots?|launchers?|radars?|howitzers?|"
    r"artillery|air defen[cs]es?|(?:command|observation)\s+posts?|fortifications?|trench(?:es)?|columns?|convoys?|"
    r"checkpoints?|infantry|(?:missile\s+)?complex(?:es)?|military\s+trains?|(?:ammunition\s+)?trains?\s+carrying)"
)
_SIDE_TARGET = re.compile(
    rf"\b{_SIDE}\s+(?:[\w'’-]+\s+){{0,3}}?{_MILITARY_NOUN}\b|\b{_MILITARY_NOUN}\s+of\s+(?:the\s+)?"
    rf"{_SIDE.replace('side', 'side2')}\b"
    # anything "of Russian forces" is theirs: "blew up barges of Russian forces"
    rf"|\b[\w-]+\s+of\s+(?:the\s+)?{_SIDE.replace('side', 'side4')}\s+(?:forces|military|army|troops)\b"
    # the forces of the occupied "republics" go by their names alone: "Ukrainian forces shelled DPR in Horlivka"
    r"|\b(?:shelled|struck|attacked|hit|targeted|fired (?:at|on))\s+(?:the\s+)?(?P<side3>DPR|LPR|DNR|LNR)\b(?!\s*-)"
)
_UNMARKED_TARGET = re.compile(
    r"\bpositions?\b|\b(?:ammunition|fuel|weapons?|arms)\s+(?:depots?|warehouses?|storage)\b|"
    r"\bmilitary\s+(?:equipment|vehicles?|facilit(?:y|ies)|targets?|objects?|infrastructure|units?)\b|"
    r"\b(?:command|observation)\s+posts?\b|\bfortifications?\b|\btrenches\b",
    re.I,
)


def _named_target(sentence: str, attacker: str | None) -> str | None:
    """The side whose military a strike hit, when the sentence names it other than the attacker's ("Ukrainian
    positions", "positions of Russian forces", "shelled DPR")."""
    for m in _SIDE_TARGET.finditer(sentence):
        owner = _side_of(m)
        if owner and owner != attacker:
            return owner
    return None


def _unmarked_target(sentence: str, attacker: str | None) -> str | None:
    """For a target only a military has (positions, an ammunition depot) and no side named, the side opposite
    the attacker."""
    return _other(attacker) if _UNMARKED_TARGET.search(sentence) else None


_NEAR = re.compile(
    r"\b(?:near|outside|close to|on the outskirts of|around|in the vicinity of)\s+(?:the\s+)?$", re.I
)
_PLURAL_REGIONS = re.compile(
    r"\b(?:\w+\s+)?(?P<adj>Russian|Ukrainian)\s+(?:regions|provinces|oblasts|territories|cities)\b|\bseveral (?:regions|provinces)\b",
    re.I,
)
_PLACE_TYPES = ("place", "region")
_LIST_GOES_ON = re.compile(r",?\s+(?:and|or)\s+(?:the\s+)?[A-Z]|\s+(?:regions|oblasts|provinces)\b")
_CODED_TO = re.compile(r"[(\[]coded to [^)\]]{2,80}[)\]]")
_LONGER_RIGHT = re.compile(
    r"(?:[ -](?:imeni\s+)?[A-Z][\w’'-]*[a-z])+(?=\s+(?:village|town|district)|,|\s+\()"
)
_LONGER_LEFT = re.compile(r"(?<=\s)([A-Z][\w’']+)(?: imeni)?[ -]$")
_NOT_PART_OF_NAME = re.compile(
    r"\b(?:Mayor|Governor|President|Minister|Council|Administration|Police|Army|Forces|Region|Oblast|Province)\b"
)
# a district of a city in ACLED's notation: "Donetsk - Kuibyshivskyi", "Kyiv - Podilskyi"
_CITY_DISTRICT = re.compile(r"\s+[-–]\s+([A-Z][\w’'-]+)")
# capitalized words before a place name that are not part of it
# a place name that names an armed group, not where it acted: "Azov Battalion", "Donetsk rebel forces"
_NAMES_A_GROUP = re.compile(
    r"\s+(?:rebels?|rebel forces|militias?|separatists?|People['’]s Militia|battalions?|regiments?|brigades?)\b",
    re.I,
)
_NOT_PLACE_WORDS = {
    "Russian", "Ukrainian", "In", "At", "Near", "On", "The", "Occupied", "Eastern", "Western", "Southern",
    "Northern", "Central", "Kyiv", "Moscow", "Donetsk", "Luhansk", "Russia", "Ukraine", "DPR", "LPR",
}  # fmt: skip
_CODED = re.compile(r"\b(?:fatalities|casualties) (?:were )?(?:split and )?coded as (\d+)", re.I)
# ACLED's notes on how a reported total was divided: "(N) fatalities coded to this event", "(fatalities coded to
# X event)" (another one), and the even split of its codebook: "Coded as 10 fatalities split across 3 events",
# "(fatalities split between 3 events)"
_CODED_HERE = re.compile(r"\b(\d+) fatalit(?:y|ies) (?:were )?coded to this event\b", re.I)
_CODED_ELSEWHERE = re.compile(r"\bfatalities (?:were )?coded to (?!this\b)[^.()\[\]]{2,60}? event\b", re.I)
_SPLIT = re.compile(
    r"\b(?:(?:coded as )?(?P<total>\d+) )?fatalit(?:y|ies) (?:were )?split (?:evenly )?(?:between|across|among) "
    r"(?P<parts>\d+|two|three|four|five|six|seven|eight|nine|ten) (?:[\w-]+ ){0,2}?(?:events|locations)\b",
    re.I,
)

_CODING_NOTES = (_CODED_HERE, _CODED, _CODED_ELSEWHERE, _SPLIT)


def _says_coded(sentence: str) -> bool:
    """Whether a sentence can hold one of ACLED's notes on coded fatalities (the words every one of those
    patterns needs; a plain substring test, where the case-insensitive patterns would scan every sentence)."""
    low = sentence.lower()
    return "coded" in low or "split" in low


def coded_fatalities(sentence: str, killed: int | None = None) -> int | None:
    """The fatalities ACLED says it coded for this event, or None when the sentence does not say: an explicit
    count ("4 fatalities coded to this event", "Unspecified fatalities coded as 3"), else the even split of the
    total it names or of ``killed`` (the count read from the same sentence) that most of the events got."""
    if not _says_coded(sentence):
        return None
    here = _CODED_HERE.search(sentence) or _CODED.search(sentence)
    if here:
        return int(here.group(1))
    if _CODED_ELSEWHERE.search(sentence):
        return 0  # "(fatalities coded to Schastia event)": counted with another event
    split = _SPLIT.search(sentence)
    if split is None:
        return None
    total = int(split.group("total")) if split.group("total") else killed
    parts = split.group("parts")
    parts = int(parts) if parts.isdigit() else word_number(parts)
    # the share most of the events got: the remainder goes one by one to some of them, a half rounds down
    return (2 * total + parts - 1) // (2 * parts) if total is not None and parts else None


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


def _side(word: str) -> str | None:
    return _SIDE_WORDS.get(word.lower().replace("’s", "").replace("'s", ""))


def _side_of(m: re.Match | None) -> str | None:
    """The side named by whichever ``side*`` group of a ``_SIDE``-built pattern matched."""
    if m is None:
        return None
    word = next((v for k, v in m.groupdict().items() if k.startswith("side") and v), None)
    return _side(word) if word else None


def _other(side: str | None) -> str | None:
    return {"Russia": "Ukraine", "Ukraine": "Russia", "NAF": "Ukraine"}.get(side or "")


_FOUGHT_WITH = re.compile(r"\b(?:with|against)\s+(?:the\s+)?$", re.I)
# "fuel tanks of the Russian military": the owner of what was hit, not the attacker ("as a result of Ukrainian
# shelling" still names the attacker)
_OWNED_BY = re.compile(r"\bof\s+(?:the\s+)?$", re.I)
_FORCES_WORD = re.compile(
    r"(?:forces|troops|army|military|units|soldiers|servicemen|occupiers|invaders)$", re.I
)


def attacker_side(sentence: str) -> str | None:
    """The side named as acting: "Russian missiles", "Russia attacked", "by Russian forces" — not the side
    fought with ("following clashes with Ukrainian forces, Russian forces captured ...")."""
    for m in _ATTACKER.finditer(sentence):
        before = max(0, m.start() - 12)
        if _FOUGHT_WITH.search(sentence, before, m.start()):
            continue
        if _OWNED_BY.search(sentence, before, m.start()) and _FORCES_WORD.search(m.group(0)):
            continue
        return _side_of(m)
    return None


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


def interceptor_side(sentence: str) -> str | None:
    """The side named as shooting down / intercepting ("Ukrainian forces shot down", "downed by Russian air
    defence"), None when the sentence names only the weapon's owner or nobody."""
    return _side_of(_INTERCEPTOR.search(sentence))


def repelled_side(sentence: str) -> str | None:
    """The attacker of a clash named as repelled: "Russian forces repelled Ukrainian attacks" → Ukraine."""
    return _side_of(_REPELLED.search(sentence))


def _after_last(rx: re.Pattern, text: str) -> str:
    """``text`` after the last match of ``rx`` (all of it when none)."""
    last = None
    for last in rx.finditer(text):  # noqa: B007
        pass
    return text[last.end() :] if last else text


def casualties(sentence: str) -> tuple[int | None, int | None, str]:
    """(fatalities, injuries, victim phrases) in one sentence. 0 when no such verb; None when uncountable."""
    out = {}
    victims = []
    for kind, rx in (("killed", _KILL), ("injured", _INJURE)):
        total: int | None = 0
        any_verb = False
        for m in rx.finditer(sentence):
            if _PRESUMED.search(sentence, max(0, m.start() - 30), m.start()):
                continue  # "presumed killed", "feared dead": not a reported death
            verb = m.group(0).lower()
            after = sentence[m.end() :]
            stop = _AFTER_NP_END.search(after)
            nxt = _KILL.search(after) or _INJURE.search(after)
            end = min(stop.start() if stop else len(after), nxt.start() if nxt else len(after))
            np_after = after[:end]
            # the words right before the verb: "was tortured and killed" has its subject before both verbs, and
            # "were" / "have been" make it passive (only the end of the text is searched: both are anchored there)
            before = sentence[: m.start()]
            coordinated = _COORDINATED_VERB.search(before, max(0, len(before) - 60))
            if coordinated:
                before = before[: coordinated.start()]
            aux = _PASSIVE_AUX.search(before, max(0, len(before) - 60))
            if aux:
                before = before[: aux.start()]
            np_before = _after_last(_NP_START, before)[-120:]
            passive = not verb.endswith("ing") and (
                verb in ("dead", "died", "dies", "perished", "hurt")
                # "have been killed" is passive, "has killed three people" is not
                or aux is not None
                and _BE_FORM.search(aux.group(0)) is not None
            )
            phrase = np_before if passive else np_after
            count = parse_count(phrase)
            if count is None and not passive:
                alt = parse_count(np_before)
                count, phrase = (alt, np_before) if alt else (None, phrase)
            if count is None:
                continue
            any_verb = True
            victims.append(phrase)
            total = None if (total is None or count.value is None) else total + count.value
        out[kind] = total if any_verb else 0
    if out["killed"] == 0 and _BODY_FOUND.search(sentence):  # "His body was found the next day."
        out["killed"] = 1
    toll = _DEATH_TOLL.search(sentence) if "toll" in sentence else None
    if toll:  # "The death toll from the strike rose to 18": the event's count, as far as it is known
        count = parse_count(toll.group("n"))
        if count is not None and count.value is not None and out["killed"] is not None:
            out["killed"] = max(out["killed"], count.value)
    coded = coded_fatalities(sentence, out["killed"])
    if coded is not None:  # ACLED's note of what it coded: "Unspecified fatalities coded as 10"
        out["killed"] = coded
    return out["killed"], out["injured"], " ".join(victims)


def _is_near(mention: Mention, sentence_text: str, offset: int) -> bool:
    """ "near X", "outside X", "on the outskirts of X"."""
    start = mention.char_start - offset
    return bool(_NEAR.search(sentence_text[max(0, start - 30) : start]))


def _resolve_near(mention: Mention, sentence_text: str, offset: int):
    reg = load_registry()
    ent = reg.get(mention.entity_id)
    near = _is_near(mention, sentence_text, offset)
    if ent.entity_type == "place":
        if near and ent.admin1_iso in SURROUNDING_REGION:
            # "near Kyiv": the city named, in the region around it (by name: the city entity is its own region)
            return ent.canonical_name, SURROUNDING_REGION[ent.admin1_iso], 2
        return ent.entity_id, ent.admin1_iso, 2 if near else 1
    if ent.entity_type == "region":
        return None, ent.entity_id, 3
    return None, None, None


def _spelling_of(m: Mention, ent: Entity) -> str:
    """How to write a settlement the gazetteer does not know, that bears the name of another place ``ent``:
    that place's canonical spelling when it is a spelling of the same name (Novoselovka → Novoselivka), else
    the name as written (Vodyane is an alternate name of Zymna Voda, not a spelling of it)."""
    same = [token_key(t) for t in norm(ent.canonical_name).split()] == [
        token_key(t) for t in norm(m.surface).split()
    ]
    return ent.canonical_name if same else m.surface


def _scene(mentions: list[Mention], sent: str, offset: int, reason: str | None):
    """(location, admin1, geo_precision) when a sentence without an event names a settlement placed by its
    region ("in Khotimlia, Kharkiv region"), else None."""
    if reason is not None or not any(m.entity_type == "place" for m in mentions):
        return None
    loc = choose_location(mentions, sent, offset)
    return loc if _placed_by_region(mentions, sent, offset, loc) else None


def _placed_by_region(mentions: list[Mention], sent: str, offset: int, loc: tuple) -> bool:
    """The (location, admin1, geo_precision) chosen for a sentence is a settlement placed by the region named
    right after its mention ("Khotimlia, Kharkiv region")."""
    loc_id, admin1_iso, geo = loc
    if not (loc_id and admin1_iso and geo in (1, 2)):
        return False
    for m in mentions:
        if m.entity_id == loc_id or m.canonical_name == loc_id or loc_id.endswith(m.surface):
            return bool(region_span(sent, m.char_end - offset))
    return False


def _regions_named(places: list[Mention], sentence_text: str, offset: int) -> set[str]:
    """The first-level regions a sentence names, alone or after a place ("X, Luhansk")."""
    regions = {m.entity_id for m in places if m.entity_type == "region"}
    for m in places:
        after = region_span(sentence_text, m.char_end - offset)
        if after and after[0]:
            regions.add(after[0])
    return regions


def choose_location(
    mentions: list[Mention],
    sentence_text: str,
    offset: int,
    sentence_places: list[Mention] | None = None,
    placed: dict[str, tuple[str, str]] | None = None,
):
    """(location entity id or provisional name, admin1 iso, geo_precision) for the event in this sentence.

    The most specific place wins; "<place>, <region>" (``Mykolaivka, Donetsk``) places the settlement in that
    region: a same-named settlement there is preferred, and a settlement the gazetteer does not know is kept
    by name with the region's admin1.
    """
    reg = load_registry()
    places = [
        m
        for m in mentions
        if m.entity_type in _PLACE_TYPES and not _NAMES_A_GROUP.match(sentence_text, m.char_end - offset)
    ]
    if not places:
        return None, None, None
    sentence_places = places if sentence_places is None else sentence_places
    coded = _CODED_TO.search(sentence_text)
    if coded:  # ACLED's own note of where it placed the event: "(coded to Lozova, Kharkiv)"
        inside = [m for m in places if coded.start() <= m.char_start - offset < coded.end()]
        if inside and len(inside) < len(places):
            blanked = sentence_text.replace(coded.group(0), " " * len(coded.group(0)))
            found = choose_location(inside, sentence_text, offset, sentence_places, placed)
            if found[1] is not None:
                return found
            rest = [m for m in places if m not in inside]
            return choose_location(rest, blanked, offset, sentence_places, placed)
    for m in places:
        district = _CITY_DISTRICT.match(sentence_text, m.char_end - offset)
        if district and m.entity_type == "place" and m.method != "provisional":
            ent = reg.get(m.entity_id)
            if ent.population >= 100_000:
                return f"{ent.canonical_name} - {district.group(1)}", ent.admin1_iso, 1
    skip: set[int] = set()
    for i, m in enumerate(places):
        if m.entity_type != "place" or i in skip:
            continue
        rel_end = m.char_end - offset
        # a gazetteer word inside a longer name: "Velyke Artakove, Mykolaiv", "Nyzhnye Lozove, Luhansk"
        longer = _LONGER_RIGHT.match(sentence_text, rel_end)
        left = _LONGER_LEFT.search(sentence_text, 0, m.char_start - offset)
        name_start = m.char_start - offset
        if (
            longer
            and not _NOT_PART_OF_NAME.search(longer.group(0))
            and not any(
                rel_end <= x.char_start - offset < longer.end() and x.entity_type not in _PLACE_TYPES
                for x in mentions
            )
        ):  # not "Kyiv Mayor Vitali Klitschko, ..."
            rel_end = longer.end()
        if left and left.group(1) not in _NOT_PLACE_WORDS:
            name_start = left.start()
        region = region_span(sentence_text, rel_end)
        if region is None or region[0] is None:
            continue
        hint, region_name, region_end = region
        if _LIST_GOES_ON.match(sentence_text, region_end):
            continue  # "the Donetsk, Luhansk, and Kharkiv regions": a list, not Donetsk placed in Luhansk
        for j in range(i + 1, len(places)):  # the region name itself is not a second place
            if places[j].char_start - offset < region_end:
                skip.add(j)
        surface = sentence_text[name_start:rel_end]
        if surface != m.surface:
            res = resolve_name(surface)
            ent = reg.get(res.entity_id) if res.entity_id in reg.entities else None
            if ent is not None and ent.entity_type == "place" and ent.admin1_iso == hint:
                return ent.entity_id, hint, 2 if _is_near(m, sentence_text, offset) else 1
            return surface, hint, 2
        if m.method == "provisional":
            return m.canonical_name, hint, 2
        ent = reg.get(m.entity_id)
        if ent.admin1_iso != hint:
            alt = resolve_place_in(m.surface, hint)  # the same-named settlement in that region
            if alt.entity_type == "place" and reg.get(alt.entity_id).admin1_iso == hint:
                ent = reg.get(alt.entity_id)
            elif ent.admin1_iso in SURROUNDING_REGION and SURROUNDING_REGION[ent.admin1_iso] == hint:
                # "Kyiv, Kyiv", "Sevastopol, Crimea": the city named with the region around it
                return ent.entity_id, ent.admin1_iso, 2 if _is_near(m, sentence_text, offset) else 1
            else:  # a settlement of that region the gazetteer does not know, by its name
                return _spelling_of(m, ent), hint, 2
        return ent.entity_id, ent.admin1_iso, 2 if _is_near(m, sentence_text, offset) else 1
    remaining = [m for i, m in enumerate(places) if i not in skip and m.method != "provisional"]
    if not remaining:
        return None, None, None
    specific = [m for m in remaining if m.entity_type == "place" and reg.get(m.entity_id).admin1_iso]
    pick = specific[0] if specific else remaining[0]
    if placed and pick.entity_type == "place":
        # a place the article already placed by its region ("near Novoselivske, Luhansk region. ... killed near
        # Novoselivske"), also as part of a longer name ("in Posad Pokrovske, Kherson. ... near Posad Pokrovske")
        left = _LONGER_LEFT.search(sentence_text, 0, pick.char_start - offset)
        for name in ((f"{left.group(1)} {pick.surface}",) if left else ()) + (pick.surface,):
            if norm(name) in placed:
                loc, iso = placed[norm(name)]
                return loc, iso, 2 if _is_near(pick, sentence_text, offset) else 1
    regions = _regions_named(sentence_places, sentence_text, offset) if pick.entity_type == "place" else ()
    if len(regions) == 1:
        # "shelled the Senkivka checkpoint in the Chernihiv region": the same-named settlement of the region named
        (hint,) = regions
        ent = reg.get(pick.entity_id)
        if ent.admin1_iso != hint and ent.admin1_iso not in (SURROUNDING_REGION.get(hint), hint):
            alt = resolve_place_in(pick.surface, hint)
            if alt.entity_type == "place" and reg.get(alt.entity_id).admin1_iso == hint:
                return alt.entity_id, hint, 2 if _is_near(pick, sentence_text, offset) else 1
            if ent.population < 10_000:  # a village of that region the gazetteer does not know, by its name
                return _spelling_of(pick, ent), hint, 2
    return _resolve_near(pick, sentence_text, offset)


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
                own = _after_dateline(sent_mentions, dateline_end)[0]
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
            owner = _other(interceptor_side(sent))
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
        own, filed_only = _after_dateline(sent_mentions, dateline_end)
        loc_id, admin1_iso, geo = choose_location(own, sent, s0, placed=placed)
        loc_id = _site_of(loc_id)
        if loc_id is not None and filed_only:
            # only the dateline's city: where the story was filed, the least precise of guesses — and no guess
            # for fighting, which is at the front, not where reporters file from
            loc_id, admin1_iso, geo = (
                (None, None, None) if trig.event_type == "Battles" else (loc_id, admin1_iso, 3)
            )
        if _placed_by_region(sent_mentions, sent, s0, (loc_id, admin1_iso, geo)):
            # placed by the region named after it: later bare mentions of that name are this place
            name = reg.get(loc_id).canonical_name if loc_id in reg.entities else loc_id
            placed.setdefault(norm(name), (loc_id, admin1_iso))
        prev = drafts[-1] if drafts else None
        if (
            _unplaced(loc_id, admin1_iso)
            and trig.strength > 0.6
            and setting is not None
            and setting[:2] == (paragraph, idx - 1)
            and not (prev is not None and prev.paragraph == paragraph and prev.sentence_index == idx - 1)
            and (scene := _scene(*setting[2:]))
        ):
            # "... broke into a house in Khotimlia, Kharkiv region. They tortured the couple ...": an event told
            # right after the sentence that set the scene at a place (and told no event there) happened there
            loc_id, admin1_iso, geo = scene
        elif _unplaced(loc_id, admin1_iso) and (named := the_place_named(sent, recent, idx)):
            # "Russian strikes hit a hospital in the city": the settlement the story named last
            loc_id, admin1_iso, geo = named
        # a date carries over the sentences of one account: not to an event in another region
        same_account = carried_at is None or admin1_iso is None or admin1_iso == carried_at
        date = event_time(time, carried if same_account else None, published)
        country = None
        if admin1_iso:
            country = reg.get(admin1_iso).country
        plural = _PLURAL_REGIONS.search(sent)
        if plural and plural.group("adj"):
            loc_id, admin1_iso, geo = None, None, None
            country = _side(plural.group("adj"))
        unplaced = _unplaced(loc_id, admin1_iso)
        qty = weapon_quantity(sent)
        quantity = qty[0] if qty and qty[1] not in ("soldiers", "troops", "servicemen") else None
        if trig.sub_event_type == "Other" and qty:
            quantity = qty[0]
        side = owner or attacker_side(sent) or _forces_struck(sent)

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
            prev.actor1 = _actor1(trig.event_type, sub, side, prev.country) or prev.actor1
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
                prev.actor1, prev.actor2 = ACTOR_FORCES.get(_other(side) or "") or prev.actor2, prev.actor1
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
            defender = interceptor_side(sent) or (_other(side) if side else country)
            actor1 = ACTOR_FORCES.get(defender or "")
            actor2 = ACTOR_FORCES.get(_other(defender) or "")
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
                and not _forces_struck(sent)
            ):
                continue  # a bare "attack"/"struck" with no victims, no weapon and no military named
            # with no side named, the other side of the country attacks; partisans act against the occupiers
            home = country if _PARTISANS.search(sent) else _other(country)
            attacker = (repelled_side(sent) if trig.event_type == "Battles" else None) or side or home
            actor1 = _actor1(trig.event_type, sub, attacker, country)
            actor2 = _actor2(trig.event_type, victims, sent, country, attacker)
            left = _WITHDRAWER.search(sent) if sub == "Non-violent transfer of territory" else None
            if left:  # the side that took the place over is the actor, the side that left the other
                gone = _side_of(left)
                actor1, actor2 = ACTOR_FORCES.get(_other(gone) or ""), ACTOR_FORCES.get(gone or "")
            if _PARTISANS.search(sent) and country == "Ukraine":
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


_ANAPHOR = re.compile(
    r"\bthe (?:city|town|village|island|port|settlement|frontline city|besieged city)\b(?!\s+of\b)|"
    r"\bthe (?:city|town|village)['’]s\b|\b(?:its|the) (?:mayor|outskirts|centre|center)\b",
    re.IGNORECASE,
)


def the_place_named(sent: str, recent: list[tuple[int, Mention]], idx: int, window: int = 3):
    """(location, admin1, 1) of the settlement a definite description refers back to ("the city", "the
    island", "its mayor"): the last one named in the ``window`` sentences before, or None."""
    if not recent or not _ANAPHOR.search(sent):
        return None
    i, m = recent[-1]
    if i == idx:  # named in this very sentence: the sentence placed it itself, or not at all
        m = next((x for j, x in reversed(recent) if j < idx), None)
        i = next((j for j, _ in reversed(recent) if j < idx), -1)
    if m is None or idx - i > window:
        return None
    ent = load_registry().get(m.entity_id)
    return (_site_of(ent.entity_id), ent.admin1_iso, 1) if ent.admin1_iso else None


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
    loc_id = _site_of(loc_id)
    if _unplaced(loc_id, admin1_iso):
        return None
    date = time.own if time.own is not None else None
    country = load_registry().get(admin1_iso).country if admin1_iso else None
    return replace(
        barrage, sentence_index=idx, paragraph=paragraph, char_start=s0, char_end=s0 + len(sent),
        date=date.date if date else barrage.date, precision=date.precision if date else barrage.precision,
        date_explicit=date is not None or barrage.date_explicit, location_id=loc_id, admin1_iso=admin1_iso,
        country=country, geo_precision=geo, fatalities=killed, injuries=injured,
        actor2=f"Civilians ({country})" if _CIVILIAN.search(victims) and country else None,
        notes=[sent], first_sentence=idx,
    )  # fmt: skip


def _list_events(d: Draft, sent: str, offset: int, mentions: list[Mention]) -> list[Draft]:
    """One event for each other place of a list the event's place belongs to (``discourse.place_lists``): each
    with the casualties of its own clause ("Cherkasy, where one person died"); ``d`` keeps the sentence's."""
    if d.trigger.sub_event_type == "Disrupted weapons use" or _unplaced(d.location_id, d.admin1_iso):
        return []
    regions = {m.entity_id for m in mentions if m.entity_type == "region"}
    region = next(iter(regions)) if len(regions) == 1 else None
    for items in place_lists(sent, offset, mentions):
        places = [_item_place(it, sent, offset, region) for it in items]
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


def _item_place(
    item: ListItem, sent: str, offset: int, region: str | None = None
) -> tuple[str | None, str | None, int | None]:
    """(location, admin1, geo_precision) of one place of a list; ``region``: the one region the sentence
    names, where a settlement of the list is looked for first ("in the Donetsk region in Maryinka, Slovyansk")."""
    if item.as_region:
        return None, item_region(item), 3
    if region and item.mention.entity_type == "place":
        alt = resolve_place_in(item.mention.surface, region)
        if alt.entity_type == "place" and load_registry().get(alt.entity_id).admin1_iso == region:
            return _site_of(alt.entity_id), region, 2 if _is_near(item.mention, sent, offset) else 1
    loc, iso, geo = _resolve_near(item.mention, sent, offset)
    return _site_of(loc), iso, geo


def _unplaced(loc_id: str | None, admin1_iso: str | None) -> bool:
    """No place for the event: no region and no place of the registry (a sea is a place with no region: "shot
    down a plane over the Black Sea" happened there)."""
    if admin1_iso is not None or loc_id is None:
        return admin1_iso is None
    ent = load_registry().entities.get(loc_id)
    return ent is None or ent.entity_type != "place"


def _site_of(loc_id: str | None) -> str | None:
    """A facility is coded at the settlement it lies at, as ACLED does (the Zaporizhzhia Nuclear Power Plant at
    Enerhodar, an air base at its town); islands, spits and seas are places of their own."""
    reg = load_registry()
    ent = reg.entities.get(loc_id) if loc_id else None
    if ent is None or ent.entity_type != "place" or not ent.centre:
        return loc_id
    site = resolve_place_in(ent.centre, ent.admin1_iso)
    return site.entity_id if site.entity_type == "place" else loc_id


def _after_dateline(mentions: list[Mention], dateline_end: int) -> tuple[list[Mention], bool]:
    """The mentions that can place an event told in the lead, and whether only the dateline's place is among
    them: "KYIV, Ukraine (AP) — Russian drones struck Kharkiv" happened in Kharkiv. The dateline says where the
    story was filed; its places count only when the sentence names no other place (the event is then placed
    there with ``geo_precision`` 3)."""
    if not dateline_end or not mentions or mentions[0].char_start >= dateline_end:
        return mentions, False
    after = [m for m in mentions if m.char_start >= dateline_end]
    if any(m.entity_type in _PLACE_TYPES for m in after):
        return after, False
    return mentions, any(m.entity_type in _PLACE_TYPES for m in mentions)


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
    coded = _says_coded(sent) and any(rx.search(sent) for rx in _CODING_NOTES)
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
    d.actor2 = ACTOR_FORCES.get(_other(attacker) or "") or d.actor2


def _debris_hit(prev: Draft, sent: str, victims: str) -> bool:
    """ "... was shot down. Debris of the drone hit residential buildings.": the interception is coded as the
    attack, by the weapon's owner. True when ``prev`` was changed."""
    if prev.trigger.sub_event_type != "Disrupted weapons use" or not _DEBRIS_DAMAGE.search(sent):
        return False
    prev.trigger = _attack_by_weapon(" ".join(prev.notes) + " " + sent, prev.trigger)
    prev.actor1, prev.actor2 = (
        prev.actor2,
        _actor2(prev.trigger.event_type, victims, sent, prev.country, None),
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
        and bool(_CIVILIAN.search(victims))
    )


def _max(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)


def _actor1(event_type: str, sub: str, attacker: str | None, country: str | None) -> str | None:
    if event_type == "Protests":
        return f"Protesters ({country})" if country else "Protesters"
    if sub == "Arrests":
        return f"Police Forces of {country}" if country else None
    if sub == "Government regains territory":
        return ACTOR_FORCES.get(country or "")
    return ACTOR_FORCES.get(attacker or "")


def _actor2(
    event_type: str, victims: str, sentence: str, country: str | None, attacker: str | None
) -> str | None:
    if event_type == "Protests":
        return None
    if victims and _POLICE.search(victims):
        return f"Police Forces of {country}" if country else None
    if event_type == "Explosions/Remote violence" and (named := _named_target(sentence, attacker)):
        return ACTOR_FORCES.get(named)  # "shelled DPR positions in X, injuring 2 civilians": the target named
    if victims and _CIVILIAN.search(victims) or event_type == "Violence against civilians":
        return f"Civilians ({country})" if country else "Civilians"
    if event_type == "Battles":
        return ACTOR_FORCES.get(_other(attacker) or "")
    if event_type == "Explosions/Remote violence":
        return ACTOR_FORCES.get(_unmarked_target(sentence, attacker) or "")  # a named one was taken above
    return None


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

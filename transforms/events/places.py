"""Sentence frames: where — the place of the event a sentence tells, from its resolved mentions: the most
specific place, "<place>, <region>", "near X", a district of a city, ACLED's "(coded to X)", a place the
article placed before, "the city" referring back, the dateline as the least precise of guesses."""

from __future__ import annotations

import re
from collections import Counter

from transforms.events.actors import side_named
from transforms.events.discourse import ListItem, item_region
from transforms.events.frames import CLOSED_ASIDE
from transforms.names.keys import norm, token_key
from transforms.names.registry import Entity, load_registry
from transforms.names.resolve import (
    SETTLEMENT_AFTER,
    SETTLEMENT_OF,
    Mention,
    region_holding,
    region_id,
    region_span,
    resolve_name,
    resolve_place_in,
)

# A city that is its own first-level region; "near" it means the surrounding region.
SURROUNDING_REGION = {"UA-30": "UA-32", "UA-40": "UA-43", "RU-MOW": "RU-MOS", "RU-SPE": "RU-LEN"}


_NEAR = re.compile(
    r"\b(?:near|outside|close to|on the outskirts of|around|in the vicinity of)\s+(?:the\s+)?$", re.I
)


PLURAL_REGIONS = re.compile(
    r"\b(?:\w+\s+)?(?P<adj>Russian|Ukrainian)\s+(?:regions|provinces|oblasts|territories|cities)\b|\bseveral (?:regions|provinces)\b",
    re.I,
)


_PLACE_TYPES = ("place", "region")


# the next name of a list: ", the Kharkiv region", " and Odesa"
_NEXT_ITEM = re.compile(r",?\s+(?:and\s+)?(?:the\s+)?(?-i:[A-Z])")
_PLURAL_AFTER = re.compile(
    r"[^.;:]{0,40}?\b(?:regions|oblasts|provinces)\b"
)  # "In Kyiv, Sumy, Chernihiv regions"
_LIST_GOES_ON = re.compile(
    r",?\s+(?:and|or)\s+(?:the\s+)?[A-Z]|\s+(?:regions|oblasts|provinces)\b|"
    r",\s+[A-Z][\w’'-]+(?:,|\s+(?:and|or)\b)"  # "the Poltava, Sumy, Dnipropetrovsk and Donetsk regions"
)


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
# a place a scene is compared with is not where it is: "conditions reminiscent of Mariupol"
_COMPARED_WITH = re.compile(
    r"\b(?:reminiscent of|similar to|compared? (?:with|to)|compares? (?:with|to)|likened to|comparable to|akin to|"
    r"echoes of|the fate of|like|as with|unlike(?: with)?|(?-i:As) (?:with|in)|away from|far from)\s+"
    # (the thing compared may be a place's: "compare to Mariupol's Azovstal steelworks")
    r"(?:those in\s+|that of\s+|in\s+)?(?:[A-Z][\w-]+['’]s\s+)?$",
    re.I,
)


# where the weapons or troops came from is not where the event happened: "missiles launched from a submarine in
# the Black Sea", "drones fired from Belarus", "reserves, including units redeployed from Zaporizhzhia Oblast"
_LAUNCHED_FROM = re.compile(
    r"\b(?:launched|fired|flying|flown|(?:re)?deployed|transferred)\s+(?:from|over)\s+(?:[\w-]+\s+){0,4}?(?:in\s+|over\s+)?"
    r"(?:the\s+)?$|"
    # ... with the weapons between: "launched 76 cruise and ballistic missiles from ships in the Black Sea"
    r"\b(?:launched|fired)\s+(?:[\w-]+\s+){0,4}?(?:missiles|rockets|drones|bombs|shells)\s+(?:from|over)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:in\s+|over\s+)?(?:the\s+)?$|"
    # ... or launched from a sea: "apparently from over the Black Sea", "from ships in the Black Sea"
    r"\bfrom\s+(?:over\s+|(?:ships?|warships?|vessels?|submarines?|boats?)\s+in\s+)(?:the\s+)?$|"
    # ... nor where they were heading: "shot down a drone heading for Moscow over the Istra district"
    r"\b(?:heading|headed|bound|flying)\s+(?:for|to|towards?)\s+(?:the\s+)?$",
    re.I,
)
# where weapons were sent: downed on their way, they were downed there when no other place is named ("all 13
# drones sent toward Kyiv had been shot down", "30 missiles and drones aimed at the capital")
_HEADED_FOR = re.compile(
    r"\b(?:heading|headed|bound|flying|sent|aimed|fired|launched)\s+(?:for|to|towards?|at)\s+(?:the\s+)?$",
    re.I,
)


def headed_for(m: Mention, sentence: str, offset: int) -> bool:
    """The place is where the weapons of the sentence were heading."""
    start = m.char_start - offset
    return _HEADED_FOR.search(sentence, max(0, start - 30), start) is not None


# where people came from: "a married couple from the Belgorod region", "families displaced from Mykolaiv Oblast"
_PEOPLE_FROM = re.compile(
    r"\b(?:couple|man|woman|men|women|family|families|people|residents?|natives?|children|boy|girl|teenagers?|"
    r"driver|workers?|volunteers?|civilians|refugees|evacuees)\s+(?:displaced\s+|evacuated\s+|who\s+fled\s+)?from\s+"
    r"(?:the\s+)?$"
)
_TAKEN_AWAY = re.compile(
    r"\b(?:transferred|deported|abducted|kidnapped|detained|took|taken|removed|evacuated)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
# where the attackers stand, told in the subject before what they struck: "Russian troops on the occupied left
# bank near Enerhodar shelled Nikopol"
_ATTACKERS_AT = re.compile(
    r"\b(?:troops|forces|units|artillery|batteries|gunners)\s+(?:[\w-]+\s+){0,5}?(?:near|in|at|around|from)\s+"
    r"(?:the\s+)?(?:(?:occupied|town|city|village)\s+(?:of\s+)?)?$",
    re.I,
)
_THEN_STRUCK = re.compile(
    r"^(?:[\w’'-]+\s+){0,3}?(?:shelled|struck|hit|attacked|bombarded|pounded|fired (?:at|on))\s+(?:the\s+)?(?-i:[A-Z])",
    re.I,
)


# a region named as where troops head, not where they fought: "trying to break through towards the border of
# Dnipropetrovsk region", "troops retreating toward the Sumy region"
_TOWARDS_THE_BORDER = re.compile(
    r"\btowards?\s+(?:the\s+)?(?:(?:administrative\s+)?borders?\s+of\s+(?:the\s+)?)?$", re.I
)


# a city that only locates the region named before it: "In the Zhytomyr region, west of Kyiv, three children ..."
_LOCATES_THE_REGION_BEFORE = re.compile(
    r"\b(?:region|oblast|province)\s*,\s+(?:\d+\s*(?:km|kilometres|kilometers|miles)\s+)?"
    r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+(?:the\s+)?$",
    re.I,
)


def locates_a_region(m: Mention, sentence: str, offset: int) -> bool:
    """The place only locates the region named just before it ("the Zhytomyr region, west of Kyiv")."""
    start = m.char_start - offset
    return _LOCATES_THE_REGION_BEFORE.search(sentence, max(0, start - 50), start) is not None


def heading_for_a_region(m: Mention, sentence: str, offset: int) -> bool:
    """The region is the one troops head for ("towards the border of Dnipropetrovsk region", "retreating toward
    the Sumy region")."""
    start = m.char_start - offset
    return m.entity_type == "region" and bool(_TOWARDS_THE_BORDER.search(sentence, max(0, start - 45), start))


def launched_from(m: Mention, sentence: str, offset: int) -> bool:
    """The place is where the weapons were launched from or the attackers stand, not where they struck or
    were downed — or where the people it hurt came from ("killing a married couple from the Belgorod region")."""
    start, end = m.char_start - offset, m.char_end - offset
    if _LAUNCHED_FROM.search(sentence, max(0, start - 50), start):
        return True
    people = _PEOPLE_FROM.search(sentence, max(0, start - 60), start)
    if people and not _TAKEN_AWAY.search(sentence, max(0, people.start() - 30), people.start()):
        return True  # (not people taken away from it: "forcibly transferred a woman from Zdvyzhivka")
    return bool(
        _ATTACKERS_AT.search(sentence, max(0, start - 80), start)
        and _THEN_STRUCK.match(sentence[end:].lstrip(" ,"))
    )


# a river or a reservoir named for a place, or the Donbas's river: "the Dnipro River", "the Kakhovka reservoir",
# "the Siverskyi Donets"
_RIVER_AFTER = re.compile(r"\s+(?:[Rr]iver|[Rr]eservoir|[Ee]stuary|[Ll]agoon)\b")
_RIVER_BEFORE = re.compile(
    r"\b(?:Siverskyi|Siverskyy|Seversky|Severskiy|Sieverskyi)\s+$|"
    # "the western bank of the Dnieper", "across the Dnipro": a town's name is written without an article
    r"\b(?:banks?|shores?|side|embankment) of the\s+$|\b(?:across|crossed|crossing) the\s+$"
)


def names_a_river(m: Mention, sentence: str, offset: int) -> bool:
    """The place name is (part of) a river's name, not the settlement: a water body places no event."""
    start, end = m.char_start - offset, m.char_end - offset
    return bool(
        _RIVER_AFTER.match(sentence, end) or _RIVER_BEFORE.search(sentence, max(0, start - 30), start)
    )


# a sector of the front named for a city: "in the Pokrovsk direction", "on the Bakhmut axis"
_SECTOR_AFTER = re.compile(
    # (also a list of them: "on the Lyman, Bakhmut, Avdiivka and Marinka fronts")
    r"(?:['’]s)?(?:(?:,\s+|,?\s+and\s+)(?-i:[A-Z])[\w’'-]+)*\s+(?:directions?|axis|axes|sectors?|fronts?)\b",
    re.I,
)


def names_a_sector(m: Mention, sentence: str, offset: int) -> bool:
    """The place names a sector of the front ("the Pokrovsk direction"), which the events told in it are at the
    villages of, not at the city it is named for."""
    return bool(_SECTOR_AFTER.match(sentence, m.char_end - offset))


# the yardstick of a "since" told as a clause of its own: "their biggest retreat since they abandoned the area
# around Kyiv in the spring", "the first such gain since Russian forces took Bakhmut" (not "since Monday")
_SINCE_A_CLAUSE = re.compile(
    r"\bsince\s+(?:it|they|he|she|we|Russia|Ukraine|Moscow|Kyiv|(?:the\s+)?(?:Russian|Ukrainian)\s+[\w-]+|[\w-]+\s+forces)"
    r"\s+(?:had\s+|was\s+|were\s+)?(?:took|seized|fell|left|began|withdrew|drove|struck|hit|[a-z]+ed)\b[^,;:.()]*$",
    re.I,
)


def compared_with(m: Mention, sentence: str, offset: int) -> bool:
    """The place is the standard of a comparison ("a siege like Mariupol's") or of a "since" clause ("the
    biggest retreat since they abandoned the area around Kyiv"), not where the event happened."""
    start = m.char_start - offset
    return bool(
        _COMPARED_WITH.search(sentence, max(0, start - 30), start)
        or _SINCE_A_CLAUSE.search(sentence, max(0, start - 120), start)
    )


# a name that describes the thing after it, not where the event was: "the Black Sea port" (a port city), "a US
# Stinger missile" (the weapon's origin), "UK-supplied rockets"
_DESCRIBES_WHAT_FOLLOWS = re.compile(
    r"(?:-(?:made|supplied|provided|built|donated|designed)\b|\s+(?:port|coast(?:al)? (?:city|town)|resort)\b|"
    r"\s+(?:[A-Z][\w-]+\s+)?(?:missiles?|rockets?|Stingers?|Javelins?|HIMARS|howitzers?|tanks?|weapons|arms|"
    r"artillery|jets?|drones?|ammunition|munitions)\b)",
    re.IGNORECASE,  # "a US stinger missile"
)


_SEAS = frozenset({"dl:place:black-sea", "dl:place:sea-of-azov"})


def describes_what_follows(m, sentence: str, offset: int) -> bool:
    """A sea or a country named as what a port is on or where a weapon comes from (``_DESCRIBES_WHAT_FOLLOWS``),
    not as a place of the event."""
    if m.entity_type != "country" and m.entity_id not in _SEAS:
        return False
    return bool(_DESCRIBES_WHAT_FOLLOWS.match(sentence, m.char_end - offset))


# a country named as the state that speaks or acts, not as where something happened: "Russia's defence ministry
# said", "Russia claimed", "Ukraine's air force"
_STATE_AFTER = re.compile(
    r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:ministry|president|leader|leadership|government|officials?|forces|troops|army|"
    r"military|air force|navy|general staff|embassy|ambassador|envoy|spokes(?:man|woman|person)|authorities)\b"
)


def names_a_state(m, sentence: str, offset: int) -> bool:
    """A country standing for its state, the subject of what it says or does ("Russia claimed", "Russia's
    defence ministry"), not the country an event happened in."""
    if m.entity_type != "country":
        return False
    end = m.char_end - offset
    return bool(_STATE_AFTER.match(sentence, end) or _GOVERNMENT_AFTER.match(sentence, end))


def speaking_state(m, sentence: str, offset: int) -> str | None:
    """The country whose state speaks in this mention: a country standing for its state (``names_a_state``), or
    an organization of a country that says or does something ("Russia's defence ministry said"); else None."""
    if m.entity_type == "country":
        return m.canonical_name if names_a_state(m, sentence, offset) else None
    if m.entity_type != "organization" or not _GOVERNMENT_AFTER.match(sentence, m.char_end - offset):
        return None
    ent = load_registry().entities.get(m.entity_id)
    return ent.country if ent is not None else None


# a place's own authorities: "Kyiv's military administration said", "the Kharkiv regional governor said"
_AUTHORITY_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:city\s+|regional\s+|oblast\s+|region(?:al)?\s+)?(?:military\s+|civil(?:ian)?\s+|state\s+)?"
    r"(?:administration|governor|mayor|authorities|council|police|emergency\s+service)\b",
    re.I,
)


def speaking_authority(m, sentence: str, offset: int) -> str | None:
    """The country of a place whose own authorities speak in this mention ("Kyiv's military administration
    said"): they report for their side, as a state does; else None."""
    if m.entity_type not in ("place", "region") or not _AUTHORITY_AFTER.match(sentence, m.char_end - offset):
        return None
    if not says_after(sentence, m.char_end - offset):
        return None
    ent = load_registry().entities.get(m.entity_id)
    return ent.country if ent is not None and ent.country in ("Ukraine", "Russia") else None


_NAMES_A_GROUP = re.compile(
    r"\s+(?:rebels?|rebel forces|militias?|separatists?|People['’]s Militia|battalions?|regiments?|brigades?|fighters)\b|"
    # a person introduced by the town they come from: "Mariupol resident Alina Nesterenko"
    r"\s+(?:resident|native)\s+(?-i:[A-Z])",
    re.I,
)


# a ship is named after a town: "the landing ship Novocherkassk", "the cruiser Moskva", "the 'Moskva' cruiser"
_VESSEL = r"(?:ships?|cruisers?|frigates?|corvettes?|submarines?|vessels?|warships?|flagship|tankers?|tugs?|minesweepers?)"
# (a ship's name may have two words: "the landing ship Olenegorsky Gornyak", "the patrol ship Sergey Kotov")
_VESSEL_BEFORE = re.compile(rf"\b{_VESSEL}\s+(?:the\s+)?[\"“'‘]?(?:(?-i:[A-Z])[\w-]+\s+)?$", re.I)
_VESSEL_AFTER = re.compile(rf"[\"”'’]?\s+(?:(?:landing|patrol|missile|guided-missile)\s+)?{_VESSEL}\b", re.I)


# a country's armed forces or ministry, the actor: "Ukraine's army said", "Russia's defence ministry"
_COUNTRYS_FORCES = re.compile(
    r"['’]s?\s+(?:army|armed\s+forces|military|forces|troops|defen[cs]e\s+ministry|general\s+staff|navy)\b",
    re.I,
)


def names_a_group(m: Mention, sentence: str, offset: int) -> bool:
    """The place's name names an armed group, a ship or a person ("the Azov regiment", "the landing ship
    Novocherkassk", "Mariupol resident ..."), or a country its forces ("Ukraine's army"), not a place of the
    story."""
    start, end = m.char_start - offset, m.char_end - offset
    return (
        _NAMES_A_GROUP.match(sentence, end) is not None
        or (m.entity_type == "country" and _COUNTRYS_FORCES.match(sentence, end) is not None)
        or _VESSEL_BEFORE.search(sentence, max(0, start - 40), start) is not None
        or _VESSEL_AFTER.match(sentence, end) is not None
    )


_NOT_PLACE_WORDS = {
    "Russian", "Ukrainian", "In", "At", "Near", "On", "The", "Occupied", "Eastern", "Western", "Southern",
    "Northern", "Central", "Kyiv", "Moscow", "Donetsk", "Luhansk", "Russia", "Ukraine", "DPR", "LPR",
}  # fmt: skip


# A capital named for its government: "Moscow said", "Kyiv's forces", "support for Kyiv", "talks with Moscow"
_CAPITALS = {
    "Kyiv",
    "Kiev",
    "Moscow",
    "Minsk",
    "Washington",
    "London",
    "Paris",
    "Berlin",
    "Beijing",
    "Brussels",
    "Pyongyang",
    "Tehran",
    "Warsaw",
    "Budapest",
    "Ankara",
}
_GOVERNMENT_AFTER = re.compile(
    # "Moscow-annexed Crimea", "Kyiv-backed": a compound is never the place
    r"-[a-z]+|"
    r"\s+(?:(?:also|again|now|later|then|[a-z]+ly)\s+)?"
    r"(?:has|have|had|is|was|will|would|could|can|may|might|must|should|does|did|says|said|claims?|claimed|"
    r"blocked|blocks|sent|sends|launched|refuses|demands|denie[sd]|accused|wants|confirmed|condemned|rejected|"
    r"threatened|vowed|urged|stated|insisted|believes|provided|supplied|used|made|gave|declined|"
    r"hopes|announced|insists?|warned|responded|sees|considers|agreed|refused|regime|authorities|government|"
    r"describes|described|calls|views|viewed|regards|regarded|"
    r"officials|forces|troops)\b|\s+and\s+its\s+(?:allies|partners)\b|"
    r"['’]s\s+(?:[\w-]+\s+){0,3}?(?:forces|troops|soldiers|army|military|government|allies|partners|backers|supporters|"
    r"officials|leadership|"
    r"position|war|invasion|offensive|counteroffensive|incursion|assault|claims?|regime|request|demands?|defen[cs]e\s+ministry|"
    # ... and how its war goes: "one of Moscow's first reported gains", "Kyiv's losses"
    r"gains?|advances?|losses|victor(?:y|ies)|campaign|retreat|"
    # ... and what it fights with: "Moscow's Black Sea Fleet", "Moscow's drones"
    r"[Ff]leet|[Nn]avy|[Aa]ir\s+[Ff]orce|warships|drones|missiles|bombers|arsenal|"
    r"ministry|general\s+staff|envoy|ambassador|embassy|"
    # ... and who commands or speaks for it: "Kyiv's top commander said"
    r"commanders?|command|generals?|leaders?|spokes(?:man|woman|person)|negotiators?|intelligence)\b"
)
# ... but a capital struck is the place: "Kyiv was hit by missiles", "Kyiv has again come under attack"
_STRUCK_AFTER = re.compile(
    r"\s+(?:(?:also|again|now|then|once again)\s+)?(?:(?:has|have|had)\s+(?:again\s+|also\s+)?been|was|were|is|are)\s+"
    r"(?:\w+ly\s+|again\s+|also\s+)?(?:hit|struck|shelled|attacked|targeted|bombed|bombarded|rocked|shaken|pounded|"
    r"hammered|plunged|under\s+(?:attack|fire|bombardment|shelling))\b|"
    r"\s+(?:(?:has|have|had)\s+)?(?:again\s+|also\s+|once again\s+)?(?:come|came)\s+under\b"
)
# the subject of an action no place does: "Moscow stepped up strikes", "Kyiv retaliated" (a verb in the past
# tense right after the capital); a place's own verbs are not these ("Kyiv suffered", "Kyiv shook")
_ACTED = re.compile(
    r"\s+(?:(?:also|again|now|later|then|overnight|[a-z]+ly)\s+)?([a-z]+ed|kept|sent|sought|threw|took|began)\b"
)
# when the government acted, between the capital and its verb: "Moscow overnight launched", "Kyiv on Monday said"
# (only for a capital that is the sentence's subject: "the attack on Kyiv on Sunday was" is the place)
_WHEN = re.compile(r"\s+(?:overnight|(?:late\s+|early\s+)?on\s+[A-Z][a-z]+day)(?=\s)")
_A_PLACE_UNDERGOES = frozenset(
    ("suffered", "endured", "experienced", "witnessed", "sheltered", "shuddered", "trembled", "rattled",
     "reeled", "remained", "seemed", "appeared", "looked", "lived", "died", "burned", "shelled", "attacked", "targeted", "bombed")
)  # fmt: skip
_AND_A_CAPITAL = re.compile(r"\s+and\s+([A-Z][a-z]+)")
_HELD_BY = re.compile(
    r"\b(?:held|controlled|backed|supported|claimed|blamed|accused|used|deployed|operated)\s+(?:by\s+)?$|"
    # a view held there: "it was seen in Moscow as a humiliation"
    r"\b(?:seen|viewed|regarded|perceived|interpreted)\s+in\s+$|"
    # the source of a figure: "Ukraine was hit by 122 missiles, according to Kyiv"
    r"\baccording\s+to\s+$|"
    # the object of what is done to a government: "to discredit Kyiv", "urged Moscow to", "pressing Kyiv"
    r"\b(?:discredit(?:ed|ing)?|blam(?:e|es|ing)|accus(?:e|es|ing)|urg(?:e|es|ed|ing)|press(?:ed|ing)?|"
    r"pressur(?:e|ed|ing)|criticis(?:e|ed|ing)|criticiz(?:e|ed|ing)|condemn(?:ed|ing)?|persuad(?:e|ed|ing)|"
    r"sanction(?:ed|ing)?|reassur(?:e|ed|ing)|thank(?:ed|ing)?|lobb(?:y|ied|ying))\s+$"
)
_IN_BEFORE = re.compile(r"\b(?:in|at|on|near|into|over|around|outside|of)\s+$")
_GOVERNMENT_BEFORE = re.compile(r"\b(?:to|for|with|from|between|and|by|of)\s+$")


# a place in an official's title names no event's place: "the governor of Luhansk region said"
_IN_A_TITLE = re.compile(
    r"\b(?:governor|mayor|head|chief|administration|council|prosecutor|police|ombudsman|commander)\s+of\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)


_SAYS_AFTER = re.compile(
    r"[^.;:]{0,40}?\b(?:said|says|saying|told|wrote|added|reported|announced|confirmed|conceded|admitted|"
    r"acknowledged|noted|warned|stated|claimed)\b"
)


def says_after(text: str, at: int) -> bool:
    """What is named at ``at`` goes on to say something ("Ukraine's air force said"), not to do it ("Russia
    launched 84 missiles")."""
    return _SAYS_AFTER.match(text, at) is not None


# where somebody spoke: "Johnson said in Kyiv", "told reporters in Moscow", "at a news conference in Kyiv"
_SPOKEN_IN = re.compile(
    r"\b(?:said|says|told (?:reporters|journalists|a news conference|a press conference)|spoke|speaking|"
    r"(?:news|press) conference|briefing|(?:during|on) a visit to|visiting)\s+(?:in|at|to)?\s*(?:the\s+)?$|"
    # ... at a gathering there: "speaking at an energy forum in Moscow", "told a summit in Kyiv"
    r"\b(?:speaking|spoke|said|told|addressing|addressed)\s+(?:at\s+)?(?:an?|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:forum|summit|conference|meeting|congress|session|rally|ceremony|gathering|event)\s+in\s+(?:the\s+)?$"
)


def where_spoken(m, sentence: str, offset: int) -> bool:
    """The place a statement was made ("the prime minister said in Kyiv") is the speaker's, not the place of
    what the statement tells."""
    start = m.char_start - offset
    return bool(_SPOKEN_IN.search(sentence, max(0, start - 40), start))


# ... or named before the office: "the head of the Svitlodarsk military administration, who said"
_OF_THE_BEFORE = re.compile(
    r"\b(?:head|chief|mayor|secretary|spokes(?:man|woman|person))\s+of\s+the\s+$", re.I
)
_OFFICE_AFTER = re.compile(
    r"\s+(?:(?:city|town|village|military|regional|district|oblast|civil(?:ian)?)\s+){0,3}(?:administration|council)\b",
    re.I,
)


def _office_after(m, sentence: str, offset: int) -> re.Match | None:
    """The office a place names before it ("the |Svitlodarsk| military administration"), or None."""
    start = m.char_start - offset
    if not _OF_THE_BEFORE.search(sentence, max(0, start - 30), start):
        return None
    return _OFFICE_AFTER.match(sentence, m.char_end - offset)


def in_a_speakers_title(m, sentence: str, offset: int) -> bool:
    """A place in the title of the official who speaks ("the governor of Luhansk region, said", "the head of
    the Svitlodarsk military administration, who said") — not the victim's ("kidnapped the head of Dvorichna
    village")."""
    start, end = m.char_start - offset, m.char_end - offset
    if _IN_A_TITLE.search(sentence, max(0, start - 40), start) and _SAYS_AFTER.match(sentence, end):
        return True
    # ... the office named after the place, then the official's name ("the head of the Kyiv Regional Military
    # Administration, Ruslan Kravchenko, said")
    office = _office_after(m, sentence, offset)
    return office is not None and bool(_SAYS_AFTER.match(sentence, office.end()))


_MAYOR_OF = re.compile(r"\bmayor\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# a civil authority over a territory (not a commander of a unit named after a place: "the Azov regiment")
_AUTHORITY_OF = re.compile(
    r"\b(?:governor|mayor|head|administration|council)\s+of\s+(?:the\s+)?$", re.IGNORECASE
)


def speakers_jurisdiction(mentions: list[Mention], sentence: str, offset: int):
    """(location, admin1, geo_precision) of the place an official who reports the event is in charge of, for a
    sentence that names no other place: "the regional governor of Kharkiv said nine civilians had been killed"
    happened in the Kharkiv region (at region level: a governor speaks for the whole region); a mayor's city is
    the place itself. None when no speaker's title names a place."""
    reg = load_registry()
    for m in mentions:
        if m.entity_type not in _PLACE_TYPES or not in_a_speakers_title(m, sentence, offset):
            continue
        office = _office_after(m, sentence, offset)
        if office is None and not _AUTHORITY_OF.search(
            sentence, max(0, m.char_start - offset - 30), m.char_start - offset
        ):
            continue
        ent = reg.entities.get(m.entity_id)
        if ent is None or not ent.admin1_iso:
            continue
        town_office = (
            office is not None and "regional" not in office.group(0) and "oblast" not in office.group(0)
        )
        if m.entity_type == "place" and (town_office or _MAYOR_OF.search(sentence, 0, m.char_start - offset)):
            # a mayor's city, the town a town's administration runs: the place itself
            return site_of(ent.entity_id), ent.admin1_iso, 1
        return None, ent.admin1_iso, 3
    return None


_SURPRISED_AFTER = re.compile(
    r"\s+(?:completely\s+|entirely\s+)?(?:by\s+surprise|off[- ]guard|unawares)\b", re.I
)


def names_a_government(m, sentence: str, offset: int) -> bool:
    """A capital standing for its government rather than a place where something happened."""
    if m.surface not in _CAPITALS:
        return False
    start, end = m.char_start - offset, m.char_end - offset
    if _STRUCK_AFTER.match(sentence, end):
        return False
    if _GOVERNMENT_AFTER.match(sentence, end) or _SURPRISED_AFTER.match(sentence, end):
        return True  # (... or the one taken by surprise: "an operation that appeared to take Moscow by surprise")
    when = _WHEN.match(sentence, end)
    if when and _GOVERNMENT_AFTER.match(sentence, when.end()) and not _IN_BEFORE.search(sentence, 0, start):
        return True
    acted = _ACTED.match(sentence, end)
    if acted and acted.group(1) not in _A_PLACE_UNDERGOES and not _IN_BEFORE.search(sentence, 0, start):
        return True
    # "both Moscow and Kyiv have used": capitals coordinated before what their governments did
    pair = _AND_A_CAPITAL.match(sentence, end)
    if pair and pair.group(1) in _CAPITALS and _GOVERNMENT_AFTER.match(sentence, pair.end()):
        return True
    if _HELD_BY.search(sentence, max(0, start - 25), start):
        return True  # "the easternmost city held by Kyiv", "blamed Kyiv for"
    before = sentence[max(0, start - 12) : start]
    # "aid to Kyiv", "talks between Moscow and Kyiv" — but "the road to Kyiv", "fled from Kyiv" stay places
    return (
        bool(_GOVERNMENT_BEFORE.search(before))
        and not re.search(r"\b(?:in|at|on|near|into|over|around)\s+$", before)
        and bool(
            re.search(
                r"\b(?:support|aid|help|assistance|backing|funding|weapons|arms|talks|negotiations|pressure|sanctions|"
                r"relations|ties|deal|agreement|request|appeal|plea|confirmation|comment|response|reaction|word)\b",
                sentence[max(0, start - 40) : start],
            )
        )
    )


def _is_near(mention: Mention, sentence_text: str, offset: int) -> bool:
    """ "near X", "outside X", "on the outskirts of X"."""
    start = mention.char_start - offset
    return bool(_NEAR.search(sentence_text[max(0, start - 30) : start]))


def _resolve_near(mention: Mention, sentence_text: str, offset: int):
    reg = load_registry()
    ent = reg.entities.get(mention.entity_id)
    if ent is None:
        return None, None, None  # a settlement the gazetteer lacks: placed by what the story says of it
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


def scene_of(mentions: list[Mention], sent: str, offset: int, reason: str | None):
    """(location, admin1, geo_precision) when a sentence without an event names a settlement placed by its
    region ("in Khotimlia, Kharkiv region"), else None."""
    if reason is not None or not any(m.entity_type == "place" for m in mentions):
        return None
    loc = choose_location(mentions, sent, offset)
    if loc[0] is not None and _DAMAGE_SEEN.search(sent):
        return loc  # "a church close to the Sviatohirsk monastery was pictured burning": the scene of what follows
    return loc if placed_by_region(mentions, sent, offset, loc) else None


# damage seen at a place: the scene of the casualties told next
_DAMAGE_SEEN = re.compile(
    r"\b(?:was|were)\s+(?:pictured|seen|shown|filmed)\s+(?:burning|ablaze|on fire|in ruins|destroyed|damaged)\b|"
    r"\b(?:was|were)\s+(?:left\s+)?(?:ablaze|on fire|in ruins|reduced to rubble)\b",
    re.IGNORECASE,
)


def placed_by_region(mentions: list[Mention], sent: str, offset: int, loc: tuple) -> bool:
    """The (location, admin1, geo_precision) chosen for a sentence is a settlement placed by the region named
    right after its mention ("Khotimlia, Kharkiv region")."""
    loc_id, admin1_iso, geo = loc
    if not (loc_id and admin1_iso and geo in (1, 2)):
        return False
    ent = load_registry().entities.get(loc_id)
    for m in mentions:
        if (
            m.entity_id == loc_id
            or m.canonical_name in (loc_id, ent.canonical_name if ent else None)
            or loc_id.endswith(m.surface)
        ):
            end = m.char_end - offset
            return bool(region_span(sent, end) or region_holding(sent, end))
    return False


_REGION_OF = re.compile(r"\b(?:region|oblast|province)\s+of\s+$", re.IGNORECASE)


def _named_as_a_region(m: Mention, sentence_text: str, offset: int) -> bool:
    """A place's name told as its region's: "the region of Chernihiv" (``_REGION_OF`` before it)."""
    return m.entity_type == "place" and bool(
        _REGION_OF.search(sentence_text, max(0, m.char_start - offset - 25), m.char_start - offset)
    )


def _regions_named(places: list[Mention], sentence_text: str, offset: int) -> set[str]:
    """The first-level regions a sentence names, alone or after a place ("X, Luhansk")."""
    regions = {m.entity_id for m in places if m.entity_type == "region"}
    for m in places:  # "the village of Desna in the northern region of Chernihiv"
        if _named_as_a_region(m, sentence_text, offset):
            named = region_id(m.surface)
            if named:
                regions.add(named)
    for m in places:
        after = region_span(sentence_text, m.char_end - offset)
        if after and after[0]:
            regions.add(after[0])
    return regions


# a part of a city named with the city: "the Saltivka district of Kharkiv", "a neighbourhood in the capital"
_DISTRICT_OF = re.compile(
    r"(?P<word>\s+(?:district|neighbou?rhood|microdistrict|quarter))?\s+of\s+(?P<capital>the capital\b)?",
    re.IGNORECASE,
)
_DISTRICT_WORD = re.compile(r"\s(?:district|neighbou?rhood|microdistrict|quarter)$", re.IGNORECASE)


def _cities_of_districts(places: list[Mention], sentence_text: str, offset: int) -> list[Mention]:
    """The places of a sentence with a district named with its city dropped: the event is coded at the city
    (the codebook's most specific settlement; "the Shevchenkivskyi district of the capital" is in Kyiv)."""
    out = []
    for i, m in enumerate(places):
        of = _DISTRICT_OF.match(sentence_text, m.char_end - offset)
        if of is None or not (of.group("word") or _DISTRICT_WORD.search(m.surface)):
            out.append(m)
        elif (
            of.group("capital")
            and m.entity_type == "place"
            and load_registry().get(m.entity_id).admin1_iso == "UA-30"
        ):
            out.append(m._replace(entity_id=resolve_name("Kyiv").entity_id, canonical_name="Kyiv"))
        elif (
            i + 1 >= len(places)
            or places[i + 1].char_start - offset != of.end()
            or places[i + 1].entity_type != "place"
            or re.match(
                r"\s+(?:region|oblast|province)\b", sentence_text[places[i + 1].char_end - offset :], re.I
            )
        ):
            out.append(
                m
            )  # no city follows ("the Bakhmut district of Donetsk region"): the district is the place
    return out


_BEARING_OF = re.compile(
    r"\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+(?:the\s+)?(?:city\s+of\s+)?$", re.I
)
# a bearing put first, before the account it locates: "Northwest of Kyiv,", "Further south of Zaporizhzhia,"
_FRONTED_BEARING = re.compile(
    r"\W*(?:(?:Further|Farther|Just|Some|About)\s+)?(?:\d+\s*(?:km|kilometres|kilometers|miles)\s+)?"
    r"(?:[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est)(?:-?(?:east|west))?(?:ern)?\s+of\s+(?:the\s+)?(?:city\s+of\s+)?"
    r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?,"
)
_THEN_NEAR = re.compile(
    r"^(?:\s+[Cc]ity)?,?\s+(?:near|at|in|around|outside)\s+(?:the\s+)?(?:village\s+of\s+)?$"
)


def _in_a_description(m: Mention, sentence: str, offset: int) -> bool:
    """The mention lies in a closed ", which ...," aside: what describes the thing named before it."""
    at = m.char_start - offset
    return any(a <= at < b for a, b in (x.span() for x in CLOSED_ASIDE.finditer(sentence)))


def _a_bearing_to_a_place_after(m: Mention, places: list[Mention], sentence: str, offset: int) -> bool:
    """The place is named as the bearing of the settlement named right after it ("southwest of Donetsk City
    near Marinka")."""
    start, end = m.char_start - offset, m.char_end - offset
    if not _BEARING_OF.search(sentence, max(0, start - 40), start):
        return False
    if _FRONTED_BEARING.fullmatch(sentence, 0, end + 1) and any(
        o.entity_type == "place" and o.char_start - offset > end for o in places
    ):
        return True  # "Northwest of Kyiv, gunfire echoed through Irpin and Bucha": it locates what follows
    return any(
        o is not m and o.entity_type == "place" and _THEN_NEAR.match(sentence[end : o.char_start - offset])
        for o in places
    )


def may_be_where_it_happened(m: Mention, sentence_text: str, offset: int) -> bool:
    """A place mention that may be where the sentence's event happened: not a group, a government, a speaker's
    title, where words were spoken, a comparison, where weapons or troops came from, a region they head for, a
    city that only locates the region before it, a river, a front's sector, or a place the rest of the sentence
    describes."""
    return (
        m.entity_type in _PLACE_TYPES
        and not names_a_group(m, sentence_text, offset)
        and not names_a_government(m, sentence_text, offset)
        and not in_a_speakers_title(m, sentence_text, offset)
        and not where_spoken(m, sentence_text, offset)
        and not compared_with(m, sentence_text, offset)
        and not launched_from(m, sentence_text, offset)
        and not heading_for_a_region(m, sentence_text, offset)
        and not locates_a_region(m, sentence_text, offset)
        and not names_a_river(m, sentence_text, offset)
        and not names_a_sector(m, sentence_text, offset)
        and not describes_what_follows(m, sentence_text, offset)
    )


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
    places = [m for m in mentions if may_be_where_it_happened(m, sentence_text, offset)]
    if not places:
        return None, None, None
    # "attacks southwest of Donetsk City near Marinka": the city named as a bearing locates the place after it
    places = [
        m for m in places if not _a_bearing_to_a_place_after(m, places, sentence_text, offset)
    ] or places
    # "Ukraine's Sumy region, which borders Kursk, ...": a place inside a description of another is the
    # description's (unless it is the only place named)
    places = [m for m in places if not _in_a_description(m, sentence_text, offset)] or places
    places = _cities_of_districts(places, sentence_text, offset)
    # "the north-eastern region of Chernihiv": the region, not its capital city — a settlement named in the
    # sentence is the event's place, the region only when none is
    regions_of = {i for i, m in enumerate(places) if _named_as_a_region(m, sentence_text, offset)}
    if regions_of and len(regions_of) == len(places):
        named = region_id(places[min(regions_of)].surface)
        return (None, named, 3) if named else (None, None, None)
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
    found, skip = _placed_by_the_region_after(places, mentions, sentence_text, offset)
    if found is not None:
        return found
    found = _named_settlement(places, sentence_text, offset, placed)
    if found is not None:
        return found
    return _most_specific(places, skip | regions_of, sentence_text, offset, sentence_places, placed)


def _placed_by_the_region_after(
    places: list[Mention], mentions: list[Mention], sentence_text: str, offset: int
):
    """("<place>, <region>" reading, the places to skip): the first settlement followed by the region it is in
    ("Mykolaivka, Donetsk") is placed there — the same-named settlement of that region, or the name as written
    with the region's admin1 when the gazetteer does not know it; the region's name is no second place."""
    reg = load_registry()
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
        if region is None:
            held = _held_elsewhere(m, sentence_text, rel_end)
            if held is not None:
                return held, skip
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
                return (ent.entity_id, hint, 2 if _is_near(m, sentence_text, offset) else 1), skip
            return (surface, hint, 2), skip
        if m.method == "provisional":
            return (m.canonical_name, hint, 2), skip
        ent = reg.get(m.entity_id)
        if (
            hint not in (ent.admin1_iso, SURROUNDING_REGION.get(ent.admin1_iso))
            and ent.population >= CITY
            and _NEXT_ITEM.match(sentence_text, region_end)
            and not _PLURAL_AFTER.match(sentence_text, region_end)
        ):
            continue  # "Mykolaiv, Kharkiv, the Kharkiv region were shelled": a city in a list of places
        if ent.admin1_iso != hint:
            if alt := namesake_in(m.surface, hint):  # the same-named settlement in that region
                ent = reg.get(alt)
            elif ent.admin1_iso in SURROUNDING_REGION and SURROUNDING_REGION[ent.admin1_iso] == hint:
                # "Kyiv, Kyiv", "Sevastopol, Crimea": the city named with the region around it
                return (ent.entity_id, ent.admin1_iso, 2 if _is_near(m, sentence_text, offset) else 1), skip
            else:  # a settlement of that region the gazetteer does not know, by its name
                return (_spelling_of(m, ent), hint, 2), skip
        return (ent.entity_id, ent.admin1_iso, 2 if _is_near(m, sentence_text, offset) else 1), skip
    return None, skip


def placed_against_the_gazetteer(m: Mention, sentence_text: str, offset: int) -> tuple[str, str] | None:
    """(location, admin1) of a settlement the text places in a region where the gazetteer's reading of its name
    does not lie and has a namesake ("the settlement of Klimovo in the Bryansk Region": Klimovo, not Crimea's
    Klymove) — the story's sense of the name, for its every mention; None when the text places it nowhere, where
    the gazetteer does, or where the gazetteer knows no such settlement."""
    if m.entity_type != "place":
        return None
    found, _ = _placed_by_the_region_after([m], [m], sentence_text, offset)
    if m.method == "provisional" and found is not None and found[1] is not None:
        # a settlement the gazetteer lacks, placed by the text ("Hroza, a village ... in the Kupiansk district of
        # the Kharkiv region")
        return found[0], found[1]
    if found is None or found[0] == m.entity_id or found[0] not in load_registry().entities:
        # (a name the gazetteer lacks there is only that sentence's guess: "Sievierodonetsk, Kharkiv in the
        # northeast also took hits" is a list)
        return None
    return found[0], found[1]


def namesake_in(name: str, region: str) -> str | None:
    """The settlement of ``region`` that bears ``name`` (its registry id), or None when the region has none."""
    alt = resolve_place_in(name, region)
    if alt.entity_type == "place" and load_registry().get(alt.entity_id).admin1_iso == region:
        return alt.entity_id
    return None


def _held_elsewhere(m: Mention, sentence_text: str, end: int) -> tuple | None:
    """A settlement the text says lies in a region ("the village of Lomakovka in the Klimovo district of the
    Bryansk region") that the gazetteer lacks or puts elsewhere: the same-named settlement of that region, else
    the name as written in it; None when the gazetteer agrees or the text says nothing."""
    hint = region_holding(sentence_text, end)
    if hint is None:
        return None
    if m.method == "provisional":
        return m.canonical_name, hint, 2  # a settlement the gazetteer lacks, in the region the text names
    ent = load_registry().get(m.entity_id)
    if ent.entity_type != "place" or hint in (ent.admin1_iso, SURROUNDING_REGION.get(ent.admin1_iso)):
        return None
    if alt := namesake_in(m.surface, hint):
        return alt, hint, 1
    return _spelling_of(m, ent), hint, 2


# what places a settlement the gazetteer lacks: "north of Kharkiv", "near Orikhiv", "in the Zaporizhzhia region"
_LOCATED_BY = re.compile(
    r"^,?\s+(?:(?:a|the)\s+(?:small\s+|tiny\s+|frontline\s+)?(?:village|hamlet|settlement)\s+)?"
    r"(?:(?:\d+\s*(?:km|kilometres|kilometers|miles)\s+)?(?:just\s+)?"
    r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?(?:\s+of)?|near|outside|close to|not far from|"
    r"on the outskirts of|in|of)\s+(?:the\s+)?(?:(?:[a-z][\w-]*|Ukrainian|Russian|Ukraine['’]s|Russia['’]s)\s+){0,3}?"
    r"(?:(?:city|town|region|province|oblast)\s+of\s+)?$"
)


def named_as_a_settlement(v: Mention, sentence_text: str, offset: int) -> bool:
    """The text calls the name a settlement: "the village of Pytomnyk", "Pytomnyk, a village north of ..."."""
    start = v.char_start - offset
    return bool(
        SETTLEMENT_OF.search(sentence_text, max(0, start - 40), start)
        or SETTLEMENT_AFTER.match(sentence_text, v.char_end - offset)
    )


def unknown_settlement(places: list[Mention], sentence_text: str, offset: int) -> Mention | None:
    """The first settlement the gazetteer lacks that the sentence names as one ("the border village of
    Nekhoteyevka"), or None."""
    return next(
        (
            v
            for v in places
            if v.method == "provisional"
            and v.entity_type == "place"
            and named_as_a_settlement(v, sentence_text, offset)
        ),
        None,
    )


def _named_settlement(places: list[Mention], sentence_text: str, offset: int, placed) -> tuple | None:
    """(name, admin1, 2) of a settlement the gazetteer lacks that the story names as one, placed by the place or
    region that locates it ("the village of Pytomnyk, north of Kharkiv", "the village of Robotyne in the
    Zaporizhzhia region") or where the story placed it before; None when there is none or nothing places it."""
    reg = load_registry()
    for i, v in enumerate(places):
        if v.method != "provisional" or v.entity_type != "place":
            continue
        if placed and norm(v.surface) in placed:
            loc, iso = placed[norm(v.surface)]
            return loc, iso, 2
        if not named_as_a_settlement(v, sentence_text, offset):
            continue
        for m in places[i + 1 :]:
            gap = sentence_text[v.char_end - offset : m.char_start - offset]
            ent = reg.entities.get(m.entity_id)
            if len(gap) > 60 or ent is None or not _LOCATED_BY.match(gap):
                continue
            iso = ent.entity_id if ent.entity_type == "region" else ent.admin1_iso
            if m.entity_type == "place" and _named_as_a_region(m, sentence_text, offset):
                iso = region_id(m.surface) or iso
            if iso:
                return v.surface, iso, 2
    return None


def _most_specific(
    places: list[Mention],
    skip: set[int],
    sentence_text: str,
    offset: int,
    sentence_places: list[Mention],
    placed: dict[str, tuple[str, str]] | None,
):
    """The most specific place of the sentence, read in the article's and the sentence's regions."""
    reg = load_registry()
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
        # "the Odintsovo district of the Moscow region": a town the gazetteer has no region for
        if not ent.admin1_iso:
            return ent.entity_id, hint, 2
        if ent.admin1_iso != hint and ent.admin1_iso not in (SURROUNDING_REGION.get(hint), hint):
            if alt := namesake_in(pick.surface, hint):
                return alt, hint, 2 if _is_near(pick, sentence_text, offset) else 1
            if ent.population < 10_000:  # a village of that region the gazetteer does not know, by its name
                return _spelling_of(pick, ent), hint, 2
    return _resolve_near(pick, sentence_text, offset)


_ANAPHOR = re.compile(
    # "the city", "the besieged city", "the eastern Ukrainian city" — not "the city of Kharkiv", which names it
    r"\bthe (?:(?:[a-z][\w-]*|Ukrainian|Russian|Black Sea|Azov) ){0,3}?(?:city|town|village|island|port|settlement|area)\b"
    r"(?!\s+of\b)(?!['’]s)|"
    r"\bthe (?:city|town|village)['’]s\b|\b(?:its|the) (?:mayor|outskirts|centre|center)\b|"
    # a works the story named lies at the settlement named with it: "the steelworks being bombarded"
    r"\bthe (?:steel ?works|steel plant|plant|factory|refinery|airfield|airport|(?:naval |air |military )?base)\b"
    r"(?!\s+(?:of|in|at|near)\b)",
    re.IGNORECASE,
)
# "missiles slammed into apartment blocks there" — not the "there" of "there were no casualties"
_THERE = re.compile(
    r"(?<=\w )there\b(?!\s+(?:is|are|was|were|have|has|had|will|would|may|might|could|should|must|be|been|being|"
    r"remain\w*|seem\w*|appear\w*|used|also)\b)",
    re.IGNORECASE,
)


def refers_there(text: str) -> bool:
    """The text says "there" of a place ("missiles slammed into apartment blocks there")."""
    return "there" in text.lower() and _THERE.search(text) is not None


_ANAPHOR_WORDS = ("city", "town", "village", "island", "port", "settlement", "area", "mayor", "outskirts", "cent", "plant",
                  "works", "factory", "refinery", "airfield", "airport", "base")  # fmt: skip


def _anaphor(text: str) -> re.Match | None:
    low = text.lower()  # the words first: the pattern is tried at every "the" otherwise
    return _ANAPHOR.search(text) if any(w in low for w in _ANAPHOR_WORDS) else None


def refers_back_only_to_an_area(text: str) -> bool:
    """The only words referring back to a place are "the area" ("fighting was continuing in the area"): said of
    fighting, the settlement told before; said of a strike or a downing in a coder's note, its own scene."""
    m = _anaphor(text)
    return m is not None and m.group(0).endswith("area")


def refers_back(text: str) -> bool:
    """The text refers back to a settlement named before ("the city", "the island", "its mayor")."""
    return _anaphor(text) is not None


_SALIENCE_SPAN = 10  # sentences: what the story is about now, not what it was about at its start
_ISLAND = re.compile(r"\b(?:Island|Ostriv|Spit|Kosa)\b", re.I)


def referred_back(
    sent: str,
    recent: list[tuple[int, Mention]],
    idx: int,
    window: int = 3,
    anaphor: bool = True,
    at: int = -1,
) -> Mention | None:
    """The settlement a definite description refers back to ("the city", "the island", "its mayor"): of the
    settlements the last sentence naming any named (within ``window`` sentences), the one the story has named
    most often lately (the city it is about, not a place named in passing: "the republics in Luhansk and
    Donetsk"), the last named on a tie; an island for "the island". None when there is none.
    ``anaphor=False``: the settlement the story is talking about, whether or not the
    sentence refers back to it. ``at``: where a clause of the sentence starts — the settlements its sentence
    named before it count too ("gained control of Lyman, with the governor saying there was fighting around
    the city")."""
    said = _anaphor(sent) if recent else None
    if not recent or (anaphor and not said):
        return None
    island = said is not None and "island" in said.group(0).lower()
    before = [(i, m) for i, m in recent if i < idx or i == idx and m.char_end <= at]
    near = (
        [(i, m) for i, m in before if idx - i <= window and _ISLAND.search(m.canonical_name) is not None]
        if island
        else []
    )
    near = near or [(i, m) for i, m in before if idx - i <= window]
    if not near:
        return None
    near = [(i, m) for i, m in near if i == near[-1][0]]  # the last sentence that named one
    times: dict[str, int] = {}
    for i, m in before:
        if idx - i <= _SALIENCE_SPAN:
            times[m.entity_id] = times.get(m.entity_id, 0) + 1
    return max(reversed(near), key=lambda x: times.get(x[1].entity_id, 0))[1]


def the_place_named(
    sent: str, recent: list[tuple[int, Mention]], idx: int, placed: dict | None = None, **how
):
    """(location, admin1, 1) of the settlement ``referred_back`` finds (``how``: its options), or None —
    where the story placed that name before when it did (``placed``: "the village of Urozhaine in the Donetsk
    region ... fighting in the area" is the Donetsk village, not its Crimean namesake)."""
    m = referred_back(sent, recent, idx, **how)
    if m is not None and placed and (where := placed.get(norm(m.canonical_name))) and where[1]:
        return where[0], where[1], 1
    ent = load_registry().get(m.entity_id) if m is not None else None
    return (site_of(ent.entity_id), ent.admin1_iso, 1) if ent is not None and ent.admin1_iso else None


def item_place(
    item: ListItem, sent: str, offset: int, region: str | None = None
) -> tuple[str | None, str | None, int | None]:
    """(location, admin1, geo_precision) of one place of a list; ``region``: the one region the sentence
    names, where a settlement of the list is looked for first ("in the Donetsk region in Maryinka, Slovyansk")."""
    if item.as_region:
        return None, item_region(item), 3
    ent = load_registry().entities.get(item.mention.entity_id) if region else None
    # a city is the city ("Mykolaiv, Kharkiv, the Kharkiv region were shelled"), a village's name is looked for in
    # the region the sentence names
    village = region and item.mention.entity_type == "place" and (ent is None or ent.population < TOWN)
    if village and (alt := namesake_in(item.mention.surface, region)):
        return site_of(alt), region, 2 if _is_near(item.mention, sent, offset) else 1
    if region and (item.mention.method == "provisional" or village) and item.mention.entity_type == "place":
        # a village the gazetteer lacks, or holds only elsewhere, in the region the sentence names
        return item.mention.surface, region, 1
    loc, iso, geo = _resolve_near(item.mention, sent, offset)
    return site_of(loc), iso, geo


TOWN = 20_000  # inhabitants: a settlement this large is the one a story means by its name
CITY = (
    100_000  # ... and one this large is never a namesake placed by a region named after it, and has districts
)


def coherent(
    mention: Mention, place: tuple, regions: Counter, keep_name: bool = False, a_village: bool = False
) -> tuple:
    """(location, admin1, geo_precision) of a settlement whose name several settlements bear, read in the
    region the story is about: "Ustynivka" told with Lysychansk and Toshkivka is a Luhansk-region village, not
    the one of Kirovohrad. ``regions``: how often the story's other places were in each region. A place
    already in one of them, or a town, stays as it is; so does a name no settlement there bears — unless
    ``keep_name`` (a list whose other places all lie in one region), when it is kept by its name in that region
    (``geo_precision`` 2). ``a_village``: the text calls it a village, so a city the name once was ("Stanislav,
    a village on the estuary" is not Ivano-Frankivsk) is no answer either."""
    loc, iso, geo = place
    if loc is None or iso is None or not regions or regions.get(iso, 0) > 0 or mention.entity_type != "place":
        return place
    reg = load_registry()
    ent = reg.entities.get(mention.entity_id)
    renamed_city = a_village and token_key(ent.canonical_name) != token_key(mention.surface) if ent else False
    # (a story that has been in one region, again and again, reads a town's name there too: "three bombs struck
    # the centre of Zolochiv", in a story about the Kharkiv region, is not Lviv's Zolochiv)
    if (
        ent is None
        or ent.population >= TOWN
        and not renamed_city
        and not (_mostly_one_region(regions, times=3) and ent.population < CITY)
    ):
        return place  # a city is the city: "Mykolaiv" is not a village of that name elsewhere
    if not ent.settlement:
        return place  # a site the registry curates is where it is: the Crimean Bridge has no namesake
    for region, _ in regions.most_common(3):
        alt = reg.entities.get(resolve_place_in(mention.surface, region).entity_id)
        # the village of that name, not a neighbour that once bore it (an alias of Toshkivka)
        if (
            alt is not None
            and alt.admin1_iso == region
            and token_key(alt.canonical_name) == token_key(mention.surface)
        ):
            return site_of(alt.entity_id), region, geo
    if keep_name or (a_village and ent.population < TOWN and _one_region(regions, times=1)):
        # (... or a village the text calls one, in a story that has been in one region only: "Russian troops
        # recaptured the village of Krupets" in a story about the Kursk region is not Khmelnytskyi's Krupets)
        return mention.surface, regions.most_common(1)[0][0], 2
    return place


def _mostly_one_region(regions: Counter, times: int) -> bool:
    """The story's places have been in one region, named there at least ``times`` times and twice as often as
    in all others together."""
    top = regions.most_common(1)
    return bool(top) and top[0][1] >= times and top[0][1] >= 2 * (sum(regions.values()) - top[0][1])


def _one_region(regions: Counter, times: int) -> bool:
    """The story's places have all been in one region, named there at least ``times`` times."""
    return len(regions) == 1 and sum(regions.values()) >= times


def is_unplaced(loc_id: str | None, admin1_iso: str | None) -> bool:
    """No place for the event: no region and no place of the registry (a sea is a place with no region: "shot
    down a plane over the Black Sea" happened there)."""
    if admin1_iso is not None or loc_id is None:
        return admin1_iso is None
    ent = load_registry().entities.get(loc_id)
    return ent is None or ent.entity_type != "place"


def site_of(loc_id: str | None) -> str | None:
    """A facility is coded at the settlement it lies at, as ACLED does (the Zaporizhzhia Nuclear Power Plant at
    Enerhodar, an air base at its town); islands, spits and seas are places of their own."""
    reg = load_registry()
    ent = reg.entities.get(loc_id) if loc_id else None
    if ent is None or ent.entity_type != "place" or not ent.centre:
        return loc_id
    site = resolve_place_in(ent.centre, ent.admin1_iso)
    return site.entity_id if site.entity_type == "place" else loc_id


def after_dateline(mentions: list[Mention], dateline_end: int) -> tuple[list[Mention], bool]:
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


# "the capital", "the Ukrainian capital", "Russia's capital" — not "the capital of Belarus", which names it
_THE_CAPITAL = re.compile(
    r"\b(?:the\s+(?:(?P<adj>Ukrainian|Russian)\s+)?|(?P<poss>Ukraine|Russia)['’]s\s+)capital\b(?!\s+of\b)"
)
_CAPITAL_NAMED = re.compile(r"\b(?:(?P<ua>Kyiv|Kiev)|(?P<ru>Moscow))\b")
_CAPITAL_OF = {
    "Ukraine": ("geonames:703448", "UA-30"),
    "Russia": ("geonames:524901", "RU-MOW"),
}  # Kyiv, Moscow


def capital_meant(sentence: str, story: str, at: int) -> tuple[str, str] | None:
    """(location, admin1) of the capital a sentence calls "the capital" (Kyiv or Moscow): the one its adjective
    names, else the capital the story (``story`` up to offset ``at``, where the sentence starts) named last;
    None when the sentence says no capital or the story named none."""
    m = _THE_CAPITAL.search(sentence) if "capital" in sentence else None
    if m is None:
        return None
    side = side_named(m.group("adj") or m.group("poss") or "")
    if side:
        return _CAPITAL_OF[side]
    last = None
    for c in _CAPITAL_NAMED.finditer(story, 0, at):
        last = c
    return None if last is None else _CAPITAL_OF["Ukraine" if last.group("ua") else "Russia"]

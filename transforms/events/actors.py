"""Sentence frames: who — the side that acted (attacker, interceptor, the side repelled), the side acted upon
(its positions, its civilians), as ACLED actor names."""

from __future__ import annotations

import re

from transforms.events.triggers import TAKING_AS_A_NOUN

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
    # (the possessive's "'s" is dropped before the lookup: "people's" reads "people")
    "donetsk people republic": "NAF", "luhansk people republic": "NAF", "lugansk people republic": "NAF",
}  # fmt: skip


_SIDE = (
    r"(?P<side>Russian|Ukrainian|North Korean|Belarusian|Russia|Ukraine|Moscow|Kyiv|Kiev|DPR|LPR|DNR|LNR|"
    r"(?:Donetsk|Luhansk|Lugansk)\s+People['’]s\s+Republic)(?:['’]s)?"
)


_ATTACKER = re.compile(
    # (not a side struck with the weapons: "Russia pounded Kyiv with drones")
    rf"\b{_SIDE}\s+(?:(?!(?:with|by|at|on|in|from)\b)[\w-]+\s+){{0,2}}?(?:forces|troops|army|military|missiles?|drones?|"
    r"shelling|strikes?|attacks?|"
    r"artillery|aircraft|jets|units|soldiers|servicemen|rockets?|bombs?|fire|offensive|air force|navy|occupiers|"
    r"invaders|aviation|UAVs?|Shaheds?|(?:land)?mines?|traps?|booby[- ]traps?|explosives?|separatists|proxies)\b"
    rf"|\b{_SIDE.replace('side', 'side2')}\s+(?:forces\s+)?(?:attacked|struck|shelled|launched|fired|hit|bombed|targeted|pounded|bombarded|hammered)\b"
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
    # "downed by Russian air defence" — not "destroyed 23 drones launched by Russia", whose "by" names the owner
    rf"|\b{_INTERCEPT_VERB}\s+(?:(?!launched\b|fired\b|sent\b)[\w-]+\s+){{0,8}}?by\s+(?:the\s+)?{_SIDE.replace('side', 'side2')}\b"
)


# the attacker of a clash named as the one repelled: "Russian forces repelled Ukrainian attacks near X"
_REPELLED = re.compile(
    r"\b(?:repelled|repulsed|fended off|thwarted|beat back|pushed back)\s+(?:an?\s+|the\s+|several\s+|\d+\s+)?"
    rf"{_SIDE}\s+(?:[\w-]+\s+)?(?:\w*attacks?|assaults?|offensives?|advances?|attempts?|offensive operations)\b"
)


# a named military as the subject of a strike verb: "Russian air and ground forces struck Ivanivka"
_FORCES_STRUCK = re.compile(
    rf"\b{_SIDE}\s+(?:[\w-]+\s+){{0,3}}?(?:forces|troops|army|military|aviation|air force)\s+{_REPORTED}"
    r"(?:\w+ly\s+|also\s+)?(?:struck|hit|attacked|targeted|bombed)\b"
    # ... or named by its command, which speaks of "its forces": "Ukraine's general staff says its forces struck"
    rf"|\b{_SIDE.replace('side', 'side2')}\s+(?:[\w-]+\s+){{0,2}}?(?:general staff|military|army|armed forces|"
    r"defen[cs]e ministry|ministry of defen[cs]e|navy|air force|command)\s+(?:said|says|reported|claimed)\s+"
    r"(?:that\s+)?(?:its|their)\s+(?:[\w-]+\s+){0,2}?(?:forces|troops|units|military|drones|aviation)\s+"
    r"(?:had\s+|has\s+|have\s+)?(?:\w+ly\s+|also\s+)?(?:struck|hit|attacked|targeted|bombed)\b"
)


_STRIKE_VERBS = ("struck", "hit", "attacked", "targeted", "bombed")


def forces_struck(sentence: str) -> str | None:
    """The side of a named military that is the subject of a strike verb (``_FORCES_STRUCK``)."""
    if not any(v in sentence for v in _STRIKE_VERBS):  # the verbs it needs, before the scan
        return None
    return side_of(_FORCES_STRUCK.search(sentence))


# who left: "Russian forces withdrew", "the retreat of Russian forces", "following Russian withdrawal"
WITHDRAWER = re.compile(
    rf"\b{_SIDE}\s+(?:[\w-]+\s+){{0,6}}?(?:withdr(?:ew|awn|awal)|retreat(?:ed)?|departed|abandoned|left|"
    r"pulled\s+(?:(?:its|their|the|all)\s+)?(?:soldiers|troops|forces|units)\s+out)\b"
    rf"|\b(?:withdrawal|retreat) of (?:the )?{_SIDE.replace('side', 'side2')}\b"
)


PARTISANS = re.compile(r"\bpartisans?\b|\bresistance (?:movement|fighters|members)\b", re.I)


CIVILIAN = re.compile(
    r"\b(?:civilians?|residents?|wom[ae]n|m[ae]n|child(?:ren)?|kids?|boys?|girls?|people|elderly|pensioners?|"
    r"teen(?:ager)?s?|infants?|babies|volunteers?|journalists?|passengers?|farmers?|locals?|villagers?|persons?|"
    r"drivers?|workers?|employees?|engineers?|doctors?|nurses?|medics?|teachers?|students?)\b",
    re.I,
)


_POLICE = re.compile(r"\bpolice\b", re.I)


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
        owner = side_of(m)
        if owner and owner != attacker:
            return owner
    return None


def _unmarked_target(sentence: str, attacker: str | None) -> str | None:
    """For a target only a military has (positions, an ammunition depot) and no side named, the side opposite
    the attacker."""
    return other_side(attacker) if _UNMARKED_TARGET.search(sentence) else None


def side_named(word: str) -> str | None:
    return _SIDE_WORDS.get(word.lower().replace("’s", "").replace("'s", ""))


def side_of(m: re.Match | None) -> str | None:
    """The side named by whichever ``side*`` group of a ``_SIDE``-built pattern matched."""
    if m is None:
        return None
    word = next((v for k, v in m.groupdict().items() if k.startswith("side") and v), None)
    return side_named(word) if word else None


# the outlets of one side's state or country: their unqualified "the Defence Ministry", "the General Staff" is
# that side's (a TASS story's "The Defense Ministry reported ... Azovstal had been liberated" is Russia's claim)
_OUTLETS = (
    (
        "Russia",
        re.compile(
            r"\b(?:TASS|RIA(?: Novosti)?|Sputnik|RT|Izvestia|Rossiyskaya Gazeta|Interfax(?!-Ukraine))\b"
        ),
    ),
    (
        "Ukraine",
        re.compile(
            r"\b(?:Ukrinform|Ukrainska Pravda|Kyiv Independent|Kyiv Post|Suspilne|RBC-Ukraine|Hromadske|UNIAN|"
            r"Interfax-Ukraine|NV)\b"
        ),
    ),
)
# a ministry or general staff named with no side: "The Defense Ministry reported", "the General Staff said"
UNQUALIFIED_COMMAND = re.compile(
    r"(?<![Rr]ussian )(?<![Uu]krainian )(?<!['’]s )\b[Tt]he\s+(?:[Dd]efen[cs]e\s+[Mm]inistry|"
    r"[Mm]inistry(?:\s+of\s+[Dd]efen[cs]e)?|[Gg]eneral\s+[Ss]taff)\b"
)


def outlet_side(source: str | None) -> str | None:
    """The side whose state or country an outlet belongs to, by its name ("TASS" → Russia, "Ukrinform
    [inferred]" → Ukraine), or None for any other outlet."""
    if not isinstance(source, str) or not source:
        return None  # (no source: a feed's missing field reaches here as NaN)
    return next((side for side, rx in _OUTLETS if rx.search(source)), None)


def other_side(side: str | None) -> str | None:
    return {"Russia": "Ukraine", "Ukraine": "Russia", "NAF": "Ukraine"}.get(side or "")


_FOUGHT_WITH = re.compile(r"\b(?:with|against)\s+(?:the\s+)?$", re.I)


# "fuel tanks of the Russian military": the owner of what was hit, not the attacker ("as a result of Ukrainian
# shelling" still names the attacker)
_OWNED_BY = re.compile(r"\bof\s+(?:the\s+)?$", re.I)


_FORCES_WORD = re.compile(
    r"(?:forces|troops|army|military|units|soldiers|servicemen|occupiers|invaders)$", re.I
)


def attacker_side(sentence: str, at: tuple[int, int] | None = None) -> str | None:
    """The side named as acting: "Russian missiles", "Russia attacked", "by Russian forces" — not the side
    fought with ("following clashes with Ukrainian forces, Russian forces captured ..."). ``at``: the event
    word's span; a side named in the event word itself wins ("accused Russian troops of setting the blaze,
    while officials said the fire was caused by a Ukrainian drone attack")."""
    found = list(_ATTACKER.finditer(sentence))
    if at is not None:
        # (the side of the weapon the event word names — "a Ukrainian drone attack" — not of a target inside
        # it: "destroyed a Russian forces column", "fired anti-tank weapons at Russian forces")
        own = next(
            (
                m
                for m in found
                if at[0] <= m.start()
                and m.end() <= at[1]
                and _WEAPON_LAST.search(m.group(0))
                and _SIDE_ADJECTIVE.match(m.group(0))
            ),
            None,
        )
        if own is not None and not _SPEAKS.search(own.group(0)):
            return side_of(own)
    for m in found:
        before = max(0, m.start() - 12)
        if _FOUGHT_WITH.search(sentence, before, m.start()):
            continue
        if _OWNED_BY.search(sentence, before, m.start()) and _FORCES_WORD.search(m.group(0)):
            continue
        if _SPEAKS.search(m.group(0)):
            continue  # "Ukraine says 14 missiles were fired": the side speaking, not the side firing
        return side_of(m)
    return None


_SIDE_ADJECTIVE = re.compile(r"(?:Russian|Ukrainian|North Korean|Belarusian)\s|(?:Russia|Ukraine)['’]s\s")
_WEAPON_LAST = re.compile(
    r"\b(?:missiles?|drones?|rockets?|bombs?|shelling|strikes?|attacks?|artillery|UAVs?|Shaheds?)$"
)
_SPEAKS = re.compile(r"\b(?:says|said|reports?|reported|claims?|claimed|announced|confirmed)\b")


def interceptor_side(sentence: str) -> str | None:
    """The side named as shooting down / intercepting ("Ukrainian forces shot down", "downed by Russian air
    defence"), None when the sentence names only the weapon's owner or nobody."""
    return side_of(_INTERCEPTOR.search(sentence))


_AIRCRAFT_OF = re.compile(
    rf"\b{_SIDE}\s+(?:[\w-]+\s+){{0,3}}?(?:(?:Su|MiG|Mi|Ka|Il|Tu|An)-\d+\w*|planes?|aircraft|jets?|helicopters?)\b"
)


def aircraft_side(sentence: str) -> str | None:
    """Whose aircraft a sentence names ("shot down a Ukrainian Su-25" → Ukraine), or None."""
    return side_of(_AIRCRAFT_OF.search(sentence))


def repelled_side(sentence: str) -> str | None:
    """The attacker of a clash named as repelled: "Russian forces repelled Ukrainian attacks" → Ukraine."""
    return side_of(_REPELLED.search(sentence))


def acled_actor1(event_type: str, sub: str, attacker: str | None, country: str | None) -> str | None:
    if event_type == "Protests":
        return f"Protesters ({country})" if country else "Protesters"
    if sub == "Arrests":
        return f"Police Forces of {country}" if country else None
    if sub == "Government regains territory":
        return ACTOR_FORCES.get(country or "")
    return ACTOR_FORCES.get(attacker or "")


def acled_actor2(
    event_type: str, victims: str, sentence: str, country: str | None, attacker: str | None
) -> str | None:
    if event_type == "Protests":
        return None
    if victims and _POLICE.search(victims):
        return f"Police Forces of {country}" if country else None
    if event_type == "Explosions/Remote violence" and (named := _named_target(sentence, attacker)):
        return ACTOR_FORCES.get(named)  # "shelled DPR positions in X, injuring 2 civilians": the target named
    if victims and CIVILIAN.search(victims) or event_type == "Violence against civilians":
        return f"Civilians ({country})" if country else "Civilians"
    if event_type == "Battles":
        return ACTOR_FORCES.get(other_side(attacker) or "")
    if event_type == "Explosions/Remote violence":
        return ACTOR_FORCES.get(_unmarked_target(sentence, attacker) or "")  # a named one was taken above
    return None


_TAKER = re.compile(
    rf"(?<!\bfrom )(?<!\bto )(?<!\bwith )(?<!\bagainst )(?<!\bof )\b{_SIDE}\s+(?:[\w'’-]+\s+){{0,2}}?"
    r"(?:forces|troops|army|military|units|soldiers|separatists|proxies|fighters|defenders|militia)\b|"
    rf"(?<!\bfrom )(?<!\bto )(?<!\bwith )(?<!\bagainst )(?<!\bof )\b{_SIDE.replace('side', 'side2')}\s+(?=has|have|had|said|says|claimed|appeared|confirmed|announced)"
)


# Russia's groupings of forces in its ministry's daily claims: "units of the Battlegroup Center"
_RUSSIAN_GROUPING = re.compile(
    r"\b(?:Battle ?group|Group of Forces|group of forces)\s+(?:Center|Centre|East|West|South|North|Dnepr|Dnipro|"
    r"Vostok|Zapad|Yug|Sever|Tsentr)\b|"
    # ... also named before the word, as TASS writes it: "the Tsentr (Center) group of forces", "Sever units"
    r"\b(?:Center|Centre|East|West|South|North|Dnepr|Vostok|Zapad|Yug|Sever|Tsentr)(?:\s+\([A-Z][a-z]+\))?\s+"
    r"(?:[Gg]roup\s+of\s+[Ff]orces|[Bb]attle ?group|grouping)\b"
)
# a side's command that claims the gain for its own forces: "Russia's defence ministry said its forces had
# liberated Komar", "..., the Russian Defense Ministry reported"
_CLAIMING_COMMAND = re.compile(
    rf"\b{_SIDE}\s+(?:[\w-]+\s+){{0,2}}?(?:defen[cs]e ministry|Defen[cs]e Ministry|ministry of defen[cs]e|"
    r"Ministry of Defen[cs]e|General Staff|general staff|military command|MoD)\b"
)
_OWN_FORCES = re.compile(
    r"\b(?:its|our|their) (?:forces|troops|units|servicemen|soldiers|fighters)\b|\bunits of\b"
)


def taker_side(sentence: str, at: int) -> str | None:
    """The side named as the subject of the territory verb at offset ``at``: the first side named before it, in
    its sentence, as an actor ("Pro-Russia separatists said they had liberated ...", "Ukraine has staged a
    counterattack ... and recaptured") — not one taken from ("recaptured the city from Russian forces"); with
    none, a side's command claiming it for "its forces" ("Russia's defence ministry said its forces had
    liberated ...", "... said the liberation of X was completed")."""
    by = _TAKEN_BY.match(sentence, at)
    if by:  # "soldiers captured by Russian forces", "the town was retaken by Ukrainian troops"
        return side_of(by)
    flag = _SIDES_FLAG.match(sentence, at)
    if flag:  # "soldiers raised the blue-and-yellow flag over Hrakove": the flag is the taker's
        return "Ukraine" if flag.group(1) and flag.group(1).lower() != "russian" else "Russia"
    start = max(sentence.rfind(". ", 0, at), sentence.rfind("; ", 0, at), 0)
    named = side_of(_TAKER.search(sentence, start, at))
    if named is not None:
        return named
    if _RUSSIAN_GROUPING.search(sentence, start, at):
        return "Russia"
    if _OWN_FORCES.search(sentence, start, at) or TAKING_AS_A_NOUN.match(sentence, at):
        # "... said its forces had liberated", "... said the liberation of the town was completed": the command
        # announcing a taking that names no one else took it
        return side_of(_CLAIMING_COMMAND.search(sentence))
    return None


# the flag a territory word raises: whose it is ("raised the blue-and-yellow flag", "hoisted a Russian tricolour")
_SIDES_FLAG = re.compile(
    r"[^.;]{0,100}?\b(?:(Russian|Ukrainian|blue-and-yellow|yellow-and-blue)\s+(?:national\s+)?(?:flags?|tricolou?rs?)|"
    r"(tricolou?r))\b",
    re.I,
)
_TAKEN_BY = re.compile(rf"\w*\s+(?:[\w-]+\s+){{0,3}}?by\s+(?:the\s+)?{_SIDE}")

"""Counts from text: casualties (killed / injured) and quantities of weapons.

"two children" → 2, "36 others" → 36, "a 40-year-old woman" → 1, "at least seven" → 7, "more than 70" → 70,
"dozens" → unknown (None). Ages ("40-year-old"), years, calibres ("155mm") and counts of things that are not
people ("24 drones") are never casualties.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.events.prefilter import Prefiltered, first_char_guarded

_UNITS = {
    "zero": 0, "no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a dozen": 12, "dozen": 12,
}  # fmt: skip
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SINGULAR = {"a", "an", "another", "one", "single", "the"}
_VAGUE = {
    "dozens",
    "scores",
    "hundreds",
    "thousands",
    "several",
    "many",
    "some",
    "numerous",
    "multiple",
    "few",
    "a few",
}

PERSON_NOUNS = (
    r"people|persons?|civilians?|residents?|men|man|women|woman|child|children|kids?|boys?|girls?|teen(?:ager)?s?|"
    r"soldiers?|servicem[ae]n|troops|fighters?|officers?|policem[ae]n|police officers?|guards?|others?|elderly|"
    r"pensioners?|workers?|employees?|firefighters?|rescuers?|medics?|doctors?|nurses?|volunteers?|journalists?|"
    r"drivers?|passengers?|farmers?|individuals?|victims?|infants?|babies|baby|toddlers?|adults?|minors?|"
    r"locals|villagers?|citizens?|inhabitants?|servicem[ae]mbers?|militants?|combatants?|personnel|"
    r"(?:family )?members?|couple|staff|crew|students?|teachers?|residents|sailors?|pilots?|marines?|paratroopers?|"
    r"sappers?|mothers?|fathers?|sons?|daughters?|husbands?|wife|wives|brothers?|sisters?|grand(?:mother|father)s?|"
    r"officials?|mayors?|heads?|chiefs?|commanders?|deputies|governors?|priests?|activists?|prisoners?|hostages?|"
    r"detainees?|collaborators?|protesters?|demonstrators?|paramedics?|pedestrians?|cyclists?|monks?|nuns?|"
    r"postm[ae]n|shopkeepers?|fisherm[ae]n|electricians?|engineers?|he|she|him"
)
_QUANTIFIER = re.compile(
    r"^(?:over|more than|at least|about|around|up to|some|nearly|almost|another|a further)\s+", re.IGNORECASE
)
_MORE = re.compile(r"(?<=\w)\s+more$", re.IGNORECASE)
_OF_THEM = re.compile(r"(?<=\w)\s+of\s+(?:them|those|these)\b.*$", re.IGNORECASE | re.DOTALL)
_PERSON_RE = re.compile(rf"\b(?:{PERSON_NOUNS})\b", re.IGNORECASE)
_NUMBER_TOKEN_RX = re.compile(
    r"(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?![\d.,]*\s*(?:mm|-year|year|km|kilomet|met|%|percent|hours?|minutes?|days?|weeks?|months?|years?))"
    r"|(?P<words>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|a dozen|dozen|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen)\b(?!-year)"
    r"|(?P<vague>dozens|scores|hundreds|thousands|several|many|numerous|multiple|a few)\b"
    r"|(?P<single>\b(?:a|an|another|one|single)\b)",
    re.IGNORECASE,
)
_NUMBER_TOKEN = first_char_guarded(_NUMBER_TOKEN_RX)  # it has no \b in front: every position tried it all
_AGE_RX = re.compile(r"\b\d{1,3}-years?-old\b|\baged \d+\b|\b\d{1,3}-years?\b", re.IGNORECASE)
_AGE = first_char_guarded(_AGE_RX)
# ages told after the people, one or several: "two men aged 38 and 44", "a woman, aged 67,"
AGES_AFTER = re.compile(
    r",?\s+aged\s+\d+(?:\s*(?:,|and|to)\s*\d+)*(?:\s+years?(?:\s+old)?)?,?", re.IGNORECASE
)
# a person counted as one more, with no noun: "another", "a second"
_ONE_MORE = frozenset({"another", "a second", "a third"})


@dataclass(frozen=True)
class Count:
    value: int | None  # None = a count exists but is unknown ("dozens")
    start: int
    end: int


def word_number(text: str) -> int | None:
    t = text.lower().replace("-", " ").strip()
    if t in _UNITS:
        return _UNITS[t]
    parts = t.split()
    if parts and parts[0] in _TENS:
        return _TENS[parts[0]] + (_UNITS.get(parts[1], 0) if len(parts) > 1 else 0)
    return None


_A_COUPLE = re.compile(r"\b(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?couple\b(?!\s+of\b)", re.IGNORECASE)


def parse_count(phrase: str) -> Count | None:
    """The number of people a noun phrase denotes, or None when it denotes no people.

    ``"a 40-year-old woman"`` → 1, ``"three others, including two children"`` → 3, ``"four, two of them
    children"`` → 4, ``"dozens"`` → unknown.
    Coordinations add up: ``"two men and a woman"`` → 3.
    """
    # the people's ages after them are no count of people: "two men aged 38 and 44", "a woman, aged 67,"
    phrase = AGES_AFTER.sub("", phrase)
    # what follows counts a part of the people counted before: "including two children", "two of them children"
    phrase = re.split(
        r",?\s+(?:including|among them|among whom|of whom|[\w-]+ of them)\b", phrase, maxsplit=1
    )[0]
    total: int | None = 0
    found = False
    for part in re.split(r"\s+and\s+|,\s+", phrase):
        c = _count_part(part)
        if c is None:
            continue
        found = True
        if c.value is None or total is None:
            total = None
        else:
            total += c.value
    if not found:
        return None
    return Count(total, 0, len(phrase))


def _count_part(part: str) -> Count | None:
    clean = _AGE.sub(" ", part)
    couple = _A_COUPLE.search(clean)
    if couple:  # "a married couple", "an elderly couple" are two people ("a couple of soldiers" is no count)
        return Count(2, couple.start(), couple.end())
    person = _PERSON_RE.search(clean)
    limit = person.start() if person else len(clean)
    tokens = [t for t in _NUMBER_TOKEN.finditer(clean) if t.start() < limit]
    m = next((t for t in reversed(tokens) if t.group("digits") or t.group("words")), None)
    m = m or next((t for t in tokens if t.group("vague")), None) or (tokens[0] if tokens else None)
    if m and m.group("vague"):
        return Count(None, m.start(), m.end())
    if not person:
        # an elliptical subject: "Two civilians were killed and 5 were injured"
        bare = _QUANTIFIER.sub("", clean.strip(" ,"))  # "... and wounding over 20"
        bare = _OF_THEM.sub("", bare)  # "two of them later died"
        bare = _MORE.sub("", bare)  # "two were killed and 19 more wounded"
        if bare.lower() in _ONE_MORE:  # "a sapper was killed and another was wounded"
            return Count(1, 0, len(clean))
        if m and (m.group("digits") or m.group("words")) and bare == m.group(0):
            value = (
                int(m.group("digits").replace(",", ""))
                if m.group("digits")
                else word_number(m.group("words"))
            )
            return Count(value, m.start(), m.end())
        return None
    if m is None:
        # "police officers" with no number → unknown; "elderly" alone → one
        noun = person.group(0).lower()
        return Count(
            None if noun.endswith(("s", "people", "children", "men", "personnel", "staff")) else 1,
            0,
            len(part),
        )
    if m.group("digits"):
        return Count(int(m.group("digits").replace(",", "")), m.start(), m.end())
    if m.group("words"):
        return Count(word_number(m.group("words")), m.start(), m.end())
    return Count(1, m.start(), m.end())


_QTY = Prefiltered(
    re.compile(
        r"(?P<num>\d{1,3}(?:,\d{3})+|\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
        r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen)\s+"
        r"(?:[\w-]+\s+){0,3}(?P<noun>drones?|UAVs?|missiles?|rockets?|shells?|bombs?|Shaheds?|projectiles?|explosions?|"
        r"aircraft|helicopters?|jets?|tanks?|soldiers|troops|servicemen)\b",
        re.IGNORECASE,
    )
)


def weapon_quantity(sentence: str) -> tuple[int, str] | None:
    """First ``N <weapon>`` in the sentence: ``"more than 70 Iranian-made Shahed drones"`` → (70, "drones")."""
    for m in _QTY.finditer(sentence):
        num = m.group("num")
        value = int(num.replace(",", "")) if num[0].isdigit() else word_number(num)
        if value is not None:
            noun = m.group("noun").lower()
            return value, "drones" if noun.startswith("shahed") else noun
    return None

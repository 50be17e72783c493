"""Name resolution in layers: exact alias → transliteration key → phonetic candidates → provisional.

``resolve_name`` resolves one name out of context (the ``dateline names resolve`` CLI); ``find_mentions``
finds and resolves the names in an article, where a bare surname resolves only through a full mention
earlier in the same article and descriptions ("Ukraine's second-largest city") resolve too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz.distance import Levenshtein

from transforms.names.keys import norm, orthographic, token_key, token_shape
from transforms.names.registry import (
    RU_BORDER_REGIONS,
    TEXT_TYPES,
    Registry,
    alias_order,
    deletions,
    load_registry,
    surface_form,
)

TITLES = {
    "president", "prime", "minister", "foreign", "defense", "defence", "gen", "general", "governor", "gov",
    "mayor", "mr", "mrs", "ms", "dr", "col", "lt", "sgt", "maj", "commander", "colonel", "lieutenant", "major",
    "sen", "senator", "rep", "secretary", "chief", "head", "deputy", "spokesman", "spokeswoman", "ambassador",
}  # fmt: skip
_PATRONYMIC = re.compile(
    r"(?:ovych|evych|yovych|ovich|evich|ovytch|owytsch|owitsch|ewitsch|ovics|evics|ovitj|ovitsj|ovytsj|ovitch|"
    r"ovitš|ovytš|ovitsh|ivna|ovna|evna|ivny|ych|ovic|evic)$"
)


@dataclass(frozen=True)
class Resolution:
    name: str
    entity_id: str
    canonical_name: str
    entity_type: str
    method: str
    score: float


@lru_cache(maxsize=100_000)
def strip_name(name: str) -> tuple[str, ...]:
    """Normalized tokens without titles and patronymics (``Arsen Borysovych Avakov`` → arsen, avakov)."""
    toks = norm(name).split()
    while len(toks) > 1 and toks[0] in TITLES:
        toks = toks[1:]
    if len(toks) >= 3:
        toks = [t for i, t in enumerate(toks) if i in (0, len(toks) - 1) or not _PATRONYMIC.search(t)]
    return tuple(toks)


def provisional_id(tokens) -> str:
    return "prov:" + "-".join(token_key(t) for t in tokens)


def _closest(reg: Registry, query: str, pairs) -> str:
    """Among entities whose alias keys match, the one with the alias closest in spelling to the query; among
    equally close ones, the registry's order of bearers (the given name Serhii before the village Serhii, the
    given name Artem before the Russian city Artëm)."""
    return min(pairs, key=lambda p: (Levenshtein.distance(query, p[1]), _order(reg, p[1], p[0])))[0]


def _shape(name: str) -> str:
    return " ".join(token_shape(t) for t in name.split(" "))


def _same_shape(query: str, alias: str, edits: int = 0) -> bool:
    """A fuzzy match keeps the query's syllable structure. The transliteration key drops vowels, so without this
    Xenia would be Kozyn (both ``ksn``) and Elpis would be Lyptsi. The alias's consonant-vowel shape may differ
    from the query's by the consonant edits a phonetic match allowed (``edits``), plus one for a name of seven
    letters or more (Dnieper / Dnepr)."""
    limit = edits + (len(query.replace(" ", "")) >= 7)
    return Levenshtein.distance(_shape(query), _shape(alias), score_cutoff=limit) <= limit


def _phonetic(reg: Registry, query: str, keys: list[str]) -> tuple[str, float] | None:
    """Registry names with the same token count whose every token key is within one edit (two for long
    tokens) of the query's, found through the one-deletion index and verified token by token, then by shape
    (``_same_shape``)."""
    n = len(keys)
    cands: set[str] = set()
    for i, k in enumerate(keys):
        for d in deletions(k):
            cands.update(reg.token_index.get((n, i, d), ()))
    best: tuple[int, str] | None = None
    for cand_key in cands:
        total = 0
        for a, b in zip(keys, cand_key.split(" "), strict=True):
            limit = 0 if min(len(a), len(b)) < 4 else (1 if min(len(a), len(b)) < 7 else 2)
            d = Levenshtein.distance(a, b, score_cutoff=limit)
            if d > limit or (d and a[0] != b[0]):  # a typo or a romanization keeps a word's first sound
                break
            total += d
        else:
            if (
                total
                and (best is None or (total, cand_key) < best)
                and _phonetic_pairs(reg, query, cand_key, total)
            ):
                best = (total, cand_key)
    if best is None:
        return None
    return _closest(reg, query, _phonetic_pairs(reg, query, best[1], best[0])), max(0.5, 0.85 - 0.1 * best[0])


def _phonetic_pairs(reg: Registry, query: str, cand_key: str, edits: int) -> list[tuple[str, str]]:
    """The (entity, alias) pairs of a candidate key that a typo of ``query`` could be: the same shape up to the
    key's edits and a spelling within one edit per four letters (a near key alone reaches too far through
    GeoNames' alternate names in a dozen languages: Szarogród is not Cechohrad)."""
    limit = max(1, len(query) // 4)
    return [
        p
        for p in reg.key_index[cand_key]
        if _in_scope(reg.get(p[0]))
        and _same_shape(query, p[1], edits)
        and Levenshtein.distance(query, p[1], score_cutoff=limit) <= limit
    ]


def _order(reg: Registry, alias: str, eid: str) -> tuple:
    """How good a candidate is for a name it bears: the registry's alias order (``alias_order``)."""
    return alias_order(reg.get(eid), reg.weak_aliases.get((alias, eid), 0))


def _close_spellings(reg: Registry, text: str, key: str):
    """(entity, alias) pairs in scope whose alias has ``text``'s transliteration key and is within one edit per
    four letters of it."""
    limit = max(1, len(text) // 4)
    for eid, alias in reg.key_index.get(key, ()):
        if _in_scope(reg.get(eid)) and Levenshtein.distance(text, alias, score_cutoff=limit) <= limit:
            yield eid, alias


def _same_sounding(reg: Registry, text: str, key: str, places: bool = True) -> tuple[str, str] | None:
    """The best entity bearing a spelling close to ``text`` (same transliteration key, at most one edit per
    four letters) — for a spelling that is only an alternate name of its first match (Beregovoe: a romanized
    Russian name of a village in Crimea, two edits from Berehove, the town of 23k in Zakarpattia)."""
    close = [
        (eid, alias)
        for eid, alias in _close_spellings(reg, text, key)
        if places or reg.get(eid).entity_type != "place"
    ]
    if not close:
        return None
    return min(close, key=lambda p: _order(reg, p[1], p[0]))


def _most_prominent_place(reg: Registry, text: str, key: str, hits) -> str | None:
    """Many villages share a name, and a romanized Russian spelling of one is a close spelling of another's
    own name (Berezovka / Berezivka, Khotin / Khotyn): out of context, the most prominent place (Ukraine
    first, own names before romanized ones, then population) among those bearing this spelling, or a close
    one with the same transliteration key that is not a GeoNames alternate name."""
    cands: dict[str, int] = {}  # place -> strength of the name it matched by
    for eid, _ in hits:
        st = reg.weak_aliases.get((text, eid), 0)
        if reg.get(eid).entity_type == "place" and _in_scope(reg.get(eid)):
            cands[eid] = min(st, cands.get(eid, st))
    for eid, alias in _close_spellings(reg, text, key):
        st = reg.weak_aliases.get((alias, eid), 0)
        if reg.get(eid).entity_type == "place" and st <= 1:
            cands[eid] = min(st, cands.get(eid, st))
    if not cands:
        return None
    # the registry's order of bearers (a town before a village, its own name before a romanized alternate)
    return min(cands, key=lambda e: alias_order(reg.get(e), cands[e]))


def _in_scope(e) -> bool:
    """Fuzzy layers (key, phonetic) only reach Ukrainian places, Russian places of the border regions or of 100k
    people or more, and curated entities; a place elsewhere resolves only by one of its names (no Anthratsyt →
    Banjul, no Sakhanka → Anzhero-Sudzhensk in Siberia)."""
    if e.entity_type != "place" or e.country == "Ukraine":
        return True
    return e.country == "Russia" and (e.admin1_iso in RU_BORDER_REGIONS or e.population >= 100_000)


@lru_cache(maxsize=100_000)
def _resolve_tokens(toks: tuple[str, ...], standalone: bool) -> tuple[str | None, str, float]:
    """(entity id or None, method, score) for normalized name tokens. ``standalone``: one name resolved on its
    own (``dateline names resolve``), where a bare surname and a name written in parts may resolve; False for
    a capitalized span found in running text, which needs firmer evidence."""
    reg = load_registry()
    text = " ".join(toks)
    hits = reg.alias_index.get(text)
    key = " ".join(token_key(t) for t in toks)
    if hits:
        full = [h for h in hits if h[1] != "surname"]
        if full:
            eid = full[0][0]
            first = _order(reg, text, eid)
            if first[2]:  # a village of under 10k: a given name or person spelled nearly the same (Sergii)?
                better = _same_sounding(reg, text, key, places=False)
                if better and _order(reg, better[1], better[0]) < first:
                    return better[0], "alias", 0.95
            if reg.get(eid).entity_type == "place" and norm(reg.get(eid).canonical_name) != text:
                # not the current name of its first bearer (Beryslav stays Beryslav, not Boryslav)
                eid = _most_prominent_place(reg, text, key, full) or eid
            return eid, "alias", 1.0
        people = {h[0] for h in hits}
        if standalone and len(people) == 1:
            return hits[0][0], "surname", 0.7
        return None, "provisional", 0.0  # the surname of a known person is no fuzzy place (Pence, not Penza)
    common = text in reg.not_names or all(t in reg.not_names for t in toks)
    if common and not standalone:
        # an English word, a demonym, a month: not a name of the registry's kinds (Finnish, not Vinnytsia)
        return None, "provisional", 0.0
    eid, method, score = _fuzzy(reg, toks, text, key, standalone)
    if (
        common
        and eid is not None
        and (
            reg.get(eid).entity_type in ("place", "region", "area")
            or len(text) < 8
            or not _near(reg, eid, text, key)
        )
    ):
        # on its own, a common word of eight letters or more may be a name one letter from one of its
        # spellings (Angelina: Anhelina), never a place (Finance: Vinnytsia) or a short word (Arena: Iryna)
        return None, "provisional", 0.0
    return eid, method, score


def _near(reg: Registry, eid: str, text: str, key: str) -> bool:
    """One of ``eid``'s names with ``text``'s transliteration key is within one edit of ``text``, and not by a
    final s (Matthews, Phillips: English surnames, not Matvii and Pylyp)."""
    return any(
        a + "s" != text and e == eid and Levenshtein.distance(text, a, score_cutoff=1) <= 1
        for e, a in reg.key_index.get(key, ())
    )


def _fuzzy(reg: Registry, toks: tuple[str, ...], text: str, key: str, standalone: bool):
    """The fuzzy layers: transliteration key, a name written in parts, phonetic."""
    pairs = [p for p in reg.key_index.get(key, ()) if _in_scope(reg.get(p[0])) and _same_shape(text, p[1])]
    if pairs and len(key.replace(" ", "")) >= 3:
        return _closest(reg, text, pairs), "key", 0.9
    if len(text) >= 5:  # a short skeleton (Ananiev: "nv") needs a spelling within one edit per four letters
        close = _same_sounding(reg, text, key)
        if close:
            return close[0], "key", 0.85
    if standalone and len(toks) > 1:  # written in parts, one word elsewhere (Baghche Saray / Bakhchysarai)
        word = "".join(toks)
        joined = token_key(word)
        pairs = [
            p for p in reg.key_index.get(joined, ()) if _in_scope(reg.get(p[0])) and _same_shape(word, p[1])
        ]
        if pairs and len(joined) >= 4:
            return _closest(reg, word, pairs), "key", 0.85
    if len(key.replace(" ", "")) >= 5:
        ph = _phonetic(reg, text, key.split(" "))
        if ph:
            return ph[0], "phonetic", ph[1]
    return None, "provisional", 0.0


def _key_of(name: str) -> str:
    return " ".join(token_key(t) for t in strip_name(name))


def _spelling_in_a_region(a: str, b: str) -> bool:
    """Two spellings of one settlement's name, as a region's namesake is looked for: they open alike, with a
    vowel or with a consonant (Gorlovka / Horlivka; the transliteration key drops a leading vowel, so Ohirtseve
    would be Khorosheve), and keep their syllables (Rabotino / Robotyne, Lyubimovka / Liubymivka — not Borysivka
    / Borshchivka, whose consonant cluster is another name)."""
    vowel = "aeiouy"
    return bool(a) and bool(b) and (a[0] in vowel) == (b[0] in vowel) and _shape(a) == _shape(b)


def resolve_place_in(name: str, admin1_iso: str | None) -> Resolution:
    """A place name resolved within a first-level region ("Vodyane" in Donetsk region is not the most
    prominent Vodiane of Ukraine): a place of that region bearing the name or a spelling with its
    transliteration key, else ``resolve_name``."""
    res = resolve_name(name)
    if not admin1_iso or (
        res.entity_type == "place" and load_registry().get(res.entity_id).admin1_iso == admin1_iso
    ):
        return res
    reg = load_registry()
    text = " ".join(strip_name(name))
    key = _key_of(name)
    # a spelling of the place's own name, not of another name it once bore or is also known by ("Pishchane" is
    # not Pokrovske, whose alternate names include "Peschany")
    cands = [e for e, _ in reg.alias_index.get(text, ())] + [
        e
        for e, _ in reg.key_index.get(key, ())
        if _key_of(reg.get(e).canonical_name) == key
        and _spelling_in_a_region(text, norm(reg.get(e).canonical_name))
    ]
    inside = [e for e in cands if reg.get(e).entity_type == "place" and reg.get(e).admin1_iso == admin1_iso]
    if not inside:
        return res
    ent = reg.get(inside[0])
    return Resolution(name, ent.entity_id, ent.canonical_name, ent.entity_type, "region", 0.9)


def resolve_name(name: str, registry: Registry | None = None) -> Resolution:
    """Resolve one name; unknown names get a provisional id shared by all their spellings."""
    if registry is None or registry is load_registry():
        return _resolve_name(name)  # a name list repeats its names: each is resolved once per process
    return _resolve_uncached(name, registry)


@lru_cache(maxsize=100_000)
def _resolve_name(name: str) -> Resolution:
    return _resolve_uncached(name, load_registry())


def _resolve_uncached(name: str, reg: Registry) -> Resolution:
    toks = strip_name(name)
    if not toks:
        return Resolution(name, "prov:", name.strip(), "unknown", "provisional", 0.0)
    eid, method, score = _resolve_tokens(tuple(toks), True)
    if eid is None:
        # a name in another language's orthography: once more in English-style romanization (Tretjakow)
        other = orthographic(name)
        common = " ".join(toks) in reg.not_names or all(t in reg.not_names for t in toks)
        if other != name and not common and (alt := strip_name(other)):
            toks = alt
            eid, method, score = _resolve_tokens(tuple(toks), True)
    if eid is None:
        canonical = " ".join(t.capitalize() for t in toks)
        return Resolution(name, provisional_id(toks), canonical, "unknown", "provisional", 0.0)
    ent = reg.get(eid)
    return Resolution(name, eid, ent.canonical_name, ent.entity_type, method, score)


# ---------------------------------------------------------------------------------------------- in text


class Mention(NamedTuple):  # immutable, and made in C: texts hold dozens of mentions each
    char_start: int
    char_end: int
    surface: str
    entity_id: str
    canonical_name: str
    entity_type: str
    method: str
    score: float


# a capital not preceded by a word character (the lookbehind after it covers the character before it, so the
# pattern starts with a character class and re can skip ahead to the next capital)
_CAPSEQ = re.compile(r"[A-Z](?<![\w’'-].)[\w’'-]*[a-z][\w’'-]*(?:[ -][A-Z][\w’'-]*[a-z][\w’'-]*){0,3}")
_PERSON_CUE_BEFORE = re.compile(
    r"(?:President|Minister|Governor|governor|General|Gen\.|Mayor|mayor|commander|spokes(?:man|woman|person)|"
    r"official|Col\.|Lt\.|Sgt\.|Maj\.|head|chief|leader|lawmaker|Ambassador|ambassador|envoy|Secretary|"
    r"secretary|Deputy|deputy|analyst|adviser|advisor|Commissioner|commissioner|ombudsman|Ombudsman)\s+$"
)
_PERSON_CUE_AFTER = re.compile(r"^,?\s+(?:said|says|told|wrote|added)\b")
# "X, <Region>": a settlement the gazetteer may not know, placed by the region named after it
# "X, Donetsk", "X (Donetsk region)", "X village, Kherson", "X, Pokrovskyi district, Donetsk"
_REGION_AFTER = re.compile(
    r"^(?:\s+(?:village|town|city|settlement|urban-type settlement|district|(?:territorial\s+)?community|hromada|raion))?"
    r"(?:,\s+[A-Z][\w’'-]+\s+(?:district|raion|(?:territorial\s+)?community|hromada))?"
    r"(?:,\s+|\s+\()(?P<region>[A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+)?)"
)
# "X in the Klimovo district of the Bryansk region": the region said to hold a settlement
_REGION_HOLDING = re.compile(
    # ... also after the settlement's description: "Hroza, a village of about 330 people in the Kupiansk district
    # of the Kharkiv region"
    r"^(?:,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,6}?(?:village|town|settlement|hamlet)\b[^,.;]{0,40}?)?"
    # (the country may be named first: "in Ukraine's northeastern Kharkiv region")
    r"\s+in\s+(?:the\s+)?(?:(?:Ukraine|Russia)['’]s\s+)?(?:(?:[a-z]+-)?[a-z]+ern\s+|central\s+)?"
    r"(?:[A-Z][\w’'-]+\s+(?:district|raion)\s+of\s+(?:the\s+)?)?"
    r"(?:(?P<region>[A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+)?)\s+(?:region|oblast|Oblast|Region)|"
    # ... or by the name Russia gives the occupied region: "Yalta in the Donetsk People's Republic", "in the LPR"
    r"(?P<republic>Donetsk|Luhansk|Lugansk)\s+People['’]s\s+Republic|(?P<abbr>DPR|LPR))\b"
)
_REPUBLICS = {"DPR": "Donetsk", "LPR": "Luhansk"}
# a place is mentioned after these ("in X", "near X", "the village of X") or before these ("X region")
_PLACE_CUE_BEFORE = re.compile(
    r"(?:\b(?:in|near|outside|around|toward|towards|into|at|from|to|through|across|"
    r"(?:village|town|city|settlement|community|hromada|hamlet|outskirts|suburb|district|region)s?\s+of)\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
_PLACE_CUE_AFTER = re.compile(
    r"^\s+(?:region|oblast|district|raion|province|village|town|city|settlement|area)\b", re.IGNORECASE
)
# a word that cannot be the surname after a first name ("Volodymyr Oblast", "Volodymyr on Monday")
_NOT_A_SURNAME = {"oblast", "region", "raion", "district", "province", "city", "town", "village", "area"}
_NEXT_WORD = re.compile(r"[\])]?\s([A-Z][\w’'-]*)")  # "[Vladimir] Putin"
_NOT_NAMES = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "june", "july", "august", "september", "october", "november", "december", "telegram", "western",
    "russian", "ukrainian", "american", "european", "north", "south", "east", "west", "the", "but", "in", "on",
}  # fmt: skip


@dataclass(frozen=True)
class Description:
    pattern: re.Pattern
    entity_id: str
    condition: str | None
    literal: str


@lru_cache(maxsize=1)
def _descriptions() -> tuple[Description, ...]:
    from transforms.names.registry import _read

    out = []
    for r in _read("descriptions.tsv"):
        pat = re.compile(r"(?<!\w)" + re.escape(r["pattern"]).replace("'", "['’]") + r"(?!\w)", re.IGNORECASE)
        # every match contains the longest piece of the phrase between apostrophes ("the capital", "s capital")
        literal = max(re.split(r"['’]", r["pattern"].lower()), key=len)
        out.append(Description(pat, r["entity_id"], r["condition"] or None, literal))
    return tuple(out)


def _bounded(text: str, start: int, end: int) -> bool:
    return (start == 0 or not text[start - 1].isalnum()) and (end >= len(text) or not text[end].isalnum())


_CAPITALIZED_BEFORE_HYPHEN = re.compile(r"[A-Z][a-z]+-$")
_ON_THE_RIVER = re.compile(r"-(?:on|na|upon|nad|pod)-[A-Z]")


def _half_of_a_compound_name(text: str, start: int, end: int, named: set[int]) -> bool:
    """The name is the first part of a town named for its river ("Slavyansk-on-Kuban"), or follows a hyphen
    after a capitalized word that is no name of its own: the second half of a
    longer name ("Rimsky-Korsakov", "Novo-Ivanivka"), not the place — "Kyiv-Moscow talks" keeps both places,
    and the first half of an unknown village's double name ("Kalynove-Borshchuvate") still places it."""
    if _ON_THE_RIVER.match(text, end):
        return True  # "Slavyansk" in "Slavyansk-on-Kuban" is not Sloviansk: a town named for its river
    if start < 3 or text[start - 1] != "-":
        return False
    before = _CAPITALIZED_BEFORE_HYPHEN.search(text, max(0, start - 30), start)
    return before is not None and before.start() not in named


def _case_ok(surface: str, alias_is_abbr: bool) -> bool:
    if alias_is_abbr:
        return surface.isupper()
    last = surface.split()[-1]
    return surface[:1].isupper() or last[:1].isupper()


def find_mentions(
    text: str, dateline_country: str | None = None, registry: Registry | None = None
) -> list[Mention]:
    """All resolved name mentions in ``text``, non-overlapping, in order."""
    reg = registry or load_registry()
    low = surface_form(text)
    occupied = Occupied(len(text))
    described = _description_mentions(text, low, occupied, dateline_country, reg)
    spans: list[tuple[int, int, tuple]] = []
    for end_idx, (length, cands) in reg.automaton.iter(low):
        start, end = end_idx - length + 1, end_idx + 1
        if not _bounded(text, start, end) or occupied.overlaps(start, end):
            continue
        spans.append((start, end, cands))
    # leftmost-longest, non-overlapping
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    named = {x[0] for x in spans} | {x[1] for x in spans}
    chosen: list[tuple[int, int, tuple]] = []
    last_end = -1
    for s in spans:
        if s[0] >= last_end:
            surface = text[s[0] : s[1]]
            abbr = all(k == "abbr" for _, k in s[2])
            if not _case_ok(surface, abbr):
                continue
            if _first_name(reg, text, s[0], s[1]):
                continue  # "Volodymyr" in "President Volodymyr Zelenskiy" is part of a person, not the town
            if _first_word_of_place(reg, text, s[0], s[1], s[2]):
                continue  # "Mali" in "Mali Shcherbaky" is the first word of a village, not the country
            if _half_of_a_compound_name(text, s[0], s[1], named):
                continue  # "Korsakov" in "Rimsky-Korsakov" is half of a person's name, not the town
            chosen.append(s)
            last_end = s[1]

    mentions: list[Mention] = list(described)
    seen_full: set[str] = set()
    other_kind: set[str] = set()
    for span in chosen:
        m = _known_mention(reg, text, span, seen_full)
        if m is None:
            continue
        ent = reg.get(m.entity_id)
        if ent.entity_type == "place" and _no_mention_of_the_place(reg, text, m.char_start, m.char_end, ent):
            continue
        if ent.entity_type == "place" and _opens_another_kinds_name(text, m.char_start, m.char_end):
            other_kind.add(m.entity_id)
            continue
        if ent.entity_type == "person":
            seen_full.add(m.entity_id)
        mentions.append(m)
        occupied.append((m.char_start, m.char_end))

    mentions = [m for m in mentions if not _named_another_kind(reg, text, m, other_kind)]
    mentions += _unknown_names(text, occupied, seen_full, reg, _villages(reg, mentions))
    mentions.sort(key=lambda m: m.char_start)
    return mentions


def _known_mention(reg: Registry, text: str, span: tuple, seen_full: set[str]) -> Mention | None:
    """The registry's mention of a matched span: a surname extended to the full name before it, or kept when the
    person was named in full before (or bears a surname that stands alone), else the span's other reading (a
    place: "shells fell on Morozov, Sumy region"); None when it names nobody."""
    start, end, cands = span
    eid, kind = cands[0]
    surface = text[start:end]
    method, score = "alias", 1.0
    if kind == "surname":
        ext = _extend_left(text, start)
        if ext is not None:
            res = resolve_name(text[ext:end], reg)
            if res.entity_id == eid and res.method != "provisional":
                start, surface, method, score = ext, text[ext:end], res.method, res.score
                kind = "name"
        if kind == "surname":
            if eid in seen_full:
                method, score = "context", 0.9
            elif reg.get(eid).surname_ok:
                method, score = "surname", 0.8
            else:  # not this person: the name may still be a place's
                other = next(((e, k) for e, k in cands[1:] if k != "surname"), None)
                if other is None:
                    return None
                eid, kind = other
    ent = reg.get(eid)
    return Mention(start, end, surface, eid, ent.canonical_name, ent.entity_type, method, score)


def _no_mention_of_the_place(reg: Registry, text: str, start: int, end: int, ent) -> bool:
    """A place's name that names no place here: a weak spelling of a village with no place cue, a surname after a
    given name, a person's name told as one, a clock ("at midnight Moscow time")."""
    return bool(
        _weak_small_place(reg, text, start, end, ent)
        or _after_a_given_name(reg, text, start)
        or _in_a_persons_name(reg, text, start, end)
        or _TIME_ZONE_AFTER.match(text, end)
    )


# where a person's name is told: after who speaks of them or a byline ("said Douglas Barrie", "By Tara Whitfield",
# "Write to Katrin Adler", "has spoken to Lee Zion"), or before their role (", a journalist in Minnesota")
_PERSON_BEFORE = re.compile(
    r"(?:\bsaid|\bsays|^By|\bBy|\bWrite to|\bspoken to|\bspoke to|\btold|\binterviewed|\d+-year-old|"
    r"\bfirst name,?)\s+$"
)
_ROLE_AFTER = re.compile(
    r"^,\s+(?:\d{1,2},|(?:a|an)\s+(?:[a-z-]+\s+){0,3}?(?:journalist|reporter|analyst|professor|teacher|soldier|"
    r"student|resident|volunteer|pensioner|doctor|nurse|engineer|farmer|mother|father|woman|man|girl|boy|"
    r"researcher|expert|fellow|official|lawyer|priest|driver|commander|correspondent)\b)"
)
_CAPITALIZED_WORD_AFTER = re.compile(r"\s+([A-Z][\w’'-]*[a-z])\b")


def _in_a_persons_name(reg: Registry, text: str, start: int, end: int) -> bool:
    """The place's name is a person's name here: the surname of a two-word name told as a person's ("has spoken
    to Lee Zion, a journalist"), the first of one ("said Douglas Barrie"), or a given name alone ("said Volodymyr,
    a soldier", "10-year-old Sofia")."""
    before = text[max(0, start - 40) : start]
    prev = _WORD_BEFORE.search(before)
    if prev is not None and norm(prev.group(1)) not in _NOT_A_SURNAME:
        first_at = start - (len(before) - prev.start())
        if _PERSON_BEFORE.search(text[max(0, first_at - 30) : first_at]) or _ROLE_AFTER.match(text, end):
            return True  # "Lee Zion" after "spoken to", or before ", a journalist"
    nxt = _CAPITALIZED_WORD_AFTER.match(text, end)
    if _PERSON_BEFORE.search(before):
        if nxt is not None and nxt.group(1) not in _NOT_NAMES_AFTER:
            return True  # "said Douglas Barrie"
        if norm(text[start:end]) in reg.given_names:
            return True  # "said Volodymyr, a soldier", "10-year-old Sofia"
    return norm(text[start:end]) in reg.given_names and bool(
        _ROLE_AFTER.match(text, end) or _PERSON_CUE_AFTER.match(text, end)  # "Sofia said"
    )


# words that follow a place's name in a dateline or a phrase, not a surname: "said Kyiv Mayor ...", "By Kyiv Post"
_NOT_NAMES_AFTER = frozenset(
    ("Mayor", "Governor", "Oblast", "Region", "Post", "Independent", "Times", "City", "Region's", "Oblast's")
)


def _opens_another_kinds_name(text: str, start: int, end: int) -> bool:
    """The place's name opens the name of a river, unit, body or pipeline ("the Azov regiment", "the river Donets")."""
    return bool(
        _HEAD_OF_ANOTHER_KIND.match(text, end) or _OTHER_KIND_BEFORE.search(text[max(0, start - 13) : start])
    )


def _named_another_kind(reg: Registry, text: str, m: Mention, other_kind: set[str]) -> bool:
    """One sense per story: a village (under 10k people) whose name the story uses for a thing of another kind
    ("the Levada Center ... Levada said", "the Azov regiment ... Azov fighters") is that thing wherever the story
    names it bare — unless a place cue names the village ("the village of Azov")."""
    return (
        m.entity_id in other_kind
        and reg.get(m.entity_id).population < 10_000
        and not _place_cue(text, m.char_start, m.char_end)
    )


def _first_name(reg: Registry, text: str, start: int, end: int) -> bool:
    """The span is a given name followed by a capitalized word that can be a surname: the first name of a
    person, never a mention of its own (a place that bears it: the town of Volodymyr, the village Serhii)."""
    if norm(text[start:end]) not in reg.given_names:
        return False
    if _PERSON_CUE_BEFORE.search(text[max(0, start - 30) : start]):
        return True  # "President Vladimir"
    m = _NEXT_WORD.match(text, end)
    if not m:
        return False
    nxt = norm(m.group(1))
    return bool(nxt) and nxt not in _NOT_A_SURNAME and nxt not in _NOT_NAMES and nxt not in reg.demonyms


_TIME_ZONE_AFTER = re.compile(r"\s+(?:time|summer\s+time|standard\s+time)\b")
# the head noun of a longer name of another kind that a place's name opens: a river, a unit, a body, a pipeline
# ("the Azov Battalion", "the Levada Center", "the Druzhba pipeline", "the Siverskyi Donets river", "Maidan
# patrols", "the Dnipro-1 battalion")
_HEAD_OF_ANOTHER_KIND = re.compile(
    r"(?:-\d+)?\s+(?:[Rr]iver|[Bb]attalion|[Rr]egiment|[Bb]rigade|[Gg]roup|[Cc]ent(?:er|re)|[Pp]ipeline|"
    r"[Pp]atrols?|[Mm]ovement|[Pp]arty|"
    # ... a square, park or street named for a person, a band, a treaty ("Pushkin Square", "Gorky Park",
    # "Kalush Orchestra", "Khasavyurt Accord", "Mamayev Kurgan Memorial")
    r"Square|Park|Street|Avenue|Boulevard|Orchestra|Accords?|Memorial)\b|"
    r"-[A-Z][\w’']*[-\s]+(?:Pact|Treaty)\b"  # "the Molotov-Ribbentrop Pact"
)
# "across the river Donets"; "Battlegroup Dnepr units": Russia's groupings of forces are named for rivers and
# compass points
_OTHER_KIND_BEFORE = re.compile(r"\b[Rr]iver\s+$|\bBattle ?group\s+$")
_SHIP_BEFORE = re.compile(r"\b(?:cruiser|warship|flagship|ship|vessel|frigate|submarine)\s+[“\"]?$")
_ARTICLE_BEFORE = re.compile(r"\b(?:the|The)\s+[“\"]?$")
_NOT_ATTRIBUTIVE = re.compile(
    r"[”\"]?(?:[.,;:!?)]|\s+(?:cruiser|warship|flagship|missile|with|went|sank|was|is|had|and)\b)"
)


_WORD_BEFORE = re.compile(r"([A-Z][\w’'-]*)\s+$")


def _after_a_given_name(reg: Registry, text: str, start: int) -> bool:
    """A place's name right after a given name is the person's surname, or a ship named after one: "Vsevolod
    Bobrov", "Ivan Sirko" are people and ships, not the towns of Bobrov or Sirko."""
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return before is not None and norm(before.group(1)) in reg.given_names


def _weak_small_place(reg: Registry, text: str, start: int, end: int, ent) -> bool:
    """A village (under 10k people) named by a spelling that is not its own name (a romanized Russian form, a
    GeoNames alternate name) is mostly a surname or a foreign place (Ivanov, Morozov, Tymoshenko, Brest,
    Mogilev): without a place cue or its region after it it is no mention; nor is any place named so after a
    given name, inside a double name (Maria Lvova-Belova), after a ship or after an article (the Moskva)."""
    if not reg.weak_aliases.get((norm(text[start:end]), ent.entity_id)):
        return False
    # the start of a double name the span is part of (Lvova-Belova), and the word before it
    first = start
    while (m := re.search(r"[A-Z][\w’']*-$", text[max(0, first - 30) : first])) is not None:
        first -= len(m.group(0))
    if _after_a_given_name(reg, text, first) or _PERSON_CUE_BEFORE.search(text[max(0, first - 30) : first]):
        return True  # "Maria Lvova-Belova", "Commissioner Lvova-Belova": a person
    if _SHIP_BEFORE.search(text[max(0, first - 20) : first]) or (
        _ARTICLE_BEFORE.search(text[max(0, first - 6) : first]) and _NOT_ATTRIBUTIVE.match(text, end)
    ):
        # "the cruiser Moskva", "the sinking of the Moskva": English writes a town's name without an article
        # (unless it is attributive: the Kremenchug refinery)
        return True
    if ent.population >= 10_000:
        return False
    return not (_place_cue(text, start, end) or region_after(text, end))


def _first_word_of_place(reg: Registry, text: str, start: int, end: int, cands) -> bool:
    """A country's name that is the first word of a Ukrainian or Russian place's name ("Mali Shcherbaky":
    Mali is "small" in Ukrainian): the two words resolve to a place in text, or a region follows them."""
    if reg.get(cands[0][0]).entity_type != "country":
        return False
    m = _NEXT_WORD.match(text, end)
    if not m:
        return False
    if region_after(text, m.end()):  # "Mali Scherbaky, Zaporizhia": a settlement placed by its region
        return True
    eid, _, _ = _resolve_tokens(tuple(norm(f"{text[start:end]} {m.group(1)}").split()), False)
    return eid is not None and reg.get(eid).entity_type == "place"


_LISTED_AFTER = re.compile(r"([A-Z][\w’'-]+)(?:,|,? and|,? or)\s+$")


def _place_cue(text: str, start: int, end: int) -> bool:
    """A place cue around a span: "in X", "near X", "the village of X", "X region", or a list of places
    that it ends ("in Bakhmut and Avdivka")."""
    if _PLACE_CUE_BEFORE.search(text[max(0, start - 25) : start]) or _PLACE_CUE_AFTER.match(
        text[end : end + 12]
    ):
        return True
    m = _LISTED_AFTER.search(text[max(0, start - 40) : start])
    if not m:
        return False
    eid, method, _ = _resolve_tokens(strip_name(m.group(1)), False)
    return (
        eid is not None and method == "alias" and load_registry().get(eid).entity_type in ("place", "region")
    )


def _strong(reg: Registry, eid: str, toks: tuple[str, ...]) -> bool:
    """A fuzzy match so close that it needs no cue: a name of seven letters or more within one edit of one of
    the entity's names with the same transliteration key (Sieverodonetsk / Sievierodonetsk)."""
    text = " ".join(toks)
    if len(text) < 7:
        return False
    return _near(reg, eid, text, " ".join(token_key(t) for t in toks))


def _extend_left(text: str, start: int) -> int | None:
    """Start of up to two capitalized tokens right before ``start`` (a first name before a surname)."""
    m = re.search(r"((?:[A-Z][\w’'-]+\s+){1,2})$", text[max(0, start - 40) : start])
    if not m:
        return None
    return start - len(m.group(1))


class Occupied:
    """Character ranges already taken by a mention (a byte mask: O(length) checks, not O(mentions))."""

    def __init__(self, n: int):
        self.mask = bytearray(n + 1)

    def append(self, span: tuple[int, int]) -> None:
        s, e = span
        self.mask[s:e] = b"\x01" * (e - s)

    def overlaps(self, start: int, end: int) -> bool:
        return self.mask.find(1, start, end) != -1


# a settlement named as one: "the village of Robotyne", "the settlements of Soloviove" — the story's own evidence
# that a name the gazetteer lacks (GeoNames' 500-people cut) is a place
SETTLEMENT_OF = re.compile(r"\b(?:village|town|settlement|urban-type settlement|hamlet)s?\s+of\s+$", re.I)
# ... or told as one right after its name: "Pytomnyk, a village north of Kharkiv"
SETTLEMENT_AFTER = re.compile(
    r",\s+(?:a|the)\s+(?:small\s+|tiny\s+|frontline\s+)?(?:village|hamlet|settlement)\b"
)


# ... or by the edge of it: "fighting on the outskirts of Robotyne"
_OUTSKIRTS_OF = re.compile(r"\b(?:outskirts|edges?)\s+of\s+$", re.I)
_VILLAGE_OF = re.compile(r"\b(?:village|hamlet)\s+of\s+$", re.I)  # no town: a guess at a town is wrong
# a later name of a list of settlements: "the villages of Pletenivka and Hatyshche", "the settlements of A, B and C"
_SETTLEMENTS_LISTED_BEFORE = re.compile(
    r"\b(?:villages|settlements|towns|hamlets)\s+of\s+(?:[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?(?:,\s+|,?\s+and\s+))+$"
)


def _provisional_place(text: str, start: int, end: int, toks) -> Mention:
    """A place the gazetteer does not hold, as the text writes it."""
    name = text[start:end]
    return Mention(start, end, name, provisional_id(toks), name, "place", "provisional", 0.5)


def _small_place(reg: Registry, eid: str) -> bool:
    ent = reg.get(eid)
    return ent.entity_type == "place" and ent.population < 10_000


# a capitalized word that opens a sentence before a name: "In Hroza, a village ...", "Near Robotyne, ..."
_OPENING_WORD = re.compile(
    r"(?:In|At|On|Near|From|Outside|Around|Inside|To|After|For|By|As|With|When|While|Since|Across|Over)\s+"
)


# the last word of a body's name, never of a person's: "the Azov Regiment, told Sky News", "the World Bank said"
_BODY_WORDS = frozenset(
    [
        "regiment",
        "battalion",
        "brigade",
        "center",
        "centre",
        "bank",
        "ministry",
        "times",
        "post",
        "group",
        "council",
        "agency",
        "institute",
        "committee",
        "office",
        "service",
        "forces",
        "army",
        "guard",
        "fund",
        "union",
        "party",
        "movement",
        "company",
        "corporation",
    ]
)


def _name_span(text: str, m: re.Match) -> tuple[int, int]:
    """The span of a capitalized sequence without a sentence's opening function word before the name."""
    start, end = m.start(), m.end()
    opening = _OPENING_WORD.match(text, start, end)
    return (opening.end(), end) if opening and opening.end() < end else (start, end)


def _introduced_settlements(text: str) -> set[tuple]:
    """The names the story tells as settlements anywhere ("In Hroza, a village of about 330 people", "the village
    of Pytomnyk"): one sense per story, so their bare mentions before that are the settlement too."""
    out: set[tuple] = set()
    for m in _CAPSEQ.finditer(text):
        start, end = _name_span(text, m)
        if SETTLEMENT_AFTER.match(text, end, end + 40) or SETTLEMENT_OF.search(
            text[max(0, start - 30) : start]
        ):
            toks = strip_name(text[start:end])
            if toks and len(toks) <= 3 and toks[0] not in _NOT_NAMES and toks[-1] not in _NOT_NAMES:
                out.add(tuple(toks))
    return out


def _unknown_names(
    text: str, occupied, seen_full: set[str], reg: Registry, villages: list[tuple[int, int]]
) -> list[Mention]:
    """The names the registry lacks or only guesses at, with the evidence the text gives for each (``villages``:
    the spans of the small settlements it knows there, whose neighbours in a list are settlements too)."""
    out = []
    # settlements the story names as such: their bare mentions too, before or after
    introduced: set[tuple] = _introduced_settlements(text)
    for m in _CAPSEQ.finditer(text):
        found = _name_candidate(text, m, occupied, introduced)
        if found is None:
            continue
        start, end, toks = found
        if norm(text[start:end]) in reg.demonyms:
            continue  # a people, not a place: "Chechens, Buryats, Dagestanis"
        before = text[max(0, start - 30) : start]
        person_cue = bool(
            _PERSON_CUE_BEFORE.search(before)
            or _PERSON_CUE_AFTER.match(text[end : end + 12])
            or norm(text[start:end]).split(" ", 1)[0] in TITLES  # "Governor Serhiy Haidai"
        )
        eid, method, score = _resolve_tokens(tuple(toks), False)
        hint = None if person_cue or len(toks) > 3 else region_after(text, end)
        mention = None
        if hint is not None and (eid is None or method in ("key", "phonetic") or len(text[start:end]) < 4):
            # (a name under four letters is not in the in-text automaton: Udy, Kharkiv)
            # "X, <Region>": a settlement placed by its region; the gazetteer's guess must agree with the region
            ent = reg.get(eid) if eid else None
            if ent is not None and ent.entity_type == "place" and ent.admin1_iso == hint:
                mention = Mention(
                    start, end, text[start:end], eid, ent.canonical_name, ent.entity_type, method, score
                )
            else:
                mention = _provisional_place(text, start, end, toks)
        elif not person_cue and (
            _told_as_a_settlement(reg, text, start, end, toks, introduced, eid, method)
            or _listed_with_a_village(text, start, end, toks, villages, eid, method)
        ):
            introduced.add(tuple(toks))
            mention = _provisional_place(text, start, end, toks)
            villages.append((start, end))  # the list goes on: "Borysivka, Ohirtseve, Pletenivka, Pylna"
        elif eid is not None and method in ("key", "phonetic"):
            mention = _fuzzy_mention(
                reg, text, (start, end, toks), (eid, method, score), person_cue, seen_full
            )
        elif eid is None and person_cue and 2 <= len(toks) <= 4 and toks[-1] not in _BODY_WORDS:
            canonical = " ".join(t.capitalize() for t in toks)
            mention = Mention(
                start, end, text[start:end], provisional_id(toks), canonical, "person", "provisional", 0.5
            )
        if mention is not None:
            out.append(mention)
            occupied.append((start, end))
    return out


def _name_candidate(text: str, m: re.Match, occupied, introduced: set[tuple]) -> tuple | None:
    """(start, end, tokens) of a capitalized sequence that may be a name the registry lacks, or None: not inside
    a known mention, no possessive, no function word at either end, and not only a capitalized first word."""
    start, end = _name_span(text, m)
    if occupied.overlaps(start, end):
        return None
    if text[end - 2 : end] in ("'s", "’s"):  # a possessive: Lithuania's
        end -= 2
    toks = strip_name(text[start:end])
    if not toks or toks[0] in _NOT_NAMES or toks[-1] in _NOT_NAMES:
        return None
    sentence_start = (
        not text[max(0, start - 3) : start].strip(' “"(')
        or text[max(0, start - 3) : start].rstrip()[-1:] in ".!?:\n"
    )
    told_as_settlement = SETTLEMENT_AFTER.match(text, end, end + 40) is not None
    if sentence_start and len(toks) == 1 and not (tuple(toks) in introduced or told_as_settlement):
        return None  # a capitalized first word is no evidence of a name
    return start, end, toks


def _told_as_a_settlement(
    reg: Registry, text: str, start: int, end: int, toks, introduced, eid, method
) -> bool:
    """The text tells the name as a settlement's ("the village of X", "X, a village", a list of villages, a name
    introduced so) and the gazetteer does not know it — or only guesses at a village elsewhere (Robotyne is not
    Rybotyn of Chernihiv)."""
    before = text[max(0, start - 30) : start]
    told = (
        tuple(toks) in introduced
        or SETTLEMENT_OF.search(before)
        or _OUTSKIRTS_OF.search(before)
        or SETTLEMENT_AFTER.match(text, end, end + 40)
        or _SETTLEMENTS_LISTED_BEFORE.search(text, max(0, start - 120), start)
    )
    unknown = eid is None or (
        method in ("key", "phonetic") and (_small_place(reg, eid) or _VILLAGE_OF.search(before) is not None)
    )
    return len(toks) <= 3 and bool(told) and unknown


# the words joining the items of a list: "Borysivka and Pletenivka", "Hatyshche, Lukiantsi"
_LIST_JOIN = re.compile(r"\s*(?:,|,?\s+(?:and|or))\s+")


def _villages(reg: Registry, mentions: list[Mention]) -> list[tuple[int, int]]:
    """The spans of the small settlements of the gazetteer a text names (not the curated sites: "the Black Sea
    and Baltics" lists no villages) — a list that grows as names listed with them are read as villages too."""
    return [
        (m.char_start, m.char_end)
        for m in mentions
        if (ent := reg.entities.get(m.entity_id)) is not None
        and ent.settlement
        and _small_place(reg, m.entity_id)
    ]


def _listed_with_a_village(text: str, start: int, end: int, toks, villages, eid, method) -> bool:
    """A name the gazetteer does not know, listed with a village it knows ("its troops took Hatyshche and
    Lukiantsi"): a settlement too — the items of a list are things of one kind."""
    if (
        len(toks) > 2
        or not (eid is None or method in ("key", "phonetic"))
        or text[end : end + 2] in ("'s", "’s")
    ):
        return False  # (a possessive is no item of a list: "the plant, Europe's largest")
    for v0, v1 in villages:
        if 0 <= start - v1 <= 7 and _LIST_JOIN.fullmatch(text, v1, start):
            return True
        if 0 <= v0 - end <= 7 and _LIST_JOIN.fullmatch(text, end, v0):
            return True
    return False


def _fuzzy_mention(
    reg: Registry, text: str, span: tuple, found: tuple, person_cue: bool, seen_full
) -> Mention | None:
    """The mention a key or phonetic match makes, or None: never a given name alone (Georgia is not Heorhii), a
    one-word phonetic match, a surname of a person not named in full before, nor a place without a place cue or a
    very close spelling ("Governor Haidai" is a person, not the village Hoidai): unresolved beats wrong."""
    start, end, toks = span
    eid, method, score = found
    ent = reg.get(eid)
    if ent.entity_type not in TEXT_TYPES:
        return None
    if method == "phonetic" and len(toks) == 1 and not person_cue:
        return None
    if ent.entity_type == "person" and len(toks) == 1 and eid not in seen_full:
        return None
    if ent.entity_type in ("place", "region") and (
        person_cue or _small_place(reg, eid) or not (_place_cue(text, start, end) or _strong(reg, eid, toks))
    ):
        return None
    return Mention(start, end, text[start:end], eid, ent.canonical_name, ent.entity_type, method, score)


def region_after(text: str, end: int) -> str | None:
    """``"X, Donetsk"`` / ``"X, Donetsk region"``: the id of the first-level region named right after a place."""
    found = region_span(text, end)
    return found[0] if found else None


def region_span(text: str, end: int) -> tuple[str | None, str, int] | None:
    """The region named right after a place that ends at ``end``: (its id or None, its name, where the name
    ends in ``text``); None when no name follows."""
    m = _REGION_AFTER.match(text[end : end + 90])
    if not m:
        return None
    return region_id(m.group("region")), m.group("region"), end + m.end()


def region_holding(text: str, end: int) -> str | None:
    """The id of the first-level region said to hold the place that ends at ``end`` ("Lomakovka in the Klimovo
    district of the Bryansk region", "the Krasnogvardeysky district of Crimea"), or None."""
    if m := _REGION_HOLDING.match(text[end : end + 90]):
        return region_id(m.group("region") or m.group("republic") or _REPUBLICS[m.group("abbr")])
    m = _DISTRICT_OF.match(text[end : end + 60])
    return region_id(m.group("region")) if m else None


# a district named with its region: "the Krasnogvardeysky district of Crimea", "the Belgorod district of the
# Belgorod region"
_DISTRICT_OF = re.compile(
    r"^\s+(?:district|raion)\s+of\s+(?:the\s+)?(?P<region>[A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+)?)"
    r"(?:\s+(?:region|oblast|Oblast|Region))?\b"
)


@lru_cache(maxsize=10_000)
def region_id(name: str) -> str | None:
    """A first-level region from its name or stem (``Donetsk``, ``Kharkiv region``, ``Zaporizhia``)."""
    base = re.sub(r"\s+(?:region|oblast|province|Oblast|Region|Province)$", "", name)
    res = resolve_name(f"{base} region")
    if res.entity_type != "region":
        return None
    if res.method != "alias":  # a misspelling keeps the name's start (Kharkhiv), a key match alone may not
        ent = load_registry().get(res.entity_id)
        if norm(base)[:3] not in (norm(ent.admin1 or "")[:3], norm(ent.canonical_name)[:3]):
            return None
    return res.entity_id


def _description_mentions(
    text: str, low: str, occupied, dateline_country: str | None, reg: Registry
) -> list[Mention]:
    out = []
    if "capital" not in low and "city" not in low:
        return out
    for d in _descriptions():
        if d.condition and d.condition != f"dateline_country={dateline_country}":
            continue
        if d.literal not in low:
            continue
        for m in d.pattern.finditer(text):
            if occupied.overlaps(m.start(), m.end()):
                continue
            ent = reg.get(d.entity_id)
            out.append(
                Mention(
                    m.start(),
                    m.end(),
                    m.group(0),
                    ent.entity_id,
                    ent.canonical_name,
                    ent.entity_type,
                    "description",
                    0.8,
                )
            )
            occupied.append((m.start(), m.end()))
    return out

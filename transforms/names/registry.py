"""The entity registry: load the packaged tables (entities.tsv, aliases.tsv) once and compile the lookup
structures the resolver and the in-text matcher need.

This module is the one place in ``transforms`` that reads files, and it reads only the package's own
reference data (``transforms/names/data``), built by ``scripts/build_registry.py``.
"""

from __future__ import annotations

import csv
import hashlib
import os
import pickle
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import ahocorasick

from transforms.names.keys import norm, token_key, translit_key

TYPE_RANK = {
    "place": 0,
    "region": 1,
    "area": 2,
    "country": 2,
    "organization": 3,
    "person": 4,
    "given_name": 5,
    "phrase": 6,
}
# Russian regions on Ukraine's border that the war reaches on the ground: the registry holds their settlements
# down to 500 people, and the fuzzy layers reach them
RU_BORDER_REGIONS = frozenset({"RU-BEL", "RU-KRS", "RU-BRY"})
# Types that are names of things in the world and can be mentioned in text (given names and phrases are only
# resolvable one by one through `dateline names resolve`).
TEXT_TYPES = {"place", "region", "area", "country", "organization", "person"}


def surface_form(text: str) -> str:
    """Length-preserving light normalization used for in-text matching: lower case, one apostrophe."""
    low = text.lower()
    if len(low) != len(text):  # a character that lower-cases to two (İ): keep offsets aligned
        low = "".join(c.lower()[0] for c in text)
    for a in "’ʼ`‘´":  # str.replace per present character: a dict-based translate of every text costs more
        if a in low:
            low = low.replace(a, "'")
    return low


@dataclass(frozen=True)
class Entity:
    entity_id: str
    canonical_name: str
    entity_type: str
    admin1: str | None
    admin1_iso: str | None
    country: str | None
    latitude: float | None
    longitude: float | None
    population: int
    surname_ok: bool
    # a region's administrative centre, by name (ACLED codes region-only events there); for a landmark, the
    # settlement it lies at (the Zaporizhzhia Nuclear Power Plant: Enerhodar)
    centre: str | None = None

    @property
    def settlement(self) -> bool:
        """A place of the gazetteer (GeoNames) — not a site the registry curates (a bridge, a plant, a sea)."""
        return self.entity_type == "place" and self.entity_id.startswith("geonames:")

    @property
    def rank(self) -> tuple:
        """Preference among same-named entities: type, then Ukraine first (this is a Ukraine-war
        pipeline: Podilsk before Podolsk near Moscow), then population."""
        return (TYPE_RANK.get(self.entity_type, 9), self.country not in ("Ukraine", None), -self.population)


@dataclass
class Registry:
    entities: dict[str, Entity]
    # norm(alias) -> [(entity_id, kind)] best first
    alias_index: dict[str, list[tuple[str, str]]]
    # translit_key(alias) -> [(entity_id, norm(alias))]
    key_index: dict[str, list[tuple[str, str]]]
    # (token count, position, token key or a one-deletion variant of it) -> full keys, for phonetic candidates
    token_index: dict[tuple[int, int, str], tuple[str, ...]]
    automaton: ahocorasick.Automaton = field(repr=False)
    # (norm(alias), entity_id) -> 1 or 2 for aliases that are not the entity's own name (see alias_strength)
    weak_aliases: dict[tuple[str, str], int] = field(default_factory=dict, repr=False)
    # normalized words that are not names of the registry's kinds (``not_names.tsv``: common English words,
    # demonyms, months, weekdays): the fuzzy layers never resolve them in running text
    not_names: frozenset[str] = field(default_factory=frozenset, repr=False)
    # normalized aliases of given names: a given name before a capitalized word is the start of a person's name
    given_names: frozenset[str] = field(default_factory=frozenset, repr=False)
    # the demonyms, peoples, months and weekdays among ``not_names``
    demonyms: frozenset[str] = field(default_factory=frozenset, repr=False)

    def get(self, entity_id: str) -> Entity:
        return self.entities[entity_id]

    def best(self, ids) -> Entity:
        return min((self.entities[i] for i in ids), key=lambda e: e.rank)


def alias_strength(provenance: str) -> int:
    """How much an alias says about its entity: 0 its own name (curated, official romanization, a GeoNames name
    that is its KMU name, an official former name from the curated table of renamings), 1 another spelling of
    one of its own names (a romanization of a Cyrillic alternate name, a GeoNames name in Russian form such as
    Crimea's "Vasilyevka"), 2 a GeoNames alternate name (often historical, foreign or shared with other
    places)."""
    if provenance.startswith("geonames alternate name"):
        return 2
    if provenance.startswith(("romanized geonames", "geonames name in another form")):
        return 1
    return 0


def alias_order(e: Entity, strength: int) -> tuple:
    """Preference among entities bearing one name: Ukraine (and entities of no country) first; an entity's
    own name before an alternate one (Sloviansk the town before Nikopol, which GeoNames also lists as
    "Sloviansk"); a given name, a person or a town before a village of under 10k that shares the word
    (Marina, Nikita; the city Lyman, "Krasnyi Lyman" until 2016, before the village of that name); then type
    and population. A foreign region's or city's (100k people or more) own name comes before a Ukrainian
    village that bears it only as a romanized or alternate name (Voronezh the Russian city of 1M, not Voronizh,
    a village whose Russian name it is), after a Ukrainian town that does (Podolsk is Podilsk, the Ukrainian
    town's Russian name); a smaller Russian town does not outrank the Ukrainian villages its name romanizes
    (Berezovka is Berezivka)."""
    small = e.entity_type == "place" and e.population < 10_000
    if e.entity_type == "country" and strength == 0:
        return (
            False,
            -1,
            False,
            e.rank,
        )  # a country's own name is the country, never its capital or a village
    if e.country in ("Ukraine", None):
        return (False, strength, small, e.rank)
    if strength == 0 and (e.entity_type == "region" or e.entity_type == "place" and e.population >= 100_000):
        return (False, 1, 0.5, e.rank)
    return (True, strength, small, e.rank)


def _read(name: str) -> list[dict]:
    with resources.files("transforms.names").joinpath("data", name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def _float(x: str) -> float | None:
    return float(x) if x else None


_SURFACE_OK = re.compile(r"^[^\W\d_]")


def deletions(key: str) -> set[str]:
    """The key and its one-character deletions (keys shorter than 4 only themselves)."""
    if len(key) < 4:
        return {key}
    return {key} | {key[:i] + key[i + 1 :] for i in range(len(key))}


def _data_files() -> list:
    base = resources.files("transforms.names").joinpath("data")
    return [base.joinpath(n) for n in ("entities.tsv", "aliases.tsv", "not_names.tsv")]


def _cache_path() -> Path | None:
    """Where the compiled registry is cached: ``$DATELINE_CACHE_DIR`` (default ``~/.cache/dateline``);
    ``DATELINE_CACHE_DIR=off`` disables it. The name carries a hash of the data and of this code."""
    where = os.environ.get("DATELINE_CACHE_DIR", str(Path.home() / ".cache" / "dateline"))
    if where == "off":
        return None
    h = hashlib.sha1()
    for f in _data_files():
        h.update(f.read_bytes())
    for mod in ("registry.py", "keys.py"):
        h.update(resources.files("transforms.names").joinpath(mod).read_bytes())
    return Path(where) / f"registry-{h.hexdigest()[:16]}.pickle"


@lru_cache(maxsize=1)
def load_registry() -> Registry:
    """The compiled registry, cached per process and on disk (see ``_cache_path``)."""
    path = _cache_path()
    if path is not None and path.exists():
        try:
            with path.open("rb") as fh:
                return pickle.load(fh)
        except Exception:  # a corrupt or incompatible cache is rebuilt
            pass
    reg = compile_registry()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump(reg, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)
        except OSError:
            pass  # a read-only home: compile every time
    return reg


def compile_registry() -> Registry:
    """Load the packaged tables and compile the lookup structures."""
    entities = _entities()
    alias_index, strength, key_sets, surfaces = _aliases(entities)
    order, text_order = _alias_orders(entities, strength)
    for n, lst in alias_index.items():
        alias_index[n] = lst = list(dict.fromkeys(lst))
        lst.sort(key=lambda p, n=n: order(n, p))
    weak = {k: v for k, v in strength.items() if v}
    key_index = {k: sorted(v, key=lambda p: entities[p[0]].rank) for k, v in key_sets.items()}
    token_index = _token_index(key_index)
    automaton = _automaton(surfaces, entities, order, text_order)
    not_names, demonyms = _not_names()
    given = frozenset(
        n for n, lst in alias_index.items() if any(entities[e].entity_type == "given_name" for e, _ in lst)
    )
    return Registry(
        entities, dict(alias_index), key_index, token_index, automaton, weak, not_names, given, demonyms
    )


def _entities() -> dict[str, Entity]:
    """The entities of ``entities.tsv``, by id."""
    return {
        r["entity_id"]: Entity(
            entity_id=r["entity_id"],
            canonical_name=r["canonical_name"],
            entity_type=r["entity_type"],
            admin1=r["admin1"] or None,
            admin1_iso=r["admin1_iso"] or None,
            country=r["country"] or None,
            latitude=_float(r["latitude"]),
            longitude=_float(r["longitude"]),
            population=int(r["population"] or 0),
            surname_ok=r["surname_ok"] == "1",
            centre=r["centre"] or None,
        )
        for r in _read("entities.tsv")
    }


def _aliases(entities: dict[str, Entity]) -> tuple[dict, dict, dict, dict]:
    """The aliases of ``aliases.tsv``: ``norm(alias) -> [(entity_id, kind)]`` in file order (unsorted, repeats
    kept), the strength of each ``(norm(alias), entity_id)`` (its strongest, see ``alias_strength``), the
    ``(entity_id, norm(alias))`` pairs of each name's ``translit_key`` and the ``(entity_id, kind)`` pairs of
    each surface form to find in running text."""
    alias_index: dict[str, list[tuple[str, str]]] = defaultdict(list)
    strength: dict[tuple[str, str], int] = {}
    key_sets: dict[str, dict[tuple[str, str], None]] = defaultdict(dict)
    surfaces: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in _read("aliases.tsv"):
        eid, alias, kind = r["entity_id"], r["alias"], r["kind"]
        n = norm(alias)
        alias_index[n].append((eid, kind))
        st = alias_strength(r["provenance"])
        strength[(n, eid)] = min(st, strength.get((n, eid), st))
        if kind == "name" and entities[eid].entity_type != "country":
            key_sets[translit_key(alias)][(eid, n)] = None
        if kind == "demonym":  # "Finnish" resolves to Finland on its own, but is no mention in running text
            continue
        if _SURFACE_OK.match(alias) and entities[eid].entity_type in TEXT_TYPES:
            form = surface_form(alias)
            for variant in {form, form.replace("'", "")}:
                if (eid, kind) not in surfaces[variant]:
                    surfaces[variant].append((eid, kind))
    return alias_index, strength, key_sets, surfaces


def _alias_orders(entities: dict[str, Entity], strength: dict[tuple[str, str], int]) -> tuple:
    """The sort keys of the ``(entity_id, kind)`` pairs bearing one alias ``n``: ``order(n, p)`` everywhere,
    ``text_order(n, p)`` in running text where a person bears the alias."""
    canon_keys: dict[str, str] = {}

    def own_spelling(n: str, eid: str) -> bool:
        """Another spelling spells the place's current name (Slovyansk: Sloviansk, not Nikopol, which GeoNames
        also lists as "Sloviansk"); an own name (a former official name: Stanislav) needs not."""
        if eid not in canon_keys:
            canon_keys[eid] = translit_key(entities[eid].canonical_name)
        return translit_key(n) == canon_keys[eid]

    def order(n: str, p: tuple[str, str]) -> tuple:
        base = alias_order(entities[p[0]], strength.get((n, p[0]), 0))
        spelled = entities[p[0]].entity_type != "place" or base[1] == 0 or own_spelling(n, p[0])
        return (p[1] != "name", *base[:3], not spelled, *base[3:])

    def text_order(n: str, p: tuple[str, str]) -> tuple:
        """In running text a known person's name or surname comes before a place that bears it only as
        another spelling or a GeoNames alternate name (Stalin the person, not Donetsk's name of 1924)."""
        e = entities[p[0]]
        return (
            e.entity_type != "person" and not (e.entity_type != "place" or strength.get((n, p[0]), 0) == 0),
            *order(n, p),
        )

    return order, text_order


def _token_index(key_index: dict[str, list[tuple[str, str]]]) -> dict[tuple[int, int, str], tuple[str, ...]]:
    """(token count, position, token key or a one-deletion variant of it) -> the full keys, sorted."""
    token_sets: dict[tuple[int, int, str], set[str]] = defaultdict(set)
    for k in key_index:
        toks = k.split(" ")
        for i, t in enumerate(toks):
            for d in deletions(t):
                token_sets[(len(toks), i, d)].add(k)
    return {k: tuple(sorted(v)) for k, v in token_sets.items()}


def _automaton(
    surfaces: dict[str, list[tuple[str, str]]], entities: dict[str, Entity], order, text_order
) -> ahocorasick.Automaton:
    """The in-text matcher: each surface form → ``(its length, its (entity_id, kind) pairs best first)``."""
    automaton = ahocorasick.Automaton()
    for s, lst in surfaces.items():
        if len(s) < 4 and not any(k == "abbr" for _, k in lst):
            continue  # too short to find in running text unless it is an abbreviation (UN, SBU)
        n = norm(s)
        people = any(entities[e].entity_type == "person" for e, _ in lst)
        lst.sort(key=lambda p, n=n: text_order(n, p) if people else order(n, p))
        automaton.add_word(s, (len(s), tuple(lst)))
    automaton.make_automaton()
    return automaton


def _not_names() -> tuple[frozenset[str], frozenset[str]]:
    """The normalized words of ``not_names.tsv``; and the demonyms, peoples, months and weekdays of them."""
    rows = _read("not_names.tsv")
    not_names = frozenset(norm(r["word"]) for r in rows)
    demonyms = frozenset(norm(r["word"]) for r in rows if not r["why"].startswith("common English word"))
    return not_names, demonyms


__all__ = [
    "Entity",
    "RU_BORDER_REGIONS",
    "alias_order",
    "alias_strength",
    "Registry",
    "compile_registry",
    "deletions",
    "load_registry",
    "surface_form",
    "token_key",
]

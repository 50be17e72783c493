"""The entity registry: load the packaged tables (entities.tsv, aliases.tsv) once and compile the lookup
structures the resolver and the in-text matcher need.

This module is the one place in ``transforms`` that reads files, and it reads only the package's own
reference data (``transforms/names/data``), built by ``scripts/build_registry.py``.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import ahocorasick

from transforms.names.keys import norm, token_key, translit_key

TYPE_RANK = {"place": 0, "region": 1, "country": 2, "organization": 3, "person": 4}
_APOS = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'", "´": "'"})


def surface_form(text: str) -> str:
    """Length-preserving light normalization used for in-text matching: lower case, one apostrophe."""
    return text.lower().translate(_APOS)


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

    @property
    def rank(self) -> tuple:
        return (TYPE_RANK.get(self.entity_type, 9), -self.population)


@dataclass
class Registry:
    entities: dict[str, Entity]
    # norm(alias) -> [(entity_id, kind)] best first
    alias_index: dict[str, list[tuple[str, str]]]
    # translit_key(alias) -> entity ids (full names only)
    key_index: dict[str, list[str]]
    # token count -> list of (key, entity_id), for phonetic candidates
    keys_by_len: dict[int, list[tuple[str, str]]]
    automaton: ahocorasick.Automaton = field(repr=False)

    def get(self, entity_id: str) -> Entity:
        return self.entities[entity_id]

    def best(self, ids) -> Entity:
        return min((self.entities[i] for i in ids), key=lambda e: e.rank)


def _read(name: str) -> list[dict]:
    with resources.files("transforms.names").joinpath("data", name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def _float(x: str) -> float | None:
    return float(x) if x else None


_SURFACE_OK = re.compile(r"^[^\W\d_]")


@lru_cache(maxsize=1)
def load_registry() -> Registry:
    """Load and compile the registry (cached per process)."""
    entities = {
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
        )
        for r in _read("entities.tsv")
    }
    alias_index: dict[str, list[tuple[str, str]]] = defaultdict(list)
    key_sets: dict[str, set[str]] = defaultdict(set)
    surfaces: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in _read("aliases.tsv"):
        eid, alias, kind = r["entity_id"], r["alias"], r["kind"]
        n = norm(alias)
        alias_index[n].append((eid, kind))
        if kind == "name" and entities[eid].entity_type in ("person", "place", "region"):
            key_sets[translit_key(alias)].add(eid)
        if _SURFACE_OK.match(alias):
            surfaces[surface_form(alias)].append((eid, kind))
    for lst in alias_index.values():
        lst.sort(key=lambda p: (p[1] != "name", entities[p[0]].rank))
    key_index = {k: sorted(v, key=lambda i: entities[i].rank) for k, v in key_sets.items()}
    keys_by_len: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for k, ids in key_index.items():
        keys_by_len[k.count(" ") + 1].extend((k, i) for i in ids)
    automaton = ahocorasick.Automaton()
    for s, lst in surfaces.items():
        lst.sort(key=lambda p: (p[1] != "name", entities[p[0]].rank))
        automaton.add_word(s, (len(s), tuple(lst)))
    automaton.make_automaton()
    return Registry(entities, dict(alias_index), key_index, dict(keys_by_len), automaton)


__all__ = ["Entity", "Registry", "load_registry", "surface_form", "token_key"]

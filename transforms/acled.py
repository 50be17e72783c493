"""ACLED's derived columns on the events frame, and the ACLED export layout. Pure: a DataFrame in, a
DataFrame out; the only data read is the package's own registry (``transforms.names``) and pycountry's
ISO 3166 tables.

ACLED derives these columns from what an event already says: the inter codes from the actor types, the
interaction from the two inter codes, the disorder type from the event and sub-event type, civilian
targeting from the actor acted upon, the year from the event date, the ISO 3166-1 numeric code from the
country. ``location_id`` is the registry entity of the event's place (a GeoNames place, else the region's
ISO 3166-2 code, else the country's Wikidata id), so events join ``entities`` by id, not by name.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import pandas as pd

# ACLED's inter codes (codebook, "Actor types").
INTER_CODES = {
    1: "State forces",
    2: "Rebel groups",
    3: "Political militias",
    4: "Identity militias",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}

# Actor names as the extractor writes them (ACLED's own actor names) → inter code. First match wins.
_INTER_RULES: list[tuple[re.Pattern, int]] = [
    (re.compile(r"^(Military|Police) Forces of "), 1),
    (re.compile(r"^NAF: "), 2),  # the DPR/LPR forces: ACLED's rebel-group actor
    (re.compile(r"Communal Militia|Ethnic Militia"), 4),
    (re.compile(r"^Unidentified Armed Group"), 3),
    (re.compile(r"Militia"), 3),
    (re.compile(r"^Rioters\b"), 5),
    (re.compile(r"^Protesters\b"), 6),
    (re.compile(r"^Civilians\b"), 7),
    (re.compile(r"^Unidentified Military Forces|^Private Security Forces|^UN: "), 8),
]

# ACLED's disorder type: by event type, with the sub-event types its codebook places elsewhere.
DISORDER_BY_EVENT_TYPE = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
DISORDER_BY_SUB_EVENT_TYPE = {
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Mob violence": "Political violence",
}

# ACLED's region of a country (the countries the registry knows; others get none).
_REGIONS = {
    "Europe": (
        "Ukraine", "Russia", "Belarus", "Moldova", "Poland", "Romania", "Hungary", "Slovakia", "Lithuania",
        "Latvia", "Estonia", "Finland", "Norway", "Sweden", "Germany", "France", "United Kingdom",
        "Netherlands", "Czechia", "Bulgaria", "Georgia", "Turkey",
    ),
    "Caucasus and Central Asia": (
        "Armenia", "Azerbaijan", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan",
    ),
    "Middle East": (
        "Iran", "Iraq", "Syria", "Israel", "Lebanon", "Jordan", "Yemen", "Saudi Arabia", "United Arab Emirates",
        "Qatar",
    ),
    "East Asia": ("China", "North Korea", "South Korea", "Japan", "Mongolia", "Taiwan"),
    "North America": ("United States", "Canada"),
}  # fmt: skip
_REGION_OF = {country: region for region, countries in _REGIONS.items() for country in countries}

# Country names whose ISO 3166 entry pycountry does not find by name.
_ISO_NAMES = {
    "Russia": "RU",
    "North Korea": "KP",
    "South Korea": "KR",
    "Iran": "IR",
    "Syria": "SY",
    "Vatican": "VA",
    "Moldova": "MD",
    "Vietnam": "VN",
    "Turkey": "TR",
    "Taiwan": "TW",
    "Venezuela": "VE",
    "Bolivia": "BO",
    "Tanzania": "TZ",
    "Laos": "LA",
    "Palestine": "PS",
    "Czech Republic": "CZ",
    "Kosovo": "XK",
}

# ACLED's export columns, in ACLED's order.
ACLED_EXPORT_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip

# Outlets whose reach ACLED would call international (wire services and world broadcasters).
_INTERNATIONAL_SOURCES = re.compile(
    r"^(AP|Associated Press|Reuters|AFP|Agence France-Presse|BBC|CNN|Al Jazeera|Deutsche Welle|DW|"
    r"Bloomberg|The Guardian|New York Times|Washington Post|France 24|Euronews|RFE/RL|Radio Free Europe)\b",
    re.IGNORECASE,
)


def inter_code(actor: object) -> int | None:
    """ACLED inter code (1-8) of an actor name, None when there is no actor or the type is unknown."""
    if not isinstance(actor, str) or not actor:
        return None
    for pattern, code in _INTER_RULES:
        if pattern.search(actor):
            return code
    return None


def interaction_code(inter1: int | None, inter2: int | None) -> int | None:
    """Two digits, the lower code first (17: state forces and civilians); 10-style (``inter * 10``) when only
    one actor has a code."""
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    if not codes:
        return None
    if len(codes) == 1:
        return codes[0] * 10
    return codes[0] * 10 + codes[1]


def disorder_type(event_type: object, sub_event_type: object) -> str | None:
    if sub_event_type in DISORDER_BY_SUB_EVENT_TYPE:
        return DISORDER_BY_SUB_EVENT_TYPE[sub_event_type]
    return DISORDER_BY_EVENT_TYPE.get(event_type)  # type: ignore[arg-type]


def civilian_targeting(actor2: object) -> str | None:
    """ACLED's flag: ``Civilian targeting`` when civilians are the actor acted upon, else null."""
    return "Civilian targeting" if inter_code(actor2) == 7 else None


@lru_cache(maxsize=512)
def _country(name: str):
    import pycountry

    code = _ISO_NAMES.get(name)
    try:
        return pycountry.countries.get(alpha_2=code) if code else pycountry.countries.lookup(name)
    except LookupError:
        return None


def iso_numeric(country: object) -> int | None:
    """ISO 3166-1 numeric code of a country name (Ukraine → 804, Russia → 643), as ACLED's ``iso``."""
    if not isinstance(country, str) or not country:
        return None
    c = _country(country)
    return int(c.numeric) if c is not None and getattr(c, "numeric", None) else None


def iso_alpha3(country: object) -> str | None:
    if not isinstance(country, str) or not country:
        return None
    c = _country(country)
    return c.alpha_3 if c is not None else None


def acled_region(country: object) -> str | None:
    return _REGION_OF.get(country) if isinstance(country, str) else None  # type: ignore[arg-type]


def source_scale(source: object) -> str | None:
    """``International`` for wire services and world broadcasters; null when the outlet's reach is unknown."""
    if isinstance(source, str) and _INTERNATIONAL_SOURCES.search(source.strip()):
        return "International"
    return None


@lru_cache(maxsize=1)
def _places() -> dict[tuple[str, str | None], str]:
    """(canonical name, admin1_iso) → entity id of the registry's most populous place of that name there."""
    from transforms.names.registry import load_registry

    best: dict[tuple[str, str | None], tuple[int, str]] = {}
    for e in load_registry().entities.values():
        if e.entity_type != "place":
            continue
        key = (e.canonical_name, e.admin1_iso)
        if key not in best or e.population > best[key][0]:
            best[key] = (e.population, e.entity_id)
    return {k: v[1] for k, v in best.items()}


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    from transforms.names.registry import load_registry

    return {
        e.canonical_name: e.entity_id for e in load_registry().entities.values() if e.entity_type == "country"
    }


def location_id(location: object, admin1_iso: object, country: object) -> str | None:
    """The registry entity the event is placed at: the place (``geonames:<id>``), else the region (its
    ISO 3166-2 code) when only the region is known, else the country (Wikidata id)."""
    iso = admin1_iso if isinstance(admin1_iso, str) and admin1_iso else None
    if isinstance(location, str) and location:
        eid = _places().get((location, iso))
        if eid is not None:
            return eid
    if iso is not None:
        return iso
    if isinstance(country, str) and country:
        return _countries().get(country)
    return None


def region_centre(admin1_iso: object) -> str | None:
    """The administrative centre of a region (``UA-63`` → Kharkiv), as ACLED writes a region-only event's
    location; None when the registry does not know the region."""
    from transforms.names.registry import load_registry

    if not isinstance(admin1_iso, str) or not admin1_iso:
        return None
    ent = load_registry().entities.get(admin1_iso)
    return ent.centre if ent is not None else None


@lru_cache(maxsize=1024)
def centre_admin1(admin1_iso: str) -> str | None:
    """The admin1 (ACLED spelling) of a region's administrative centre: the region itself, except where the
    centre is a region of its own (Kyiv region → Kyiv, in Kyiv City)."""
    from transforms.names.registry import load_registry

    reg = load_registry()
    region = reg.entities.get(admin1_iso)
    if region is None or not region.centre:
        return None
    if (region.centre, admin1_iso) in _places():
        return region.admin1
    same_name = [
        e for e in reg.entities.values()
        if e.entity_type == "place" and e.canonical_name == region.centre and e.country == region.country
    ]  # fmt: skip
    if not same_name:
        return region.admin1
    return max(same_name, key=lambda e: e.population).admin1 or region.admin1


def add_acled_columns(events: pd.DataFrame) -> pd.DataFrame:
    """The events frame with ACLED's derived columns filled in (the input is not changed)."""
    ev = events.copy()
    inter1 = [inter_code(a) for a in ev["actor1"].tolist()]
    inter2 = [inter_code(a) for a in ev["actor2"].tolist()]
    ev["inter1"] = pd.array(inter1, dtype="Int32")
    ev["inter2"] = pd.array(inter2, dtype="Int32")
    ev["interaction"] = pd.array(
        [interaction_code(a, b) for a, b in zip(inter1, inter2, strict=True)], dtype="Int32"
    )
    ev["civilian_targeting"] = [civilian_targeting(a) for a in ev["actor2"].tolist()]
    ev["disorder_type"] = [
        disorder_type(t, s)
        for t, s in zip(ev["event_type"].tolist(), ev["sub_event_type"].tolist(), strict=True)
    ]
    ev["year"] = pd.array([_year(d) for d in ev["event_date"].tolist()], dtype="Int32")
    ev["iso"] = pd.array([iso_numeric(c) for c in ev["country"].tolist()], dtype="Int32")
    ev["location_id"] = [
        location_id(loc, iso, c)
        for loc, iso, c in zip(
            ev["location"].tolist(), ev["admin1_iso"].tolist(), ev["country"].tolist(), strict=True
        )
    ]
    return ev


def _year(d: object) -> int | None:
    if isinstance(d, (dt.date, pd.Timestamp)):
        return d.year
    if isinstance(d, str) and d:
        return dt.date.fromisoformat(d[:10]).year
    return None


def acled_export(events: pd.DataFrame) -> pd.DataFrame:
    """Published events → ACLED's export layout (``ACLED_EXPORT_COLUMNS``, in ACLED's order).

    ACLED's conventions where ours differ: a region-only event (no settlement named; ``location`` null,
    ``geo_precision`` 3) gets the region's administrative centre as ``location``, in the centre's admin1
    (Kyiv region → Kyiv, Kyiv City); ``time_precision`` and
    ``geo_precision`` are ACLED's codes already. ``event_id_cnty`` is the ISO alpha-3 code of the country and
    the event id; ``timestamp`` is the Unix time of the article's published date (when the row entered the
    data); ``admin2``/``admin3``, the associated actors and ``tags`` are empty (not extracted)."""
    ev = add_acled_columns(
        events.reset_index(drop=True)
    )  # also for partitions published before these columns
    location, admin1 = _acled_places(ev)
    out = _export_frame(ev, location, admin1)
    return out.sort_values(["event_date", "event_id_cnty"], kind="stable").reset_index(drop=True)


def _acled_places(ev: pd.DataFrame) -> tuple[list, list]:
    """Each event's ``location`` and ``admin1`` as ACLED writes them: a region-only event (no settlement
    named, the region known) at the region's administrative centre, in the centre's admin1."""
    region_only = [
        not (isinstance(loc, str) and loc) and isinstance(iso, str) and bool(iso)
        for loc, iso in zip(ev["location"].tolist(), ev["admin1_iso"].tolist(), strict=True)
    ]
    location = [
        region_centre(iso) if only else loc
        for loc, iso, only in zip(
            ev["location"].tolist(), ev["admin1_iso"].tolist(), region_only, strict=True
        )
    ]
    admin1 = [
        (centre_admin1(iso) or a1) if only else a1
        for a1, iso, only in zip(ev["admin1"].tolist(), ev["admin1_iso"].tolist(), region_only, strict=True)
    ]
    return location, admin1


def _export_frame(ev: pd.DataFrame, location: list, admin1: list) -> pd.DataFrame:
    """The events (with ACLED's derived columns) in ACLED's export columns and order; what is not extracted is
    empty."""
    return pd.DataFrame(
        {
            "event_id_cnty": [
                f"{iso_alpha3(c) or 'XXX'}{eid}"
                for c, eid in zip(ev["country"].tolist(), ev["event_id"].tolist(), strict=True)
            ],
            "event_date": pd.to_datetime(ev["event_date"]).dt.strftime("%Y-%m-%d"),
            "year": ev["year"],
            "time_precision": ev["time_precision"],
            "disorder_type": ev["disorder_type"],
            "event_type": ev["event_type"],
            "sub_event_type": ev["sub_event_type"],
            "actor1": ev["actor1"],
            "assoc_actor_1": None,
            "inter1": ev["inter1"],
            "actor2": ev["actor2"],
            "assoc_actor_2": None,
            "inter2": ev["inter2"],
            "interaction": ev["interaction"],
            "civilian_targeting": ev["civilian_targeting"],
            "iso": ev["iso"],
            "region": [acled_region(c) for c in ev["country"].tolist()],
            "country": ev["country"],
            "admin1": admin1,
            "admin2": None,
            "admin3": None,
            "location": location,
            "latitude": ev["latitude"],
            "longitude": ev["longitude"],
            "geo_precision": ev["geo_precision"],
            "source": ev["source"],
            "source_scale": [source_scale(s) for s in ev["source"].tolist()],
            "notes": ev["notes"],
            "fatalities": pd.array(ev["fatalities"], dtype="Int32").fillna(0),
            "tags": None,
            "timestamp": [_unix(d) for d in ev["published_at"].tolist()],
        },
        columns=list(ACLED_EXPORT_COLUMNS),
    )


def _unix(d: object) -> int | None:
    if d is None or (isinstance(d, float) and pd.isna(d)):
        return None
    ts = pd.Timestamp(d)
    if ts.tzinfo is None:
        ts = ts.tz_localize("UTC")
    return int(ts.timestamp())

"""The output contract: one pyarrow schema per published table, with a description per column.

The README's data dictionary is rendered from these descriptions (``dateline schema --markdown``) and a
test keeps the two in step. Every table is hive-partitioned by ``ds`` (the published date,
``YYYY-MM-DD``); ``ds`` comes from the directory name and is not stored inside the files.
"""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

EXTRACTOR_VERSION = "0.19.0"

# ACLED's codebook: 6 event types and 25 sub-event types, spelled exactly as ACLED spells them.
ACLED_SUB_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
ACLED_EVENT_TYPES = tuple(ACLED_SUB_EVENT_TYPES)
ALL_SUB_EVENT_TYPES = tuple(s for subs in ACLED_SUB_EVENT_TYPES.values() for s in subs)

TIME_PRECISION = {1: "day", 2: "week", 3: "month"}
GEO_PRECISION = {1: "exact place", 2: "near the place / part of a region", 3: "region (admin1) only"}

_S = pa.string()
_I = pa.int32()
_F = pa.float64()
_D = pa.date32()

# (name, type, nullable, description)
_ARTICLES = [
    (
        "article_id",
        _S,
        False,
        "Content hash of the cleaned text (sha1, 16 hex chars): the same story scraped twice gets the same id.",
    ),
    ("source_id", _S, False, "The JSONL `id` field, or the raw file name for `.txt` articles."),
    (
        "source",
        _S,
        True,
        "Publisher or agency (sidecar/JSONL `source`, else the agency in the dateline, e.g. `AP`).",
    ),
    ("url", _S, True, "Article URL when the raw record has one."),
    ("title", _S, True, "Headline: sidecar/JSONL `title`, else the first line of the scraped text."),
    (
        "dateline_place",
        _S,
        True,
        "Place of the dateline (`KYIV, Ukraine (AP) —` → `Kyiv`), canonical name when resolved.",
    ),
    ("published_at", _D, False, "Published date (the partition date)."),
    ("text", _S, False, "Cleaned body text: scrape junk, promo lines and the doubled headline removed."),
    ("n_words", _I, False, "Whitespace word count of `text`."),
    ("raw_path", _S, False, "Raw file the article came from, with `:line` for JSONL records."),
    (
        "encoding",
        _S,
        False,
        "Text encoding of the raw record: `utf-8`, or the one charset-normalizer found (e.g. `cp1252`).",
    ),
]

_EVENTS = [
    ("event_id", _S, False, "Stable id: hash of article_id, sentence_index, sub_event_type and location."),
    ("article_id", _S, False, "The article the evidence comes from (joins `articles.article_id`)."),
    ("source", _S, True, "Publisher of the article."),
    ("published_at", _D, False, "Published date of the article."),
    ("event_date", _D, False, "Date the event happened, resolved against the published date."),
    ("time_precision", _I, False, "ACLED time precision: 1 = day, 2 = week, 3 = month."),
    ("event_type", _S, False, "ACLED event type (one of the 6)."),
    ("sub_event_type", _S, False, "ACLED sub-event type (one of the 25), consistent with `event_type`."),
    (
        "actor1",
        _S,
        True,
        "ACLED-style actor who acted, e.g. `Military Forces of Russia`; for an interception the side that "
        "shot the weapons down; `NAF: United Armed Forces of Novorossiya` for DPR/LPR forces, "
        "`<Town> Communal Militia (Ukraine)` for partisans, `Unidentified Military Forces` for a mine "
        "nobody is named as placing.",
    ),
    (
        "actor2",
        _S,
        True,
        "ACLED-style actor acted upon: `Civilians (Ukraine)` when civilians were hit (said in the sentence or "
        "the next ones), the other side's military when its positions, troops or equipment were struck and in a "
        "clash; for an interception the side whose weapons were downed; null when no target is named.",
    ),
    (
        "location",
        _S,
        True,
        "Canonical name of the most specific place the text gives for the event (city/town; `near Kyiv` → Kyiv "
        "in the Kyiv oblast, `geo_precision` 2); null when only a region is known (admin1 is that region, "
        "`geo_precision` 3, coordinates of its centre). ACLED's export codes such an event at the region's "
        "administrative centre, in the centre's region (Kyiv region → Kyiv, Kyiv City).",
    ),
    (
        "admin1",
        _S,
        True,
        "First-level region in ACLED spelling and units (`Kharkiv`, `Kyiv City`, `Zaporizhia`, `Kursk`; "
        "Sevastopol is in `Crimea`, as ACLED codes it).",
    ),
    ("admin1_iso", _S, True, "ISO 3166-2 code of admin1, e.g. `UA-63`, `RU-KRS`."),
    ("country", _S, True, "Country where the event happened."),
    ("latitude", _F, True, "Latitude (WGS84) of `location`."),
    ("longitude", _F, True, "Longitude (WGS84)."),
    (
        "geo_precision",
        _I,
        True,
        "ACLED geo precision: 1 = the place, 2 = near it / part of region, 3 = region only (or only the story's dateline city).",
    ),
    ("fatalities", _I, True, "People killed, null when the text gives no number (`dozens`)."),
    ("injuries", _I, True, "People injured, null when the text gives no number."),
    (
        "weapon",
        _S,
        True,
        "Weapon class: missile, drone, artillery, airstrike, glide bomb, mine, explosive, small arms.",
    ),
    ("quantity", _I, True, "Number of weapons launched or shot down (`shot down 24 drones` → 24)."),
    ("notes", _S, False, "Evidence: the sentence(s) the event was read from."),
    ("sentence_index", _I, False, "0-based index of the evidence sentence in `articles.text`."),
    ("char_start", _I, False, "Start offset of the evidence in `articles.text`."),
    ("char_end", _I, False, "End offset (exclusive) of the evidence in `articles.text`."),
    ("confidence", _F, False, "Extractor confidence in [0, 1]."),
    ("extractor_version", _S, False, "Version of the extraction rules that produced the row."),
    # ACLED's derived columns (transforms/acled.py), computed from the columns above
    (
        "disorder_type",
        _S,
        False,
        "ACLED disorder type from the event type: `Political violence` (battles, explosions/remote violence, "
        "violence against civilians, mob violence), `Demonstrations` (protests, riots), `Political violence; "
        "Demonstrations` (excessive force against protesters), `Strategic developments`.",
    ),
    ("year", _I, False, "Year of `event_date`."),
    (
        "inter1",
        _I,
        True,
        "ACLED inter code of `actor1`: 1 state forces, 2 rebel groups (NAF), 3 political militias, "
        "4 identity militias (communal militias), 5 rioters, 6 protesters, 7 civilians, 8 external/other forces "
        "(unidentified military forces); null without actor1.",
    ),
    ("inter2", _I, True, "ACLED inter code of `actor2` (as `inter1`); null without actor2."),
    (
        "interaction",
        _I,
        True,
        "ACLED interaction: the two inter codes, lower first (`17` state forces vs civilians, `12`, `11`); "
        "`10`-style (the one code × 10) when there is no actor2.",
    ),
    (
        "civilian_targeting",
        _S,
        True,
        "`Civilian targeting` when civilians are the actor acted upon (`actor2`), else null.",
    ),
    ("iso", _I, True, "ISO 3166-1 numeric code of `country` (Ukraine 804, Russia 643), as ACLED's `iso`."),
    (
        "location_id",
        _S,
        True,
        "Registry entity of the event's place (joins `entities.entity_id`): `geonames:<id>` of `location`; "
        "the region's ISO 3166-2 code when only the region is known; the country's Wikidata id for a "
        "country-level event.",
    ),
]

_MENTIONS = [
    ("article_id", _S, False, "Article of the mention."),
    ("char_start", _I, False, "Start offset in `articles.text`."),
    ("char_end", _I, False, "End offset (exclusive) in `articles.text`."),
    ("surface", _S, False, "The text as written (`Zelenskiy`, `Kiev`)."),
    (
        "entity_id",
        _S,
        False,
        "Stable entity id (Wikidata QID, `geonames:<id>`, ISO 3166-2, or `prov:<key>` for provisional).",
    ),
    ("canonical_name", _S, False, "Canonical label (`Volodymyr Zelenskyy`, `Kyiv`)."),
    (
        "entity_type",
        _S,
        False,
        "person, place, region, area (spans regions: Donbas; no admin1_iso), country or organization.",
    ),
    (
        "method",
        _S,
        False,
        "How it resolved: alias, key, phonetic, context (bare surname), description, provisional.",
    ),
    ("score", _F, False, "Resolution score in [0, 1]."),
]

_ENTITIES = [
    ("entity_id", _S, False, "Stable entity id (see `mentions.entity_id`)."),
    ("canonical_name", _S, False, "Canonical label."),
    (
        "entity_type",
        _S,
        False,
        "person, place, region, area (spans regions: Donbas; no admin1_iso), country or organization.",
    ),
    (
        "provisional",
        pa.bool_(),
        False,
        "True for names not in the registry (grouped by their transliteration key).",
    ),
    ("admin1_iso", _S, True, "For places and regions: ISO 3166-2 code of the region."),
    ("country", _S, True, "For places, regions and people where known."),
    ("latitude", _F, True, "For places."),
    ("longitude", _F, True, "For places."),
    (
        "variants",
        _S,
        False,
        "Every spelling seen for this entity on this date, `|`-separated, most frequent first.",
    ),
    ("n_mentions", _I, False, "Mentions on this date."),
]

_QUARANTINE = [
    (
        "table",
        _S,
        False,
        "Table the record was meant for (`raw`, `articles`, `events`, `mentions`, `entities`).",
    ),
    (
        "reason",
        _S,
        False,
        "Why it was quarantined: the failed expectation or the ingest error, with what to do.",
    ),
    ("expectation", _S, True, "GX expectation type that failed (null for ingest errors)."),
    ("raw_path", _S, True, "Raw file (and `:line`) the record came from."),
    ("record_id", _S, True, "Id of the record when it has one (article_id, event_id ...)."),
    ("original", _S, False, "The original values as JSON."),
]

_SPECS = {
    "articles": _ARTICLES,
    "events": _EVENTS,
    "mentions": _MENTIONS,
    "entities": _ENTITIES,
    "quarantine": _QUARANTINE,
}


def _schema(spec) -> pa.Schema:
    return pa.schema([pa.field(n, t, nullable=nul, metadata={"description": d}) for n, t, nul, d in spec])


SCHEMAS: dict[str, pa.Schema] = {name: _schema(spec) for name, spec in _SPECS.items()}
TABLES = tuple(SCHEMAS)
PRIMARY_KEYS = {
    "articles": ["article_id"],
    "events": ["event_id"],
    "mentions": ["article_id", "char_start", "char_end"],
    "entities": ["entity_id"],
}


def columns(table: str) -> list[str]:
    return SCHEMAS[table].names


def empty_frame(table: str) -> pd.DataFrame:
    return SCHEMAS[table].empty_table().to_pandas()


def conform(df: pd.DataFrame, table: str) -> pa.Table:
    """Cast a DataFrame to the table's schema: exact column order, declared types, nulls kept as nulls.

    Integer columns are stored with pandas' nullable ``Int32`` in the file metadata, so
    ``pandas.read_parquet`` gives integers back even when a column has nulls.
    Raises ``SchemaError`` naming the missing columns or the column that cannot be cast.
    """
    schema = SCHEMAS[table]
    missing = [c for c in schema.names if c not in df.columns]
    if missing:
        raise SchemaError(f"table {table!r} is missing columns {missing}")
    frame = pd.DataFrame(index=range(len(df)))
    for field in schema:
        col = df[field.name].reset_index(drop=True)
        try:
            if pa.types.is_date32(field.type):
                col = pd.to_datetime(col, errors="raise").dt.date
            elif pa.types.is_integer(field.type):
                col = pd.array(col, dtype="Int32") if len(col) else pd.array([], dtype="Int32")
            elif pa.types.is_floating(field.type):
                col = pd.to_numeric(col, errors="raise").astype("float64")
            elif pa.types.is_boolean(field.type):
                col = col.astype("bool")
            frame[field.name] = col
        except (ValueError, TypeError) as exc:
            raise SchemaError(
                f"table {table!r}, column {field.name!r}: cannot cast to {field.type}: {exc}"
            ) from exc
    try:
        return pa.Table.from_pandas(frame, schema=schema, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise SchemaError(f"table {table!r}: {exc}") from exc


class SchemaError(ValueError):
    """A table does not match its declared schema: a contract failure, never a row failure."""


def data_dictionary_markdown() -> str:
    """The README data dictionary, rendered from the schemas."""
    out = []
    for table, spec in _SPECS.items():
        out.append(f"#### `{table}/`\n")
        out.append("| column | type | nullable | meaning |")
        out.append("|---|---|---|---|")
        for name, typ, nullable, desc in spec:
            out.append(f"| `{name}` | {typ} | {'yes' if nullable else 'no'} | {desc} |")
        out.append("| `ds` | partition | no | Published date `YYYY-MM-DD` (directory `ds=...`). |")
        out.append("")
    return "\n".join(out)

"""ACLED's derived columns and export layout (transforms/acled.py)."""

import datetime as dt

import pandas as pd
import pytest

from transforms.acled import (
    ACLED_EXPORT_COLUMNS,
    acled_export,
    add_acled_columns,
    disorder_type,
    inter_code,
    interaction_code,
)
from transforms.schema import columns


@pytest.mark.parametrize(
    ("actor", "code"),
    [
        ("Military Forces of Russia", 1),
        ("Police Forces of Ukraine", 1),
        ("NAF: United Armed Forces of Novorossiya", 2),
        ("Unidentified Armed Group (Ukraine)", 3),
        ("Kupiansk Communal Militia (Ukraine)", 4),
        ("Rioters (Russia)", 5),
        ("Protesters (Ukraine)", 6),
        ("Civilians (Ukraine)", 7),
        ("Unidentified Military Forces", 8),
        (None, None),
    ],
)
def test_inter_codes_follow_the_actor_type(actor, code):
    assert inter_code(actor) == code


def test_interaction_is_two_digits_lower_first_and_ten_style_without_actor2():
    assert interaction_code(7, 1) == 17
    assert interaction_code(1, 1) == 11
    assert interaction_code(6, None) == 60
    assert interaction_code(None, None) is None


def test_disorder_type_by_event_and_sub_event_type():
    assert disorder_type("Battles", "Armed clash") == "Political violence"
    assert disorder_type("Protests", "Peaceful protest") == "Demonstrations"
    assert (
        disorder_type("Protests", "Excessive force against protesters")
        == "Political violence; Demonstrations"
    )
    assert disorder_type("Riots", "Mob violence") == "Political violence"
    assert disorder_type("Strategic developments", "Arrests") == "Strategic developments"


def _events(**over) -> pd.DataFrame:
    row = {c: None for c in columns("events")}
    row |= {
        "event_id": "0123456789abcdef",
        "article_id": "a" * 16,
        "source": "AP",
        "published_at": dt.date(2024, 11, 2),
        "event_date": dt.date(2024, 11, 1),
        "time_precision": 1,
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "actor1": "Military Forces of Russia",
        "actor2": "Civilians (Ukraine)",
        "location": "Kharkiv",
        "admin1": "Kharkiv",
        "admin1_iso": "UA-63",
        "country": "Ukraine",
        "latitude": 49.98,
        "longitude": 36.25,
        "geo_precision": 1,
        "fatalities": 2,
        "notes": "Russian drones struck Kharkiv.",
    }
    rows = [row | o for o in (over.get("rows") or [{}])]
    return pd.DataFrame(rows, columns=columns("events"))


def test_derived_columns_on_an_events_frame():
    ev = add_acled_columns(
        _events(
            rows=[
                {},
                {
                    "location": None,
                    "geo_precision": 3,
                    "actor2": None,
                    "event_type": "Battles",
                    "sub_event_type": "Armed clash",
                },
            ]
        )  # fmt: skip
    )
    first, region_only = ev.iloc[0], ev.iloc[1]
    assert (first["inter1"], first["inter2"], first["interaction"]) == (1, 7, 17)
    assert first["civilian_targeting"] == "Civilian targeting"
    assert first["disorder_type"] == "Political violence"
    assert first["year"] == 2024 and first["iso"] == 804
    assert first["location_id"].startswith("geonames:")
    assert pd.isna(region_only["inter2"]) and region_only["interaction"] == 10
    assert pd.isna(region_only["civilian_targeting"])
    assert region_only["location_id"] == "UA-63"  # the region's entity id, as in entities.entity_id


def test_export_has_acleds_columns_in_acleds_order_and_places_a_region_only_event_at_its_centre():
    ev = _events(rows=[{}, {"event_id": "fedcba9876543210", "location": None, "geo_precision": 3}])
    out = acled_export(ev)
    assert tuple(out.columns) == ACLED_EXPORT_COLUMNS
    assert out["location"].tolist() == ["Kharkiv", "Kharkiv"]  # UA-63's administrative centre
    assert set(out["iso"]) == {804} and set(out["region"]) == {"Europe"}
    assert out["event_id_cnty"].iloc[0].startswith("UKR")
    assert out["source_scale"].iloc[0] == "International"


def test_a_region_only_event_is_exported_at_the_centre_in_the_centres_region():
    ev = _events(rows=[{"location": None, "geo_precision": 3, "admin1": "Kyiv", "admin1_iso": "UA-32"}])
    row = acled_export(ev).iloc[0]
    assert (row["location"], row["admin1"]) == ("Kyiv", "Kyiv City")

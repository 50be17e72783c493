import datetime as dt

import pandas as pd

from transforms.evaluate import same_place
from transforms.evaluate_articles import (
    GOLD_COLUMNS,
    location_right,
    matches,
    max_matching,
    score_corpus,
)


def _gold(*rows) -> pd.DataFrame:
    base = dict.fromkeys(GOLD_COLUMNS, "")
    return pd.DataFrame([base | r for r in rows], columns=list(GOLD_COLUMNS))


SHELLING = {"event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack"}


def _event(**kw) -> dict:
    return {
        "event_date": dt.date(2024, 3, 2), "event_type": SHELLING["event_type"],
        "sub_event_type": SHELLING["sub_event_type"], "admin1_iso": "UA-63", "country": "Ukraine",
        "location": "Kharkiv", "geo_precision": 1, "fatalities": 0, "injuries": 0,
    } | kw  # fmt: skip


def test_a_pair_matches_on_date_type_sub_type_alternatives_and_admin1():
    g = _gold(
        {"tier": "1", "event_date": "2024-03-02|2024-03-01", **SHELLING, "admin1_iso": "UA-63"}
        | {"sub_event_type": "Shelling/artillery/missile attack|Air/drone strike"}
    ).iloc[0]
    assert matches(g, _event())
    assert matches(g, _event(event_date=dt.date(2024, 3, 1), sub_event_type="Air/drone strike"))
    assert not matches(g, _event(event_date=dt.date(2024, 2, 29)))
    assert not matches(g, _event(admin1_iso="UA-14"))
    assert not matches(g, _event(event_type="Battles", sub_event_type="Armed clash"))


def test_a_country_level_gold_row_matches_on_country():
    g = _gold({"tier": "1", "event_date": "2024-03-02", "country": "Ukraine"} | SHELLING).iloc[0]
    assert matches(g, _event(admin1_iso=None))
    assert not matches(g, _event(admin1_iso=None, country="Russia"))


def test_the_matching_is_one_to_one_and_maximal():
    # gold 0 could take either event, gold 1 only the first: a greedy pass would leave gold 1 unmatched
    ok = {(0, 0), (0, 1), (1, 0)}
    assert max_matching([0, 1], [0, 1], lambda g, e: (g, e) in ok) == {0: 1, 1: 0}


def test_tier_one_rows_are_matched_before_tier_two_rows():
    gold = _gold(
        {"gold_id": "T1", "tier": "2", "event_date": "2024-03-02", "admin1_iso": "UA-63"} | SHELLING,
        {"gold_id": "E1", "tier": "1", "event_date": "2024-03-02", "admin1_iso": "UA-63"} | SHELLING,
    )
    report, scores = score_corpus({"s": gold}, {"s": pd.DataFrame([_event()])}, {"s": "AP"}, same_place)
    assert report["tier1_found"] == 1 and report["tier1_recall"] == 1.0
    assert report["precision"] == 1.0
    assert scores[0].gold.iloc[next(iter(scores[0].pairs))]["gold_id"] == "E1"


def test_events_on_stories_without_events_are_counted_and_lower_precision():
    gold = {
        "quiet": _gold(),
        "busy": _gold({"tier": "1", "event_date": "2024-03-02", "admin1_iso": "UA-63"} | SHELLING),
    }
    events = {"quiet": pd.DataFrame([_event()]), "busy": pd.DataFrame([_event(), _event(admin1_iso="UA-14")])}
    report, _ = score_corpus(gold, events, {"quiet": "X", "busy": "Y"}, same_place)
    assert report["events_on_no_event_stories"] == 1
    assert report["events"] == 3 and report["events_matched"] == 1 and report["precision"] == round(1 / 3, 4)
    assert report["by_source"]["Y"]["tier1_recall"] == 1.0


def test_a_region_only_gold_row_wants_no_settlement():
    g = _gold({"tier": "1", "admin1_iso": "UA-14", "location": ""}).iloc[0]
    assert location_right(g, _event(location=None, geo_precision=3), same_place)
    assert not location_right(g, _event(location="Donetsk", geo_precision=3), same_place)
    named = _gold({"tier": "1", "admin1_iso": "UA-09", "location": "Sievierodonetsk"}).iloc[0]
    assert location_right(named, _event(location="Severodonetsk", admin1_iso="UA-09"), same_place)


def test_among_maximum_matchings_rows_are_paired_with_their_own_place():
    gold = _gold(
        {
            "gold_id": "E1",
            "tier": "1",
            "event_date": "2024-03-02",
            "admin1_iso": "UA-14",
            "location": "Bakhmut",
        }
        | SHELLING,
        {
            "gold_id": "E2",
            "tier": "1",
            "event_date": "2024-03-02",
            "admin1_iso": "UA-14",
            "location": "Kramatorsk",
        }
        | SHELLING,
    )
    events = pd.DataFrame(
        [_event(admin1_iso="UA-14", location="Kramatorsk"), _event(admin1_iso="UA-14", location="Bakhmut")]
    )
    report, _ = score_corpus({"s": gold}, {"s": events}, {"s": "AP"}, same_place)
    assert report["tier1_found"] == 2 and report["location_right_on_found"] == 1.0

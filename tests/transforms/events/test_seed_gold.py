"""The seed story against its hand-made gold (../shared/eval/seed_gold_events.csv)."""

import csv
import datetime as dt

import pandas as pd
import pytest

from transforms.extract import extract
from transforms.ingest import build_articles


@pytest.fixture(scope="module")
def seed_events(seed_text):
    res = build_articles([{"raw_path": "seed.txt", "text": seed_text, "published_at": "2024-11-02"}])
    return extract(res.articles).events


def _s(value) -> str:
    return "" if pd.isna(value) else str(value)


def _match(gold, events):
    subs = set(gold["sub_event_type"].split("|"))
    for _, e in events.iterrows():
        if e["sub_event_type"] not in subs:
            continue
        if _s(e["admin1_iso"]) != gold["admin1_iso"]:
            continue
        if not gold["admin1_iso"] and _s(e["country"]) != gold["country"]:
            continue
        return e
    return None


def test_every_tier1_gold_event_is_found_with_date_place_and_counts(seed_events, shared_eval):
    gold = [
        g
        for g in csv.DictReader((shared_eval / "seed_gold_events.csv").open(encoding="utf-8"))
        if g["tier"] == "1"
    ]
    assert len(gold) == 9
    for g in gold:
        e = _match(g, seed_events)
        assert e is not None, f"missing {g['gold_id']}: {g['evidence']}"
        assert e["event_date"] == dt.date.fromisoformat(g["event_date"]), g["gold_id"]
        assert e["event_type"] == g["event_type"], g["gold_id"]
        assert e["fatalities"] == int(g["fatalities"] or 0), g["gold_id"]
        assert e["injuries"] == int(g["injuries"] or 0), g["gold_id"]
        if g["quantity"]:
            assert e["quantity"] == int(g["quantity"]), g["gold_id"]
        side = g["actor1"]
        assert e["actor1"] and side in e["actor1"], (g["gold_id"], e["actor1"])


def test_precision_on_the_seed_is_at_least_90_percent(seed_events, shared_eval):
    gold = list(csv.DictReader((shared_eval / "seed_gold_events.csv").open(encoding="utf-8")))
    matched = sum(
        any(_match(g, seed_events[seed_events.index == i]) is not None for g in gold)
        for i in seed_events.index
    )
    assert matched / len(seed_events) >= 0.9


def test_no_event_comes_from_opinion_or_background_sentences(seed_events):
    notes = " ".join(seed_events["notes"])
    for phrase in (
        "prospect of a pre-emptive",
        "would consider such strikes",
        "ferocious campaign",
        "half as many drones",
        "daring attack",
    ):
        assert phrase not in notes

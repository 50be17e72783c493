import datetime as dt

import pandas as pd
import pytest

from flows.validate import SchemaValidationError, validate
from transforms.extract import extract
from transforms.ingest import build_articles


@pytest.fixture(scope="module")
def seed_tables(seed_text):
    res = build_articles([{"raw_path": "seed.txt", "text": seed_text, "published_at": "2024-11-02"}])
    ex = extract(res.articles)
    return res.articles, ex.events


def test_clean_tables_pass(seed_tables):
    articles, events = seed_tables
    for name, df in (("articles", articles), ("events", events)):
        v = validate(name, df)
        assert len(v.good) == len(df) and v.quarantine.empty and v.result["success"]


def test_failing_rows_go_to_quarantine_with_the_expectation(seed_tables):
    _, events = seed_tables
    bad = events.copy()
    bad.loc[0, "fatalities"] = -1
    bad.loc[1, "event_date"] = dt.date(2024, 12, 1)
    bad.loc[2, "sub_event_type"] = "Armed clash"  # not a sub-type of Explosions/Remote violence
    bad.loc[3, "admin1_iso"] = "Kharkiv"
    bad = pd.concat([bad, bad.iloc[[4]]], ignore_index=True)  # duplicate event_id
    v = validate("events", bad)
    assert len(v.good) == len(events) - 4
    reasons = dict(zip(v.quarantine["record_id"], v.quarantine["expectation"], strict=True))
    assert reasons[events.loc[0, "event_id"]] == "expect_column_values_to_be_between"
    assert reasons[events.loc[1, "event_id"]] == "expect_column_pair_values_a_to_be_greater_than_b"
    assert reasons[events.loc[2, "event_id"]] == "expect_column_values_to_be_in_set"
    why = v.quarantine.set_index("record_id").loc[events.loc[2, "event_id"], "reason"]
    assert 'row_condition=event_type=="Explosions/Remote violence"' in why
    assert reasons[events.loc[3, "event_id"]] == "expect_column_values_to_match_regex"
    assert reasons[events.loc[4, "event_id"]] == "expect_column_values_to_be_unique"
    assert events.loc[4, "event_id"] in set(v.good["event_id"]), "the first of two duplicates is kept"
    assert all(v.quarantine["original"].str.startswith("{"))


def test_a_schema_failure_fails_the_table(seed_tables):
    _, events = seed_tables
    with pytest.raises(SchemaValidationError, match="expect_table_columns_to_match_set"):
        validate("events", events.drop(columns=["weapon"]))

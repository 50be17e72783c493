"""A run of many small dates: validated together (one GX suite run per table), published date by date."""

import json

import pandas as pd
import pytest

from flows import pipeline

pytestmark = pytest.mark.usefixtures("prefect_harness")

DATES = ("2024-11-03", "2024-11-04", "2024-11-05")
SHORT = "Kyiv shelled."  # an article GX quarantines: text under 20 characters


def _story(seed_text, j):
    from transforms.ingest import clean_text

    paras = clean_text(seed_text)[0].split("\n\n")
    return f"KYIV, Ukraine (AP) — Item {j}. " + "\n\n".join(paras[1 + j % 9 : 4 + j % 9])


def _raw(tmp_path, seed_text):
    """Three dates of one story each; the middle one also has a story too short to publish, and the last
    one repeats the first date's story (a duplicate across dates of the batch)."""
    raw = tmp_path / "raw"
    for j, ds in enumerate(DATES):
        (raw / ds).mkdir(parents=True)
        (raw / ds / "a.txt").write_text(_story(seed_text, j), encoding="utf-8")
    (raw / DATES[1] / "short.txt").write_text(SHORT, encoding="utf-8")
    (raw / DATES[2] / "again.txt").write_text(_story(seed_text, 0), encoding="utf-8")
    return raw


def _read(out, table):
    df = pd.read_parquet(out / table)
    df["ds"] = df["ds"].astype(str)
    return df


def _same(a, b):
    keys = [c for c in a.columns if c not in ("variants",)]
    pd.testing.assert_frame_equal(
        a[keys].sort_values(keys[:3]).reset_index(drop=True),
        b[keys].sort_values(keys[:3]).reset_index(drop=True),
    )


def test_small_dates_are_validated_together_and_each_keeps_its_own_rows_and_quarantine(
    seed_text, tmp_path, monkeypatch
):
    from flows import validate

    raw = _raw(tmp_path, seed_text)
    runs = []
    real = validate.validate
    monkeypatch.setattr(
        validate, "validate", lambda table, df, *a, **kw: runs.append(table) or real(table, df, *a, **kw)
    )
    out = tmp_path / "together"
    s = {x["ds"]: x for x in pipeline.pipeline_flow(raw=str(raw), out=str(out))}
    # one suite run a table for the three dates
    assert runs.count("articles") == 1 and runs.count("events") == 1, runs
    assert [s[d]["articles"] for d in DATES] == [1, 1, 1] and all(x["identity_holds"] for x in s.values())
    # the short story with the event and name read from it, under its own date only
    assert s[DATES[1]]["quarantined"] == {"articles": 1, "events": 1, "mentions": 1}
    assert s[DATES[0]]["quarantined"] == s[DATES[2]]["quarantined"] == {}
    assert s[DATES[2]]["duplicates"] == 1 and set(s[DATES[2]]["already_published"].values()) == {DATES[0]}
    q = _read(out, "quarantine").set_index("table")
    assert set(q["ds"]) == {DATES[1]} and sorted(q.index) == ["articles", "events", "mentions"]
    assert "expect_column_value_lengths_to_be_between" in q.loc["articles", "reason"]
    assert SHORT in q.loc["articles", "original"] and "ds" not in json.loads(q.loc["articles", "original"])
    assert q.loc["events", "reason"] == "its article was quarantined"
    for ds in DATES:  # each date's partition holds its own story
        assert _read(out, "articles").query("ds == @ds")["raw_path"].str.contains(f"{ds}/a.txt").all()
    result = json.loads(next((out / "_validation" / f"ds={DATES[1]}").glob("*.json")).read_text())
    assert result["tables"]["articles"]["failed"][0]["unexpected_count"] == 1
    first = json.loads(next((out / "_validation" / f"ds={DATES[0]}").glob("*.json")).read_text())
    assert all(t["success"] for t in first["tables"].values())
    # the same rows, date by date, as runs of one date each
    alone = tmp_path / "alone"
    for ds in DATES:
        pipeline.pipeline_flow(raw=str(raw), out=str(alone), dates=[ds])
    assert runs.count("articles") == 4
    for table in ("articles", "events", "mentions", "entities", "quarantine"):
        a, b = _read(out, table), _read(alone, table)
        if table == "quarantine":
            a, b = (
                a.drop(columns="quarantined_at", errors="ignore"),
                b.drop(columns="quarantined_at", errors="ignore"),
            )
        _same(a, b)


def test_rerunning_a_date_of_a_batch_replaces_it_and_never_duplicates(seed_text, tmp_path):
    raw = _raw(tmp_path, seed_text)
    out = tmp_path / "curated"
    pipeline.pipeline_flow(raw=str(raw), out=str(out))
    before = {t: _read(out, t) for t in ("articles", "events", "mentions")}
    (raw / DATES[1] / "short.txt").unlink()
    [again] = pipeline.pipeline_flow(raw=str(raw), out=str(out), dates=[DATES[1]])
    assert again["articles"] == 1 and again["quarantined"] == {}
    assert _read(out, "quarantine").empty, "the date's quarantine partition was replaced"
    for t, b in before.items():
        _same(b, _read(out, t))
    forced = pipeline.pipeline_flow(raw=str(raw), out=str(out), force=True)  # the batch again
    assert [x["articles"] for x in forced] == [1, 1, 1]
    for t, b in before.items():
        _same(b, _read(out, t))


def test_a_date_whose_duplicate_is_no_longer_published_elsewhere_is_redone(seed_text, tmp_path):
    raw = _raw(tmp_path, seed_text)
    out = tmp_path / "curated"
    pipeline.pipeline_flow(raw=str(raw), out=str(out))
    # the first date's story is replaced: the last date's copy of it is now the only one
    (raw / DATES[0] / "a.txt").write_text(_story(seed_text, 7), encoding="utf-8")
    s = {x["ds"]: x for x in pipeline.pipeline_flow(raw=str(raw), out=str(out))}
    assert s[DATES[1]]["skipped"] and not s[DATES[0]]["skipped"] and not s[DATES[2]]["skipped"]
    assert s[DATES[2]]["articles"] == 2 and s[DATES[2]]["duplicates"] == 0
    articles = _read(out, "articles")
    assert len(articles) == 4 and articles["article_id"].is_unique
    assert (articles["ds"] == DATES[2]).sum() == 2


def test_a_schema_failure_in_a_batch_names_its_date_and_publishes_only_the_dates_before_it(
    seed_text, tmp_path
):
    from flows import grouped, storage
    from flows.validate import SchemaValidationError

    raw, out = _raw(tmp_path, seed_text), tmp_path / "curated"
    for ds in DATES:
        pipeline.ingest_flow(ds=ds, raw=str(raw), out=str(out))
        pipeline.extract_flow(ds=ds, out=str(out))
    root = storage.root(out)
    broken = storage.read_work(root, DATES[1], "events").drop_columns(["weapon"])
    storage.write_work(root, DATES[1], "events", broken)
    with pytest.raises(SchemaValidationError, match=f"{DATES[1]}: .*Nothing was published for {DATES[1]}"):
        grouped.publish_dates_task.fn(str(out), list(DATES), "20241106T000000-test")
    assert set(_read(out, "articles")["ds"]) == {DATES[0]}

"""Issue 14 under a real (temporary) Prefect server, on real files: a date without raw data keeps what is
published, the daily flow waits for late data, the same story under two dates is published once, staged work
is removed after a publish."""

import json
import shutil

import pandas as pd
import pytest
from typer.testing import CliRunner

from flows import pipeline, storage
from flows.cli import app

pytestmark = pytest.mark.usefixtures("prefect_harness")
runner = CliRunner()
TABLES = ("articles", "events", "mentions", "entities", "quarantine")
DS = "2024-11-02"


def _tables(out):
    return {t: pd.read_parquet(out / t) for t in TABLES}


def _same(before, after):
    for t in TABLES:
        pd.testing.assert_frame_equal(before[t], after[t])


def _other_day_only(tmp_path):
    """A raw dir that is fine but has nothing for DS (a feed that has not arrived yet)."""
    raw = tmp_path / "late-raw" / "2024-11-03"
    raw.mkdir(parents=True)
    (raw / "a.txt").write_text(
        "ODESA, Ukraine (AP) — Russian drones struck Odesa on Sunday, injuring four people, officials said.\n"
    )
    return raw.parent


def test_a_date_without_raw_data_keeps_its_published_partition(sample_raw, tmp_path):
    out = tmp_path / "curated"
    pipeline.pipeline_flow(raw=str(sample_raw), out=str(out))
    before = _tables(out)
    assert len(before["events"]) >= 9
    [summary] = pipeline.pipeline_flow(raw=str(_other_day_only(tmp_path)), out=str(out), dates=[DS])
    assert summary["status"] == pipeline.NO_RAW_DATA and summary["paths"] == {}
    _same(before, _tables(out))


def test_run_of_a_date_without_raw_data_is_an_error_and_publishes_nothing(sample_raw, tmp_path):
    out = tmp_path / "curated"
    pipeline.pipeline_flow(raw=str(sample_raw), out=str(out))
    before = _tables(out)
    late = _other_day_only(tmp_path)
    result = runner.invoke(app, ["run", "--raw", str(late), "--out", str(out), "--date", DS, "--json"])
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if not line.startswith("{")]
    assert len(lines) == 1 and f"no raw data for {DS}" in lines[0] and "kept" in lines[0]
    assert "Traceback" not in result.output
    _same(before, _tables(out))


def test_the_daily_flow_without_raw_data_fails_and_keeps_the_partition(sample_raw, tmp_path):
    out = tmp_path / "curated"
    pipeline.pipeline_flow(raw=str(sample_raw), out=str(out))
    before = _tables(out)
    late = _other_day_only(tmp_path)
    state = pipeline.daily_flow(raw=str(late), out=str(out), ds=DS, no_data_retries=0, return_state=True)
    assert state.is_failed() and "no raw data" in state.message
    _same(before, _tables(out))


def test_the_daily_flow_waits_for_raw_data_that_arrives_late(sample_raw, tmp_path, monkeypatch):
    """The sensor's first check finds nothing; the data lands before its retry, which then publishes."""
    out = tmp_path / "curated"
    late = _other_day_only(tmp_path)
    real_index, calls = storage.index_raw, []

    def index_then_data_arrives(raw):
        index = real_index(raw)
        if not calls:
            shutil.copytree(sample_raw / DS, late / DS)
        calls.append(sorted(index))
        return index

    monkeypatch.setattr(storage, "index_raw", index_then_data_arrives)
    state = pipeline.daily_flow(
        raw=str(late), out=str(out), ds=DS, no_data_retries=2, no_data_retry_seconds=1, return_state=True
    )
    assert state.is_completed(), state.message
    assert DS not in calls[0] and DS in calls[1]
    assert len(pd.read_parquet(out / "events")) >= 9


def test_the_same_story_under_another_date_is_a_duplicate_named_in_the_summary(
    sample_raw, seed_text, tmp_path
):
    out = tmp_path / "curated"
    [first] = pipeline.pipeline_flow(raw=str(sample_raw), out=str(out))
    published_id = pd.read_parquet(out / "articles")["article_id"].iloc[0]
    day = sample_raw / "2024-11-03"
    day.mkdir()
    (day / "republished.txt").write_text(seed_text)  # the same story, re-published a day later
    (day / "b.txt").write_text(
        "KHARKIV, Ukraine (AP) — Russian shelling killed two civilians in Kharkiv on Sunday, officials said.\n"
    )
    summaries = {s["ds"]: s for s in pipeline.pipeline_flow(raw=str(sample_raw), out=str(out))}
    second = summaries["2024-11-03"]
    assert second["identity_holds"] and second["raw_records"] == 2
    assert second["articles"] == 1 and second["duplicates"] == 1
    assert second["already_published"] == {published_id: DS}
    articles = pd.read_parquet(out / "articles")
    assert articles["article_id"].tolist().count(published_id) == 1
    events = pd.read_parquet(out / "events")
    assert set(events[events["ds"].astype(str) == "2024-11-03"]["location"]) == {"Kharkiv"}
    # re-running its own date does not count the story against itself
    again = summaries[DS]
    assert again["articles"] == first["articles"] == 1 and again["duplicates"] == 0
    assert again["already_published"] == {}


def test_staged_work_is_removed_after_a_publish_and_validation_results_are_capped(
    sample_raw, tmp_path, monkeypatch
):
    out = tmp_path / "curated"
    monkeypatch.setenv("DATELINE_KEEP_VALIDATIONS", "2")
    for _ in range(3):  # forced: an unchanged date is otherwise skipped
        pipeline.pipeline_flow(raw=str(sample_raw), out=str(out), force=True)
    assert not (out / "_work" / f"ds={DS}").exists()
    results = sorted((out / "_validation" / f"ds={DS}").iterdir())
    assert len(results) == 2 and all(json.loads(p.read_text())["success"] for p in results)
    # the GX store and the Data Docs site keep the same newest runs: the index does not grow with history
    gx = out / "_gx" / "gx" / "uncommitted"
    stored = {p.relative_to(gx / "validations").parts[1] for p in (gx / "validations").rglob("*.json")}
    site = gx / "data_docs" / "local_site" / "validations"
    pages = {p.relative_to(site).parts[1] for p in site.rglob("*.html")}
    assert len(stored) == 2 and pages == stored
    index = (gx / "data_docs" / "local_site" / "index.html").read_text()
    assert all(run in index for run in stored)


def test_the_ingest_stage_of_a_date_without_raw_data_stages_nothing_to_publish(sample_raw, tmp_path):
    out = tmp_path / "curated"
    pipeline.pipeline_flow(raw=str(sample_raw), out=str(out))
    before = _tables(out)
    late = _other_day_only(tmp_path)
    with pytest.raises(pipeline.NoRawDataError, match=f"no raw data for {DS}"):
        pipeline.ingest_flow(ds=DS, raw=str(late), out=str(out))
    with pytest.raises(storage.StorageError, match="run the earlier stage first"):
        pipeline.publish_flow(ds=DS, out=str(out))
    _same(before, _tables(out))

"""The pipeline flow under a real (temporary) Prefect server, on real files."""

import json
import shutil

import pandas as pd
import pytest

from flows import pipeline, storage
from flows.validate import SchemaValidationError

pytestmark = pytest.mark.usefixtures("prefect_harness")


def _read(out, table):
    return pd.read_parquet(out / table)


def test_pipeline_on_the_bundled_sample_writes_readable_partitioned_parquet(sample_raw, tmp_path):
    out = tmp_path / "curated"
    [summary] = pipeline.pipeline_flow(raw=str(sample_raw), out=str(out))
    assert summary["ds"] == "2024-11-02" and summary["identity_holds"]
    assert summary["articles"] == 1 and summary["events"] >= 9
    events = _read(out, "events")
    assert len(events) == summary["events"]
    assert set(events["ds"].astype(str)) == {"2024-11-02"}
    assert str(events["fatalities"].dtype) == "Int32" and str(events["quantity"].dtype) == "Int32"
    assert {"Kharkiv", "Kherson", "Kyiv"} <= set(events["location"].dropna())
    articles = _read(out, "articles")
    assert articles.loc[0, "source"] == "AP" and "READ MORE" not in articles.loc[0, "text"]
    mentions = _read(out, "mentions")
    assert "Volodymyr Zelenskyy" in set(mentions["canonical_name"])
    assert (out / "_validation" / "ds=2024-11-02").is_dir()


def test_rerunning_a_date_replaces_it_and_leaves_other_dates_alone(sample_raw, tmp_path):
    out = tmp_path / "curated"
    other = sample_raw / "2024-11-03"
    other.mkdir()
    (other / "b.txt").write_text(
        "KHARKIV, Ukraine (AP) — Russian shelling killed two civilians in Kharkiv on Sunday, officials said.\n"
    )
    pipeline.pipeline_flow(raw=str(sample_raw), out=str(out))
    first = {t: _read(out, t) for t in ("articles", "events", "mentions", "entities")}
    shutil.rmtree(other)
    pipeline.pipeline_flow(raw=str(sample_raw), out=str(out), dates=["2024-11-02"])
    for t, before in first.items():
        after = _read(out, t)
        assert len(after) == len(before), t
        keys = [c for c in after.columns if c != "ds"]
        pd.testing.assert_frame_equal(
            before[keys].sort_values(keys[:2]).reset_index(drop=True),
            after[keys].sort_values(keys[:2]).reset_index(drop=True),
        )
    events = _read(out, "events")
    assert set(events["ds"].astype(str)) == {"2024-11-02", "2024-11-03"}
    day2 = events[events["ds"].astype(str) == "2024-11-03"]
    assert day2["fatalities"].tolist() == [2] and day2["location"].tolist() == ["Kharkiv"]


def test_bad_input_is_quarantined_with_file_and_line_never_a_crash(sample_raw, tmp_path):
    day = sample_raw / "2024-11-02"
    (day / "empty.txt").write_bytes(b"")
    (day / "binary.txt").write_bytes(b"\x00\x01\x02\x03 PNG")
    (day / "latin1.txt").write_bytes("A Russian drone hit a caf\xe9 in Kiev on Friday.".encode("latin-1"))
    (day / "feed.jsonl").write_text(
        json.dumps(
            {
                "id": "ok-1",
                "text": "Russian drones struck Odesa on Saturday, injuring three people, officials said.",
            }
        )
        + "\n{not json\n"
        + json.dumps({"id": "no-text", "published_at": "2024-11-02"})
        + "\n"
    )
    (sample_raw / "undated.jsonl").write_text(
        json.dumps({"id": "u1", "text": "No date anywhere here at all."}) + "\n"
    )
    out = tmp_path / "curated"
    summaries = {s["ds"]: s for s in pipeline.pipeline_flow(raw=str(sample_raw), out=str(out))}
    s = summaries["2024-11-02"]
    assert s["identity_holds"] and s["raw_records"] == 7 and s["articles"] == 3
    articles = _read(out, "articles")
    latin1 = articles[articles["raw_path"].str.endswith("latin1.txt")].iloc[0]
    assert "café in Kiev" in latin1["text"] and latin1["encoding"] in {"cp1252", "cp1250", "latin_1"}
    assert set(articles["encoding"]) - {latin1["encoding"]} == {"utf-8"}
    q = _read(out, "quarantine")
    reasons = " | ".join(q["reason"])
    assert "latin1.txt" not in reasons
    for expected in (
        "empty.txt",
        "binary.txt",
        "feed.jsonl:2",
        "feed.jsonl:3",
        "undated.jsonl:1",
    ):
        assert expected in reasons, expected
    assert summaries["undated"]["quarantined"] == {"raw": 1}


def test_each_stage_runs_alone_through_storage(sample_raw, tmp_path):
    out = str(tmp_path / "curated")
    with pytest.raises(storage.StorageError, match="run the earlier stage first"):
        pipeline.publish_flow(ds="2024-11-02", out=out)
    stats = pipeline.ingest_flow(ds="2024-11-02", raw=str(sample_raw), out=out)
    assert stats["articles"] == 1
    counts = pipeline.extract_flow(ds="2024-11-02", out=out)
    assert counts["events"] >= 9
    pub = pipeline.publish_flow(ds="2024-11-02", out=out)
    assert pub["counts"]["events"] == counts["events"]
    assert len(pd.read_parquet(tmp_path / "curated" / "events")) == counts["events"]


def test_a_schema_failure_publishes_nothing_for_the_date(sample_raw, tmp_path):
    out = tmp_path / "curated"
    pipeline.pipeline_flow(raw=str(sample_raw), out=str(out))
    before = _read(out, "events")
    assert not (out / "_work" / "ds=2024-11-02").exists()  # removed after the publish; stage again
    pipeline.ingest_flow(ds="2024-11-02", raw=str(sample_raw), out=str(out))
    pipeline.extract_flow(ds="2024-11-02", out=str(out))
    root = storage.root(out)
    broken = storage.read_work(root, "2024-11-02", "events").drop_columns(["weapon"])
    storage.write_work(root, "2024-11-02", "events", broken)
    with pytest.raises(SchemaValidationError, match="Nothing was published"):
        pipeline.publish_flow(ds="2024-11-02", out=str(out))
    pd.testing.assert_frame_equal(before, _read(out, "events"))


def _corpus(raw, seed_text, n_files=3, per_file=12):
    """JSONL files of distinct articles built from the seed's paragraphs, with repeats across files."""
    from transforms.ingest import clean_text

    paras = clean_text(seed_text)[0].split("\n\n")
    day = raw / "2024-11-05"
    day.mkdir(parents=True)
    k = 0
    for f in range(n_files):
        with (day / f"feed-{f}.jsonl").open("w", encoding="utf-8") as fh:
            for i in range(per_file):
                # every 5th record of a later file repeats one of the first file (a cross-part duplicate)
                j = i if f and i % 5 == 0 else k
                text = f"KYIV, Ukraine (AP) — Item {j}. " + "\n\n".join(paras[1 + j % 9 : 4 + j % 9])
                fh.write(json.dumps({"id": f"a{k}", "published_at": "2024-11-05", "text": text}) + "\n")
                k += 1
    return 2 * ((per_file + 4) // 5)  # repeated records


def test_small_parts_and_two_worker_processes_give_the_same_tables(
    sample_raw, seed_text, tmp_path, monkeypatch
):
    """Bounded parts everywhere (ingest parts, extract chunks, validation batches) and a two-process pool
    change nothing in the published rows; duplicates across ingest parts are still removed."""
    raw = tmp_path / "feeds"
    repeated = _corpus(raw, seed_text)
    [one] = pipeline.pipeline_flow(raw=str(raw), out=str(tmp_path / "one"))
    monkeypatch.setattr(pipeline, "RECORDS_PER_PART", 5)
    monkeypatch.setattr(pipeline, "VALIDATE_ROWS", dict.fromkeys(pipeline.VALIDATE_ROWS, 7))
    monkeypatch.setattr(pipeline, "ARTICLES_PER_TASK", 4)
    monkeypatch.setattr(pipeline, "MIN_ARTICLES_PER_WORKER", 1)  # the pool even for this small date
    [two] = pipeline.pipeline_flow(raw=str(raw), out=str(tmp_path / "two"), workers=2)
    assert one["duplicates"] == two["duplicates"] == repeated
    assert one["articles"] == 36 - repeated and two["identity_holds"]
    assert len(list((tmp_path / "two" / "mentions" / "ds=2024-11-05").glob("*.parquet"))) > 3
    for t in ("articles", "events", "mentions", "entities", "quarantine"):
        a, b = _read(tmp_path / "one", t), _read(tmp_path / "two", t)
        keys = [c for c in a.columns if c not in ("ds", "variants", "quarantined_at")]
        assert len(a) == len(b), t
        pd.testing.assert_frame_equal(
            a[keys].sort_values(keys[:3]).reset_index(drop=True),
            b[keys].sort_values(keys[:3]).reset_index(drop=True),
        )


def test_a_second_run_on_unchanged_input_extracts_nothing_and_force_redoes_it(
    sample_raw, tmp_path, monkeypatch
):
    out = tmp_path / "curated"
    calls = []
    real = pipeline._extract_chunk

    def counting(*args, **kw):
        calls.append(args[1])
        return real(*args, **kw)

    monkeypatch.setattr(pipeline, "_extract_chunk", counting)
    [first] = pipeline.pipeline_flow(raw=str(sample_raw), out=str(out))
    assert calls == ["2024-11-02"] and not first["skipped"]
    before = {p: p.stat().st_mtime_ns for p in (out / "events").rglob("*.parquet")}
    [again] = pipeline.pipeline_flow(raw=str(sample_raw), out=str(out))
    assert calls == ["2024-11-02"], "the unchanged date was extracted again"
    assert again["skipped"] and again["events"] == first["events"]
    assert {p: p.stat().st_mtime_ns for p in (out / "events").rglob("*.parquet")} == before
    [forced] = pipeline.pipeline_flow(raw=str(sample_raw), out=str(out), force=True)
    assert len(calls) == 2 and not forced["skipped"]
    # a changed raw file makes the date due again
    raw_file = next((sample_raw / "2024-11-02").glob("*.txt"))
    raw_file.write_text(
        raw_file.read_text() + "\nKHERSON, Ukraine (AP) — Shelling hit Kherson on Saturday.\n"
    )
    [changed] = pipeline.pipeline_flow(raw=str(sample_raw), out=str(out))
    assert len(calls) == 3 and not changed["skipped"]

import json
import multiprocessing as mp

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from flows import storage


def _table(values):
    return pa.table({"x": pa.array(values, pa.int64())})


def test_publish_replaces_only_the_given_date(tmp_path):
    out = storage.root(tmp_path)
    storage.publish_partitions(out, "2024-01-01", {"t": _table([1, 2])})
    storage.publish_partitions(out, "2024-01-02", {"t": _table([3])})
    storage.publish_partitions(out, "2024-01-01", {"t": _table([9])})
    assert storage.read_partition(out, "t", "2024-01-01").column("x").to_pylist() == [9]
    assert storage.read_partition(out, "t", "2024-01-02").column("x").to_pylist() == [3]
    assert sorted(p.name for p in (tmp_path / "t").iterdir()) == ["ds=2024-01-01", "ds=2024-01-02"]


def test_recover_restores_a_partition_left_in_trash(tmp_path):
    out = storage.root(tmp_path)
    storage.publish_partitions(out, "2024-01-01", {"t": _table([1])})
    (tmp_path / "t" / "_trash").mkdir()
    (tmp_path / "t" / "ds=2024-01-01").rename(tmp_path / "t" / "_trash" / "ds=2024-01-01.abc")
    assert storage.recover(out, "t", "2024-01-01")
    assert storage.read_partition(out, "t", "2024-01-01").column("x").to_pylist() == [1]


def test_a_raw_line_that_does_not_parse_comes_back_whole_with_its_error(tmp_path):
    (tmp_path / "2024-01-01").mkdir()
    (tmp_path / "2024-01-01" / "a.jsonl").write_bytes(
        b'{"id": 1, "text": "fine"}\n\n{broken\n\xff\xfe[\xff\n'
    )
    recs = list(storage.read_raw_file(storage.root(tmp_path), "2024-01-01/a.jsonl", "2024-01-01"))
    assert [r["raw_path"] for r in recs] == [
        "2024-01-01/a.jsonl:1",
        "2024-01-01/a.jsonl:3",
        "2024-01-01/a.jsonl:4",
    ]
    assert recs[0]["text"] == "fine" and "error" not in recs[0]
    assert "malformed JSONL line" in recs[1]["error"] and recs[1]["line"] == "{broken"
    assert "malformed JSONL line" in recs[2]["error"] and recs[2]["line_base64"] == "//5b/w=="  # nothing lost
    assert list(storage.read_raw_file(storage.root(tmp_path), "2024-01-01/a.jsonl", "2024-01-02")) == []


def _hold_lock(path, ready, release):
    out = storage.root(path)
    with storage.date_lock(out, "2024-01-01", owner="test"):
        ready.set()
        release.wait(30)


def test_a_second_writer_on_the_same_date_is_refused(tmp_path):
    ctx = mp.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    p = ctx.Process(target=_hold_lock, args=(str(tmp_path), ready, release))
    p.start()
    try:
        assert ready.wait(60)
        with (
            pytest.raises(storage.LockedError, match="being written by another run"),
            storage.date_lock(storage.root(tmp_path), "2024-01-01"),
        ):
            pass
        with storage.date_lock(storage.root(tmp_path), "2024-01-02"):
            pass  # other dates are free
    finally:
        release.set()
        p.join(30)


def test_a_lock_left_by_a_dead_process_is_taken_over(tmp_path):
    out = storage.root(tmp_path)
    lock = tmp_path / "_locks" / "ds=2024-01-01.lock"
    lock.parent.mkdir()
    import socket

    lock.write_text(json.dumps({"pid": 2**22 + 12345, "host": socket.gethostname()}))
    with storage.date_lock(out, "2024-01-01"):
        pass
    assert not lock.exists()


def test_index_raw_uses_folders_sidecars_and_jsonl_dates(tmp_path):
    (tmp_path / "2024-01-01").mkdir()
    (tmp_path / "2024-01-01" / "a.txt").write_text("text")
    (tmp_path / "2024-01-01" / "b.txt").write_text("text")
    (tmp_path / "2024-01-01" / "b.meta.json").write_text('{"published_at": "2023-12-31"}')
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "f.jsonl").write_text(
        '{"published_at": "2024-01-02", "text": "x"}\n{"text": "no date"}\n{"published_at": "2024-01-01T10:00:00Z", "text": "y"}\n'
    )
    index = storage.index_raw(storage.root(tmp_path))
    assert index == {
        "2023-12-31": ["2024-01-01/b.txt"],
        "2024-01-01": ["2024-01-01/a.txt", "feeds/f.jsonl"],
        "2024-01-02": ["feeds/f.jsonl"],
        "undated": ["feeds/f.jsonl"],
    }


def test_read_raw_file_reports_bad_lines_with_file_and_line(tmp_path):
    (tmp_path / "f.jsonl").write_bytes(
        b'{"published_at": "2024-01-01", "text": "ok", "id": 7}\n{"published_at": "2024-01-01", oops\n\n[1,2]\n'
    )
    recs = list(storage.read_raw_file(storage.root(tmp_path), "f.jsonl", "2024-01-01"))
    assert recs[0]["source_id"] == "7" and "error" not in recs[0]
    assert "f.jsonl:2" in recs[1]["error"] and "malformed" in recs[1]["error"]
    undated = list(storage.read_raw_file(storage.root(tmp_path), "f.jsonl", "undated"))
    assert len(undated) == 1 and "f.jsonl:4" in undated[0]["error"]


def test_missing_raw_dir_is_a_clear_error(tmp_path):
    with pytest.raises(storage.StorageError, match="does not exist"):
        storage.list_raw_files(storage.root(tmp_path / "nope"))


def test_memory_filesystem_round_trip():
    out = storage.root("memory://dateline-test/out")
    storage.publish_partitions(out, "2024-01-01", {"t": _table([1, 2, 3])})
    assert storage.read_partition(out, "t", "2024-01-01").num_rows == 3


def test_read_work_rows_reads_exactly_the_requested_rows(tmp_path):
    out = storage.root(tmp_path)
    storage.write_work(out, "2024-01-01", "t", _table(list(range(1000))), row_group_size=64)
    for a, b in [(0, 10), (60, 70), (64, 128), (990, 1000), (0, 1000), (500, 500)]:
        assert storage.read_work_rows(out, "2024-01-01", "t", a, b).column("x").to_pylist() == list(
            range(a, b)
        )


def test_read_work_rows_spans_parts_and_row_groups(tmp_path):
    out = storage.root(tmp_path)
    storage.write_work_part(out, "2024-01-01", "t", "b", _table(list(range(100, 250))), row_group_size=16)
    storage.write_work_part(out, "2024-01-01", "t", "a", _table(list(range(100))), row_group_size=16)
    storage.write_work_part(out, "2024-01-01", "t", "c", _table([]))
    assert storage.work_num_rows(out, "2024-01-01", "t") == 250
    for a, b in [(0, 10), (90, 110), (95, 250), (100, 101), (249, 250), (0, 250), (250, 250)]:
        got = storage.read_work_rows(out, "2024-01-01", "t", a, b).column("x").to_pylist()
        assert got == list(range(a, b)), (a, b)
    assert [t.num_rows for t in storage.iter_work(out, "2024-01-01", "t")] == [100, 150, 0]


def test_write_work_replaces_every_earlier_part(tmp_path):
    out = storage.root(tmp_path)
    for part in ("0", "1"):
        storage.write_work_part(out, "2024-01-01", "t", part, _table([1, 2]))
    storage.write_work(out, "2024-01-01", "t", _table([7]))
    assert storage.read_work(out, "2024-01-01", "t").column("x").to_pylist() == [7]
    storage.clear_work(out, "2024-01-01", "t")
    with pytest.raises(storage.StorageError, match="run the earlier stage first"):
        storage.read_work(out, "2024-01-01", "t")


def test_staged_publish_streams_batches_and_swaps_only_on_commit(tmp_path):
    out = storage.root(tmp_path)
    storage.publish_partitions(out, "2024-01-01", {"t": _table([1])})
    pub = storage.StagedPublish(out, "2024-01-01", row_group_size=2)
    for batch in ([10, 11, 12], [13], []):
        pub.write("t", _table(batch))
    assert storage.read_partition(out, "t", "2024-01-01").column("x").to_pylist() == [1]  # not yet
    pub.commit()
    assert storage.read_partition(out, "t", "2024-01-01").column("x").to_pylist() == [10, 11, 12, 13]
    files = list((tmp_path / "t" / "ds=2024-01-01").iterdir())
    assert len(files) == 1 and pq.ParquetFile(files[0]).metadata.num_row_groups == 3
    aborted = storage.StagedPublish(out, "2024-01-01")
    aborted.write("t", _table([99]))
    aborted.abort()
    assert storage.read_partition(out, "t", "2024-01-01").column("x").to_pylist() == [10, 11, 12, 13]
    assert not (tmp_path / "t" / "_staging").exists() or not any((tmp_path / "t" / "_staging").iterdir())


def test_staged_publish_takes_parts_written_by_other_processes(tmp_path):
    out = storage.root(tmp_path)
    pub = storage.StagedPublish(out, "2024-01-01")
    ctx = mp.get_context("spawn")
    paths = [pub.part_path("t", i) for i in range(3)]
    with ctx.Pool(2) as pool:
        pool.starmap(_write_part, [(str(tmp_path), p, [i, i + 10]) for i, p in enumerate(paths)])
    pub.commit()
    got = storage.read_partition(out, "t", "2024-01-01").column("x").to_pylist()
    assert sorted(got) == [0, 1, 2, 10, 11, 12]
    aborted = storage.StagedPublish(out, "2024-01-01")
    storage.write_path(out, aborted.part_path("t", 0), _table([99]))
    aborted.abort()
    assert sorted(storage.read_partition(out, "t", "2024-01-01").column("x").to_pylist()) == sorted(got)


def _write_part(root, path, values):
    storage.write_path(storage.root(root), path, _table(values))


def test_a_huge_raw_file_is_quarantined_without_being_read(tmp_path):
    """A 50 MB scrape is not read into memory: its record says why and points at the file."""
    import tracemalloc

    day = tmp_path / "2024-01-01"
    day.mkdir()
    with (day / "huge.txt").open("wb") as fh:
        for _ in range(50):
            fh.write(b"Russian shelling hit the city again, officials said. " * 20_000)
    tracemalloc.start()
    try:
        [rec] = list(storage.read_raw_file(storage.root(tmp_path), "2024-01-01/huge.txt", "2024-01-01"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000
    assert "huge.txt" in rec["error"] and "over the" in rec["error"] and "split it" in rec["error"]
    assert rec["bytes"] == (day / "huge.txt").stat().st_size and "text" not in rec


def test_a_huge_jsonl_line_is_skipped_in_bounded_memory_and_the_next_lines_still_read(tmp_path):
    import tracemalloc

    from transforms.ingest import MAX_RECORD_BYTES

    good = json.dumps({"published_at": "2024-01-01", "text": "Drones hit Odesa."}).encode() + b"\n"
    with (tmp_path / "f.jsonl").open("wb") as fh:
        fh.write(good)
        fh.write(b'{"published_at": "2024-01-01", "text": "')
        for _ in range(3 * MAX_RECORD_BYTES // 1_000_000):  # a line three times the limit
            fh.write(b"a" * 1_000_000)
        fh.write(b'"}\n')
        fh.write(good)
    raw = storage.root(tmp_path)
    tracemalloc.start()
    try:
        recs = list(storage.read_raw_file(raw, "f.jsonl", "2024-01-01"))
        index = storage.index_raw(raw)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1.5 * MAX_RECORD_BYTES  # bounded by the limit, not by the line
    assert index == {"2024-01-01": ["f.jsonl"]}
    assert [r.get("text") for r in recs] == ["Drones hit Odesa.", None, "Drones hit Odesa."]
    assert "f.jsonl:2" in recs[1]["error"] and "over the" in recs[1]["error"]
    assert recs[1]["offset"] == len(good) and recs[1]["bytes"] > MAX_RECORD_BYTES


def test_undecodable_bytes_stay_recoverable_and_legacy_text_is_decoded(tmp_path):
    import base64

    day = tmp_path / "2024-01-01"
    day.mkdir()
    blob = b"\x00\x01\x02\x03 PNG \xff\xfe"
    (day / "blob.txt").write_bytes(blob)
    (day / "cyr.txt").write_bytes("Київ: російські дрони атакували місто вночі.".encode("cp1251"))
    (day / "f.jsonl").write_bytes(
        '{"published_at": "2024-01-01", "text": "caf\xe9 in Kiev was hit by a drone."}\n'.encode("cp1252")
        + b"\x81\x8d{oops\n"
    )
    raw = storage.root(tmp_path)
    [b] = storage.read_raw_file(raw, "2024-01-01/blob.txt", "2024-01-01")
    assert "binary" in b["error"] and base64.b64decode(b["bytes_base64"]) == blob
    [c] = storage.read_raw_file(raw, "2024-01-01/cyr.txt", "2024-01-01")
    assert c["text"].startswith("Київ") and c["encoding"] == "cp1251"
    ok, bad = storage.read_raw_file(raw, "2024-01-01/f.jsonl", "2024-01-01")
    assert ok["text"].startswith("café") and ok["encoding"] != "utf-8"
    assert "f.jsonl:2" in bad["error"] and base64.b64decode(bad["line_base64"]) == b"\x81\x8d{oops"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "nope", "does not exist"),
        (lambda p: p, "holds no raw input"),
        (lambda p: (p / "a.txt").write_text("x") and p / "a.txt", "is a file, not a directory"),
        (
            lambda p: (p / "_old").mkdir() or (p / "_old" / "a.txt").write_text("x") and p,
            "holds no raw input",
        ),
    ],
)
def test_check_raw_refuses_a_missing_empty_or_file_raw_path(tmp_path, make, message):
    with pytest.raises(storage.StorageError, match=message):
        storage.check_raw(storage.root(make(tmp_path)))


def test_check_out_refuses_a_file_or_an_unwritable_place(tmp_path):
    (tmp_path / "f").write_text("x")
    with pytest.raises(storage.StorageError, match="not a directory"):
        storage.check_out(storage.root("/dev/null"))
    with pytest.raises(storage.StorageError, match="not writable"):
        storage.check_out(storage.root(tmp_path / "f" / "out"))
    storage.check_out(storage.root(tmp_path / "new" / "out"))
    assert (tmp_path / "new" / "out").is_dir() and not list((tmp_path / "new" / "out").iterdir())


def test_validation_results_keep_only_the_newest_runs(tmp_path):
    out = storage.root(tmp_path)
    for i in range(6):
        storage.write_validation(out, "2024-01-01", f"2024010{i}T000000-run", {"i": i}, keep=3)
    storage.write_validation(out, "2024-01-02", "20240101T000000-run", {"i": 0}, keep=3)
    kept = sorted(p.name for p in (tmp_path / "_validation" / "ds=2024-01-01").iterdir())
    assert kept == [f"2024010{i}T000000-run.json" for i in (3, 4, 5)]
    assert len(list((tmp_path / "_validation" / "ds=2024-01-02").iterdir())) == 1


def _articles(ids):
    return pa.table({"article_id": pa.array(ids, pa.string()), "text": pa.array(["t"] * len(ids))})


def test_published_article_ids_come_from_the_per_date_index_excluding_the_date_itself(tmp_path):
    out = storage.root(tmp_path)
    storage.publish_partitions(out, "2024-01-01", {"articles": _articles(["a", "b"])})
    storage.publish_partitions(out, "2024-01-02", {"articles": _articles(["c"])})
    assert (tmp_path / "_index" / "article_ids" / "ds=2024-01-01.parquet").is_file()
    assert storage.published_article_ids(out, ["a", "c", "z"], exclude="2024-01-03") == {
        "a": "2024-01-01",
        "c": "2024-01-02",
    }
    assert storage.published_article_ids(out, ["a", "c"], exclude="2024-01-01") == {"c": "2024-01-02"}
    # a re-publish replaces the date's index
    storage.publish_partitions(out, "2024-01-01", {"articles": _articles(["b"])})
    assert storage.published_article_ids(out, ["a", "b"]) == {"b": "2024-01-01"}
    # a date published before the index existed is read from its partition's article_id column
    (tmp_path / "_index" / "article_ids" / "ds=2024-01-02.parquet").unlink()
    assert storage.published_article_ids(out, ["c"]) == {"c": "2024-01-02"}


def test_delete_date_removes_every_table_of_that_date_only(tmp_path):
    out = storage.root(tmp_path)
    for ds in ("2024-01-01", "2024-01-02"):
        storage.publish_partitions(out, ds, {"articles": _articles([ds]), "events": _table([1])})
    storage.write_work(out, "2024-01-01", "articles", _articles(["x"]))
    assert storage.delete_date(out, "2024-01-01") == ["articles", "events"]
    for t in ("articles", "events"):
        assert sorted(p.name for p in (tmp_path / t).iterdir()) == ["ds=2024-01-02"]
    assert not (tmp_path / "_work" / "ds=2024-01-01").exists()
    assert storage.published_article_ids(out, ["2024-01-01", "2024-01-02"]) == {"2024-01-02": "2024-01-02"}
    assert storage.delete_date(out, "2024-01-01") == []

"""Kill the publish mid-write (a real process exit at the worst moments): the old partition survives."""

import os
import subprocess
import sys

import pandas as pd
import pytest

from flows import storage
from flows.pipeline import (
    extract_chunk_task,
    ingest_files_task,
    publish_task,
    stage_articles_task,
    stage_extract_task,
)

PUBLISH = "from flows.pipeline import publish_task; publish_task.fn({out!r}, '2024-11-02', 'crash-test')"


@pytest.fixture()
def staged(sample_raw, tmp_path):
    """Stage outputs for the sample, built by the task bodies (no Prefect run needed)."""
    out = str(tmp_path / "curated")
    files = storage.index_raw(storage.root(sample_raw))["2024-11-02"]
    batch = ingest_files_task.fn(str(sample_raw), out, files, "2024-11-02", 0)
    stats = stage_articles_task.fn(out, "2024-11-02", [batch])
    chunk = extract_chunk_task.fn(out, "2024-11-02", 0, 0, stats["articles"])
    stage_extract_task.fn(out, "2024-11-02", [chunk])
    return tmp_path / "curated"


def _publish_in_process(out):
    publish_task.fn(str(out), "2024-11-02", "test")


def _publish_and_crash(out, crash_at):
    env = dict(os.environ, DATELINE_CRASH_AT=crash_at)
    return subprocess.run(
        [sys.executable, "-c", PUBLISH.format(out=str(out))],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize("point", ["publish:staged-one", "publish:staged-all", "publish:between-renames"])
def test_a_crash_during_publish_leaves_the_previous_partition(staged, point):
    _publish_in_process(staged)
    tables = ("articles", "events", "mentions", "entities", "quarantine")
    before = {t: pd.read_parquet(staged / t) for t in tables}
    # change what the next publish would write, so a half-done swap would show
    root = storage.root(staged)
    ev = storage.read_work(root, "2024-11-02", "events")
    storage.write_work(root, "2024-11-02", "events", ev.slice(0, 2))
    crashed = _publish_and_crash(staged, point)
    assert crashed.returncode == 137, crashed.stderr
    if point == "publish:between-renames":
        # the first table's old partition sits in _trash; recovery (also run by every publish) restores it
        assert not (staged / "articles" / "ds=2024-11-02").exists()
        assert storage.recover(root, "articles", "2024-11-02")
    for t in tables:
        pd.testing.assert_frame_equal(before[t], pd.read_parquet(staged / t))
    # and the next run finishes the job
    _publish_in_process(staged)
    assert len(pd.read_parquet(staged / "events")) == 2

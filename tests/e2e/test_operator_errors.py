"""What an operator gets wrong on day one: one line saying what, where and what to do, exit 1 (2 for usage
errors), no traceback, and nothing started before the paths are checked. Ctrl-C exits 130."""

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from flows import storage
from flows.cli import app

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _dateline(args, tmp_path, **env_extra):
    """The command as a real process with a Prefect home of its own: a started server would leave its
    database there."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env |= {"DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env |= {"PREFECT_HOME": str(tmp_path / "prefect-home"), **env_extra}
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )


_PROGRESS_LINE = re.compile(r"^\d{4}-\d{2}-\d{2} (ingest|extract|publish|done)\b")


def _without_progress(text: str) -> str:
    """stderr without the plain progress lines a run writes when it is not on a terminal."""
    return "\n".join(line for line in text.splitlines() if not _PROGRESS_LINE.match(line))


def _one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert "Traceback" not in text
    return lines[0]


def _raw_file(p: Path) -> Path:
    (p / "a.txt").write_text("x")
    return p / "a.txt"


@pytest.mark.parametrize(
    ("raw", "out", "env", "expected"),
    [
        (lambda p: p / "nope", lambda p: p / "out", {}, "does not exist"),
        (lambda p: p, lambda p: p / "out", {}, "holds no raw input: expected <YYYY-MM-DD>/*.txt"),
        (_raw_file, lambda p: p / "out", {}, "is a file, not a directory"),
        (None, lambda p: "/dev/null", {}, "--out /dev/null is not a directory"),
        (None, lambda p: _raw_file(p) / "out", {}, "is not writable"),
        (None, lambda p: p / "out", {"PREFECT_API_URL": "dead"}, "does not answer"),
    ],
    ids=["missing-raw", "empty-raw", "raw-is-a-file", "out-dev-null", "out-unwritable", "dead-api-url"],
)
def test_run_refuses_bad_paths_and_urls_in_one_line_before_any_server(
    sample_raw, tmp_path, raw, out, env, expected
):
    place = tmp_path / "place"
    place.mkdir()
    raw_path = raw(place) if raw else sample_raw
    if env.get("PREFECT_API_URL") == "dead":
        env = {"PREFECT_API_URL": f"http://127.0.0.1:{_free_port()}/api"}
    proc = _dateline(["run", "--raw", str(raw_path), "--out", str(out(place))], tmp_path, **env)
    assert proc.returncode == 1, proc.stderr
    assert expected in _one_line(proc.stderr) and proc.stdout == ""
    assert not (tmp_path / "prefect-home" / "prefect.db").exists()  # no temporary server was started


@pytest.mark.parametrize(
    ("args", "code", "expected"),
    [
        (["serve", "--cron", "not a cron"], 2, "is not a cron expression"),
        (["serve", "--every", "0"], 2, "must be a positive number of seconds"),
        (["names", "resolve", "/nonexistent/names.txt"], 1, "does not exist"),
        (["delete", "--date", "2024-11-02", "--out", "/nonexistent/out"], 1, "is not a directory"),
    ],
)
def test_usage_and_file_errors_are_one_line(args, code, expected):
    result = runner.invoke(app, args)
    assert result.exit_code == code, result.output
    assert expected in _one_line(result.output)


def test_serve_with_a_dead_prefect_api_url_is_one_line(tmp_path):
    proc = _dateline(
        ["serve", "--out", str(tmp_path / "out")],
        tmp_path,
        PREFECT_API_URL=f"http://127.0.0.1:{_free_port()}/api",
    )
    assert proc.returncode == 1
    assert "does not answer" in _one_line(proc.stderr)


def _published(out: Path, ds: str, n_articles: int) -> None:
    import pyarrow as pa

    ids = pa.array([f"{ds}-{i}" for i in range(n_articles)], pa.string())
    storage.publish_partitions(
        storage.root(out), ds, {"articles": pa.table({"article_id": ids}), "events": pa.table({"x": [1]})}
    )


def test_delete_empties_one_date_of_every_table_under_its_lock(tmp_path):
    out = tmp_path / "out"
    _published(out, "2024-11-02", 2)
    _published(out, "2024-11-03", 1)
    with storage.date_lock(storage.root(out), "2024-11-02", owner="another run"):
        locked = runner.invoke(app, ["delete", "--date", "2024-11-02", "--out", str(out)])
    assert locked.exit_code == 1 and "being written by another run" in _one_line(locked.output)
    assert (out / "articles" / "ds=2024-11-02").is_dir()
    result = runner.invoke(app, ["delete", "--date", "2024-11-02", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "articles, events" in result.output
    for table in ("articles", "events"):
        assert [p.name for p in (out / table).iterdir()] == ["ds=2024-11-03"]
    assert pd.read_parquet(out / "articles")["article_id"].tolist() == ["2024-11-03-0"]
    again = runner.invoke(app, ["delete", "--date", "2024-11-02", "--out", str(out)])
    assert again.exit_code == 1 and "nothing is published for 2024-11-02" in _one_line(again.output)


def test_ctrl_c_in_a_terminal_during_a_run_exits_130_with_one_line(seed_text, tmp_path):
    """Ctrl-C signals the whole process group (the run, its temporary Prefect server): exit 130, one line,
    the date's lock released and nothing half-published."""
    from transforms.ingest import clean_text

    paras = clean_text(seed_text)[0].split("\n\n")
    day = tmp_path / "raw" / "2024-11-05"
    day.mkdir(parents=True)
    with (day / "feed.jsonl").open("w", encoding="utf-8") as fh:
        for i in range(300):
            text = f"KYIV, Ukraine (AP) — Report {i}. " + "\n\n".join(paras[1 + i % 9 : 6 + i % 9])
            fh.write(json.dumps({"id": f"r{i}", "text": text}) + "\n")
    out = tmp_path / "out"
    env = dict(os.environ, DO_NOT_TRACK="1", PREFECT_SERVER_ANALYTICS_ENABLED="false")
    env.pop("PREFECT_API_URL", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "run", "--raw", str(tmp_path / "raw"), "--out", str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT, start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.time() + 280
        while not (out / "_locks" / "ds=2024-11-05.lock").exists():
            assert proc.poll() is None, proc.communicate()
            assert time.time() < deadline, "the run never took the date's lock"
            time.sleep(0.1)
        os.killpg(proc.pid, signal.SIGINT)  # what a terminal does on Ctrl-C
        stdout, stderr = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130, stderr[-3000:]
    assert "interrupted" in _one_line(_without_progress(stderr))
    assert not (out / "_locks" / "ds=2024-11-05.lock").exists()
    assert not (out / "events" / "ds=2024-11-05").exists()

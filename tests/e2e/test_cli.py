"""The dateline command line, through typer's runner and as a real process."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows import storage
from flows.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["run"],
        ["flow", "ingest"],
        ["flow", "extract"],
        ["flow", "publish"],
        ["backfill"],
        ["serve"],
        ["names", "resolve"],
        ["names", "suggest"],
        ["explain"],
        ["schema"],
        ["export"],
    ],
)
def test_every_command_has_help(args):
    result = runner.invoke(app, [*args, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output


def test_names_resolve_writes_one_tsv_row_per_input_line_in_order():
    result = runner.invoke(
        app, ["names", "resolve", "-"], input="Zelenskiy\nKharkov\nMykola Petrenko\nMikola Petrenko\n"
    )
    assert result.exit_code == 0
    lines = result.output.strip().split("\n")
    assert lines[0] == "name\tentity_id\tcanonical_name\tentity_type\tmethod\tscore"
    rows = [line.split("\t") for line in lines[1:]]
    assert [r[0] for r in rows] == ["Zelenskiy", "Kharkov", "Mykola Petrenko", "Mikola Petrenko"]
    assert rows[0][2] == "Volodymyr Zelenskyy" and rows[1][2] == "Kharkiv"
    assert rows[2][1] == rows[3][1] and rows[2][4] == "provisional"


def test_schema_prints_the_data_dictionary():
    result = runner.invoke(app, ["schema"])
    assert "#### `events/`" in result.output and "`sub_event_type`" in result.output


def test_bad_dates_are_rejected_with_a_message():
    result = runner.invoke(app, ["flow", "publish", "--date", "2024-13-45"])
    assert result.exit_code != 0 and "YYYY-MM-DD" in result.output


@pytest.mark.usefixtures("prefect_harness")
def test_run_with_a_missing_raw_dir_says_what_to_do_without_a_traceback(tmp_path):
    result = runner.invoke(app, ["run", "--raw", str(tmp_path / "nope"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "does not exist" in result.output and "Traceback" not in result.output


@pytest.mark.usefixtures("prefect_harness")
def test_a_second_run_on_a_locked_date_is_refused(sample_raw, tmp_path):
    out = tmp_path / "out"
    with storage.date_lock(storage.root(out), "2024-11-02", owner="another run"):
        result = runner.invoke(app, ["run", "--raw", str(sample_raw), "--out", str(out)])
    assert result.exit_code == 1
    assert "being written by another run" in result.output


def test_serve_without_a_server_explains_how_to_start_one():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    proc = subprocess.run(
        [sys.executable, "-m", "flows.cli", "serve"], env=env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 1
    assert "prefect server start" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.usefixtures("prefect_harness")
def test_backfill_runs_every_date_of_the_range(sample_raw, tmp_path):
    import pandas as pd

    day2 = sample_raw / "2024-11-03"
    day2.mkdir()
    (day2 / "a.txt").write_text(
        "ODESA, Ukraine (AP) — Russian drones struck Odesa on Sunday, injuring four people.\n"
    )
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        [
            "backfill",
            "--start",
            "2024-11-02",
            "--end",
            "2024-11-03",
            "--raw",
            str(sample_raw),
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    events = pd.read_parquet(out / "events")
    assert set(events["ds"].astype(str)) == {"2024-11-02", "2024-11-03"}
    assert "2024-11-03" in result.output


def test_names_suggest_lists_provisional_entities_most_mentioned_first(tmp_path):
    import pandas as pd

    from transforms.extract import entities_from_mentions

    mentions = pd.DataFrame(
        {
            "entity_id": ["prov:a", "prov:a", "prov:b", "Q7747"],
            "surface": ["Mykola Petrenko", "Mikola Petrenko", "Ivan Sydorenko", "Putin"],
            "canonical_name": ["Mykola Petrenko", "Mykola Petrenko", "Ivan Sydorenko", "Vladimir Putin"],
            "entity_type": ["person", "person", "person", "person"],
        }
    )
    ent = entities_from_mentions(mentions)
    part = tmp_path / "entities" / "ds=2024-11-02"
    part.mkdir(parents=True)
    ent.to_parquet(part / "part-0.parquet")
    result = runner.invoke(app, ["names", "suggest", "--out", str(tmp_path)])
    lines = result.output.strip().split("\n")
    assert lines[1].startswith("prov:a\t") and "Mykola Petrenko|Mikola Petrenko" in lines[1]
    assert not any(line.startswith("Q7747") for line in lines)


def test_the_installed_command_runs_the_sample_and_reports_json_and_exit_codes(sample_raw, tmp_path):
    """`dateline run --json` as a real process (its own temporary Prefect server), then a failing run."""
    import json

    exe = shutil.which("dateline", path=os.path.dirname(sys.executable))
    env = dict(os.environ, DO_NOT_TRACK="1", PREFECT_SERVER_ANALYTICS_ENABLED="false")
    env.pop("PREFECT_API_URL", None)
    ok = subprocess.run(
        [exe, "run", "--raw", str(sample_raw), "--out", str(tmp_path / "out"), "--json"],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert ok.returncode == 0, ok.stderr[-2000:]
    lines = [json.loads(line) for line in ok.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 1, f"stdout: {ok.stdout[-2000:]!r}\nstderr: {ok.stderr[-3000:]}"
    assert lines[0]["identity_holds"] and lines[0]["events"] >= 9
    bad = subprocess.run(
        [exe, "run", "--raw", str(tmp_path / "nope"), "--out", str(tmp_path / "out")],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert bad.returncode == 1 and "does not exist" in bad.stdout + bad.stderr
    assert "Traceback" not in bad.stdout + bad.stderr


def test_a_prefect_server_that_does_not_start_in_time_is_a_clear_failure(sample_raw, tmp_path):
    """The first start of the temporary server migrates a new database (10-25 s on a loaded 2-core machine,
    beyond Prefect's default 20 s wait): a server that does not come up is exit 1 with what to do."""
    exe = shutil.which("dateline", path=os.path.dirname(sys.executable))
    env = dict(os.environ, DO_NOT_TRACK="1", PREFECT_SERVER_ANALYTICS_ENABLED="false")
    env.pop("PREFECT_API_URL", None)
    env |= {
        "PREFECT_HOME": str(tmp_path / "prefect"),
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "1",
    }
    proc = subprocess.run(
        [exe, "run", "--raw", str(sample_raw), "--out", str(tmp_path / "out"), "--json"],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert "did not start within 1 s" in proc.stderr and "prefect server start" in proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout == ""


def test_an_unexpected_error_exits_non_zero():
    """The entry point ends the process itself after the exit handlers: an error it does not know must
    still end with exit code 1, not 0."""
    code = (
        "import sys\n"
        "from flows import cli\n"
        "@cli.app.command('boom')\n"
        "def boom():\n"
        "    raise ValueError('boom')\n"
        "sys.argv = ['dateline', 'boom']\n"
        "cli.main()\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 1 and "ValueError" in proc.stderr


def test_eval_scores_an_article_corpus_story_by_story(shared_eval, tmp_path):
    wire = shared_eval / "wire"
    rows = tmp_path / "rows.csv"
    result = runner.invoke(
        app,
        ["eval", "--gold-dir", str(wire / "gold"), "--raw", str(wire / "raw"), "--json", "--rows", str(rows)],
    )
    assert result.exit_code == 0, result.output
    import json

    import pandas as pd

    report = json.loads(result.output.strip().splitlines()[-1])
    n_gold = len(list((wire / "gold").glob("*.csv")))
    assert report["stories"] == n_gold
    assert 0 <= report["tier1_found"] <= report["tier1_gold"]
    assert sum(s["stories"] for s in report["by_source"].values()) == n_gold
    detail = pd.read_csv(rows)
    # every gold row of tier 1 or 2 is listed as found or missed, every emitted event once
    assert (detail["kind"] == "found").sum() == report["events_matched"]
    assert detail["kind"].isin(["found", "missed", "unmatched event"]).all()
    unmatched = (detail["kind"] == "unmatched event").sum()
    assert unmatched == report["events"] - report["events_matched"]


def test_eval_on_a_corpus_needs_exactly_one_input(tmp_path):
    result = runner.invoke(app, ["eval", "--gold-dir", str(tmp_path)])
    assert result.exit_code == 2 and "--raw" in result.output


@pytest.mark.usefixtures("prefect_harness")
def test_export_acled_writes_acleds_columns_in_order_with_the_region_centre_filled(sample_raw, tmp_path):
    import pandas as pd

    from flows import pipeline
    from transforms.acled import ACLED_EXPORT_COLUMNS

    out = tmp_path / "out"
    pipeline.pipeline_flow(raw=str(sample_raw), out=str(out))
    # the convention the extractor moves to: a region-only event has no location; the export writes the
    # region's administrative centre there, as ACLED does
    part = next((out / "events" / "ds=2024-11-02").glob("*.parquet"))
    events = pd.read_parquet(part)
    events.loc[0, ["location", "admin1", "admin1_iso", "geo_precision"]] = [None, "Kharkiv", "UA-63", 3]
    events.to_parquet(part, index=False)
    csv = tmp_path / "acled.csv"
    result = runner.invoke(
        app, ["export", "--format", "acled", "--out", str(out), "--date", "2024-11-02", "--to", str(csv)]
    )
    assert result.exit_code == 0, result.output
    acled = pd.read_csv(csv)
    assert list(acled.columns) == list(ACLED_EXPORT_COLUMNS)
    assert list(acled.columns[:8]) == [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
        "sub_event_type", "actor1",
    ]  # fmt: skip
    assert len(acled) == len(events)
    row = acled[acled["event_id_cnty"].str.endswith(events.loc[0, "event_id"])].iloc[0]
    assert row["location"] == "Kharkiv" and row["geo_precision"] == 3
    assert set(acled["iso"]) <= {804, 643} and acled["year"].eq(2024).all()
    assert acled["interaction"].notna().all() and acled["disorder_type"].notna().all()
    bad = runner.invoke(app, ["export", "--format", "gdelt", "--out", str(out)])
    assert bad.exit_code == 2 and "acled" in bad.output


@pytest.mark.usefixtures("prefect_harness")
def test_run_reports_progress_lines_and_a_summary_that_fits_80_columns(sample_raw, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", "--raw", str(sample_raw), "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    # not a terminal: plain progress lines per date and stage
    assert any(line.startswith("2024-11-02 extract: 1/1 articles") for line in lines), result.output
    assert any(line.startswith("2024-11-02 done (1/1)") for line in lines)
    table = [line for line in lines if line.strip().startswith("2024-11-02") and "ok" in line]
    assert table and "…" not in table[0] and len(table[0]) <= 80
    assert any(line.startswith("total: 1 dates") and line.rstrip().endswith(" s") for line in lines)
    docs = out / "_gx" / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html"
    assert f"Data Docs:  {docs}" in result.output.replace("\n", "") and docs.is_file()
    assert "validation: passed" in result.output


def test_explain_shows_each_event_with_its_evidence_and_every_rejected_sentence_with_a_reason(tmp_path):
    day = tmp_path / "raw" / "2024-03-09"
    day.mkdir(parents=True)
    story = day / "story.txt"
    story.write_text(
        "Drones strike Uman\n"
        "UMAN, Ukraine (AP) — Russian drones struck Uman on Friday, killing two people.\n"
        "The city has been shelled since the start of the war.\n"
        "The mayor thanked the rescuers.\n",
        encoding="utf-8",
    )
    import json

    result = runner.invoke(app, ["explain", str(story), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output.strip().splitlines()[-1])
    (event,) = report["events"]
    assert (event["location"], event["fatalities"], event["event_date"]) == ("Uman", 2, "2024-03-08")
    assert event["decided_by"]["date"] == "Friday" and "struck" in event["decided_by"]["trigger"]
    outcomes = {s["index"]: (s["outcome"], s["reason"]) for s in report["sentences"]}
    assert outcomes[0][0] == "event"
    assert outcomes[1] == ("rejected", "background (before the news window, or since/ago/for months)")
    assert report["article"]["kind"] == "news"
    text = runner.invoke(app, ["explain", str(story)])
    assert text.exit_code == 0 and "event 0" in text.output and "rejected" in text.output
    assert "a news report" in text.output


def test_explain_of_an_unknown_target_is_one_line_and_exit_1(tmp_path):
    result = runner.invoke(app, ["explain", "0123456789abcdef", "--out", str(tmp_path)])
    assert result.exit_code == 1 and "error" in result.output and "Traceback" not in result.output

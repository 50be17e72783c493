"""Prefect-native runs against a real temporary Prefect server: runs named and tagged with their date,
table and markdown artifacts per date, a backfill that is one run per date, retries of transient I/O."""

import pytest
from typer.testing import CliRunner

from flows import pipeline, storage
from flows.cli import app

pytestmark = pytest.mark.usefixtures("prefect_harness")
runner = CliRunner()


def _add_dates(raw, *dates):
    for ds in dates:
        (raw / ds).mkdir()
        (raw / ds / "a.txt").write_text(
            f"ODESA, Ukraine (AP) — Russian drones struck Odesa on {ds}, injuring four people, officials said.\n"
        )


def _flow_runs(name_prefix):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterName

    with get_client(sync_client=True) as client:
        runs = client.read_flow_runs(flow_run_filter=FlowRunFilter(name=FlowRunFilterName(like_=name_prefix)))
        arts = {
            r.name: client.read_artifacts(flow_run_filter=FlowRunFilter(id={"any_": [r.id]})) for r in runs
        }
    return runs, arts


def test_a_local_backfill_of_three_dates_is_three_dated_runs_each_with_its_artifacts(sample_raw, tmp_path):
    _add_dates(sample_raw, "2030-01-02", "2030-01-03")
    _add_dates(sample_raw, "2030-01-01")
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        ["backfill", "--start", "2030-01-01", "--end", "2030-01-03", "--raw", str(sample_raw),
         "--out", str(out), "--json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    runs, arts = _flow_runs("daily-2030-01-0")
    assert sorted(r.name for r in runs) == ["daily-2030-01-01", "daily-2030-01-02", "daily-2030-01-03"]
    for r in runs:
        ds = r.name.removeprefix("daily-")
        assert r.parameters["ds"] == ds and f"ds:{ds}" in r.tags
        assert r.state_type.value == "COMPLETED"
        kinds = {a.type: a for a in arts[r.name]}
        assert {"table", "markdown"} <= set(kinds), arts[r.name]
        assert kinds["markdown"].key == f"dateline-{ds}-summary"
        assert ds in kinds["markdown"].data and "validation" in kinds["markdown"].data
        assert '"item": "events"' in kinds["table"].data and '"section": "seconds"' in kinds["table"].data


def test_a_backfill_with_the_daily_deployment_served_creates_one_deployment_run_per_date(tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterId

    from flows.deployments import build

    deployment_id = build(str(tmp_path / "raw"), str(tmp_path / "out"), cron=None, interval=None).apply()
    try:
        result = runner.invoke(
            app,
            [
                "backfill",
                "--start",
                "2031-05-01",
                "--end",
                "2031-05-03",
                "--out",
                str(tmp_path / "out"),
                "--json",
            ],
        )
        assert result.exit_code == 0, result.output
        with get_client(sync_client=True) as client:
            runs = client.read_flow_runs(
                deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment_id]))
            )
    finally:  # the server is shared by the session: other tests must not see the deployment
        with get_client(sync_client=True) as client:
            client.delete_deployment(deployment_id)
    assert sorted(r.parameters["ds"] for r in runs) == ["2031-05-01", "2031-05-02", "2031-05-03"]
    assert all(r.name == f"daily-{r.parameters['ds']}" and f"ds:{r.parameters['ds']}" in r.tags for r in runs)


def test_a_transient_storage_error_is_retried(sample_raw, tmp_path, monkeypatch):
    real = storage.index_raw
    calls = []

    def flaky(raw):
        calls.append(1)
        if len(calls) == 1:
            raise ConnectionResetError("connection reset by the object store")
        return real(raw)

    monkeypatch.setattr(storage, "index_raw", flaky)
    [summary] = pipeline.pipeline_flow(raw=str(sample_raw), out=str(tmp_path / "out"))
    assert len(calls) == 2 and summary["events"] >= 9


def test_an_error_that_names_a_fix_is_not_retried(tmp_path):
    from prefect.states import Failed

    assert not pipeline.transient_storage_error(None, None, Failed(data=FileNotFoundError("no such dir")))
    assert pipeline.transient_storage_error(None, None, Failed(data=TimeoutError("read timed out")))

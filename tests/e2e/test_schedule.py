"""A scheduled deployment fires against a real `prefect server` process on loopback."""

import datetime as dt
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pandas as pd
import pytest

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, body: dict | None = None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read())


def _wait(predicate, timeout: float, what: str, procs=()):
    deadline = time.time() + timeout
    while time.time() < deadline:
        for p in procs:
            if p.poll() is not None:
                raise AssertionError(f"{what}: process exited early with {p.returncode}")
        try:
            if predicate():
                return
        except OSError:
            pass
        time.sleep(1)
    raise AssertionError(f"timed out waiting for {what}")


def test_the_daily_deployment_runs_on_schedule_for_its_logical_date(tmp_path):
    ds = (dt.datetime.now(dt.UTC) - dt.timedelta(days=1)).date().isoformat()
    raw = tmp_path / "raw" / ds
    raw.mkdir(parents=True)
    (raw / "a.txt").write_text(
        "KHARKIV, Ukraine (AP) — Russian missiles struck Kharkiv on Monday, killing three civilians, officials said.\n"
    )
    out = tmp_path / "curated"
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(
        DO_NOT_TRACK="1",
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_HOME=str(tmp_path / "prefect-home"),
        PREFECT_SERVER_SERVICES_SCHEDULER_RECENT_DEPLOYMENTS_LOOP_SECONDS="2",
        PREFECT_LOGGING_LEVEL="WARNING",
    )
    prefect = Path(sys.executable).parent / "prefect"
    logs = tmp_path / "server.log"
    with logs.open("w") as log:
        server = subprocess.Popen(
            [str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=log,
            stderr=log,
        )
    serve = None
    try:
        _wait(lambda: _get(f"{api}/health") is True, 240, "the Prefect server", [server])
        senv = dict(env, PREFECT_API_URL=api, PREFECT_RUNNER_POLL_FREQUENCY="2")
        with (tmp_path / "serve.log").open("w") as log:
            serve = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "flows.cli",
                    "serve",
                    "--raw",
                    str(tmp_path / "raw"),
                    "--out",
                    str(out),
                    "--cron",
                    "* * * * *",
                ],
                env=senv,
                stdout=log,
                stderr=log,
                cwd=Path(__file__).resolve().parents[2],
            )

        def completed():
            runs = _get(f"{api}/flow_runs/filter", {})
            return any(r["deployment_id"] and r["state_type"] == "COMPLETED" for r in runs)

        _wait(completed, 300, "a scheduled flow run to complete", [server, serve])
        events = pd.read_parquet(out / "events")
        assert set(events["ds"].astype(str)) == {ds}
        assert events["fatalities"].tolist() == [3]
        runs = _get(f"{api}/flow_runs/filter", {})
        scheduled = [r for r in runs if r["deployment_id"]]
        assert scheduled[0]["parameters"]["lag_days"] == 1
    finally:
        for p in (serve, server):
            if p is not None:
                p.terminate()
                try:
                    p.wait(30)
                except subprocess.TimeoutExpired:
                    p.kill()

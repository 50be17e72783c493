"""The same flow on a real Dask cluster (2 worker processes) writing to an S3-compatible server (moto) on
loopback: the result must equal the local run's row for row."""

import os
import socket

import pandas as pd
import pytest

from flows import pipeline

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_harness")]
TABLES = ("articles", "events", "mentions", "entities", "quarantine")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def s3():
    """One S3 server for the module (s3fs caches its filesystem per process, endpoint included)."""
    from moto.server import ThreadedMotoServer

    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    with pytest.MonkeyPatch.context() as mp:
        for k, v in {
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_ENDPOINT_URL": endpoint,
            "FSSPEC_S3_ENDPOINT_URL": endpoint,
        }.items():
            mp.setenv(k, v)
        import boto3

        boto3.client("s3", endpoint_url=endpoint).create_bucket(Bucket="dateline")
        yield {"client_kwargs": {"endpoint_url": endpoint}, "key": "testing", "secret": "testing"}
    server.stop()


@pytest.fixture(scope="module")
def cluster(s3):
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as c:
        yield c


def _sorted(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["ds"] = df["ds"].astype(str)
    cols = list(df.columns)
    return df.sort_values(cols[:3]).reset_index(drop=True)


def test_dask_cluster_and_s3_output_equal_the_local_run(sample_raw, tmp_path, s3, cluster):
    from prefect_dask import DaskTaskRunner

    local = tmp_path / "local"
    pipeline.pipeline_flow(raw=str(sample_raw), out=str(local))
    remote = "s3://dateline/curated"
    on_dask = pipeline.pipeline_flow.with_options(
        task_runner=DaskTaskRunner(address=cluster.scheduler_address)
    )
    [summary] = on_dask(raw=str(sample_raw), out=remote)
    assert summary["identity_holds"] and summary["events"] >= 9
    workers = cluster.scheduler_info["workers"]
    assert len(workers) == 2
    for t in TABLES:
        a = pd.read_parquet(local / t)
        b = pd.read_parquet(f"{remote}/{t}", storage_options=s3)
        pd.testing.assert_frame_equal(_sorted(a), _sorted(b), check_categorical=False)
    assert os.environ["AWS_ENDPOINT_URL"].startswith("http://127.0.0.1")


def test_the_daily_deployment_option_runs_a_date_on_the_dask_cluster(sample_raw, tmp_path, s3, cluster):
    """`dateline serve --dask-address` / prefect.yaml `dask_address`: the daily flow runs its date as a
    subflow on the cluster, with the same rows as a local run."""
    local = tmp_path / "local"
    pipeline.daily_flow(raw=str(sample_raw), out=str(local), ds="2024-11-02")
    from distributed import Client

    remote = "s3://dateline/daily"
    with Client(cluster) as client:
        before = client.run_on_scheduler(lambda dask_scheduler: dask_scheduler.transition_counter)
        [summary] = pipeline.daily_flow(
            raw=str(sample_raw), out=remote, ds="2024-11-02", dask_address=cluster.scheduler_address
        )
        after = client.run_on_scheduler(lambda dask_scheduler: dask_scheduler.transition_counter)
    assert summary["identity_holds"] and after > before  # the tasks went through the cluster
    for t in ("events", "mentions"):
        a = pd.read_parquet(local / t)
        b = pd.read_parquet(f"{remote}/{t}", storage_options=s3)
        pd.testing.assert_frame_equal(_sorted(a), _sorted(b), check_categorical=False)

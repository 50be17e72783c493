"""Deployments of the daily flow, served from this process (``dateline serve``); prefect.yaml has the same."""

from __future__ import annotations

from prefect import serve

from flows.pipeline import daily_flow


def build(
    raw: str,
    out: str,
    cron: str | None = "0 2 * * *",
    interval: int | None = None,
    lag_days: int = 1,
    workers: int = 1,
    dask_address: str | None = None,
    no_data_retries: int = 6,
    no_data_retry_seconds: int = 3600,
):
    """The daily deployment: processes the logical date (scheduled time minus ``lag_days``), on local
    processes (``workers``) or an existing Dask cluster (``dask_address``)."""
    params = {
        "raw": raw,
        "out": out,
        "lag_days": lag_days,
        "workers": workers,
        "no_data_retries": no_data_retries,
        "no_data_retry_seconds": no_data_retry_seconds,
    }
    if dask_address:
        params["dask_address"] = dask_address
    return daily_flow.to_deployment(
        name="daily",
        cron=cron if interval is None else None,
        interval=interval,
        parameters=params,
        description="Daily dateline run over the logical date (Airflow-style): ingest → extract → validate → publish.",
        tags=["dateline"],
    )


def serve_all(raw: str, out: str, **options) -> None:
    """Serve the daily deployment (``options`` as for ``build``) from this process."""
    serve(build(raw, out, **options))

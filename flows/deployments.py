"""Deployments of the daily flow, served from this process (``dateline serve``); prefect.yaml has the same."""

from __future__ import annotations

from prefect import serve

from flows.pipeline import daily_flow


def build(raw: str, out: str, cron: str | None = "0 2 * * *", interval: int | None = None, lag_days: int = 1):
    """The daily deployment: processes the logical date (scheduled time minus ``lag_days``)."""
    return daily_flow.to_deployment(
        name="daily",
        cron=cron if interval is None else None,
        interval=interval,
        parameters={"raw": raw, "out": out, "lag_days": lag_days},
        description="Daily dateline run over the logical date (Airflow-style): ingest → extract → validate → publish.",
        tags=["dateline"],
    )


def serve_all(
    raw: str, out: str, cron: str | None = "0 2 * * *", interval: int | None = None, lag_days: int = 1
) -> None:
    serve(build(raw, out, cron, interval, lag_days))

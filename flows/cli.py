"""The ``dateline`` command line (typer). Heavy libraries are imported inside the commands that need them."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

import typer  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

app = typer.Typer(
    help="dateline: raw news wire text → analyst-ready ACLED-style conflict-event tables.",
    no_args_is_help=True,
)
flow_app = typer.Typer(
    help="Run one stage flow alone (reads and writes its inputs/outputs through storage).",
    no_args_is_help=True,
)
names_app = typer.Typer(help="Name resolution tools.", no_args_is_help=True)
app.add_typer(flow_app, name="flow")
app.add_typer(names_app, name="names")
console = Console(stderr=True)
out_console = Console(width=None if sys.stdout.isatty() else 80)

RawOpt = Annotated[str, typer.Option("--raw", help="Raw input dir or fsspec URL.")]
OutOpt = Annotated[str, typer.Option("--out", help="Output dir or fsspec URL (s3://, memory://, file://).")]
DateOpt = Annotated[str, typer.Option("--date", help="Date YYYY-MM-DD.")]
DaskOpt = Annotated[str | None, typer.Option(help="Run tasks on an existing Dask cluster (tcp://host:port).")]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="Show Prefect logs.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON line per date instead of the table.")]
WorkersOpt = Annotated[
    int | None,
    typer.Option(
        help="Processes for ingest, extraction and validation on this machine (default: its cores; a small "
        "date runs in-process whatever the number)."
    ),
]
ForceOpt = Annotated[
    bool,
    typer.Option(
        "--force", help="Re-do dates whose raw input and extractor are unchanged since their last publish."
    ),
]


def _check_date(value: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None


def _fail(message: str, code: int = 1) -> None:
    console.print(f"[bold red]error:[/] {message}", soft_wrap=True)
    raise typer.Exit(code)


def _known_errors():
    from flows.pipeline import NoRawDataError
    from flows.storage import LockedError, StorageError
    from flows.validate import SchemaValidationError
    from transforms.schema import SchemaError

    return (LockedError, StorageError, SchemaValidationError, SchemaError, FileNotFoundError, NoRawDataError)


SERVER_START_TIMEOUT_S = "180"


@contextmanager
def _reported_errors():
    """Known errors of a flow run → a one-line message and exit code 1, without a traceback."""
    try:
        yield
    except _known_errors() as exc:
        _fail(str(exc))
    except RuntimeError as exc:
        if "ephemeral Prefect API server" not in str(exc):
            raise
        timeout = os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", SERVER_START_TIMEOUT_S)
        _fail(
            f"the temporary Prefect server did not start within {timeout} s. Start one with\n"
            "  prefect server start   (then: export PREFECT_API_URL=http://127.0.0.1:4200/api)\n"
            "or allow it longer with PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS, and run again."
        )


def _quiet_prefect(verbose: bool) -> None:
    """Prefect logs at WARNING unless --verbose; known errors are reported by the CLI, without tracebacks.
    The temporary Prefect server gets 180 s to start instead of Prefect's 20: its first start on a machine
    creates and migrates its database, which took 10-25 s on a 2-core machine under load."""
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", SERVER_START_TIMEOUT_S)
    if not verbose:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
        os.environ.setdefault("PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW", "ignore")
    import logging

    import prefect  # noqa: F401  (configures Prefect's logging first)

    known = _known_errors()

    class _NoTraceback(logging.Filter):
        def filter(self, record: logging.LogRecord) -> bool:
            if record.exc_info and isinstance(record.exc_info[1], known):
                record.exc_info, record.exc_text = None, None
            return True

    for name in (
        "prefect",
        "prefect.flow_runs",
        "prefect.task_runs",
        "prefect.flow_engine",
        "prefect.task_engine",
    ):
        logging.getLogger(name).addFilter(_NoTraceback())


def _task_runner(dask_address: str | None):
    if dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask_address)
    return None


class _Progress:
    """Progress of a run per date and stage: a rich display (dates, then the stage's files or articles done /
    total, rate, ETA) on a terminal; one plain log line per step on stderr otherwise."""

    def __init__(self) -> None:
        self.live = console.is_terminal
        self.dates_total, self.dates_done = 0, 0
        self.t0 = self.stage_t0 = time.perf_counter()
        self.progress = None
        if self.live:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self.progress = Progress(
                TextColumn("{task.description}"),
                BarColumn(bar_width=24),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                TimeElapsedColumn(),
                console=console,
                transient=True,
            )
            self.dates = self.progress.add_task("dates", total=None, rate="")
            self.stage = self.progress.add_task("starting Prefect…", total=None, rate="")

    def __enter__(self):
        if self.progress is not None:
            self.progress.start()
        return self

    def __exit__(self, *exc) -> None:
        if self.progress is not None:
            self.progress.stop()

    def __call__(self, e: dict) -> None:
        kind = e["kind"]
        if kind == "dates":
            self.dates_total = e["total"]
            if self.progress is not None:
                self.progress.update(self.dates, total=e["total"], completed=0)
        elif kind == "stage":
            self.stage_t0 = time.perf_counter()
            self.unit = e.get("unit", "")
            if self.progress is not None:
                self.progress.update(
                    self.stage,
                    description=f"{e['ds']} {e['stage']:<7}",
                    total=max(e["total"], 1),
                    completed=0,
                    rate="",
                )
                self.progress.reset(self.stage, total=max(e["total"], 1))
            else:
                console.print(
                    f"{e['ds']} {e['stage']}: {e['total']} {self.unit}", soft_wrap=True, highlight=False
                )
        elif kind == "advance":
            took = max(time.perf_counter() - self.stage_t0, 1e-6)
            rate = e["done"] / took
            left = (e["total"] - e["done"]) / rate if rate else 0
            if self.progress is not None:
                self.progress.update(self.stage, completed=e["done"], rate=f"{rate:,.0f} {self.unit}/s")
            else:
                console.print(
                    f"{e['ds']} {e['stage']}: {e['done']}/{e['total']} {self.unit} ({rate:,.0f}/s, ETA {left:.0f} s)",
                    soft_wrap=True,
                    highlight=False,
                )
        elif kind in ("date_done", "skipped"):
            self.dates_done += 1
            what = (
                "unchanged, skipped"
                if kind == "skipped"
                else f"{e['articles']} articles, {e['events']} events"
            )
            if self.progress is not None:
                self.progress.update(self.dates, completed=self.dates_done)
            else:
                console.print(
                    f"{e['ds']} done ({self.dates_done}/{self.dates_total}): {what}"
                    + (f" in {e['seconds']:.1f} s" if "seconds" in e else ""),
                    soft_wrap=True,
                    highlight=False,
                )


def _print_summary(summaries: list[dict], out: str, total_s: float | None = None) -> None:
    """A run's report: the table of its dates, notes per date, the totals and where the output is."""
    out_console.print(_summary_table(summaries))
    out_console.print("ok: raw records = published articles + duplicates + quarantined (raw, articles)")
    _print_date_notes(summaries)
    done = [s for s in summaries if not s.get("skipped") and s.get("paths")]
    if total_s is not None:
        skipped = sum(1 for s in summaries if s.get("skipped"))
        out_console.print(
            f"total: {len(summaries)} dates ({skipped} unchanged, skipped), "
            f"{sum(s['articles'] for s in done)} articles, {sum(s['events'] for s in done)} events in {total_s:.1f} s",
            highlight=False,
        )
    if done:
        _print_outputs(done, out)


def _summary_table(summaries: list[dict]) -> Table:
    """The run's table: one row per date (rows per table, quarantined rows, the record identity, seconds)."""
    table = Table(title="dateline run", box=None, padding=(0, 1), header_style="bold underline")
    # (header, summary key): short headers so that ten columns fit 80 columns with a full date
    cols = [("date", "ds"), ("raw", "raw_records"), ("articles", "articles"), ("dups", "duplicates"),
            ("events", "events"), ("ments", "mentions"), ("ents", "entities"), ("quar", None), ("ok", None),
            ("s", "seconds")]  # fmt: skip
    for header, _ in cols:
        table.add_column(header, justify="left" if header == "date" else "right", no_wrap=True,
                         min_width=10 if header == "date" else None)  # fmt: skip
    for s in summaries:
        if s.get("status", "published") != "published":  # no raw data: nothing published for the date
            table.add_row(s["ds"], "0", *["-"] * 6, f"[yellow]{s['status']}[/]", f"{s['seconds']:.1f}")
            continue
        q = sum(s["quarantined"].values())
        ok = "[green]ok[/]" if s["identity_holds"] else "[red]NO[/]"
        if s.get("skipped"):
            table.add_row(s["ds"], *(["-"] * 6), "-", "[dim]same[/]", "0.0")
            continue
        table.add_row(
            s["ds"], str(s["raw_records"]), str(s["articles"]), str(s["duplicates"]), str(s["events"]),
            str(s["mentions"]), str(s["entities"]), str(q), ok, f"{s['seconds']:.1f}",
        )  # fmt: skip
    return table


def _print_date_notes(summaries: list[dict]) -> None:
    """Below the table, per date: its quarantined rows by table, and its articles already published under
    another date (the first five)."""
    for s in summaries:
        if s.get("quarantined"):
            detail = ", ".join(f"{k} {v}" for k, v in sorted(s["quarantined"].items()))
            out_console.print(f"quarantined {s['ds']}: {detail}", highlight=False)
        dup = s.get("already_published") or {}
        if dup:
            named = ", ".join(f"{a} ({d})" for a, d in list(dup.items())[:5]) + (" …" if len(dup) > 5 else "")
            out_console.print(f"{s['ds']}: {len(dup)} already published under another date (dups): {named}")


def _print_outputs(done: list[dict], out: str) -> None:
    """The validation verdict of the dates published, and where the last one's results, Data Docs and tables
    are."""
    failed = [s["ds"] for s in done if s.get("validation_success") is False]
    verdict = "[green]passed[/]" if not failed else f"[red]failed for {', '.join(failed)}[/]"
    out_console.print(f"validation: {verdict}; results: {done[-1].get('validation')}", soft_wrap=True)
    if done[-1].get("data_docs"):
        out_console.print(f"Data Docs:  {done[-1]['data_docs']}", soft_wrap=True, highlight=False)
    paths = done[-1]["paths"]
    for name in ("articles", "events", "mentions", "entities", "quarantine"):
        if name in paths:
            out_console.print(f"  {name:<11} {paths[name]}", soft_wrap=True, highlight=False)
    out_console.print(
        f'  read with: pandas.read_parquet("{paths.get("events", out + "/events")}")', soft_wrap=True
    )


@app.command()
def run(
    raw: RawOpt = "data/raw",
    out: OutOpt = "data/curated",
    date: Annotated[list[str] | None, typer.Option("--date", help="Only these dates (repeatable).")] = None,
    dask_address: DaskOpt = None,
    workers: WorkersOpt = None,
    verbose: VerboseOpt = False,
    as_json: JsonOpt = False,
    force: ForceOpt = False,
    keep_validations: Annotated[
        int | None,
        typer.Option(
            help="GX results kept per date in OUT/_validation (default 20, or $DATELINE_KEEP_VALIDATIONS).",
            min=1,
        ),
    ] = None,
) -> None:
    """Run the whole pipeline for every date found in the raw dir, or the dates given. A date whose raw input
    and extractor are unchanged since its last publish is skipped (--force re-does it). A date with no raw
    records publishes nothing and keeps what is published (exit code 1); `dateline delete` empties a date."""
    dates = [_check_date(d) for d in date] if date else None
    if keep_validations is not None:
        os.environ["DATELINE_KEEP_VALIDATIONS"] = str(keep_validations)
    _quiet_prefect(verbose)
    _check_paths(raw, out)
    t0 = time.perf_counter()
    summaries = run_pipeline(raw, out, dates, dask_address, workers, force)
    _report(summaries, out, as_json, time.perf_counter() - t0, raw)


def default_workers() -> int:
    """The machine's cores (what `--workers` defaults to)."""
    return os.cpu_count() or 1


def _fail_on_missing_dates(summaries: list[dict], raw: str) -> None:
    from flows.pipeline import NO_RAW_DATA

    missing = [s["ds"] for s in summaries if s.get("status") == NO_RAW_DATA]
    if missing:
        _fail(
            f"no raw data for {', '.join(missing)} in {raw}: nothing published for "
            f"{'it' if len(missing) == 1 else 'them'}, the published partitions are kept; check --raw and "
            "--date, or run again when the data arrives (`dateline delete --date D` empties a date)"
        )


def _check_paths(raw: str | None, out: str) -> None:
    """--raw, --out and PREFECT_API_URL are checked before any Prefect server starts: one line, exit 1."""
    from flows import storage

    try:
        if raw is not None:
            storage.check_raw(storage.root(raw))
        storage.check_out(storage.root(out))
    except (storage.StorageError, ValueError, ImportError, OSError) as exc:
        _fail(str(exc))
    _check_api()


def _check_api() -> None:
    """A configured PREFECT_API_URL must answer before a run is handed to it."""
    import urllib.error
    import urllib.request

    from prefect.settings import PREFECT_API_URL

    url = PREFECT_API_URL.value()
    if not url:
        return
    try:
        with urllib.request.urlopen(url.rstrip("/") + "/health", timeout=10):
            pass
    except urllib.error.HTTPError:
        return  # it answers (a cloud workspace may want credentials for /health)
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        _fail(
            f"PREFECT_API_URL={url} does not answer ({reason}); start that server (prefect server start) "
            "or unset PREFECT_API_URL to run on a temporary one"
        )


def run_pipeline(
    raw: str,
    out: str,
    dates: list[str] | None,
    dask_address: str | None = None,
    workers: int | None = None,
    force: bool = False,
) -> list[dict]:
    from flows import pipeline

    f = pipeline.pipeline_flow
    runner = _task_runner(dask_address)
    if runner is not None:
        f = pipeline.pipeline_flow.with_options(task_runner=runner)
    with _Progress() as progress, _reported_errors():
        pipeline.set_progress(progress)
        try:
            pipeline.prepare_run(nlp_here=not dask_address)
            n = 1 if dask_address else (workers or default_workers())
            return f(raw=raw, out=out, dates=dates, workers=n, force=force)
        finally:
            pipeline.set_progress(None)
    return []


DAILY_DEPLOYMENT = "dateline-daily/daily"


@app.command()
def backfill(
    start: Annotated[str, typer.Option(help="First date YYYY-MM-DD.")],
    end: Annotated[str, typer.Option(help="Last date YYYY-MM-DD (inclusive).")],
    raw: RawOpt = "data/raw",
    out: OutOpt = "data/curated",
    dask_address: DaskOpt = None,
    workers: WorkersOpt = None,
    verbose: VerboseOpt = False,
    as_json: JsonOpt = False,
    force: ForceOpt = False,
) -> None:
    """One run of the daily flow per date from START to END (each date replaces its partitions). With a
    Prefect server (PREFECT_API_URL) serving the daily deployment, each date is a run of that deployment
    (created now, executed by `dateline serve`); otherwise each date is a local flow run, one after another."""
    a, b = dt.date.fromisoformat(_check_date(start)), dt.date.fromisoformat(_check_date(end))
    if b < a:
        _fail("--end is before --start", 2)
    dates = [(a + dt.timedelta(days=i)).isoformat() for i in range((b - a).days + 1)]
    _quiet_prefect(verbose)
    _check_paths(raw, out)
    params = {"raw": raw, "out": out, "workers": 1 if dask_address else (workers or default_workers())}
    if force:
        params["force"] = True
    if dask_address:
        params["dask_address"] = dask_address
    if _daily_deployment_served():
        _backfill_deployment(dates, params, as_json)
        return
    from dataclasses import asdict

    from flows import pipeline
    from flows.pipeline import NO_RAW_DATA, DateSummary, NoRawDataError, daily_flow, prepare_run

    summaries: list[dict] = []
    t0 = time.perf_counter()
    with _Progress() as progress, _reported_errors():
        pipeline.set_progress(progress)
        try:
            prepare_run(nlp_here=not dask_address)
            for ds in dates:
                try:  # locally a date without raw data is reported at the end, not waited for
                    summaries += daily_flow(ds=ds, **params, no_data_retries=0)
                except NoRawDataError:
                    summaries.append(
                        asdict(DateSummary(ds=ds, status=NO_RAW_DATA)) | {"identity_holds": True}
                    )
        finally:
            pipeline.set_progress(None)
    _report(summaries, out, as_json, time.perf_counter() - t0, raw)


def _daily_deployment_served() -> bool:
    """True when a Prefect server is configured and knows the daily deployment."""
    from prefect.settings import PREFECT_API_URL

    if not PREFECT_API_URL.value():
        return False
    from prefect.client.orchestration import get_client
    from prefect.exceptions import ObjectNotFound

    try:
        with get_client(sync_client=True) as client:
            deployment = client.read_deployment_by_name(DAILY_DEPLOYMENT)
    except ObjectNotFound:
        return False
    if str(getattr(deployment, "status", "")).upper().endswith("NOT_READY"):
        console.print(
            f"note: {DAILY_DEPLOYMENT} is not served right now; its runs wait for `dateline serve`",
            soft_wrap=True,
        )
    return True


def _backfill_deployment(dates: list[str], params: dict, as_json: bool) -> None:
    """One flow run of the daily deployment per date, named and tagged with its date."""
    import json

    from prefect.deployments import run_deployment

    rows = []
    for ds in dates:
        fr = run_deployment(
            DAILY_DEPLOYMENT,
            parameters={**params, "ds": ds},
            flow_run_name=f"daily-{ds}",
            tags=["dateline", "backfill", f"ds:{ds}"],
            timeout=0,
            as_subflow=False,
        )
        rows.append({"ds": ds, "flow_run_id": str(fr.id), "flow_run_name": fr.name, "state": fr.state_name})
    if as_json:
        for r in rows:
            sys.stdout.write(json.dumps(r) + "\n")
        return
    table = Table(title=f"backfill: {len(rows)} runs of {DAILY_DEPLOYMENT}")
    for col in ("date", "flow run", "state"):
        table.add_column(col)
    for r in rows:
        table.add_row(r["ds"], f"{r['flow_run_name']} ({r['flow_run_id'][:8]})", r["state"] or "")
    out_console.print(table)
    out_console.print(
        "the runs execute where the deployment is served (`dateline serve`); follow them in the UI"
    )


def _report(
    summaries: list[dict], out: str, as_json: bool, total_s: float | None = None, raw: str | None = None
) -> None:
    if as_json:
        import json

        for s in summaries:
            sys.stdout.write(json.dumps(s, default=str) + "\n")
    else:
        _print_summary(summaries, out, total_s)
    if raw is not None:
        _fail_on_missing_dates(summaries, raw)
    if not all(s["identity_holds"] for s in summaries):
        _fail("the record identity does not hold for some dates (see table)")


@app.command()
def delete(
    date: DateOpt,
    out: OutOpt = "data/curated",
) -> None:
    """Remove DATE's partition of every published table (under the date's lock). Nothing else empties a date:
    a run without raw data for it keeps what is published."""
    from flows import storage

    ds = _check_date(date)
    root = storage.root(out)
    if not root.fs.isdir(root.path):
        _fail(f"--out {out} is not a directory of published tables; check the path")
    try:
        with storage.date_lock(root, ds, owner="delete"):
            removed = storage.delete_date(root, ds)
    except (storage.LockedError, storage.StorageError, OSError) as exc:
        _fail(str(exc))
    if not removed:
        _fail(f"nothing is published for {ds} in {out}")
    out_console.print(f"deleted {ds} from {', '.join(removed)} in {out}")


@app.command()
def serve(
    raw: RawOpt = "data/raw",
    out: OutOpt = "data/curated",
    cron: Annotated[str, typer.Option(help="Cron schedule of the daily deployment (UTC).")] = "0 2 * * *",
    every: Annotated[int | None, typer.Option(help="Instead of cron: run every N seconds.")] = None,
    lag_days: Annotated[int, typer.Option(help="Logical date = scheduled time minus this many days.")] = 1,
    workers: WorkersOpt = None,
    dask_address: Annotated[
        str | None,
        typer.Option(help="Run each scheduled date on an existing Dask cluster (tcp://host:port)."),
    ] = None,
    no_data_retries: Annotated[
        int, typer.Option(help="When the date's raw data is not there yet: check again this many times.")
    ] = 6,
    no_data_retry_every: Annotated[
        int, typer.Option(help="Seconds between those checks (default one hour).")
    ] = 3600,
) -> None:
    """Serve the deployments with their schedules against a running Prefect server."""
    _check_serve_options(cron, every, no_data_retries, no_data_retry_every)
    _require_api_url()
    _check_paths(None, out)
    from flows.deployments import serve_all

    serve_all(
        raw=raw,
        out=out,
        cron=None if every else cron,
        interval=every,
        lag_days=lag_days,
        workers=workers or default_workers(),
        dask_address=dask_address,
        no_data_retries=no_data_retries,
        no_data_retry_seconds=no_data_retry_every,
    )


def _check_serve_options(
    cron: str, every: int | None, no_data_retries: int, no_data_retry_every: int
) -> None:
    """``serve``'s schedule and retry options: a positive --every, else a cron expression; no negative
    retries. A bad one: a one-line message, exit code 2."""
    if every is not None and every <= 0:
        _fail(f"--every {every}: the interval must be a positive number of seconds", 2)
    if no_data_retries < 0 or no_data_retry_every < 0:
        _fail("--no-data-retries and --no-data-retry-every must not be negative", 2)
    if every is None:
        from prefect.client.schemas.schedules import CronSchedule

        try:
            CronSchedule(cron=cron)
        except ValueError:
            _fail(
                f'--cron "{cron}" is not a cron expression; use five fields, e.g. "0 2 * * *" (02:00 UTC)', 2
            )


def _require_api_url() -> None:
    """``serve`` needs a running Prefect server: without PREFECT_API_URL, say how to start one (exit 1)."""
    from prefect.settings import PREFECT_API_URL

    if not PREFECT_API_URL.value():
        _fail(
            "no Prefect server configured. Start one with `prefect server start` (embedded SQLite) and\n"
            "  export PREFECT_API_URL=http://127.0.0.1:4200/api\nthen run `dateline serve` again."
        )


@flow_app.command("ingest")
def flow_ingest(date: DateOpt, raw: RawOpt = "data/raw", out: OutOpt = "data/curated") -> None:
    """Raw files of DATE → staged articles (+ quarantine) under OUT/_work."""
    ds = _check_date(date)
    _quiet_prefect(False)
    _check_paths(raw, out)
    _run_stage("ingest", ds, raw=raw, out=out)


@flow_app.command("extract")
def flow_extract(date: DateOpt, out: OutOpt = "data/curated") -> None:
    """Staged articles of DATE → staged events, mentions and entities."""
    _run_stage("extract", _check_date(date), out=out)


@flow_app.command("publish")
def flow_publish(date: DateOpt, out: OutOpt = "data/curated") -> None:
    """Validate the staged tables of DATE with GX and publish them to OUT."""
    _run_stage("publish", _check_date(date), out=out)


def _run_stage(stage: str, ds: str, **kw) -> None:
    _quiet_prefect(False)
    from flows import pipeline

    f = {"ingest": pipeline.ingest_flow, "extract": pipeline.extract_flow, "publish": pipeline.publish_flow}[
        stage
    ]
    with console.status(f"running stage {stage} for {ds}…"), _reported_errors():
        result = f(ds=ds, **kw)
    out_console.print_json(data=result)


@names_app.command("resolve")
def names_resolve(
    file: Annotated[str, typer.Argument(help="File with one name per line, or - for standard input.")] = "-",
) -> None:
    """Resolve names → TSV: name, entity_id, canonical_name, entity_type, method, score."""
    if file != "-" and not Path(file).is_file():
        what = "is a directory" if Path(file).is_dir() else "does not exist"
        _fail(f"{file} {what}; give a file with one name per line, or - to read standard input")
    from transforms.names.resolve import resolve_name

    fh = sys.stdin if file == "-" else open(file, encoding="utf-8")  # noqa: SIM115
    w = sys.stdout.write
    w("name\tentity_id\tcanonical_name\tentity_type\tmethod\tscore\n")
    try:
        for line in fh:
            name = line.rstrip("\n\r")
            r = resolve_name(name)
            w(f"{name}\t{r.entity_id}\t{r.canonical_name}\t{r.entity_type}\t{r.method}\t{r.score:.2f}\n")
    finally:
        if fh is not sys.stdin:
            fh.close()


@names_app.command("suggest")
def names_suggest(
    out: OutOpt = "data/curated",
    limit: Annotated[int, typer.Option(help="How many to list.")] = 50,
) -> None:
    """Provisional entities seen in the published data, most mentioned first, with their variants."""
    import pandas as pd

    path = Path(out) / "entities"
    if not path.exists():
        _fail(f"{path} does not exist; run `dateline run` first")
    df = pd.read_parquet(path)
    prov = df[df["provisional"]]
    if prov.empty:
        out_console.print("no provisional entities")
        return
    agg = prov.groupby("entity_id").agg(
        canonical_name=("canonical_name", "first"), n=("n_mentions", "sum"), variants=("variants", "|".join)
    )
    agg["variants"] = agg["variants"].map(lambda v: "|".join(dict.fromkeys(v.split("|"))))
    sys.stdout.write("entity_id\tcanonical_name\tn_mentions\tvariants\n")
    for eid, r in agg.sort_values("n", ascending=False).head(limit).iterrows():
        sys.stdout.write(f"{eid}\t{r['canonical_name']}\t{r['n']}\t{r['variants']}\n")


@app.command("eval")
def eval_(
    gold: Annotated[
        Path | None,
        typer.Option(help="Gold CSV: ACLED export rows, or tiered article-level gold with --events."),
    ] = None,
    gold_dir: Annotated[
        str | None,
        typer.Option(
            "--gold-dir", help="Article corpus gold: one <story>.csv per story (tier 1 and 2 rows)."
        ),
    ] = None,
    raw: Annotated[
        str | None,
        typer.Option(
            "--raw", help="With --gold-dir: the corpus' raw stories, extracted as the pipeline does."
        ),
    ] = None,
    events: Annotated[
        str | None, typer.Option(help="Score this published events dir instead of extracting from notes.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
    limit: Annotated[int | None, typer.Option(help="Only the first N gold rows.")] = None,
    by: Annotated[
        str | None, typer.Option(help="Also report the figures for each value of this gold column.")
    ] = None,
    rows: Annotated[
        Path | None,
        typer.Option(
            help="Write one CSV line per gold note: gold and predicted fields, and which were right."
        ),
    ] = None,
) -> None:
    """Score extraction against human-coded gold (per-field accuracy, per-sub-type precision/recall), or
    against an article corpus (--gold-dir with --raw or --events: tier-1 recall, precision, F1)."""
    import json

    if gold_dir is not None:
        _eval_corpus(gold_dir, raw, events, rows, as_json)
        return
    if gold is None:
        _fail(
            "give --gold FILE (ACLED rows or tiered gold) or --gold-dir DIR with --raw DIR or --events DIR", 2
        )
    report = _score_gold(gold, events, limit, by, rows)
    if as_json:
        sys.stdout.write(json.dumps(report) + "\n")
        return
    _print_gold_report(report, gold.name, by)


def _score_gold(gold: Path, events: str | None, limit: int | None, by: str | None, rows: Path | None) -> dict:
    """Figures of ``--gold``: tiered gold against published events, or ACLED rows against their own notes."""
    import pandas as pd

    from transforms import evaluate

    if not gold.exists():
        _fail(f"{gold} does not exist")
    g = pd.read_csv(gold, keep_default_na=False)
    if limit:
        g = g.head(limit)
    if by is not None and by not in g.columns:
        _fail(f"{gold}: no column {by!r} to break the figures down by (columns: {', '.join(g.columns)})")
    if events:
        ev = pd.read_parquet(events)
        report = {"mode": "tiered", **evaluate.score_tiered(g, ev)}
    else:
        missing = {
            "event_date",
            "event_type",
            "sub_event_type",
            "actor1",
            "admin1",
            "notes",
            "fatalities",
        } - set(g.columns)
        if missing:
            _fail(
                f"{gold}: not ACLED format, missing columns {sorted(missing)} (use --events for tiered gold)"
            )
        from transforms.extract import extract

        g["fatalities"] = pd.to_numeric(g["fatalities"], errors="coerce").fillna(0).astype(int)
        articles = evaluate.acled_articles(g)
        with console.status(f"extracting events from {len(articles)} notes…"):
            ev = extract(articles).events
        per_row: list[dict] | None = [] if rows else None
        report = {"mode": "acled", **evaluate.score_acled(g, articles, ev, by=by, rows=per_row)}
        if rows:
            pd.DataFrame(per_row).to_csv(rows, index=False)
    return report


def _print_gold_report(report: dict, gold_name: str, by: str | None) -> None:
    """The figures of ``--gold`` as tables: overall, per sub-event type, the confusion, per ``--by`` value."""
    from transforms import evaluate

    table = Table(title=f"dateline eval — {gold_name} ({report['mode']})")
    table.add_column("figure")
    table.add_column("value", justify="right")
    for k, v in report.items():
        if not isinstance(v, (dict, list)):
            table.add_row(k, str(v))
    out_console.print(table)
    if report["mode"] == "acled":
        sub = Table(title="per sub-event type")
        for c in ("sub_event_type", "gold", "predicted", "precision", "recall"):
            sub.add_column(c, justify="left" if c == "sub_event_type" else "right")
        for s, m in sorted(report["per_sub_event_type"].items(), key=lambda kv: -kv[1]["gold"]):
            sub.add_row(s, str(m["gold"]), str(m["predicted"]), str(m["precision"]), str(m["recall"]))
        out_console.print(sub)
        conf = Table(title="confusion (gold → predicted, best event per note)")
        conf.add_column("gold")
        conf.add_column("predicted")
        for gsub, preds in sorted(report["confusion"].items()):
            conf.add_row(
                gsub, ", ".join(f"{p}: {n}" for p, n in sorted(preds.items(), key=lambda kv: -kv[1]))
            )
        out_console.print(conf)
        if report.get("by"):
            per = Table(title=f"by {by}")
            figures = [
                "notes",
                "note_yields_event",
                *evaluate.FIELDS,
                *evaluate.ACTOR_FIGURES,
                "events_per_note",
            ]
            per.add_column(by)
            for f in figures:
                per.add_column(f, justify="right")
            for value, fig in report["by"].items():
                per.add_row(value[:40], *(str(fig[f]) for f in figures))
            out_console.print(per)
    elif report["tier1_missing"]:
        out_console.print(f"tier-1 missing: {', '.join(map(str, report['tier1_missing']))}")


def _eval_corpus(
    gold_dir: str, raw: str | None, events: str | None, rows: Path | None, as_json: bool
) -> None:
    """``dateline eval --gold-dir``: every story of an article corpus against its gold."""
    import json

    import pandas as pd

    from flows import evaluation
    from transforms.evaluate import same_place
    from transforms.evaluate_articles import detail_rows, score_corpus

    if (raw is None) == (events is None):
        _fail(
            "--gold-dir needs exactly one of --raw DIR (extract the stories) or --events DIR (score an output)",
            2,
        )
    gold, articles, ev = _corpus_input(gold_dir, raw, events)
    by_story, sources = evaluation.events_by_story(articles, ev)
    missing = sorted(set(gold) - set(sources))
    if missing:
        _fail(
            f"{len(missing)} gold stories have no article in the input (first: {missing[0]}); check --raw/--events"
        )
    report, scores = score_corpus(gold, by_story, sources, same_place)
    if rows:
        pd.DataFrame(detail_rows(scores, same_place)).to_csv(rows, index=False)
    if as_json:
        sys.stdout.write(json.dumps(report) + "\n")
        return
    _print_corpus_report(report, gold_dir)


def _corpus_input(gold_dir: str, raw: str | None, events: str | None) -> tuple:
    """The gold tables of ``--gold-dir`` (``{story: DataFrame}``) and the corpus' articles and events:
    extracted from ``--raw`` as the pipeline does, or read from ``--events``."""
    from flows import evaluation
    from flows.storage import StorageError

    try:
        gold = evaluation.read_gold(gold_dir)
        if raw is not None:
            with console.status(f"extracting the stories of {raw}…"):
                articles = evaluation.ingest_raw(raw)
                ev = evaluation.extracted_events(articles)
        else:
            ev, articles = evaluation.published_events(events)
    except StorageError as exc:
        _fail(str(exc))
    if not gold:
        _fail(f"{gold_dir}: no <story>.csv gold tables")
    return gold, articles, ev


def _print_corpus_report(report: dict, gold_dir: str) -> None:
    """The figures of ``--gold-dir`` as tables: over the corpus, and per outlet."""
    figures = [k for k, v in report.items() if not isinstance(v, dict)]
    table = Table(title=f"dateline eval — {gold_dir}")
    table.add_column("figure")
    table.add_column("value", justify="right")
    for k in figures:
        table.add_row(k, str(report[k]))
    out_console.print(table)
    per = Table(title="by outlet")
    short = ("stories", "tier1_gold", "tier1_recall", "events", "precision", "events_on_no_event_stories")
    per.add_column("source")
    for f in short:
        per.add_column(f.replace("_", " "), justify="right")
    for src, fig in report["by_source"].items():
        per.add_row(src[:30], *(str(fig[f]) for f in short))
    out_console.print(per)


@app.command()
def export(
    fmt: Annotated[
        str, typer.Option("--format", help="Export layout: acled (ACLED's CSV columns and order).")
    ],
    out: OutOpt = "data/curated",
    date: Annotated[
        list[str] | None, typer.Option("--date", help="Only these published dates (repeatable).")
    ] = None,
    to: Annotated[
        str, typer.Option("--to", help="CSV file to write (path or fsspec URL); - for stdout.")
    ] = "-",
) -> None:
    """Write the published events as a CSV an ACLED analyst's scripts load: ACLED's export columns in ACLED's
    order, with ACLED's conventions (a region-only event located at the region's administrative centre)."""
    if fmt != "acled":
        _fail(f"unknown --format {fmt!r}; the one export format is `acled`", 2)
    dates = [_check_date(d) for d in date] if date else None
    from flows import storage
    from transforms.acled import acled_export

    with _reported_errors():
        events = storage.read_published(storage.root(out), "events", dates)
        if events.empty:
            _fail(f"no published events in {out}{' for ' + ', '.join(dates) if dates else ''}")
        written = storage.write_csv(to, acled_export(events))
    if written != "-":
        console.print(f"{len(events)} events → {written}")


@app.command()
def explain(
    target: Annotated[
        str, typer.Argument(help="A raw article file (.txt, or .jsonl[:LINE]) or a published article_id.")
    ],
    out: OutOpt = "data/curated",
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object per article.")] = False,
) -> None:
    """Each event of one article with the words that decided each field, and every sentence that was not an
    event with the reason (background, aggregate, no place ...)."""
    import json

    from flows import storage

    try:
        articles = _explain_targets(target, out)
    except storage.StorageError as exc:
        _fail(str(exc))
    from transforms.explain import explain_article

    for article in articles:
        report = explain_article(article)
        if as_json:
            sys.stdout.write(json.dumps(report, default=str) + "\n")
        else:
            _print_explain(report)


def _explain_targets(target: str, out: str) -> list[dict]:
    import datetime as _dt
    import re

    from flows import storage
    from transforms.ingest import build_articles

    path, _, line = target.rpartition(":") if re.search(r"\.jsonl:\d+$", target) else (target, "", "")
    if Path(path).suffix in (".txt", ".jsonl") or Path(path).exists():
        records = storage.read_raw_path(path)
        if line:
            records = [r for r in records if str(r.get("raw_path", "")).endswith(f":{line}")]
        folder = re.search(r"(\d{4}-\d{2}-\d{2})", path)
        default = _dt.date.fromisoformat(folder.group(1)) if folder else None
        result = build_articles(records, default_date=default)
        if result.articles.empty:
            reasons = "; ".join(result.quarantine["reason"]) or "no record"
            raise storage.StorageError(f"{target}: no article to explain ({reasons})")
        return result.articles.to_dict("records")
    article = storage.find_article(storage.root(out), target)
    if article is None:
        raise storage.StorageError(
            f"no article {target!r} under {out}/articles; give a raw file or an article_id"
        )
    return [article]


_KINDS = {
    "news": "a news report (an undated event is its news day's)",
    "live": "a live blog or summary of the day (an undated event is its news day's)",
    "feature": "a feature (no news day: an undated event is background)",
    "opinion": "an opinion piece (no news day: an undated event is background)",
    "retrospective": "a retrospective, told at an earlier time (no news day: an undated event is background)",
    "trial": "a court report (no news day: an undated event is the case's, background)",
    "note": "an event coder's note (ACLED's own conventions)",
}


def _print_explain(report: dict) -> None:
    a = report["article"]
    out_console.rule(f"{a.get('title') or a['article_id']}")
    out_console.print(
        f"article {a['article_id']} · {a.get('source') or '?'} · published {a['published_at']} · "
        f"{_KINDS.get(a.get('kind'), a.get('kind'))}"
    )
    for i, e in enumerate(report["events"]):
        if e["location"]:
            place = f"{e['location']}, {e['admin1_iso'] or e.get('country') or ''}"
        elif e["admin1_iso"]:
            place = f"(region only) {e['admin1'] or ''}, {e['admin1_iso']}"
        else:
            place = f"(country only) {e.get('country') or '?'}"
        out_console.print(
            f"\n[bold]event {i}[/]: {e['event_type']} / {e['sub_event_type']} · {e['event_date']} · {place} · "
            f"{e['actor1']} → {e['actor2']} · "
            f"killed {e['fatalities']}, injured {e['injuries']}"
        )
        for k, v in e["decided_by"].items():
            out_console.print(f"    {k:<8} {v}", soft_wrap=True)
        out_console.print(f"    evidence {e['evidence']}", soft_wrap=True)
    out_console.print("\n[bold]sentences[/]")
    for s in report["sentences"]:
        where = f" → event {s['event']}" if s["event"] is not None else ""
        out_console.print(f"  [{s['index']:>3}] {s['outcome']}{where}: {s['reason']}", soft_wrap=True)
        out_console.print(f"        {s['text'][:160]}", soft_wrap=True, markup=False)


@app.command()
def schema() -> None:
    """Print the output contract: the data dictionary of every table (Markdown, as in the README)."""
    from transforms.schema import data_dictionary_markdown

    sys.stdout.write(data_dictionary_markdown())


def main() -> None:
    """Console entry point. The process ends right after the exit handlers (Prefect stops its temporary
    server and flushes its logs there), without the interpreter's finalization: ~2 s here, spent tearing
    down the modules and objects of a run (spaCy, the compiled registry, GX)."""
    import atexit
    import signal

    status = {"code": 0}
    interrupted = []

    def on_interrupt(signum, frame) -> None:
        """Ctrl-C reaches the whole process group: Prefect's temporary server and the pool workers stop too,
        and what fails after it is a consequence, not news. Report it once, exit 130; a second one ends now."""
        if interrupted:
            os._exit(130)
        interrupted.append(signum)
        logging.disable(logging.CRITICAL)  # Prefect's "Crash detected" lines for every run and task
        raise KeyboardInterrupt

    with contextlib.suppress(ValueError):  # not the main thread (embedded use): keep the default
        signal.signal(signal.SIGINT, on_interrupt)

    def skip_teardown() -> None:  # registered first, so it runs after every other exit handler
        sys.stdout.flush()
        sys.stderr.flush()
        logging.shutdown()
        os._exit(status["code"])

    atexit.register(skip_teardown)
    try:
        app()
    except BaseException as exc:
        if interrupted or isinstance(exc, KeyboardInterrupt):
            status["code"] = 130
            console.print(
                "[bold red]interrupted:[/] dates already published stay published; the date in progress keeps "
                "its previous partition (a swap cut short is restored by the next run); run the same command "
                "again to finish",
                soft_wrap=True,
            )
            raise SystemExit(130) from None
        if isinstance(exc, SystemExit):
            status["code"] = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        else:  # an unexpected error: the interpreter prints it, the exit code must say it failed
            status["code"] = 1
        raise


if __name__ == "__main__":
    main()

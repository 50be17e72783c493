"""Prefect flows: the daily pipeline and the three stage flows, wired from batch tasks.

Tasks take a batch (a group of raw files, a chunk of articles) and call pure transforms; stage outputs go
through ``flows.storage`` so every stage can re-run alone. Heavy imports (spaCy, GX) happen inside tasks.
"""

from __future__ import annotations

import contextlib
import contextvars
import ctypes
import datetime as dt
import multiprocessing as mp
import os
import threading
import time
import uuid
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field

os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

import pandas as pd  # noqa: E402
import pyarrow as pa  # noqa: E402
from prefect import flow, get_run_logger, task  # noqa: E402
from prefect.tasks import exponential_backoff  # noqa: E402

from flows import storage  # noqa: E402

FILES_PER_TASK = 200
RECORDS_PER_PART = 5_000  # ingest writes staged articles in parts of at most this many records
ARTICLES_PER_TASK = 500
ARTICLES_ROW_GROUP = 50  # a chunk of any size reads only the row groups it needs
# publish validates and writes staged parts in batches of about this many rows. GX costs ~0.3 s a batch whatever
# its size, so the narrow mention rows go 100k at a time (publish of 10k bench articles: 8.3 s -> 5 s CPU); events
# carry their notes and stay at 20k, which sets the peak memory of a large date. Articles (with their text) go
# part by part, so no batch is larger than an ingest part whatever the size of the date.
VALIDATE_ROWS = {"events": 20_000, "mentions": 100_000, "entities": 100_000}
VALIDATE_ARTICLES = 1
TABLES = ("articles", "events", "mentions", "entities", "quarantine")
NO_RAW_DATA = "no raw data"
# GX results kept per date in OUT/_validation/ds=D (the newest; older ones are removed at each publish)
VALIDATION_RUNS_KEPT = 20


def validation_runs_kept() -> int:
    return int(os.environ.get("DATELINE_KEEP_VALIDATIONS") or VALIDATION_RUNS_KEPT)


class NoRawDataError(RuntimeError):
    """No raw records for a date: nothing is published and the published partition is kept."""


@dataclass
class DateSummary:
    ds: str
    raw_records: int = 0
    articles: int = 0
    duplicates: int = 0
    events: int = 0
    mentions: int = 0
    entities: int = 0
    quarantined: dict[str, int] = field(default_factory=dict)
    # article_id -> the date it is already published under (these are counted in duplicates)
    already_published: dict[str, str] = field(default_factory=dict)
    status: str = "published"  # or NO_RAW_DATA: nothing published, the published partition kept
    words: int = 0
    paths: dict[str, str] = field(default_factory=dict)
    validation: str | None = None
    validation_success: bool | None = None
    data_docs: str | None = None
    quarantine_reasons: dict[str, int] = field(default_factory=dict)
    stage_seconds: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def identity_holds(self) -> bool:
        q = self.quarantined.get("raw", 0) + self.quarantined.get("articles", 0)
        return self.raw_records == self.articles + self.duplicates + q


_PROGRESS: list = []  # at most one callback(event: dict), set by the CLI (flows stay free of any display)


def set_progress(callback) -> None:
    """Report progress events to ``callback`` (None: stop). Events are dicts with ``kind``: ``dates``
    (total), ``stage`` (ds, stage, total, unit), ``advance`` (ds, stage, done, total), ``date_done`` (ds,
    seconds, articles, events) and ``skipped`` (ds). Called from the flow's thread only."""
    _PROGRESS.clear()
    if callback is not None:
        _PROGRESS.append(callback)


def _progress(kind: str, **event) -> None:
    for cb in _PROGRESS:
        with contextlib.suppress(Exception):  # a display error never fails a run
            cb({"kind": kind, **event})


_WARM: dict[str, threading.Thread] = {}
_WARM_LOCK = threading.Lock()


def warm_up(nlp_here: bool = True) -> None:
    """Load what a run needs (spaCy + the compiled registry unless a process pool extracts; GX + the suites)
    in background threads, so the ~5 s of imports overlap the Prefect server start-up and ingest. Idempotent."""
    from flows import validate

    def nlp() -> None:
        from transforms.nlp import get_nlp

        get_nlp()

    with _WARM_LOCK:
        for name, target in (("nlp", nlp), ("gx", validate.prepare)):
            if name == "nlp" and not nlp_here:
                continue
            if name not in _WARM:
                _WARM[name] = threading.Thread(target=target, name=f"dateline-warm-{name}", daemon=True)
                _WARM[name].start()


def prepare_run(nlp_here: bool = True) -> None:
    """Before a CLI run: when no API is configured, import Prefect's temporary server first (its ~2 s import
    would crawl beside the warm-up threads), start the warm-up, then start the server as the first flow call
    would; the libraries load while the server process boots on the other core."""
    from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_ENABLED

    server = None
    if not PREFECT_API_URL.value() and PREFECT_SERVER_EPHEMERAL_ENABLED.value():
        from prefect.server.api.server import SubprocessASGIServer

        server = SubprocessASGIServer()
        _own_session(server)
    warm_up(nlp_here)
    if server is not None:
        server.start()


def _own_session(server) -> None:
    """Start the temporary server in a session of its own. Ctrl-C in a terminal signals the whole foreground
    process group: the server died with the run, whose last API calls then failed with a page of tracebacks
    and exit code 1. Out of the group, it is stopped by the CLI's exit handler after the run has ended."""
    import subprocess
    import types

    import prefect.server.api.server as server_module

    launch = server._run_uvicorn_command
    shim = types.SimpleNamespace(**vars(subprocess))
    shim.Popen = lambda *a, **kw: subprocess.Popen(*a, **kw, start_new_session=True)

    def launch_in_own_session():
        real, server_module.subprocess = server_module.subprocess, shim
        try:
            return launch()
        finally:
            server_module.subprocess = real

    server._run_uvicorn_command = launch_in_own_session


def _wait_warm(name: str) -> None:
    """Do not load a second copy while a warm-up thread is still loading the first."""
    t = _WARM.get(name)
    if t is not None and t is not threading.current_thread():
        t.join()


# I/O tasks retry a transient storage error (a dropped connection, a timeout, an object store's 5xx) with
# exponential backoff: 1 s, 2 s, 4 s. Errors that say what to fix (a missing dir, a lock, a failed expectation)
# fail at once.
IO_RETRIES = int(os.environ.get("DATELINE_IO_RETRIES", "3"))
IO_BACKOFF_S = float(os.environ.get("DATELINE_IO_BACKOFF_S", "1"))
_PERMANENT_OS_ERRORS = (
    FileNotFoundError,
    FileExistsError,
    PermissionError,
    IsADirectoryError,
    NotADirectoryError,
)


def transient_storage_error(task, task_run, state) -> bool:
    """Prefect ``retry_condition_fn``: retry only an I/O error that may pass (not one that names a fix)."""
    exc = state.data if isinstance(state.data, BaseException) else None
    if exc is None:
        try:
            exc = state.result(raise_on_failure=False)
        except Exception as e:  # the result itself could not be read
            exc = e
    if getattr(exc, "transient", False):
        return True
    return isinstance(exc, (OSError, TimeoutError)) and not isinstance(exc, _PERMANENT_OS_ERRORS)


IO_TASK = {
    "retries": IO_RETRIES,
    "retry_delay_seconds": exponential_backoff(backoff_factor=IO_BACKOFF_S),
    "retry_jitter_factor": 0.2,
    "retry_condition_fn": transient_storage_error,
}


def _logger():
    try:
        return get_run_logger()
    except Exception:  # called outside a run (tests of the task bodies)
        import logging

        return logging.getLogger("dateline")


# ------------------------------------------------------------------------------------------ tasks


@task(name="index-raw", **IO_TASK)
def index_raw_task(raw_url: str) -> dict[str, list[str]]:
    return storage.index_raw(storage.root(raw_url))


def input_hash(fingerprint: str) -> str:
    """What a date's publish depends on: its raw files, the extractor version and the output contract."""
    import hashlib

    from transforms.schema import EXTRACTOR_VERSION, SCHEMAS

    contract = ";".join(f"{t}:{','.join(s.names)}" for t, s in SCHEMAS.items())
    return hashlib.sha1(f"{fingerprint}|{EXTRACTOR_VERSION}|{contract}".encode()).hexdigest()


@task(name="unchanged-dates", **IO_TASK)
def unchanged_dates_task(raw_url: str, out_url: str, files: dict[str, list[str]]) -> dict[str, dict]:
    """For every date: its input hash, and the recorded summary when its last publish was made from the same
    input hash (then the date has nothing to redo) and the stories it counted as duplicates of other dates are
    still published there, by dates not redone in this run (else the date is redone: the story is its own
    now). One task for all the dates of a run."""
    raw, out = storage.root(raw_url), storage.root(out_url)
    res = {}
    for ds, rels in files.items():
        h = input_hash(storage.raw_fingerprint(raw, rels))
        state = storage.read_date_state(out, ds)
        same = state is not None and state.get("input_hash") == h
        res[ds] = {"input_hash": h, "summary": state.get("summary") if same else None}
    for ds, r in res.items():
        if r["summary"] is not None and not _duplicates_still_published(out, r["summary"], res):
            _logger().info("%s: a date its duplicates are published under has changed; redone", ds)
            r["summary"] = None
    return res


def _duplicates_still_published(out: storage.Root, summary: dict, dates: dict[str, dict]) -> bool:
    deferred: dict[str, list[str]] = {}
    for article_id, other in (summary.get("already_published") or {}).items():
        deferred.setdefault(other, []).append(article_id)
    return all(
        (other not in dates or dates[other]["summary"] is not None)
        and storage.publishes_articles(out, other, ids)
        for other, ids in deferred.items()
    )


def _ingest_files(raw_url: str, out_url: str, rels: list[str], ds: str, batch: int) -> dict:
    """Read and clean raw files, ``RECORDS_PER_PART`` records at a time, into staged parts (articles +
    ingest quarantine). Runs in the task's process or in a pool worker."""
    from transforms.ingest import build_articles
    from transforms.schema import conform

    raw, out = storage.root(raw_url), storage.root(out_url)
    default = None if ds == storage.UNDATED else dt.date.fromisoformat(ds)
    parts: list[dict] = []
    reasons: list[str] = []
    buffer: list[dict] = []

    def flush() -> None:
        result = build_articles(buffer, default_date=default)
        name = f"{batch:05d}-{len(parts):04d}"
        storage.write_work_part(
            out, ds, "articles", name, conform(result.articles, "articles"), row_group_size=ARTICLES_ROW_GROUP
        )
        storage.write_work_part(out, ds, "ingest_quarantine", name, conform(result.quarantine, "quarantine"))
        reasons.extend(result.quarantine["reason"])
        ids = result.articles["article_id"].tolist()
        parts.append({"name": name, "n_raw": result.n_raw, "quarantined": len(result.quarantine), "ids": ids})
        buffer.clear()

    for rel in rels:
        for rec in storage.read_raw_file(raw, rel, ds):
            buffer.append(rec)
            if len(buffer) >= RECORDS_PER_PART:
                flush()
    if buffer or not parts:
        flush()
    return {"parts": parts, "reasons": reasons}


def _use_pool(workers: int, *urls: str) -> bool:
    """A local process pool serves the CPU work when asked for, unless a path lives only in this process."""
    return workers > 1 and not any(storage.root(u).in_process for u in urls)


# A date of fewer articles than this per extra process runs in-process: spawning a pool (~2 s a process, spaCy
# and the registry loaded again) costs more than it saves on a small date.
MIN_ARTICLES_PER_WORKER = 200


def effective_workers(workers: int, n_articles: int) -> int:
    return max(1, min(workers, n_articles // MIN_ARTICLES_PER_WORKER))


@task(name="ingest-files", **IO_TASK)
def ingest_files_task(
    raw_url: str, out_url: str, rels: list[str], ds: str, batch: int, workers: int = 1
) -> dict:
    """One batch of raw files → staged parts. Returns per-part counts and article ids for the cross-batch
    de-duplication (only ids travel, never text)."""
    if _use_pool(workers, raw_url, out_url):
        res = _pool(workers).submit(_ingest_files, raw_url, out_url, rels, ds, batch).result()
    else:
        res = _ingest_files(raw_url, out_url, rels, ds, batch)
    log = _logger()
    for reason in res["reasons"]:
        log.warning("quarantined raw record: %s", reason)
    return {"parts": res["parts"]}


@task(name="stage-articles", **IO_TASK)
def stage_articles_task(out_url: str, ds: str, batches: list[dict]) -> dict:
    """De-duplicate articles across parts (first occurrence kept, in raw file order) and against the articles
    already published under other dates (their article-id index; re-running a date does not count its own
    articles), and write the stats. Only the ids travel; a part that repeats an article is rewritten without it."""
    out = storage.root(out_url)
    parts = [p for b in batches for p in b["parts"]]
    published = storage.published_article_ids(out, (i for p in parts for i in p["ids"]), exclude=ds)
    return stage_articles(out, ds, parts, published)


def stage_articles(out: storage.Root, ds: str, parts: list[dict], published: dict[str, str]) -> dict:
    """``stage_articles_task``'s work, given the articles published under other dates (``{article_id: ds}``)."""
    import pyarrow.compute as pc

    seen: set[str] = set()
    n_raw = n_quarantined = kept = 0
    for part in parts:
        n_raw += part["n_raw"]
        n_quarantined += part["quarantined"]
        repeated = [i for i in part["ids"] if i in seen or i in published]
        if repeated:
            table = storage.read_work_part(out, ds, "articles", part["name"])
            keep = pc.invert(pc.is_in(table.column("article_id"), value_set=pa.array(repeated)))
            storage.write_work_part(
                out, ds, "articles", part["name"], table.filter(keep), row_group_size=ARTICLES_ROW_GROUP
            )
        seen.update(part["ids"])
        kept += len(part["ids"]) - len(repeated)
    stats = {
        "raw_records": n_raw,
        "articles": kept,
        "duplicates": n_raw - n_quarantined - kept,
        "raw_quarantined": n_quarantined,
        "already_published": published,
    }
    if published:
        _logger().warning(
            "%s: %d articles already published under other dates, counted as duplicates: %s",
            ds, len(published), ", ".join(f"{k} ({v})" for k, v in list(published.items())[:5]),
        )  # fmt: skip
    storage.write_work_json(out, ds, "ingest_stats", stats)
    return stats


_POOL: ProcessPoolExecutor | None = None
_POOL_LOCK = threading.Lock()


def _pool(workers: int) -> ProcessPoolExecutor:
    """One process pool per flow process (spawned: no fork of Prefect's threads); workers import only the
    pure transforms, so they start in ~2 s and serve every chunk."""
    global _POOL
    with _POOL_LOCK:  # chunk tasks run in threads: without the lock each could start its own pool
        if _POOL is None or _POOL._max_workers != workers:
            if _POOL is not None:
                _POOL.shutdown()
            _POOL = ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn"))
        return _POOL


def _release_memory() -> None:
    """Hand freed memory back to the OS after a chunk: Arrow's allocator and glibc's per-thread arenas keep
    it otherwise, and a long run's resident size creeps up with every chunk."""
    pa.default_memory_pool().release_unused()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to trim
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _extract_chunk(out_url: str, ds: str, index: int, start: int, stop: int) -> dict:
    """Read articles[start:stop], extract, write part ``index`` of events, mentions and chunk entities.
    Runs in the task's process or in a pool worker (then only the row counts travel back)."""
    from transforms.extract import extract
    from transforms.schema import conform

    _wait_warm("nlp")
    out = storage.root(out_url)
    articles = storage.read_work_rows(out, ds, "articles", start, stop).to_pandas()
    articles["published_at"] = pd.to_datetime(articles["published_at"]).dt.date
    res = extract(articles)
    name = f"{index:05d}"
    storage.write_work_part(out, ds, "events", name, conform(res.events, "events"))
    storage.write_work_part(out, ds, "mentions", name, conform(res.mentions, "mentions"))
    storage.write_work_part(out, ds, "chunk_entities", name, conform(res.entities, "entities"))
    _release_memory()
    return {"events": len(res.events), "mentions": len(res.mentions)}


@task(name="extract-chunk")
def extract_chunk_task(out_url: str, ds: str, index: int, start: int, stop: int, workers: int = 1) -> dict:
    """Names and events for articles[start:stop] of the date, written as part ``index`` of the staged
    events, mentions and per-chunk entities; with ``workers`` > 1 the work runs in a process pool shared by
    the chunk tasks (one Prefect task per chunk either way). Returns row counts only."""
    if _use_pool(workers, out_url):
        return _pool(workers).submit(_extract_chunk, out_url, ds, index, start, stop).result()
    return _extract_chunk(out_url, ds, index, start, stop)


@task(name="stage-extract", **IO_TASK)
def stage_extract_task(out_url: str, ds: str, parts: list[dict]) -> dict:
    """Merge the per-chunk entity tables (one chunk at a time) into the date's entities."""
    from transforms.extract import merge_entities
    from transforms.schema import conform, empty_frame

    out = storage.root(out_url)
    entities = empty_frame("entities")
    for chunk in storage.iter_work(out, ds, "chunk_entities"):
        entities = merge_entities([entities, chunk.to_pandas()])
    storage.write_work(out, ds, "entities", conform(entities, "entities"))
    storage.clear_work(out, ds, "chunk_entities")
    return {
        "events": sum(p["events"] for p in parts),
        "mentions": sum(p["mentions"] for p in parts),
        "entities": len(entities),
    }


def _plan_batches(out: storage.Root, ds: str, name: str, min_rows: int) -> list[list[str]]:
    """Consecutive staged parts grouped into batches of about ``min_rows`` rows (from the footers only)."""
    try:
        paths = storage.work_parts(out, ds, name)
    except storage.StorageError:
        return []
    batches: list[list[str]] = []
    pending: list[str] = []
    n = 0
    for path in paths:
        pending.append(path)
        n += storage.part_num_rows(out, path)
        if n >= min_rows:
            batches.append(pending)
            pending, n = [], 0
    if pending:
        batches.append(pending)
    return batches


def _validate_batch(
    out_url: str, name: str, paths: list[str], bad_articles: set[str], stage_file: str, ds: str | None = None
) -> dict:
    """Read staged parts, quarantine the rows of quarantined articles, GX-validate the rest and write the good
    rows to ``stage_file`` (one part of the new partition). Runs in the task's process or in a pool worker;
    only the quarantine rows, counts and the GX summary come back."""
    from flows.validate import validate
    from transforms.ingest import quarantine_row
    from transforms.schema import conform, empty_frame

    out = storage.root(out_url)
    tables = [storage.read_path(out, p) for p in paths]
    df = pa.concat_tables(tables).to_pandas() if tables else empty_frame(name)
    quarantine = []
    if name in ("events", "mentions") and bad_articles and len(df):
        orphan = df["article_id"].isin(bad_articles)
        if orphan.any():
            rows = [
                quarantine_row(
                    name, "its article was quarantined", None, r.get("event_id") or r["article_id"], r
                )
                for r in df[orphan].to_dict("records")
            ]
            quarantine.append(pd.DataFrame(rows))
            df = df[~orphan].reset_index(drop=True)
    v = validate(name, df, ds)
    if len(v.quarantine):
        quarantine.append(v.quarantine)
    storage.write_path(out, stage_file, conform(v.good, name))
    _release_memory()
    return {
        "result": v.result,
        "rows": len(df),
        "good": len(v.good),
        "quarantine": pd.concat(quarantine, ignore_index=True) if quarantine else None,
        "bad_articles": set(df["article_id"]) - set(v.good["article_id"]) if name == "articles" else set(),
        "words": int(v.good["n_words"].sum()) if name == "articles" and len(v.good) else 0,
    }


def _merge_result(results: dict, name: str, new: dict, rows: int) -> None:
    """One validation summary per table over all its batches: failures summed per expectation."""
    prev = results.setdefault(name, {"table": name, "success": True, "batches": 0, "rows": 0, "failed": []})
    prev["success"] = prev["success"] and new["success"]
    prev["batches"] += 1
    prev["rows"] += rows
    for f in new["failed"]:
        same = next(
            (p for p in prev["failed"] if (p["expectation"], p["kwargs"]) == (f["expectation"], f["kwargs"])),
            None,
        )
        if same is None:
            prev["failed"].append(dict(f))
        else:
            same["unexpected_count"] = (same["unexpected_count"] or 0) + (f["unexpected_count"] or 0)


@task(name="validate-publish", **IO_TASK)
def publish_task(out_url: str, ds: str, run_id: str, workers: int = 1) -> dict:
    """GX-validate every staged table batch by batch (in the process pool when ``workers`` > 1); good rows go
    straight into the staged partitions, one Parquet part per batch; failing rows go to quarantine; the date
    is swapped in all together, or not at all."""
    from flows.validate import SchemaValidationError

    out = storage.root(out_url)
    storage.work_parts(out, ds, "articles")  # a clear error when ingest has not run
    v = _DateValidation(quarantine=_ingest_quarantine(out, ds))
    pub = storage.StagedPublish(out, ds)
    pool = _pool(workers) if _use_pool(workers, out_url) else None
    try:
        for name in ("articles", "events", "mentions", "entities"):
            _validate_table(out_url, ds, name, pub, pool, v)
        q = _publish_quarantine(pub, ds, v)
    except SchemaValidationError as exc:
        pub.abort()
        raise _schema_failure(out, ds, run_id, exc, v.results) from None
    except BaseException:
        pub.abort()
        raise
    paths = pub.commit()
    return _published(out, ds, run_id, paths, v, q)


@dataclass
class _DateValidation:
    """What ``publish_task`` gathers while it validates a date's tables batch by batch."""

    quarantine: list[pd.DataFrame]
    results: dict = field(default_factory=dict)  # table -> merged summary (``_merge_result``)
    gx_results: list[tuple[str, int, dict]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    words: int = 0
    bad_articles: set[str] = field(default_factory=set)


def _ingest_quarantine(out: storage.Root, ds: str) -> list[pd.DataFrame]:
    """The quarantine rows ingest staged for the date (none when it staged none)."""
    quarantine: list[pd.DataFrame] = []
    with contextlib.suppress(storage.StorageError):
        quarantine += [t.to_pandas() for t in storage.iter_work(out, ds, "ingest_quarantine") if t.num_rows]
    return quarantine


def _validate_table(
    out_url: str,
    ds: str,
    name: str,
    pub: storage.StagedPublish,
    pool: ProcessPoolExecutor | None,
    v: _DateValidation,
) -> None:
    """Validate one staged table batch by batch (in ``pool`` when there is one), each batch's good rows into
    a part of its staged partition; the results, counts and quarantine rows go into ``v``."""
    out = storage.root(out_url)
    v.counts[name] = 0
    batches = _plan_batches(out, ds, name, VALIDATE_ROWS.get(name, VALIDATE_ARTICLES))
    if not batches:  # no staged rows: the partition still gets its (empty) file
        batches = [[]]
    files = [pub.part_path(name, i) for i in range(len(batches))]
    args = [(out_url, name, paths, v.bad_articles, f, ds) for paths, f in zip(batches, files, strict=True)]
    if pool is not None:
        done = [f.result() for f in [pool.submit(_validate_batch, *a) for a in args]]
    else:
        done = [_validate_batch(*a) for a in args]
    for i, res in enumerate(done):
        v.gx_results.append((name, i, res["result"].pop("gx", None)))
        _merge_result(v.results, name, res["result"], res["rows"])
        v.counts[name] += res["good"]
        v.words += res["words"]
        v.bad_articles |= res["bad_articles"]
        if res["quarantine"] is not None:
            q0 = res["quarantine"]
            _logger().warning("%s: %d rows quarantined (%s)", name, len(q0), q0["reason"].iloc[0])
            v.quarantine.append(q0)


def _publish_quarantine(pub: storage.StagedPublish, ds: str, v: _DateValidation) -> pd.DataFrame:
    """Validate the date's quarantine rows (ingest's and every table's) and stage them; returns them."""
    from flows.validate import validate
    from transforms.schema import conform, empty_frame

    frames = [f for f in v.quarantine if len(f)]
    q = pd.concat(frames, ignore_index=True) if frames else empty_frame("quarantine")
    vq = validate("quarantine", q, ds)
    v.gx_results.append(("quarantine", 0, vq.result.pop("gx", None)))
    _merge_result(v.results, "quarantine", vq.result, len(q))
    pub.write("quarantine", conform(q, "quarantine"))
    v.counts["quarantine"] = len(q)
    return q


def _schema_failure(out: storage.Root, ds: str, run_id: str, exc: Exception, results: dict) -> Exception:
    """Write the failed validation result of a date that was not published; returns the error to raise,
    which says where that result is."""
    from flows.validate import SchemaValidationError

    path = storage.write_validation(
        out,
        ds,
        run_id,
        {"ds": ds, "run_id": run_id, "success": False, "error": str(exc), "tables": results},
        keep=validation_runs_kept(),
    )
    return SchemaValidationError(f"{ds}: {exc}. Nothing was published for {ds}; validation result: {path}")


def _published(
    out: storage.Root, ds: str, run_id: str, paths: dict[str, str], v: _DateValidation, q: pd.DataFrame
) -> dict:
    """Write the validation result and the GX results of a date just swapped in; returns ``publish_task``'s
    result (paths, counts, quarantine by table and reason, validation, Data Docs, GX keys, words)."""
    vpath = storage.write_validation(
        out,
        ds,
        run_id,
        {"ds": ds, "run_id": run_id, "success": True, "tables": v.results},
        keep=validation_runs_kept(),
    )
    docs, gx_keys = _store_gx_results(out, ds, run_id, v.gx_results)
    qcounts = q["table"].value_counts().to_dict() if len(q) else {}
    reasons = (q["table"] + ": " + q["reason"].str.slice(0, 160)).value_counts().head(20) if len(q) else {}
    return {
        "paths": {k: storage.table_url(out, k) for k in paths},
        "validation": vpath,
        "counts": v.counts,
        "quarantined": {str(k): int(n) for k, n in qcounts.items()},
        "quarantine_reasons": {str(k): int(n) for k, n in dict(reasons).items()},
        "success": all(r["success"] for r in v.results.values()),
        "data_docs": docs,
        "gx_keys": gx_keys,
        "words": v.words,
    }


def _store_gx_results(
    out: storage.Root, ds: str, run_id: str, gx_results: list[tuple[str, int, dict]]
) -> tuple[str | None, list[tuple]]:
    """Store the date's GX results in the output's GX project (``OUT/_gx``); returns where its Data Docs
    index is and the result keys (tuples) for ``build_docs_task``. Outputs on object stores have none."""
    from flows.validate import docs_index, store_results

    project = storage.gx_project_dir(out)
    if project is None:
        return None, []
    keys = store_results(project, ds, run_id, [r for r in gx_results if r[2] is not None])
    return docs_index(project), [k.to_tuple() for k in keys]


@task(name="build-data-docs", **IO_TASK)
def build_docs_task(out_url: str, keys: list[tuple]) -> str | None:
    """Render the GX Data Docs of this run's validation results (and the site index) under ``OUT/_gx``; the
    stored results of runs older than the newest ``validation_runs_kept()`` are removed first."""
    from great_expectations.data_context.types.resource_identifiers import ValidationResultIdentifier

    from flows.validate import build_docs, prune_results

    project = storage.gx_project_dir(storage.root(out_url))
    if project is None or not keys:
        return None
    prune_results(project, validation_runs_kept())  # the site keeps the newest runs, as _validation does
    return build_docs(project, [ValidationResultIdentifier.from_tuple(k) for k in keys])


# ------------------------------------------------------------------------------------------ stages


def _chunks(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


def run_ingest(raw_url: str, out_url: str, ds: str, files: list[str] | None = None, workers: int = 1) -> dict:
    if files is None:
        files = index_raw_task(raw_url).get(ds, [])
    out = storage.root(out_url)
    for name in ("articles", "ingest_quarantine"):
        storage.clear_work(out, ds, name)
    per_task = FILES_PER_TASK
    if workers > 1:  # several batches per worker so the pool stays busy
        per_task = max(1, min(per_task, -(-len(files) // (workers * 2))))
    batches = _chunks(files, per_task)
    _progress("stage", ds=ds, stage="ingest", total=len(files), unit="files")
    futures = [
        ingest_files_task.submit(raw_url, out_url, batch, ds, i, workers) for i, batch in enumerate(batches)
    ]
    results, done = [], 0
    for f, batch in zip(futures, batches, strict=True):
        results.append(f.result())
        done += len(batch)
        _progress("advance", ds=ds, stage="ingest", done=done, total=len(files))
    return stage_articles_task(out_url, ds, results)


def run_extract(
    out_url: str,
    ds: str,
    n_articles: int | None = None,
    chunk_size: int | None = None,
    workers: int = 1,
) -> dict:
    if n_articles is None:
        n_articles = storage.work_num_rows(storage.root(out_url), ds, "articles")
    chunk_size = chunk_size or ARTICLES_PER_TASK
    if workers > 1:  # enough chunks to keep every worker busy
        chunk_size = min(chunk_size, max(50, -(-n_articles // (workers * 4))))
    bounds = [(i, min(i + chunk_size, n_articles)) for i in range(0, n_articles, chunk_size)] or [(0, 0)]
    out = storage.root(out_url)
    for name in ("events", "mentions", "chunk_entities"):
        storage.clear_work(out, ds, name)
    _progress("stage", ds=ds, stage="extract", total=n_articles, unit="articles")
    parts = []
    if workers <= 1 and _in_process_runner():
        # threads would only contend for the GIL: one by one
        for i, (a, b) in enumerate(bounds):
            parts.append(extract_chunk_task(out_url, ds, i, a, b, workers))
            _progress("advance", ds=ds, stage="extract", done=b, total=n_articles)
    else:
        futures = [
            extract_chunk_task.submit(out_url, ds, i, a, b, workers) for i, (a, b) in enumerate(bounds)
        ]
        done = 0
        for f, (a, b) in zip(futures, bounds, strict=True):
            parts.append(f.result())
            done += b - a
            _progress("advance", ds=ds, stage="extract", done=done, total=n_articles)
    return stage_extract_task(out_url, ds, parts)


def _in_process_runner() -> bool:
    """True when tasks would run as threads of this process (Prefect's default), not on Dask."""
    from prefect.context import FlowRunContext
    from prefect.task_runners import ThreadPoolTaskRunner

    ctx = FlowRunContext.get()
    return ctx is None or isinstance(ctx.task_runner, ThreadPoolTaskRunner)


def run_publish(out_url: str, ds: str, run_id: str | None = None, workers: int = 1) -> dict:
    return publish_task(out_url, ds, run_id or _run_id(), workers)


def _run_id() -> str:
    try:
        from prefect.runtime import flow_run

        if flow_run.id:
            return f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}-{str(flow_run.id)[:8]}"
    except Exception:
        pass
    return f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"


def _process_date(
    raw_url: str, out_url: str, ds: str, files: list[str], workers: int = 1, gx_keys: list | None = None
) -> DateSummary:
    t0 = time.perf_counter()
    out = storage.root(out_url)
    took: dict[str, float] = {}
    with storage.date_lock(out, ds, owner="pipeline"):
        t = time.perf_counter()
        # raw files (bytes) tell the size of the date before ingest: ~2 KB an article
        stats = run_ingest(
            raw_url, out_url, ds, files, effective_workers(workers, _approx_articles(raw_url, files))
        )
        if not stats["raw_records"]:  # never replace a published date with empty tables
            storage.clear_date_work(out, ds)
            return DateSummary(ds=ds, status=NO_RAW_DATA, seconds=round(time.perf_counter() - t0, 3))
        workers = effective_workers(workers, stats["articles"])
        took["ingest"], t = round(time.perf_counter() - t, 3), time.perf_counter()
        run_extract(out_url, ds, stats["articles"], workers=workers)
        took["extract"], t = round(time.perf_counter() - t, 3), time.perf_counter()
        _progress("stage", ds=ds, stage="publish", total=stats["articles"], unit="articles")
        pub = run_publish(out_url, ds, workers=workers)
        took["publish"] = round(time.perf_counter() - t, 3)
        _progress("advance", ds=ds, stage="publish", done=stats["articles"], total=stats["articles"])
        storage.clear_date_work(out, ds)  # published: the staged work is no longer needed
    if gx_keys is not None:
        gx_keys.extend(pub.get("gx_keys", []))
    summary = date_summary(ds, stats, pub, took, round(time.perf_counter() - t0, 3))
    publish_artifacts_soon(summary)
    _progress("date_done", ds=ds, seconds=summary.seconds, articles=summary.articles, events=summary.events)
    return summary


def date_summary(ds: str, stats: dict, pub: dict, took: dict[str, float], seconds: float) -> DateSummary:
    """A published date's summary from its ingest stats and its publish result."""
    return DateSummary(
        ds=ds,
        raw_records=stats["raw_records"],
        articles=pub["counts"]["articles"],
        duplicates=stats["duplicates"],
        already_published=stats.get("already_published", {}),
        events=pub["counts"]["events"],
        mentions=pub["counts"]["mentions"],
        entities=pub["counts"]["entities"],
        quarantined=pub["quarantined"],
        words=pub["words"],
        paths=pub["paths"],
        validation=pub["validation"],
        validation_success=pub.get("success"),
        data_docs=pub.get("data_docs"),
        quarantine_reasons=pub.get("quarantine_reasons", {}),
        stage_seconds=took,
        seconds=seconds,
    )


def _approx_articles(raw_url: str, files: list[str]) -> int:
    """A cheap guess of a date's article count for choosing in-process or pool ingest: its raw bytes / 2 KB
    (a listing only; no file is read). A date of many files is big whatever their size."""
    if len(files) >= MIN_ARTICLES_PER_WORKER:
        return len(files)
    raw = storage.root(raw_url)
    total = 0
    for rel in files:
        with contextlib.suppress(OSError):
            total += int(raw.fs.info(raw.join(rel)).get("size") or 0)
    return max(len(files), total // 2048)


def artifact_key(ds: str, kind: str) -> str:
    """Artifact keys allow lowercase letters, digits and dashes: ``dateline-2024-11-02-counts``."""
    return f"dateline-{ds}-{kind}".lower().replace("_", "-")


_ARTIFACT_THREAD: ThreadPoolExecutor | None = None
_ARTIFACTS_PENDING: list[Future] = []


def publish_artifacts_soon(s: DateSummary) -> None:
    """``publish_artifacts`` in a background thread (in this run's context): each artifact is an API call of
    ~50 ms that the server does on its own core, so a run of many dates does not wait for them one by one.
    ``wait_for_artifacts`` (at the end of the run) waits for them all."""
    global _ARTIFACT_THREAD
    if _ARTIFACT_THREAD is None:
        _ARTIFACT_THREAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dateline-artifacts")
    _ARTIFACTS_PENDING.append(_ARTIFACT_THREAD.submit(contextvars.copy_context().run, publish_artifacts, s))


def wait_for_artifacts() -> None:
    while _ARTIFACTS_PENDING:
        _ARTIFACTS_PENDING.pop(0).result()  # publish_artifacts never raises (a failure is a warning)


def publish_artifacts(s: DateSummary) -> None:
    """The date's table artifact (rows per table, quarantine by reason, duplicates, time per stage) and
    markdown artifact (summary, validation result, Data Docs), kept by the Prefect server with the run. An
    artifact that cannot be written (no API) is a warning, never a failed date."""
    from prefect.artifacts import create_markdown_artifact, create_table_artifact

    rows = [
        {"section": "rows", "item": name, "value": getattr(s, name)}
        for name in ("raw_records", "articles", "events", "mentions", "entities")
    ]
    rows.append({"section": "rows", "item": "duplicates", "value": s.duplicates})
    rows += [{"section": "quarantined", "item": t, "value": n} for t, n in sorted(s.quarantined.items())]
    rows += [{"section": "quarantine reason", "item": r, "value": n} for r, n in s.quarantine_reasons.items()]
    rows += [{"section": "seconds", "item": k, "value": v} for k, v in s.stage_seconds.items()]
    rows.append({"section": "seconds", "item": "total", "value": s.seconds})
    q = ", ".join(f"{k} {v}" for k, v in sorted(s.quarantined.items())) or "none"
    ok = {True: "passed", False: "failed", None: "not run"}[s.validation_success]
    md = [
        f"# dateline {s.ds}",
        "",
        f"- **{s.articles}** articles published from {s.raw_records} raw records ({s.duplicates} duplicates); "
        f"**{s.events}** events, {s.mentions} mentions, {s.entities} entities",
        f"- quarantined: {q}",
        f"- record identity (raw = articles + duplicates + quarantined): {'holds' if s.identity_holds else 'BROKEN'}",
        f"- validation: **{ok}**; result: `{s.validation}`",
    ]
    if s.data_docs:
        md.append(f"- Data Docs: [{s.data_docs}]({_file_link(s.data_docs)})")
    md.append(
        f"- time: {s.seconds:.1f} s (" + ", ".join(f"{k} {v:.1f} s" for k, v in s.stage_seconds.items()) + ")"
    )
    md += ["", "| table | path |", "|---|---|"] + [f"| {k} | `{v}` |" for k, v in s.paths.items()]
    try:
        create_table_artifact(
            table=rows,
            key=artifact_key(s.ds, "counts"),
            description=f"dateline {s.ds}: rows, quarantine, time",
        )
        create_markdown_artifact(
            markdown="\n".join(md), key=artifact_key(s.ds, "summary"), description=f"dateline {s.ds}: summary"
        )
    except Exception as exc:  # the date is published; a missing artifact must not fail it
        _logger().warning("%s: artifacts not written (%s)", s.ds, exc)


def _file_link(path: str) -> str:
    return path if "://" in path else f"file://{os.path.abspath(path)}"


# ------------------------------------------------------------------------------------------ flows


def _logical_date(ds: str | None, lag_days: int) -> str:
    """The daily flow's date: ``ds`` when given, else the scheduled time minus ``lag_days``."""
    if ds:
        return ds
    from prefect.runtime import flow_run

    start = flow_run.scheduled_start_time or dt.datetime.now(dt.UTC)
    return (start - dt.timedelta(days=lag_days)).date().isoformat()


def _daily_run_name() -> str:
    from prefect.runtime import flow_run

    p = flow_run.parameters or {}
    return f"daily-{_logical_date(p.get('ds'), int(p.get('lag_days', 1)))}"


def _pipeline_run_name() -> str:
    from prefect.runtime import flow_run

    dates = (flow_run.parameters or {}).get("dates") or []
    if not dates:
        return "dateline-all-dates"
    first, last = min(dates), max(dates)
    return f"dateline-{first}" if first == last else f"dateline-{first}..{last}-{len(dates)}-dates"


MAX_DATE_TAGS = 31


def _tag_run(dates: list[str]) -> None:
    """Add ``ds:<date>`` tags to the current flow run (up to ``MAX_DATE_TAGS`` dates), so a date's runs are
    found by tag in the UI and the API. Best effort: a run outside a server keeps its tags."""
    from prefect.runtime import flow_run

    if not flow_run.id or not dates:
        return
    try:
        from prefect.client.orchestration import get_client

        tags = list(
            dict.fromkeys([*(flow_run.tags or []), "dateline", *(f"ds:{d}" for d in dates[:MAX_DATE_TAGS])])
        )
        with get_client(sync_client=True) as client:
            client.update_flow_run(flow_run.id, tags=tags)
    except Exception as exc:
        _logger().warning("flow run not tagged with its dates (%s)", exc)


@flow(name="dateline-pipeline", log_prints=True, flow_run_name=_pipeline_run_name)
def pipeline_flow(
    raw: str = "data/raw",
    out: str = "data/curated",
    dates: list[str] | None = None,
    workers: int = 1,
    force: bool = False,
) -> list[dict]:
    """Ingest → extract → validate/publish for every date in the raw dir (or the dates given).
    ``workers`` > 1 runs extraction in that many local processes. A date whose raw files, extractor version
    and output contract are those of its last publish is skipped (its recorded summary comes back with
    ``skipped``), unless ``force``."""
    warm_up(nlp_here=workers <= 1)
    log = get_run_logger()
    index = index_raw_task(raw)
    wanted = list(dates) if dates else [d for d in index if d != storage.UNDATED]
    if not dates and storage.UNDATED in index:
        wanted.append(storage.UNDATED)
    _tag_run(wanted)
    _progress("dates", total=len(wanted))
    known = unchanged_dates_task(raw, out, {ds: index.get(ds, []) for ds in wanted})
    done: dict[str, dict] = {}
    todo = []
    for ds in wanted:
        previous = known[ds]["summary"]
        if ds in index and previous is not None and not force:
            log.info("%s: raw input and extractor unchanged since its last publish; skipped", ds)
            _progress("skipped", ds=ds)
            done[ds] = previous | {"skipped": True, "seconds": 0.0}
        else:
            todo.append(ds)
    try:
        gx_keys = _process_dates(raw, out, todo, index, workers, known, done)
        if gx_keys:  # one Data Docs build per run, not per date
            build_docs_task(out, gx_keys)
    finally:
        wait_for_artifacts()
    return [done[ds] for ds in wanted]


def _process_dates(
    raw: str, out: str, todo: list[str], index: dict, workers: int, known: dict, done: dict
) -> list[tuple]:
    """Every date to do, in order: a batch of small dates together (``flows.grouped``), any other alone; each
    date's summary goes into ``done``. Returns the GX result keys for the run's Data Docs."""
    from flows import grouped

    gx_keys: list[tuple] = []
    for group in grouped.date_groups(raw, todo, index):
        if len(group) > 1:  # small dates: one task a stage and one GX suite run a table for all of them
            results = grouped.process_dates(raw, out, group, index, _run_id())
        elif group[0] in index:
            keys: list[tuple] = []
            results = [(_process_date(raw, out, group[0], index[group[0]], workers, keys), keys)]
        else:
            results = [(DateSummary(ds=group[0], status=NO_RAW_DATA), [])]
        for s, keys in results:
            gx_keys.extend(keys)
            done[s.ds] = _finish_date(s, raw, out, known[s.ds]["input_hash"])
    return gx_keys


def _finish_date(s: DateSummary, raw: str, out: str, input_hash: str) -> dict:
    """Log a processed date and record its state (input hash and summary) for the next run's skip check."""
    log = _logger()
    if s.status == NO_RAW_DATA:
        log.warning("no raw records for %s in %s: nothing published, the published partition kept", s.ds, raw)
    else:
        log.info("%s: %d articles, %d events, quarantined %s", s.ds, s.articles, s.events, s.quarantined)
    summary = asdict(s) | {"identity_holds": s.identity_holds, "skipped": False}
    if s.status != NO_RAW_DATA:
        storage.write_date_state(storage.root(out), s.ds, {"input_hash": input_hash, "summary": summary})
    return summary


@task(name="wait-for-raw-data")
def raw_data_task(raw_url: str, ds: str) -> list[str]:
    """The sensor of the daily flow: the raw files of ``ds``, or ``NoRawDataError`` (retried by the flow,
    hours apart, until the data arrives)."""
    files = storage.index_raw(storage.root(raw_url)).get(ds, [])
    if not files:
        raise NoRawDataError(
            f"no raw data for {ds} in {raw_url} yet; nothing published, the published partition kept"
        )
    return files


@flow(name="dateline-daily", log_prints=True, flow_run_name=_daily_run_name)
def daily_flow(
    raw: str = "data/raw",
    out: str = "data/curated",
    ds: str | None = None,
    lag_days: int = 1,
    workers: int = 1,
    dask_address: str | None = None,
    force: bool = False,
    no_data_retries: int = 6,
    no_data_retry_seconds: int = 3600,
) -> list[dict]:
    """The scheduled flow: processes the logical date ``ds`` (default: the scheduled time minus ``lag_days``);
    the run is named ``daily-<ds>`` and tagged ``ds:<ds>``. ``dask_address`` runs the date's tasks on that
    Dask cluster (a subflow with prefect-dask's DaskTaskRunner); ``workers`` > 1 uses local processes instead.

    Like an Airflow sensor, the flow first waits for the date's raw data: checked now and ``no_data_retries``
    more times, ``no_data_retry_seconds`` apart; when it never arrives the run ends Failed ("no raw data")
    and the published partition is kept (a late feed: retry the flow run, or ``dateline run --date D``)."""
    ds = _logical_date(ds, lag_days)
    _tag_run([ds])
    sensor = raw_data_task.with_options(retries=no_data_retries, retry_delay_seconds=no_data_retry_seconds)
    sensor(raw, ds)
    if dask_address:
        from prefect_dask import DaskTaskRunner

        on_dask = pipeline_flow.with_options(task_runner=DaskTaskRunner(address=dask_address))
        return on_dask(raw=raw, out=out, dates=[ds], force=force)
    return pipeline_flow.fn(raw=raw, out=out, dates=[ds], workers=workers, force=force)


@flow(name="dateline-ingest")
def ingest_flow(ds: str, raw: str = "data/raw", out: str = "data/curated") -> dict:
    """Stage 1 alone: raw files of ``ds`` → staged articles + ingest quarantine. No raw records for ``ds``
    stages nothing (``NoRawDataError``), so a later publish cannot replace the date with empty tables."""
    with storage.date_lock(storage.root(out), ds, owner="ingest"):
        stats = run_ingest(raw, out, ds)
        if not stats["raw_records"]:
            storage.clear_date_work(storage.root(out), ds)
            raise NoRawDataError(
                f"no raw data for {ds} in {raw}: nothing staged, the published partition kept; check --raw "
                "and --date"
            )
        return stats


@flow(name="dateline-extract")
def extract_flow(ds: str, out: str = "data/curated", chunk_size: int | None = None, workers: int = 1) -> dict:
    """Stage 2 alone: staged articles of ``ds`` → staged events, mentions, entities."""
    with storage.date_lock(storage.root(out), ds, owner="extract"):
        return run_extract(out, ds, chunk_size=chunk_size, workers=workers)


@flow(name="dateline-publish")
def publish_flow(ds: str, out: str = "data/curated") -> dict:
    """Stage 3 alone: validate the staged tables of ``ds`` and publish them."""
    with storage.date_lock(storage.root(out), ds, owner="publish"):
        res = run_publish(out, ds)
    build_docs_task(out, res.pop("gx_keys", []))
    return res

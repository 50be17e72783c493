"""Prefect flows: the daily pipeline and the three stage flows, wired from batch tasks.

Tasks take a batch (a group of raw files, a chunk of articles) and call pure transforms; stage outputs go
through ``flows.storage`` so every stage can re-run alone. Heavy imports (spaCy, GX) happen inside tasks.
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import multiprocessing as mp
import os
import threading
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field

os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

import pandas as pd  # noqa: E402
import pyarrow as pa  # noqa: E402
from prefect import flow, get_run_logger, task  # noqa: E402

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
    seconds: float = 0.0

    @property
    def identity_holds(self) -> bool:
        q = self.quarantined.get("raw", 0) + self.quarantined.get("articles", 0)
        return self.raw_records == self.articles + self.duplicates + q


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


def _logger():
    try:
        return get_run_logger()
    except Exception:  # called outside a run (tests of the task bodies)
        import logging

        return logging.getLogger("dateline")


# ------------------------------------------------------------------------------------------ tasks


@task(name="index-raw", retries=0)
def index_raw_task(raw_url: str) -> dict[str, list[str]]:
    return storage.index_raw(storage.root(raw_url))


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


@task(name="ingest-files")
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


@task(name="stage-articles")
def stage_articles_task(out_url: str, ds: str, batches: list[dict]) -> dict:
    """De-duplicate articles across parts (first occurrence kept, in raw file order) and against the articles
    already published under other dates (their article-id index; re-running a date does not count its own
    articles), and write the stats. Only the ids travel; a part that repeats an article is rewritten without it."""
    import pyarrow.compute as pc

    out = storage.root(out_url)
    parts = [p for b in batches for p in b["parts"]]
    published = storage.published_article_ids(out, (i for p in parts for i in p["ids"]), exclude=ds)
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


@task(name="stage-extract")
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
    out_url: str, name: str, paths: list[str], bad_articles: set[str], stage_file: str
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
    v = validate(name, df)
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


@task(name="validate-publish")
def publish_task(out_url: str, ds: str, run_id: str, workers: int = 1) -> dict:
    """GX-validate every staged table batch by batch (in the process pool when ``workers`` > 1); good rows go
    straight into the staged partitions, one Parquet part per batch; failing rows go to quarantine; the date
    is swapped in all together, or not at all."""
    from flows.validate import SchemaValidationError, validate
    from transforms.schema import conform, empty_frame

    out = storage.root(out_url)
    log = _logger()
    storage.work_parts(out, ds, "articles")  # a clear error when ingest has not run
    quarantine: list[pd.DataFrame] = []
    with contextlib.suppress(storage.StorageError):
        quarantine += [t.to_pandas() for t in storage.iter_work(out, ds, "ingest_quarantine") if t.num_rows]
    results: dict = {}
    counts: dict[str, int] = {}
    words = 0
    bad_articles: set[str] = set()
    pub = storage.StagedPublish(out, ds)
    pool = _pool(workers) if _use_pool(workers, out_url) else None
    try:
        for name in ("articles", "events", "mentions", "entities"):
            counts[name] = 0
            batches = _plan_batches(out, ds, name, VALIDATE_ROWS.get(name, VALIDATE_ARTICLES))
            if not batches:  # no staged rows: the partition still gets its (empty) file
                batches = [[]]
            files = [pub.part_path(name, i) for i in range(len(batches))]
            args = [(out_url, name, paths, bad_articles, f) for paths, f in zip(batches, files, strict=True)]
            if pool is not None:
                done = [f.result() for f in [pool.submit(_validate_batch, *a) for a in args]]
            else:
                done = [_validate_batch(*a) for a in args]
            for res in done:
                _merge_result(results, name, res["result"], res["rows"])
                counts[name] += res["good"]
                words += res["words"]
                bad_articles |= res["bad_articles"]
                if res["quarantine"] is not None:
                    q0 = res["quarantine"]
                    log.warning("%s: %d rows quarantined (%s)", name, len(q0), q0["reason"].iloc[0])
                    quarantine.append(q0)
        frames = [f for f in quarantine if len(f)]
        q = pd.concat(frames, ignore_index=True) if frames else empty_frame("quarantine")
        vq = validate("quarantine", q)
        _merge_result(results, "quarantine", vq.result, len(q))
        pub.write("quarantine", conform(q, "quarantine"))
        counts["quarantine"] = len(q)
    except SchemaValidationError as exc:
        pub.abort()
        path = storage.write_validation(
            out,
            ds,
            run_id,
            {"ds": ds, "run_id": run_id, "success": False, "error": str(exc), "tables": results},
            keep=validation_runs_kept(),
        )
        raise SchemaValidationError(
            f"{ds}: {exc}. Nothing was published for {ds}; validation result: {path}"
        ) from None
    except BaseException:
        pub.abort()
        raise
    paths = pub.commit()
    vpath = storage.write_validation(
        out,
        ds,
        run_id,
        {"ds": ds, "run_id": run_id, "success": True, "tables": results},
        keep=validation_runs_kept(),
    )
    qcounts = q["table"].value_counts().to_dict() if len(q) else {}
    return {
        "paths": {k: storage.table_url(out, k) for k in paths},
        "validation": vpath,
        "counts": counts,
        "quarantined": {str(k): int(v) for k, v in qcounts.items()},
        "words": words,
    }


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
    futures = [
        ingest_files_task.submit(raw_url, out_url, batch, ds, i, workers)
        for i, batch in enumerate(_chunks(files, per_task))
    ]
    return stage_articles_task(out_url, ds, [f.result() for f in futures])


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
    if workers <= 1 and _in_process_runner():
        # threads would only contend for the GIL: one by one
        parts = [extract_chunk_task(out_url, ds, i, a, b, workers) for i, (a, b) in enumerate(bounds)]
    else:
        futures = [
            extract_chunk_task.submit(out_url, ds, i, a, b, workers) for i, (a, b) in enumerate(bounds)
        ]
        parts = [f.result() for f in futures]
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


def _process_date(raw_url: str, out_url: str, ds: str, files: list[str], workers: int = 1) -> DateSummary:
    t0 = time.perf_counter()
    out = storage.root(out_url)
    with storage.date_lock(out, ds, owner="pipeline"):
        stats = run_ingest(raw_url, out_url, ds, files, workers)
        if not stats["raw_records"]:  # never replace a published date with empty tables
            storage.clear_date_work(out, ds)
            return DateSummary(ds=ds, status=NO_RAW_DATA, seconds=round(time.perf_counter() - t0, 3))
        run_extract(out_url, ds, stats["articles"], workers=workers)
        pub = run_publish(out_url, ds, workers=workers)
        storage.clear_date_work(out, ds)  # published: the staged work is no longer needed
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
        seconds=round(time.perf_counter() - t0, 3),
    )


# ------------------------------------------------------------------------------------------ flows


@flow(name="dateline-pipeline", log_prints=True)
def pipeline_flow(
    raw: str = "data/raw", out: str = "data/curated", dates: list[str] | None = None, workers: int = 1
) -> list[dict]:
    """Ingest → extract → validate/publish for every date in the raw dir (or the dates given).
    ``workers`` > 1 runs extraction in that many local processes."""
    warm_up(nlp_here=workers <= 1)
    log = get_run_logger()
    index = index_raw_task(raw)
    wanted = list(dates) if dates else [d for d in index if d != storage.UNDATED]
    if not dates and storage.UNDATED in index:
        wanted.append(storage.UNDATED)
    summaries = []
    for ds in wanted:
        if ds in index:
            s = _process_date(raw, out, ds, index[ds], workers)
        else:
            s = DateSummary(ds=ds, status=NO_RAW_DATA)
        if s.status == NO_RAW_DATA:
            log.warning(
                "no raw records for %s in %s: nothing published, the published partition kept", ds, raw
            )
        else:
            log.info("%s: %d articles, %d events, quarantined %s", ds, s.articles, s.events, s.quarantined)
        summaries.append(asdict(s) | {"identity_holds": s.identity_holds})
    return summaries


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


@flow(name="dateline-daily", log_prints=True)
def daily_flow(
    raw: str = "data/raw",
    out: str = "data/curated",
    ds: str | None = None,
    lag_days: int = 1,
    workers: int = 1,
    dask_address: str | None = None,
    no_data_retries: int = 6,
    no_data_retry_seconds: int = 3600,
) -> list[dict]:
    """The scheduled flow: processes the logical date (scheduled time minus ``lag_days``) unless ``ds`` is
    given. ``dask_address`` runs the date's tasks on that Dask cluster (a subflow with prefect-dask's
    DaskTaskRunner); ``workers`` > 1 uses local processes instead.

    Like an Airflow sensor, the flow first waits for the date's raw data: checked now and ``no_data_retries``
    more times, ``no_data_retry_seconds`` apart; when it never arrives the run ends Failed ("no raw data")
    and the published partition is kept (a late feed: retry the flow run, or ``dateline run --date D``)."""
    if ds is None:
        from prefect.runtime import flow_run

        start = flow_run.scheduled_start_time or dt.datetime.now(dt.UTC)
        ds = (start - dt.timedelta(days=lag_days)).date().isoformat()
    sensor = raw_data_task.with_options(retries=no_data_retries, retry_delay_seconds=no_data_retry_seconds)
    sensor(raw, ds)
    if dask_address:
        from prefect_dask import DaskTaskRunner

        on_dask = pipeline_flow.with_options(task_runner=DaskTaskRunner(address=dask_address))
        return on_dask(raw=raw, out=out, dates=[ds])
    return pipeline_flow.fn(raw=raw, out=out, dates=[ds], workers=workers)


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
        return run_publish(out, ds)

"""Prefect flows: the daily pipeline and the three stage flows, wired from batch tasks.

Tasks take a batch (a group of raw files, a chunk of articles) and call pure transforms; stage outputs go
through ``flows.storage`` so every stage can re-run alone. Heavy imports (spaCy, GX) happen inside tasks.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import os
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field

os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

import pandas as pd  # noqa: E402
from prefect import flow, get_run_logger, task  # noqa: E402

from flows import storage  # noqa: E402

FILES_PER_TASK = 200
ARTICLES_PER_TASK = 500
ARTICLES_ROW_GROUP = 50  # a chunk of any size reads only the row groups it needs
TABLES = ("articles", "events", "mentions", "entities", "quarantine")


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
    words: int = 0
    paths: dict[str, str] = field(default_factory=dict)
    validation: str | None = None
    seconds: float = 0.0

    @property
    def identity_holds(self) -> bool:
        q = self.quarantined.get("raw", 0) + self.quarantined.get("articles", 0)
        return self.raw_records == self.articles + self.duplicates + q


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


@task(name="ingest-files")
def ingest_files_task(raw_url: str, rels: list[str], ds: str) -> dict:
    """Read and clean one batch of raw files into articles + quarantine rows."""
    from transforms.ingest import build_articles

    raw = storage.root(raw_url)
    records = [rec for rel in rels for rec in storage.read_raw_file(raw, rel, ds)]
    default = None if ds == storage.UNDATED else dt.date.fromisoformat(ds)
    result = build_articles(records, default_date=default)
    log = _logger()
    for reason in result.quarantine["reason"]:
        log.warning("quarantined raw record: %s", reason)
    return {"articles": result.articles, "quarantine": result.quarantine, "n_raw": result.n_raw}


@task(name="stage-articles")
def stage_articles_task(out_url: str, ds: str, parts: list[dict]) -> dict:
    """De-duplicate across batches and write the ingest stage outputs."""
    from transforms.schema import conform, empty_frame

    out = storage.root(out_url)
    frames = [p["articles"] for p in parts if len(p["articles"])]
    articles = pd.concat(frames, ignore_index=True) if frames else empty_frame("articles")
    articles = articles.drop_duplicates("article_id", keep="first").reset_index(drop=True)
    qframes = [p["quarantine"] for p in parts if len(p["quarantine"])]
    quarantine = pd.concat(qframes, ignore_index=True) if qframes else empty_frame("quarantine")
    n_raw = sum(p["n_raw"] for p in parts)
    n_dups = n_raw - len(quarantine) - len(articles)
    storage.write_work(out, ds, "articles", conform(articles, "articles"), row_group_size=ARTICLES_ROW_GROUP)
    storage.write_work(out, ds, "ingest_quarantine", conform(quarantine, "quarantine"))
    stats = {
        "raw_records": n_raw,
        "articles": len(articles),
        "duplicates": n_dups,
        "raw_quarantined": len(quarantine),
    }
    storage.write_work_json(out, ds, "ingest_stats", stats)
    return stats


_POOL: ProcessPoolExecutor | None = None


def _pool(workers: int) -> ProcessPoolExecutor:
    """One process pool per flow process (spawned: no fork of Prefect's threads); workers import only the
    pure transforms, so they start in ~2 s and serve every chunk."""
    global _POOL
    if _POOL is None or _POOL._max_workers != workers:
        if _POOL is not None:
            _POOL.shutdown()
        _POOL = ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn"))
    return _POOL


def _extract_frames(articles: pd.DataFrame) -> dict:
    from transforms.extract import extract

    res = extract(articles)
    return {"events": res.events, "mentions": res.mentions, "entities": res.entities}


@task(name="extract-chunk")
def extract_chunk_task(out_url: str, ds: str, start: int, stop: int, workers: int = 1) -> dict:
    """Names and events for articles[start:stop] of the date; with ``workers`` > 1 the CPU work runs in a
    process pool shared by the chunk tasks (one Prefect task per chunk either way)."""
    out = storage.root(out_url)
    articles = storage.read_work_rows(out, ds, "articles", start, stop).to_pandas()
    articles["published_at"] = pd.to_datetime(articles["published_at"]).dt.date
    if workers > 1:
        return _pool(workers).submit(_extract_frames, articles).result()
    return _extract_frames(articles)


@task(name="stage-extract")
def stage_extract_task(out_url: str, ds: str, parts: list[dict]) -> dict:
    from transforms.extract import merge_entities
    from transforms.schema import conform, empty_frame

    out = storage.root(out_url)
    counts = {}
    for name in ("events", "mentions"):
        frames = [p[name] for p in parts if len(p[name])]
        df = pd.concat(frames, ignore_index=True) if frames else empty_frame(name)
        storage.write_work(out, ds, name, conform(df, name))
        counts[name] = len(df)
    entities = merge_entities([p["entities"] for p in parts])
    storage.write_work(out, ds, "entities", conform(entities, "entities"))
    counts["entities"] = len(entities)
    return counts


@task(name="validate-publish")
def publish_task(out_url: str, ds: str, run_id: str) -> dict:
    """GX-validate every staged table; publish good rows and quarantine the rest, all or nothing per date."""
    from flows.validate import SchemaValidationError, validate
    from transforms.ingest import quarantine_row
    from transforms.schema import conform, empty_frame

    out = storage.root(out_url)
    log = _logger()
    frames = {}
    for name in ("articles", "events", "mentions", "entities"):
        try:
            frames[name] = storage.read_work(out, ds, name).to_pandas()
        except storage.StorageError:
            if name == "articles":
                raise
            frames[name] = empty_frame(name)
    quarantine = [storage.read_work(out, ds, "ingest_quarantine").to_pandas()]
    results = {}
    good = {}
    try:
        for name in ("articles", "events", "mentions", "entities"):
            df = frames[name]
            if name in ("events", "mentions") and len(df):
                orphan = ~df["article_id"].isin(good["articles"]["article_id"])
                if orphan.any():
                    quarantine.append(
                        pd.DataFrame(
                            [
                                quarantine_row(
                                    name,
                                    "its article was quarantined",
                                    None,
                                    r.get("event_id") or r["article_id"],
                                    r,
                                )
                                for r in df[orphan].to_dict("records")
                            ]
                        )
                    )
                    df = df[~orphan].reset_index(drop=True)
            v = validate(name, df)
            good[name] = v.good
            results[name] = v.result
            if len(v.quarantine):
                log.warning(
                    "%s: %d rows quarantined (%s)", name, len(v.quarantine), v.quarantine["reason"].iloc[0]
                )
                quarantine.append(v.quarantine)
        q = (
            pd.concat([f for f in quarantine if len(f)], ignore_index=True)
            if any(len(f) for f in quarantine)
            else empty_frame("quarantine")
        )
        vq = validate("quarantine", q)
        results["quarantine"] = vq.result
        tables = {name: conform(good[name], name) for name in ("articles", "events", "mentions", "entities")}
        tables["quarantine"] = conform(q, "quarantine")
    except SchemaValidationError as exc:
        path = storage.write_validation(
            out,
            ds,
            run_id,
            {"ds": ds, "run_id": run_id, "success": False, "error": str(exc), "tables": results},
        )
        raise SchemaValidationError(
            f"{ds}: {exc}. Nothing was published for {ds}; validation result: {path}"
        ) from None
    paths = storage.publish_partitions(out, ds, tables)
    vpath = storage.write_validation(
        out, ds, run_id, {"ds": ds, "run_id": run_id, "success": True, "tables": results}
    )
    qcounts = q["table"].value_counts().to_dict() if len(q) else {}
    return {
        "paths": {k: storage.table_url(out, k) for k in paths},
        "validation": vpath,
        "counts": {k: v.num_rows for k, v in tables.items()},
        "quarantined": {str(k): int(v) for k, v in qcounts.items()},
        "words": int(tables["articles"].column("n_words").to_numpy().sum())
        if tables["articles"].num_rows
        else 0,
    }


# ------------------------------------------------------------------------------------------ stages


def _chunks(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


def run_ingest(raw_url: str, out_url: str, ds: str, files: list[str] | None = None) -> dict:
    if files is None:
        files = index_raw_task(raw_url).get(ds, [])
    futures = [ingest_files_task.submit(raw_url, batch, ds) for batch in _chunks(files, FILES_PER_TASK)]
    return stage_articles_task(out_url, ds, [f.result() for f in futures])


def run_extract(
    out_url: str,
    ds: str,
    n_articles: int | None = None,
    chunk_size: int = ARTICLES_PER_TASK,
    workers: int = 1,
) -> dict:
    if n_articles is None:
        n_articles = storage.work_num_rows(storage.root(out_url), ds, "articles")
    if workers > 1:  # enough chunks to keep every worker busy
        chunk_size = max(50, min(chunk_size, -(-n_articles // (workers * 4))))
    bounds = [(i, min(i + chunk_size, n_articles)) for i in range(0, n_articles, chunk_size)] or [(0, 0)]
    if workers <= 1 and _in_process_runner():
        # threads would only contend for the GIL (and hold every chunk in memory at once): one by one
        parts = [extract_chunk_task(out_url, ds, a, b, workers) for a, b in bounds]
    else:
        parts = [
            f.result() for f in [extract_chunk_task.submit(out_url, ds, a, b, workers) for a, b in bounds]
        ]
    return stage_extract_task(out_url, ds, parts)


def _in_process_runner() -> bool:
    """True when tasks would run as threads of this process (Prefect's default), not on Dask."""
    from prefect.context import FlowRunContext
    from prefect.task_runners import ThreadPoolTaskRunner

    ctx = FlowRunContext.get()
    return ctx is None or isinstance(ctx.task_runner, ThreadPoolTaskRunner)


def run_publish(out_url: str, ds: str, run_id: str | None = None) -> dict:
    return publish_task(out_url, ds, run_id or _run_id())


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
        stats = run_ingest(raw_url, out_url, ds, files)
        run_extract(out_url, ds, stats["articles"], workers=workers)
        pub = run_publish(out_url, ds)
    return DateSummary(
        ds=ds,
        raw_records=stats["raw_records"],
        articles=pub["counts"]["articles"],
        duplicates=stats["duplicates"],
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
    from flows.validate import warm_up

    warm_up()
    log = get_run_logger()
    index = index_raw_task(raw)
    wanted = list(dates) if dates else [d for d in index if d != storage.UNDATED]
    if not dates and storage.UNDATED in index:
        wanted.append(storage.UNDATED)
    summaries = []
    for ds in wanted:
        if ds not in index:
            log.warning("no raw records for %s in %s", ds, raw)
        s = _process_date(raw, out, ds, index.get(ds, []), workers)
        log.info("%s: %d articles, %d events, quarantined %s", ds, s.articles, s.events, s.quarantined)
        summaries.append(asdict(s) | {"identity_holds": s.identity_holds})
    return summaries


@flow(name="dateline-daily", log_prints=True)
def daily_flow(
    raw: str = "data/raw", out: str = "data/curated", ds: str | None = None, lag_days: int = 1
) -> list[dict]:
    """The scheduled flow: processes the logical date (scheduled time minus ``lag_days``) unless ``ds`` is given."""
    if ds is None:
        from prefect.runtime import flow_run

        start = flow_run.scheduled_start_time or dt.datetime.now(dt.UTC)
        ds = (start - dt.timedelta(days=lag_days)).date().isoformat()
    return pipeline_flow.fn(raw=raw, out=out, dates=[ds])


@flow(name="dateline-ingest")
def ingest_flow(ds: str, raw: str = "data/raw", out: str = "data/curated") -> dict:
    """Stage 1 alone: raw files of ``ds`` → staged articles + ingest quarantine."""
    with storage.date_lock(storage.root(out), ds, owner="ingest"):
        return run_ingest(raw, out, ds)


@flow(name="dateline-extract")
def extract_flow(
    ds: str, out: str = "data/curated", chunk_size: int = ARTICLES_PER_TASK, workers: int = 1
) -> dict:
    """Stage 2 alone: staged articles of ``ds`` → staged events, mentions, entities."""
    with storage.date_lock(storage.root(out), ds, owner="extract"):
        return run_extract(out, ds, chunk_size=chunk_size, workers=workers)


@flow(name="dateline-publish")
def publish_flow(ds: str, out: str = "data/curated") -> dict:
    """Stage 3 alone: validate the staged tables of ``ds`` and publish them."""
    with storage.date_lock(storage.root(out), ds, owner="publish"):
        return run_publish(out, ds)

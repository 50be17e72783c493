"""Many small dates in one go: a `dateline run` over many dates of a few articles each.

A date's fixed cost was mostly Great Expectations: a suite run costs ~0.3-1 s whatever its rows (GX plans every
expectation's metrics), and a date took five. Here consecutive small dates are ingested and extracted by one task
each, validated together — one suite run per table over the rows of all the dates, which the suites allow since
they carry ``ds`` — and split back by ``ds``: each date's good rows, quarantine (with the reasons) and validation
summary are its own, and each date's partitions are swapped in as a one-date run would (replaced, never
duplicated). A schema-level failure re-validates the dates one by one, so the error names its date and the dates
before it are published as a one-by-one run would publish them.
"""

from __future__ import annotations

import contextlib
import time

import pandas as pd
from prefect import task

from flows import pipeline, storage
from flows.pipeline import IO_TASK, DateSummary, _logger, _progress

# a batch of dates holds at most this many articles (by the raw-size guess; memory is bounded by it)
GROUP_ARTICLES = pipeline.ARTICLES_PER_TASK
PUBLISHED = ("articles", "events", "mentions", "entities")


def date_groups(raw_url: str, dates: list[str], index: dict[str, list[str]]) -> list[list[str]]:
    """``dates`` in order, consecutive small dates (a raw-size guess under ``MIN_ARTICLES_PER_WORKER``
    articles) grouped up to ``GROUP_ARTICLES`` articles; every other date is a group of its own."""
    groups: list[list[str]] = []
    current: list[str] = []
    n = 0
    for ds in dates:
        size = pipeline._approx_articles(raw_url, index[ds]) if ds in index else None
        small = size is not None and size < pipeline.MIN_ARTICLES_PER_WORKER and ds != storage.UNDATED
        if current and (not small or n + size > GROUP_ARTICLES):
            groups.append(current)
            current, n = [], 0
        if small:
            current.append(ds)
            n += size
        else:
            groups.append([ds])
    if current:
        groups.append(current)
    return groups


@task(name="ingest-dates", **IO_TASK)
def ingest_dates_task(raw_url: str, out_url: str, files: dict[str, list[str]]) -> dict[str, dict]:
    """Raw files → staged articles for each date of a batch, de-duplicated as if the dates ran one after
    another: against the published dates (one read of their article-id indexes for the whole batch) as they
    stand when the date's turn comes — an earlier date of the batch by what it now keeps."""
    out = storage.root(out_url)
    log = _logger()
    parts: dict[str, list[dict]] = {}
    for ds, rels in files.items():
        for name in ("articles", "ingest_quarantine"):
            storage.clear_work(out, ds, name)
        res = pipeline._ingest_files(raw_url, out_url, rels, ds, 0)
        for reason in res["reasons"]:
            log.warning("quarantined raw record: %s", reason)
        parts[ds] = res["parts"]
    stored = storage.published_article_dates(out, (i for ps in parts.values() for p in ps for i in p["ids"]))
    stats: dict[str, dict] = {}
    earlier: dict[str, str] = {}  # article -> the date of the batch before this one that keeps it
    for ds in files:
        ids = [i for p in parts[ds] for i in p["ids"]]
        published = {}
        for i in ids:
            # the dates of the batch already done count as they are now (in ``earlier``), not as stored
            dates = [d for d in stored.get(i, []) if d != ds and d not in stats]
            dates += [earlier[i]] if i in earlier else []
            if dates:
                published[i] = min(dates)
        stats[ds] = pipeline.stage_articles(out, ds, parts[ds], published)
        earlier |= {i: ds for i in ids if i not in published and i not in earlier}
    return stats


@task(name="extract-dates")
def extract_dates_task(out_url: str, dates: list[str]) -> dict[str, dict]:
    """Events, mentions and entities of a batch of dates: one pass of the extractor over all their articles,
    each table conformed once and written back per date (the date's entities from its own mentions, as a
    one-chunk date gets them)."""
    from transforms.extract import entities_from_mentions, extract
    from transforms.schema import conform

    pipeline._wait_warm("nlp")
    out = storage.root(out_url)
    articles = _read_dates(out, dates, "articles")
    articles["published_at"] = pd.to_datetime(articles["published_at"]).dt.date
    res = extract(articles.drop(columns="ds"))
    day = dict(zip(articles["article_id"], articles["ds"], strict=True))
    tables = {"events": res.events, "mentions": res.mentions}
    for df in tables.values():
        df["ds"] = df["article_id"].map(day)
    tables["entities"] = pd.concat(
        [entities_from_mentions(_of(res.mentions, ds)).assign(ds=ds) for ds in dates], ignore_index=True
    )
    counts = {ds: {} for ds in dates}
    for name, df in tables.items():
        for ds, part in _split(conform(df, name), df, dates).items():
            storage.write_work(out, ds, name, part)
            counts[ds][name] = part.num_rows
    pipeline._release_memory()
    return counts


def _split(table, df: pd.DataFrame, dates: list[str]) -> dict:
    """``table`` (``df`` conformed) cut into each date's rows by ``df``'s ``ds`` column."""
    import numpy as np

    days = df["ds"].to_numpy() if "ds" in df.columns else np.array([None] * len(df))
    return {ds: table.take(np.flatnonzero(days == ds)) for ds in dates}


def _read_dates(out: storage.Root, dates: list[str], name: str, table: str | None = None) -> pd.DataFrame:
    """A staged output of every date of the batch as one frame of ``table`` (default ``name``) with its
    ``ds`` column."""
    from transforms.schema import empty_frame

    frames = [
        t.to_pandas().assign(ds=ds) for ds in dates for t in storage.iter_work(out, ds, name) if t.num_rows
    ]
    return pd.concat(frames, ignore_index=True) if frames else empty_frame(table or name).assign(ds="")


def _of(df: pd.DataFrame, ds: str) -> pd.DataFrame:
    return df[df["ds"] == ds] if "ds" in df.columns else df.iloc[0:0]


def _validate(name: str, df: pd.DataFrame):
    """GX on the batch's rows (with their ``ds``); no rows: no suite run (the contract's columns, no ds)."""
    from flows.validate import validate

    return validate(name, df if len(df) else df.drop(columns="ds", errors="ignore"))


def _orphans(name: str, df: pd.DataFrame, bad_articles: set[str]) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """Rows of quarantined articles go to quarantine with them (``ds`` kept for the split)."""
    from transforms.ingest import quarantine_row

    if name not in ("events", "mentions") or not bad_articles or not len(df):
        return df, None
    orphan = df["article_id"].isin(bad_articles)
    if not orphan.any():
        return df, None
    rows = []
    for r in df[orphan].to_dict("records"):
        ds = r.pop("ds")
        row = quarantine_row(
            name, "its article was quarantined", None, r.get("event_id") or r["article_id"], r
        )
        rows.append(row | {"ds": ds})
    return df[~orphan].reset_index(drop=True), pd.DataFrame(rows)


def _validate_dates(out: storage.Root, dates: list[str], pubs: dict) -> dict:
    """One suite run per table over the batch's rows; good rows written into each date's staged partition.
    Returns the GX results, the merged summary, per-date counts and words, and the quarantine (with ``ds``)."""
    from transforms.schema import conform

    quarantine = [_read_dates(out, dates, "ingest_quarantine", "quarantine")]
    results: dict = {}
    gx: list[tuple[str, int, dict]] = []
    counts = {ds: {} for ds in dates}
    words = dict.fromkeys(dates, 0)
    bad_articles: set[str] = set()
    for name in PUBLISHED:
        df, orphans = _orphans(name, _read_dates(out, dates, name), bad_articles)
        quarantine.append(orphans)
        v = _validate(name, df)
        gx.append((name, 0, v.result.pop("gx", None)))
        pipeline._merge_result(results, name, v.result, len(df))
        quarantine.append(v.quarantine)
        if name == "articles":
            bad_articles = set(df["article_id"]) - set(v.good["article_id"])
        for ds, part in _split(conform(v.good, name), v.good, dates).items():
            pubs[ds].write(name, part)
            counts[ds][name] = part.num_rows
            if name == "articles":
                words[ds] = int(_of(v.good, ds)["n_words"].sum())
    frames = [f for f in quarantine if f is not None and len(f)]
    q = pd.concat(frames, ignore_index=True) if frames else _read_dates(out, [], "quarantine")
    vq = _validate("quarantine", q)
    gx.append(("quarantine", 0, vq.result.pop("gx", None)))
    pipeline._merge_result(results, "quarantine", vq.result, len(q))
    for ds, part in _split(conform(q, "quarantine"), q, dates).items():
        pubs[ds].write("quarantine", part)
        counts[ds]["quarantine"] = part.num_rows
    return {"gx": gx, "results": results, "counts": counts, "words": words, "quarantine": q}


def _date_results(results: dict, q: pd.DataFrame, counts: dict, label: str) -> dict:
    """The batch's validation summary as it concerns one date: its rows, and each failed expectation with the
    count of this date's rows it quarantined (the quarantine table's own check is the batch's)."""
    tables = {}
    for name, r in results.items():
        if name == "quarantine":
            tables[name] = r | {"validated_with": label}
            continue
        failed = []
        for f in r["failed"]:
            desc = f"{f['expectation']}({f['kwargs']})"
            n = (
                int((q["table"].eq(name) & q["reason"].str.contains(desc, regex=False)).sum())
                if len(q)
                else 0
            )
            if n:
                failed.append(f | {"unexpected_count": n})
        rows = counts.get(name, 0) + (int(q["table"].eq(name).sum()) if len(q) else 0)
        tables[name] = {"table": name, "success": not failed, "batches": 1, "rows": rows, "failed": failed,
                        "validated_with": label}  # fmt: skip
    return tables


@task(name="validate-publish-dates", **IO_TASK)
def publish_dates_task(out_url: str, dates: list[str], run_id: str) -> dict[str, dict]:
    """Validate the staged tables of a batch of dates together and publish each date's partitions (all its
    tables swapped in together, as ``publish_task`` does for one date). Returns ``publish_task``'s result per
    date; the GX results (one per table for the batch) and their keys come with the first date."""
    from flows.validate import SchemaValidationError

    out = storage.root(out_url)
    pubs = {ds: storage.StagedPublish(out, ds) for ds in dates}
    try:
        v = _validate_dates(out, dates, pubs)
    except SchemaValidationError:
        for pub in pubs.values():
            pub.abort()
        # one by one, as a run of one date: the error names its date, the dates before it are published
        return {ds: pipeline.publish_task.fn(out_url, ds, run_id) for ds in dates}
    except BaseException:
        for pub in pubs.values():
            pub.abort()
        raise
    label = dates[0] if len(dates) == 1 else f"{dates[0]}..{dates[-1]}"
    res = {ds: _publish_date(out, ds, run_id, pubs[ds], v, label) for ds in dates}
    docs, keys = pipeline._store_gx_results(out, label, run_id, v["gx"])
    for r in res.values():
        r["data_docs"] = docs
    res[dates[0]]["gx_keys"] = keys
    return res


def _publish_date(out: storage.Root, ds: str, run_id: str, pub, v: dict, label: str) -> dict:
    """Swap one date of a validated batch in and write its validation summary."""
    q = _of(v["quarantine"], ds)
    tables = _date_results(v["results"], q, v["counts"][ds], label)
    success = all(t["success"] for t in tables.values())
    paths = pub.commit()
    vpath = storage.write_validation(
        out, ds, run_id, {"ds": ds, "run_id": run_id, "success": True, "tables": tables},
        keep=pipeline.validation_runs_kept(),
    )  # fmt: skip
    reasons = (q["table"] + ": " + q["reason"].str.slice(0, 160)).value_counts().head(20) if len(q) else {}
    return {
        "paths": {k: storage.table_url(out, k) for k in paths},
        "validation": vpath,
        "counts": {k: n for k, n in v["counts"][ds].items() if k != "quarantine"} | {"quarantine": len(q)},
        "quarantined": {str(k): int(n) for k, n in q["table"].value_counts().items()} if len(q) else {},
        "quarantine_reasons": {str(k): int(n) for k, n in dict(reasons).items()},
        "success": success,
        "data_docs": None,
        "gx_keys": [],
        "words": v["words"][ds],
    }


def process_dates(raw_url: str, out_url: str, dates: list[str], index: dict, run_id: str) -> list[tuple]:
    """Ingest, extract, validate and publish a batch of small dates (each under its own lock) with one task a
    stage; returns ``(DateSummary, gx_keys)`` per date. A date without raw records publishes nothing."""
    out = storage.root(out_url)
    took: dict[str, float] = {}
    t0 = t = time.perf_counter()
    with contextlib.ExitStack() as locks:
        for ds in dates:
            locks.enter_context(storage.date_lock(out, ds, owner="pipeline"))
        stats = ingest_dates_task(raw_url, out_url, {ds: index[ds] for ds in dates})
        todo = [ds for ds in dates if stats[ds]["raw_records"]]
        for ds in dates:
            _stage_done(ds, "ingest", len(index[ds]), "files")
            if ds not in todo:
                storage.clear_date_work(out, ds)
        took["ingest"], t = time.perf_counter() - t, time.perf_counter()
        if todo:
            extract_dates_task(out_url, todo)
        for ds in todo:
            _stage_done(ds, "extract", stats[ds]["articles"], "articles")
        took["extract"], t = time.perf_counter() - t, time.perf_counter()
        pubs = publish_dates_task(out_url, todo, run_id) if todo else {}
        for ds in todo:
            _stage_done(ds, "publish", stats[ds]["articles"], "articles")
            storage.clear_date_work(out, ds)
        took["publish"] = time.perf_counter() - t
    share = {k: round(v / max(len(dates), 1), 3) for k, v in took.items()}  # each date's share of the batch
    seconds = round((time.perf_counter() - t0) / max(len(dates), 1), 3)
    res = []
    for ds in dates:
        if ds not in todo:
            res.append((DateSummary(ds=ds, status=pipeline.NO_RAW_DATA), []))
            continue
        s = pipeline.date_summary(ds, stats[ds], pubs[ds], share, seconds)
        pipeline.publish_artifacts_soon(s)
        _progress("date_done", ds=ds, seconds=s.seconds, articles=s.articles, events=s.events)
        res.append((s, pubs[ds].get("gx_keys", [])))
    return res


def _stage_done(ds: str, stage: str, total: int, unit: str) -> None:
    _progress("stage", ds=ds, stage=stage, total=total, unit=unit)
    _progress("advance", ds=ds, stage=stage, done=total, total=total)

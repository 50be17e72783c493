"""The I/O of ``dateline eval`` on article corpora: gold tables and raw stories in through storage, the
pipeline's own ingest and extraction in-process (no Prefect, no GX), events per story out.

A story is named by its raw file's stem (``2022-05-10/<slug>.txt`` → ``<slug>``), which is the name of its
gold table (``<gold-dir>/<slug>.csv``).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from flows import storage


def story_of(source_id: str) -> str:
    """``<slug>.txt`` (an article's ``source_id``) → ``<slug>``."""
    name = str(source_id).rsplit("/", 1)[-1]
    return name[: -len(".txt")] if name.endswith(".txt") else name


def read_gold(gold_dir: str) -> dict[str, pd.DataFrame]:
    """Every ``<slug>.csv`` of the gold dir, as strings (empty cells are empty strings)."""
    return {
        stem: pd.read_csv(fh, dtype=str, keep_default_na=False)
        for stem, fh in storage.open_dir_files(storage.root(gold_dir), ".csv")
    }


def ingest_raw(raw_url: str) -> pd.DataFrame:
    """Every article of a raw dir, cleaned exactly as the pipeline's ingest does (per date folder)."""
    from transforms.ingest import build_articles

    raw = storage.root(raw_url)
    frames = []
    for ds, rels in storage.index_raw(raw).items():
        default = None if ds == storage.UNDATED else dt.date.fromisoformat(ds)
        records = [rec for rel in rels for rec in storage.read_raw_file(raw, rel, ds)]
        frames.append(build_articles(records, default_date=default).articles)
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def extracted_events(articles: pd.DataFrame) -> pd.DataFrame:
    from transforms.extract import extract

    return extract(articles).events if len(articles) else pd.DataFrame()


def published_events(events_url: str, articles_url: str | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """An existing output's events and the articles they join (``<events>/../articles`` by default)."""
    ev = storage.read_table_dir(storage.root(events_url))
    art_url = articles_url or events_url.rstrip("/").rsplit("/", 1)[0] + "/articles"
    return ev, storage.read_table_dir(storage.root(art_url))


def outlet(source) -> str:
    """The outlet an article is grouped under: its ``source`` without the corpus' "[inferred]" mark."""
    if not isinstance(source, str) or not source.strip():
        return "?"
    return source.replace("[inferred]", "").strip()


def events_by_story(articles: pd.DataFrame, events: pd.DataFrame) -> tuple[dict, dict]:
    """(story → its events, story → its outlet)."""
    if articles.empty:
        return {}, {}
    story = dict(zip(articles["article_id"], articles["source_id"].map(story_of), strict=True))
    sources = {
        story_of(s): outlet(src) for s, src in zip(articles["source_id"], articles["source"], strict=True)
    }
    out: dict[str, pd.DataFrame] = {}
    if len(events):
        for aid, group in events.groupby("article_id", sort=False):
            if aid in story:
                out[story[aid]] = group
    return out, sources

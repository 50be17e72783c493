"""The project's own output contract fits its output: the development wire stories, ingested and extracted,
pass the GX suites of the mentions and entities tables without a single quarantined row (quarantine is for
bad input, not for the entity types the pipeline itself emits)."""

import datetime as dt

import pandas as pd

from flows import storage
from flows.validate import validate
from transforms.extract import extract
from transforms.ingest import build_articles


def test_dev_stories_leave_no_mention_or_entity_in_quarantine(shared_eval):
    raw = storage.root(shared_eval / "wire" / "raw")
    mentions, entities = [], []
    for ds, rels in sorted(storage.index_raw(raw).items()):
        records = [r for rel in rels for r in storage.read_raw_file(raw, rel, ds)]
        articles = build_articles(records, None if ds == "undated" else dt.date.fromisoformat(ds)).articles
        out = extract(articles)
        mentions.append(out.mentions)
        entities.append(out.entities)
    mentions_df = pd.concat(mentions, ignore_index=True)
    entities_df = pd.concat(entities, ignore_index=True).drop_duplicates("entity_id", ignore_index=True)
    assert len(mentions_df) > 1000
    for table, df in (("mentions", mentions_df), ("entities", entities_df)):
        v = validate(table, df)
        assert v.quarantine.empty, v.quarantine.head(10).to_dict("records")
        assert len(v.good) == len(df)

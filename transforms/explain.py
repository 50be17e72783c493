"""``dateline explain``: one article's events with the words that decided each field, and what became of every
sentence (an event, part of one, or rejected with the reason). Pure: an article row in, a dict out."""

from __future__ import annotations

import datetime as dt

from transforms.events.assemble import read_article
from transforms.extract import dateline_country
from transforms.nlp import get_nlp, make_doc, sentence_spans

_SHOWN = (
    "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2", "location", "admin1",
    "admin1_iso", "country", "geo_precision", "fatalities", "injuries", "weapon", "quantity",
)  # fmt: skip


def explain_article(article: dict) -> dict:
    """{"article": ..., "events": [fields + "decided_by" + sentences], "sentences": [index, text, outcome,
    reason, event]}; ``event`` is the position of the row the sentence made or joined."""
    nlp = get_nlp()
    doc = nlp(make_doc(nlp, article["text"], dateline_country(article.get("dateline_place"))))
    sentences = sentence_spans(doc)
    rows, drafts, reader = read_article(article, sentences, doc._.mentions or [])
    position = {id(d): i for i, d in enumerate(drafts)}
    events = []
    for row, d in zip(rows, drafts, strict=True):
        shown = {k: _plain(row[k]) for k in _SHOWN}
        events.append(
            shown | {"decided_by": d.evidence, "evidence": row["notes"], "event_id": row["event_id"]}
        )
    text = article["text"]
    told = []
    for dec in reader.trace:
        event = None
        if dec.event is not None and dec.event < len(reader.drafts):
            d = reader.drafts[dec.event]
            while d.merged_into is not None:
                d = d.merged_into
            event = position.get(id(d))
        told.append(
            {"index": dec.sentence_index, "text": text[dec.start : dec.end], "outcome": dec.outcome,
             "reason": dec.reason, "event": event}
        )  # fmt: skip
    head = {
        k: _plain(article.get(k)) for k in ("article_id", "title", "source", "published_at", "dateline_place")
    }
    head["kind"] = reader.kind
    return {"article": head, "events": events, "sentences": told}


def _plain(v):
    if isinstance(v, dt.date):
        return v.isoformat()
    if v is None or (isinstance(v, float) and v != v):
        return None
    return v

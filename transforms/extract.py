"""Articles → (events, mentions, entities). Pure: a DataFrame in, DataFrames out."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import pandas as pd

from transforms.acled import add_acled_columns
from transforms.events.assemble import extract_events
from transforms.names.registry import load_registry
from transforms.names.resolve import resolve_name
from transforms.nlp import PIECE_CHARS, get_nlp, make_doc, sentence_spans, split_pieces
from transforms.schema import columns


@dataclass
class Extracted:
    events: pd.DataFrame
    mentions: pd.DataFrame
    entities: pd.DataFrame


def dateline_country(place: str | None) -> str | None:
    """Country of a dateline place (``KYIV`` → Ukraine), through the registry."""
    if not isinstance(place, str) or not place:
        return None
    res = resolve_name(place)
    if res.method == "provisional":
        return None
    ent = load_registry().get(res.entity_id)
    return ent.country


def extract(articles: pd.DataFrame, batch_size: int = 64) -> Extracted:
    """Run the NLP pipeline over a chunk of articles and assemble events, mentions and entities."""
    nlp = get_nlp()
    events: list[dict] = []
    mention_cols: dict[str, list] = {c: [] for c in _MENTION_FIELDS}
    # column by column: iterating Arrow-backed string columns value by value is slow
    cols = list(articles.columns)
    values = zip(*(articles[c].tolist() for c in cols), strict=True)
    records = [dict(zip(cols, row, strict=True)) for row in values]
    # an article longer than the pipeline's limit (spaCy's max_length, E088) goes through in pieces cut at
    # paragraph breaks; the pieces' sentences and mentions are shifted back to offsets in the whole text
    limit = min(PIECE_CHARS, nlp.max_length)
    pieces = [
        (i, a, b, n)
        for i, article in enumerate(records)
        for spans in [split_pieces(article["text"], limit)]
        for (a, b), n in zip(spans, range(len(spans) - 1, -1, -1), strict=True)
    ]  # (article index, piece start, piece end, pieces left after this one)
    # a memory zone frees the strings and lexemes the chunk added to the vocab: a long-running worker's
    # memory does not grow with the number of distinct words it has seen (nothing here outlives the docs)
    with nlp.memory_zone():
        countries = [dateline_country(a.get("dateline_place")) for a in records]
        docs = (make_doc(nlp, records[i]["text"][a:b], countries[i]) for i, a, b, _ in pieces)
        sentences: list[tuple[int, int]] = []
        mentions: list = []
        for (i, a, _, left), doc in zip(pieces, nlp.pipe(docs, batch_size=batch_size), strict=True):
            found = doc._.mentions or []
            if a:
                sentences.extend((s + a, e + a) for s, e in sentence_spans(doc))
                mentions.extend(
                    m._replace(char_start=m.char_start + a, char_end=m.char_end + a) for m in found
                )
            else:
                sentences.extend(sentence_spans(doc))
                mentions.extend(found)
            if left:
                continue
            article = records[i]
            events.extend(extract_events(article, sentences, mentions))
            mention_cols["article_id"].extend([article["article_id"]] * len(mentions))
            for f in _MENTION_FIELDS[1:]:
                mention_cols[f].extend([getattr(m, f) for m in mentions])
            sentences, mentions = [], []
    ev = add_acled_columns(pd.DataFrame(events, columns=columns("events")))
    mn = pd.DataFrame(mention_cols, columns=columns("mentions"))
    return Extracted(ev, mn, _entities(mention_cols))


_MENTION_FIELDS = tuple(columns("mentions"))  # the Mention attributes, article_id first


def entities_from_mentions(mentions: pd.DataFrame) -> pd.DataFrame:
    """The entities seen, with every spelling (most frequent first) and their mention counts."""
    return _entities(
        {c: mentions[c].tolist() for c in ("entity_id", "surface", "canonical_name", "entity_type")}
    )


def _entities(mentions: dict[str, list]) -> pd.DataFrame:
    reg = load_registry()
    variants: dict[str, Counter] = defaultdict(Counter)
    first: dict[str, tuple[str, str]] = {}
    for eid, surface, canonical, etype in zip(
        mentions["entity_id"],
        mentions["surface"],
        mentions["canonical_name"],
        mentions["entity_type"],
        strict=True,
    ):
        variants[eid][surface] += 1
        first.setdefault(eid, (canonical, etype))
    rows = []
    for eid, counter in variants.items():
        ent = reg.entities.get(eid)
        canonical, etype = first[eid]
        rows.append(
            {
                "entity_id": eid,
                "canonical_name": ent.canonical_name if ent else counter.most_common(1)[0][0],
                "entity_type": ent.entity_type if ent else etype,
                "provisional": ent is None,
                "admin1_iso": ent.admin1_iso if ent else None,
                "country": ent.country if ent else None,
                "latitude": ent.latitude if ent else None,
                "longitude": ent.longitude if ent else None,
                "variants": "|".join(s for s, _ in counter.most_common()),
                "n_mentions": sum(counter.values()),
            }
        )
    df = pd.DataFrame(rows, columns=columns("entities"))
    return df.sort_values("entity_id", kind="stable").reset_index(drop=True)


def merge_entities(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Combine per-chunk entity tables: sum mentions, union variants (most frequent first)."""
    frames = [f for f in frames if len(f)]
    if not frames:
        return pd.DataFrame(columns=columns("entities"))
    df = pd.concat(frames, ignore_index=True)
    if not df["entity_id"].duplicated().any():
        return df.sort_values("entity_id", kind="stable").reset_index(drop=True)
    rows = []
    for _eid, g in df.groupby("entity_id", sort=True):
        counter: Counter = Counter()
        for v, n in zip(g["variants"], g["n_mentions"], strict=True):
            parts = v.split("|")
            for p in parts:
                counter[p] += n / len(parts)
        row = g.iloc[0].to_dict()
        row["variants"] = "|".join(s for s, _ in counter.most_common())
        row["n_mentions"] = int(g["n_mentions"].sum())
        rows.append(row)
    return pd.DataFrame(rows, columns=columns("entities"))

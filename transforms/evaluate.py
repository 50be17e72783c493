"""Scoring extracted events against human-coded gold. Pure: DataFrames in, figures out.

Two gold formats:
- ACLED export rows (event_date, event_type, sub_event_type, actor1, actor2, admin1, location, fatalities,
  notes): each note is one article published the day after its event_date; per-field accuracy is the share of
  gold rows whose best-matching extracted event has that field right.
- article-level tiered gold (``seed_gold_events.csv``): tier 1 must be found, tier 2 is acceptable.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import pandas as pd

from transforms.events.conventions import acled_place
from transforms.names.registry import load_registry
from transforms.names.resolve import region_id, resolve_place_in

# Pairs of different entities that look alike and must never share an id (name resolution, issue #3).
NAME_TRAPS = (
    ("Kim Jong Un", "Kim Jong Il"),
    ("Vitali Klitschko", "Wladimir Klitschko"),
    ("Yulia Tymoshenko", "Yuriy Tymoshenko"),
    ("Dnipro", "Dnipropetrovsk Oblast"),
    ("Kherson", "Kherson Oblast"),
    ("Kyiv", "Kyiv Oblast"),
    ("Odesa", "Odessa, Texas"),
)
FIELDS = ("event_type", "sub_event_type", "event_date", "admin1", "location", "actor1_side", "fatalities")
# reported beside FIELDS: actor2's side where the gold row gives it, and actor1's side read the way a gold row
# of a monadic export means it (below)
ACTOR_FIGURES = ("actor1_side_any_layout", "actor2_side")
_RUSSIA_SIDE = (
    "Russia",
    "NAF:",
    "Novorossiya",
    "Donetsk People's Republic",
    "Luhansk People's Republic",
    "Wagner",
)


def side(actor) -> str:
    """Russia / Ukraine / other for an ACLED-style actor name."""
    if not isinstance(actor, str) or not actor:
        return "none"
    if any(k in actor for k in _RUSSIA_SIDE):
        return "Russia"
    if "Ukraine" in actor:
        return "Ukraine"
    return "other"


def admin1_iso(name) -> str | None:
    """ACLED admin1 name (``Kharkiv``, ``Kyiv City``, ``Zaporizhia``) → ISO 3166-2 through the registry."""
    if not isinstance(name, str) or not name:
        return None
    table = _admin1_table()
    if name in table:
        return table[name]
    return region_id(name)


_ADMIN1: dict[str, str] = {}


def _admin1_table() -> dict[str, str]:
    if not _ADMIN1:
        for e in load_registry().entities.values():
            if e.entity_type == "region" and e.admin1:
                _ADMIN1.setdefault(e.admin1, e.entity_id)
    return _ADMIN1


def same_place(gold, pred, gold_admin1: str | None = None, pred_admin1: str | None = None) -> bool:
    """The same place: both names resolved within their own first-level region (ACLED's location is a name
    in an admin1; "Vodyane, Donetsk" is not the most prominent Vodiane of Ukraine)."""
    if not isinstance(gold, str) or not gold:
        return not isinstance(pred, str) or not pred
    if not isinstance(pred, str) or not pred:
        return False
    a = resolve_place_in(gold, gold_admin1)
    b = resolve_place_in(pred, pred_admin1 if isinstance(pred_admin1, str) else None)
    return a.entity_id == b.entity_id or a.canonical_name == b.canonical_name


def acled_articles(gold: pd.DataFrame) -> pd.DataFrame:
    """One article per gold note, published the day after its event_date."""
    rows = []
    for i, r in gold.reset_index(drop=True).iterrows():
        published = pd.to_datetime(r["event_date"]).date() + dt.timedelta(days=1)
        text = str(r["notes"])
        rows.append(
            {
                "article_id": hashlib.sha1(f"{i}|{text}".encode()).hexdigest()[:16],
                "source_id": f"gold:{i}",
                "source": "eval",
                "url": None,
                "title": None,
                "dateline_place": None,
                "published_at": published,
                "text": text,
                "n_words": len(text.split()),
                "raw_path": f"gold:{i}",
            }
        )
    return pd.DataFrame(rows)


def one_actor_line(g) -> bool:
    """A gold row that is one actor's line of ACLED's monadic export: its ``interaction`` code names two actor
    types (18: state forces and external forces) but the row gives no actor2. Its actor1 is either actor of
    the event (the note "Ukrainian forces shelled DPR positions" appears as a DPR row and a Ukraine row)."""
    code = str(g.get("interaction") or "")
    return len(code) == 2 and code.isdigit() and code[1] != "0" and not (g.get("actor2") or "")


def _actor_hits(g, e) -> dict[str, bool]:
    gold1 = side(g["actor1"])
    if one_actor_line(g):
        return {
            "actor1_side_any_layout": gold1 in (side(e["actor1"]), side(e["actor2"])),
            "actor2_side": None,
        }
    return {
        "actor1_side_any_layout": side(e["actor1"]) == gold1,
        "actor2_side": side(e["actor2"]) == side(g.get("actor2")),
    }


def _field_hits(g, e) -> dict[str, bool]:
    return {
        "event_type": e["event_type"] == g["event_type"],
        "sub_event_type": e["sub_event_type"] == g["sub_event_type"],
        "event_date": pd.to_datetime(e["event_date"]).date() == pd.to_datetime(g["event_date"]).date(),
        "admin1": admin1_iso(g["admin1"]) is not None and e["admin1_iso"] == admin1_iso(g["admin1"]),
        "location": same_place(g.get("location"), e["location"], admin1_iso(g["admin1"]), e["admin1_iso"]),
        "actor1_side": side(e["actor1"]) == side(g["actor1"]),
        "fatalities": (0 if pd.isna(e["fatalities"]) else int(e["fatalities"])) == int(g["fatalities"] or 0),
    }


_ROW_FIELDS = (
    "event_type",
    "sub_event_type",
    "event_date",
    "admin1",
    "location",
    "actor1",
    "actor2",
    "fatalities",
)


def score_acled(
    gold: pd.DataFrame,
    articles: pd.DataFrame,
    events: pd.DataFrame,
    by: str | None = None,
    rows: list[dict] | None = None,
) -> dict:
    """Per-field accuracy over gold rows (best-matching event per note), events per note, per-sub-type P/R;
    with ``by`` (a gold column, e.g. the source of each row) the same figures for each of its values too.
    ``rows``, when given, receives one dict per gold row: its best event's values and a hit flag per field."""
    if by is not None:
        return _score_acled_by(gold, articles, events, by, rows)
    events = acled_view(events)
    n = len(gold)
    t = _tally_notes(gold, articles, events, rows)
    return {
        "notes": n,
        "note_yields_event": round(t.with_event / n, 4) if n else None,
        **{f: round(t.hits[f] / n, 4) if n else None for f in FIELDS},
        **{
            f: round(t.actor_hits[f] / t.actor_rows[f], 4) if t.actor_rows[f] else None for f in ACTOR_FIGURES
        },
        "events_per_note": round(len(events) / n, 3) if n else None,
        "per_sub_event_type": _per_sub_event_type(t.confusion),
        "confusion": {g: dict(c) for g, c in t.confusion.items()},
    }


def _score_acled_by(
    gold: pd.DataFrame, articles: pd.DataFrame, events: pd.DataFrame, by: str, rows: list[dict] | None
) -> dict:
    """``score_acled`` over every gold row, with ``report["by"]``: the figures (not the per-type tables) of
    the rows of each value of the gold column ``by``."""
    if by not in gold.columns:
        raise KeyError(f"gold has no column {by!r} (columns: {', '.join(gold.columns)})")
    report = score_acled(gold, articles, events, rows=rows)
    gold = gold.reset_index(drop=True)
    report["by"] = {}
    for value, idx in gold.groupby(by, sort=True).groups.items():
        part_articles = articles.iloc[list(idx)]
        part = score_acled(
            gold.loc[idx], part_articles, events[events["article_id"].isin(part_articles["article_id"])]
        )
        report["by"][str(value)] = {k: v for k, v in part.items() if not isinstance(v, dict)}
    return report


@dataclass
class _Tally:
    """What ``score_acled`` counts over the gold notes."""

    hits: Counter = field(default_factory=Counter)  # per field of FIELDS
    actor_hits: Counter = field(default_factory=Counter)  # per figure of ACTOR_FIGURES
    actor_rows: Counter = field(default_factory=Counter)  # the notes each actor figure is taken over
    confusion: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))  # gold -> predicted
    with_event: int = 0  # notes with at least one event


def _tally_notes(
    gold: pd.DataFrame, articles: pd.DataFrame, events: pd.DataFrame, rows: list[dict] | None
) -> _Tally:
    """Each gold note against the events of its article (``articles`` in the order of ``gold``): the fields
    its best event has right, the actor figures, gold against predicted sub-event type; a line per note into
    ``rows`` when given."""
    by_article = {aid: g for aid, g in events.groupby("article_id")} if len(events) else {}
    t = _Tally()
    for (_, g), aid in zip(gold.reset_index(drop=True).iterrows(), articles["article_id"], strict=True):
        cands = by_article.get(aid)
        t.actor_rows["actor1_side_any_layout"] += 1
        t.actor_rows["actor2_side"] += not one_actor_line(g)
        if cands is None or cands.empty:
            t.confusion[g["sub_event_type"]]["(none)"] += 1
            if rows is not None:
                rows.append(_row(g, None, {}, 0))
            continue
        t.with_event += 1
        best, best_event = _best_event(g, cands)
        for f, ok in best.items():
            t.hits[f] += ok
        for f, ok in _actor_hits(g, best_event).items():
            t.actor_hits[f] += bool(ok)
        if rows is not None:
            rows.append(_row(g, best_event, best, len(cands)))
        pred = g["sub_event_type"] if best["sub_event_type"] else cands.iloc[0]["sub_event_type"]
        t.confusion[g["sub_event_type"]][pred] += 1
    return t


def _best_event(g, cands: pd.DataFrame) -> tuple[dict[str, bool], pd.Series]:
    """A note's best-matching event and its field hits: the right sub-event type first, then the most fields
    right (the first of equals)."""
    return max(
        ((_field_hits(g, e), e) for _, e in cands.iterrows()),
        key=lambda he: (he[0]["sub_event_type"], sum(he[0].values())),
    )


def _per_sub_event_type(confusion: dict[str, Counter]) -> dict[str, dict]:
    """Gold and predicted notes, precision and recall of each sub-event type, from the confusion."""
    labels = sorted(set(confusion) | {p for c in confusion.values() for p in c} - {"(none)"})
    per_sub = {}
    for s in labels:
        tp = confusion.get(s, Counter())[s]
        gold_n = sum(confusion.get(s, Counter()).values())
        pred_n = sum(c[s] for c in confusion.values())
        per_sub[s] = {
            "gold": gold_n,
            "predicted": pred_n,
            "precision": round(tp / pred_n, 3) if pred_n else None,
            "recall": round(tp / gold_n, 3) if gold_n else None,
        }
    return per_sub


def acled_view(events: pd.DataFrame) -> pd.DataFrame:
    """The events as ACLED codes them (``conventions.acled_place``: a region-only event at the region's centre),
    to be compared with ACLED's rows."""
    if events.empty:
        return events
    ev = events.copy()
    places = [
        acled_place(loc, iso, geo)
        for loc, iso, geo in zip(ev["location"], ev["admin1_iso"], ev["geo_precision"], strict=True)
    ]
    ev["location"] = [p[0] for p in places]
    ev["admin1_iso"] = [p[1] for p in places]
    return ev


def _row(g, e, hits: dict[str, bool], n_events: int) -> dict:
    """One gold note's line for ``dateline eval --rows``: gold and predicted value of each field, and the hits."""
    out = {"notes": g["notes"], "n_events": n_events}
    for f in _ROW_FIELDS:
        out[f"gold_{f}"] = g.get(f)
        out[f"pred_{f}"] = None if e is None else e[f]
    return out | {f"ok_{f}": hits.get(f, False) for f in FIELDS}


def score_tiered(gold: pd.DataFrame, events: pd.DataFrame) -> dict:
    """Article-level tiered gold: tier-1 recall (with date, admin1 and counts), precision over all tiers."""

    def matches(g, e) -> bool:
        subs = set(str(g["sub_event_type"]).split("|"))
        if e["sub_event_type"] not in subs:
            return False
        g_iso = g["admin1_iso"] if isinstance(g["admin1_iso"], str) else ""
        e_iso = e["admin1_iso"] if isinstance(e["admin1_iso"], str) else ""
        if g_iso != e_iso:
            return False
        return bool(g_iso) or e["country"] == g["country"]

    def exact(g, e) -> bool:
        def num(v):
            return 0 if pd.isna(v) or v == "" else int(v)

        return (
            pd.to_datetime(e["event_date"]).date() == pd.to_datetime(g["event_date"]).date()
            and num(e["fatalities"]) == num(g["fatalities"])
            and num(e["injuries"]) == num(g["injuries"])
        )

    tier1 = gold[gold["tier"].astype(str) == "1"]
    found = exact_ok = 0
    missing = []
    for _, g in tier1.iterrows():
        m = [e for _, e in events.iterrows() if matches(g, e)]
        if m:
            found += 1
            exact_ok += any(exact(g, e) for e in m)
        else:
            missing.append(g.get("gold_id"))
    matched_events = sum(any(matches(g, e) for _, g in gold.iterrows()) for _, e in events.iterrows())
    return {
        "tier1_gold": len(tier1),
        "tier1_found": found,
        "tier1_recall": round(found / len(tier1), 4) if len(tier1) else None,
        "tier1_exact_date_and_counts": exact_ok,
        "events": len(events),
        "events_matching_gold": matched_events,
        "precision": round(matched_events / len(events), 4) if len(events) else None,
        "tier1_missing": missing,
    }

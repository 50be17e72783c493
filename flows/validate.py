"""The Great Expectations gate: suites from ``expectations/<table>.json`` → good rows + quarantined rows.

Each expectation's ``meta.level`` says what a failure means: ``schema`` fails the run for the date (nothing
is published for it); ``row`` sends the failing rows to quarantine with the expectation that failed.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from transforms.ingest import quarantine_row
from transforms.schema import PRIMARY_KEYS

EXPECTATIONS_DIR = Path(
    os.environ.get("DATELINE_EXPECTATIONS", Path(__file__).resolve().parents[1] / "expectations")
)
_DATE_COLUMNS = ("published_at", "event_date")
_lock = threading.Lock()


class SchemaValidationError(RuntimeError):
    """A schema-level expectation failed: the date is not published."""


@dataclass
class Validated:
    good: pd.DataFrame
    quarantine: pd.DataFrame
    result: dict


def load_suite(table: str) -> dict:
    path = EXPECTATIONS_DIR / f"{table}.json"
    if not path.exists():
        raise FileNotFoundError(f"{path}: no expectation suite for table {table!r}; add one to expectations/")
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def prepare(tables=("articles", "events", "mentions", "entities", "quarantine")) -> None:
    """Import GX and build the suites now (~3 s), e.g. in a thread while the Prefect server starts;
    ``validate`` waits for it through the same lock."""
    with _lock:
        for table in tables:
            _suite_and_batch(table)


@lru_cache(maxsize=1)
def _context():
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    import great_expectations as gx

    for name in list(logging.root.manager.loggerDict):
        if name.startswith("great_expectations"):
            logging.getLogger(name).setLevel(logging.WARNING)
    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    from great_expectations.data_context.types.base import ProgressBarsConfig

    ctx = gx.get_context(mode="ephemeral")
    ctx.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    source = ctx.data_sources.add_pandas("dateline")
    return gx, ctx, source


@lru_cache(maxsize=16)
def _suite_and_batch(table: str):
    gx, ctx, source = _context()
    spec = load_suite(table)
    suite = ctx.suites.add(
        gx.ExpectationSuite(name=spec["name"], expectations=spec["expectations"], meta=spec.get("meta", {}))
    )
    batch_def = source.add_dataframe_asset(name=table).add_batch_definition_whole_dataframe(f"{table}-all")
    levels = [e.get("meta", {}).get("level", "row") for e in spec["expectations"]]
    return suite, batch_def, levels


def validate(table: str, df: pd.DataFrame) -> Validated:
    """Validate one table's rows; return the rows that pass, quarantine rows for the rest, and the GX result."""
    with _lock:  # GX contexts are not thread-safe
        suite, batch_def, levels = _suite_and_batch(table)
        frame = df.reset_index(drop=True).copy()
        for col in _DATE_COLUMNS:
            if col in frame.columns:
                frame[col] = pd.to_datetime(frame[col], errors="coerce")
        batch = batch_def.get_batch(batch_parameters={"dataframe": frame})
        # row positions come back in unexpected_index_list (the frame has a RangeIndex)
        result = batch.validate(suite, result_format={"result_format": "COMPLETE"})
    level_by_id = {e.id: lvl for e, lvl in zip(suite.expectations, levels, strict=True)}
    bad: dict[int, list[str]] = {}
    schema_failures = []
    for r in result.results:
        if r.success:
            continue
        cfg = r.expectation_config
        level = level_by_id.get(cfg.id, "row")
        desc = f"{cfg.type}({_kwargs_text(cfg.kwargs)})"
        rows = _row_positions((r.result or {}).get("unexpected_index_list"))
        if level == "schema" or not rows:
            schema_failures.append(f"{desc}: observed {(r.result or {}).get('observed_value')}")
            continue
        if cfg.type in ("expect_column_values_to_be_unique", "expect_compound_columns_to_be_unique"):
            rows = _duplicates_after_first(df, cfg.kwargs)
        for i in rows:
            bad.setdefault(int(i), []).append(desc)
    summary = {
        "table": table,
        "success": result.success,
        "statistics": dict(result.statistics),
        "failed": [
            {"expectation": r.expectation_config.type, "kwargs": _kwargs_text(r.expectation_config.kwargs),
             "unexpected_count": (r.result or {}).get("unexpected_count")}
            for r in result.results if not r.success
        ],
    }  # fmt: skip
    if schema_failures:
        raise SchemaValidationError(
            f"table {table!r} failed schema-level expectations: " + "; ".join(schema_failures)
        )
    mask = df.reset_index(drop=True).index.isin(list(bad))
    good = df.reset_index(drop=True)[~mask].reset_index(drop=True)
    failed = df.reset_index(drop=True)[mask]
    keys = PRIMARY_KEYS.get(table, [])
    q_rows = []
    for i, row in failed.iterrows():
        record = row.to_dict()
        rid = "|".join(str(record[k]) for k in keys) if keys else None
        raw = record.get("raw_path")
        reasons = bad[int(i)]
        q = quarantine_row(table, "failed " + "; ".join(reasons), raw, rid, record)
        q["expectation"] = reasons[0].split("(", 1)[0]
        q_rows.append(q)
    return Validated(
        good, pd.DataFrame(q_rows, columns=list(quarantine_row("x", "", None, None, {}).keys())), summary
    )


def _row_positions(index_list) -> list[int]:
    out = []
    for u in index_list or []:
        if isinstance(u, dict):
            u = u.get("index", next(iter(u.values()), None))
        if isinstance(u, (int, float)) or hasattr(u, "__index__"):
            out.append(int(u))
    return out


def _duplicates_after_first(df: pd.DataFrame, kwargs: dict) -> list[int]:
    cols = kwargs.get("column_list") or [kwargs["column"]]
    dup = df.reset_index(drop=True).duplicated(subset=cols, keep="first")
    return [int(i) for i in dup[dup].index]


def _kwargs_text(kwargs) -> str:
    kw = {
        k: v
        for k, v in dict(kwargs).items()
        if k not in ("batch_id", "value_set", "value_pairs_set", "column_set", "condition_parser")
    }
    cond = kw.get("row_condition")
    # GX keeps a pandas condition as {"type": "pass_through", "pass_through_filter": ...}
    if isinstance(cond, dict):
        kw["row_condition"] = cond.get("pass_through_filter", cond)
    return ", ".join(f"{k}={v}" for k, v in kw.items())

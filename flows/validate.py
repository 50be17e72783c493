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
from transforms.schema import PRIMARY_KEYS, SCHEMAS

_COLUMNS = {name: schema.names for name, schema in SCHEMAS.items()}

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
        gx.ExpectationSuite(
            name=spec["name"], id=spec.get("id"), expectations=spec["expectations"], meta=spec.get("meta", {})
        )
    )
    batch_def = source.add_dataframe_asset(name=table).add_batch_definition_whole_dataframe(f"{table}-all")
    levels = [e.get("meta", {}).get("level", "row") for e in spec["expectations"]]
    return suite, batch_def, levels


def validate(table: str, df: pd.DataFrame, ds: str | None = None) -> Validated:
    """Validate one table's rows as they are published (with the ``ds`` partition column); return the rows that
    pass, quarantine rows for the rest, the summary and the GX result (``Validated.result["gx"]``, JSON).

    ``df`` may carry its own ``ds`` column (the rows of several dates validated in one suite run): the good rows
    keep it and each quarantine row gets its row's ``ds`` (not in ``original``), to be split back per date."""
    if df.empty and list(df.columns) == _COLUMNS.get(table):
        # no rows: no row can fail, and the columns are the contract's (GX would spend ~0.1-0.3 s to say so)
        summary = {"table": table, "success": True, "statistics": {"evaluated_expectations": 0}, "failed": []}
        return Validated(df.reset_index(drop=True), _empty_quarantine(), summary | {"gx": None})
    suite, levels, frame, result, gx_result = _run_suite(table, df, ds)
    bad, schema_failures = _failures(suite, levels, frame, result)
    summary = _summary(table, result, gx_result)
    if schema_failures:
        raise SchemaValidationError(
            f"table {table!r} failed schema-level expectations: " + "; ".join(schema_failures)
        )
    good, quarantine = _split_rows(table, df, bad)
    return Validated(good, quarantine, summary)


def _run_suite(table: str, df: pd.DataFrame, ds: str | None):
    """Run the table's suite on a copy of ``df`` (dates parsed, ``ds`` added when missing); returns the suite,
    the level of each expectation, the frame validated, the GX result and its stored form."""
    with _lock:  # GX contexts are not thread-safe
        suite, batch_def, levels = _suite_and_batch(table)
        frame = df.reset_index(drop=True).copy()
        for col in _DATE_COLUMNS:
            if col in frame.columns:
                frame[col] = pd.to_datetime(frame[col], errors="coerce")
        if "ds" not in frame.columns:
            frame["ds"] = ds
        batch = batch_def.get_batch(batch_parameters={"dataframe": frame})
        # row positions come back in unexpected_index_list (the frame has a RangeIndex)
        result = batch.validate(suite, result_format={"result_format": "COMPLETE"})
        gx_result = _stored_form(result)
    return suite, levels, frame, result, gx_result


def _failures(
    suite, levels: list[str], frame: pd.DataFrame, result
) -> tuple[dict[int, list[str]], list[str]]:
    """The failed expectations of a result: ``{row position: [expectation, ...]}`` for the row-level ones, and
    a line per schema-level failure (or a row-level one that names no row)."""
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
            rows = _duplicates_after_first(frame, cfg.kwargs)
        for i in rows:
            bad.setdefault(int(i), []).append(desc)
    return bad, schema_failures


def _summary(table: str, result, gx_result: dict) -> dict:
    """The validation summary of a table: success, statistics, each failed expectation, the GX result."""
    return {
        "table": table,
        "success": result.success,
        "statistics": dict(result.statistics),
        "failed": [
            {"expectation": r.expectation_config.type, "kwargs": _kwargs_text(r.expectation_config.kwargs),
             "unexpected_count": (r.result or {}).get("unexpected_count")}
            for r in result.results if not r.success
        ],
        "gx": gx_result,
    }  # fmt: skip


def _split_rows(table: str, df: pd.DataFrame, bad: dict[int, list[str]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The rows that pass, and a quarantine row (with the expectations it failed) for each row in ``bad``."""
    mask = df.reset_index(drop=True).index.isin(list(bad))
    good = df.reset_index(drop=True)[~mask].reset_index(drop=True)
    failed = df.reset_index(drop=True)[mask]
    keys = PRIMARY_KEYS.get(table, [])
    by_date = "ds" in df.columns
    q_rows = []
    for i, row in failed.iterrows():
        record = row.to_dict()
        row_ds = record.pop("ds", None) if by_date else None
        rid = "|".join(str(record[k]) for k in keys) if keys else None
        raw = record.get("raw_path")
        reasons = bad[int(i)]
        q = quarantine_row(table, "failed " + "; ".join(reasons), raw, rid, record)
        q["expectation"] = reasons[0].split("(", 1)[0]
        if by_date:
            q["ds"] = row_ds
        q_rows.append(q)
    return good, pd.DataFrame(q_rows, columns=_quarantine_columns(by_date))


def _quarantine_columns(by_date: bool = False) -> list[str]:
    return list(quarantine_row("x", "", None, None, {}).keys()) + (["ds"] if by_date else [])


def _empty_quarantine() -> pd.DataFrame:
    return pd.DataFrame(columns=_quarantine_columns())


_KEEP_UNEXPECTED = 20  # stored results keep this many failing values / row positions per expectation


def _stored_form(result) -> dict:
    """The GX validation result as GX stores it (JSON), with the per-row lists cut to ``_KEEP_UNEXPECTED``
    entries (the quarantine keeps every failing row; the stored result and Data Docs need only a sample)."""
    d = result.to_json_dict()
    for r in d.get("results", []):
        res = r.get("result") or {}
        for k in ("unexpected_list", "unexpected_index_list", "partial_unexpected_list",
                  "partial_unexpected_index_list", "partial_unexpected_counts"):  # fmt: skip
            if isinstance(res.get(k), list):
                res[k] = res[k][:_KEEP_UNEXPECTED]
        res.pop("unexpected_index_query", None)
    return d


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


# ------------------------------------------------------------------------------ the GX project under OUT/_gx

_projects: dict[str, object] = {}
_project_lock = threading.Lock()
DOCS_SITE = "local_site"


def _project(project_dir: str):
    """The output's GX project (a ``FileDataContext`` at ``project_dir/gx``): the suites are the files of
    ``expectations/`` as they are, with one pandas asset and one ``ValidationDefinition`` per table."""
    if project_dir in _projects:
        return _projects[project_dir]
    gx, _, _ = _context()
    ctx = gx.get_context(mode="file", project_root_dir=project_dir)
    suites_dir = Path(ctx.root_directory) / "expectations"
    for path in sorted(EXPECTATIONS_DIR.glob("*.json")):
        target = suites_dir / path.name
        if not target.exists() or target.read_bytes() != path.read_bytes():
            target.write_bytes(path.read_bytes())
    try:
        source = ctx.data_sources.get("dateline")
    except (KeyError, ValueError, LookupError):
        source = ctx.data_sources.add_pandas("dateline")
    for path in sorted(EXPECTATIONS_DIR.glob("*.json")):
        table = path.stem
        name = f"dateline-{table}"
        try:
            ctx.validation_definitions.get(name)
            continue
        except Exception:  # not there yet
            pass
        try:
            asset = source.get_asset(table)
        except LookupError:
            asset = source.add_dataframe_asset(name=table)
        try:
            batch_def = asset.get_batch_definition(f"{table}-all")
        except (KeyError, ValueError, LookupError):
            batch_def = asset.add_batch_definition_whole_dataframe(f"{table}-all")
        ctx.validation_definitions.add(
            gx.ValidationDefinition(name=name, data=batch_def, suite=ctx.suites.get(table))
        )
    _projects[project_dir] = ctx
    return ctx


def store_results(project_dir: str, ds: str, run_id: str, results: list[tuple[str, int, dict]]) -> list:
    """Store a date's GX validation results (table, batch index, result JSON) in the project's validation
    results store, keyed by suite, run and batch as GX keys them; returns the keys (for ``build_docs``)."""
    import datetime as dt

    from great_expectations.core.expectation_validation_result import ExpectationSuiteValidationResultSchema
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )

    with _project_lock:
        ctx = _project(project_dir)
        run = RunIdentifier(run_name=run_id, run_time=dt.datetime.now(dt.UTC))
        schema = ExpectationSuiteValidationResultSchema()
        keys = []
        for table, index, data in results:
            res = schema.load(data)
            res.meta["run_id"] = run
            res.meta["ds"] = ds
            key = ValidationResultIdentifier(
                ExpectationSuiteIdentifier(table), run, f"ds={ds}-{table}-{index:03d}"
            )
            ctx.validation_results_store.set(key, res)
            keys.append(key)
        return keys


def docs_index(project_dir: str) -> str:
    """Where the project's Data Docs index is (built by ``build_docs``)."""
    return str(Path(project_dir) / "gx" / "uncommitted" / "data_docs" / DOCS_SITE / "index.html")


def prune_results(project_dir: str, keep: int) -> int:
    """Keep the stored GX results of the newest ``keep`` runs (run names start with their UTC time) and remove
    the rest; the next Data Docs build drops their pages, so the site and its index stay bounded however long
    the history. Returns how many results were removed."""
    with _project_lock:
        store = _project(project_dir).validation_results_store
        keys = store.list_keys()
        old = set(sorted({k.run_id.run_name for k in keys})[:-keep]) if keep > 0 else set()
        gone = [k for k in keys if k.run_id.run_name in old]
        for key in gone:
            store.remove_key(key)
        return len(gone)


def build_docs(project_dir: str, keys: list) -> str:
    """Render the results of ``keys`` and the index of the project's Data Docs; returns the index path."""
    with _project_lock:
        ctx = _project(project_dir)
        ctx.build_data_docs(site_names=[DOCS_SITE], resource_identifiers=keys or None)
    return docs_index(project_dir)

import json
from pathlib import Path

import pandas as pd
import pytest

from transforms.schema import (
    ACLED_SUB_EVENT_TYPES,
    SCHEMAS,
    SchemaError,
    conform,
    data_dictionary_markdown,
)

ROOT = Path(__file__).resolve().parents[2]


def test_acled_codebook_has_6_types_and_25_sub_types():
    assert len(ACLED_SUB_EVENT_TYPES) == 6
    assert sum(len(v) for v in ACLED_SUB_EVENT_TYPES.values()) == 25


def test_readme_data_dictionary_is_rendered_from_the_schemas():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert data_dictionary_markdown().strip() in readme, "run `dateline schema` and paste it into the README"


@pytest.mark.parametrize("table", list(SCHEMAS))
def test_every_table_has_a_suite_whose_column_set_is_the_schema(table):
    suite = json.loads((ROOT / "expectations" / f"{table}.json").read_text())
    cols = [e for e in suite["expectations"] if e["type"] == "expect_table_columns_to_match_set"]
    assert cols and cols[0]["kwargs"]["column_set"] == [*SCHEMAS[table].names, "ds"]
    assert cols[0]["meta"]["level"] == "schema"


def test_conform_keeps_nullable_integers_as_integers():
    df = pd.DataFrame({c: [None] for c in SCHEMAS["quarantine"].names})
    df["table"], df["reason"], df["original"] = "raw", "r", "{}"
    table = conform(df, "quarantine")
    assert table.schema.equals(SCHEMAS["quarantine"], check_metadata=False)


def test_conform_names_the_missing_column():
    with pytest.raises(SchemaError, match="missing columns"):
        conform(pd.DataFrame({"table": ["raw"]}), "quarantine")

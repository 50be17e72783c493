"""The suites as a Great Expectations user finds them: loadable unchanged by a FileDataContext, accepted by a
ValidationDefinition; a run stores its results in the output's GX project and builds Data Docs there."""

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
SUITES = sorted((ROOT / "expectations").glob("*.json"))


@pytest.fixture(scope="module")
def gx_project(tmp_path_factory):
    import great_expectations as gx

    ctx = gx.get_context(mode="file", project_root_dir=str(tmp_path_factory.mktemp("gx")))
    for path in SUITES:  # the repo's files, byte for byte
        shutil.copyfile(path, Path(ctx.root_directory) / "expectations" / path.name)
    return gx, ctx


def test_every_suite_file_loads_unchanged_into_a_file_data_context(gx_project):
    gx, ctx = gx_project
    assert {s.name for s in ctx.suites.all()} == {p.stem for p in SUITES}
    source = ctx.data_sources.add_pandas("check")
    for path in SUITES:
        spec = json.loads(path.read_text())
        suite = ctx.suites.get(path.stem)
        assert suite.id == spec["id"]
        assert [e.id for e in suite.expectations] == [e["id"] for e in spec["expectations"]]
        batch_def = source.add_dataframe_asset(path.stem).add_batch_definition_whole_dataframe("all")
        vd = ctx.validation_definitions.add(
            gx.ValidationDefinition(name=path.stem, data=batch_def, suite=suite)
        )
        assert vd.id is not None


@pytest.mark.usefixtures("prefect_harness")
def test_a_run_stores_gx_results_and_builds_data_docs_and_the_events_suite_passes_on_the_published_table(
    sample_raw, tmp_path, gx_project
):
    from flows import pipeline

    gx, ctx = gx_project
    out = tmp_path / "out"
    [summary] = pipeline.pipeline_flow(raw=str(sample_raw), out=str(out))
    index = out / "_gx" / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html"
    assert summary["data_docs"] == str(index) and index.is_file()
    stored = list((out / "_gx" / "gx" / "uncommitted" / "validations").rglob("*.json"))
    # one stored result per validated table (the sample's quarantine is empty: nothing to validate)
    assert {p.relative_to(out / "_gx" / "gx" / "uncommitted" / "validations").parts[0] for p in stored} == {
        "articles", "events", "mentions", "entities"
    }  # fmt: skip
    assert "events" in index.read_text()
    # the published table as a reader gets it (with its ds partition column) passes the events suite
    events = pd.read_parquet(out / "events")
    assert "ds" in events.columns
    vd = ctx.validation_definitions.get("events")
    result = vd.run(batch_parameters={"dataframe": events})
    assert result.success, [r.expectation_config.type for r in result.results if not r.success]

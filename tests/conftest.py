"""Shared fixtures: the bundled sample, ../shared (skipped when absent), a session-wide Prefect harness."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_RAW = ROOT / "data" / "raw"
SEED_FILE = SAMPLE_RAW / "2024-11-02" / "ap-2024-11-02-zelenskyy-north-korean-troops.txt"
SHARED = Path(os.environ.get("DATELINE_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_FILE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def shared_eval() -> Path:
    path = SHARED / "eval"
    if not path.is_dir():
        pytest.skip(f"{path} is not available (development material outside the repo)")
    return path


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect server + database for every flow test in the session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield


@pytest.fixture()
def sample_raw(tmp_path) -> Path:
    """A private copy of the bundled raw sample."""
    dst = tmp_path / "raw"
    shutil.copytree(SAMPLE_RAW, dst)
    return dst

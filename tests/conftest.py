"""Shared fixtures: a database initialised from the shipped `data/`, fresh for each test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hue57 import store

ROOT = Path(__file__).resolve().parents[1]
TEST_DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def _template_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "hue57.duckdb"
    store.init(path)
    return path


@pytest.fixture
def db(_template_db, tmp_path, monkeypatch) -> Path:
    """A private copy of the shipped database; HUE57_DB points at it for code that reads the env."""
    path = tmp_path / "hue57.duckdb"
    shutil.copy(_template_db, path)
    monkeypatch.setenv("HUE57_DB", str(path))
    monkeypatch.setenv("HUE57_LOCK_TIMEOUT", "20")
    return path

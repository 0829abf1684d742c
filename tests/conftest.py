"""Shared fixtures: a CLI runner and the path to ../shared, skipped where it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CLAUSES_SHARED") or REPO.parent / "shared")
"""../shared beside the checkout; CLAUSES_SHARED names it for a checkout elsewhere (a git worktree)."""
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def shared() -> Path:
    """The workplace's ../shared folder; tests that need it skip in a user's clone."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared is absent (a user's clone has none): real-corpus test skipped")
    return SHARED


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES

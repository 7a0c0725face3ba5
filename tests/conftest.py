"""Shared fixtures: the examples as fresh dicts (helpers such as ``example`` live in tests/samples.py)."""
from __future__ import annotations

import pytest

from tests.samples import example


@pytest.fixture
def doc_02a() -> dict:
    return example("02a")


@pytest.fixture
def doc_02b() -> dict:
    return example("02b")


@pytest.fixture
def doc_02c() -> dict:
    return example("02c")

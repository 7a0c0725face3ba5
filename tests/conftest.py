"""Shared fixtures: the examples as fresh dicts, so each test can break its own copy."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest

from generator import load_document

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
_CACHE: dict[str, dict] = {}


def example(name: str) -> dict:
    """A deep copy of examples/ban-tu-kiem-diem-<name>.(json|yaml)."""
    if name not in _CACHE:
        path = next(EXAMPLES.glob(f"ban-tu-kiem-diem-{name}.*"))
        _CACHE[name] = load_document(path)
    return copy.deepcopy(_CACHE[name])


@pytest.fixture
def doc_02a() -> dict:
    return example("02a")


@pytest.fixture
def doc_02b() -> dict:
    return example("02b")


@pytest.fixture
def doc_02c() -> dict:
    return example("02c")

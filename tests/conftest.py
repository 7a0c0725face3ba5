"""Shared fixtures: the examples as fresh dicts (helpers such as ``example`` live in tests/samples.py)."""

from __future__ import annotations

import itertools

import pytest

from tests.samples import example

_RECORDS = itertools.count()


@pytest.fixture(scope="session")
def _records_folder(tmp_path_factory):
    return tmp_path_factory.mktemp("history")


@pytest.fixture(autouse=True)
def _own_history(_records_folder, monkeypatch):
    """Every test's record across years is its own file (generator/history): no bulk run of the suite
    writes into the user's ~/.local/share/kiemdiem. The file is created only by what records into it."""
    monkeypatch.setenv("KIEMDIEM_HISTORY", str(_records_folder / f"history-{next(_RECORDS)}.sqlite"))


@pytest.fixture
def doc_02a() -> dict:
    return example("02a")


@pytest.fixture
def doc_02b() -> dict:
    return example("02b")


@pytest.fixture
def doc_02c() -> dict:
    return example("02c")

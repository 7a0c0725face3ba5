"""The repository's paths and its examples as fresh dicts, so each test can break its own copy."""

from __future__ import annotations

import copy
from pathlib import Path

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

"""The data a template of one form will receive, learnt from the shipped examples.

``ket_qua`` and ``trinh_bay`` have no schema: what they hold is whatever
generator/present/context.py builds, so the names a template may use there are read
from real contexts built from the example documents of the form (and regime).
The same examples tell which context paths carry a required field's value
(``ngay_lap`` is printed through ``trinh_bay.dia_danh_ngay``): change the field,
build the context again, and see what changed.
"""

from __future__ import annotations

import copy
import datetime as dt
from functools import cache
from pathlib import Path

from ..errors import InputError
from ..load import load_document
from ..pipeline import prepare
from ..resources import PACKAGE_DIR
from ..schema import load_schema, node_at, value_at
from .variables import required_leaves

EXAMPLE_SUFFIXES = (".json", ".yaml", ".yml")


def examples_dir() -> Path | None:
    """examples/ of a checkout, or the copy a wheel carries under generator/_data/."""
    for candidate in (PACKAGE_DIR / "_data" / "examples", PACKAGE_DIR.parent / "examples"):
        if candidate.is_dir():
            return candidate
    return None


@cache
def _prepared_examples() -> tuple:
    """Every example document, in examples/ and its folders, that prepares cleanly on its own:
    (path relative to examples/, document as written, context, regime)."""
    folder = examples_dir()
    if folder is None:
        return ()
    out = []
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() not in EXAMPLE_SUFFIXES or not path.is_file():
            continue
        try:
            document = load_document(path)
            prepared = prepare(copy.deepcopy(document))
        except (InputError, ValueError, OSError):
            continue  # a list or a đảng bộ file: no template of its own
        out.append((path.relative_to(folder), document, prepared.context, prepared.document.get("regime")))
    return tuple(out)


def examples_of(form: str, regime: str | None = None) -> list[tuple[Path, dict, dict]]:
    """The examples of ``form`` (path, document as written, context); with ``regime``, only that regime's."""
    return [
        item[:3] for item in _prepared_examples() if item[1]["form"] == form and (regime is None or item[3] == regime)
    ]


def _leaves(value, path: tuple = ()) -> dict[tuple, object]:
    """Flatten a context to its leaf values; list positions stay in the path."""
    if isinstance(value, dict):
        return {k: v for key, item in value.items() for k, v in _leaves(item, path + (key,)).items()}
    if isinstance(value, list):
        return {k: v for i, item in enumerate(value) for k, v in _leaves(item, path + (i,)).items()}
    return {path: value}


def _up_to_list(path: tuple) -> tuple:
    """``trinh_bay.bang_diem[3].ten`` → ``trinh_bay.bang_diem``: a template reaches list items by a loop."""
    for i, key in enumerate(path):
        if isinstance(key, int):
            return path[:i]
    return path


def _changed(value):
    """Another valid value of the same kind, or None when no safe change exists."""
    if isinstance(value, str):
        try:
            return (dt.date.fromisoformat(value) + dt.timedelta(days=1)).isoformat()
        except ValueError:
            return value + " Ω"
    return None


@cache
def carriers(form: str) -> dict[tuple, frozenset]:
    """Each required field → the context paths whose printed value changes with it."""
    schema = load_schema(form)
    found: dict[tuple, set] = {}
    for field in required_leaves(schema):
        node = node_at(schema, field) or {}
        if "oneOf" in node or "enum" in node or "const" in node:
            continue  # a code: printed as its label, never perturbed into another valid code blindly
        for _, document, context in examples_of(form):
            changed = _changed(value_at(document, field))
            if changed is None:
                continue
            altered = copy.deepcopy(document)
            target = altered
            for key in field[:-1]:
                target = target[key]
            target[field[-1]] = changed
            try:
                after = prepare(altered).context
            except InputError:
                continue
            before_leaves, after_leaves = _leaves(context), _leaves(after)
            found[field] = {
                _up_to_list(p)
                for p in before_leaves.keys() | after_leaves.keys()
                if before_leaves.get(p) != after_leaves.get(p)
            }
            break
    return {field: frozenset(paths) for field, paths in found.items()}

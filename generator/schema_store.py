"""The forms' JSON Schemas, read from schemas/, each made self-contained.

Forms that rate the same subject share definitions (an organisation's scores,
conditions, signature…) in ``schemas/shared/*.defs.json``; a form refers to them
as ``"$ref": "shared/to-chuc.defs.json#/$defs/dieu_kien"``. Loading copies each
shared definition into the form's own ``$defs``, so validation, field titles and
``kiemdiem schema`` all see one schema with local references only.
"""
from __future__ import annotations

import copy
import json
from functools import cache
from typing import Any

from .resources import schemas_dir


def known_forms() -> list[str]:
    return sorted(p.name.removesuffix(".schema.json") for p in schemas_dir().glob("*.schema.json"))


@cache
def _read(relative: str) -> dict:
    return json.loads((schemas_dir() / relative).read_text(encoding="utf-8"))


@cache
def load_schema(form: str) -> dict:
    """The form's schema with every shared definition inlined (treat it as read-only)."""
    schema = copy.deepcopy(_read(f"{form}.schema.json"))
    defs = schema.setdefault("$defs", {})
    pending: list[Any] = [schema]
    while pending:
        node = pending.pop()
        if isinstance(node, list):
            pending.extend(node)
        elif isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and not ref.startswith("#"):
                node["$ref"] = _import(ref, defs, pending)
            pending.extend(v for k, v in node.items() if k != "$ref")
    return schema


def _import(ref: str, defs: dict, pending: list) -> str:
    """Copy ``file#/$defs/name`` into ``defs`` and return the local reference.
    References inside a shared file point into that same file, so they keep working."""
    relative, _, pointer = ref.partition("#")
    prefix = "/$defs/"
    if not pointer.startswith(prefix) or "/" in pointer[len(prefix):]:
        raise ValueError(f"schema reference {ref!r}: only shared $defs entries can be referenced")
    name = pointer[len(prefix):]
    shared = _read(relative)
    for dep in _local_names(shared["$defs"][name], shared) | {name}:
        definition = shared["$defs"][dep]
        if dep in defs and defs[dep] != definition:
            raise ValueError(f"schema definition {dep!r} from {relative} clashes with the form's own")
        if dep not in defs:
            defs[dep] = copy.deepcopy(definition)
            pending.append(defs[dep])
    return f"#/$defs/{name}"


def _local_names(node: Any, shared: dict, seen: set[str] | None = None) -> set[str]:
    """Every ``#/$defs/…`` a shared definition needs, transitively."""
    seen = set() if seen is None else seen
    if isinstance(node, list):
        for item in node:
            _local_names(item, shared, seen)
    elif isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            name = ref.removeprefix("#/$defs/")
            if name not in seen:
                seen.add(name)
                _local_names(shared["$defs"][name], shared, seen)
        for key, value in node.items():
            if key != "$ref":
                _local_names(value, shared, seen)
    return seen

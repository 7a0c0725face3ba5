"""The forms' JSON Schemas: read from schemas/, each made self-contained, and read by every layer.

The vocabulary below (resolve, child, node_at, title_at, value_at, choices, kind) is how
validate, present, blank, the workbook, the web and user templates walk a schema and a
document together, so each asks the same question the same way.

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
    if not pointer.startswith(prefix) or "/" in pointer[len(prefix) :]:
        raise ValueError(f"schema reference {ref!r}: only shared $defs entries can be referenced")
    name = pointer[len(prefix) :]
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


# ---------------------------------------------------------------- reading a loaded schema
def resolve(schema: dict, node: dict) -> dict:
    """Follow a local ``$ref`` while keeping the referring node's own keys."""
    while "$ref" in node and node["$ref"].startswith("#/"):
        target = schema
        for part in node["$ref"][2:].split("/"):
            target = target[part]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def child(schema: dict, node: dict, key: Any) -> dict | None:
    """The node of ``key`` (a property name, or a list index) under ``node``; None where the schema has none."""
    node = resolve(schema, node)
    if isinstance(key, int):
        items = node.get("items")
        return resolve(schema, items) if isinstance(items, dict) else None
    props = node.get("properties", {})
    if key in props:
        return resolve(schema, props[key])
    extra = node.get("additionalProperties")
    return resolve(schema, extra) if isinstance(extra, dict) else None


def node_at(schema: dict, path) -> dict | None:
    """The schema node at a JSON path (keys and list indices), None where the schema has none."""
    node = resolve(schema, schema)
    for key in path:
        node = child(schema, node, key)
        if node is None:
            return None
    return node


def title_at(schema: dict, path: list) -> str:
    """The field's title at ``path``, after its parent's ("Thông tin đảng viên › Họ và tên")."""
    node, titles = resolve(schema, schema), []
    for key in path:
        node = child(schema, node, key) if node is not None else None
        if node is not None and node.get("title"):
            titles.append(node["title"])
    return " › ".join(titles[-2:])


def value_at(document: Any, path: list) -> Any:
    """The value at ``path`` (keys and list indexes, so a field of a list item can name its sibling);
    None where any step is missing."""
    for key in path:
        if isinstance(key, int) and isinstance(document, list) and 0 <= key < len(document):
            document = document[key]
        elif isinstance(key, str) and isinstance(document, dict) and key in document:
            document = document[key]
        else:
            return None
    return document


def choices(schema: dict, node: dict | None) -> tuple[tuple[Any, str], ...]:
    """(code, title) of each ``oneOf`` constant of a field (the title is the code where it has none)."""
    node = resolve(schema, node or {})
    return tuple((o["const"], o.get("title", o["const"])) for o in node.get("oneOf", []) if "const" in o)


def kind(schema: dict, node: dict) -> str:
    """What a field holds, as a reader or a printer asks: "object", "paragraphs" (a text, or a list of
    lines: ``["string", "array"]``), "lines" (a list of strings), "array", "boolean", "integer",
    "number", "date", "choice" (a text from ``oneOf`` constants), "string", or "" (the schema does not
    say). A number with choices is a number: ``choices`` gives its titles."""
    node = resolve(schema, node)
    types = node.get("type")
    if types == "object" or "properties" in node:
        return "object"
    if types == ["string", "array"]:
        return "paragraphs"
    if types == "array":
        items = node.get("items")
        return "lines" if isinstance(items, dict) and resolve(schema, items).get("type") == "string" else "array"
    if types in ("boolean", "integer", "number"):
        return types
    if node.get("format") == "date":
        return "date"
    if choices(schema, node):
        return "choice"
    return "string" if types == "string" else ""

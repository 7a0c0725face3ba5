"""The page's number and date fields as a person typed them, read before the document is validated.

The page sends a field's reading when its own copy of the rules (static/so_ngay.js) could read it, and the
text itself when it could not; either way the server reads once more with ``generator.typed``, so a
message about "27.500" or "05/12/25" is the one the workbook gives, naming the field.
"""

from __future__ import annotations

from typing import Any

from ..errors import Problem, json_path
from ..schema import child, load_schema, resolve, title_at
from ..typed import TypedError, parse_date, parse_number


def _types(node: dict) -> set[str]:
    kind = node.get("type")
    return set(kind) if isinstance(kind, list) else {kind} if isinstance(kind, str) else set()


def read_typed(document: Any) -> tuple[Any, list[Problem]]:
    """The document with typed numbers and dates read, and a problem for each that cannot be."""
    if not isinstance(document, dict) or not isinstance(document.get("form"), str):
        return document, []
    try:
        schema = load_schema(document["form"])
    except Exception:  # an unknown form: validate says so
        return document, []
    problems: list[Problem] = []

    def read(node: dict | None, value: Any, path: list) -> Any:
        if node is None:
            return value
        node = resolve(schema, node)
        if isinstance(value, dict):
            return {k: read(child(schema, node, k), v, [*path, k]) for k, v in value.items()}
        if isinstance(value, list):
            return [read(child(schema, node, i), v, [*path, i]) for i, v in enumerate(value)]
        if not isinstance(value, str) or not value.strip():
            return value
        types = _types(node)
        try:
            if node.get("format") == "date":
                return parse_date(value)
            if types & {"number", "integer"} and "string" not in types:
                number = parse_number(value)
                if "integer" in types and "number" not in types and not float(number).is_integer():
                    raise TypedError(f"cần một số nguyên, không phải “{value.strip()}”")
                return number
        except TypedError as error:
            problems.append(Problem(json_path(path), title_at(schema, path), str(error)))
        return value

    return read(schema, document, []), problems

"""Check the pre-filled part of a blank: what is given must be right, nothing is required.

A chi bộ pre-fills a blank with what it knows (its name, the member's name) and leaves
the rest to the member. So each value present is checked against the form's schema
(types, choices, date formats, limits) exactly as a whole document would be, but a
missing field is not an error: the schema is used with every "required" removed.
"""
from __future__ import annotations

import copy
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from ..errors import InputError, Problem
from ..load import nfc
from ..schema_store import load_schema
from ..validate import _problem, _unique, _value_problems


def _relax(node: Any) -> Any:
    """The schema without "required" (and without "at least one of" rules made of them)."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "required" and isinstance(value, list):
                continue
            if key == "anyOf" and isinstance(value, list) and all(isinstance(o, dict) and set(o) == {"required"} for o in value):
                continue
            out[key] = _relax(value)
        return out
    if isinstance(node, list):
        return [_relax(item) for item in node]
    return node


@cache
def _partial_validator(form: str) -> Draft202012Validator:
    schema = _relax(copy.deepcopy(load_schema(form)))
    registry = Registry().with_resource(schema["$id"], Resource.from_contents(schema))
    return Draft202012Validator(schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)


def validate_partial(form: str, data: Any) -> dict:
    """Return an NFC copy of ``data`` with ``form`` set, or raise ``InputError`` naming each wrong field."""
    if not isinstance(data, dict):
        raise InputError([Problem("$", "Tài liệu", "dữ liệu điền sẵn phải là một đối tượng JSON {…}")])
    if data.get("form", form) != form:
        raise InputError([Problem("$.form", "Loại văn bản", f"dữ liệu điền sẵn là mẫu “{data['form']}”, không phải “{form}”")])
    document = {**data, "form": form}
    schema = load_schema(form)
    problems = _value_problems(document, schema)
    errors = sorted(_partial_validator(form).iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    problems += [_problem(schema, e) for e in errors]
    if problems:
        raise InputError(_unique(problems))
    return nfc(document)

"""Step 2 — check a document against its JSON Schema, in Vietnamese.

Every problem is reported at once with its JSON path and the field's title from
the schema. Besides JSON Schema 2020-12 this step checks what a schema cannot say:
characters that XML (so DOCX) cannot carry, and the ``x-khong-lon-hon`` annotation
("must not exceed that other field").
"""

from __future__ import annotations

import copy
import json
import math
import re
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from .errors import InputError, Problem, json_path, overlapping
from .load import nfc
from .schema import known_forms, load_schema, resolve, title_at, value_at
from .vietnamese import so

DEFAULT_REGIME = "qd366-2025"
MAX_TEXT = 200_000  # characters in all strings of one document: about 60 printed pages
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_TYPE_NAMES = {
    "string": "chuỗi ký tự",
    "integer": "số nguyên",
    "number": "số",
    "boolean": "true hoặc false",
    "object": "đối tượng {…}",
    "array": "danh sách […]",
    "null": "null",
}


@cache
def _validator(form: str) -> Draft202012Validator:
    return _compiled(load_schema(form))


def _compiled(schema: dict) -> Draft202012Validator:
    """A validator of ``schema`` that checks formats (dates) and resolves its own ``$id``."""
    registry = Registry().with_resource(schema["$id"], Resource.from_contents(schema))
    return Draft202012Validator(schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)


def validate(document: Any) -> dict:
    """Return an NFC copy of the document with defaults filled in, or raise ``InputError``."""
    if not isinstance(document, dict):
        raise InputError([Problem("$", "Tài liệu", "tài liệu phải là một đối tượng JSON {…}")])
    form = document.get("form")
    forms = known_forms()
    if form not in forms:
        reason = 'thiếu trường "form"' if form is None else f"mẫu {_show(form)} không có"
        raise InputError([Problem("$.form", "Loại văn bản", f"{reason}; chọn một trong: {', '.join(forms)}")])
    schema = load_schema(form)
    problems = _value_problems(document, schema)
    try:
        errors = list(_validator(form).iter_errors(document))
    except RecursionError:
        raise InputError([Problem("$", "Tài liệu", "dữ liệu lồng nhau quá sâu")]) from None
    problems += [_problem(schema, e) for e in sorted(errors, key=lambda e: list(map(str, e.absolute_path)))]
    # the limits in the same round, between values that both passed the schema
    problems += _limit_problems(schema, schema, document, document, [], {p.path for p in problems})
    if problems:
        raise InputError(_unique(problems))
    result = nfc(document)  # a new NFC copy, also for documents that did not come through load
    result.setdefault("regime", DEFAULT_REGIME)
    return result


def _unique(problems: list[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))


def _date_reason(value) -> str:
    """A date in the right shape that no calendar has (30/02, month 13, year 0) says so."""
    shape = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value) if isinstance(value, str) else None
    if shape:
        year, month, day = shape.groups()
        return f"ngày {day}/{month}/{year} không có trên lịch (ghi dạng YYYY-MM-DD, ví dụ 2025-12-05)"
    return f"{_show(value)} không phải ngày hợp lệ dạng YYYY-MM-DD (ví dụ 2025-12-05)"


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "…"


def _number(value: Any) -> str:
    """A bound or a value in a message the Vietnamese way ("27,5", "1.000.000"), never "27.5" or "1e+06"."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return so(value, decimals_max=6)
    return _show(value)


def _choices(options: list[dict]) -> str:
    return "; ".join(f"{o['const']} ({o.get('title', '')})" for o in options)


def _problem(schema: dict, error) -> Problem:
    path = list(error.absolute_path)
    v, value, sub = error.validator, error.instance, error.schema
    if v == "required":
        missing = error.message.split("'")[1]
        path = path + [missing]
        return Problem(json_path(path), title_at(schema, path), "thiếu trường bắt buộc")
    if v == "additionalProperties":
        extra = [k for k in value if k not in sub.get("properties", {})]
        return Problem(json_path(path + extra[:1]), "", "trường không có trong mẫu: " + ", ".join(map(str, extra)))
    title = title_at(schema, path)
    where = json_path(path)
    if v == "type":
        kinds = sub["type"] if isinstance(sub["type"], list) else [sub["type"]]
        reason = "phải là " + " hoặc ".join(_TYPE_NAMES[k] for k in kinds) + f", không phải {_show(value)}"
    elif v == "oneOf" and all("const" in o for o in sub["oneOf"]):
        reason = f"giá trị {_show(value)} không hợp lệ; chọn một trong: {_choices(sub['oneOf'])}"
    elif v == "anyOf" and all(set(o) == {"required"} for o in sub["anyOf"]):
        names = [title_at(schema, path + o["required"]) for o in sub["anyOf"]]
        reason = "cần ghi ít nhất một trong: " + ", ".join(names)
    elif v == "const":
        reason = f"phải là {_show(sub['const'])}, không phải {_show(value)}"
    elif v == "format":
        reason = _date_reason(value)
    elif v == "pattern" and sub.get("x-loi-pattern"):
        reason = f"{_show(value)} {sub['x-loi-pattern']}"
    elif v == "minLength" or (v == "pattern" and sub["pattern"] == "\\S"):
        reason = "không được để trống"
    elif v == "maxLength":
        reason = f"dài {len(value)} ký tự, tối đa {sub['maxLength']} ký tự"
    elif v == "minItems":
        reason = f"cần ít nhất {sub['minItems']} mục"
    elif v == "maxItems":
        reason = f"có {len(value)} mục, tối đa {sub['maxItems']} mục"
    elif v == "minimum":
        reason = f"{_number(value)} nhỏ hơn mức tối thiểu {_number(sub['minimum'])}"
    elif v == "maximum":
        reason = f"{_number(value)} vượt quá mức tối đa {_number(sub['maximum'])}"
    elif v == "propertyNames":
        reason = f"tên trường {_show(value)} không hợp lệ (chữ thường không dấu, số và dấu gạch dưới)"
    elif v in ("minProperties", "maxProperties"):
        reason = f"cần từ {sub.get('minProperties', 0)} đến {sub.get('maxProperties', '…')} mục"
    elif v == "exclusiveMinimum":
        reason = f"phải lớn hơn {_number(sub['exclusiveMinimum'])}"
    else:
        reason = f"không hợp lệ ({v})"
    return Problem(where, title, reason)


def _value_problems(value: Any, schema: dict) -> list[Problem]:
    """What no schema keyword catches: characters XML 1.0 cannot carry (they would
    corrupt the DOCX), NaN and infinities (they pass minimum/maximum), and a
    document too long to print (``MAX_TEXT``, or the form's own ``x-toi-da-ky-tu``:
    a đảng bộ's list of organisations is longer than any printed form)."""
    limit = schema.get("x-toi-da-ky-tu", MAX_TEXT)
    stack, found, total = [(value, [])], [], 0
    while stack:
        item, where = stack.pop()
        if isinstance(item, float) and not math.isfinite(item):
            found.append(Problem(json_path(where), title_at(schema, where), f"{item} không phải số hữu hạn"))
        if isinstance(item, str):
            total += len(item)
            bad = _BAD_CHARS.search(item)
            if bad:
                code = f"U+{ord(bad.group()):04X}"
                found.append(
                    Problem(json_path(where), title_at(schema, where), f"chứa ký tự điều khiển không hợp lệ ({code})")
                )
        elif isinstance(item, dict):
            stack.extend((v, where + [k]) for k, v in item.items())
            stack.extend((k, where + [k]) for k in item if isinstance(k, str) and _BAD_CHARS.search(k))
        elif isinstance(item, list):
            stack.extend((v, where + [i]) for i, v in enumerate(item))
    if total > limit:
        found.append(Problem("$", "Tài liệu", f"tài liệu dài {so(total)} ký tự, tối đa {so(limit)} ký tự"))
    return sorted(found, key=lambda p: p.path)


def _limit_problems(schema: dict, node: dict, value: Any, root: dict, path: list, faulty: set[str]) -> list[Problem]:
    """Check ``x-khong-lon-hon`` along the document between values that are not ``faulty`` (the JSON
    paths the schema refused, and what lies inside or around them)."""
    node = resolve(schema, node)
    found: list[Problem] = []
    if isinstance(value, dict):
        for key, sub in node.get("properties", {}).items():
            if key not in value:
                continue
            sub = resolve(schema, sub)
            other = sub.get("x-khong-lon-hon")
            if other:
                other_path = other[2:].split(".") if other.startswith("$.") else path + [other]
                limit, here = value_at(root, other_path), path + [key]
                if (
                    limit is not None
                    and not overlapping(json_path(here), faulty)
                    and not overlapping(json_path(other_path), faulty)
                    and value[key] > limit
                ):
                    verb = "không được sau" if sub.get("format") == "date" else "không được lớn hơn"
                    found.append(
                        Problem(
                            json_path(here),
                            title_at(schema, here),
                            f"{_show(value[key])} {verb} “{title_at(schema, other_path)}” ({_show(limit)})",
                        )
                    )
            found += _limit_problems(schema, sub, value[key], root, path + [key], faulty)
    elif isinstance(value, list) and isinstance(node.get("items"), dict):
        for i, item in enumerate(value):
            found += _limit_problems(schema, node["items"], item, root, path + [i], faulty)
    return found


# ---------------------------------------------------------------- the partial mode
def _relax(node: Any) -> Any:
    """The schema without "required" (and without "at least one of" rules made of them)."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "required" and isinstance(value, list):
                continue
            if (
                key == "anyOf"
                and isinstance(value, list)
                and all(isinstance(o, dict) and set(o) == {"required"} for o in value)
            ):
                continue
            out[key] = _relax(value)
        return out
    if isinstance(node, list):
        return [_relax(item) for item in node]
    return node


@cache
def _partial_validator(form: str) -> Draft202012Validator:
    return _compiled(_relax(copy.deepcopy(load_schema(form))))


def validate_partial(form: str, data: Any) -> dict:
    """The partial mode, for a blank's pre-filled part (what a chi bộ knows before the member writes):
    each value present is checked as in a whole document, a missing field is not an error (the
    schema without "required"). Return an NFC copy of ``data`` with ``form`` set, or raise ``InputError`` naming each wrong field."""
    if not isinstance(data, dict):
        raise InputError([Problem("$", "Tài liệu", "dữ liệu điền sẵn phải là một đối tượng JSON {…}")])
    if data.get("form", form) != form:
        raise InputError(
            [Problem("$.form", "Loại văn bản", f"dữ liệu điền sẵn là mẫu “{data['form']}”, không phải “{form}”")]
        )
    document = {**data, "form": form}
    schema = load_schema(form)
    problems = _value_problems(document, schema)
    errors = sorted(_partial_validator(form).iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    problems += [_problem(schema, e) for e in errors]
    if problems:
        raise InputError(_unique(problems))
    return nfc(document)

"""A document's own fields as a template prints them: dates in the Party style, numbers with a decimal
comma, choices by their Vietnamese titles, free text in paragraphs (list items marked). Every form's
context (context.py, meeting_forms.py, the blanks) starts from this."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..schema import choices, resolve
from ..vietnamese import mot_dong, ngay_ngan, so

_BULLET = re.compile(r"^\s*[-+•–*]\s+")


def paragraphs(value: str | list[str]) -> list[dict]:
    """Split free text into paragraphs; "- …", "+ …" and "• …" lines are list items."""
    lines = value.splitlines() if isinstance(value, str) else [ln for item in value for ln in item.splitlines()]
    out = []
    for line in lines:
        text = " ".join(line.split())
        if not text:
            continue
        bullet = _BULLET.match(line)
        if bullet:
            mark = "+" if line.strip().startswith("+") else "-"
            text = f"{mark} {' '.join(line[bullet.end() :].split())}"
        out.append({"y": bool(bullet), "text": text})
    return out


def present_value(schema: dict, node: dict, value: Any) -> Any:
    node = resolve(schema, node)
    if "oneOf" in node and all("const" in o for o in node["oneOf"]):
        return dict(choices(schema, node)).get(value, value)
    if node.get("format") == "date" and isinstance(value, str):
        return ngay_ngan(dt.date.fromisoformat(value))
    if node.get("type") == ["string", "array"]:
        return paragraphs(value)
    if isinstance(value, bool):
        return value
    if node.get("x-kieu") == "nam":
        return str(value)
    if node.get("x-kieu") == "ten" and isinstance(value, str):
        return mot_dong(value)
    if isinstance(value, (int, float)):
        return so(value)
    if isinstance(value, dict):
        props = node.get("properties", {})
        extra = node.get("additionalProperties") if isinstance(node.get("additionalProperties"), dict) else {}
        return {k: present_value(schema, props.get(k, extra), v) for k, v in value.items()}
    if isinstance(value, list):
        items = node.get("items", {})
        return [present_value(schema, items, v) for v in value]
    return value

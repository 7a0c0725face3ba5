"""Step 1 — read a document (JSON or YAML) into plain Python data, NFC-normalised.

NFD text looks right but cannot be searched or sorted (WeasyPrint #547), so every
string, key included, is normalised to NFC here, before anything else sees it.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError, Problem
from .inputfile import LIMITS, read_bytes

MAX_BYTES = LIMITS["document"]


def nfc(value: Any) -> Any:
    """Return ``value`` with every string (and mapping key) in Unicode NFC."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {nfc(k): nfc(v) for k, v in value.items()}
    if isinstance(value, list):
        return [nfc(v) for v in value]
    return value


class _PlainYamlLoader(yaml.SafeLoader):
    """Safe YAML without anchors and aliases (a few aliases can expand to gigabytes) and without
    timestamps: an unquoted ``2025-02-30`` would make PyYAML raise while loading, so every
    date reaches validation as the text that was typed, and its message names the field."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.events.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(
                problem="tham chiếu YAML (&, *) không được hỗ trợ", problem_mark=event.start_mark
            )
        return super().compose_node(parent, index)


_PlainYamlLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_PlainYamlLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


def plain_yaml(text: str):
    """YAML as plain data: no aliases, no timestamps; raises ``yaml.YAMLError`` or ``RecursionError``."""
    return yaml.load(text, Loader=_PlainYamlLoader)  # noqa: S506 — a SafeLoader subclass


def _reject_constant(name: str):
    raise ValueError(f"{name} không phải số hợp lệ")


def _problem(reason: str) -> InputError:
    return InputError([Problem("$", "Tệp dữ liệu", reason)])


def parse(text: str, suffix: str = ".json") -> Any:
    """Parse JSON or YAML text; syntax errors become an ``InputError``."""
    if suffix.lower() in {".yaml", ".yml"}:
        try:
            data = plain_yaml(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" (dòng {mark.line + 1}, cột {mark.column + 1})" if mark else ""
            raise _problem(f"YAML không hợp lệ{where}: {getattr(exc, 'problem', exc)}") from None
        except RecursionError:
            raise _problem("YAML lồng nhau quá sâu.") from None
        return nfc(data)
    try:
        return nfc(json.loads(text, parse_constant=_reject_constant))
    except ValueError as exc:
        if not isinstance(exc, json.JSONDecodeError):
            raise _problem(f"JSON không hợp lệ: {exc}") from None
        raise _problem(f"JSON không hợp lệ (dòng {exc.lineno}, cột {exc.colno}): {exc.msg}") from None
    except RecursionError:
        raise _problem("JSON lồng nhau quá sâu.") from None


def load_document(path: str | Path) -> Any:
    """Read one input file (.json, .yaml, .yml)."""
    path = Path(path)
    raw = read_bytes(path, "Tệp dữ liệu", "document")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _problem("Tệp không phải văn bản UTF-8.") from None
    return parse(text, path.suffix)

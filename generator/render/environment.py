"""The Jinja environments: configured once per process, templates compiled once.

Autoescape is on for both outputs: in HTML so "<" and "&" print as text, in DOCX
because docxtpl without it silently cuts a paragraph at the first "<".
StrictUndefined turns a misspelt field into an error instead of an empty line.
"""
from __future__ import annotations

from functools import cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from ..resources import templates_dir


@cache
def html_environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(templates_dir()),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def docx_environment() -> Environment:
    return Environment(autoescape=True, undefined=StrictUndefined)

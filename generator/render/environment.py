"""The Jinja environments: configured once per process, templates compiled once.

Autoescape is on for both outputs: in HTML so "<" and "&" print as text, in DOCX
because docxtpl without it silently cuts a paragraph at the first "<".
StrictUndefined turns a misspelt field into an error instead of an empty line.

The shipped templates are trusted and use the plain environments. A committee's own
template (``--template``, a profile's ``mau_in``) runs in an immutable sandbox: no
attribute starting with "_", no mutating methods, only ``range``, ``namespace`` and
``dict`` as globals, and a loader that serves nothing but the shipped HD 36 macros.
"""
from __future__ import annotations

from functools import cache

from jinja2 import BaseLoader, Environment, FileSystemLoader, StrictUndefined, TemplateNotFound, select_autoescape
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from ..present.boxes import CHECKED, OPTION_GAP, UNCHECKED
from ..resources import templates_dir




def keep_options_whole(value):
    """A blank's choice line ("☐ T/M CHI ỦY   ☐ T/M ĐẢNG ỦY") may break between its options,
    never inside one: WeasyPrint would otherwise split "T/M" after its slash."""
    if isinstance(value, str) and not isinstance(value, Markup) and OPTION_GAP in value \
            and (UNCHECKED in value or CHECKED in value):
        return Markup(" ").join(Markup('<span class="phuong-an">{}</span>').format(o.strip())
                                for o in value.split(OPTION_GAP) if o.strip())
    return value


@cache
def html_environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(templates_dir()),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=keep_options_whole,
    )


@cache
def docx_environment() -> Environment:
    return Environment(autoescape=True, undefined=StrictUndefined)


SHARED_MACROS = "_shared/hd36.html"
USER_GLOBALS = ("range", "namespace", "dict")


class SharedMacrosLoader(BaseLoader):
    """Serve ``_shared/hd36.html`` and refuse every other name: a user template may
    import the Party-format macros, never another file."""

    def __init__(self, allowed: tuple[str, ...] = (SHARED_MACROS,)):
        self.allowed = allowed

    def get_source(self, environment, template):
        if template not in self.allowed:
            raise TemplateNotFound(template)
        path = templates_dir() / template
        mtime = path.stat().st_mtime
        return path.read_text(encoding="utf-8"), str(path), lambda: path.stat().st_mtime == mtime


def _sandboxed(loader: BaseLoader, **options) -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(loader=loader, autoescape=True, undefined=StrictUndefined, **options)
    env.globals = {name: env.globals[name] for name in USER_GLOBALS}  # no lipsum, cycler, joiner
    return env


@cache
def user_html_environment() -> ImmutableSandboxedEnvironment:
    """For a committee's HTML template: sandboxed, the shipped macros only."""
    return _sandboxed(SharedMacrosLoader(), trim_blocks=True, lstrip_blocks=True)


@cache
def user_docx_environment() -> ImmutableSandboxedEnvironment:
    """For a committee's Word template: sandboxed, nothing to import (the macros are HTML)."""
    return _sandboxed(SharedMacrosLoader(allowed=()))

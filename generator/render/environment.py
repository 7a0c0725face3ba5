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

import re
from functools import cache

from jinja2 import BaseLoader, Environment, FileSystemLoader, StrictUndefined, TemplateNotFound, select_autoescape
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from markupsafe import Markup

from ..present.boxes import CHECKED, OPTION_GAP, UNCHECKED
from ..resources import templates_dir
from ..vietnamese import ngoac_kep


def printed(value):
    """Every value a shipped template prints: straight quotes as “…” (the same in DOCX and PDF)."""
    return ngoac_kep(value) if isinstance(value, str) and not isinstance(value, Markup) else value


SHORT_CHOICE = 30  # characters: "☐ Có   ☐ Không" stays on the line of its question


def keep_options_whole(value):
    """A blank's choice line ("☐ Hoàn thành xuất sắc nhiệm vụ   ☐ Hoàn thành tốt nhiệm vụ …") may break
    between its options, never inside one, and starts a line of its own."""
    value = printed(value)
    if (
        isinstance(value, str)
        and not isinstance(value, Markup)
        and OPTION_GAP in value
        and (UNCHECKED in value or CHECKED in value)
    ):
        # On a line of their own, left-aligned: in a justified paragraph the options would spread apart.
        options = Markup(" ").join(
            Markup('<span class="phuong-an">{}</span>').format(o.strip()) for o in value.split(OPTION_GAP) if o.strip()
        )
        return options if len(value) <= SHORT_CHOICE else Markup('<span class="nhom-chon">{}</span>').format(options)
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


def options_in_word(value):
    """The DOCX's choice line: each option's words joined by no-break spaces, so Word breaks between options
    only, and a long line of options starting on a line of its own (docx_keep left-aligns the paragraph)."""
    value = printed(value)
    if (
        isinstance(value, str)
        and not isinstance(value, Markup)
        and OPTION_GAP in value
        and (UNCHECKED in value or CHECKED in value)
    ):
        options = OPTION_GAP.join("\u00a0".join(o.split()) for o in value.split(OPTION_GAP) if o.strip())
        return options if len(value) <= SHORT_CHOICE else "\n" + options
    return value


@cache
def docx_environment() -> Environment:
    return Environment(autoescape=True, undefined=StrictUndefined, finalize=options_in_word)


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


MAX_BUILT = 1_000_000  # characters or items one operation of a user template may build
MAX_ARGUMENT = 100_000  # a width or a count given to center, indent, truncate, ljust …
_WIDTH = re.compile(r"\d{6,}|\*")  # a format width of a million or more, or one taken from the arguments


def _size(value) -> int | None:
    return len(value) if isinstance(value, (str, list, tuple)) else None


class TooBig(SecurityError):
    """An operation of a user template that would build a huge value; the message is Vietnamese."""


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, refusing operations that would build a huge value in one step:
    ``'x' * 10**9``, joining two huge strings, ``9 ** 10**9``, formatting with a width of a
    billion, a filter given a billion (``center``, ``indent``, ``truncate``, ``batch``)."""

    intercepted_binops = frozenset(["*", "+", "**", "%"])

    def call_binop(self, context, operator, left, right):
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if _size(seq) is not None and isinstance(times, int) and _size(seq) * times > MAX_BUILT:
                    raise TooBig(f"mẫu tạo chuỗi hay danh sách quá dài (hơn {MAX_BUILT} ký tự)")
        elif operator == "+" and _size(left) is not None and _size(right) is not None:
            if _size(left) + _size(right) > MAX_BUILT:
                raise TooBig(f"mẫu tạo chuỗi hay danh sách quá dài (hơn {MAX_BUILT} ký tự)")
        elif operator == "**" and isinstance(left, int) and isinstance(right, (int, float)):
            if abs(left) > 1 and right > 64:
                raise TooBig("mẫu tính lũy thừa quá lớn")
        elif operator == "%" and isinstance(left, str) and _WIDTH.search(left):
            raise TooBig("mẫu định dạng chuỗi với độ rộng quá lớn")
        return super().call_binop(context, operator, left, right)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 — Jinja's own signature
        if getattr(__obj, "__name__", "") in _WIDTH_METHODS:
            _check_arguments(args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj, attribute):
        if isinstance(obj, str) and attribute in ("format", "format_map") and _WIDTH.search(obj):
            raise TooBig("mẫu định dạng chuỗi với độ rộng quá lớn")
        return super().getattr(obj, attribute)

    def getitem(self, obj, argument):
        if isinstance(obj, str) and argument in ("format", "format_map") and _WIDTH.search(obj):
            raise TooBig("mẫu định dạng chuỗi với độ rộng quá lớn")
        return super().getitem(obj, argument)


def _check_arguments(args, kwargs) -> None:
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_ARGUMENT:
            raise TooBig(f"mẫu truyền một số quá lớn ({value}) cho bộ lọc hay hàm")


_WIDTH_METHODS = frozenset(["ljust", "rjust", "center", "zfill", "expandtabs"])
_WIDTH_FILTERS = frozenset(["center", "indent", "truncate", "wordwrap", "batch", "slice"])


def _bounded_filter(name: str, function):
    def bounded(*args, **kwargs):  # the filter's value (after Jinja's context, if it takes one), then its arguments
        if name in _WIDTH_FILTERS:
            _check_arguments(args[2:] if hasattr(function, "jinja_pass_arg") else args[1:], kwargs)
        if function.__name__ == "do_replace" and len(args) >= 4:  # (eval_ctx, text, old, new[, count])
            text, old, new = (str(a) for a in args[1:4])
            if (text.count(old) if old else len(text) + 1) * max(len(new) - len(old), 0) + len(text) > MAX_BUILT:
                raise TooBig(f"mẫu tạo chuỗi quá dài (hơn {MAX_BUILT} ký tự)")
        if function.__name__ == "do_format" and _WIDTH.search(str(args[0])):
            raise TooBig("mẫu định dạng chuỗi với độ rộng quá lớn")
        return function(*args, **kwargs)

    if hasattr(function, "jinja_pass_arg"):  # Jinja passes the context or environment by this mark
        bounded.jinja_pass_arg = function.jinja_pass_arg
    bounded.__name__ = function.__name__
    return bounded


def _sandboxed(loader: BaseLoader, **options) -> ImmutableSandboxedEnvironment:
    env = BoundedSandbox(loader=loader, autoescape=True, undefined=StrictUndefined, **options)
    env.globals = {name: env.globals[name] for name in USER_GLOBALS}  # no lipsum, cycler, joiner
    env.filters = {name: _bounded_filter(name, f) for name, f in env.filters.items()}
    return env


@cache
def user_html_environment() -> ImmutableSandboxedEnvironment:
    """For a committee's HTML template: sandboxed, the shipped macros only."""
    return _sandboxed(SharedMacrosLoader(), trim_blocks=True, lstrip_blocks=True, finalize=keep_options_whole)


@cache
def user_docx_environment() -> ImmutableSandboxedEnvironment:
    """For a committee's Word template: sandboxed, nothing to import (the macros are HTML)."""
    return _sandboxed(SharedMacrosLoader(allowed=()), finalize=printed)

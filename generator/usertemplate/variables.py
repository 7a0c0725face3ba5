"""What a template reads, and whether the data can give it.

A template may print only the names of its form's schema, plus ``ket_qua`` (what the
rules computed) and ``trinh_bay`` (layout strings). The shipped templates are held
to this by tests/render/test_template_variables.py and a committee's own template by
``kiemdiem template check``; both use these functions, so the rule is the same.
"""

from __future__ import annotations

from jinja2 import nodes

from ..schema import node_at, resolve


def references(tree: nodes.Template) -> dict[tuple, int]:
    """Every variable and dotted name the template reads: ``dang_vien.ho_ten`` →
    ``("dang_vien", "ho_ten")``, with the first line it is read on. A bare name
    (``{% for d in de_nghi %}``), or one entered by a computed key (``dang_vien[k]``),
    counts as its one-part path: the whole object is read."""
    found: dict[tuple, int] = {}
    bases = {id(_root(node)) for node in tree.find_all((nodes.Getattr, nodes.Getitem)) if chain(node)}
    for node in tree.find_all((nodes.Getattr, nodes.Getitem, nodes.Name)):
        path = None if isinstance(node, nodes.Name) and id(node) in bases else chain(node)
        if path and (path not in found or node.lineno < found[path]):
            found[path] = node.lineno
    return found


def _root(node: nodes.Node) -> nodes.Node:
    while isinstance(node, (nodes.Getattr, nodes.Getitem)):
        node = node.node
    return node


def chain(node: nodes.Node) -> tuple | None:
    """The constant path of one Name/Getattr/Getitem node, or None when a part is computed."""
    parts, cur = [], node
    while isinstance(cur, (nodes.Getattr, nodes.Getitem)):
        if isinstance(cur, nodes.Getattr):
            parts.append(cur.attr)
        elif isinstance(cur.arg, nodes.Const):
            parts.append(cur.arg.value)
        else:
            return None
        cur = cur.node
    if isinstance(cur, nodes.Name) and cur.ctx == "load":
        return (cur.name, *reversed(parts))
    return None


def loaded_names(tree: nodes.Template) -> dict[str, int]:
    """Each name the template reads, with the first line it is read on."""
    lines: dict[str, int] = {}
    for node in tree.find_all(nodes.Name):
        if node.ctx == "load":
            lines[node.name] = min(lines.get(node.name, node.lineno), node.lineno)
    return lines


def in_schema(schema: dict, path: tuple) -> bool:
    return node_at(schema, path) is not None


def in_context(contexts: list[dict], path: tuple) -> bool:
    """Whether any of the built contexts has this path (keys only: lists are entered by a loop)."""

    def has(ctx, keys):
        for key in keys:
            if not isinstance(ctx, dict) or key not in ctx:
                return False
            ctx = ctx[key]
        return True

    return any(has(c, path) for c in contexts)


def required_leaves(schema: dict) -> list[tuple]:
    """Required fields, following required objects down: ``("dang_vien", "ho_ten")``, …;
    an object is listed only when none of its own fields are required."""
    out: list[tuple] = []

    def walk(node: dict, path: tuple) -> None:
        node = resolve(schema, node)
        for key in node.get("required", []):
            child = resolve(schema, node.get("properties", {}).get(key, {}))
            if child.get("type") == "object" and child.get("required"):
                walk(child, path + (key,))
            else:
                out.append(path + (key,))

    walk(schema, ())
    return out


def related(a: tuple, b: tuple) -> bool:
    """One path is the other or contains it: printing ``dang_vien`` shows ``dang_vien.ho_ten``."""
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def shows(read: set[tuple], field: tuple, carriers: set[tuple]) -> bool:
    """Whether a template that reads ``read`` prints ``field``, itself or through a
    context path that carries its value (``ngay_lap`` → ``trinh_bay.dia_danh_ngay``)."""
    targets = {field} | carriers
    return any(related(r, t) for r in read for t in targets)


def optional_layout(tree: nodes.Template, roots: tuple[str, ...]) -> set[tuple]:
    """Paths read only inside ``{% if <root>… is defined %}`` (and that test itself): layout a
    filled document's context does not carry (a blank form's appendix), so no example has them."""
    guarded, everywhere = set(), {}
    for node in tree.find_all(nodes.If):
        tested = [t.node for t in node.test.find_all(nodes.Test) if t.name == "defined"]
        if isinstance(node.test, nodes.Test) and node.test.name == "defined":
            tested.append(node.test.node)
        if not any((chain(t) or ("",))[0] in roots for t in tested):
            continue
        for inner in [node.test, *node.body]:
            guarded |= {id(n) for n in inner.find_all((nodes.Getattr, nodes.Getitem))}
            guarded |= {id(inner)} if isinstance(inner, (nodes.Getattr, nodes.Getitem)) else set()
    for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
        path = chain(node)
        if path:
            everywhere.setdefault(path, []).append(id(node) in guarded)
    return {path for path, flags in everywhere.items() if all(flags)}

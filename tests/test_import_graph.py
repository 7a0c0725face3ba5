"""The import graph of generator/, read with ``ast`` (nothing is imported): who imports whom, and how.

An edge goes to the most precise module named: ``from .present import fields`` is an edge to
generator.present.fields, ``from .present import build_context`` one to generator.present (its
__init__). The parent packages Python also runs on the way are not edges: they would put every module
in one circle through generator/__init__.py. An import inside a function is *lazy*: it runs only when
the function is called, so it can close a circle that never bites at import time.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "generator"


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    lazy: bool


def modules(root: Path = PACKAGE) -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its own name, for its __init__.py)."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _package_of(name: str, path: Path) -> str:
    return name if path.name == "__init__.py" else name.rpartition(".")[0]


def _targets(node: ast.Import | ast.ImportFrom, package: str, known: dict[str, Path]) -> list[str]:
    """The modules of ``known`` that one import statement names."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
        return [_known_prefix(n, known) for n in names if _known_prefix(n, known)]
    if node.level:
        base = package.split(".")
        base = base[: len(base) - node.level + 1]
        module = ".".join(base + ([node.module] if node.module else []))
    else:
        module = node.module or ""
    if module not in known and _known_prefix(module, known) is None:
        return []
    found = [f"{module}.{alias.name}" for alias in node.names if f"{module}.{alias.name}" in known]
    if len(found) < len(node.names):  # some names are attributes of the module itself
        found.append(module if module in known else _known_prefix(module, known))
    return found


def _known_prefix(name: str, known: dict[str, Path]) -> str | None:
    """``name`` or its longest dotted prefix that is a module of the package (None outside it)."""
    parts = name.split(".")
    while parts:
        if ".".join(parts) in known:
            return ".".join(parts)
        parts.pop()
    return None


def edges(root: Path = PACKAGE) -> set[Edge]:
    """Every import between two modules of the package, lazy when it sits inside a function."""
    known = modules(root)
    found: set[Edge] = set()
    for name, path in known.items():
        package = _package_of(name, path)
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        lazy_nodes = {
            id(inner)
            for fn in ast.walk(tree)
            if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef))
            for inner in ast.walk(fn)
            if isinstance(inner, (ast.Import, ast.ImportFrom))
        }
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                for target in _targets(node, package, known):
                    if target != name:
                        found.add(Edge(name, target, id(node) in lazy_nodes))
    return found


def cycles(graph: set[Edge], lazy: bool = False) -> set[frozenset[str]]:
    """The circles: each strongly connected component of more than one module (Tarjan's algorithm),
    over the top-level imports, or over all of them with ``lazy``."""
    following: dict[str, set[str]] = {}
    for edge in graph:
        if lazy or not edge.lazy:
            following.setdefault(edge.source, set()).add(edge.target)
            following.setdefault(edge.target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: set[frozenset[str]] = set()

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for after in sorted(following[node]):
            if after not in index:
                visit(after)
                low[node] = min(low[node], low[after])
            elif after in on_stack:
                low[node] = min(low[node], index[after])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.add(frozenset(component))

    for node in sorted(following):
        if node not in index:
            visit(node)
    return found


# ---------------------------------------------------------------- the package's floors
# From the README's Layout section: the pipeline load → validate → evaluate → present → render → write,
# then what is built on it (the pipeline and the package's API; blank, usertemplate, workbook, describe),
# bulk on top of those (its sources are the workbook and folders), and the front doors, web and cli.
# The support modules the Layout section does not name (they import only each other) are the ground floor.
# A module may import its own floor and those below; a new top-level module must be given a floor here.
# forms.py (the registry) names each form's steps as "module:function" and imports one on its first call, so it
# sits on the ground floor with no edge to the layers whose functions it names.
FLOORS = {
    "errors": 0,
    "filenames": 0,
    "forms": 0,
    "resources": 0,
    "inputfile": 0,
    "schema": 0,
    "typed": 0,
    "vietnamese": 0,
    "load": 1,
    "validate": 2,
    "compose": 3,
    "evaluate": 3,
    "present": 4,
    "render": 5,
    "write": 6,
    "pipeline": 7,
    "blank": 8,
    "usertemplate": 8,
    "workbook": 8,
    "describe": 8,
    "files": 8,
    "history": 8,  # the record across years: reads typed lists with the workbook's cells; bulk records into it
    "": 8,  # generator/__init__.py, the package's API: the pipeline and files.render_file
    "bulk": 9,
    "web": 10,
    "cli": 10,
    "__main__": 10,
}


def floor_name(module: str) -> str:
    """generator.evaluate.facts → evaluate; generator → ""."""
    return module.split(".")[1] if "." in module else ""


def upward(graph: set[Edge]) -> set[tuple[str, str]]:
    """(importer, imported) for every import, lazy or not, of a module on a higher floor."""
    return {(e.source, e.target) for e in graph if FLOORS[floor_name(e.target)] > FLOORS[floor_name(e.source)]}


# ---------------------------------------------------------------- what is allowed today
# Circles through top-level imports: none, and none may appear (Python would fail on a partial module).
TOP_LEVEL_CYCLES: set[frozenset[str]] = set()

# Circles closed by lazy (function-level) imports; each is to be removed (issue 16 §4), then struck from here.
LAZY_CYCLES: set[frozenset[str]] = set()  # the last five went in issue 16 §4; none may come back


# Imports of a higher floor: none (the last went in issue 16 §4), and none may come back.
UPWARD: set[tuple[str, str]] = set()


def test_no_circle_through_top_level_imports():
    assert cycles(edges()) == TOP_LEVEL_CYCLES


def test_the_circles_through_lazy_imports_are_the_known_ones():
    found = cycles(edges(), lazy=True)
    assert not found - LAZY_CYCLES, f"a new circle: {sorted(map(sorted, found - LAZY_CYCLES))}"
    assert not LAZY_CYCLES - found, f"gone, strike it from LAZY_CYCLES: {sorted(map(sorted, LAZY_CYCLES - found))}"


def test_every_module_has_a_floor():
    assert {floor_name(m) for m in modules()} - FLOORS.keys() == set()


def test_the_record_across_years_imports_no_front_door_and_no_bulk():
    """generator/history is below bulk (which records into it) and the front doors (which run its commands)."""
    found = {
        (e.source, e.target)
        for e in edges()
        if floor_name(e.source) == "history" and floor_name(e.target) in ("web", "cli", "__main__", "bulk")
    }
    assert found == set()


def test_the_imports_of_a_higher_floor_are_the_known_ones():
    found = upward(edges())
    assert not found - UPWARD, f"a new import of a higher floor: {sorted(found - UPWARD)}"
    assert not UPWARD - found, f"gone, strike it from UPWARD: {sorted(UPWARD - found)}"


def private_imports(root: Path = PACKAGE) -> list[str]:
    """ "module: name" for each ``from … import _name`` of one module from another, lazy or not: a
    helper another module needs is public (its name says so), so renaming a private one breaks nobody."""
    found = []
    for name, path in modules(root).items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module != "__future__":
                found += [
                    f"{name}: {a.name}" for a in node.names if a.name.startswith("_") and not a.name.startswith("__")
                ]
    return sorted(found)


def test_no_module_imports_another_modules_private_names():
    assert private_imports() == []


def test_the_graph_reader_on_a_small_package(tmp_path):
    """The reader itself: relative and absolute imports, ``from . import module``, a lazy import, circles."""
    root = tmp_path / "pkg"
    (root / "sub").mkdir(parents=True)
    files = {
        "__init__.py": "from .a import thing\n",
        "a.py": "from . import b\nfrom .sub import c\nthing = 1\n",
        "b.py": "import pkg.a\nfrom . import a, thing\n",
        "sub/__init__.py": "VALUE = 2\n",
        "sub/c.py": "from ..sub import VALUE\n\n\ndef later():\n    from .d import x\n",
        "sub/d.py": "from pkg.sub.c import later\nimport json\n",
    }
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    graph = edges(root)
    assert graph == {
        Edge("pkg", "pkg.a", False),
        Edge("pkg.a", "pkg.b", False),
        Edge("pkg.a", "pkg.sub.c", False),
        Edge("pkg.b", "pkg.a", False),
        Edge("pkg.b", "pkg", False),
        Edge("pkg.sub.c", "pkg.sub", False),
        Edge("pkg.sub.c", "pkg.sub.d", True),
        Edge("pkg.sub.d", "pkg.sub.c", False),
    }
    assert cycles(graph) == {frozenset({"pkg", "pkg.a", "pkg.b"})}
    assert cycles(graph, lazy=True) == {frozenset({"pkg", "pkg.a", "pkg.b"}), frozenset({"pkg.sub.c", "pkg.sub.d"})}

"""A package's source -> its import graph, and what breaks the layering rules of docs/architecture.md.

Every import counts, at module level or inside a function; only imports under ``if TYPE_CHECKING:``
are left out, since they never run.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

Graph = dict[str, set[str]]


def module_name(path: Path, root: Path) -> str:
    """``root/pkg/a/b.py`` -> ``pkg.a.b``; a package's ``__init__.py`` is the package itself."""
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runtime_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node except those under ``if TYPE_CHECKING:``."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            yield from (n for child in node.orelse for n in (child, *_runtime_nodes(child)))
            continue
        yield node
        yield from _runtime_nodes(node)


def _imported(node: ast.AST, name: str, is_package: bool) -> Iterator[str]:
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names)
    elif isinstance(node, ast.ImportFrom):
        base = node.module or ""
        if node.level:
            parts = name.split(".")[: len(name.split(".")) - node.level + (1 if is_package else 0)]
            base = ".".join([*parts, *([node.module] if node.module else [])])
        yield base
        yield from (f"{base}.{alias.name}" for alias in node.names)


def import_graph(package: Path) -> tuple[Graph, dict[str, set[str]]]:
    """(module -> the package's modules it imports, module -> every top-level name it imports)."""
    files = {module_name(p, package): p for p in sorted(package.rglob("*.py"))}
    graph: Graph = {}
    external: dict[str, set[str]] = {}
    for name, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found = {dep for node in _runtime_nodes(tree)
                 for dep in _imported(node, name, path.name == "__init__.py")}
        graph[name] = {dep for dep in found if dep in files and dep != name}
        external[name] = {dep.split(".")[0] for dep in found}
    return graph, external


def cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (each is at least one import cycle)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for dep in sorted(graph[node]):
            if dep not in index:
                visit(dep)
                low[node] = min(low[node], low[dep])
            elif dep in stack:
                low[node] = min(low[node], index[dep])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def unit(module: str) -> str:
    """``journeygen.render.pdf.paper`` -> ``render``: the stage a module belongs to ("" for the root)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def layer_violations(graph: Mapping[str, set[str]], layers: Sequence[set[str]]) -> list[str]:
    """Each import of a module from a higher layer than its own, as ``a -> b``; the root is exempt."""
    rank = {name: level for level, names in enumerate(layers) for name in names}
    bad = []
    for module, deps in sorted(graph.items()):
        here = unit(module)
        for dep in sorted(deps):
            there = unit(dep)
            if here and there and here != there and rank[there] > rank[here]:
                bad.append(f"{module} -> {dep}")
    return bad


def unplaced(graph: Mapping[str, set[str]], layers: Sequence[set[str]]) -> set[str]:
    """Stages found in the package that no layer names."""
    known = set().union(*layers)
    return {unit(m) for m in graph if unit(m)} - known


def stray_imports(external: Mapping[str, set[str]], library: str, allowed_in: str) -> list[str]:
    """Modules outside ``allowed_in`` (a module prefix) that import ``library``."""
    return sorted(m for m, names in external.items() if library in names
                  and not (m == allowed_in or m.startswith(allowed_in + ".")))

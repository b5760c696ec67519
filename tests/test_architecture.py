"""The shape of the code: one direction between wbl's modules, and an engine that names no rule pack."""

from __future__ import annotations

import ast
import importlib
import pickle
from pathlib import Path

import pytest

from .conftest import REPO

PACKAGE = REPO / "wbl"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str, path: Path) -> set[str]:
    """The wbl modules `name` imports anywhere (function-level imports included)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            # `from wbl import readability` imports the module wbl.readability.
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
        else:
            continue
        found.update(t for t in targets if t in MODULES and t != name)
    return found


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def test_every_module_imports():
    for name in MODULES:
        importlib.import_module(name)


def test_the_import_graph_has_no_cycle():
    """Depth-first search over wbl's own imports; a back edge is a cycle."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(GRAPH[node]):
            if state.get(target) == 1:
                cycle = [*path[path.index(target) :], target]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if target not in state:
                visit(target, [*path, target])
        state[node] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module, [module])


@pytest.mark.parametrize(
    ("lower", "upper"),
    [
        ("wbl.suppress", "wbl.engine"),
        ("wbl.engine", "wbl.files"),
        ("wbl.engine", "wbl.project"),
        ("wbl.engine", "wbl.config"),
        ("wbl.files", "wbl.project"),
        ("wbl.config", "wbl.project"),
        ("wbl.parallel", "wbl.project"),
        ("wbl.findings", "wbl.engine"),
        ("wbl.rule", "wbl.kinds"),
    ],
)
def test_layers_point_one_way(lower, upper):
    """A lower layer never reaches an upper one, even through other modules."""
    seen, stack = set(), [lower]
    while stack:
        for target in GRAPH[stack.pop()]:
            assert target != upper, f"{lower} reaches {upper}"
            if target not in seen:
                seen.add(target)
                stack.append(target)


def test_no_module_of_wbl_names_the_rule_pack():
    offenders = [str(p.relative_to(REPO)) for p in MODULES.values() if "wbl_rules" in p.read_text(encoding="utf-8")]
    assert offenders == []


# The pack's shared modules (top level of rules/): the sentence analysis, the sentence models, the memo keys.
SHARED_MODULES = ("analysis", "sentences", "memo")


def test_rule_pack_categories_do_not_import_each_other():
    """Rules share analysis through the pack's shared modules, never through another category's module."""
    for path in sorted((REPO / "rules").glob("*/*.py")):
        category = path.parent.name
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or not (node.module or "").startswith("wbl_rules"):
                continue
            names = [node.module.split(".")[1]] if "." in node.module else [a.name for a in node.names]
            for name in names:
                assert name in (category, *SHARED_MODULES), f"{path.relative_to(REPO)} imports wbl_rules.{name}"


def test_shared_modules_are_the_top_level_modules_of_the_pack():
    found = sorted(p.stem for p in (REPO / "rules").glob("*.py") if p.stem != "__init__")
    assert found == sorted(SHARED_MODULES)


def test_registry_and_options_are_picklable():
    """`--jobs` workers receive the registry and each file's options as they are."""
    import wbl

    registry = wbl.default_registry()
    options = wbl.LintOptions(select=("WB601",), rule_options={"WB601": {"extend-words": ["synergy"]}})
    restored_registry, restored_options = pickle.loads(pickle.dumps((registry, options)))
    assert [r.code for r in restored_registry.rules] == [r.code for r in registry.rules]
    assert restored_options == options
    assert restored_registry.get("WB601").options == registry.get("WB601").options

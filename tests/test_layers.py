"""Imports run one way, from the dashboard down to the base modules, and nothing grows too big.

`LAYERS` is the one written order (README's layout section draws the same). A module may
import modules of its own layer and of lower ones; an import of a higher layer, a cycle
between modules, streamlit outside the dashboard, a module over `MAX_LINES` or a package
over `MAX_MODULES` fails with the file and line to fix.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: Lowest first. The base modules come first, by name; every other entry is a package.
BASE = ("analysis", "analysis.types", "analysis.errors", "analysis.limits", "analysis.csvout",
        "analysis.outputs", "analysis.serialize", "analysis.patterns")
LAYERS = (BASE, ("analysis.ingest",), ("analysis.scoring",), ("analysis.engines",), ("analysis.gold",),
          ("analysis.corpus",), ("analysis.report",), ("analysis.charts",),
          ("analysis.cli", "analysis.__main__"), ("dashboard",))
#: Imported only by the dashboard layer.
UI_ONLY = ("streamlit",)
MAX_LINES = 350
MAX_MODULES = 9


@dataclass(frozen=True)
class Violation:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


def layer(module: str) -> int | None:
    """The layer of a module of the tree: its own entry or its package's, the longest match."""
    best: tuple[int, int] | None = None
    for index, names in enumerate(LAYERS):
        for name in names:
            exact = name in BASE or name == "analysis.__main__"
            if module == name or (not exact and module.startswith(name + ".")):
                if best is None or len(name) > best[1]:
                    best = (index, len(name))
    return best[0] if best else None


def modules(root: Path) -> dict[str, Path]:
    """Every module of `analysis/` and `dashboard/` under `root`, by dotted name."""
    found = {}
    for top in ("analysis", "dashboard"):
        for path in sorted((root / top).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports(name: str, path: Path, known: dict[str, Path]) -> list[tuple[int, str]]:
    """(line, imported module) for every import in the file, at any depth, resolved to a module of
    the tree where it names one (`from analysis.report import tables` -> analysis.report.tables)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                out.append((node.lineno, full if full in known else base))
    return out


def check_tree(root: Path) -> list[Violation]:
    """Every wrong-way import, unplaced module and import cycle under `root`."""
    known = modules(root)
    found: list[Violation] = []
    graph: dict[str, set[str]] = {}
    for name, path in known.items():
        file = path.relative_to(root).as_posix()
        own = layer(name)
        if own is None:
            found.append(Violation(file, 1, f"{name} is in no layer: add it to LAYERS"))
            continue
        for line, target in imports(name, path, known):
            if target.split(".")[0] in UI_ONLY and own < len(LAYERS) - 1:
                found.append(Violation(file, line, f"{name} imports {target}, which only the dashboard may"))
            theirs = layer(target) if target.split(".")[0] in ("analysis", "dashboard") else None
            if theirs is not None and theirs > own:
                found.append(Violation(file, line, f"{name} (layer {own}) imports {target} (layer {theirs})"))
            if target in known and target != name:
                graph.setdefault(name, set()).add(target)
    for cycle in _cycles(graph):
        path = known[cycle[0]]
        found.append(Violation(path.relative_to(root).as_posix(), 1, "import cycle: " + " -> ".join(cycle)))
    return found


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each cycle once, found by a depth-first walk from every module in name order."""
    done: set[str] = set()
    cycles = []

    def visit(node: str, stack: list[str]) -> None:
        if node in stack:
            cycles.append(stack[stack.index(node):] + [node])
            return
        if node in done:
            return
        for nxt in sorted(graph.get(node, ())):
            visit(nxt, [*stack, node])
        done.add(node)

    for start in sorted(graph):
        visit(start, [])
    return cycles


def test_imports_run_one_way() -> None:
    assert [str(v) for v in check_tree(ROOT)] == []


def test_a_wrong_way_import_is_reported_with_file_and_line(tmp_path: Path) -> None:
    for folder in ("analysis", "analysis/ingest", "analysis/report", "dashboard"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "__init__.py").write_text('"""Package."""\n')
    (tmp_path / "analysis/report/tables.py").write_text("from analysis.ingest import read\n")
    (tmp_path / "analysis/ingest/read.py").write_text(
        '"""Reads."""\n\nimport os\n\n\ndef late():\n    from analysis.report import tables\n    import streamlit\n')
    assert [str(v) for v in check_tree(tmp_path)] == [
        "analysis/ingest/read.py:7: analysis.ingest.read (layer 1) imports analysis.report.tables (layer 6)",
        "analysis/ingest/read.py:8: analysis.ingest.read imports streamlit, which only the dashboard may",
        "analysis/ingest/read.py:1: import cycle: analysis.ingest.read -> analysis.report.tables -> analysis.ingest.read",
    ]


def test_a_wrong_way_import_added_to_a_copy_of_the_tree_is_reported(tmp_path: Path) -> None:
    for top in ("analysis", "dashboard"):
        shutil.copytree(ROOT / top, tmp_path / top, ignore=shutil.ignore_patterns("__pycache__"))
    segment = tmp_path / "analysis/ingest/segment.py"
    lines = segment.read_text(encoding="utf-8").count("\n")
    segment.write_text(segment.read_text(encoding="utf-8") + "from analysis.charts import theme\n", encoding="utf-8")
    (tmp_path / "analysis/stray.py").write_text('"""Not placed in any layer."""\n')
    assert [str(v) for v in check_tree(tmp_path)] == [
        f"analysis/ingest/segment.py:{lines + 1}: analysis.ingest.segment (layer 1) imports analysis.charts.theme (layer 7)",
        "analysis/stray.py:1: analysis.stray is in no layer: add it to LAYERS",
    ]


@pytest.mark.parametrize("index", range(len(LAYERS) - 1))
def test_importing_a_layer_loads_nothing_above_it(index: int) -> None:
    """In a fresh interpreter: the layer's every module, and then no module of a higher layer,
    of the dashboard or of streamlit is loaded."""
    names = [n for n in modules(ROOT) if layer(n) == index and n != "analysis.__main__"]
    code = (f"import sys, importlib\nfor n in {names!r}: importlib.import_module(n)\n"
            "print('\\n'.join(sorted(sys.modules)))")
    loaded = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    above = [m for m in loaded.stdout.split() if m.split(".")[0] in UI_ONLY
             or (m.split(".")[0] in ("analysis", "dashboard") and (layer(m) or 0) > index)]
    assert names and above == []


def test_no_module_is_too_long_and_no_package_too_wide() -> None:
    long = [f"{p.relative_to(ROOT)}: {n} lines" for p in modules(ROOT).values()
            if (n := p.read_text(encoding="utf-8").count("\n")) > MAX_LINES]
    folders = {p.parent for p in modules(ROOT).values()}
    wide = [f"{f.relative_to(ROOT)}: {n} modules" for f in folders if (n := len(list(f.glob("*.py")))) > MAX_MODULES]
    assert long == [] and wide == []
